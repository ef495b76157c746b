import { and, asc, desc, eq, gt, inArray, lte, lt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerNames } from '../customers/customers.read.js';
import { contracts, invoices } from './contracts.schema.js';
import { creditEntries, customerCredits, dailySweeps, dunningActions, dunningPolicy, expiryReminders, payments } from './billing.schema.js';
import type { ContractRow, InvoiceRow } from './contracts.repository.js';

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
    finishDay: (tx: Executor, day: string, result: unknown) => tx.update(dailySweeps).set({ result }).where(eq(dailySweeps.day, day)),
    async lastSweptDay(tx: Executor = db): Promise<string | null> {
      const [row] = await tx.select({ day: sql<string | null>`max(${dailySweeps.day})::text` }).from(dailySweeps);
      return row?.day ?? null;
    },
    sweeps: (limit: number) => db.select().from(dailySweeps).orderBy(desc(dailySweeps.day)).limit(limit),

    /** Active contracts whose term ended before `day` (renewal), oldest end first. */
    expiredBefore: (tx: Executor, day: string) =>
      tx.select({ id: contracts.id }).from(contracts).where(and(eq(contracts.status, 'active'), lt(contracts.termEnd, day))).orderBy(asc(contracts.termEnd), asc(contracts.id)),
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
     * term ends after `day`; a reminder that would fall before the term began is not owed.
     */
    dueExpiryReminders: (tx: Executor, day: string, daysAhead: readonly number[]) =>
      tx.execute(sql`
        SELECT c.id AS contract_id, c.customer_id, c.number, c.term_end::text AS term_end, d.days AS days_ahead, (c.term_end - d.days)::text AS due_on
        FROM contracts c
        CROSS JOIN unnest(${`{${daysAhead.join(',')}}`}::int[]) AS d(days)
        WHERE c.status = 'active' AND c.term_end > ${day}::date AND c.term_end <= ${day}::date + ${Math.max(...daysAhead)}::int
          AND c.term_end - d.days <= ${day}::date AND c.term_end - d.days >= c.term_start
          AND NOT EXISTS (SELECT 1 FROM expiry_reminders r WHERE r.contract_id = c.id AND r.term_end = c.term_end AND r.days_ahead = d.days)
        ORDER BY due_on, c.number`),
    async insertExpiryReminder(tx: Executor, row: ExpiryReminderRow): Promise<boolean> {
      return (await tx.insert(expiryReminders).values(row).onConflictDoNothing().returning({ id: expiryReminders.contractId })).length === 1;
    },
    expiryRemindersOf: (scope: Scope, contractId: string) => db.select().from(expiryReminders).where(and(eq(expiryReminders.contractId, contractId), tenantFilter(scope, expiryReminders.customerId))).orderBy(asc(expiryReminders.dueOn)),

    /** Active contracts ending between `from` and `to` (the expiring list). */
    expiring: (scope: Scope, from: string, to: string) =>
      db
        .select({ contract: contracts, customerName: customerNames.name })
        .from(contracts)
        .innerJoin(customerNames, eq(customerNames.id, contracts.customerId))
        .where(and(tenantFilter(scope, contracts.customerId), eq(contracts.status, 'active'), gt(contracts.termEnd, sql`${from}::date - 1`), lte(contracts.termEnd, to)))
        .orderBy(asc(contracts.termEnd), asc(contracts.number))
        .limit(2000),
  };
}

export type BillingRepository = ReturnType<typeof makeBillingRepository>;
export type { ContractRow };
