import { Alert, Button, Card, Checkbox, Col, Descriptions, Drawer, Form, Input, Modal, Row, Select, Space, Statistic, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { get, post, api } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

export interface Incident {
  id: string;
  number: string;
  title: string;
  cause: string;
  causeEvidence: string | null;
  lineFault: boolean;
  source: string;
  status: 'open' | 'resolved';
  startedAt: string;
  resolvedAt: string | null;
  lineClock: { deadline: string; remainingMinutes: number; breached: boolean; overrunMinutes: number; nearBreach: boolean } | null;
}
export interface MaintenanceWindow {
  id: string;
  number: string;
  title: string;
  kind: string;
  description: string;
  startsAt: string;
  endsAt: string;
  status: string;
  needsConsent: boolean;
  consents?: { customerId: string; customerName: string; decision: string; decidedAt: string | null }[];
}

export const CAUSES = ['provider_fault', 'customer_fault', 'force_majeure', 'third_party_circuit', 'network_cutover', 'relocation', 'provider_planned'] as const;
const KINDS = ['expansion', 'relocation', 'network_cutover', 'circuit_debugging', 'provider_work'] as const;
const SCOPE_KINDS = ['site', 'room', 'cabinet', 'switch', 'port', 'server', 'ip'] as const;
export const CAUSE_COLOR: Record<string, string> = { provider_fault: 'red', provider_planned: 'orange', network_cutover: 'gold', relocation: 'lime', customer_fault: 'blue', force_majeure: 'default', third_party_circuit: 'default' };

/** "2026-06-01 10:00" read as Beijing time → an ISO instant with its offset; empty stays empty. */
export function fromShanghai(value?: string): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(v);
  return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00` : v;
}

export function LineClock({ clock }: { clock: Incident['lineClock'] }) {
  const { t } = useI18n();
  if (!clock) return <>—</>;
  if (clock.breached) return <Tag color="red">{t('incidents.clock.breached', { n: clock.overrunMinutes })}</Tag>;
  const h = Math.floor(clock.remainingMinutes / 60);
  const m = clock.remainingMinutes % 60;
  return <Tag color={clock.nearBreach ? 'orange' : 'green'}>{t('incidents.clock.left', { h, m })}</Tag>;
}

/** The NOC's incidents and planned work (6.3, 7.2, 7.3). */
export function IncidentsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const noc = me?.roles.some((r) => r === 'noc' || r === 'admin');
  return (
    <>
      <Typography.Title level={3}>{t('nav.incidents')}</Typography.Title>
      <Tabs
        items={[
          { key: 'incidents', label: t('incidents.tab'), children: <IncidentsTab /> },
          { key: 'maintenance', label: t('maintenance.tab'), children: <MaintenanceTab /> },
          ...(noc ? [{ key: 'unmatched', label: t('unmatched.tab'), children: <UnmatchedAlertsTab /> }] : []),
        ]}
      />
    </>
  );
}

function ScopeFields() {
  const { t } = useI18n();
  const kind = Form.useWatch('scopeKind');
  const { data: cabinets } = useLoad(() => get<{ items: { id: string; code: string; roomName: string }[] }>('/cabinets'), []);
  const { data: servers } = useLoad(() => get<{ items: { id: string; serialNumber: string; customerName?: string }[] }>('/servers'), []);
  const { data: switches } = useLoad(() => get<{ items: { id: string; name: string }[] }>('/switches'), []);
  const { data: sites } = useLoad(() => get<{ items: { id: string; name: string }[] }>('/sites'), []);
  const options =
    kind === 'cabinet'
      ? cabinets?.items.map((c) => ({ value: c.id, label: `${c.code} · ${c.roomName}` }))
      : kind === 'server'
        ? servers?.items.map((s) => ({ value: s.id, label: `${s.serialNumber} · ${s.customerName ?? ''}` }))
        : kind === 'switch'
          ? switches?.items.map((s) => ({ value: s.id, label: s.name }))
          : kind === 'site'
            ? sites?.items.map((s) => ({ value: s.id, label: s.name }))
            : undefined;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Form.Item name="scopeKind" noStyle>
        <Select style={{ width: 130 }} data-testid="incident-scope-kind" options={SCOPE_KINDS.map((k) => ({ value: k, label: t(`incidents.scope.${k}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="scopeTarget" noStyle rules={[{ required: true }]}>
        {options ? <Select style={{ flex: 1 }} showSearch optionFilterProp="label" options={options} data-testid="incident-scope-target" /> : <Input style={{ flex: 1 }} placeholder={kind === 'ip' ? '203.0.113.10' : 'id'} />}
      </Form.Item>
    </Space.Compact>
  );
}

