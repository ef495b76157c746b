import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { PdfRenderer } from '../../documents/pdf.js';
import type { Emitter } from '../../core/reactions.js';
import {
  addDays,
  allocatePayment,
  applyCredit,
  calendarDayPeriodEndMarked,
  dunningSchedule,
  EXPIRY_REMINDER_DAYS,
  expiryBucket,
  formatChineseDate,
  formatYuan,
  invoiceAmount,
  invoiceNumber,
  invoiceStatus,
  outstanding,
  parseDate,
  parseYuan,
  RuleError,
  shanghaiDate,
  toCapital,
  validateDunningPolicy,
  daysBetween,
  type Calendar,
  type CalendarDate,
  type ContractTerms,
  type DunningPolicy,
  type DunningStep,
  type Fen,
} from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { NoticesService } from '../notices/notices.service.js';
import type { ProviderService } from '../provider/provider.service.js';
import { DEADLINE_MOVED_TASK, type RecomputedRecord } from '../calendar/calendar.service.js';
import type { BillingRepository, DunningActionRow, InvoiceRow } from './billing.repository.js';
import type { FinanceRepository } from './finance.repository.js';
import { makeFinanceDesk } from './finance.service.js';
import type { FileStore } from '../../files/file-store.js';
import type { SweepDayResult } from './billing.schema.js';

export type { SweepDayResult };

/** What billing needs to know of a contract to issue its invoice; contracts hands it over (billing never reads the contract itself). */
export interface InvoicedContract {
  id: string;
  customerId: string;
  annualFeeFen: number;
  termMonths: number;
  terms: Pick<ContractTerms, 'paymentDueCalendarDays'>;
}

/** An invoice due date recomputed when an official calendar year was loaded (issue 16). */
export interface RecomputedDueDate extends RecomputedRecord {
  kind: 'invoice';
  customerId: string;
}


const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const FAPIAO_TYPE_ZH = { ordinary: '增值税普通发票（普票）', special: '增值税专用发票（专票）' } as const;
const STATUS_ZH = { unpaid: '未付款', partially_paid: '部分付款', paid: '已付清', overdue: '已逾期', void: '已作废' } as const;

/**
 * Money after the invoice (第四条) and time after the contract (第十三条): the invoices themselves (issued
 * when contracts activates or renews, numbered per year), payments by bank transfer, the customer's
 * credit, 发票 requests, dunning (formal notices, then a suspension proposal staff must confirm — never
 * an automatic termination), expiry reminders and the daily sweep that moves all of it through time.
 * Only this module writes invoices.
 */
