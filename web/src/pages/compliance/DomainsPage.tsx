import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { get, post, put } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { upload } from '../../components/upload';

export interface DomainEntry {
  id: string;
  customerName?: string;
  serverId: string;
  domain: string;
  domainUnicode: string;
  address: string;
  use: 'commercial' | 'non_commercial';
  filingNumber: string;
  psbNumber: string | null;
  hasEvidence: boolean;
  status: 'submitted' | 'verified' | 'suspended' | 'revoked';
  statusReason: string | null;
  verifier: string | null;
  verificationMethod: string | null;
  verifiedAt: string | null;
  reverifyDueOn: string | null;
  reverificationOverdue?: boolean;
  version: number;
}
export const DOMAIN_STATUS_COLOR: Record<string, string> = { submitted: 'gold', verified: 'green', suspended: 'orange', revoked: 'red' };

/** Staff actions on one entry: verify (saying how), suspend, revoke (with a reason). */
export function DomainActions({ d, onDone }: { d: DomainEntry; onDone: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [verifying, setVerifying] = useState(false);
  const [closing, setClosing] = useState<'suspend' | 'revoke' | null>(null);
  const [form] = Form.useForm();
  if (d.status === 'revoked') return null;
  return (
    <Space size="small">
      <Button size="small" type="primary" onClick={() => setVerifying(true)} data-testid={`verify-${d.domain}`}>
        {t(d.status === 'verified' ? 'compliance.reverify' : 'compliance.verify')}
      </Button>
      {d.status === 'verified' && (
        <Button size="small" onClick={() => setClosing('suspend')}>
          {t('compliance.suspend')}
        </Button>
      )}
      <Button size="small" danger onClick={() => setClosing('revoke')} data-testid={`revoke-${d.domain}`}>
        {t('compliance.revoke')}
      </Button>
      <Modal open={verifying} title={`${t('compliance.verify')} · ${d.domainUnicode}`} onCancel={() => setVerifying(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ method: 'miit_lookup' }} onFinish={(v) => post(`/compliance/domains/${d.id}/verify`, v).then(() => (setVerifying(false), onDone()), (e) => showError(e, form))}>
          <Form.Item name="method" label={t('compliance.method')}>
            <Select options={['miit_lookup', 'licence_original_seen', 'authority_confirmation'].map((m) => ({ value: m, label: t(`compliance.method.${m}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('compliance.note')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="verify-note" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={closing !== null} title={closing ? t(`compliance.${closing}`) : ''} onCancel={() => setClosing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => post(`/compliance/domains/${d.id}/${closing}`, v).then(() => (setClosing(null), onDone()), (e) => showError(e, form))}>
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
  const [form] = Form.useForm();
  const { data, reload } = useLoad(() => get<{ ready: boolean; state: string; validUntil: string | null }>(`/compliance/readiness/${customerId}`), [customerId]);
  const { data: list, reload: reloadList } = useLoad(() => get<{ items: { id: string; location: string; retentionMonths: number; attestedOn: string; validUntil: string }[] }>(`/compliance/attestations?customerId=${customerId}`), [customerId]);
  const latest = list?.items[0];
  return (
    <Card size="small" style={{ marginTop: 24 }} title={t('compliance.logRetention')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {data && (
          <Tag color={data.ready ? (data.state === 'valid' ? 'green' : 'orange') : 'red'}>
            {t(`compliance.attestation.${data.state}` as MessageKey)}
            {data.validUntil ? ` · ${t('compliance.validUntil')} ${data.validUntil}` : ''}
          </Tag>
        )}
        {latest && <Typography.Text type="secondary">{`${latest.location} · ${latest.retentionMonths} ${t('compliance.months')}`}</Typography.Text>}
        <Form form={form} layout="inline" initialValues={{ retentionMonths: 6 }} onFinish={(v) => post('/compliance/attestations', v).then(() => (form.resetFields(), reload(), reloadList()), (e) => showError(e, form))}>
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

/** 域名清单 — the customer's websites and their filings (5.6, 5.11); staff see everyone's. */
export function DomainsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const staff = me?.kind === 'staff';
  const { data, reload } = useLoad(() => get<{ items: DomainEntry[] }>('/compliance/domains'), []);
  const { data: servers } = useLoad(() => get<{ items: { id: string; brand: string; model: string; serialNumber: string; customerId: string }[] }>('/servers'), []);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<DomainEntry | null>(null);
  const [form] = Form.useForm();
  const sendEvidence = (d: DomainEntry, file: File) => {
    const body = new FormData();
    body.append('file', file);
    upload(`POST`, `/compliance/domains/${d.id}/evidence`, body).then(reload, showError);
    return false;
  };
  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.domains')}
        </Typography.Title>
        {!staff && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="domain-add">
            {t('compliance.addDomain')}
          </Button>
        )}
      </Space>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('compliance.gateRule')} />
      <Table<DomainEntry>
        rowKey="id"
        dataSource={data?.items}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('compliance.domain'), dataIndex: 'domainUnicode', render: (v: string, r) => (v === r.domain ? v : `${v} (${r.domain})`) },
          ...(staff ? [{ title: t('nav.customers'), dataIndex: 'customerName' }] : []),
          { title: t('compliance.address'), dataIndex: 'address' },
          { title: t('compliance.use'), dataIndex: 'use', render: (v: string) => t(`compliance.use.${v}` as MessageKey) },
          { title: t('compliance.filingNumber'), dataIndex: 'filingNumber' },
          { title: t('compliance.psbNumber'), dataIndex: 'psbNumber', render: (v: string | null) => v ?? '—' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={DOMAIN_STATUS_COLOR[s]} data-testid={`status-${r.domain}`}>
                  {t(`compliance.status.${s}` as MessageKey)}
                </Tag>
                {r.statusReason && <Typography.Text type="secondary">{r.statusReason}</Typography.Text>}
                {r.reverificationOverdue && <Tag color="orange">{t('compliance.reverifyDue')}</Tag>}
              </Space>
            ),
          },
          { title: t('compliance.verifiedAt'), dataIndex: 'verifiedAt', render: (v: string | null, r) => (v ? `${shanghaiTime(v)} · ${r.verifier ?? ''}` : '—') },
          { title: t('compliance.reverifyDueOn'), dataIndex: 'reverifyDueOn', render: (v: string | null) => v ?? '—' },
          {
            title: t('compliance.evidence'),
            render: (_: unknown, r) => (
              <Space>
                {r.hasEvidence ? <a href={`/api/v1/compliance/domains/${r.id}/evidence`}>{t('compliance.download')}</a> : <Tag>{t('compliance.noEvidence')}</Tag>}
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
            title: '',
            render: (_: unknown, r) =>
              staff ? (
                <DomainActions d={r} onDone={reload} />
              ) : r.status !== 'revoked' ? (
                <Button size="small" onClick={() => (setEditing(r), form.setFieldsValue({ use: r.use, filingNumber: r.filingNumber, psbNumber: r.psbNumber }))}>
                  {t('compliance.edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={adding || editing !== null} title={editing ? `${t('compliance.edit')} · ${editing.domainUnicode}` : t('compliance.addDomain')} onCancel={() => (setAdding(false), setEditing(null))} onOk={() => form.submit()} destroyOnHidden>
        {editing && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('compliance.editResets')} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ use: 'non_commercial' }}
          onFinish={(v) =>
            (editing ? put(`/compliance/domains/${editing.id}`, { ...v, version: editing.version }) : post('/compliance/domains', v)).then(
              () => (setAdding(false), setEditing(null), form.resetFields(), reload()),
              (e) => showError(e, form),
            )
          }
        >
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
            <Select options={['non_commercial', 'commercial'].map((u) => ({ value: u, label: t(`compliance.use.${u}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="filingNumber" label={t('compliance.filingNumber')} rules={[{ required: true }]} extra={t('compliance.filingHint')}>
            <Input data-testid="domain-filing" />
          </Form.Item>
          <Form.Item name="psbNumber" label={t('compliance.psbNumber')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      {!staff && me?.customerId && <LogRetentionCard customerId={me.customerId} />}
    </>
  );
}
