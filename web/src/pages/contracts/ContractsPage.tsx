import { Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, get, post } from '../../api/client';
import { upload } from '../../components/upload';
import { useSession } from '../../auth/session';
import { toDateString, type Dayjs } from '../../dates';
import { money, shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { InvoicesCard, type BillingInvoice } from './BillingPages';
import { AttachmentsCard } from './AttachmentsCard';

interface Contract {
  id: string;
  number: string;
  customerId: string;
  customerName?: string;
  status: string;
  annualFeeFen: number;
  termMonths: number;
  activationDate: string | null;
  termStart: string | null;
  termEnd: string | null;
  signingDate: string | null;
  nonRenewalNoticedAt: string | null;
  renewalCount: number;
  compensationHours: number;
  serviceEndsAt?: string | null;
  securityLetterSigned: boolean;
  userUndertakingSigned: boolean;
}
interface Commissioning {
  id: string;
  serverId: string;
  rackedOn: string;
  dueOn: string;
  completedAt: string | null;
  breachedAt: string | null;
}

const STATUS_COLOR: Record<string, string> = { draft: 'default', sent: 'gold', signed: 'blue', active: 'green', ended: 'default', terminated_for_cause: 'red', terminated_by_agreement: 'orange' };

export function ContractStatus({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`contracts.status.${status}` as MessageKey)}</Tag>;
}

