import { Button, Card, Checkbox, Col, Descriptions, Drawer, Form, Input, Modal, Row, Select, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useState } from 'react';
import { INCIDENT_CAUSES, type IncidentCause } from '../../../../src/rules/incidents';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { Instant } from '../../components';
import { instant } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { CauseTag, fromShanghai, LineClock, ScopeFields } from './incidentParts';
import { SecurityReportPanel, useMayReadSecurityReport } from './SecurityReport';

type Incident = Schemas['Incident'];
type IncidentDetail = Schemas['IncidentDetail'];
type ScopeKind = Schemas['IncidentScopeEntry']['kind'];
/** The open-incident form: one scope entry picked, Beijing wall-clock start. */
interface OpenIncidentValues {
  title: string;
  cause: IncidentCause;
  causeEvidence?: string;
  lineFault: boolean;
  scopeKind: ScopeKind;
  scopeTarget: string;
  startedAt?: string;
}

/** The NOC's board: open incidents, line clocks near breach and breached. */
function Board({ onOpen }: { onOpen?: () => void }) {
  const { t } = useI18n();
  // refreshed by its parent remounting it (key) after a change
  const { data: board } = useLoad(() => unwrap(client.GET('/api/v1/incidents/dashboard')), []);
  const stat = (title: string, value: number, alarm?: string) => (
    <Col span={6}>
      <Card>
        <Statistic title={title} value={value} valueStyle={{ color: value && alarm ? alarm : undefined }} />
      </Card>
    </Col>
  );
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      {stat(t('incidents.openCount'), board?.open.length ?? 0)}
      {stat(t('incidents.nearBreach'), board?.nearBreach ?? 0, '#d46b08')}
      {stat(t('incidents.breached'), board?.breached ?? 0, '#cf1322')}
      <Col span={6} style={{ display: 'flex', alignItems: 'center' }}>
        {onOpen && (
          <Button type="primary" onClick={onOpen} data-testid="incident-open">
            {t('incidents.open')}
          </Button>
        )}
      </Col>
    </Row>
  );
}

/** Opening an incident (6.3), possibly after the fact. */
function OpenIncidentForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<OpenIncidentValues>();
  const open = (v: OpenIncidentValues) =>
    unwrap(
      client.POST('/api/v1/incidents', {
        body: { title: v.title, cause: v.cause, causeEvidence: v.causeEvidence || null, lineFault: v.lineFault, scope: [{ kind: v.scopeKind, target: v.scopeTarget }], startedAt: fromShanghai(v.startedAt) },
      }),
    ).then(() => (onClose(), onSaved()), (e) => showError(e, form));
  return (
    <Modal open title={t('incidents.open')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden okButtonProps={{ id: 'incident-submit' }}>
      <Form<OpenIncidentValues> form={form} layout="vertical" initialValues={{ cause: 'provider_fault', scopeKind: 'cabinet', lineFault: false }} onFinish={open}>
        <Form.Item name="title" label={t('incidents.title')} rules={[{ required: true }]}>
          <Input data-testid="incident-title" />
        </Form.Item>
        <Form.Item name="cause" label={t('incidents.cause')}>
          <Select options={INCIDENT_CAUSES.map((c) => ({ value: c, label: t(`incidents.cause.${c}`) }))} />
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
  );
}

