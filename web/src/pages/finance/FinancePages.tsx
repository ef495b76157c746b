import { Alert, Button, Card, Col, Descriptions, Input, Row, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { client, unwrap, type ApiResponse, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { DocumentDownload, ExportLink, Instant, Money, useConfirm } from '../../components';
import { todayInShanghai } from '../../dates';
import { calendarDate, money } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type Bucket = Schemas['AgingBucket'];
type Receivable = Schemas['Receivables']['items'][number];
type ReceivedPayment = Schemas['ReceivedPayment'];
type StatementLine = Schemas['CustomerStatement']['lines'][number];
type PreviewLine = Schemas['BankImportPreview']['lines'][number];
type ImportResult = ApiResponse<'/api/v1/billing/bank-import/record', 'post'>['results'][number];

/** Every aging bucket with its label and colour (a bucket the API adds does not compile until it is named here). */
const BUCKETS: Record<Bucket, { label: MessageKey; color: string }> = {
  not_due: { label: 'finance.bucket.not_due', color: 'green' },
  d1_30: { label: 'finance.bucket.d1_30', color: 'gold' },
  d31_60: { label: 'finance.bucket.d31_60', color: 'orange' },
  d61_90: { label: 'finance.bucket.d61_90', color: 'volcano' },
  over_90: { label: 'finance.bucket.over_90', color: 'red' },
};
type BucketFilter = Schemas['ReceivablesBucketFilter'];
const BUCKET_FILTERS: Record<BucketFilter, MessageKey> = { ...Object.fromEntries(Object.entries(BUCKETS).map(([k, v]) => [k, v.label])), overdue: 'finance.bucket.overdue' } as Record<BucketFilter, MessageKey>;
const CONFIDENCE_COLORS: Record<PreviewLine['confidence'], string> = { high: 'green', medium: 'blue', low: 'orange', none: 'default' };

/** The customers for a filter (staff). */
function useCustomerOptions() {
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/customers', { params: { query: { pageSize: 200 } } })), []);
  return data?.items.map((c) => ({ value: c.id, label: c.name }));
}

/** 应收账款: open invoices by aging bucket, summed by the server; click a bucket to filter by it. */
export function ReceivablesPage() {
  const { t } = useI18n();
  const customers = useCustomerOptions();
  const [customerId, setCustomerId] = useState<string | undefined>();
  // a dashboard figure links here with ?bucket= (issue 20): a bucket, or overdue for every bucket past due
  const [search] = useSearchParams();
  const [bucket, setBucket] = useState<BucketFilter | undefined>(() => {
    const b = search.get('bucket');
    return b && b in BUCKET_FILTERS ? (b as BucketFilter) : undefined;
  });
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/billing/receivables', { params: { query: { customerId, bucket } } })), [customerId, bucket]);
  return (
    <>
      <Typography.Title level={3}>{t('nav.receivables')}</Typography.Title>
      <Row gutter={12} style={{ marginBottom: 16 }}>
        {data?.buckets.map((b) => (
          <Col key={b.bucket} flex="1">
            <Card size="small" hoverable onClick={() => setBucket(bucket === b.bucket ? undefined : b.bucket)} style={bucket === b.bucket ? { borderColor: '#1677ff' } : undefined} data-testid={`bucket-${b.bucket}`}>
              <Statistic title={<Tag color={BUCKETS[b.bucket].color}>{t(BUCKETS[b.bucket].label)}</Tag>} value={money(b.outstandingFen)} />
              <Typography.Text type="secondary">{t('finance.invoiceCount', { n: b.invoices })}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('finance.customer')} style={{ width: 260 }} options={customers} value={customerId} onChange={setCustomerId} data-testid="receivables-customer" />
        <Select allowClear placeholder={t('finance.bucket')} style={{ width: 180 }} value={bucket} onChange={setBucket} options={(Object.keys(BUCKET_FILTERS) as BucketFilter[]).map((b) => ({ value: b, label: t(BUCKET_FILTERS[b]) }))} />
        {data && (
          <Typography.Text>
            {t('finance.total')}: <Money fen={data.totalFen} /> · {t('finance.asOf')} {calendarDate(data.asOf)}
          </Typography.Text>
        )}
      </Space>
      <Table<Receivable>
        rowKey="invoiceId"
        size="small"
        dataSource={data?.items}
        columns={[
          { title: t('billing.invoiceNumber'), dataIndex: 'number' },
          { title: t('finance.customer'), dataIndex: 'customerName' },
          { title: t('finance.contractNumber'), dataIndex: 'contractNumber' },
          { title: t('contracts.dueOn'), dataIndex: 'dueOn', render: calendarDate },
          { title: t('billing.amount'), dataIndex: 'amountFen', render: (fen: number) => <Money fen={fen} /> },
          { title: t('billing.outstanding'), dataIndex: 'outstandingFen', render: (fen: number) => <Money fen={fen} /> },
          { title: t('finance.daysPastDue'), dataIndex: 'daysPastDue', render: (d: number) => (d > 0 ? d : '—') },
          { title: t('finance.bucket'), dataIndex: 'bucket', render: (b: Bucket) => <Tag color={BUCKETS[b].color}>{t(BUCKETS[b].label)}</Tag> },
          { title: t('common.actions'), render: (_, r) => (
              <DocumentDownload as="link" href={`/invoices/${r.invoiceId}/document?format=pdf`}>
                {t('finance.paymentNotice')}
              </DocumentDownload>
            ) },
        ]}
      />
    </>
  );
}

/** 收款记录: what was received, when, with which bank reference, who recorded it and what it settled; CSV export. */
export function PaymentsPage() {
  const { t } = useI18n();
  const customers = useCustomerOptions();
  const [customerId, setCustomerId] = useState<string | undefined>();
  // a dashboard figure (payments this month) links here with ?from=&to= (issue 20)
  const [search] = useSearchParams();
  const [range, setRange] = useState<{ from?: string; to?: string }>(() => ({ from: search.get('from') ?? undefined, to: search.get('to') ?? undefined }));
  const query = { customerId, ...range };
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/billing/payments', { params: { query } })), [customerId, range.from, range.to]);
  const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <>
      <Typography.Title level={3}>{t('nav.payments')}</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('finance.customer')} style={{ width: 260 }} options={customers} value={customerId} onChange={setCustomerId} />
        <Input type="date" aria-label={t('finance.from')} placeholder={t('finance.from')} style={{ width: 160 }} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value || undefined }))} />
        <Input type="date" aria-label={t('finance.to')} placeholder={t('finance.to')} style={{ width: 160 }} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value || undefined }))} />
        <ExportLink href={`/billing/payments/export.csv${qs ? `?${qs}` : ''}`} what="nav.payments" />
      </Space>
      <Table<ReceivedPayment>
        rowKey="id"
        size="small"
        dataSource={data?.items}
        columns={[
          { title: t('billing.receivedOn'), dataIndex: 'receivedOn', render: calendarDate },
          { title: t('finance.customer'), dataIndex: 'customerName' },
          { title: t('billing.amount'), dataIndex: 'amountFen', render: (fen: number) => <Money fen={fen} /> },
          { title: t('finance.settled'), render: (_, p) => `${p.invoiceNumber}${p.creditedFen > 0 ? ` · ${t('finance.toCredit')} ${money(p.creditedFen)}` : ''}` },
          { title: t('billing.bankReference'), dataIndex: 'bankReference', render: (r: string | null) => r ?? '—' },
          { title: t('finance.recordedBy'), render: (_, p) => <Space size={4}>{p.recordedByName ?? t('finance.system')}{p.imported && <Tag>{t('finance.imported')}</Tag>}</Space> },
          { title: t('finance.recordedAt'), dataIndex: 'createdAt', render: (v: string) => <Instant value={v} /> },
        ]}
      />
    </>
  );
}