function IncidentsTab() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { me } = useSession();
  const noc = me?.roles.some((r) => r === 'noc' || r === 'admin');
  const { data, reload } = useLoad(() => get<{ items: Incident[] }>('/incidents'), []);
  const { data: board, reload: reloadBoard } = useLoad(() => get<{ open: Incident[]; nearBreach: number; breached: number }>('/incidents/dashboard'), []);
  const [opening, setOpening] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [resolveForm] = Form.useForm();
  const { data: detail, reload: reloadDetail } = useLoad(
    () => (current ? get<Incident & { updates: { id: string; kind: string; body: string; createdAt: string }[]; interruptions: { id: string; serverId: string; startedAt: string; endedAt: string | null }[] }>(`/incidents/${current}`) : Promise.resolve(undefined)),
    [current],
  );
  const refresh = () => (reload(), reloadBoard(), reloadDetail());
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic title={t('incidents.openCount')} value={board?.open.length ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('incidents.nearBreach')} value={board?.nearBreach ?? 0} valueStyle={{ color: board?.nearBreach ? '#d46b08' : undefined }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('incidents.breached')} value={board?.breached ?? 0} valueStyle={{ color: board?.breached ? '#cf1322' : undefined }} />
          </Card>
        </Col>
        <Col span={6} style={{ display: 'flex', alignItems: 'center' }}>
          {noc && (
            <Button type="primary" onClick={() => setOpening(true)} data-testid="incident-open">
              {t('incidents.open')}
            </Button>
          )}
        </Col>
      </Row>
      <Table<Incident>
        rowKey="id"
        dataSource={data?.items}
        onRow={(r) => ({ onClick: () => setCurrent(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '#', dataIndex: 'number' },
          { title: t('incidents.title'), dataIndex: 'title' },
          { title: t('incidents.cause'), dataIndex: 'cause', render: (c: string) => <Tag color={CAUSE_COLOR[c]}>{t(`incidents.cause.${c}` as MessageKey)}</Tag> },
          { title: t('common.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'open' ? 'red' : 'green'}>{t(`incidents.status.${s}` as MessageKey)}</Tag> },
          { title: t('incidents.startedAt'), dataIndex: 'startedAt', render: shanghaiTime },
          { title: t('incidents.resolvedAt'), dataIndex: 'resolvedAt', render: shanghaiTime },
          { title: t('incidents.lineClock'), dataIndex: 'lineClock', render: (c: Incident['lineClock']) => <LineClock clock={c} /> },
        ]}
      />
      <Modal open={opening} title={t('incidents.open')} onCancel={() => setOpening(false)} onOk={() => form.submit()} destroyOnHidden okButtonProps={{ id: 'incident-submit' }}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ cause: 'provider_fault', scopeKind: 'cabinet', lineFault: false }}
          onFinish={(v) =>
            post('/incidents', {
              title: v.title,
              cause: v.cause,
              causeEvidence: v.causeEvidence || null,
              lineFault: v.lineFault,
              scope: [{ kind: v.scopeKind, target: v.scopeTarget }],
              startedAt: fromShanghai(v.startedAt),
            }).then(() => (setOpening(false), refresh()), (e) => showError(e, form))
          }
        >
          <Form.Item name="title" label={t('incidents.title')} rules={[{ required: true }]}>
            <Input data-testid="incident-title" />
          </Form.Item>
          <Form.Item name="cause" label={t('incidents.cause')}>
            <Select options={CAUSES.map((c) => ({ value: c, label: t(`incidents.cause.${c}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="causeEvidence" label={t('incidents.evidence')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label={t('incidents.scope')} required>
            <ScopeFields />
          </Form.Item>
          <Form.Item name="startedAt" label={t('incidents.startedAtInput')} extra={t('incidents.afterTheFact')}>
            <Input placeholder="2026-06-01 10:00" data-testid="incident-started-at" />
          </Form.Item>
          <Form.Item name="lineFault" valuePropName="checked">
            <Checkbox>{t('incidents.lineFault')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
      <Drawer open={current !== null} onClose={() => setCurrent(null)} width={620} title={detail ? `${detail.number} · ${detail.title}` : ''}>
        {detail && (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('incidents.cause')}>
                <Tag color={CAUSE_COLOR[detail.cause]}>{t(`incidents.cause.${detail.cause}` as MessageKey)}</Tag>
                {detail.causeEvidence}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.status')}>{t(`incidents.status.${detail.status}` as MessageKey)}</Descriptions.Item>
              <Descriptions.Item label={t('incidents.startedAt')}>{shanghaiTime(detail.startedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('incidents.resolvedAt')}>{shanghaiTime(detail.resolvedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('incidents.lineClock')}>
                <LineClock clock={detail.lineClock} />
              </Descriptions.Item>
              <Descriptions.Item label={t('incidents.affected')}>{detail.interruptions.length}</Descriptions.Item>
            </Descriptions>
            {noc && detail.status === 'open' && (
              <Form
                form={resolveForm}
                layout="inline"
                style={{ marginTop: 12 }}
                onFinish={(v) => post(`/incidents/${detail.id}/resolve`, { resolvedAt: fromShanghai(v.resolvedAt), note: v.note || undefined }).then(refresh, (e) => showError(e, resolveForm))}
              >
                <Form.Item name="resolvedAt" label={t('incidents.resolvedAtInput')}>
                  <Input placeholder={t('incidents.now')} data-testid="incident-resolved-at" />
                </Form.Item>
                <Button type="primary" htmlType="submit" data-testid="incident-resolve">
                  {t('incidents.resolve')}
                </Button>
              </Form>
            )}
            {noc && (
              <Space style={{ marginTop: 12 }}>
                <span>{t('incidents.reclassify')}</span>
                <Select
                  style={{ width: 200 }}
                  value={detail.cause}
                  options={CAUSES.map((c) => ({ value: c, label: t(`incidents.cause.${c}` as MessageKey) }))}
                  onChange={(cause) => api('PATCH', `/incidents/${detail.id}`, { cause }).then(refresh, showError)}
                />
              </Space>
            )}
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('incidents.timeline')}
            </Typography.Title>
            <Timeline items={detail.updates.map((u) => ({ children: `${shanghaiTime(u.createdAt)} · ${t(`incidents.update.${u.kind}` as MessageKey)} · ${u.body}` }))} />
          </>
        )}
      </Drawer>
    </>
  );
}

function MaintenanceTab() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<{ items: MaintenanceWindow[] }>('/maintenance'), []);
  const [scheduling, setScheduling] = useState(false);
  const [form] = Form.useForm();
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('maintenance.rule')} />
      <Button type="primary" onClick={() => setScheduling(true)} style={{ marginBottom: 12 }}>
        {t('maintenance.schedule')}
      </Button>
      <Table<MaintenanceWindow>
        rowKey="id"
        dataSource={data?.items}
        columns={[
          { title: '#', dataIndex: 'number' },
          { title: t('incidents.title'), dataIndex: 'title' },
          { title: t('maintenance.kind'), dataIndex: 'kind', render: (k: string) => t(`maintenance.kind.${k}` as MessageKey) },
          { title: t('maintenance.window'), render: (_, w) => `${shanghaiTime(w.startsAt)} – ${shanghaiTime(w.endsAt)}` },
          { title: t('common.status'), dataIndex: 'status', render: (s: string) => t(`maintenance.status.${s}` as MessageKey) },
          {
            title: t('maintenance.consents'),
            render: (_, w) => (w.needsConsent ? w.consents?.map((c) => <Tag key={c.customerId} color={c.decision === 'accepted' ? 'green' : c.decision === 'declined' ? 'red' : 'default'}>{`${c.customerName} · ${t(`maintenance.decision.${c.decision}` as MessageKey)}`}</Tag>) : t('maintenance.noticeOnly')),
          },
          {
            title: '',
            render: (_, w) =>
              w.status === 'scheduled' && (
                <Space>
                  <Button size="small" onClick={() => post(`/maintenance/${w.id}/perform`, {}).then(reload, showError)}>
                    {t('maintenance.perform')}
                  </Button>
                  <Button size="small" danger onClick={() => post(`/maintenance/${w.id}/cancel`).then(reload, showError)}>
                    {t('maintenance.cancel')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal open={scheduling} title={t('maintenance.schedule')} onCancel={() => setScheduling(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'provider_work', scopeKind: 'cabinet' }}
          onFinish={(v) =>
            post('/maintenance', { title: v.title, kind: v.kind, description: v.description, startsAt: fromShanghai(v.startsAt), endsAt: fromShanghai(v.endsAt), scope: [{ kind: v.scopeKind, target: v.scopeTarget }] }).then(
              () => (setScheduling(false), reload()),
              (e) => showError(e, form),
            )
          }
        >
          <Form.Item name="title" label={t('incidents.title')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('maintenance.kind')}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`maintenance.kind.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('tickets.description')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label={t('incidents.scope')} required>
            <ScopeFields />
          </Form.Item>
          <Form.Item name="startsAt" label={t('maintenance.startsAt')} rules={[{ required: true }]}>
            <Input placeholder="2026-06-05 02:00" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('maintenance.endsAt')} rules={[{ required: true }]}>
            <Input placeholder="2026-06-05 04:00" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface UnmatchedAlert {
  id: string;
  fingerprint: string;
  alertname: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string | null;
  receivedAt: string;
  mappedAt: string | null;
  incidentId: string | null;
}

/**
 * Alertmanager alerts whose labels named nothing the facility knows: they opened no incident. The NOC
 * reads the labels and says where the alert bites; the incident then opens from the alert's start.
 */
function UnmatchedAlertsTab() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<{ items: UnmatchedAlert[] }>('/alerts/unmatched'), []);
  const [mapping, setMapping] = useState<UnmatchedAlert | null>(null);
  const [form] = Form.useForm();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('unmatched.intro')}</Typography.Paragraph>
      <Table<UnmatchedAlert>
        rowKey="id"
        size="small"
        data-testid="unmatched-alerts"
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('unmatched.none') }}
        columns={[
          { title: t('unmatched.alertname'), dataIndex: 'alertname', render: (v: string, r) => <>{v || '—'}{r.annotations.summary ? <div><Typography.Text type="secondary">{r.annotations.summary}</Typography.Text></div> : null}</> },
          { title: t('unmatched.labels'), dataIndex: 'labels', render: (labels: Record<string, string>) => Object.entries(labels).map(([k, v]) => <Tag key={k}>{`${k}=${v}`}</Tag>) },
          { title: t('unmatched.startsAt'), dataIndex: 'startsAt', render: shanghaiTime },
          { title: t('unmatched.endsAt'), dataIndex: 'endsAt', render: (v: string | null) => (v ? shanghaiTime(v) : <Tag color="red">{t('unmatched.firing')}</Tag>) },
          {
            title: '',
            key: 'action',
            render: (_, r) =>
              r.mappedAt ? (
                <Tag color="green">{t('unmatched.mapped')}</Tag>
              ) : (
                <Button size="small" onClick={() => (form.resetFields(), setMapping(r))} data-testid="unmatched-map">
                  {t('unmatched.map')}
                </Button>
              ),
          },
        ]}
      />
      <Modal open={!!mapping} title={t('unmatched.mapTitle', { name: mapping?.alertname ?? '' })} onCancel={() => setMapping(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ scopeKind: 'server' }}
          onFinish={(v) =>
            post(`/alerts/unmatched/${mapping!.id}/map`, { scope: [{ kind: v.scopeKind, target: v.scopeTarget }] }).then(
              () => (setMapping(null), reload()),
              (e) => showError(e, form),
            )
          }
        >
          <Typography.Paragraph type="secondary">{t('unmatched.mapHint')}</Typography.Paragraph>
          <Form.Item label={t('incidents.scope')} required>
            <ScopeFields />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
