import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const contractNumberCounters = pgTable('contract_number_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

export const CONTRACT_STATUSES = ['draft', 'sent', 'signed', 'active', 'ended', 'terminated_for_cause', 'terminated_by_agreement'] as const;

export const contracts = pgTable('contracts', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  year: integer('year').notNull(),
  sequence: integer('sequence').notNull(),
  customerId: uuid('customer_id').notNull(),
  siteId: uuid('site_id').notNull(),
  providerVersion: integer('provider_version').notNull(),
  templateVersion: text('template_version').notNull(),
  terms: jsonb('terms').notNull(),
  termMonths: integer('term_months').notNull(),
  annualFeeFen: bigint('annual_fee_fen', { mode: 'number' }).notNull(),
  signingPlace: text('signing_place').notNull(),
  signingDate: date('signing_date', { mode: 'string' }),
  status: text('status', { enum: CONTRACT_STATUSES }).notNull(),
  signedCopySha256: text('signed_copy_sha256'),
  securityLetterSigned: boolean('security_letter_signed').notNull() /* 附件一 */,
  userUndertakingSigned: boolean('user_undertaking_signed').notNull() /* 附件二 */,
  activationDate: date('activation_date', { mode: 'string' }) /* 开通日 */,
  termStart: date('term_start', { mode: 'string' }),
  termEnd: date('term_end', { mode: 'string' }) /* 期满日 */,
  compensationHours: integer('compensation_hours').notNull(),
  nonRenewalNoticedAt: timestamp('non_renewal_noticed_at', { withTimezone: true }),
  renewalCount: integer('renewal_count').notNull(),
  version: integer('version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  // 0011: each attachment's signed scan
  securityLetterSha256: text('security_letter_sha256'),
  userUndertakingSha256: text('user_undertaking_sha256'),
});

export const contractServers = pgTable(
  'contract_servers',
  {
    contractId: uuid('contract_id').notNull(),
    serverId: uuid('server_id').notNull(),
    customerId: uuid('customer_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.serverId] })],
);

export const INVOICE_STATUSES = ['unpaid', 'partially_paid', 'paid', 'overdue', 'void'] as const;

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
  fapiaoType: text('fapiao_type', { enum: ['ordinary', 'special'] }) /* 普票 / 专票 */,
  fapiaoRequestedAt: timestamp('fapiao_requested_at', { withTimezone: true }),
  fapiaoNumber: text('fapiao_number'),
  fapiaoIssuedOn: date('fapiao_issued_on', { mode: 'string' }),
  // 0017: computed on a provisional calendar year; the first-announced date once the official year moved it
  dueOnProvisional: boolean('due_on_provisional').notNull().default(false),
  provisionalDueOn: date('provisional_due_on', { mode: 'string' }),
});

export const commissioningOrders = pgTable('commissioning_orders', {
  id: uuid('id').primaryKey(),
  contractId: uuid('contract_id').notNull(),
  serverId: uuid('server_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  rackedOn: date('racked_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  breachedAt: timestamp('breached_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  // 0017: computed on a provisional calendar year
  dueOnProvisional: boolean('due_on_provisional').notNull().default(false),
});

export const contractTemplates = pgTable('contract_templates', {
  version: text('version').primaryKey(),
  sequence: integer('sequence').notNull(),
  blocks: jsonb('blocks').notNull(),
  note: text('note'),
  warnings: jsonb('warnings').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