/** 对账单: the customer's statement for a period, with the PDF the provider seals; a customer sees its own. */
export function StatementPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const staff = me?.kind === 'staff';
  const customers = useCustomerOptions();
  const [picked, setPicked] = useState<string | undefined>();
  const customerId = staff ? picked : (me?.customerId ?? undefined);
  const today = todayInShanghai();
  const [range, setRange] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const { data } = useLoad(
    () => (customerId ? unwrap(client.GET('/api/v1/customers/{id}/statement', { params: { path: { id: customerId }, query: range } })) : Promise.resolve(null)),
    [customerId, range.from, range.to],
  );
  return (
    <>
      <Typography.Title level={3}>{t('nav.statement')}</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        {staff && <Select showSearch optionFilterProp="label" placeholder={t('finance.customer')} style={{ width: 260 }} options={customers} value={picked} onChange={setPicked} data-testid="statement-customer" />}
        <Input type="date" aria-label={t('finance.from')} value={range.from} style={{ width: 160 }} onChange={(e) => e.target.value && setRange((r) => ({ ...r, from: e.target.value }))} />
        <Input type="date" aria-label={t('finance.to')} value={range.to} style={{ width: 160 }} onChange={(e) => e.target.value && setRange((r) => ({ ...r, to: e.target.value }))} />
        {customerId && (
          <DocumentDownload href={`/customers/${customerId}/statement/document?from=${range.from}&to=${range.to}`} data-testid="statement-pdf">
            {t('finance.downloadPdf')}
          </DocumentDownload>
        )}
      </Space>
      {!customerId && staff && <Alert type="info" showIcon message={t('finance.pickCustomer')} />}
      {data && (
        <>
          <Descriptions bordered size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('finance.customer')}>{data.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('finance.period')} span={2}>{`${calendarDate(data.from)} – ${calendarDate(data.to)}`}</Descriptions.Item>
            <Descriptions.Item label={t('finance.opening')}><Money fen={data.openingBalanceFen} /></Descriptions.Item>
            <Descriptions.Item label={t('finance.invoiced')}><Money fen={data.invoicedFen} /></Descriptions.Item>
            <Descriptions.Item label={t('finance.received')}><Money fen={data.receivedFen} /></Descriptions.Item>
            <Descriptions.Item label={t('finance.closing')}><b data-testid="statement-closing"><Money fen={data.closingBalanceFen} /></b></Descriptions.Item>
            <Descriptions.Item label={t('billing.credit')} span={2}>{`${money(data.openingCreditFen)} → ${money(data.closingCreditFen)}`}</Descriptions.Item>
          </Descriptions>
          <Table<StatementLine>
            rowKey={(l) => `${l.kind}-${l.invoiceId}-${l.on}-${l.balanceFen}`}
            size="small"
            pagination={false}
            dataSource={data.lines}
            columns={[
              { title: t('finance.date'), dataIndex: 'on', render: calendarDate },
              { title: t('finance.entry'), render: (_, l) => (l.kind === 'invoice' ? `${t('finance.entry.invoice')} ${l.invoiceNumber}${l.contractNumber ? ` · ${l.contractNumber}` : ''}` : `${t('finance.entry.payment')} ${l.invoiceNumber}${l.bankReference ? ` · ${l.bankReference}` : ''}`) },
              { title: t('finance.debit'), dataIndex: 'debitFen', render: (fen: number) => (fen ? <Money fen={fen} /> : '') },
              { title: t('finance.creditCol'), dataIndex: 'creditFen', render: (fen: number) => (fen ? <Money fen={fen} /> : '') },
              { title: t('finance.balance'), dataIndex: 'balanceFen', render: (fen: number) => <Money fen={fen} /> },
            ]}
          />
        </>
      )}
    </>
  );
}

