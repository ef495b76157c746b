import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { RETENTION_KINDS } from '../../rules/retention.js';

export const REQUEST_KINDS = ['deletion', 'correction'] as const;
export const REQUEST_STATUSES = ['open', 'done', 'refused'] as const;
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const retentionPolicies = pgTable('retention_policies', {
  kind: text('kind', { enum: RETENTION_KINDS }).primaryKey(),
  months: integer('months').notNull(),
  answerWorkingDays: integer('answer_working_days').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at'),
});

export const retentionRedactions = pgTable('retention_redactions', {
  id: uuid('id').primaryKey(),
  kind: text('kind', { enum: RETENTION_KINDS }).notNull(),
  customerId: uuid('customer_id').notNull(),
  entityId: uuid('entity_id').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  redactedAt: ts('redacted_at').notNull(),
  requestId: uuid('request_id'),
});

export const retentionHolds = pgTable('retention_holds', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  reason: text('reason').notNull(),
  placedBy: uuid('placed_by'),
  placedAt: ts('placed_at').notNull(),
  releasedAt: ts('released_at'),
  releasedBy: uuid('released_by'),
});

export const retentionRequests = pgTable('retention_requests', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  ticketId: uuid('ticket_id').notNull(),
  kind: text('kind', { enum: REQUEST_KINDS }).notNull(),
  subjectName: text('subject_name').notNull(),
  detail: text('detail').notNull(),
  receivedAt: ts('received_at').notNull(),
  answerDueOn: date('answer_due_on', { mode: 'string' }).notNull(),
  answerDueProvisional: boolean('answer_due_provisional').notNull(),
  status: text('status', { enum: REQUEST_STATUSES }).notNull(),
  answeredAt: ts('answered_at'),
  answeredBy: uuid('answered_by'),
  answer: text('answer'),
});
