import { Alert, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tabs, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { upload } from '../../components/upload';

const CATEGORIES = ['spam', 'intrusion', 'infringement', 'pornography', 'gambling', 'fraud', 'network_instability', 'unfiled_site', 'prohibited_service', 'other'] as const;
const CLAUSES = ['5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '6.3'] as const;
const DECLARABLE = ['www', 'email', 'ftp', 'telnet', 'database'] as const;
const COMPLAINT_COLOR: Record<string, string> = { open: 'gold', notified: 'orange', confirmed: 'red', dismissed: 'default', resolved: 'green' };

interface Complaint {
  id: string;
  number: string;
  customerName?: string;
  source: string | null; // null in the portal
  category: string;
  description: string;
  ip: string | null;
  domain: string | null;
  hasEvidence: boolean;
  status: 'open' | 'notified' | 'confirmed' | 'dismissed' | 'resolved';
  receivedAt: string;
  deadlineAt: string | null;
  clause: string | null;
  suggestedClause: string;
  decisionNote: string | null;
}
interface Inspection {
  id: string;
  serverId: string;
  authority: string;
  documentNumber: string;
  documentFileName: string;
  inspectedAt: string;
  scope: string;
  staffPresent: string;
  withheld: boolean;
  withheldReason: string | null;
}
interface DeclaredService {
  id: string;
  serverId: string;
  kind: string;
  description: string;
  hasAgreement: boolean;
  agreementFileName: string | null;
  declaredAt: string;
  violation: string | null;
}
interface ServerRef {
  id: string;
  brand: string;
  model: string;
  serialNumber: string;
  customerName?: string;
}

const fileOf = (list: UploadFile[] | undefined) => list?.[0]?.originFileObj as File | undefined;
const serverLabel = (s: ServerRef | undefined, staff: boolean) => (s ? `${s.serialNumber} · ${s.brand} ${s.model}${staff && s.customerName ? ` · ${s.customerName}` : ''}` : '—');

/** The file picker of a form: kept in the form until submit (uploaded with it, not on its own). */
function FilePick({ testId, value, onChange }: { testId: string; value?: UploadFile[]; onChange?: (v: UploadFile[]) => void }) {
  const { t } = useI18n();
  return (
    <Upload maxCount={1} accept=".pdf,.png,.jpg,.jpeg" fileList={value} beforeUpload={() => false} onChange={(e) => onChange?.(e.fileList)}>
      <Button data-testid={testId}>{t('conduct.pickFile')}</Button>
    </Upload>
  );
}

/** Staff triage of one complaint: notify with a deadline (第九条), confirm citing a clause, dismiss, resolve. */
function ComplaintActions({ c, onDone }: { c: Complaint; onDone: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [action, setAction] = useState<'notify' | 'confirm' | 'dismiss' | 'resolve' | null>(null);
  const [form] = Form.useForm();
  const undecided = c.status === 'open' || c.status === 'notified';
  if (!undecided && c.status !== 'confirmed') return null;
  const open = (a: NonNullable<typeof action>) => (form.resetFields(), setAction(a));
  return (
    <Space size="small" wrap>
      {undecided && (
        <>
          <Button size="small" type="primary" onClick={() => open('notify')} data-testid={`notify-${c.number}`}>
            {t('conduct.notify')}
          </Button>
          <Button size="small" danger onClick={() => open('confirm')} data-testid={`confirm-${c.number}`}>
            {t('conduct.confirm')}
          </Button>
          <Button size="small" onClick={() => open('dismiss')} data-testid={`dismiss-${c.number}`}>
            {t('conduct.dismiss')}
          </Button>
        </>
      )}
      {c.status === 'confirmed' && (
        <Button size="small" onClick={() => open('resolve')} data-testid={`resolve-${c.number}`}>
          {t('conduct.resolve')}
        </Button>
      )}
      <Modal open={action !== null} title={action ? `${t(`conduct.${action}` as MessageKey)} · ${c.number}` : ''} onCancel={() => setAction(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ hours: 24, clause: CLAUSES.includes(c.suggestedClause as (typeof CLAUSES)[number]) ? c.suggestedClause : undefined }}
          onFinish={(v) => post(`/compliance/complaints/${c.id}/${action}`, v).then(() => (setAction(null), onDone()), (e) => showError(e, form))}
        >
          {action === 'notify' && (
            <>
              <Form.Item name="hours" label={t('conduct.hours')} rules={[{ required: true }]} extra={t('conduct.hoursHint')}>
                <InputNumber min={1} max={720} data-testid="notify-hours" />
              </Form.Item>
              <Form.Item name="message" label={t('conduct.message')}>
                <Input.TextArea rows={3} data-testid="notify-message" />
              </Form.Item>
            </>
          )}
          {action === 'confirm' && (
            <Form.Item name="clause" label={t('compliance.clause')} rules={[{ required: true }]}>
              <Select options={CLAUSES.map((k) => ({ value: k, label: t(`conduct.clause.${k}` as MessageKey) }))} />
            </Form.Item>
          )}
          {action && action !== 'notify' && (
            <Form.Item name="note" label={t('conduct.decisionNote')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid="complaint-note" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}

/** 5.4, 5.8: complaints about the customer — staff take them in and triage; the customer sees its own. */
function ComplaintsTab({ staff, roles }: { staff: boolean; roles: string[] }) {
  // what the API lets each role do: intake by compliance and NOC, triage by compliance (admin does all)
  const mayIntake = staff && roles.some((r) => r === 'compliance' || r === 'noc' || r === 'admin');
  const mayTriage = staff && roles.some((r) => r === 'compliance' || r === 'admin');
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<{ items: Complaint[] }>('/compliance/complaints'), []);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const intake = async (v: { source: string; category: string; description: string; ip?: string; domain?: string; evidence?: UploadFile[] }) => {
    try {
      const c = await post<Complaint>('/compliance/complaints', { source: v.source, category: v.category, description: v.description, ip: v.ip?.trim() || null, domain: v.domain?.trim() || null });
      const file = fileOf(v.evidence);
      if (file) {
        const body = new FormData();
        body.append('file', file);
        // the complaint is on file already; a refused file is reported and can be attached again
        await upload('POST', `/compliance/complaints/${c.id}/evidence`, body).catch(showError);
      }
      setAdding(false);
      form.resetFields();
      reload();
    } catch (e) {
      showError(e, form);
    }
  };
  const attach = (c: Complaint, file: File) => {
    const body = new FormData();
    body.append('file', file);
    upload('POST', `/compliance/complaints/${c.id}/evidence`, body).then(reload, showError);
    return false;
  };
  return (
    <>
      {mayIntake && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)} data-testid="complaint-add">
          {t('conduct.intake')}
        </Button>
      )}
      <Table<Complaint>
        rowKey="id"
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{[r.description, r.decisionNote].filter(Boolean).join('\n\n')}</Typography.Paragraph> }}
        columns={[
          { title: '#', dataIndex: 'number' },
          ...(staff ? [{ title: t('nav.customers'), dataIndex: 'customerName' }] : []),
          { title: t('conduct.receivedAt'), dataIndex: 'receivedAt', render: shanghaiTime },
          { title: t('compliance.category'), dataIndex: 'category', render: (v: string) => t(`conduct.category.${v}` as MessageKey) },
          { title: t('compliance.target'), render: (_: unknown, r) => r.domain ?? r.ip },
          ...(staff ? [{ title: t('compliance.source'), dataIndex: 'source' }] : []),
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string, r) => (
              <Tag color={COMPLAINT_COLOR[s]} data-testid={`complaint-status-${r.number}`}>
                {t(`conduct.status.${s}` as MessageKey)}
              </Tag>
            ),
          },
          { title: t('compliance.deadline'), dataIndex: 'deadlineAt', render: (v: string | null) => (v ? shanghaiTime(v) : '—') },
          { title: t('compliance.clause'), render: (_: unknown, r) => r.clause ?? (staff ? `${r.suggestedClause}?` : '—') },
          {
            title: t('conduct.evidence'),
            render: (_: unknown, r) => (
              <Space>
                {r.hasEvidence ? <a href={`/api/v1/compliance/complaints/${r.id}/evidence`}>{t('compliance.download')}</a> : <Tag>{t('compliance.noEvidence')}</Tag>}
                {mayIntake && (r.status === 'open' || r.status === 'notified') && (
                  <Upload showUploadList={false} accept=".pdf,.png,.jpg,.jpeg" beforeUpload={(file) => attach(r, file)}>
                    <Button size="small">{t('conduct.attach')}</Button>
                  </Upload>
                )}
              </Space>
            ),
          },
          ...(mayTriage ? [{ title: '', render: (_: unknown, r: Complaint) => <ComplaintActions c={r} onDone={reload} /> }] : []),
        ]}
      />
      <Modal open={adding} title={t('conduct.intake')} onCancel={() => setAdding(false)} onOk={() => form.submit()} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" initialValues={{ category: 'spam' }} onFinish={intake}>
          <Form.Item name="source" label={t('compliance.source')} rules={[{ required: true }]} extra={t('conduct.sourceHint')}>
            <Input data-testid="complaint-source" />
          </Form.Item>
          <Form.Item name="category" label={t('compliance.category')} rules={[{ required: true }]}>
            <Select data-testid="complaint-category" options={CATEGORIES.map((k) => ({ value: k, label: t(`conduct.category.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('conduct.description')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} data-testid="complaint-description" />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="ip" label={t('conduct.ip')} style={{ flex: 1 }} extra={t('conduct.targetHint')}>
              <Input placeholder="203.0.113.10" data-testid="complaint-ip" />
            </Form.Item>
            <Form.Item name="domain" label={t('compliance.domain')} style={{ flex: 1, marginLeft: 8 }}>
              <Input placeholder="www.example.cn" data-testid="complaint-domain" />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="evidence" label={t('conduct.evidence')} valuePropName="value">
            <FilePick testId="complaint-evidence" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 6.6: inspections on an authority's authorisation — staff record them; the customer sees those not withheld. */
function InspectionsTab({ staff, servers, roles }: { staff: boolean; servers: ServerRef[]; roles: string[] }) {
  const mayRecord = staff && roles.some((r) => r === 'compliance' || r === 'admin');
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<{ items: Inspection[] }>('/compliance/inspections'), []);
  const [adding, setAdding] = useState(false);
  const [withholding, setWithholding] = useState<Inspection | null>(null);
  const [form] = Form.useForm();
  const [reasonForm] = Form.useForm();
  const withheld = Form.useWatch('withheld', form) as boolean | undefined;
  const record = (v: { serverId: string; authority: string; documentNumber: string; inspectedAt: string; scope: string; staffPresent: string; withheld?: boolean; withheldReason?: string; document?: UploadFile[] }) => {
    const body = new FormData();
    body.append('serverId', v.serverId);
    body.append('authority', v.authority);
    body.append('documentNumber', v.documentNumber);
    // the picker gives Beijing wall-clock time; the API takes an instant with its offset
    body.append('inspectedAt', `${v.inspectedAt.length === 16 ? `${v.inspectedAt}:00` : v.inspectedAt}+08:00`);
    body.append('scope', v.scope);
    body.append('staffPresent', v.staffPresent);
    body.append('withheld', v.withheld ? 'true' : 'false');
    if (v.withheld && v.withheldReason) body.append('withheldReason', v.withheldReason);
    const file = fileOf(v.document);
    if (file) body.append('file', file);
    upload('POST', '/compliance/inspections', body).then(() => (setAdding(false), form.resetFields(), reload()), (e) => showError(e, form));
  };
  const byId = new Map(servers.map((s) => [s.id, s]));
  return (
    <>
      {mayRecord && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)} data-testid="inspection-add">
          {t('conduct.recordInspection')}
        </Button>
      )}
      <Table<Inspection>
        rowKey="id"
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('conduct.inspectedAt'), dataIndex: 'inspectedAt', render: shanghaiTime },
          { title: t('tickets.server'), dataIndex: 'serverId', render: (id: string) => serverLabel(byId.get(id), staff) },
          { title: t('conduct.authority'), dataIndex: 'authority' },
          { title: t('conduct.documentNumber'), dataIndex: 'documentNumber' },
          { title: t('conduct.scope'), dataIndex: 'scope' },
          { title: t('conduct.staffPresent'), dataIndex: 'staffPresent' },
          { title: t('conduct.document'), render: (_: unknown, r) => <a href={`/api/v1/compliance/inspections/${r.id}/document`}>{t('compliance.download')}</a> },
          ...(staff
            ? [
                {
                  title: t('conduct.withheld'),
                  render: (_: unknown, r: Inspection) => (
                    <Space direction="vertical" size={0}>
                      {r.withheld ? <Tag color="red">{t('conduct.withheldTag')}</Tag> : <Tag color="green">{t('conduct.visibleTag')}</Tag>}
                      {r.withheldReason && <Typography.Text type="secondary">{r.withheldReason}</Typography.Text>}
                      {mayRecord && (
                        <Button size="small" onClick={() => (reasonForm.resetFields(), setWithholding(r))}>
                          {t(r.withheld ? 'conduct.release' : 'conduct.withhold')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={adding} title={t('conduct.recordInspection')} onCancel={() => setAdding(false)} onOk={() => form.submit()} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" initialValues={{ withheld: false }} onFinish={record}>
          <Form.Item name="serverId" label={t('tickets.server')} rules={[{ required: true }]}>
            <Select data-testid="inspection-server" showSearch optionFilterProp="label" options={servers.map((s) => ({ value: s.id, label: serverLabel(s, true) }))} />
          </Form.Item>
          <Form.Item name="authority" label={t('conduct.authority')} rules={[{ required: true }]}>
            <Input data-testid="inspection-authority" />
          </Form.Item>
          <Form.Item name="documentNumber" label={t('conduct.documentNumber')} rules={[{ required: true }]}>
            <Input data-testid="inspection-document-number" />
          </Form.Item>
          <Form.Item name="document" label={t('conduct.document')} rules={[{ required: true }]} valuePropName="value">
            <FilePick testId="inspection-document" />
          </Form.Item>
          <Form.Item name="inspectedAt" label={t('conduct.inspectedAtLocal')} rules={[{ required: true }]}>
            <Input type="datetime-local" data-testid="inspection-at" />
          </Form.Item>
          <Form.Item name="scope" label={t('conduct.scope')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="inspection-scope" />
          </Form.Item>
          <Form.Item name="staffPresent" label={t('conduct.staffPresent')} rules={[{ required: true }]}>
            <Input data-testid="inspection-staff" />
          </Form.Item>
          <Form.Item name="withheld" label={t('conduct.withheldAsk')} valuePropName="checked">
            <Switch data-testid="inspection-withheld" />
          </Form.Item>
          {withheld && (
            <Form.Item name="withheldReason" label={t('conduct.withheldReason')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} data-testid="inspection-withheld-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal open={withholding !== null} title={withholding ? t(withholding.withheld ? 'conduct.release' : 'conduct.withhold') : ''} onCancel={() => setWithholding(null)} onOk={() => reasonForm.submit()} destroyOnHidden>
        <Form
          form={reasonForm}
          layout="vertical"
          onFinish={(v: { reason: string }) => post(`/compliance/inspections/${withholding!.id}/withhold`, { withheld: !withholding!.withheld, reason: v.reason }).then(() => (setWithholding(null), reload()), (e) => showError(e, reasonForm))}
        >
          <Form.Item name="reason" label={t('conduct.withheldReason')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 5.3: the services declared per server; anything but www needs the supplementary agreement on file. */
function ServicesTab({ staff, servers, roles }: { staff: boolean; servers: ServerRef[]; roles: string[] }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [serverId, setServerId] = useState<string | undefined>();
  const { data, reload } = useLoad(() => get<{ items: DeclaredService[] }>(`/compliance/services${serverId ? `?serverId=${serverId}` : ''}`), [serverId]);
  const [form] = Form.useForm();
  const byId = new Map(servers.map((s) => [s.id, s]));
  const mayDeclare = staff ? roles.some((r) => r === 'compliance' || r === 'sales' || r === 'admin') : roles.some((r) => r === 'owner' || r === 'technical');
  const mayFile = staff && roles.some((r) => r === 'compliance' || r === 'sales' || r === 'admin');
  const fileAgreement = (s: DeclaredService, file: File) => {
    const body = new FormData();
    body.append('file', file);
    upload('POST', `/compliance/services/${s.id}/agreement`, body).then(reload, showError);
    return false;
  };
  const options = servers.map((s) => ({ value: s.id, label: serverLabel(s, staff) }));
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('conduct.servicesRule')} />
      <Space style={{ marginBottom: 12 }} wrap>
        <Select allowClear placeholder={t('conduct.allServers')} style={{ width: 360 }} value={serverId} onChange={setServerId} options={options} showSearch optionFilterProp="label" />
      </Space>
      {mayDeclare && (
        <Form form={form} layout="inline" style={{ marginBottom: 12 }} initialValues={{ kind: 'www' }} onFinish={(v) => post('/compliance/services', v).then(() => (form.resetFields(), reload()), (e) => showError(e, form))}>
          <Form.Item name="serverId" rules={[{ required: true }]}>
            <Select placeholder={t('tickets.server')} style={{ width: 300 }} options={options} data-testid="service-server" />
          </Form.Item>
          <Form.Item name="kind">
            <Select style={{ width: 140 }} options={DECLARABLE.map((k) => ({ value: k, label: t(`conduct.kind.${k}` as MessageKey) }))} data-testid="service-kind" />
          </Form.Item>
          <Form.Item name="description">
            <Input placeholder={t('conduct.serviceDescription')} style={{ width: 220 }} />
          </Form.Item>
          <Button htmlType="submit" data-testid="service-declare">
            {t('conduct.declare')}
          </Button>
        </Form>
      )}
      <Table<DeclaredService>
        rowKey="id"
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('tickets.server'), dataIndex: 'serverId', render: (id: string) => serverLabel(byId.get(id), staff) },
          { title: t('conduct.kind'), dataIndex: 'kind', render: (k: string) => t(`conduct.kind.${k}` as MessageKey) },
          { title: t('conduct.serviceDescription'), dataIndex: 'description' },
          { title: t('conduct.declaredAt'), dataIndex: 'declaredAt', render: shanghaiTime },
          {
            title: t('conduct.agreement'),
            render: (_: unknown, r) =>
              r.kind === 'www' ? (
                '—'
              ) : (
                <Space>
                  {r.hasAgreement ? <a href={`/api/v1/compliance/services/${r.id}/agreement`}>{r.agreementFileName ?? t('compliance.download')}</a> : <Tag>{t('compliance.noEvidence')}</Tag>}
                  {mayFile && (
                    <Upload showUploadList={false} accept=".pdf,.png,.jpg,.jpeg" beforeUpload={(file) => fileAgreement(r, file)}>
                      <Button size="small" data-testid={`agreement-${r.id}`}>
                        {t('conduct.fileAgreement')}
                      </Button>
                    </Upload>
                  )}
                </Space>
              ),
          },
          { title: t('common.status'), dataIndex: 'violation', render: (v: string | null) => (v ? <Tag color="red">{t('conduct.violation.agreementMissing')}</Tag> : <Tag color="green">{t('conduct.compliant')}</Tag>) },
          ...(mayDeclare
            ? [
                {
                  title: '',
                  render: (_: unknown, r: DeclaredService) => (
                    <Popconfirm title={t('conduct.withdraw')} onConfirm={() => post(`/compliance/services/${r.id}/withdraw`).then(reload, showError)}>
                      <Button size="small">{t('conduct.withdraw')}</Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

/** 合规事项 — complaints, inspections and declared services; staff act on them, the customer sees its own. */
export function ConductPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const staff = me?.kind === 'staff';
  const { data: servers } = useLoad(() => get<{ items: ServerRef[] }>('/servers'), []);
  const list = servers?.items ?? [];
  return (
    <>
      <Typography.Title level={3}>{t('nav.conduct')}</Typography.Title>
      <Tabs
        items={[
          { key: 'complaints', label: t('conduct.complaints'), children: <ComplaintsTab staff={staff} roles={me?.roles ?? []} /> },
          { key: 'inspections', label: t('conduct.inspections'), children: <InspectionsTab staff={staff} servers={list} roles={me?.roles ?? []} /> },
          { key: 'services', label: t('conduct.services'), children: <ServicesTab staff={staff} servers={list} roles={me?.roles ?? []} /> },
        ]}
      />
    </>
  );
}