/**
 * 银行流水导入: the provider's bank statement (CSV: date, amount, payer name, reference) → each line matched
 * for review → the reviewer ticks the lines (and may pick another invoice) → only those are recorded.
 */
export function BankImportPage() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const confirm = useConfirm();
  const mayImport = useCan('payment.importBank');
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [lines, setLines] = useState<PreviewLine[] | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [chosen, setChosen] = useState<Record<number, string>>({});
  const [results, setResults] = useState<ImportResult[] | null>(null);
  const { data: open } = useLoad(() => unwrap(client.GET('/api/v1/billing/receivables')), [results]);
  const invoiceOptions = useMemo(() => open?.items.map((i) => ({ value: i.invoiceId, label: `${i.number} · ${i.customerName} · ${money(i.outstandingFen)}` })) ?? [], [open]);

  const preview = (text: string) =>
    unwrap(client.POST('/api/v1/billing/bank-import/preview', { body: { csv: text } })).then((r) => {
      setLines(r.lines);
      setResults(null);
      setChosen(Object.fromEntries(r.lines.filter((l) => l.invoice).map((l) => [l.line, l.invoice!.id])));
      // only the sure matches start ticked; the reviewer decides the rest
      setSelected(r.lines.filter((l) => l.confidence === 'high' && !l.alreadyRecorded && !l.error).map((l) => l.line));
    }, showError);
  const load = async (file: File) => {
    const text = await file.text();
    setCsv(text);
    setFileName(file.name);
    await preview(text);
  };
  const confirmed = selected.filter((n) => chosen[n]).map((line) => ({ line, invoiceId: chosen[line] }));
  const record = () =>
    confirm({ title: 'confirm.bankImport.title', consequence: 'confirm.bankImport.consequence', ok: 'finance.recordSelected', params: { n: confirmed.length } }, () =>
      unwrap(client.POST('/api/v1/billing/bank-import/record', { body: { csv: csv!, confirmed } })).then((r) => {
        setResults(r.results);
        setSelected([]);
        return preview(csv!);
      }, showError),
    );
  const resultOf = (line: number) => results?.find((r) => r.line === line);
  return (
    <>
      <Typography.Title level={3}>{t('nav.bankImport')}</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('finance.importHint')} />
      <Space style={{ marginBottom: 12 }}>
        <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(file) => (void load(file), false)} disabled={!mayImport}>
          <Button disabled={!mayImport} data-testid="bank-upload">{t('finance.chooseFile')}</Button>
        </Upload>
        {fileName && <Typography.Text>{fileName}</Typography.Text>}
        {lines && mayImport && (
          <Button type="primary" disabled={!confirmed.length} onClick={record} data-testid="bank-record">
            {t('finance.recordSelected', { n: confirmed.length })}
          </Button>
        )}
      </Space>
      {results && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="bank-results"
          message={t('finance.importDone', { recorded: results.filter((r) => r.status === 'recorded').length, already: results.filter((r) => r.status === 'alreadyRecorded').length, refused: results.filter((r) => r.status === 'refused').length })}
        />
      )}
      {lines && (
        <Table<PreviewLine>
          rowKey="line"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={lines}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (l) => ({ disabled: l.alreadyRecorded || !!l.error }) }}
          columns={[
            { title: t('finance.line'), dataIndex: 'line', width: 60 },
            { title: t('finance.date'), dataIndex: 'receivedOn', render: (d: string | null) => (d ? calendarDate(d) : '—') },
            { title: t('billing.amount'), dataIndex: 'amountFen', render: (fen: number | null) => (fen === null ? '—' : <Money fen={fen} />) },
            { title: t('finance.payer'), dataIndex: 'payerName' },
            { title: t('finance.reference'), dataIndex: 'reference' },
            {
              title: t('finance.matchedInvoice'),
              render: (_, l) =>
                l.error || l.alreadyRecorded ? (
                  '—'
                ) : (
                  <Select allowClear showSearch optionFilterProp="label" style={{ width: 280 }} size="small" options={invoiceOptions} value={chosen[l.line]} onChange={(v) => setChosen((c) => ({ ...c, [l.line]: v }))} placeholder={t('finance.pickInvoice')} />
                ),
            },
            {
              title: t('finance.confidence'),
              render: (_, l) =>
                l.error ? (
                  <Tag color="red">{t(l.error as MessageKey)}</Tag>
                ) : l.alreadyRecorded ? (
                  <Tag>{t('finance.alreadyRecorded')}</Tag>
                ) : (
                  <Space size={2} wrap>
                    <Tag color={CONFIDENCE_COLORS[l.confidence]}>{t(`finance.confidence.${l.confidence}`)}</Tag>
                    {l.reasons.map((r) => (
                      <Typography.Text key={r} type="secondary" style={{ fontSize: 12 }}>
                        {t(`finance.reason.${r}`)}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
            },
            { title: t('finance.result'), render: (_, l) => { const r = resultOf(l.line); return r ? <Tag color={r.status === 'recorded' ? 'green' : r.status === 'refused' ? 'red' : 'default'}>{r.error ? t(r.error as MessageKey) : t(`finance.status.${r.status}`)}</Tag> : null; } },
          ]}
        />
      )}
    </>
  );
}