export function makeBillingService(deps: {
  repo: BillingRepository;
  customers: Pick<CustomersService, 'get' | 'addTask'>;
  provider: Pick<ProviderService, 'current' | 'sealDataUri'>;
  notices: Pick<NoticesService, 'register'>;
  calendar: { current(tx?: Executor): Promise<Calendar> };
  pdf: PdfRenderer;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
  /** emits billing.* and asks billing.sweepingDay (billing.events.ts), in the change's transaction */
  bus: Emitter<Executor>;
  /** the finance desk's reads (receivables, payments, statements, bank import; issue 20) */
  finance: FinanceRepository;
  /** the provider's seal image, printed on the documents the provider issues (payment notice, statement) */
  files: Pick<FileStore, 'get' | 'has'>;
}) {
  const { repo, audit, clock, ids, bus } = deps;
  const today = () => shanghaiDate(clock.now());

  async function loadInvoice(scope: Scope, id: string, tx?: Executor): Promise<InvoiceRow> {
    const row = await repo.invoice(scope, id, tx);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'invoice' });
    return row;
  }

  async function policy(tx?: Executor): Promise<DunningPolicy & { updatedAt: Date }> {
    const row = await repo.policy(tx);
    return { reminderDays: row.reminderDays, suspensionProposalDays: row.suspensionProposalDays, updatedAt: row.updatedAt };
  }


  /**
   * One bank transfer against an invoice, in the caller's transaction (recordPayment, the bank import):
   * partial payments add up; whatever exceeds what is owed is kept as the customer's credit.
   */
  async function settle(tx: Executor, scope: Scope, invoiceId: string, input: { amountFen: number; receivedOn: string; bankReference: string | null }, auditExtra: Record<string, unknown> = {}) {
    const { amountFen } = input;
    const before = await repo.lockInvoice(tx, invoiceId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'invoice' });
    if (before.status === 'void') throw new AppError('INVALID_TRANSITION', { entity: 'invoice', from: before.status, to: 'payment' });
    const { appliedFen, creditedFen } = allocatePayment(before, amountFen);
    const paidFen = before.paidFen + appliedFen;
    const settled = { ...before, paidFen };
    const status = invoiceStatus(settled, today());
    const after = await repo.updateInvoice(tx, invoiceId, {
      paidFen,
      status: before.status === 'paid' ? 'paid' : status,
      paidOn: before.paidOn ?? (status === 'paid' ? input.receivedOn : null),
      // past its due date before today's sweep ran: overdue all the same, from the day after the due date
      overdueSince: status === 'overdue' ? (before.overdueSince ?? addDays(before.dueOn as CalendarDate, 1)) : before.overdueSince,
    });
    const payment = { id: ids.uuid(), invoiceId, customerId: before.customerId, amountFen, appliedFen, creditedFen, receivedOn: input.receivedOn, bankReference: input.bankReference, recordedBy: scope.kind === 'staff' ? scope.userId : null, createdAt: clock.now() };
    await repo.insertPayment(tx, payment);
    if (creditedFen > 0) {
      await repo.lockCredit(tx, before.customerId);
      await repo.moveCredit(tx, { id: ids.uuid(), customerId: before.customerId, amountFen: creditedFen, paymentId: payment.id, invoiceId, createdAt: clock.now() });
    }
    await audit.record(tx, scope, { action: 'invoice.payment', entity: 'invoice', entityId: invoiceId, customerId: before.customerId, before, after: { ...after, payment, ...auditExtra } });
    // issue 20 §5: finance's alert channels hear of it (recorded by hand or from the bank import)
    await bus.emit(tx, scope, 'billing.paymentRecorded', { invoice: after, payment });
    return { ...after, outstandingFen: outstanding(after), payment };
  }

  const sweepScope: Scope = { kind: 'system', reason: 'daily-sweep' };

  /** 第四条: unpaid past the due date → overdue from the day after it. */
  async function markOverdue(tx: Executor, day: CalendarDate, result: SweepDayResult) {
    for (const inv of await repo.dueBefore(tx, day)) {
      const after = await repo.updateInvoice(tx, inv.id, { status: 'overdue', overdueSince: addDays(inv.dueOn as CalendarDate, 1) });
      await audit.record(tx, sweepScope, { action: 'invoice.overdue', entity: 'invoice', entityId: inv.id, customerId: inv.customerId, before: inv, after });
      result.overdue.push(inv.number);
    }
  }

  /** Dunning: each step of the policy once per overdue invoice, dated the day it fell due. */
  async function dun(tx: Executor, day: CalendarDate, result: SweepDayResult) {
    const p = await policy(tx);
    const overdue = await repo.overdue(tx);
    const done = new Set((await repo.actionsOf(tx, overdue.map((i) => i.id))).map((a) => `${a.invoiceId}/${a.kind}/${a.step}`));
    for (const inv of overdue) {
      for (const step of dunningSchedule(inv.dueOn as CalendarDate, p)) {
        if (step.on > day || done.has(`${inv.id}/${step.kind}/${step.step}`)) continue;
        await takeDunningStep(tx, inv, step, result);
      }
    }
  }

  /** One dunning step: a reminder is a formal notice; a suspension proposal waits for staff (decideProposal). */
  async function takeDunningStep(tx: Executor, inv: InvoiceRow, step: DunningStep, result: SweepDayResult) {
    const action: DunningActionRow = {
      id: ids.uuid(),
      invoiceId: inv.id,
      customerId: inv.customerId,
      kind: step.kind,
      step: step.step,
      dueOn: step.on,
      noticeId: null,
      decision: step.kind === 'suspension_proposal' ? 'proposed' : null,
      decidedBy: null,
      decidedAt: null,
      createdAt: clock.now(),
    };
    if (!(await repo.insertAction(tx, action))) return;
    if (step.kind === 'reminder') {
      const notice = await deps.notices.register(tx, sweepScope, {
        customerId: inv.customerId,
        direction: 'provider_to_customer',
        type: 'billing.overdueReminder',
        payload: { invoiceNumber: inv.number, amount: formatYuan(inv.amountFen as Fen), outstanding: formatYuan(outstanding(inv)), outstandingCapital: toCapital(outstanding(inv)), dueOn: inv.dueOn, step: step.step, asOf: step.on },
        relatedEntity: 'invoice',
        relatedId: inv.id,
      });
      await repo.setActionNotice(tx, action.id, notice?.id ?? null);
      result.reminders.push(`${inv.number}#${step.step}@${step.on}`);
    } else result.proposals.push(`${inv.number}@${step.on}`);
    await audit.record(tx, sweepScope, { action: `dunning.${step.kind}`, entity: 'invoice', entityId: inv.id, customerId: inv.customerId, after: action });
  }

  /** 第十三条: the customer is told 60, 30 and 7 days before the term ends, each once. */
  async function remindOfExpiry(tx: Executor, day: CalendarDate, result: SweepDayResult) {
    const { rows } = (await repo.dueExpiryReminders(tx, day, EXPIRY_REMINDER_DAYS)) as unknown as { rows: { contract_id: string; customer_id: string; number: string; term_end: string; days_ahead: number; due_on: string }[] };
    for (const r of rows) {
      const inserted = await repo.insertExpiryReminder(tx, { contractId: r.contract_id, customerId: r.customer_id, termEnd: r.term_end, daysAhead: r.days_ahead, dueOn: r.due_on, noticeId: null, createdAt: clock.now() });
      if (!inserted) continue;
      await deps.notices.register(tx, sweepScope, {
        customerId: r.customer_id,
        direction: 'provider_to_customer',
        type: 'contract.expiring',
        payload: { contractNumber: r.number, termEnd: r.term_end, daysAhead: r.days_ahead, asOf: r.due_on },
        relatedEntity: 'contract',
        relatedId: r.contract_id,
      });
      result.expiryReminders.push(`${r.number}-${r.days_ahead}@${r.due_on}`);
    }
  }

  /**
   * One day of the sweep, in one transaction: the other modules' part of the day first (contracts'
   * renewals, whose invoices are dated the new term's first day), then overdue invoices, dunning, expiry reminders.
   */
  async function sweepDay(day: CalendarDate): Promise<SweepDayResult | null> {
    return repo.db.transaction(async (tx) => {
      if (!(await repo.claimDay(tx, day, clock.now()))) return null;
      const result: SweepDayResult = { day, renewed: 0, ended: 0, overdue: [], reminders: [], proposals: [], expiryReminders: [] };
      const calendar = await deps.calendar.current(tx);
      for (const done of await bus.ask(tx, sweepScope, 'billing.sweepingDay', { day, calendar })) {
        result.renewed += done.renewed;
        result.ended += done.ended;
      }
      await markOverdue(tx, day, result);
      await dun(tx, day, result);
      await remindOfExpiry(tx, day, result);
      await repo.finishDay(tx, day, result);
      return result;
    });
  }

  /** Issue 16: a due date on a year the State Council has not published, or moved when it did, says so. */
  const dueNote = (inv: InvoiceRow) =>
    (inv.dueOnProvisional ? '；暂定（国务院尚未公布该年节假日安排，按《全国年节及纪念日放假办法》推算）' : '') +
    (inv.provisionalDueOn ? `；原告知 ${formatChineseDate(inv.provisionalDueOn as CalendarDate)}，已按国务院公布的安排调整` : '');

  const sealUri = (sealFile: string | null) => deps.provider.sealDataUri(sealFile);

  /**
   * 缴费通知单 (issue 19 item 4): what the customer's accountant needs to pay it — the payee's account
   * (户名 is the provider's legal name, as the bank checks it), the amount in figures and 大写, the
   * due date with the 4.2 reading it rests on, the contract number, what to write as the transfer's
   * 附言 (the invoice number, so the bank import matches it), the 发票 request summary — issued by the
   * provider, so sealed.
   */
  function invoiceHtml(inv: InvoiceRow, facts: { contractNumber: string; customerName: string; providerName: string; bankName: string; bankAccount: string; sealUri: string | null; payments: { receivedOn: string; amountFen: number; bankReference: string | null }[] }) {
    const row = (k: string, v: string) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`;
    const owed = outstanding(inv);
    const d = (x: string) => formatChineseDate(x as CalendarDate);
    const fapiao = inv.fapiaoType
      ? `<table>${row('发票类型', FAPIAO_TYPE_ZH[inv.fapiaoType])}${row('发票抬头', inv.fapiaoTitle ?? '')}${row('纳税人识别号', inv.fapiaoTaxNumber ?? '—')}${row('申请状态', inv.fapiaoNumber ? `已开具：发票号码 ${inv.fapiaoNumber}（${d(inv.fapiaoIssuedOn!)}）` : '已申请，待开具')}${row('开票金额', `${formatYuan(inv.amountFen as Fen)}（大写 ${toCapital(inv.amountFen as Fen)}）`)}</table>`
      : `<p>尚未申请发票。如需开具，请在客户门户提交发票申请（抬头、纳税人识别号、普票或专票），乙方按本账单金额 ${esc(formatYuan(inv.amountFen as Fen))} 开具。</p>`;
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(inv.number)}</title><style>
body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 10pt; } h1 { text-align: center; letter-spacing: 6pt; margin: 0 0 2pt; } p { margin: 4pt 0; }
h3 { margin: 8pt 0 2pt; font-size: 11pt; } table { width: 100%; border-collapse: collapse; margin: 3pt 0; } th, td { border: 1px solid #444; padding: 2pt 6pt; text-align: left; } th { width: 24%; background: #f3f3f3; }
.amount { font-size: 11.5pt; font-weight: bold; } .ref { font-size: 11.5pt; font-weight: bold; letter-spacing: 1pt; }
/* the seal stamps the signature line; the block never splits across pages, and the seal stays inside it */
.sign { margin-top: 10pt; position: relative; height: 38mm; break-inside: avoid; page-break-inside: avoid; } .seal { position: absolute; left: 36mm; top: 0; height: 36mm; opacity: .85; }
</style></head><body><h1>缴费通知单</h1><p style="text-align:center;margin-top:0">（账单编号：${esc(inv.number)}　合同编号：${esc(facts.contractNumber)}）</p>
<p>致 ${esc(facts.customerName)}（甲方）：</p>
<p>根据双方签订的《服务器托管协议》（合同编号 ${esc(facts.contractNumber)}）第四条，现将本期业务资费通知如下，请按期支付。</p>
<table>${row('服务期间', `起 ${d(inv.periodStart)} 至 ${d(inv.periodEnd)}`)}
<tr><th>应付金额</th><td class="amount">${esc(formatYuan(inv.amountFen as Fen))}（大写 ${esc(toCapital(inv.amountFen as Fen))}）</td></tr>
${row('已收款', formatYuan(inv.paidFen as Fen))}${row('预存余额抵扣', formatYuan(inv.creditAppliedFen as Fen))}
<tr><th>尚欠金额</th><td class="amount">${esc(formatYuan(owed))}（大写 ${esc(toCapital(owed))}）</td></tr>
${row('付款期限', `${d(inv.dueOn)}前付清（含当日）${dueNote(inv)}`)}
${row('期限依据', `第四条 4.2“付款时间：业务开通后一周内甲方一次性支付乙方业务资费”；本期自 ${d(inv.periodStart)} 起算，期限末日遇法定休假日顺延至其后第一个工作日（《民法典》第二百零三条）`)}
${row('开具日期', d(inv.issuedOn))}${row('状态', STATUS_ZH[inv.status])}</table>
<h3>收款账户（乙方）</h3><table>${row('户名', facts.providerName)}${row('开户银行', facts.bankName)}${row('账号', facts.bankAccount)}
<tr><th>汇款附言</th><td>请在汇款附言（用途）栏填写账单编号 <span class="ref">${esc(inv.number)}</span>，以便乙方核对入账</td></tr></table>
<h3>发票</h3>${fapiao}
${facts.payments.length ? `<h3>收款记录</h3><table>${facts.payments.map((p) => row(d(p.receivedOn), `${formatYuan(p.amountFen as Fen)}${p.bankReference ? `（银行流水 ${p.bankReference}）` : ''}`)).join('')}</table>` : ''}
<div class="sign"><p>乙方（盖章）：${esc(facts.providerName)}</p><p>日期：${d(inv.issuedOn)}</p>${facts.sealUri ? `<img class="seal" src="${facts.sealUri}" alt="">` : ''}</div>
</body></html>`;
  }

  const desk = makeFinanceDesk({
    finance: deps.finance,
    db: repo.db,
    settle,
    customers: deps.customers,
    provider: deps.provider,
    seal: sealUri,
    pdf: deps.pdf,
    audit,
    today,
    now: () => clock.now(),
  });

  return {
    /**
     * 第四条: the annual invoice of a contract's term (contracts calls this when it activates or renews
     * one, in its transaction): dated the first day of its period (the day it fell due, even when a late
     * sweep issues it), numbered INV-YYYY-NNNNNN across all contracts of that year, for the amount the
     * rules give, due within the agreed calendar days (rolled past rest days, 民法典 art. 203), and paid
     * first from the customer's credit (an earlier overpayment).
     */
    async issueInvoice(tx: Executor, contract: InvoicedContract, periodStart: CalendarDate, periodEnd: CalendarDate, calendar: Calendar): Promise<InvoiceRow> {
      const year = Number(periodStart.slice(0, 4));
      const due = calendarDayPeriodEndMarked(calendar, periodStart, contract.terms.paymentDueCalendarDays);
      const sequence = await repo.nextInvoiceNumber(tx, year);
      const invoice: InvoiceRow = {
        id: ids.uuid(),
        number: invoiceNumber(year, sequence),
        year,
        sequence,
        contractId: contract.id,
        customerId: contract.customerId,
        periodStart,
        periodEnd,
        amountFen: invoiceAmount(contract.annualFeeFen, contract.termMonths),
        issuedOn: periodStart,
        dueOn: due.date,
        dueOnProvisional: due.provisional,
        provisionalDueOn: null,
        paidOn: null,
        status: 'unpaid',
        createdAt: clock.now(),
        paidFen: 0,
        creditAppliedFen: 0,
        overdueSince: null,
        fapiaoTitle: null,
        fapiaoTaxNumber: null,
        fapiaoType: null,
        fapiaoRequestedAt: null,
        fapiaoNumber: null,
        fapiaoIssuedOn: null,
      };
      await repo.insertInvoice(tx, invoice);
      const credit = applyCredit(await repo.lockCredit(tx, contract.customerId), invoice);
      if (credit === 0) return invoice;
      await repo.moveCredit(tx, { id: ids.uuid(), customerId: contract.customerId, amountFen: -credit, paymentId: null, invoiceId: invoice.id, createdAt: clock.now() });
      const status = invoiceStatus({ ...invoice, creditAppliedFen: credit }, periodStart);
      return repo.updateInvoice(tx, invoice.id, { creditAppliedFen: credit, status, paidOn: status === 'paid' ? periodStart : null });
    },

    async invoices(scope: Scope, filter: { contractId?: string; customerId?: string }) {
      requireReader(scope);
      return repo.invoices(scope, filter);
    },

    /**
     * Issue 16, billing's answer to calendar.yearLoaded (reactions.ts), in the transaction that loads an
     * official year: every invoice not yet paid, void or overdue whose due date was computed on a
     * provisional year is computed again with `calendar` (第四条). A moved date is audited with both
     * values and put on finance's to-do list; a date moved earlier is also told to the customer by formal
     * notice (第九条, via billing.invoiceDueMovedEarlier). Closed invoices keep their date and mark.
     */
    async recomputeProvisional(tx: Executor, scope: Scope, calendar: Calendar): Promise<RecomputedDueDate[]> {
      const result: RecomputedDueDate[] = [];
      for (const { invoice, terms, contractNumber } of await repo.lockOpenProvisionalInvoices(tx)) {
        const due = calendarDayPeriodEndMarked(calendar, invoice.periodStart as CalendarDate, (terms as ContractTerms).paymentDueCalendarDays);
        const announced = invoice.provisionalDueOn ?? invoice.dueOn;
        const after = await repo.updateInvoice(tx, invoice.id, { dueOn: due.date, dueOnProvisional: due.provisional, provisionalDueOn: announced === due.date ? null : announced });
        if (after.dueOn !== invoice.dueOn) {
          await audit.record(tx, scope, { action: 'invoice.recomputeDue', entity: 'invoice', entityId: invoice.id, customerId: invoice.customerId, before: invoice, after });
          if (after.dueOn < announced) await bus.emit(tx, scope, 'billing.invoiceDueMovedEarlier', { invoice: after, announced });
        }
        const r: RecomputedDueDate = { kind: 'invoice', entityId: invoice.id, customerId: invoice.customerId, number: invoice.number, label: `${invoice.number}（合同 ${contractNumber}）付款期限（第四条）`, before: invoice.dueOn, after: after.dueOn };
        result.push(r);
        if (r.before !== r.after) {
          await deps.customers.addTask(tx, { kind: DEADLINE_MOVED_TASK, role: 'finance', customerId: r.customerId, subjectId: r.entityId, dueOn: r.after, payload: { kind: r.kind, number: r.number, label: r.label, before: r.before, after: r.after } });
        }
      }
      return result;
    },

    /** One invoice with its payments, dunning steps and the customer's credit balance. */
    async invoice(scope: Scope, id: string) {
      requireReader(scope);
      const inv = await loadInvoice(scope, id);
      await audit.recordRead(scope, { entity: 'invoice', entityId: id, customerId: inv.customerId });
      return {
        ...inv,
        outstandingFen: outstanding(inv),
        payments: await repo.payments(scope, id),
        dunning: (await repo.dunning(scope, { invoiceId: id })).map((d) => d.action),
        creditBalanceFen: await repo.creditBalance(scope, inv.customerId),
      };
    },

    /**
     * Finance records a bank transfer: partial payments add up; whatever exceeds what is owed is kept
     * as the customer's credit and applied to its next invoice. A bank reference is recorded once.
     */
    async recordPayment(scope: Scope, invoiceId: string, input: { amount: string; receivedOn: string; bankReference: string | null }) {
      requirePermission(scope, 'invoice.recordPayment');
      const fields: FieldError[] = [];
      let amountFen = 0;
      try {
        amountFen = parseYuan(input.amount, { field: 'amount' });
        if (amountFen <= 0) fields.push({ path: 'amount', key: 'field.invalid' });
      } catch (e) {
        fields.push({ path: 'amount', key: (e as { code: string }).code });
      }
      try {
        parseDate(input.receivedOn, 'receivedOn');
        if (input.receivedOn > today()) fields.push({ path: 'receivedOn', key: 'billing.receivedInFuture' });
      } catch {
        fields.push({ path: 'receivedOn', key: 'field.invalid' });
      }
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      return repo.db.transaction((tx) => settle(tx, scope, invoiceId, { amountFen, receivedOn: input.receivedOn, bankReference: input.bankReference }));
    },

    async credit(scope: Scope, customerId: string) {
      requireReader(scope);
      if (scope.kind === 'customer' && scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
      await audit.recordRead(scope, { entity: 'customer_credit', entityId: customerId, customerId });
      return { customerId, balanceFen: await repo.creditBalance(scope, customerId), entries: (await repo.creditEntries(scope, customerId)).map((e) => ({ ...e.entry, invoiceNumber: e.invoiceNumber })) };
    },

    /** 发票 request: title, tax number and type (普票/专票), by the customer's owner/billing user or finance. */
    async requestFapiao(scope: Scope, invoiceId: string, input: { title: string; taxNumber: string; type: 'ordinary' | 'special' }) {
      requirePermission(scope, 'invoice.requestFapiao');
      const taxNumber = input.taxNumber.trim().toUpperCase();
      if (!/^[0-9A-Z]{15,20}$/.test(taxNumber)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'taxNumber', key: 'billing.taxNumber' }]);
      return repo.db.transaction(async (tx) => {
        const before = await loadInvoice(scope, invoiceId, tx);
        await repo.lockInvoice(tx, invoiceId);
        if (before.fapiaoNumber) throw new AppError('INVALID_TRANSITION', { entity: 'invoice', from: 'fapiao_issued', to: 'fapiao_request' });
        if (before.status === 'void') throw new AppError('INVALID_TRANSITION', { entity: 'invoice', from: before.status, to: 'fapiao_request' });
        const after = await repo.updateInvoice(tx, invoiceId, { fapiaoTitle: input.title.trim(), fapiaoTaxNumber: taxNumber, fapiaoType: input.type, fapiaoRequestedAt: clock.now() });
        await audit.record(tx, scope, { action: 'invoice.fapiaoRequest', entity: 'invoice', entityId: invoiceId, customerId: before.customerId, before, after });
        return after;
      });
    },

    /** Finance enters the 发票 number once the 发票 is issued (8 digits, or 20 for a 全电发票). */
    async recordFapiao(scope: Scope, invoiceId: string, input: { fapiaoNumber: string; issuedOn: string }) {
      requirePermission(scope, 'invoice.recordFapiao');
      const fields: FieldError[] = [];
      if (!/^(\d{8}|\d{20})$/.test(input.fapiaoNumber)) fields.push({ path: 'fapiaoNumber', key: 'billing.fapiaoNumber' });
      try {
        parseDate(input.issuedOn, 'issuedOn');
      } catch {
        fields.push({ path: 'issuedOn', key: 'field.invalid' });
      }
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockInvoice(tx, invoiceId);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'invoice' });
        if (!before.fapiaoType) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'fapiaoNumber', key: 'billing.fapiaoNotRequested' }]);
        if (before.fapiaoNumber) throw new AppError('INVALID_TRANSITION', { entity: 'invoice', from: 'fapiao_issued', to: 'fapiao_issued' });
        const after = await repo.updateInvoice(tx, invoiceId, { fapiaoNumber: input.fapiaoNumber, fapiaoIssuedOn: input.issuedOn });
        await audit.record(tx, scope, { action: 'invoice.fapiaoIssued', entity: 'invoice', entityId: invoiceId, customerId: before.customerId, before, after });
        return after;
      });
    },

    /** The invoice as a document: amounts in figures and 大写, period, due date, payments, 发票 details. */
    async invoiceDocument(scope: Scope, invoiceId: string, format: 'pdf' | 'html'): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
      requireReader(scope);
      const inv = await loadInvoice(scope, invoiceId);
      const contractNumber = (await repo.contractNumber(inv.contractId))!;
      const [customer, provider] = await Promise.all([deps.customers.get(scope, inv.customerId), deps.provider.current(scope)]);
      const html = invoiceHtml(inv, {
        contractNumber,
        customerName: customer.name,
        providerName: provider.legalName,
        bankName: provider.bankName,
        bankAccount: provider.bankAccount,
        sealUri: sealUri(provider.sealFile),
        payments: await repo.payments(scope, invoiceId),
      });
      const fileName = `${inv.number}-缴费通知单`;
      if (format === 'html') return { bytes: Buffer.from(html), contentType: 'text/html; charset=utf-8', fileName: `${fileName}.html` };
      return { bytes: await deps.pdf.render(html, { footerLabel: inv.number }), contentType: 'application/pdf', fileName: `${fileName}.pdf` };
    },

    async dunningPolicy(scope: Scope) {
      requireStaff(scope);
      return policy();
    },

    async setDunningPolicy(scope: Scope, input: DunningPolicy) {
      requirePermission(scope, 'dunning.setPolicy');
      let p: DunningPolicy;
      try {
        p = validateDunningPolicy(input);
      } catch (e) {
        if (e instanceof RuleError) throw new AppError('VALIDATION_FAILED', {}, [{ path: String(e.params.field), key: 'field.invalid' }]);
        throw e;
      }
      return repo.db.transaction(async (tx) => {
        const before = await repo.policy(tx);
        const after = await repo.setPolicy(tx, { ...p, updatedAt: clock.now() });
        await audit.record(tx, scope, { action: 'dunning.policy', entity: 'dunning_policy', before, after });
        return { reminderDays: after.reminderDays, suspensionProposalDays: after.suspensionProposalDays, updatedAt: after.updatedAt };
      });
    },

    async dunning(scope: Scope, filter: { decision?: 'proposed' | 'confirmed' | 'dismissed'; invoiceId?: string }) {
      requireReader(scope);
      return (await repo.dunning(scope, filter)).map((r) => ({ ...r.action, invoiceNumber: r.invoiceNumber, customerName: r.customerName, outstandingFen: r.outstandingFen }));
    },

    /**
     * Staff decide a suspension proposal. Confirming records the decision and sends the customer a
     * formal notice of suspension; it never terminates the contract (that stays a separate, cited act).
     */
    async decideProposal(scope: Scope, actionId: string, input: { decision: 'confirmed' | 'dismissed'; note?: string }) {
      requirePermission(scope, 'dunning.decide');
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockAction(tx, actionId);
        if (!before || before.kind !== 'suspension_proposal') throw new AppError('NOT_FOUND', { entity: 'dunning_action' });
        if (before.decision !== 'proposed') throw new AppError('INVALID_TRANSITION', { entity: 'dunning_action', from: before.decision, to: input.decision });
        const inv = (await repo.lockInvoice(tx, before.invoiceId))!;
        if (input.decision === 'confirmed' && inv.status === 'paid') throw new AppError('INVALID_TRANSITION', { entity: 'invoice', from: 'paid', to: 'suspension' });
        let noticeId: string | null = before.noticeId;
        if (input.decision === 'confirmed') {
          const notice = await deps.notices.register(tx, scope, {
            customerId: inv.customerId,
            direction: 'provider_to_customer',
            type: 'billing.suspension',
            payload: { invoiceNumber: inv.number, outstanding: formatYuan(outstanding(inv)), outstandingCapital: toCapital(outstanding(inv)), dueOn: inv.dueOn, note: input.note ?? null },
            relatedEntity: 'invoice',
            relatedId: inv.id,
          });
          noticeId = notice?.id ?? null;
        }
        const after = await repo.updateAction(tx, actionId, { decision: input.decision, decidedBy: scope.kind === 'staff' ? scope.userId : null, decidedAt: clock.now(), noticeId });
        await audit.record(tx, scope, { action: `dunning.${input.decision}`, entity: 'invoice', entityId: inv.id, customerId: inv.customerId, before, after: { ...after, note: input.note ?? null } });
        return after;
      });
    },

    /** 第十三条: active contracts ending within `withinDays` (60 by default), with the reminder bucket each is in. */
    async expiring(scope: Scope, withinDays = 60) {
      requireReader(scope);
      const from = today();
      return (await repo.expiring(scope, from, addDays(from, withinDays))).map((c) => ({
        ...c,
        status: 'active' as const, // the query lists active contracts only
        daysLeft: daysBetween(from, c.termEnd as CalendarDate),
        bucket: expiryBucket(c.termEnd as CalendarDate, from),
        renews: !c.nonRenewalNoticedAt,
      }));
    },

    expiryRemindersOf: (scope: Scope, contractId: string) => {
      requireReader(scope);
      return repo.expiryRemindersOf(scope, contractId);
    },

    /**
     * The daily sweep, idempotent and catching up: every day since the last swept one, up to today,
     * is swept once, in order, each with its own date — a renewal invoice is dated its term's first
     * day and an overdue invoice is overdue from the day after its due date, whenever the sweep runs.
     */
    async sweep(): Promise<SweepDayResult[]> {
      const last = await repo.lastSweptDay();
      const end = today();
      const results: SweepDayResult[] = [];
      for (let day = last ? addDays(last as CalendarDate, 1) : end; day <= end; day = addDays(day, 1)) {
        const r = await sweepDay(day);
        if (r) results.push(r);
      }
      return results;
    },

    async sweeps(scope: Scope, limit = 60) {
      requireStaff(scope);
      return repo.sweeps(limit);
    },

    // the finance desk (issue 20 item 4): finance.service.ts
    ...desk,
  };
}

export type BillingService = ReturnType<typeof makeBillingService>;
