import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  kind: text('kind', { enum: ['reminder', 'suspension_proposal'] }).notNull(),
  step: integer('step').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  noticeId: uuid('notice_id'),
  decision: text('decision', { enum: ['proposed', 'confirmed', 'dismissed'] }),
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

export const dailySweeps = pgTable('daily_sweeps', {
  day: date('day', { mode: 'string' }).primaryKey(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
  result: jsonb('result').notNull(),
});
