import { Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, client, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { DocumentDownload, Instant, Money, OnboardingChecklist, StatusTag, upload, useConfirm } from '../../components';
import { toDateString, type Dayjs } from '../../dates';
import { calendarDate } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { AttachmentsCard } from './AttachmentsCard';
import { DocumentsCard } from './DocumentsCard';
import { InvoicesCard } from './BillingPages';

type Contract = Schemas['Contract'];
type ContractDetail = Schemas['ContractDetail'];
type Commissioning = Schemas['CommissioningOrder'];
type ContractServerEntry = Schemas['ContractServer'];
/** The draft form: the API's body, the fee as the person typed it. */
type DraftValues = ApiBody<'/api/v1/contracts', 'post'>;
type SignValues = { signingDate?: Dayjs; securityLetterSigned?: boolean; userUndertakingSigned?: boolean; file?: unknown };

const STATUS_COLORS: Partial<Record<Schemas['ContractStatus'], string>> = { sent: 'gold', signed: 'blue', active: 'green', terminated_for_cause: 'red', terminated_by_agreement: 'orange' };

export function ContractStatus({ status }: { status: Schemas['ContractStatus'] }) {
  return <StatusTag value={status} prefix="contracts.status" colors={STATUS_COLORS} />;
}

/** The term as its dates, or its length before activation. */
function TermText({ contract }: { contract: Pick<Contract, 'termStart' | 'termEnd' | 'termMonths'> }) {
  const { t } = useI18n();
  return <>{contract.termStart ? `${calendarDate(contract.termStart)} – ${calendarDate(contract.termEnd)}` : t('contracts.termMonthsN', { n: contract.termMonths })}</>;
}

export function ContractsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const base = me?.kind === 'customer' ? '/portal/contracts' : '/console/contracts';
  // a dashboard figure links here with ?status= (issue 20)
  const [search] = useSearchParams();
  const status = (search.get('status') ?? undefined) as Contract['status'] | undefined;
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/contracts', { params: { query: { status } } })), [status]);
  const [creating, setCreating] = useState(false);
  const canCreate = useCan('contract.create');
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
          { title: t('common.status'), dataIndex: 'status', render: (s: Contract['status']) => <ContractStatus status={s} /> },
          { title: t('contracts.annualFee'), dataIndex: 'annualFeeFen', render: (fen: number) => <Money fen={fen} /> },
          { title: t('contracts.term'), render: (_, c) => <TermText contract={c} /> },
        ]}
      />
      {creating && <DraftContractModal base={base} onClose={() => setCreating(false)} />}
    </>
  );
}

