import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const INVOICE_STATUSES = ['unpaid', 'partially_paid', 'paid', 'overdue', 'void'] as const;
/** 增值税普通发票 (普票) / 增值税专用发票 (专票) */
export const FAPIAO_TYPES = ['ordinary', 'special'] as const;
export const DUNNING_KINDS = ['reminder', 'suspension_proposal'] as const;
export const DUNNING_DECISIONS = ['proposed', 'confirmed', 'dismissed'] as const;

/** 第四条: the annual invoices of every contract (issued by billing when contracts activates or renews one). */
export const invoices = pgTable('invoices', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  contractId: uuid('contract_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  paidOn: date('paid_on', { mode: 'string' }),
  status: text('status', { enum: INVOICE_STATUSES }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  // 0011_billing: numbered per year across all contracts, payments, credit, 发票
  year: integer('year'),
  sequence: integer('sequence'),
  paidFen: bigint('paid_fen', { mode: 'number' }).notNull(),
  creditAppliedFen: bigint('credit_applied_fen', { mode: 'number' }).notNull(),
  overdueSince: date('overdue_since', { mode: 'string' }),
  fapiaoTitle: text('fapiao_title'),
  fapiaoTaxNumber: text('fapiao_tax_number'),
  fapiaoType: text('fapiao_type', { enum: FAPIAO_TYPES }) /* 普票 / 专票 */,
  fapiaoRequestedAt: timestamp('fapiao_requested_at', { withTimezone: true }),
  fapiaoNumber: text('fapiao_number'),
  fapiaoIssuedOn: date('fapiao_issued_on', { mode: 'string' }),
  // 0017: computed on a provisional calendar year; the first-announced date once the official year moved it
  dueOnProvisional: boolean('due_on_provisional').notNull().default(false),
  provisionalDueOn: date('provisional_due_on', { mode: 'string' }),
});

export const invoiceNumberCounters = pgTable('invoice_number_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

export const payments = pgTable('payments', {
  id: uuid('id').primaryKey(),
  invoiceId: uuid('invoice_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  appliedFen: bigint('applied_fen', { mode: 'number' }).notNull(),
  creditedFen: bigint('credited_fen', { mode: 'number' }).notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  bankReference: text('bank_reference'),
  recordedBy: uuid('recorded_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const customerCredits = pgTable('customer_credits', {
  customerId: uuid('customer_id').primaryKey(),
  balanceFen: bigint('balance_fen', { mode: 'number' }).notNull(),
});

export const creditEntries = pgTable('credit_entries', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  paymentId: uuid('payment_id'),
  invoiceId: uuid('invoice_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const dunningPolicy = pgTable('dunning_policy', {
  id: boolean('id').primaryKey(),
  reminderDays: integer('reminder_days').array().notNull(),
  suspensionProposalDays: integer('suspension_proposal_days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const dunningActions = pgTable('dunning_actions', {
  id: uuid('id').primaryKey(),
  invoiceId: uuid('invoice_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  kind: text('kind', { enum: DUNNING_KINDS }).notNull(),
  step: integer('step').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  noticeId: uuid('notice_id'),
  decision: text('decision', { enum: DUNNING_DECISIONS }),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const expiryReminders = pgTable(
  'expiry_reminders',
  {
    contractId: uuid('contract_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    daysAhead: integer('days_ahead').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    noticeId: uuid('notice_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.termEnd, t.daysAhead] })],
);

/** What one day of the daily sweep did (billing.service sweepDay); `{}` while the day is claimed and not yet finished. */
export interface SweepDayResult {
  day: string;
  renewed: number;
  ended: number;
  overdue: string[];
  reminders: string[];
  proposals: string[];
  expiryReminders: string[];
}

export const dailySweeps = pgTable('daily_sweeps', {
  day: date('day', { mode: 'string' }).primaryKey(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
  result: jsonb('result').$type<Partial<SweepDayResult>>().notNull(),
});

/** 0028: bank-statement lines a reviewer confirmed and recorded, once each (the hash of the line is the key). */
export const bankImportLines = pgTable('bank_import_lines', {
  lineHash: text('line_hash').primaryKey(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  payerName: text('payer_name').notNull(),
  reference: text('reference').notNull(),
  invoiceId: uuid('invoice_id').notNull(),
  paymentId: uuid('payment_id').notNull(),
  recordedBy: uuid('recorded_by'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});
