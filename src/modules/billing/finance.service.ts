import { createHash } from 'node:crypto';
import { csvObjects } from '../../core/csv.js';
import { AppError } from '../../core/errors.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { violates } from '../../db/pg-errors.js';
import {
  AGING_BUCKETS,
  formatChineseDate,
  formatYuan,
  matchBankLine,
  normalisePayerName,
  parseYuan,
  toCapital,
  type AgingBucket,
  type CalendarDate,
  type Fen,
  type MatchConfidence,
  type MatchReason,
} from '../../rules/index.js';
import type { FinanceRepository } from './finance.repository.js';

/** What the desk needs of billing's own write path: one payment recorded in the caller's transaction. */
export type Settle = (tx: Executor, scope: Scope, invoiceId: string, input: { amountFen: number; receivedOn: string; bankReference: string | null }, auditExtra?: Record<string, unknown>) => Promise<{ payment: { id: string } }>;

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A balance in words: a negative one is what the provider owes back (the customer's credit), written as such. */
const capitalOf = (amount: number) => (amount < 0 ? `贷方余额 ${toCapital(-amount as Fen)}` : toCapital(amount as Fen));

/** Column names the banks' statement exports use for the four fields (lower-cased), English first. */
const COLUMNS = {
  date: ['date', 'value date', '交易日期', '日期', '入账日期', '记账日期'],
  amount: ['amount', 'credit', '金额', '贷方金额', '收入金额', '交易金额', '贷方发生额'],
  payer: ['payer name', 'payer', 'payer_name', '付款人', '付款人名称', '付款方', '对方户名', '对方账户名称', '对方名称'],
  reference: ['reference', 'ref', '附言', '摘要', '用途', '备注'],
} as const;
/** The bank's own number of the transfer, when the export has one: the payment's bank reference (unique per customer). */
const SERIAL = ['bank reference', 'serial', 'transaction id', '交易流水号', '流水号', '凭证号'];

/** 2026-10-08, 2026/10/8, 20261008 → 2026-10-08; anything else null. */
function bankDate(text: string): string | null {
  const m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

export interface BankLine {
  /** the line of the file it starts on (1 = the header) */
  line: number;
  /** sha256 of what the bank printed (date, amount, payer, reference) and which repeat of it this is in the file */
  lineHash: string;
  receivedOn: string | null;
  amountFen: number | null;
  payerName: string;
  reference: string;
  /** what the payment records as its bank reference: the bank's serial when the file has one, else the reference */
  bankReference: string;
  /** a message key when the line cannot be read */
  error: string | null;
}

/** The provider's bank statement as lines; the hash makes the same line the same key in every import. */
export function readBankStatement(text: string): BankLine[] {
  const { header, rows } = csvObjects(text);
  const col = (names: readonly string[]) => header.find((h) => names.includes(h));
  const serialCol = col(SERIAL);
  // a file with a serial but no 附言 column reads the serial as its reference
  const cols = { date: col(COLUMNS.date), amount: col(COLUMNS.amount), payer: col(COLUMNS.payer), reference: col(COLUMNS.reference) ?? serialCol };
  const missing = Object.entries(cols).filter(([, v]) => !v).map(([k]) => k);
  if (!rows.length || missing.length) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'csv', key: 'finance.bankColumns', params: { missing: missing.join(', ') || '—' } }]);
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const receivedOn = bankDate(r.values[cols.date!]);
    let amountFen: number | null = null;
    try {
      amountFen = parseYuan(r.values[cols.amount!], { field: 'amount' });
    } catch {
      amountFen = null;
    }
    const payerName = r.values[cols.payer!];
    const reference = r.values[cols.reference!];
    const serial = serialCol ? r.values[serialCol] : '';
    const error = !receivedOn ? 'finance.bankDate' : amountFen === null || amountFen <= 0 ? 'finance.bankAmount' : !reference ? 'finance.bankReference' : !payerName ? 'finance.bankPayer' : null;
    const key = `${receivedOn ?? r.values[cols.date!]}|${amountFen ?? r.values[cols.amount!]}|${normalisePayerName(payerName)}|${reference.trim()}|${serial}`;
    const repeat = (seen.get(key) ?? 0) + 1;
    seen.set(key, repeat);
    return { line: r.line, lineHash: createHash('sha256').update(`${key}|${repeat}`).digest('hex'), receivedOn, amountFen, payerName, reference, bankReference: (serial || reference).slice(0, 64), error };
  });
}