/** A draft from the shipped template: customer, site, the customer's expected servers, the annual fee. */
function DraftContractModal({ base, onClose }: { base: string; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const showError = useApiErrors();
  const [form] = Form.useForm<DraftValues>();
  const customerId = Form.useWatch('customerId', form);
  const { data: customers } = useLoad(() => unwrap(client.GET('/api/v1/customers', { params: { query: { pageSize: 200 } } })), []);
  const { data: sites } = useLoad(() => unwrap(client.GET('/api/v1/sites')), []);
  const { data: servers } = useLoad(
    () => (customerId ? unwrap(client.GET('/api/v1/servers', { params: { query: { customerId, status: 'expected' } } })) : Promise.resolve({ items: [] })),
    [customerId],
  );
  // what the contract may name: the customer's registered servers not yet under another contract
  const available = servers?.items.filter((s) => !s.contractId) ?? [];
  const draft = (v: DraftValues) =>
    unwrap(client.POST('/api/v1/contracts', { body: { ...v, annualFee: String(v.annualFee) } })).then(
      (c) => navigate(`${base}/${c.id}`),
      (e) => showError(e, form),
    );
  return (
    <Modal open title={t('contracts.create')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ termMonths: 12 }} onFinish={draft}>
        <Form.Item name="customerId" label={t('nav.customers')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={customers?.items.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item
          name="siteId"
          label={t('contracts.site')}
          rules={[{ required: true }]}
          extra={sites && !sites.items.length ? <span>{t('contracts.noSites')} <Link to="/console/racks">{t('contracts.buildSite')}</Link></span> : undefined}
        >
          <Select options={sites?.items.map((s) => ({ value: s.id, label: s.name }))} notFoundContent={t('contracts.noSites')} />
        </Form.Item>
        <Form.Item
          name="serverIds"
          label={t('contracts.servers')}
          rules={[{ required: true }]}
          extra={
            customerId && servers && !available.length ? (
              <span data-testid="contract-no-servers">
                {t('contracts.noServers')} <Link to="/console/servers">{t('contracts.registerServer')}</Link>
              </span>
            ) : undefined
          }
        >
          <Select
            mode="multiple"
            data-testid="contract-servers"
            placeholder={customerId ? undefined : t('contracts.pickCustomerFirst')}
            notFoundContent={customerId ? t('contracts.noServers') : t('contracts.pickCustomerFirst')}
            options={available.map((s) => ({ value: s.id, label: `${s.brand} ${s.model} · ${s.serialNumber}` }))}
          />
        </Form.Item>
        <Form.Item name="annualFee" label={t('contracts.annualFee')} rules={[{ required: true }]}>
          <Input prefix="￥" placeholder="36,000.00" />
        </Form.Item>
        <Form.Item name="termMonths" label={t('contracts.termMonths')}>
          <InputNumber min={1} max={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ContractDetailPage() {
  const { id = '' } = useParams();
  const { data: c, reload } = useLoad(() => unwrap(client.GET('/api/v1/contracts/{id}', { params: { path: { id } } })), [id]);
  const [signing, setSigning] = useState(false);
  if (!c) return null;
  return (
    <>
      <ContractHeader contract={c} reload={reload} onSign={() => setSigning(true)} />
      <ContractFacts contract={c} />
      <ContractServersCard contract={c} />
      <OnboardingChecklist contractId={c.id} refreshKey={c.version} />
      <AttachmentsCard contract={c} reload={reload} />
      <DocumentsCard contractId={c.id} refreshKey={c.version} />
      <InvoicesCard invoices={c.invoices} reload={reload} customerId={c.customerId} />
      <CommissioningCard orders={c.commissioning} reload={reload} />
      {signing && <SignModal contract={c} onClose={() => setSigning(false)} onSigned={() => (setSigning(false), reload())} />}
    </>
  );
}

/** Number, status, the documents, and what the reader may do next (send, sign, object to renewal). */
function ContractHeader({ contract: c, reload, onSign }: { contract: ContractDetail; reload: () => void; onSign: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const confirm = useConfirm();
  const may = { send: useCan('contract.send'), sign: useCan('contract.sign'), object: useCan('contract.objectToRenewal') };
  const path = { params: { path: { id: c.id } } };
  const act = (p: Promise<unknown>) => p.then(reload, showError);
  const objectToRenewal = () =>
    confirm({ title: 'confirm.objectToRenewal.title', consequence: 'confirm.objectToRenewal.consequence', ok: 'contracts.objectToRenewal' }, () =>
      act(unwrap(client.POST('/api/v1/contracts/{id}/object-to-renewal', path))),
    );
  return (
    <Space align="center" style={{ marginBottom: 12 }} wrap>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="contract-number">
        {c.number}
      </Typography.Title>
      <ContractStatus status={c.status} />
      <DocumentDownload href={`/contracts/${c.id}/document?format=pdf`} data-testid="contract-pdf">
        {t('contracts.pdf')}
      </DocumentDownload>
      <DocumentDownload href={`/contracts/${c.id}/document?format=docx`} data-testid="contract-docx">
        {t('contracts.docx')}
      </DocumentDownload>
      {may.send && c.status === 'draft' && <Button onClick={() => act(unwrap(client.POST('/api/v1/contracts/{id}/send', path)))}>{t('contracts.send')}</Button>}
      {may.sign && (c.status === 'draft' || c.status === 'sent') && (
        <Button type="primary" onClick={onSign}>
          {t('contracts.sign')}
        </Button>
      )}
      {(c.status === 'active' || c.status === 'signed') && !c.nonRenewalNoticedAt && may.object && (
        <Button danger onClick={objectToRenewal} data-testid="object-to-renewal">
          {t('contracts.objectToRenewal')}
        </Button>
      )}
      {c.nonRenewalNoticedAt && (
        <Tag color="orange">
          {t('contracts.nonRenewal')} <Instant value={c.nonRenewalNoticedAt} />
        </Tag>
      )}
    </Space>
  );
}

/** The agreement's particulars and the term clock (7.2: service ends at 24:00 of the end date plus credited hours). */
function ContractFacts({ contract: c }: { contract: ContractDetail }) {
  const { t } = useI18n();
  return (
    <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('contracts.annualFee')}>
        <Money fen={c.annualFeeFen} />
      </Descriptions.Item>
      <Descriptions.Item label={t('contracts.termMonths')}>{c.termMonths}</Descriptions.Item>
      <Descriptions.Item label={t('contracts.signingDate')}>{calendarDate(c.signingDate)}</Descriptions.Item>
      <Descriptions.Item label={t('contracts.activation')}>{calendarDate(c.activationDate)}</Descriptions.Item>
      <Descriptions.Item label={t('contracts.term')}>
        <span data-testid="contract-term">{c.termStart ? `${calendarDate(c.termStart)} – ${calendarDate(c.termEnd)}` : '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('contracts.renewals')}>{c.renewalCount}</Descriptions.Item>
      <Descriptions.Item label={t('contracts.compensation')}>{t('contracts.hoursN', { n: c.compensationHours })}</Descriptions.Item>
      <Descriptions.Item label={t('contracts.serviceEndsAt')}>
        <span data-testid="service-ends-at">
          <Instant value={c.serviceEndsAt} />
        </span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** What the contract covers (issue 18): the customer, the site and access point, each server where it sits and its addresses. */
function ContractServersCard({ contract: c }: { contract: ContractDetail }) {
  const { t } = useI18n();
  const { me } = useSession();
  const base = me?.kind === 'customer' ? '/portal' : '/console';
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="contract-coverage">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('contracts.customer')}>
          {me?.kind === 'staff' ? <Link to={`/console/customers/${c.customerId}`}>{c.customerName}</Link> : c.customerName}
        </Descriptions.Item>
        <Descriptions.Item label={t('contracts.site')}>{`${c.site.name} · ${c.site.accessPoint}`}</Descriptions.Item>
      </Descriptions>
      <Table<ContractServerEntry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.servers}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('contracts.server'), render: (_, s) => <Link to={`${base}/servers`}>{`${s.brand} ${s.model} · ${s.serialNumber}`}</Link> },
          { title: t('common.status'), dataIndex: 'status', render: (v: string) => t(`facility.status.${v}` as MessageKey) },
          { title: t('contracts.cabinet'), render: (_, s) => (s.placement ? `${s.placement.siteName} ${s.placement.roomName} ${s.placement.cabinetCode} U${s.placement.lowest}–U${s.placement.highest}` : t('contracts.notRacked')) },
          { title: t('contracts.addresses'), render: (_, s) => (s.addresses.length ? s.addresses.join(', ') : '—') },
        ]}
      />
    </Card>
  );
}

/** 5.1: installation and commissioning orders, done in time or breached; the NOC marks them done. */
function CommissioningCard({ orders, reload }: { orders: Commissioning[]; reload: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const noc = useCan('commissioning.complete');
  const complete = (id: string) => unwrap(client.POST('/api/v1/commissioning/{id}/complete', { params: { path: { id } } })).then(reload, showError);
  return (
    <Card title={t('contracts.commissioning')} size="small">
      <Table<Commissioning>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={orders}
        columns={[
          { title: t('facility.rackedAt'), dataIndex: 'rackedOn', render: calendarDate },
          { title: t('contracts.deadline'), dataIndex: 'dueOn', render: (d: string) => `${calendarDate(d)} 24:00` },
          {
            title: t('common.status'),
            render: (_, o) => (
              <Space>
                {o.completedAt ? <Tag color="green">{t('contracts.commissioningDone')}</Tag> : <Tag color="gold">{t('contracts.commissioningOpen')}</Tag>}
                {o.breachedAt ? <Tag color="red">{t('contracts.breach')}</Tag> : o.completedAt ? <Tag color="green">{t('contracts.onTime')}</Tag> : null}
                {!o.completedAt && noc && (
                  <Button size="small" type="primary" data-testid="commissioning-complete" onClick={() => complete(o.id)}>
                    {t('contracts.commissioningComplete')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Signed: the date, both attachments, and the scan of the signed copy (multipart). */
function SignModal({ contract: c, onClose, onSigned }: { contract: ContractDetail; onClose: () => void; onSigned: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<SignValues>();
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const sign = async (v: SignValues) => {
    const fd = new FormData();
    fd.append('signingDate', toDateString(v.signingDate) ?? '');
    fd.append('securityLetterSigned', String(Boolean(v.securityLetterSigned)));
    fd.append('userUndertakingSigned', String(Boolean(v.userUndertakingSigned)));
    if (fileList[0]?.originFileObj) fd.append('file', fileList[0].originFileObj);
    try {
      await upload<Contract>('POST', `/contracts/${c.id}/sign`, fd);
    } catch (e) {
      // the signed copy is the form's `file` field
      if (e instanceof ApiError) form.setFields(e.fields.map((f) => ({ name: (f.path === 'signedCopy' ? 'file' : f.path) as keyof SignValues, errors: [f.message] })));
      else showError(e);
      return;
    }
    onSigned();
  };
  return (
    <Modal open title={t('contracts.sign')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ securityLetterSigned: c.securityLetterSigned, userUndertakingSigned: c.userUndertakingSigned }} onFinish={sign}>
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
  );
}
