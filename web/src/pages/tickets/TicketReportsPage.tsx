import { Button, DatePicker, Form, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { client, qs, unwrap, type ApiBody, type ApiQuery, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { DocumentDownload, Instant } from '../../components';
import { fromDateString } from '../../dates';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type Row = Schemas['TicketResponseTimes'];
type Target = Schemas['TicketSlaTarget'];
/** The months shown; empty: the server's last six months (its clock, not the browser's). */
type RangeState = ApiQuery<'/api/v1/tickets/reports/response-times', 'get'>;
/** The targets an admin edits for one type. */
type TargetValues = Omit<ApiBody<'/api/v1/tickets/sla-targets', 'put'>, 'type'>;

const PALETTE = ['#1264b4', '#d4380d', '#389e0d', '#d48806', '#722ed1', '#08979c', '#c41d7f', '#595959'];

/** Median first response per month, one line per type, drawn as plain SVG (no chart library). */
function ResponseChart({ rows }: { rows: Row[] }) {
  const { t } = useI18n();
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const max = Math.max(1, ...rows.map((r) => r.medianFirstResponseMinutes ?? 0));
  const W = 640;
  const H = 220;
  const pad = { l: 40, r: 10, t: 10, b: 30 };
  const x = (i: number) => pad.l + (months.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (months.length - 1));
  const y = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  if (!months.length) return null;
  return (
    <figure style={{ margin: '16px 0' }}>
      <figcaption>
        <Typography.Text strong>{t('reports.chart')}</Typography.Text>
      </figcaption>
      <svg width={W} height={H} role="img" aria-label={t('reports.chart')} data-testid="report-chart">
        <line x1={pad.l} y1={H - pad.b} x2={W - pad.r} y2={H - pad.b} stroke="#bbb" />
        <line x1={pad.l} y1={pad.t} x2={pad.l} y2={H - pad.b} stroke="#bbb" />
        <text x={pad.l - 6} y={y(max) + 4} fontSize="10" textAnchor="end">
          {max}
        </text>
        <text x={pad.l - 6} y={H - pad.b + 4} fontSize="10" textAnchor="end">
          0
        </text>
        {months.map((m, i) => (
          <text key={m} x={x(i)} y={H - pad.b + 16} fontSize="10" textAnchor="middle">
            {m}
          </text>
        ))}
        {types.map((type, ti) => {
          const pts = months
            .map((m, i) => ({ i, v: rows.find((r) => r.month === m && r.type === type)?.medianFirstResponseMinutes }))
            .filter((p): p is { i: number; v: number } => p.v !== null && p.v !== undefined);
          const color = PALETTE[ti % PALETTE.length];
          return (
            <g key={type}>
              <polyline fill="none" stroke={color} strokeWidth={2} points={pts.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')} />
              {pts.map((p) => (
                <circle key={p.i} cx={x(p.i)} cy={y(p.v)} r={3} fill={color}>
                  <title>{`${t(`tickets.type.${type}` as MessageKey)} ${months[p.i]}: ${p.v}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <Space wrap>
        {types.map((type, ti) => (
          <span key={type} style={{ color: PALETTE[ti % PALETTE.length] }}>
            ■ {t(`tickets.type.${type}` as MessageKey)}
          </span>
        ))}
      </Space>
    </figure>
  );
}

/** A month ('YYYY-MM') in the UI's language (antd's picker, dayjs's locale follows the UI; the browser's own month input would not). */
function MonthPicker({ value, onChange, testId }: { value: string; onChange: (month: string) => void; testId: string }) {
  return <DatePicker picker="month" allowClear={false} value={value ? fromDateString(`${value}-01`) : null} onChange={(d) => d && onChange(d.format('YYYY-MM'))} data-testid={testId} />;
}

/** 6.1: how fast the provider answers and fixes, per month and type, against the targets. */
export function TicketReportsPage() {
  const { t } = useI18n();
  const admin = useCan('ticket.setSlaTarget');
  const [range, setRange] = useState<RangeState>({});
  const query = qs(range);
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/tickets/reports/response-times', { params: { query: range } })), [query]);
  const shown = { from: range.from ?? data?.from ?? '', to: range.to ?? data?.to ?? '' };
  return (
    <>
      <Typography.Title level={3}>{t('nav.ticketReports')}</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        {t('reports.from')}
        <MonthPicker value={shown.from} onChange={(from) => setRange({ ...shown, from })} testId="report-from" />
        {t('reports.to')}
        <MonthPicker value={shown.to} onChange={(to) => setRange({ ...shown, to })} testId="report-to" />
        <DocumentDownload href={`/tickets/reports/response-times.csv${query}`} data-testid="report-csv">
          {t('reports.csv')}
        </DocumentDownload>
      </Space>
      <ReportTable rows={data?.items} />
      <ResponseChart rows={data?.items ?? []} />
      <SlaTargets admin={admin} />
    </>
  );
}

const orNone = (v: number | null) => (v === null ? '—' : v);

function ReportTable({ rows }: { rows: Row[] | undefined }) {
  const { t } = useI18n();
  return (
    <Table<Row>
      rowKey={(r) => `${r.month}|${r.type}`}
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="report-table"
      columns={[
        { title: t('reports.month'), dataIndex: 'month' },
        { title: t('tickets.type'), dataIndex: 'type', render: (v: Row['type']) => t(`tickets.type.${v}` as MessageKey) },
        { title: t('reports.count'), dataIndex: 'count' },
        { title: t('reports.medianFirst'), dataIndex: 'medianFirstResponseMinutes', render: orNone },
        { title: t('reports.p90First'), dataIndex: 'p90FirstResponseMinutes', render: orNone },
        { title: t('reports.medianResolution'), dataIndex: 'medianResolutionMinutes', render: orNone },
        { title: t('reports.withinTarget'), render: (_, r) => (r.withinTargetPercent === null ? '—' : `${r.withinTargetPercent}% (${r.withinTarget}/${r.judged})`) },
      ]}
    />
  );
}

/** The response targets per type (7×24, clock time); an admin changes them. */
function SlaTargets({ admin }: { admin: boolean }) {
  const { t } = useI18n();
  const { data: targets, reload } = useLoad(() => unwrap(client.GET('/api/v1/tickets/sla-targets')), []);
  const [editing, setEditing] = useState<Target | null>(null);
  return (
    <>
      <Typography.Title level={4}>{t('tickets.sla.targets')}</Typography.Title>
      <Table<Target>
        rowKey="type"
        size="small"
        pagination={false}
        dataSource={targets?.items}
        columns={[
          { title: t('tickets.type'), dataIndex: 'type', render: (v: Target['type']) => t(`tickets.type.${v}`) },
          { title: t('tickets.sla.firstResponseMinutes'), dataIndex: 'firstResponseMinutes' },
          { title: t('tickets.sla.resolutionMinutes'), dataIndex: 'resolutionMinutes', render: orNone },
          { title: t('audit.at'), dataIndex: 'updatedAt', render: (at: Target['updatedAt']) => <Instant value={at} /> },
          ...(admin
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, r: Target) => (
                    <Button size="small" onClick={() => setEditing(r)}>
                      {t('customers.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <TargetForm target={editing} onClose={() => setEditing(null)} onSaved={reload} />}
    </>
  );
}

function TargetForm({ target, onClose, onSaved }: { target: Target; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<TargetValues>();
  const save = async (v: TargetValues) => {
    try {
      await unwrap(client.PUT('/api/v1/tickets/sla-targets', { body: { type: target.type, firstResponseMinutes: v.firstResponseMinutes, resolutionMinutes: v.resolutionMinutes ?? null } }));
      onClose();
      onSaved();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal open title={t(`tickets.type.${target.type}`)} onCancel={onClose} onOk={() => form.submit()} okText={t('tickets.sla.save')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={target} onFinish={save}>
        <Form.Item name="firstResponseMinutes" label={t('tickets.sla.firstResponseMinutes')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="resolutionMinutes" label={t('tickets.sla.resolutionMinutes')}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
