import { Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { client, unwrap, type ApiBody, type ApiResponse, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { DocumentDownload, Instant, Money, StatusTag, useConfirm } from '../../components';
import { todayInShanghai } from '../../dates';
import { calendarDate, money } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type Invoice = Schemas['Invoice'];
type ExpiringContract = Schemas['ExpiringContract'];
type DunningRow = ApiResponse<'/api/v1/billing/dunning', 'get'>['items'][number];
type DunningPolicy = Schemas['DunningPolicy'];
type PaymentValues = ApiBody<'/api/v1/invoices/{id}/payments', 'post'>;
type FapiaoRequestValues = ApiBody<'/api/v1/invoices/{id}/fapiao-request', 'put'>;
type FapiaoIssuedValues = ApiBody<'/api/v1/invoices/{id}/fapiao', 'post'>;
/** The policy form: reminder days as typed ("1, 7, 15"). */
type PolicyValues = { reminderDays: string; suspensionProposalDays: number };

const INVOICE_COLORS: Partial<Record<Schemas['InvoiceStatus'], string>> = { unpaid: 'gold', partially_paid: 'blue', paid: 'green', overdue: 'red' };
/** Every 发票 type the API knows, with its label (a type missing here does not compile). */
const FAPIAO_TYPE_LABELS: Record<Schemas['FapiaoType'], MessageKey> = { ordinary: 'billing.fapiaoType.ordinary', special: 'billing.fapiaoType.special' };

export function InvoiceStatus({ status }: { status: Schemas['InvoiceStatus'] }) {
  return <StatusTag value={status} prefix="billing.status" colors={INVOICE_COLORS} />;
}

const outstandingOf = (i: Invoice) => i.amountFen - i.paidFen - i.creditAppliedFen;

/** The invoices of one contract: status, what is owed, the PDF, payments (finance) and 发票 (customer, finance). */
export function InvoicesCard({ invoices, reload, customerId }: { invoices: Invoice[]; reload: () => void; customerId: string }) {
  const { t } = useI18n();
  const { data: credit } = useLoad(() => unwrap(client.GET('/api/v1/customers/{id}/credit', { params: { path: { id: customerId } } })), [customerId, invoices]);
  const [paying, setPaying] = useState<Invoice | null>(null);
  const [requesting, setRequesting] = useState<Invoice | null>(null);
  const [issuing, setIssuing] = useState<Invoice | null>(null);
  const done = (close: () => void) => () => (close(), reload());
  return (
    <Card
      title={t('contracts.invoices')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={credit && credit.balanceFen > 0 ? <Tag color="blue" data-testid="credit-balance">{`${t('billing.credit')} ${money(credit.balanceFen)}`}</Tag> : null}
    >
      <InvoicesTable invoices={invoices} onPay={setPaying} onRequestFapiao={setRequesting} onEnterFapiao={setIssuing} />
      {paying && <PaymentModal invoice={paying} onClose={() => setPaying(null)} onDone={done(() => setPaying(null))} />}
      {requesting && <FapiaoRequestModal invoice={requesting} onClose={() => setRequesting(null)} onDone={done(() => setRequesting(null))} />}
      {issuing && <FapiaoIssuedModal invoice={issuing} onClose={() => setIssuing(null)} onDone={done(() => setIssuing(null))} />}
    </Card>
  );
}

function InvoicesTable({ invoices, onPay, onRequestFapiao, onEnterFapiao }: { invoices: Invoice[]; onPay: (i: Invoice) => void; onRequestFapiao: (i: Invoice) => void; onEnterFapiao: (i: Invoice) => void }) {
  const { t } = useI18n();
  const mayPay = useCan('invoice.recordPayment');
  const canRequest = useCan('invoice.requestFapiao');
  const mayEnterFapiao = useCan('invoice.recordFapiao');
  return (
    <Table<Invoice>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={invoices}
      columns={[
        { title: t('billing.invoiceNumber'), dataIndex: 'number' },
        { title: t('contracts.term'), render: (_, i) => `${calendarDate(i.periodStart)} – ${calendarDate(i.periodEnd)}` },
        { title: t('billing.amount'), dataIndex: 'amountFen', render: (fen: number) => <Money fen={fen} /> },
        { title: t('billing.outstanding'), render: (_, i) => <Money fen={outstandingOf(i)} /> },
        { title: t('contracts.dueOn'), dataIndex: 'dueOn', render: calendarDate },
        { title: t('common.status'), render: (_, i) => <InvoiceStatus status={i.status} /> },
        { title: t('billing.fapiao'), render: (_, i) => (i.fapiaoNumber ? `${i.fapiaoNumber}（${calendarDate(i.fapiaoIssuedOn)}）` : i.fapiaoType ? t('billing.fapiaoRequested') : '—') },
        {
          title: t('common.actions'),
          render: (_, i) => (
            <Space size="small" wrap>
              <DocumentDownload as="link" href={`/invoices/${i.id}/document?format=pdf`} data-testid={`invoice-pdf-${i.number}`}>
                {t('billing.invoicePdf')}
              </DocumentDownload>
              {mayPay && i.status !== 'paid' && i.status !== 'void' && (
                <Button size="small" onClick={() => onPay(i)}>
                  {t('billing.recordPayment')}
                </Button>
              )}
              {canRequest && !i.fapiaoNumber && (
                <Button size="small" onClick={() => onRequestFapiao(i)}>
                  {t('billing.requestFapiao')}
                </Button>
              )}
              {mayEnterFapiao && i.fapiaoType && !i.fapiaoNumber && (
                <Button size="small" onClick={() => onEnterFapiao(i)}>
                  {t('billing.enterFapiao')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

interface InvoiceModalProps {
  invoice: Invoice;
  onClose: () => void;
  onDone: () => void;
}

/** Finance records a bank transfer: partial payments add up, an overpayment becomes the customer's credit. */
function PaymentModal({ invoice, onClose, onDone }: InvoiceModalProps) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<PaymentValues>();
  const pay = (v: PaymentValues) => unwrap(client.POST('/api/v1/invoices/{id}/payments', { params: { path: { id: invoice.id } }, body: { ...v, amount: String(v.amount) } })).then(onDone, (e) => showError(e, form));
  return (
    <Modal open title={`${t('billing.recordPayment')} ${invoice.number}`} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ receivedOn: todayInShanghai() }} onFinish={pay}>
        <Form.Item name="amount" label={t('billing.amount')} rules={[{ required: true }]}>
          <Input prefix="￥" />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('billing.receivedOn')} rules={[{ required: true }]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="bankReference" label={t('billing.bankReference')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 发票 request: title, tax number and type (普票/专票), by the customer's owner or billing user, or finance. */
function FapiaoRequestModal({ invoice, onClose, onDone }: InvoiceModalProps) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<FapiaoRequestValues>();
  const request = (v: FapiaoRequestValues) => unwrap(client.PUT('/api/v1/invoices/{id}/fapiao-request', { params: { path: { id: invoice.id } }, body: v })).then(onDone, (e) => showError(e, form));
  const initial = { title: invoice.fapiaoTitle ?? undefined, taxNumber: invoice.fapiaoTaxNumber ?? undefined, type: invoice.fapiaoType ?? 'ordinary' };
  return (
    <Modal open title={t('billing.requestFapiao')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={request}>
        <Form.Item name="title" label={t('billing.fapiaoTitle')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="taxNumber" label={t('billing.taxNumber')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="type" label={t('billing.fapiaoType')} rules={[{ required: true }]}>
          <Select options={Object.entries(FAPIAO_TYPE_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Finance enters the 发票 number once the 发票 is issued. */
function FapiaoIssuedModal({ invoice, onClose, onDone }: InvoiceModalProps) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<FapiaoIssuedValues>();
  const enter = (v: FapiaoIssuedValues) => unwrap(client.POST('/api/v1/invoices/{id}/fapiao', { params: { path: { id: invoice.id } }, body: v })).then(onDone, (e) => showError(e, form));
  return (
    <Modal open title={t('billing.enterFapiao')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ issuedOn: todayInShanghai() }} onFinish={enter}>
        <Form.Item name="fapiaoNumber" label={t('billing.fapiaoNumber')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('billing.fapiaoIssuedOn')} rules={[{ required: true }]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const BUCKET_COLORS: Record<number, string> = { 7: 'red', 30: 'orange', 60: 'gold' };

/** 第十三条: contracts ending within 60 days, in their 60/30/7-day buckets (staff: all; portal: own). */
export function ExpiringPage() {
  const { t } = useI18n();
  const { me } = useSession();
  // a dashboard figure links here with ?within=7|30|60 and ?renews=no (issue 20)
  const [search] = useSearchParams();
  const [within, setWithin] = useState(Number(search.get('within')) || 60);
  const { data: all } = useLoad(() => unwrap(client.GET('/api/v1/contracts/expiring', { params: { query: { withinDays: within } } })), [within]);
  const renews = search.get('renews');
  const data = all && renews ? { items: all.items.filter((c) => c.renews === (renews === 'yes')) } : all;
  const base = me?.kind === 'customer' ? '/portal/contracts' : '/console/contracts';
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.expiring')}
        </Typography.Title>
        <Select value={within} onChange={setWithin} options={[7, 30, 60].map((d) => ({ value: d, label: t('billing.withinDays', { n: d }) }))} />
      </Space>
      <Table<ExpiringContract>
        rowKey="id"
        dataSource={data?.items}
        columns={[
          { title: t('contracts.number'), dataIndex: 'number', render: (n: string, c) => <Link to={`${base}/${c.id}`}>{n}</Link> },
          ...(me?.kind === 'staff' ? [{ title: t('nav.customers'), dataIndex: 'customerName' }] : []),
          { title: t('contracts.termEnd'), dataIndex: 'termEnd', render: calendarDate },
          { title: t('billing.daysLeft'), dataIndex: 'daysLeft' },
          { title: t('billing.bucket'), dataIndex: 'bucket', render: (b: number | null) => (b ? <Tag color={BUCKET_COLORS[b]}>{t('billing.withinDays', { n: b })}</Tag> : '—') },
          { title: t('billing.renews'), dataIndex: 'renews', render: (r: boolean) => (r ? <Tag color="green">{t('billing.autoRenews')}</Tag> : <Tag>{t('contracts.nonRenewal')}</Tag>) },
        ]}
      />
    </>
  );
}

/** Dunning: suspension proposals to confirm or dismiss, reminders sent, and the policy. */
export function DunningPage() {
  const { t } = useI18n();
  const showError = useApiErrors();
  // a dashboard figure links here with ?decision=proposed (issue 20)
  const [search] = useSearchParams();
  const decision = (search.get('decision') ?? undefined) as DunningRow['decision'] | undefined;
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/billing/dunning', { params: { query: { decision: decision ?? undefined } } })), [decision]);
  const { data: policy, reload: reloadPolicy } = useLoad(() => unwrap(client.GET('/api/v1/billing/dunning-policy')), []);
  const finance = useCan('dunning.decide');
  const mayEditPolicy = useCan('dunning.setPolicy');
  const confirm = useConfirm();
  const decideNow = (id: string, decision: 'confirmed' | 'dismissed') => unwrap(client.POST('/api/v1/billing/dunning/{id}/decision', { params: { path: { id } }, body: { decision } })).then(reload, showError);
  // confirming a suspension sends the customer a formal notice: asked first, the clause and what follows named
  const decide = (id: string, decision: 'confirmed' | 'dismissed') =>
    decision === 'confirmed' ? confirm({ title: 'confirm.suspension.title', consequence: 'confirm.suspension.consequence', ok: 'billing.confirmSuspension' }, () => decideNow(id, decision)) : decideNow(id, decision);
  return (
    <>
      <Typography.Title level={3}>{t('nav.dunning')}</Typography.Title>
      {policy && <PolicyCard policy={policy} editable={mayEditPolicy} onSaved={reloadPolicy} />}
      <Table<DunningRow>
        rowKey="id"
        dataSource={data?.items}
        columns={[
          { title: t('billing.invoiceNumber'), dataIndex: 'invoiceNumber' },
          { title: t('nav.customers'), dataIndex: 'customerName' },
          { title: t('billing.step'), render: (_, d) => (d.kind === 'reminder' ? t('billing.reminderN', { n: d.step }) : t('billing.suspensionProposal')) },
          { title: t('billing.dueOnStep'), dataIndex: 'dueOn', render: calendarDate },
          { title: t('billing.outstanding'), dataIndex: 'outstandingFen', render: (fen: number) => <Money fen={fen} /> },
          {
            title: t('common.status'),
            render: (_, d) =>
              d.decision === 'proposed' && finance ? (
                <Space>
                  <Button size="small" danger onClick={() => decide(d.id, 'confirmed')}>
                    {t('billing.confirmSuspension')}
                  </Button>
                  <Button size="small" onClick={() => decide(d.id, 'dismissed')}>
                    {t('billing.dismiss')}
                  </Button>
                </Space>
              ) : d.decision ? (
                <StatusTag value={d.decision} prefix="billing.decision" />
              ) : (
                <Tag color="blue">{t('billing.sent')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}

/** The dunning policy: reminder days after the due date, then the suspension proposal; finance edits it. */
function PolicyCard({ policy, editable, onSaved }: { policy: DunningPolicy; editable: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<PolicyValues>();
  const save = (v: PolicyValues) =>
    unwrap(client.PUT('/api/v1/billing/dunning-policy', { body: { reminderDays: v.reminderDays.split(/[,，\s]+/).filter(Boolean).map(Number), suspensionProposalDays: v.suspensionProposalDays } })).then(onSaved, (e) =>
      showError(e, form),
    );
  return (
    <Card size="small" title={t('billing.policy')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('billing.reminderDays')}>{policy.reminderDays.join(', ')}</Descriptions.Item>
        <Descriptions.Item label={t('billing.suspensionProposalDays')}>{policy.suspensionProposalDays}</Descriptions.Item>
        <Descriptions.Item label={t('common.updatedAt')}>
          <Instant value={policy.updatedAt} />
        </Descriptions.Item>
      </Descriptions>
      {editable && (
        <Form form={form} layout="inline" initialValues={{ reminderDays: policy.reminderDays.join(','), suspensionProposalDays: policy.suspensionProposalDays }} onFinish={save}>
          <Form.Item name="reminderDays" label={t('billing.reminderDays')}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="suspensionProposalDays" label={t('billing.suspensionProposalDays')}>
            <InputNumber min={1} max={365} />
          </Form.Item>
          <Button htmlType="submit">{t('common.save')}</Button>
        </Form>
      )}
    </Card>
  );
}
