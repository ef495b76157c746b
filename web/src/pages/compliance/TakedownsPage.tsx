import { Alert, Button, Checkbox, Col, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { client, unwrap } from '../../api/client';
import { useCan } from '../../auth/can';
import { Instant, StatusTag, upload } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { FilePick, fileOf } from './conductParts';
import { TakedownDrawer } from './TakedownDetail';
import { DeadlineState, Duration, formRefusal, TAKEDOWN_STATUS_COLOR, type Takedown } from './takedownParts';

type Action = Takedown['actions'][number];
const ACTIONS: readonly Action[] = ['block_domain', 'block_ip', 'suspend_server', 'preserve_evidence'];
const STATUSES: readonly Takedown['status'][] = ['registered', 'executed', 'lifted'];

/** The register form as filled in: Beijing wall-clock times, targets as lists, the scan in the picker. */
interface RegisterValues {
  issuer: string;
  documentNumber: string;
  receivedAt: string;
  deadlineAt: string;
  customerId?: string;
  domains?: string[];
  ips?: string[];
  serverIds?: string[];
  actions: Action[];
  reason: string;
  scan?: UploadFile[];
}

/** '2026-04-01T10:30' (the picker, Beijing time) → an instant with its offset. */
const beijing = (v: string) => `${v.length === 16 ? `${v}:00` : v}+08:00`;

/** Registering an authority's order: the document and its scan, the targets (one customer's), what is required and by when. */
function RegisterForm({ onClose, onSaved }: { onClose: () => void; onSaved: (id: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RegisterValues>();
  const showError = useApiErrors();
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const customerId = Form.useWatch('customerId', form);
  const { data: customers } = useLoad(() => unwrap(client.GET('/api/v1/customers', { params: { query: { pageSize: 200 } } })), []);
  const { data: servers } = useLoad(() => (customerId ? unwrap(client.GET('/api/v1/servers', { params: { query: { customerId } } })) : Promise.resolve({ items: [] })), [customerId]);

  async function register(v: RegisterValues) {
    setGeneral(null);
    setBusy(true);
    try {
      const order = await unwrap(
        client.POST('/api/v1/takedowns', {
          body: {
            issuer: v.issuer,
            documentNumber: v.documentNumber,
            receivedAt: beijing(v.receivedAt),
            deadlineAt: beijing(v.deadlineAt),
            actions: v.actions,
            reason: v.reason,
            domains: v.domains?.length ? v.domains : undefined,
            ips: v.ips?.length ? v.ips : undefined,
            serverIds: v.serverIds?.length ? v.serverIds : undefined,
          },
        }),
      );
      const file = fileOf(v.scan);
      if (file) {
        const body = new FormData();
        body.append('file', file);
        // registered either way: a refused scan is shown on the order, where it can be filed again
        await upload<Takedown>('POST', `/takedowns/${order.id}/scan`, body).catch(showError);
      }
      onClose();
      onSaved(order.id);
    } catch (e) {
      formRefusal(e, form, setGeneral);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t('takedowns.register')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy, 'data-testid': 'takedown-submit' }} destroyOnHidden width={760}>
      {general && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={general} data-testid="takedown-form-error" />}
      <Form<RegisterValues> form={form} layout="vertical" initialValues={{ actions: ['block_domain', 'preserve_evidence'] }} onFinish={register} onValuesChange={() => setGeneral(null)}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="issuer" label={t('takedowns.issuer')} rules={[{ required: true }]}>
              <Input data-testid="takedown-issuer" placeholder={t('takedowns.issuerHint')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="documentNumber" label={t('takedowns.documentNumber')} rules={[{ required: true }]}>
              <Input data-testid="takedown-document-number" placeholder="京通信管〔2026〕18 号" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="receivedAt" label={t('takedowns.receivedAtLocal')} rules={[{ required: true }]}>
              <Input type="datetime-local" data-testid="takedown-received-at" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="deadlineAt" label={t('takedowns.deadlineAtLocal')} rules={[{ required: true }]}>
              <Input type="datetime-local" data-testid="takedown-deadline-at" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="scan" label={t('takedowns.scan')} valuePropName="value" extra={t('takedowns.scanHint')}>
          <FilePick testId="takedown-scan" />
        </Form.Item>
        <Typography.Text type="secondary">{t('takedowns.targetsHint')}</Typography.Text>
        <Form.Item name="domains" label={t('takedowns.domains')} style={{ marginTop: 8 }}>
          <Select mode="tags" tokenSeparators={[',', ' ', '，', '、']} open={false} suffixIcon={null} placeholder="bad.example.cn" data-testid="takedown-domains" />
        </Form.Item>
        <Form.Item name="ips" label={t('takedowns.ips')}>
          <Select mode="tags" tokenSeparators={[',', ' ', '，', '、']} open={false} suffixIcon={null} placeholder="203.0.113.10" data-testid="takedown-ips" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="customerId" label={t('takedowns.customerForServers')}>
              <Select allowClear showSearch optionFilterProp="label" data-testid="takedown-customer" options={customers?.items.map((c) => ({ value: c.id, label: c.name }))} onChange={() => form.setFieldValue('serverIds', [])} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="serverIds" label={t('takedowns.servers')}>
              <Select mode="multiple" disabled={!customerId} optionFilterProp="label" data-testid="takedown-servers" options={servers?.items.filter((s) => s.status !== 'removed').map((s) => ({ value: s.id, label: `${s.serialNumber} · ${s.brand} ${s.model}` }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="actions" label={t('takedowns.actions')} rules={[{ required: true }]}>
          <Checkbox.Group data-testid="takedown-actions" options={ACTIONS.map((a) => ({ value: a, label: t(`takedowns.action.${a}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('takedowns.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid="takedown-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 违法违规网站处置 (issue 22 §4): the authorities' orders, each registered, executed through the gate with its proof, and lifted. */
export function TakedownsPage() {
  const { t } = useI18n();
  const mayRegister = useCan('takedown.register');
  const [status, setStatus] = useState<Takedown['status'] | undefined>();
  const { data, loading, reload } = useLoad(() => unwrap(client.GET('/api/v1/takedowns', { params: { query: { status } } })), [status]);
  const [adding, setAdding] = useState(false);
  const [current, setCurrent] = useState<string | null>(() => new URLSearchParams(window.location.search).get('order'));
  const now = Date.now();
  const items = data?.items ?? [];
  const open = items.filter((o) => o.status === 'registered');
  return (
    <>
      <Typography.Title level={3}>{t('nav.takedowns')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('takedowns.intro')}</Typography.Paragraph>
      {open.some((o) => new Date(o.deadlineAt ?? 0).getTime() < now) && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('takedowns.overdueAlert', { n: open.filter((o) => new Date(o.deadlineAt ?? 0).getTime() < now).length })} />}
      <Space style={{ marginBottom: 12 }} wrap>
        {mayRegister && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="takedown-add">
            {t('takedowns.register')}
          </Button>
        )}
        <Select allowClear placeholder={t('common.status')} style={{ width: 160 }} value={status} onChange={setStatus} options={STATUSES.map((s) => ({ value: s, label: t(`takedowns.status.${s}`) }))} data-testid="takedown-status-filter" />
      </Space>
      <Table<Takedown>
        rowKey="id"
        loading={loading}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => setCurrent(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('takedowns.number'), dataIndex: 'number', render: (v: string) => <Typography.Link data-testid={`takedown-${v}`}>{v}</Typography.Link> },
          { title: t('common.status'), dataIndex: 'status', render: (s: Takedown['status']) => <StatusTag value={s} prefix="takedowns.status" colors={TAKEDOWN_STATUS_COLOR} /> },
          {
            title: t('takedowns.deadlineAt'),
            render: (_: unknown, r) => (
              <Space size={4}>
                <Instant value={r.deadlineAt} />
                <DeadlineState order={r} now={now} />
              </Space>
            ),
          },
          { title: t('takedowns.registrationToBlock'), render: (_: unknown, r) => <Duration seconds={r.proof?.secondsToBlock} /> },
          { title: t('takedowns.customer'), dataIndex: 'customerName', render: (v?: string) => v ?? '—' },
          { title: t('takedowns.document'), render: (_: unknown, r) => `${r.issuer} · ${r.documentNumber}` },
          { title: t('takedowns.targets'), render: (_: unknown, r) => (
              <Space size={4} wrap>
                {r.targets.map((x) => (
                  <Tag key={`${x.kind}${x.value}`}>{`${t(`takedowns.target.${x.kind}`)} ${x.value}`}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('takedowns.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => <Instant value={v} /> },
        ]}
      />
      {adding && <RegisterForm onClose={() => setAdding(false)} onSaved={(id) => (reload(), setCurrent(id))} />}
      <TakedownDrawer id={current} customerName={items.find((o) => o.id === current)?.customerName} onClose={() => setCurrent(null)} onChanged={reload} />
    </>
  );
}
