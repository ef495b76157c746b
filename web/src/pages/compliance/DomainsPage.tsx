import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useSearchParams } from 'react-router';
import { useState } from 'react';
import { DOMAIN_USES, VERIFICATION_METHODS } from '../../../../src/rules/compliance';
import { client, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { Instant, StatusTag, upload } from '../../components';
import { calendarDate } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type Domain = Schemas['ComplianceDomain'];
type DomainFormValues = Omit<ApiBody<'/api/v1/compliance/domains', 'post'>, 'customerId'>;
type VerifyValues = ApiBody<'/api/v1/compliance/domains/{id}/verify', 'post'>;
type AttestValues = ApiBody<'/api/v1/compliance/attestations', 'post'>;

export const DOMAIN_STATUS_COLOR: Partial<Record<Domain['status'], string>> = { submitted: 'gold', verified: 'green', suspended: 'orange', revoked: 'red' };

/** The evidence download link, or a tag saying there is none. */
export function DomainEvidence({ d }: { d: Domain }) {
  const { t } = useI18n();
  return d.hasEvidence ? <a href={`/api/v1/compliance/domains/${d.id}/evidence`}>{t('compliance.download')}</a> : <Tag>{t('compliance.noEvidence')}</Tag>;
}

/** Staff actions on one entry: verify (saying how), suspend, revoke (with a reason). */
export function DomainActions({ d, onDone }: { d: Domain; onDone: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [verifying, setVerifying] = useState(false);
  const [closing, setClosing] = useState<'suspend' | 'revoke' | null>(null);
  const [form] = Form.useForm();
  const may = { verify: useCan('domain.verify'), suspend: useCan('domain.suspend'), revoke: useCan('domain.revoke') };
  if (d.status === 'revoked' || !(may.verify || may.suspend || may.revoke)) return null;
  const params = { path: { id: d.id } };
  const verify = (body: VerifyValues) => unwrap(client.POST('/api/v1/compliance/domains/{id}/verify', { params, body })).then(() => (setVerifying(false), onDone()), (e) => showError(e, form));
  const close = (action: 'suspend' | 'revoke', body: { reason: string }) =>
    unwrap(client.POST(action === 'suspend' ? '/api/v1/compliance/domains/{id}/suspend' : '/api/v1/compliance/domains/{id}/revoke', { params, body })).then(() => (setClosing(null), onDone()), (e) => showError(e, form));
  return (
    <Space size="small">
      {may.verify && (
        <Button size="small" type="primary" onClick={() => setVerifying(true)} data-testid={`verify-${d.domain}`}>
          {t(d.status === 'verified' ? 'compliance.reverify' : 'compliance.verify')}
        </Button>
      )}
      {may.suspend && d.status === 'verified' && (
        <Button size="small" onClick={() => setClosing('suspend')}>
          {t('compliance.suspend')}
        </Button>
      )}
      {may.revoke && (
        <Button size="small" danger onClick={() => setClosing('revoke')} data-testid={`revoke-${d.domain}`}>
          {t('compliance.revoke')}
        </Button>
      )}
      <Modal open={verifying} title={`${t('compliance.verify')} · ${d.domainUnicode}`} onCancel={() => setVerifying(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form<VerifyValues> form={form} layout="vertical" initialValues={{ method: 'miit_lookup' }} onFinish={verify}>
          <Form.Item name="method" label={t('compliance.method')}>
            <Select options={VERIFICATION_METHODS.map((m) => ({ value: m, label: t(`compliance.method.${m}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('compliance.note')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="verify-note" />
          </Form.Item>
        </Form>
      </Modal>
      {/* asks first: the act, its clause and what follows, with the reason the gate's log will carry */}
      <Modal
        open={closing !== null}
        title={closing ? `${t(`confirm.domain.${closing}.title`)} · ${d.domainUnicode}` : ''}
        onCancel={() => setClosing(null)}
        onOk={() => form.submit()}
        okText={closing ? t(`compliance.${closing}`) : undefined}
        okButtonProps={{ danger: true }}
        destroyOnHidden
      >
        {closing && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t(`confirm.domain.${closing}.consequence`)} data-testid="close-consequence" />}
        <Form<{ reason: string }> form={form} layout="vertical" onFinish={(v) => closing && close(closing, v)}>
          <Form.Item name="reason" label={t('compliance.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="close-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** 5.5: where the customer keeps its websites' access logs and for how long (≥ 6 months), renewed yearly. */
function LogRetentionCard({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<AttestValues>();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/compliance/readiness/{id}', { params: { path: { id: customerId } } })), [customerId]);
  const { data: list, reload: reloadList } = useLoad(() => unwrap(client.GET('/api/v1/compliance/attestations', { params: { query: { customerId } } })), [customerId]);
  const latest = list?.items[0];
  const attest = (body: AttestValues) => unwrap(client.POST('/api/v1/compliance/attestations', { body })).then(() => (form.resetFields(), reload(), reloadList()), (e) => showError(e, form));
  return (
    <Card size="small" style={{ marginTop: 24 }} title={t('compliance.logRetention')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {data && (
          <Tag color={data.ready ? (data.state === 'valid' ? 'green' : 'orange') : 'red'}>
            {t(`compliance.attestation.${data.state}` as MessageKey)}
            {data.validUntil ? ` · ${t('compliance.validUntil')} ${calendarDate(data.validUntil)}` : ''}
          </Tag>
        )}
        {latest && <Typography.Text type="secondary">{`${latest.location} · ${latest.retentionMonths} ${t('compliance.months')}`}</Typography.Text>}
        <Form<AttestValues> form={form} layout="inline" initialValues={{ retentionMonths: 6 }} onFinish={attest}>
          <Form.Item name="location" label={t('compliance.logLocation')} rules={[{ required: true }]}>
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="retentionMonths" label={t('compliance.retentionMonths')}>
            <InputNumber min={1} max={120} />
          </Form.Item>
          <Button htmlType="submit">{t('compliance.attest')}</Button>
        </Form>
      </Space>
    </Card>
  );
}

/** The domain list: staff act on each entry; a customer uploads evidence and edits its filings. */
function DomainTable({ items, staff, onEdit, onChanged }: { items: Domain[] | undefined; staff: boolean; onEdit: (d: Domain) => void; onChanged: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const sendEvidence = (d: Domain, file: File) => {
    const body = new FormData();
    body.append('file', file);
    upload<Domain>('POST', `/compliance/domains/${d.id}/evidence`, body).then(onChanged, showError);
    return false;
  };
  return (
    <Table<Domain>
      rowKey="id"
      dataSource={items}
      pagination={{ pageSize: 50 }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('compliance.domain'), dataIndex: 'domainUnicode', render: (v: string, r) => (v === r.domain ? v : `${v} (${r.domain})`) },
        ...(staff ? [{ title: t('nav.customers'), dataIndex: 'customerName' }] : []),
        { title: t('compliance.address'), dataIndex: 'address' },
        { title: t('compliance.use'), dataIndex: 'use', render: (v: Domain['use']) => t(`compliance.use.${v}`) },
        { title: t('compliance.filingNumber'), dataIndex: 'filingNumber' },
        { title: t('compliance.psbNumber'), dataIndex: 'psbNumber', render: (v: string | null) => v ?? '—' },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (s: Domain['status'], r) => (
            <Space direction="vertical" size={0}>
              <span data-testid={`status-${r.domain}`}>
                <StatusTag value={s} prefix="compliance.status" colors={DOMAIN_STATUS_COLOR} />
              </span>
              {r.statusReason && <Typography.Text type="secondary">{r.statusReason}</Typography.Text>}
              {r.reverificationOverdue && <Tag color="orange">{t('compliance.reverifyDue')}</Tag>}
            </Space>
          ),
        },
        { title: t('compliance.verifiedAt'), dataIndex: 'verifiedAt', render: (v: string | null, r) => (v ? <><Instant value={v} /> · {r.verifier ?? ''}</> : '—') },
        { title: t('compliance.reverifyDueOn'), dataIndex: 'reverifyDueOn', render: (v: string | null) => calendarDate(v) },
        {
          title: t('compliance.evidence'),
          render: (_: unknown, r) => (
            <Space>
              <DomainEvidence d={r} />
              {!staff && r.status !== 'revoked' && (
                <Upload showUploadList={false} accept=".pdf,.png,.jpg,.jpeg" beforeUpload={(file) => sendEvidence(r, file)}>
                  <Button size="small" data-testid={`evidence-${r.domain}`}>
                    {t('compliance.uploadEvidence')}
                  </Button>
                </Upload>
              )}
            </Space>
          ),
        },
        {
          title: t('common.actions'),
          render: (_: unknown, r) =>
            staff ? (
              <DomainActions d={r} onDone={onChanged} />
            ) : r.status !== 'revoked' ? (
              <Button size="small" onClick={() => onEdit(r)}>
                {t('compliance.edit')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

/** Adding a website (domain and server) or editing its filing (which sends it back for verification, 5.7). */
function DomainForm({ editing, onClose, onSaved }: { editing: Domain | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<DomainFormValues>();
  const { data: servers } = useLoad(() => unwrap(client.GET('/api/v1/servers')), []);
  const save = (v: DomainFormValues) =>
    (editing
      ? unwrap(client.PUT('/api/v1/compliance/domains/{id}', { params: { path: { id: editing.id } }, body: { use: v.use, filingNumber: v.filingNumber, psbNumber: v.psbNumber, version: editing.version } }))
      : unwrap(client.POST('/api/v1/compliance/domains', { body: v }))
    ).then(() => (onClose(), onSaved()), (e) => showError(e, form));
  const initial = editing ? { use: editing.use, filingNumber: editing.filingNumber, psbNumber: editing.psbNumber } : { use: 'non_commercial' as const };
  return (
    <Modal open title={editing ? `${t('compliance.edit')} · ${editing.domainUnicode}` : t('compliance.addDomain')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      {editing && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('compliance.editResets')} />}
      <Form<DomainFormValues> form={form} layout="vertical" initialValues={initial} onFinish={save}>
        {!editing && (
          <>
            <Form.Item name="domain" label={t('compliance.domain')} rules={[{ required: true }]}>
              <Input placeholder="www.example.cn" data-testid="domain-name" />
            </Form.Item>
            <Form.Item name="serverId" label={t('tickets.server')} rules={[{ required: true }]}>
              <Select data-testid="domain-server" options={servers?.items.map((s) => ({ value: s.id, label: `${s.brand} ${s.model} · ${s.serialNumber}` }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="use" label={t('compliance.use')}>
          <Select options={[...DOMAIN_USES].reverse().map((u) => ({ value: u, label: t(`compliance.use.${u}`) }))} />
        </Form.Item>
        <Form.Item name="filingNumber" label={t('compliance.filingNumber')} rules={[{ required: true }]} extra={t('compliance.filingHint')}>
          <Input data-testid="domain-filing" />
        </Form.Item>
        <Form.Item name="psbNumber" label={t('compliance.psbNumber')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 域名清单 — the customer's websites and their filings (5.6, 5.11); staff see everyone's. */
export function DomainsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const staff = me?.kind === 'staff';
  // a dashboard figure links here with ?status=submitted|verified|…, or ?status=refused (suspended and revoked: what the gate refuses) (issue 20)
  const [search] = useSearchParams();
  const status = search.get('status');
  const { data: all, reload } = useLoad(() => unwrap(client.GET('/api/v1/compliance/domains')), []);
  const data = all && status ? { items: all.items.filter((d) => (status === 'refused' ? d.status === 'suspended' || d.status === 'revoked' : d.status === status)) } : all;
  // null: closed; 'new': adding; a domain: editing it
  const [form, setForm] = useState<Domain | 'new' | null>(null);
  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.domains')}
        </Typography.Title>
        {!staff && (
          <Button type="primary" onClick={() => setForm('new')} data-testid="domain-add">
            {t('compliance.addDomain')}
          </Button>
        )}
      </Space>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('compliance.gateRule')} />
      <DomainTable items={data?.items} staff={staff} onEdit={setForm} onChanged={reload} />
      {form && <DomainForm editing={form === 'new' ? null : form} onClose={() => setForm(null)} onSaved={reload} />}
      {!staff && me?.customerId && <LogRetentionCard customerId={me.customerId} />}
    </>
  );
}