export function ContractsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const showError = useApiErrors();
  const base = me?.kind === 'customer' ? '/portal/contracts' : '/console/contracts';
  const { data } = useLoad(() => get<{ items: Contract[] }>('/contracts'), []);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const customerId = Form.useWatch('customerId', form) as string | undefined;
  const { data: customers } = useLoad(() => (me?.kind === 'staff' ? get<{ items: { id: string; name: string }[] }>('/customers?pageSize=200') : Promise.resolve({ items: [] })), []);
  const { data: sites } = useLoad(() => get<{ items: { id: string; name: string }[] }>('/sites'), []);
  const { data: servers } = useLoad(() => (customerId ? get<{ items: { id: string; brand: string; model: string; serialNumber: string; contractId: string | null; status: string }[] }>(`/servers?customerId=${customerId}&status=expected`) : Promise.resolve({ items: [] })), [customerId]);
  const canCreate = me?.roles.some((r) => r === 'sales' || r === 'admin');
  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {me?.kind === 'customer' ? t('nav.myContracts') : t('nav.contracts')}
        </Typography.Title>
        {canCreate && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('contracts.create')}
          </Button>
        )}
      </Space>
      <Table<Contract>
        rowKey="id"
        dataSource={data?.items}
        columns={[
          { title: t('contracts.number'), dataIndex: 'number', render: (n: string, c) => <Link to={`${base}/${c.id}`}>{n}</Link> },
          ...(me?.kind === 'staff' ? [{ title: t('nav.customers'), dataIndex: 'customerName' }] : []),
          { title: t('common.status'), dataIndex: 'status', render: (s: string) => <ContractStatus status={s} /> },
          { title: t('contracts.annualFee'), dataIndex: 'annualFeeFen', render: money },
          { title: t('contracts.term'), render: (_, c) => (c.termStart ? `${c.termStart} – ${c.termEnd}` : `${c.termMonths} 个月`) },
        ]}
      />
      <Modal open={creating} title={t('contracts.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ termMonths: 12 }}
          onFinish={(v) => post<Contract>('/contracts', { ...v, annualFee: String(v.annualFee) }).then((c) => navigate(`${base}/${c.id}`), (e) => showError(e, form))}
        >
          <Form.Item name="customerId" label={t('nav.customers')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={customers?.items.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="siteId" label={t('contracts.site')} rules={[{ required: true }]}>
            <Select options={sites?.items.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
          <Form.Item name="serverIds" label={t('contracts.servers')} rules={[{ required: true }]}>
            <Select mode="multiple" options={servers?.items.filter((s) => !s.contractId).map((s) => ({ value: s.id, label: `${s.brand} ${s.model} · ${s.serialNumber}` }))} />
          </Form.Item>
          <Form.Item name="annualFee" label={t('contracts.annualFee')} rules={[{ required: true }]}>
            <Input prefix="￥" placeholder="36,000.00" />
          </Form.Item>
          <Form.Item name="termMonths" label={t('contracts.termMonths')}>
            <InputNumber min={1} max={120} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function ContractDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const { data: c, reload } = useLoad(() => get<Contract & { invoices: BillingInvoice[]; commissioning: Commissioning[] }>(`/contracts/${id}`), [id]);
  const [signing, setSigning] = useState(false);
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [form] = Form.useForm();
  if (!c) return null;
  const staff = me?.kind === 'staff';
  const act = (p: Promise<unknown>) => p.then(reload, showError);
  return (
    <>
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="contract-number">
          {c.number}
        </Typography.Title>
        <ContractStatus status={c.status} />
        <Button href={`/api/v1/contracts/${c.id}/document?format=pdf`}>{t('contracts.pdf')}</Button>
        <Button href={`/api/v1/contracts/${c.id}/document?format=docx`}>{t('contracts.docx')}</Button>
        {staff && c.status === 'draft' && <Button onClick={() => act(post(`/contracts/${c.id}/send`))}>{t('contracts.send')}</Button>}
        {staff && (c.status === 'draft' || c.status === 'sent') && (
          <Button type="primary" onClick={() => setSigning(true)}>
            {t('contracts.sign')}
          </Button>
        )}
        {(c.status === 'active' || c.status === 'signed') && !c.nonRenewalNoticedAt && (staff || me?.roles.includes('owner')) && (
          <Button danger onClick={() => act(post(`/contracts/${c.id}/object-to-renewal`))}>
            {t('contracts.objectToRenewal')}
          </Button>
        )}
        {c.nonRenewalNoticedAt && <Tag color="orange">{t('contracts.nonRenewal')} {shanghaiTime(c.nonRenewalNoticedAt)}</Tag>}
      </Space>
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('contracts.annualFee')}>{money(c.annualFeeFen)}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.termMonths')}>{c.termMonths}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.signingDate')}>{c.signingDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.activation')}>{c.activationDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.term')}>
          <span data-testid="contract-term">{c.termStart ? `${c.termStart} – ${c.termEnd}` : '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('contracts.renewals')}>{c.renewalCount}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.compensation')}>{c.compensationHours} h</Descriptions.Item>
        <Descriptions.Item label={t('contracts.serviceEndsAt')}><span data-testid="service-ends-at">{c.serviceEndsAt?.replace('T', ' ').replace('+08:00', '') ?? '—'}</span></Descriptions.Item>
      </Descriptions>
      <AttachmentsCard contract={c} reload={reload} />
      <InvoicesCard invoices={c.invoices} reload={reload} customerId={c.customerId} />
      <Card title={t('contracts.commissioning')} size="small">
        <Table<Commissioning>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.commissioning}
          columns={[
            { title: t('facility.rackedAt'), dataIndex: 'rackedOn' },
            { title: t('contracts.deadline'), dataIndex: 'dueOn', render: (d: string) => `${d} 24:00` },
            {
              title: t('common.status'),
              render: (_, o) => (
                <Space>
                  {o.completedAt ? <Tag color="green">{t('contracts.commissioningDone')}</Tag> : <Tag color="gold">{t('contracts.commissioningOpen')}</Tag>}
                  {o.breachedAt ? <Tag color="red">{t('contracts.breach')}</Tag> : o.completedAt ? <Tag color="green">{t('contracts.onTime')}</Tag> : null}
                  {!o.completedAt && staff && me?.roles.some((r) => r === 'noc' || r === 'admin') && (
                    <Button size="small" type="primary" data-testid="commissioning-complete" onClick={() => act(post(`/commissioning/${o.id}/complete`, {}))}>
                      {t('contracts.commissioningComplete')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={signing} title={t('contracts.sign')} onCancel={() => setSigning(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ securityLetterSigned: c.securityLetterSigned, userUndertakingSigned: c.userUndertakingSigned }}
          onFinish={async (v: { signingDate?: Dayjs; securityLetterSigned?: boolean; userUndertakingSigned?: boolean }) => {
            const fd = new FormData();
            fd.append('signingDate', toDateString(v.signingDate) ?? '');
            fd.append('securityLetterSigned', String(Boolean(v.securityLetterSigned)));
            fd.append('userUndertakingSigned', String(Boolean(v.userUndertakingSigned)));
            if (fileList[0]?.originFileObj) fd.append('file', fileList[0].originFileObj);
            try {
              await upload('POST', `/contracts/${c.id}/sign`, fd);
            } catch (e) {
              // the signed copy is the form's `file` field
              if (e instanceof ApiError) form.setFields(e.fields.map((f) => ({ name: f.path === 'signedCopy' ? 'file' : f.path, errors: [f.message] })));
              else showError(e);
              return;
            }
            setSigning(false);
            reload();
          }}
        >
          <Form.Item name="signingDate" label={t('contracts.signingDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="securityLetterSigned" valuePropName="checked">
            <Checkbox>{t('contracts.securityLetter')}</Checkbox>
          </Form.Item>
          <Form.Item name="userUndertakingSigned" valuePropName="checked">
            <Checkbox>{t('contracts.userUndertaking')}</Checkbox>
          </Form.Item>
          <Form.Item name="file" label={t('contracts.signedCopy')}>
            <Upload accept=".pdf,.jpg,.jpeg,.png" maxCount={1} beforeUpload={() => false} fileList={fileList} onChange={({ fileList: l }) => setFileList(l)}>
              <Button>{t('contracts.signedCopy')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
