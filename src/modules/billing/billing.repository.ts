import { and, asc, desc, eq, gt, inArray, lte, lt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerNames } from '../customers/customers.read.js';
import { contractFacts } from '../contracts/contracts.read.js';
import { type SweepDayResult, creditEntries, customerCredits, dailySweeps, dunningActions, dunningPolicy, expiryReminders, invoiceNumberCounters, invoices, payments } from './billing.schema.js';

export type InvoiceRow = typeof invoices.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type DunningActionRow = typeof dunningActions.$inferSelect;
export type ExpiryReminderRow = typeof expiryReminders.$inferSelect;

export function makeBillingRepository(db: Db) {
  return {
    db,

    async invoice(scope: Scope, id: string, tx: Executor = db): Promise<InvoiceRow | undefined> {
      const [row] = await tx.select().from(invoices).where(and(eq(invoices.id, id), tenantFilter(scope, invoices.customerId)));
      return row;
    },
    // ── invoices: written only here (第四条) ──
    insertInvoice: (tx: Executor, row: InvoiceRow) => tx.insert(invoices).values(row),
    invoices: (scope: Scope, f: { contractId?: string; customerId?: string }) =>
      db
        .select()
        .from(invoices)
        .where(and(tenantFilter(scope, invoices.customerId), f.contractId ? eq(invoices.contractId, f.contractId) : undefined, f.customerId ? eq(invoices.customerId, f.customerId) : undefined))
        .orderBy(desc(invoices.issuedOn)),
    async lockInvoice(tx: Executor, id: string): Promise<InvoiceRow | undefined> {
      const [row] = await tx.select().from(invoices).where(eq(invoices.id, id)).for('update');
      return row;
    },
    async updateInvoice(tx: Executor, id: string, patch: Partial<InvoiceRow>): Promise<InvoiceRow> {
      const [row] = await tx.update(invoices).set(patch).where(eq(invoices.id, id)).returning();
      return row;
    },
    /** INV-YYYY-NNNNNN: the year's counter row is locked by the upsert until the caller's transaction ends. */
    async nextInvoiceNumber(tx: Executor, year: number): Promise<number> {
      const [row] = await tx
        .insert(invoiceNumberCounters)
        .values({ year, lastNumber: 1 })
        .onConflictDoUpdate({ target: invoiceNumberCounters.year, set: { lastNumber: sql`${invoiceNumberCounters.lastNumber} + 1` } })
        .returning({ n: invoiceNumberCounters.lastNumber });
      return row.n;
    },
    /** The number of the contract an invoice was issued under (the contracts read model). */
    async contractNumber(contractId: string): Promise<string | undefined> {
      const [row] = await db.select({ number: contractFacts.number }).from(contractFacts).where(eq(contractFacts.id, contractId));
      return row?.number;
    },
    /** Issue 16: invoices not yet paid, void or overdue whose due date rests on a provisional year, with their contract's terms, locked in id order. */
    lockOpenProvisionalInvoices: (tx: Executor) =>
      tx
        .select({ invoice: invoices, terms: contractFacts.terms, contractNumber: contractFacts.number })
        .from(invoices)
        .innerJoin(contractFacts, eq(contractFacts.id, invoices.contractId))
        .where(and(eq(invoices.dueOnProvisional, true), inArray(invoices.status, ['unpaid', 'partially_paid'])))
        .orderBy(asc(invoices.id))
        .for('update', { of: invoices }),
    // ── the customer's credit ──
    /** The customer's credit balance, locked for this transaction (0 when none was ever kept). */
    async lockCredit(tx: Executor, customerId: string): Promise<number> {
      await tx.insert(customerCredits).values({ customerId, balanceFen: 0 }).onConflictDoNothing();
      const [row] = await tx.select().from(customerCredits).where(eq(customerCredits.customerId, customerId)).for('update');
      return row.balanceFen;
    },
    async moveCredit(tx: Executor, entry: typeof creditEntries.$inferInsert): Promise<void> {
      await tx.update(customerCredits).set({ balanceFen: sql`${customerCredits.balanceFen} + ${entry.amountFen}` }).where(eq(customerCredits.customerId, entry.customerId));
      await tx.insert(creditEntries).values(entry);
    },
    // ── payments ──
    insertPayment: (tx: Executor, row: PaymentRow) => tx.insert(payments).values(row),
    payments: (scope: Scope, invoiceId: string) =>
      db.select().from(payments).where(and(eq(payments.invoiceId, invoiceId), tenantFilter(scope, payments.customerId))).orderBy(asc(payments.receivedOn), asc(payments.createdAt)),
    async creditBalance(scope: Scope, customerId: string): Promise<number> {
      const [row] = await db.select().from(customerCredits).where(and(eq(customerCredits.customerId, customerId), tenantFilter(scope, customerCredits.customerId)));
      return row?.balanceFen ?? 0;
    },
    creditEntries: (scope: Scope, customerId: string) =>
      db
        .select({ entry: creditEntries, invoiceNumber: invoices.number })
        .from(creditEntries)
        .innerJoin(invoices, eq(invoices.id, creditEntries.invoiceId))
        .where(and(eq(creditEntries.customerId, customerId), tenantFilter(scope, creditEntries.customerId)))
        .orderBy(desc(creditEntries.createdAt))
        .limit(200),

    async policy(tx: Executor = db) {
      const [row] = await tx.select().from(dunningPolicy);
      return row;
    },
    async setPolicy(tx: Executor, p: { reminderDays: number[]; suspensionProposalDays: number; updatedAt: Date }) {
      const [row] = await tx.update(dunningPolicy).set(p).where(eq(dunningPolicy.id, true)).returning();
      return row;
    },

    /** The daily sweep claims a day: false when it was already swept (or is being swept by another process). */
    async claimDay(tx: Executor, day: string, ranAt: Date): Promise<boolean> {
      const rows = await tx.insert(dailySweeps).values({ day, ranAt, result: {} }).onConflictDoNothing().returning({ day: dailySweeps.day });
      return rows.length === 1;
    },
    finishDay: (tx: Executor, day: string, result: SweepDayResult) => tx.update(dailySweeps).set({ result }).where(eq(dailySweeps.day, day)),
    async lastSweptDay(tx: Executor = db): Promise<string | null> {
      const [row] = await tx.select({ day: sql<string | null>`max(${dailySweeps.day})::text` }).from(dailySweeps);
      return row?.day ?? null;
    },
    sweeps: (limit: number) => db.select().from(dailySweeps).orderBy(desc(dailySweeps.day)).limit(limit),

    /** Open invoices whose due date is before `day`: they became overdue the day after it. */
    dueBefore: (tx: Executor, day: string) =>
      tx.select().from(invoices).where(and(inArray(invoices.status, ['unpaid', 'partially_paid']), lt(invoices.dueOn, day))).orderBy(asc(invoices.dueOn), asc(invoices.number)),
    overdue: (tx: Executor) => tx.select().from(invoices).where(eq(invoices.status, 'overdue')).orderBy(asc(invoices.dueOn), asc(invoices.number)),
    actionsOf: (tx: Executor, invoiceIds: string[]) => (invoiceIds.length ? tx.select().from(dunningActions).where(inArray(dunningActions.invoiceId, invoiceIds)) : Promise.resolve([] as DunningActionRow[])),
    async insertAction(tx: Executor, row: DunningActionRow): Promise<boolean> {
      return (await tx.insert(dunningActions).values(row).onConflictDoNothing().returning({ id: dunningActions.id })).length === 1;
    },
    setActionNotice: (tx: Executor, id: string, noticeId: string | null) => tx.update(dunningActions).set({ noticeId }).where(eq(dunningActions.id, id)),
    async lockAction(tx: Executor, id: string): Promise<DunningActionRow | undefined> {
      const [row] = await tx.select().from(dunningActions).where(eq(dunningActions.id, id)).for('update');
      return row;
    },
    async updateAction(tx: Executor, id: string, patch: Partial<DunningActionRow>): Promise<DunningActionRow> {
      const [row] = await tx.update(dunningActions).set(patch).where(eq(dunningActions.id, id)).returning();
      return row;
    },
    dunning: (scope: Scope, f: { invoiceId?: string; decision?: 'proposed' | 'confirmed' | 'dismissed' }) =>
      db
        .select({ action: dunningActions, invoiceNumber: invoices.number, customerName: customerNames.name, outstandingFen: sql<number>`(${invoices.amountFen} - ${invoices.paidFen} - ${invoices.creditAppliedFen})::bigint`.mapWith(Number) })
        .from(dunningActions)
        .innerJoin(invoices, eq(invoices.id, dunningActions.invoiceId))
        .innerJoin(customerNames, eq(customerNames.id, dunningActions.customerId))
        .where(and(tenantFilter(scope, dunningActions.customerId), f.invoiceId ? eq(dunningActions.invoiceId, f.invoiceId) : undefined, f.decision ? eq(dunningActions.decision, f.decision) : undefined))
        .orderBy(desc(dunningActions.dueOn), desc(dunningActions.createdAt))
        .limit(500),

    /**
     * Expiry reminders (60/30/7 days ahead) due by `day` and not yet sent, for active contracts whose
     * term ends after `day`; a reminder that would fall before the term began is not owed. Contracts are
     * read through the contracts read model (rendered as the subquery "contract_facts").
     */
    dueExpiryReminders: (tx: Executor, day: string, daysAhead: readonly number[]) =>
      tx.execute(sql`
        SELECT contract_facts.id AS contract_id, contract_facts.customer_id, contract_facts.number, contract_facts.term_end::text AS term_end, d.days AS days_ahead, (contract_facts.term_end - d.days)::text AS due_on
        FROM ${contractFacts}
        CROSS JOIN unnest(${`{${daysAhead.join(',')}}`}::int[]) AS d(days)
        WHERE contract_facts.status = 'active' AND contract_facts.term_end > ${day}::date AND contract_facts.term_end <= ${day}::date + ${Math.max(...daysAhead)}::int
          AND contract_facts.term_end - d.days <= ${day}::date AND contract_facts.term_end - d.days >= contract_facts.term_start
          AND NOT EXISTS (SELECT 1 FROM expiry_reminders r WHERE r.contract_id = contract_facts.id AND r.term_end = contract_facts.term_end AND r.days_ahead = d.days)
        ORDER BY due_on, contract_facts.number`),
    async insertExpiryReminder(tx: Executor, row: ExpiryReminderRow): Promise<boolean> {
      return (await tx.insert(expiryReminders).values(row).onConflictDoNothing().returning({ id: expiryReminders.contractId })).length === 1;
    },
    expiryRemindersOf: (scope: Scope, contractId: string) => db.select().from(expiryReminders).where(and(eq(expiryReminders.contractId, contractId), tenantFilter(scope, expiryReminders.customerId))).orderBy(asc(expiryReminders.dueOn)),

    /** Active contracts ending between `from` and `to` (the expiring list), from the contracts read model. */
    expiring: (scope: Scope, from: string, to: string) =>
      db
        .select({
          id: contractFacts.id,
          number: contractFacts.number,
          customerId: contractFacts.customerId,
          customerName: customerNames.name,
          status: contractFacts.status,
          termStart: contractFacts.termStart,
          termEnd: contractFacts.termEnd,
          annualFeeFen: contractFacts.annualFeeFen,
          nonRenewalNoticedAt: contractFacts.nonRenewalNoticedAt,
        })
        .from(contractFacts)
        .innerJoin(customerNames, eq(customerNames.id, contractFacts.customerId))
        .where(and(tenantFilter(scope, contractFacts.customerId), eq(contractFacts.status, 'active'), gt(contractFacts.termEnd, sql`${from}::date - 1`), lte(contractFacts.termEnd, to)))
        .orderBy(asc(contractFacts.termEnd), asc(contractFacts.number))
        .limit(2000),
  };
}

export type BillingRepository = ReturnType<typeof makeBillingRepository>;