export interface PreviewLine extends BankLine {
  /** recorded by an earlier import: never recorded again */
  alreadyRecorded: boolean;
  invoice: { id: string; number: string; customerId: string; customerName: string; outstandingFen: number } | null;
  confidence: MatchConfidence;
  reasons: MatchReason[];
}

/**
 * The finance desk (issue 20 item 4): receivables with aging, payments received, the customer's
 * statement, and the bank-statement import — matched for review by preview, recorded only for the
 * lines the reviewer confirms (record), each line once.
 */
export function makeFinanceDesk(deps: {
  finance: FinanceRepository;
  db: { transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> };
  settle: Settle;
  customers: { get(scope: Scope, id: string): Promise<{ id: string; name: string }> };
  provider: { current(scope: Scope): Promise<{ legalName: string; bankName: string; bankAccount: string; sealFile: string | null }> };
  seal: (sealFile: string | null) => string | null;
  pdf: { render(html: string, opts?: { footerLabel?: string }): Promise<Buffer> };
  audit: { recordRead(scope: Scope, r: { entity: string; entityId?: string; customerId?: string }): Promise<unknown> };
  today: () => CalendarDate;
  now: () => Date;
}) {
  const { finance } = deps;
  const deskReader = (scope: Scope) => requireStaff(scope, 'finance', 'auditor');

  async function preview(scope: Scope, csv: string): Promise<PreviewLine[]> {
    requirePermission(scope, 'payment.importBank');
    const lines = readBankStatement(csv);
    const [open, done] = await Promise.all([finance.openInvoices(), finance.importedLines(lines.map((l) => l.lineHash))]);
    const recorded = new Set(done.map((d) => d.lineHash));
    return lines.map((l) => {
      const m = l.error ? { invoice: null, confidence: 'none' as const, reasons: [] } : matchBankLine({ amountFen: l.amountFen as Fen, payerName: l.payerName, reference: l.reference }, open);
      return { ...l, alreadyRecorded: recorded.has(l.lineHash), invoice: m.invoice && { id: m.invoice.id, number: m.invoice.number, customerId: m.invoice.customerId, customerName: m.invoice.customerName, outstandingFen: m.invoice.outstandingFen }, confidence: m.confidence, reasons: m.reasons };
    });
  }

  async function statement(scope: Scope, customerId: string, period: { from?: string; to?: string }) {
    requireReader(scope);
    if (scope.kind === 'customer' && scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
    const customer = await deps.customers.get(scope, customerId);
    const to = period.to ?? deps.today();
    const from = period.from ?? `${to.slice(0, 4)}-01-01`;
    if (from > to) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'from', key: 'finance.periodOrder' }]);
    const [before, invs, pays, credit] = await Promise.all([
      finance.balancesBefore(customerId, from),
      finance.statementInvoices(customerId, from, to),
      finance.statementPayments(customerId, from, to),
      finance.statementCredit(customerId, from, to),
    ]);
    await deps.audit.recordRead(scope, { entity: 'customer_statement', entityId: customerId, customerId });
    const openingBalanceFen = before.invoicedFen - before.receivedFen;
    const entries = [
      ...invs.map((r) => ({ on: r.invoice.issuedOn, kind: 'invoice' as const, invoiceId: r.invoice.id, invoiceNumber: r.invoice.number, contractNumber: r.contractNumber as string | null, bankReference: null as string | null, debitFen: r.invoice.amountFen, creditFen: 0 })),
      ...pays.map((r) => ({ on: r.payment.receivedOn, kind: 'payment' as const, invoiceId: r.payment.invoiceId, invoiceNumber: r.invoiceNumber, contractNumber: null, bankReference: r.payment.bankReference, debitFen: 0, creditFen: r.payment.amountFen })),
    ].sort((a, b) => a.on.localeCompare(b.on) || (a.kind === b.kind ? 0 : a.kind === 'invoice' ? -1 : 1));
    let balance = openingBalanceFen;
    const lines = entries.map((e) => ({ ...e, balanceFen: (balance += e.debitFen - e.creditFen) }));
    const invoicedFen = invs.reduce((s, r) => s + r.invoice.amountFen, 0);
    const receivedFen = pays.reduce((s, r) => s + r.payment.amountFen, 0);
    return {
      customerId,
      customerName: customer.name,
      from,
      to,
      openingBalanceFen,
      invoicedFen,
      receivedFen,
      closingBalanceFen: openingBalanceFen + invoicedFen - receivedFen,
      openingCreditFen: before.creditFen,
      closingCreditFen: before.creditFen + credit.reduce((s, c) => s + c.entry.amountFen, 0),
      lines,
      credit: credit.map((c) => ({ on: c.on, amountFen: c.entry.amountFen, invoiceNumber: c.invoiceNumber })),
    };
  }

  type Statement = Awaited<ReturnType<typeof statement>>;

  function statementHtml(s: Statement, p: { legalName: string; bankName: string; bankAccount: string }, sealUri: string | null, issuedOn: CalendarDate) {
    const d = (x: string) => formatChineseDate(x as CalendarDate);
    const y = (f: number) => esc(formatYuan(f as Fen));
    const rows = s.lines
      .map((l) => `<tr><td class="d">${d(l.on)}</td><td>${l.kind === 'invoice' ? `账单 ${esc(l.invoiceNumber)}${l.contractNumber ? `（合同 <span class="nw">${esc(l.contractNumber)}</span>）` : ''}` : `收款 ${esc(l.invoiceNumber)}${l.bankReference ? `（银行流水 <span class="nw">${esc(l.bankReference)}</span>）` : ''}`}</td><td class="n">${l.debitFen ? y(l.debitFen) : ''}</td><td class="n">${l.creditFen ? y(l.creditFen) : ''}</td><td class="n">${y(l.balanceFen)}</td></tr>`)
      .join('');
    const credit = s.credit.map((c) => `<tr><td class="d">${d(c.on)}</td><td>${c.amountFen > 0 ? '多付转入余额' : '余额抵扣'} ${esc(c.invoiceNumber)}</td><td class="n">${y(c.amountFen)}</td></tr>`).join('');
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>对账单</title><style>
body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 10.5pt; } h1 { text-align: center; letter-spacing: 6pt; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0; } th, td { border: 1px solid #444; padding: 3pt 5pt; text-align: left; } th { background: #f3f3f3; }
td.n, td.d { text-align: right; white-space: nowrap; } td.d { text-align: left; } .nw { white-space: nowrap; } .sign { margin-top: 18pt; position: relative; height: 44mm; break-inside: avoid; page-break-inside: avoid; } .seal { position: absolute; left: 36mm; top: 0; height: 40mm; opacity: .85; }
</style></head><body><h1>对账单</h1>
<table><tr><th>客户（甲方）</th><td>${esc(s.customerName)}</td></tr><tr><th>乙方</th><td>${esc(p.legalName)}</td></tr>
<tr><th>对账期间</th><td>${d(s.from)} 至 ${d(s.to)}</td></tr>
<tr><th>期初余额</th><td>${y(s.openingBalanceFen)}（大写 ${esc(capitalOf(s.openingBalanceFen))}）</td></tr>
<tr><th>本期账单</th><td>${y(s.invoicedFen)}</td></tr><tr><th>本期收款</th><td>${y(s.receivedFen)}</td></tr>
<tr><th>期末余额</th><td><b>${y(s.closingBalanceFen)}</b>（大写 ${esc(capitalOf(s.closingBalanceFen))}）</td></tr>
<tr><th>预存余额（多付款）</th><td>期初 ${y(s.openingCreditFen)}，期末 ${y(s.closingCreditFen)}</td></tr></table>
<h3>明细</h3><table><tr><th>日期</th><th>摘要</th><th>应收</th><th>已收</th><th>余额</th></tr>${rows || '<tr><td colspan="5">本期无发生额</td></tr>'}</table>
${credit ? `<h3>预存余额变动</h3><table><tr><th>日期</th><th>摘要</th><th>金额</th></tr>${credit}</table>` : ''}
<p>余额为正数表示甲方尚欠乙方的金额；负数表示甲方多付、留作预存余额的金额。收款账户：户名 ${esc(p.legalName)}，开户银行 ${esc(p.bankName)}，账号 ${esc(p.bankAccount)}。如有异议，请于收到本对账单之日起十五日内书面告知乙方。</p>
<div class="sign"><p>乙方（盖章）：${esc(p.legalName)}</p><p>日期：${d(issuedOn)}</p>${sealUri ? `<img class="seal" src="${sealUri}" alt="">` : ''}</div>
</body></html>`;
  }

  return {
    /** 应收账款: open invoices with what each owes and its aging bucket, and the per-bucket sums — all by the database. */
    async receivables(scope: Scope, f: { customerId?: string; bucket?: AgingBucket | 'overdue'; asOf?: string }) {
      deskReader(scope);
      const asOf = f.asOf ?? deps.today();
      const [items, sums] = await Promise.all([finance.receivables({ asOf, customerId: f.customerId, bucket: f.bucket }), finance.aging({ asOf, customerId: f.customerId })]);
      const buckets = AGING_BUCKETS.map((bucket) => sums.find((s) => s.bucket === bucket) ?? { bucket, invoices: 0, outstandingFen: 0 });
      return { asOf, items, buckets, totalFen: buckets.reduce((s, b) => s + b.outstandingFen, 0) };
    },

    /** 收款记录: amount, date, bank reference, who recorded it and which invoice it settled. */
    async paymentsReceived(scope: Scope, f: { customerId?: string; from?: string; to?: string }) {
      deskReader(scope);
      return (await finance.payments(scope, f)).map((r) => ({ ...r.payment, invoiceNumber: r.invoiceNumber, customerName: r.customerName, recordedByName: r.recordedByName ?? null, imported: Boolean(r.imported) }));
    },

    statement,

    /** The statement as a PDF the provider issues: with its seal. */
    async statementDocument(scope: Scope, customerId: string, period: { from?: string; to?: string }) {
      const s = await statement(scope, customerId, period);
      const provider = await deps.provider.current(scope);
      const html = statementHtml(s, provider, deps.seal(provider.sealFile), deps.today());
      return { bytes: await deps.pdf.render(html, { footerLabel: `对账单 ${s.from}—${s.to}` }), fileName: `对账单-${s.customerName}-${s.from}-${s.to}.pdf` };
    },

    /** Bank-statement import, step 1: each line matched for review. Nothing is recorded. */
    bankImportPreview: preview,

    /**
     * Step 2: records the lines the reviewer confirmed (by line number, with the invoice the reviewer
     * chose), each in its own transaction; a line recorded before — by this import or an earlier one —
     * is reported and not recorded again (the line hash is the key of bank_import_lines).
     */
    async bankImportRecord(scope: Scope, input: { csv: string; confirmed: { line: number; invoiceId: string }[] }) {
      requirePermission(scope, 'payment.importBank');
      const byLine = new Map(readBankStatement(input.csv).map((l) => [l.line, l]));
      const results: { line: number; status: 'recorded' | 'alreadyRecorded' | 'refused'; paymentId: string | null; error: string | null }[] = [];
      for (const c of input.confirmed) {
        const l = byLine.get(c.line);
        const refusal = !l ? 'finance.bankNoSuchLine' : (l.error ?? (l.receivedOn! > deps.today() ? 'billing.receivedInFuture' : null));
        if (!l || refusal) {
          results.push({ line: c.line, status: 'refused', paymentId: null, error: refusal });
          continue;
        }
        try {
          const paymentId = await deps.db.transaction(async (tx) => {
            if ((await finance.importedLines([l.lineHash], tx)).length) return null;
            const { payment } = await deps.settle(tx, scope, c.invoiceId, { amountFen: l.amountFen!, receivedOn: l.receivedOn!, bankReference: l.bankReference }, { bankLine: { line: l.line, lineHash: l.lineHash, payerName: l.payerName, reference: l.reference } });
            await finance.insertImportedLine(tx, { lineHash: l.lineHash, receivedOn: l.receivedOn!, amountFen: l.amountFen!, payerName: l.payerName.slice(0, 200), reference: l.reference.slice(0, 200), invoiceId: c.invoiceId, paymentId: payment.id, recordedBy: scope.kind === 'staff' ? scope.userId : null, recordedAt: deps.now() });
            return payment.id;
          });
          results.push({ line: c.line, status: paymentId ? 'recorded' : 'alreadyRecorded', paymentId, error: null });
        } catch (e) {
          // a concurrent import of the same line lost the race on the primary key: it is recorded once, by the other
          if (violates(e, 'bank_import_lines_pkey')) {
            results.push({ line: c.line, status: 'alreadyRecorded', paymentId: null, error: null });
            continue;
          }
          // the bank reference was recorded for this customer before (by hand, or another line with the same reference)
          if (violates(e, 'payments_bank_reference_once')) {
            results.push({ line: c.line, status: 'refused', paymentId: null, error: 'finance.bankReferenceUsed' });
            continue;
          }
          if (e instanceof AppError) {
            results.push({ line: c.line, status: 'refused', paymentId: null, error: e.fields?.[0]?.key ?? e.code });
            continue;
          }
          throw e;
        }
      }
      return { results };
    },
  };
}
