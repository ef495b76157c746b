import { Button, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { del, get, post, put } from '../../api/client';
import dayjs from 'dayjs';
import { toDateString, type Dayjs } from '../../dates';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { upload } from '../../components/upload';

// The customer workspace's tabs past the profile: tables, pickers and uploads that a customer's
// landing page (the profile) does not need, so CustomerWorkspace loads this module on first use.

interface KycDocument {
  id: string;
  kind: string;
  holderName: string;
  idType: string;
  idNumber: string;
  issuedOn: string | null;
  expiresOn: string | null;
  fileName: string;
  status: 'pending' | 'verified' | 'rejected' | 'superseded';
  rejectReason: string | null;
  createdAt: string;
}
interface Member {
  memberId: string;
  versionId: string;
  side: 'customer' | 'provider';
  role: string;
  name: string;
  mobile: string | null;
  landline: string | null;
  email: string | null;
  available24h: boolean;
  validFrom: string;
  validTo: string | null;
}
interface ChangeRequest {
  id: string;
  proposed: Record<string, string | null>;
  status: 'pending' | 'approved' | 'rejected';
  requestedAt: string;
  decisionNote: string | null;
}

const ROLES = ['legal_representative', 'technical_lead', 'network_admin', 'device_admin', 'server_admin', 'contract_contact'];
const KYC_STATUS_COLOR = { pending: 'gold', verified: 'green', rejected: 'red', superseded: 'default' } as const;

export function KycTab({ customerId, staff, canUpload }: { customerId: string; staff: boolean; canUpload: boolean }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<{ items: KycDocument[] }>(`/customers/${customerId}/kyc`), [customerId]);
  const [uploading, setUploading] = useState(false);
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const review = async (doc: KycDocument, verify: boolean, reason?: string) => {
    try {
      await post(`/kyc/${doc.id}/review`, { verify, reason });
      reload();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      {canUpload && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setUploading(true)} data-testid="kyc-upload">
          {t('kyc.upload')}
        </Button>
      )}
      <Table<KycDocument>
        rowKey="id"
        size="small"
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: t('kyc.kind'), dataIndex: 'kind', render: (k: string) => t(`kyc.kind.${k}` as MessageKey) },
          { title: t('kyc.holder'), dataIndex: 'holderName' },
          { title: t('kyc.idNumber'), render: (_, d) => <>{t(`kyc.idType.${d.idType}` as MessageKey)} {d.idNumber}</> },
          { title: t('kyc.expiresOn'), dataIndex: 'expiresOn', render: (v: string | null) => v ?? '长期' },
          { title: t('common.status'), render: (_, d) => <Tag color={KYC_STATUS_COLOR[d.status]}>{t(`kyc.status.${d.status}` as MessageKey)}{d.rejectReason ? `：${d.rejectReason}` : ''}</Tag> },
          {
            title: t('common.actions'),
            render: (_, d) => (
              <Space>
                <a href={`/api/v1/kyc/${d.id}/file`}>{t('kyc.download')}</a>
                {staff && d.status === 'pending' && (
                  <>
                    <Button size="small" type="primary" onClick={() => review(d, true)}>
                      {t('kyc.verify')}
                    </Button>
                    <RejectButton onReject={(reason) => review(d, false, reason)} />
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={uploading} title={t('kyc.upload')} onCancel={() => setUploading(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'business_licence', idType: 'uscc' }}
          onFinish={async (values: Record<string, unknown>) => {
            const fd = new FormData();
            for (const [k, v] of Object.entries(values)) {
              if (dayjs.isDayjs(v)) fd.append(k, toDateString(v));
              else if (v !== undefined && v !== null && k !== 'file') fd.append(k, String(v));
            }
            if (fileList[0]?.originFileObj) fd.append('file', fileList[0].originFileObj);
            try {
              await upload('POST', `/customers/${customerId}/kyc`, fd);
              setUploading(false);
              setFileList([]);
              reload();
            } catch (e) {
              showError(e, form);
            }
          }}
        >
          <Form.Item name="kind" label={t('kyc.kind')}>
            <Select
              options={['business_licence', 'legal_representative_id', 'handler_id'].map((k) => ({ value: k, label: t(`kyc.kind.${k}` as MessageKey) }))}
              onChange={(k) => form.setFieldValue('idType', k === 'business_licence' ? 'uscc' : 'resident_id')}
            />
          </Form.Item>
          <Form.Item name="holderName" label={t('kyc.holder')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="idType" label={t('kyc.idType')}>
            <Select options={(kind === 'business_licence' ? ['uscc'] : ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit']).map((k) => ({ value: k, label: t(`kyc.idType.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('kyc.idNumber')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="issuedOn" label={t('kyc.issuedOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="expiresOn" label={t('kyc.expiresOn')}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="file" label={t('kyc.file')} rules={[{ required: true }]}>
            <Upload accept=".pdf,.jpg,.jpeg,.png" maxCount={1} beforeUpload={() => false} fileList={fileList} onChange={({ fileList: l }) => setFileList(l)}>
              <Button>{t('kyc.file')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function RejectButton({ onReject }: { onReject(reason: string): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <Popconfirm title={<Input placeholder={t('kyc.rejectReason')} value={reason} onChange={(e) => setReason(e.target.value)} />} onConfirm={() => onReject(reason)}>
      <Button size="small" danger>
        {t('kyc.reject')}
      </Button>
    </Popconfirm>
  );
}

export function RosterTab({ customerId, staff, canEditOwn }: { customerId: string; staff: boolean; canEditOwn: boolean }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [showHistory, setShowHistory] = useState(false);
  // 5.10: each side answers for its former staff, so "who was on it on that day" must be one click away
  const [asOf, setAsOf] = useState<string | null>(null);
  const at = asOf ? `?at=${encodeURIComponent(`${asOf}T23:59:59.999+08:00`)}` : '';
  const { data, reload } = useLoad(() => get<{ items: Member[] }>(`/customers/${customerId}/roster${showHistory ? '/history' : at}`), [customerId, showHistory, at]);
  const past = showHistory || asOf !== null;
  const [editing, setEditing] = useState<Partial<Member> | null>(null);
  const [form] = Form.useForm();
  const canEdit = (side: 'customer' | 'provider') => (side === 'customer' ? canEditOwn : staff);
  const columns = (side: 'customer' | 'provider') => [
    { title: t('roster.role'), dataIndex: 'role', render: (r: string) => t(`roster.role.${r}` as MessageKey) },
    { title: t('roster.name'), dataIndex: 'name' },
    { title: t('roster.mobile'), dataIndex: 'mobile' },
    { title: t('roster.landline'), dataIndex: 'landline' },
    { title: t('roster.email'), dataIndex: 'email' },
    { title: t('roster.available24h'), dataIndex: 'available24h', render: (v: boolean) => (v ? <Tag color="green">24h</Tag> : '') },
    ...(past
      ? [
          { title: t('roster.validFrom'), dataIndex: 'validFrom', render: shanghaiTime },
          { title: t('roster.validTo'), dataIndex: 'validTo', render: shanghaiTime },
        ]
      : [
          {
            title: t('common.actions'),
            render: (_: unknown, m: Member) =>
              canEdit(side) && (
                <Space>
                  <Button size="small" onClick={() => (form.setFieldsValue(m), setEditing(m))}>
                    {t('customers.edit')}
                  </Button>
                  <Popconfirm title={t('roster.remove')} onConfirm={() => del(`/customers/${customerId}/roster/${m.memberId}`).then(reload, showError)}>
                    <Button size="small" danger>
                      {t('roster.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]),
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Checkbox checked={showHistory} onChange={(e) => setShowHistory(e.target.checked)} data-testid="roster-history">
          {t('roster.history')}
        </Checkbox>
        {!showHistory && (
          <DatePicker
            placeholder={t('roster.asOf')}
            onChange={(d: Dayjs | null) => setAsOf(toDateString(d))}
            data-testid="roster-as-of"
          />
        )}
      </Space>
      {(['customer', 'provider'] as const).map((side) => (
        <div key={side} style={{ marginBottom: 24 }}>
          <Space style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t(`roster.side.${side}`)}
            </Typography.Title>
            {canEdit(side) && !past && (
              <Button size="small" data-testid={`roster-add-${side}`} onClick={() => (form.resetFields(), form.setFieldsValue({ side, available24h: false }), setEditing({ side }))}>
                {t('roster.add')}
              </Button>
            )}
          </Space>
          <Table<Member> rowKey="versionId" size="small" pagination={false} dataSource={data?.items.filter((m) => m.side === side)} columns={columns(side)} />
        </div>
      ))}
      <Modal open={editing !== null} title={editing?.memberId ? t('customers.edit') : t('roster.add')} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (values: Partial<Member>) => {
            try {
              await put(`/customers/${customerId}/roster`, { ...values, memberId: editing?.memberId, side: editing?.side, mobile: values.mobile || null, landline: values.landline || null, email: values.email || null });
              setEditing(null);
              reload();
            } catch (e) {
              showError(e, form);
            }
          }}
        >
          <Form.Item name="role" label={t('roster.role')} rules={[{ required: true }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`roster.role.${r}` as MessageKey) }))} data-testid="roster-role" />
          </Form.Item>
          <Form.Item name="name" label={t('roster.name')} rules={[{ required: true }]}>
            <Input data-testid="roster-name" />
          </Form.Item>
          <Form.Item name="mobile" label={t('roster.mobile')}>
            <Input data-testid="roster-mobile" />
          </Form.Item>
          <Form.Item name="landline" label={t('roster.landline')}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('roster.email')}>
            <Input />
          </Form.Item>
          <Form.Item name="available24h" valuePropName="checked">
            <Checkbox>{t('roster.available24h')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function RequestsTab({ customerId, staff, onDecided }: { customerId: string; staff: boolean; onDecided(): void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<{ items: ChangeRequest[] }>(`/change-requests?customerId=${customerId}`), [customerId]);
  const decide = (id: string, approve: boolean) => post(`/change-requests/${id}/decision`, { approve }).then(() => (reload(), onDecided()), showError);
  return (
    <Table<ChangeRequest>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={data?.items}
      columns={[
        { title: t('audit.at'), dataIndex: 'requestedAt', render: shanghaiTime },
        { title: t('audit.after'), dataIndex: 'proposed', render: (p: Record<string, string | null>) => Object.entries(p).map(([k, v]) => <div key={k}>{t(`customers.${k}` as MessageKey)}：{v ?? '—'}</div>) },
        { title: t('common.status'), dataIndex: 'status', render: (s: string) => t(`request.status.${s}` as MessageKey) },
        {
          title: t('common.actions'),
          render: (_, r) =>
            staff && r.status === 'pending' ? (
              <Space>
                <Button size="small" type="primary" onClick={() => decide(r.id, true)}>
                  {t('request.approve')}
                </Button>
                <Button size="small" danger onClick={() => decide(r.id, false)}>
                  {t('request.reject')}
                </Button>
              </Space>
            ) : null,
        },
      ]}
    />
  );
}

export function OutboxTab({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { data } = useLoad(() => get<{ items: { id: string; kind: string; direction: string; createdAt: string; drainedAt: string | null }[] }>(`/customers/${customerId}/outbox`), [customerId]);
  return (
    <Table
      rowKey="id"
      size="small"
      dataSource={data?.items}
      columns={[
        { title: t('audit.at'), dataIndex: 'createdAt', render: shanghaiTime },
        { title: t('audit.action'), dataIndex: 'kind' },
        { title: '', dataIndex: 'direction', render: (d: string) => t(`notice.direction.${d}` as MessageKey) },
        { title: t('common.status'), dataIndex: 'drainedAt', render: (d: string | null) => (d ? t('notice.handed') : <Tag color="gold">{t('notice.pending')}</Tag>) },
      ]}
    />
  );
}
