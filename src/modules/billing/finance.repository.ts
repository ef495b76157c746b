import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import type { AgingBucket } from '../../rules/index.js';
import { customerNames } from '../customers/customers.read.js';
import { contractFacts } from '../contracts/contracts.read.js';
import { userNames } from '../auth/users.read.js';
import { bankImportLines, creditEntries, invoices, payments } from './billing.schema.js';

/** What an open invoice still owes, in SQL (the same as rules' outstanding()). */
const OWED = sql`(invoices.amount_fen - invoices.paid_fen - invoices.credit_applied_fen)`;
const OPEN = sql`invoices.status IN ('unpaid', 'partially_paid', 'overdue') AND ${OWED} > 0`;
/** The aging bucket by days past the due date, as rules/finance.ts agingBucket() reads it. */
const bucketOf = (asOf: string) => sql`CASE
  WHEN ${asOf}::date - invoices.due_on <= 0 THEN 'not_due'
  WHEN ${asOf}::date - invoices.due_on <= 30 THEN 'd1_30'
  WHEN ${asOf}::date - invoices.due_on <= 60 THEN 'd31_60'
  WHEN ${asOf}::date - invoices.due_on <= 90 THEN 'd61_90'
  ELSE 'over_90' END`;

export interface ReceivableRow {
  invoiceId: string;
  number: string;
  customerId: string;
  customerName: string;
  contractId: string;
  contractNumber: string;
  issuedOn: string;
  dueOn: string;
  status: (typeof invoices.$inferSelect)['status'];
  amountFen: number;
  outstandingFen: number;
  daysPastDue: number;
  bucket: AgingBucket;
}

type Raw = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Raw[] }).rows;

