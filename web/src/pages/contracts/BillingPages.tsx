import { Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { get, post, put } from '../../api/client';
import { useSession } from '../../auth/session';
import { todayInShanghai } from '../../dates';
import { money, shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

export interface BillingInvoice {
  id: string;
  number: string;
  periodStart: string;
  periodEnd: string;
  amountFen: number;
  issuedOn: string;
  dueOn: string;
  paidOn: string | null;
  status: string;
  paidFen: number;
  creditAppliedFen: number;
  overdueSince: string | null;
  fapiaoTitle: string | null;
  fapiaoTaxNumber: string | null;
  fapiaoType: 'ordinary' | 'special' | null;
  fapiaoNumber: string | null;
  fapiaoIssuedOn: string | null;
}

const INVOICE_COLOR: Record<string, string> = { unpaid: 'gold', partially_paid: 'blue', paid: 'green', overdue: 'red', void: 'default' };

export function InvoiceStatus({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={INVOICE_COLOR[status]}>{t(`billing.status.${status}` as MessageKey)}</Tag>;
}

/** The invoices of one contract: status, what is owed, the PDF, payments (finance) and 发票 (customer, finance). */
export function InvoicesCard({ invoices, reload, customerId }: { invoices: BillingInvoice[]; reload: () => void; customerId?: string }) {
  const { t } = useI18n();
  const { data: credit } = useLoad(() => (customerId ? get<{ balanceFen: number }>(`/customers/${customerId}/credit`) : Promise.resolve(null)), [customerId, invoices]);
  const { me } = useSession();
  const showError = useApiErrors();
  const [paying, setPaying] = useState<BillingInvoice | null>(null);
  const [requesting, setRequesting] = useState<BillingInvoice | null>(null);
  const [issuing, setIssuing] = useState<BillingInvoice | null>(null);
  const [form] = Form.useForm();
  const finance = me?.kind === 'staff' && me.roles.some((r) => r === 'finance' || r === 'admin');
  const canRequest = finance || (me?.kind === 'customer' && me.roles.some((r) => r === 'owner' || r === 'billing'));
  const submit = (p: Promise<unknown>, close: () => void) => p.then(() => (close(), form.resetFields(), reload()), (e) => showError(e, form));
  return (
    <Card title={t('contracts.invoices')} size="small" style={{ marginBottom: 16 }} extra={credit && credit.balanceFen > 0 ? <Tag color="blue" data-testid="credit-balance">{`${t('billing.credit')} ${money(credit.balanceFen)}`}</Tag> : null}>
      <Table<BillingInvoice>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={invoices}
        columns={[
          { title: t('billing.invoiceNumber'), dataIndex: 'number' },
          { title: t('contracts.term'), render: (_, i) => `${i.periodStart} – ${i.periodEnd}` },
          { title: t('billing.amount'), dataIndex: 'amountFen', render: money },
          { title: t('billing.outstanding'), render: (_, i) => money(i.amountFen - i.paidFen - i.creditAppliedFen) },
          { title: t('contracts.dueOn'), dataIndex: 'dueOn' },
          { title: t('common.status'), render: (_, i) => <InvoiceStatus status={i.status} /> },
          { title: t('billing.fapiao'), render: (_, i) => (i.fapiaoNumber ? `${i.fapiaoNumber}（${i.fapiaoIssuedOn}）` : i.fapiaoType ? t('billing.fapiaoRequested') : '—') },
          {
            title: '',
            render: (_, i) => (
              <Space size="small" wrap>
                <a href={`/api/v1/invoices/${i.id}/document?format=pdf`} data-testid={`invoice-pdf-${i.number}`}>
                  {t('billing.invoicePdf')}
                </a>
                {finance && i.status !== 'paid' && i.status !== 'void' && (
                  <Button size="small" onClick={() => setPaying(i)}>
                    {t('billing.recordPayment')}
                  </Button>
                )}
                {canRequest && !i.fapiaoNumber && (
                  <Button size="small" onClick={() => (form.setFieldsValue({ title: i.fapiaoTitle, taxNumber: i.fapiaoTaxNumber, type: i.fapiaoType ?? 'ordinary' }), setRequesting(i))}>
                    {t('billing.requestFapiao')}
                  </Button>
                )}
                {finance && i.fapiaoType && !i.fapiaoNumber && (
                  <Button size="small" onClick={() => setIssuing(i)}>
                    {t('billing.enterFapiao')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!paying} title={`${t('billing.recordPayment')} ${paying?.number ?? ''}`} onCancel={() => setPaying(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ receivedOn: todayInShanghai() }} onFinish={(v) => submit(post(`/invoices/${paying!.id}/payments`, { ...v, amount: String(v.amount) }), () => setPaying(null))}>
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
      <Modal open={!!requesting} title={t('billing.requestFapiao')} onCancel={() => setRequesting(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => submit(put(`/invoices/${requesting!.id}/fapiao-request`, v), () => setRequesting(null))}>
          <Form.Item name="title" label={t('billing.fapiaoTitle')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="taxNumber" label={t('billing.taxNumber')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="type" label={t('billing.fapiaoType')} rules={[{ required: true }]}>
            <Select options={[{ value: 'ordinary', label: t('billing.fapiaoType.ordinary') }, { value: 'special', label: t('billing.fapiaoType.special') }]} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!issuing} title={t('billing.enterFapiao')} onCancel={() => setIssuing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ issuedOn: todayInShanghai() }} onFinish={(v) => submit(post(`/invoices/${issuing!.id}/fapiao`, v), () => setIssuing(null))}>
          <Form.Item name="fapiaoNumber" label={t('billing.fapiaoNumber')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('billing.fapiaoIssuedOn')} rules={[{ required: true }]}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

interface Expiring {
  id: string;
  number: string;
  customerName: string;
  termEnd: string;
  daysLeft: number;
  bucket: number | null;
  renews: boolean;
  annualFeeFen: number;
}

/** 第十三条: contracts ending within 60 days, in their 60/30/7-day buckets (staff: all; portal: own). */
export function ExpiringPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [within, setWithin] = useState(60);
  const { data } = useLoad(() => get<{ items: Expiring[] }>(`/contracts/expiring?withinDays=${within}`), [within]);
  const base = me?.kind === 'customer' ? '/portal/contracts' : '/console/contracts';
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.expiring')}
        </Typography.Title>
        <Select value={within} onChange={setWithin} options={[7, 30, 60].map((d) => ({ value: d, label: t('billing.withinDays', { n: d }) }))} />
      </Space>
      <Table<Expiring>
        rowKey="id"
        dataSource={data?.items}
        columns={[
          { title: t('contracts.number'), dataIndex: 'number', render: (n: string, c) => <Link to={`${base}/${c.id}`}>{n}</Link> },
          ...(me?.kind === 'staff' ? [{ title: t('nav.customers'), dataIndex: 'customerName' }] : []),
          { title: t('contracts.termEnd'), dataIndex: 'termEnd' },
          { title: t('billing.daysLeft'), dataIndex: 'daysLeft' },
          { title: t('billing.bucket'), dataIndex: 'bucket', render: (b: number | null) => (b ? <Tag color={b === 7 ? 'red' : b === 30 ? 'orange' : 'gold'}>{t('billing.withinDays', { n: b })}</Tag> : '—') },
          { title: t('billing.renews'), dataIndex: 'renews', render: (r: boolean) => (r ? <Tag color="green">{t('billing.autoRenews')}</Tag> : <Tag>{t('contracts.nonRenewal')}</Tag>) },
        ]}
      />
    </>
  );
}

interface DunningRow {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  customerName: string;
  kind: 'reminder' | 'suspension_proposal';
  step: number;
  dueOn: string;
  decision: string | null;
  decidedAt: string | null;
  outstandingFen: number;
}

/** Dunning: suspension proposals to confirm or dismiss, reminders sent, and the policy. */
export function DunningPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<{ items: DunningRow[] }>('/billing/dunning'), []);
  const { data: policy, reload: reloadPolicy } = useLoad(() => get<{ reminderDays: number[]; suspensionProposalDays: number; updatedAt: string }>('/billing/dunning-policy'), []);
  const [form] = Form.useForm();
  const finance = me?.kind === 'staff' && me.roles.some((r) => r === 'finance' || r === 'admin');
  const decide = (id: string, decision: 'confirmed' | 'dismissed') => post(`/billing/dunning/${id}/decision`, { decision }).then(reload, showError);
  return (
    <>
      <Typography.Title level={3}>{t('nav.dunning')}</Typography.Title>
      {policy && (
        <Card size="small" title={t('billing.policy')} style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('billing.reminderDays')}>{policy.reminderDays.join(', ')}</Descriptions.Item>
            <Descriptions.Item label={t('billing.suspensionProposalDays')}>{policy.suspensionProposalDays}</Descriptions.Item>
            <Descriptions.Item label={t('common.updatedAt')}>{shanghaiTime(policy.updatedAt)}</Descriptions.Item>
          </Descriptions>
          {finance && (
            <Form
              form={form}
              layout="inline"
              initialValues={{ reminderDays: policy.reminderDays.join(','), suspensionProposalDays: policy.suspensionProposalDays }}
              onFinish={(v) => put('/billing/dunning-policy', { reminderDays: String(v.reminderDays).split(/[,，\s]+/).filter(Boolean).map(Number), suspensionProposalDays: v.suspensionProposalDays }).then(reloadPolicy, (e) => showError(e, form))}
            >
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
      )}
      <Table<DunningRow>
        rowKey="id"
        dataSource={data?.items}
        columns={[
          { title: t('billing.invoiceNumber'), dataIndex: 'invoiceNumber' },
          { title: t('nav.customers'), dataIndex: 'customerName' },
          { title: t('billing.step'), render: (_, d) => (d.kind === 'reminder' ? t('billing.reminderN', { n: d.step }) : t('billing.suspensionProposal')) },
          { title: t('billing.dueOnStep'), dataIndex: 'dueOn' },
          { title: t('billing.outstanding'), dataIndex: 'outstandingFen', render: money },
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
                <Tag>{t(`billing.decision.${d.decision}` as MessageKey)}</Tag>
              ) : (
                <Tag color="blue">{t('billing.sent')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