/** What the NOC does to an open incident: resolve it (now or at a time), or reclassify its cause. */
function IncidentActions({ detail, onChanged }: { detail: IncidentDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<{ resolvedAt?: string; note?: string }>();
  const params = { path: { id: detail.id } };
  const resolve = (v: { resolvedAt?: string; note?: string }) => unwrap(client.POST('/api/v1/incidents/{id}/resolve', { params, body: { resolvedAt: fromShanghai(v.resolvedAt), note: v.note || undefined } })).then(onChanged, (e) => showError(e, form));
  const reclassify = (cause: IncidentCause) => unwrap(client.PATCH('/api/v1/incidents/{id}', { params, body: { cause } })).then(onChanged, showError);
  return (
    <>
      {detail.status === 'open' && (
        <Form form={form} layout="inline" style={{ marginTop: 12 }} onFinish={resolve}>
          <Form.Item name="resolvedAt" label={t('incidents.resolvedAtInput')}>
            <Input placeholder={t('incidents.now')} data-testid="incident-resolved-at" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="incident-resolve">
            {t('incidents.resolve')}
          </Button>
        </Form>
      )}
      <Space style={{ marginTop: 12 }}>
        <span>{t('incidents.reclassify')}</span>
        <Select style={{ width: 200 }} value={detail.cause} options={INCIDENT_CAUSES.map((c) => ({ value: c, label: t(`incidents.cause.${c}`) }))} onChange={reclassify} />
      </Space>
    </>
  );
}

/** One incident: its facts, the NOC's actions, and its timeline. */
function IncidentDrawer({ id, noc, onClose, onChanged }: { id: string | null; noc: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const { data: detail, reload } = useLoad(() => (id ? unwrap(client.GET('/api/v1/incidents/{id}', { params: { path: { id } } })) : Promise.resolve(undefined)), [id]);
  const changed = () => (reload(), onChanged());
  const securityReport = useMayReadSecurityReport();
  return (
    <Drawer open={id !== null} onClose={onClose} width={620} title={detail ? `${detail.number} · ${detail.title}` : ''}>
      {detail && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('incidents.cause')}>
              <CauseTag cause={detail.cause} />
              {detail.causeEvidence}
            </Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>{t(`incidents.status.${detail.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('incidents.startedAt')}>
              <Instant value={detail.startedAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('incidents.resolvedAt')}>
              <Instant value={detail.resolvedAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('incidents.lineClock')}>
              <LineClock clock={detail.lineClock} />
            </Descriptions.Item>
            <Descriptions.Item label={t('incidents.affected')}>{detail.interruptions.length}</Descriptions.Item>
          </Descriptions>
          {noc && <IncidentActions detail={detail} onChanged={changed} />}
          {/* issue 22 §6: the network-security grade, its report clock and the report */}
          {securityReport && <SecurityReportPanel incidentId={detail.id} />}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('incidents.timeline')}
          </Typography.Title>
          <Timeline items={detail.updates.map((u) => ({ children: `${instant(u.createdAt)} · ${t(`incidents.update.${u.kind}`)} · ${u.body}` }))} />
        </>
      )}
    </Drawer>
  );
}

/** Incidents (6.2, 6.3): the board, the list, and one incident in a drawer. */
export function IncidentsTab() {
  const { t } = useI18n();
  const noc = useCan('incident.manage');
  // a dashboard figure links here with ?status=open (issue 20)
  const [search] = useSearchParams();
  const status = (search.get('status') ?? undefined) as Incident['status'] | undefined;
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/incidents', { params: { query: { status } } })), [status]);
  const [opening, setOpening] = useState(false);
  // ?incident=<id> opens that incident (the link an alert channel's message carries, issue 20 §5)
  const [current, setCurrent] = useState<string | null>(() => new URLSearchParams(window.location.search).get('incident'));
  const [tick, setTick] = useState(0);
  const refresh = () => (reload(), setTick((n) => n + 1));
  return (
    <>
      <Board key={tick} onOpen={noc ? () => setOpening(true) : undefined} />
      <Table<Incident>
        rowKey="id"
        dataSource={data?.items}
        onRow={(r) => ({ onClick: () => setCurrent(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '#', dataIndex: 'number' },
          { title: t('incidents.title'), dataIndex: 'title' },
          { title: t('incidents.cause'), dataIndex: 'cause', render: (c: Incident['cause']) => <CauseTag cause={c} /> },
          { title: t('common.status'), dataIndex: 'status', render: (s: Incident['status']) => <Tag color={s === 'open' ? 'red' : 'green'}>{t(`incidents.status.${s}`)}</Tag> },
          { title: t('incidents.startedAt'), dataIndex: 'startedAt', render: (v: string) => <Instant value={v} /> },
          { title: t('incidents.resolvedAt'), dataIndex: 'resolvedAt', render: (v: string | null) => <Instant value={v} /> },
          { title: t('incidents.lineClock'), dataIndex: 'lineClock', render: (c: Incident['lineClock']) => <LineClock clock={c} /> },
        ]}
      />
      {opening && <OpenIncidentForm onClose={() => setOpening(false)} onSaved={refresh} />}
      <IncidentDrawer id={current} noc={noc} onClose={() => setCurrent(null)} onChanged={refresh} />
    </>
  );
}