/** The finance desk's reads (issue 20 item 4): receivables and aging summed by the database, payments, statements. */
export function makeFinanceRepository(db: Db) {
  return {
    /** Open invoices with what each owes and its aging bucket on `asOf`, filtered in SQL; oldest due first. */
    async receivables(f: { asOf: string; customerId?: string; bucket?: AgingBucket | 'overdue' }, limit = 2000): Promise<ReceivableRow[]> {
      const result = await db.execute(sql`
        SELECT * FROM (
          SELECT invoices.id AS invoice_id, invoices.number, invoices.customer_id, customer_names.name AS customer_name,
                 invoices.contract_id, contract_facts.number AS contract_number, invoices.issued_on::text AS issued_on,
                 invoices.due_on::text AS due_on, invoices.status, invoices.amount_fen, ${OWED} AS outstanding_fen,
                 (${f.asOf}::date - invoices.due_on) AS days_past_due, ${bucketOf(f.asOf)} AS bucket
            FROM invoices
            JOIN ${customerNames} ON customer_names.id = invoices.customer_id
            JOIN ${contractFacts} ON contract_facts.id = invoices.contract_id
           WHERE ${OPEN} AND (${f.customerId ?? null}::uuid IS NULL OR invoices.customer_id = ${f.customerId ?? null}::uuid)
        ) r
         WHERE (${f.bucket ?? null}::text IS NULL OR r.bucket = ${f.bucket ?? null}::text OR (${f.bucket ?? null}::text = 'overdue' AND r.bucket <> 'not_due'))
         ORDER BY r.due_on, r.number
         LIMIT ${limit}`);
      return rowsOf(result).map((r) => ({
        invoiceId: String(r.invoice_id),
        number: String(r.number),
        customerId: String(r.customer_id),
        customerName: String(r.customer_name),
        contractId: String(r.contract_id),
        contractNumber: String(r.contract_number),
        issuedOn: String(r.issued_on),
        dueOn: String(r.due_on),
        status: r.status as ReceivableRow['status'],
        amountFen: Number(r.amount_fen),
        outstandingFen: Number(r.outstanding_fen),
        daysPastDue: Number(r.days_past_due),
        bucket: r.bucket as AgingBucket,
      }));
    },

    /** Per bucket: how many open invoices and how much they owe (the customer filter applies, the bucket filter not). */
    async aging(f: { asOf: string; customerId?: string }): Promise<{ bucket: AgingBucket; invoices: number; outstandingFen: number }[]> {
      const result = await db.execute(sql`
        SELECT ${bucketOf(f.asOf)} AS bucket, count(*)::int AS invoices, coalesce(sum(${OWED}), 0)::bigint AS outstanding_fen
          FROM invoices
         WHERE ${OPEN} AND (${f.customerId ?? null}::uuid IS NULL OR invoices.customer_id = ${f.customerId ?? null}::uuid)
         GROUP BY 1`);
      return rowsOf(result).map((r) => ({ bucket: r.bucket as AgingBucket, invoices: Number(r.invoices), outstandingFen: Number(r.outstanding_fen) }));
    },

    /** Payments received (收款记录): what each settled (the invoice) and who recorded it, newest first. */
    payments: (scope: Scope, f: { customerId?: string; from?: string; to?: string }, limit = 5000) =>
      db
        .select({
          payment: payments,
          invoiceNumber: invoices.number,
          customerName: customerNames.name,
          recordedByName: userNames.displayName,
          imported: sql<boolean>`EXISTS (SELECT 1 FROM bank_import_lines b WHERE b.payment_id = ${payments.id})`,
        })
        .from(payments)
        .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
        .innerJoin(customerNames, eq(customerNames.id, payments.customerId))
        .leftJoin(userNames, eq(userNames.id, payments.recordedBy))
        .where(and(tenantFilter(scope, payments.customerId), f.customerId ? eq(payments.customerId, f.customerId) : undefined, f.from ? gte(payments.receivedOn, f.from) : undefined, f.to ? lte(payments.receivedOn, f.to) : undefined))
        .orderBy(desc(payments.receivedOn), desc(payments.createdAt))
        .limit(limit),

    /** The statement's sums before the period: invoiced (not void) and received, summed by the database. */
    async balancesBefore(customerId: string, from: string): Promise<{ invoicedFen: number; receivedFen: number; creditFen: number }> {
      const result = await db.execute(sql`
        SELECT (SELECT coalesce(sum(amount_fen), 0) FROM invoices WHERE customer_id = ${customerId}::uuid AND status <> 'void' AND issued_on < ${from}::date)::bigint AS invoiced,
               (SELECT coalesce(sum(amount_fen), 0) FROM payments WHERE customer_id = ${customerId}::uuid AND received_on < ${from}::date)::bigint AS received,
               (SELECT coalesce(sum(amount_fen), 0) FROM credit_entries WHERE customer_id = ${customerId}::uuid AND (created_at AT TIME ZONE 'Asia/Shanghai')::date < ${from}::date)::bigint AS credit`);
      const [r] = rowsOf(result);
      return { invoicedFen: Number(r.invoiced), receivedFen: Number(r.received), creditFen: Number(r.credit) };
    },
    statementInvoices: (customerId: string, from: string, to: string) =>
      db
        .select({ invoice: invoices, contractNumber: contractFacts.number })
        .from(invoices)
        .innerJoin(contractFacts, eq(contractFacts.id, invoices.contractId))
        .where(and(eq(invoices.customerId, customerId), sql`${invoices.status} <> 'void'`, gte(invoices.issuedOn, from), lte(invoices.issuedOn, to)))
        .orderBy(asc(invoices.issuedOn), asc(invoices.number)),
    statementPayments: (customerId: string, from: string, to: string) =>
      db
        .select({ payment: payments, invoiceNumber: invoices.number })
        .from(payments)
        .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
        .where(and(eq(payments.customerId, customerId), gte(payments.receivedOn, from), lte(payments.receivedOn, to)))
        .orderBy(asc(payments.receivedOn), asc(payments.createdAt)),
    statementCredit: (customerId: string, from: string, to: string) =>
      db
        .select({ entry: creditEntries, invoiceNumber: invoices.number, on: sql<string>`((${creditEntries.createdAt} AT TIME ZONE 'Asia/Shanghai')::date)::text` })
        .from(creditEntries)
        .innerJoin(invoices, eq(invoices.id, creditEntries.invoiceId))
        .where(and(eq(creditEntries.customerId, customerId), sql`(${creditEntries.createdAt} AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date`))
        .orderBy(asc(creditEntries.createdAt)),

    /** Open invoices with their customer's name: the candidates a bank line is matched against. */
    async openInvoices() {
      const result = await db.execute(sql`
        SELECT invoices.id, invoices.number, invoices.customer_id, customer_names.name AS customer_name, ${OWED} AS outstanding_fen, invoices.due_on::text AS due_on
          FROM invoices JOIN ${customerNames} ON customer_names.id = invoices.customer_id
         WHERE ${OPEN}
         ORDER BY invoices.due_on, invoices.number
         LIMIT 20000`);
      return rowsOf(result).map((r) => ({ id: String(r.id), number: String(r.number), customerId: String(r.customer_id), customerName: String(r.customer_name), outstandingFen: Number(r.outstanding_fen), dueOn: String(r.due_on) }));
    },
    /** Which of these line hashes were already recorded (and as which payment). */
    async importedLines(hashes: string[], tx: Executor = db) {
      if (!hashes.length) return [];
      return tx.select({ lineHash: bankImportLines.lineHash, paymentId: bankImportLines.paymentId }).from(bankImportLines).where(sql`${bankImportLines.lineHash} = ANY(${`{${hashes.join(',')}}`}::text[])`);
    },
    insertImportedLine: (tx: Executor, row: typeof bankImportLines.$inferInsert) => tx.insert(bankImportLines).values(row),
  };
}

export type FinanceRepository = ReturnType<typeof makeFinanceRepository>;
