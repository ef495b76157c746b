import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ContractTerms } from '../../rules/index.js';
import type { TemplateBlock } from './templates/colocation-v1.js';

/** 甲方 as the contract lists it, copied from the customer record and roster when the contract is drafted. */
export interface CustomerSnapshot {
  name: string;
  uscc: string | null;
  registeredAddress: string | null;
  legalRepresentative: string | null;
  contactPerson: string | null;
  phone24h: string | null;
  email: string | null;
  noticeAddress: string | null;
}

export const contractNumberCounters = pgTable('contract_number_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

export const CONTRACT_STATUSES = ['draft', 'sent', 'signed', 'active', 'ended', 'terminated_for_cause', 'terminated_by_agreement'] as const;
/** 6.8: for cause (a clause cited, no refund) or by agreement — the contract ends terminated_<kind>. */
export const TERMINATION_KINDS = ['for_cause', 'by_agreement'] as const;

export const contracts = pgTable('contracts', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  year: integer('year').notNull(),
  sequence: integer('sequence').notNull(),
  customerId: uuid('customer_id').notNull(),
  siteId: uuid('site_id').notNull(),
  providerVersion: integer('provider_version').notNull(),
  templateVersion: text('template_version').notNull(),
  terms: jsonb('terms').$type<ContractTerms>().notNull(),
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
  // 0025: 甲方's particulars as they were when the contract was drafted (the parties block)
  customerSnapshot: jsonb('customer_snapshot').$type<CustomerSnapshot>(),
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

/** A template's citation of a repealed law (saved all the same, answered as a warning). */
export interface TemplateWarning {
  path: string;
  code: 'REPEALED_LAW';
  cited: string;
  repealedOn: string;
  replacedBy: string;
}

export const contractTemplates = pgTable('contract_templates', {
  version: text('version').primaryKey(),
  sequence: integer('sequence').notNull(),
  blocks: jsonb('blocks').$type<TemplateBlock[]>().notNull(),
  // 0025: a template written as structured text (template-tree.ts); its blocks are then empty
  source: text('source'),
  note: text('note'),
  warnings: jsonb('warnings').$type<TemplateWarning[]>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
