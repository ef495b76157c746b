import { bigint, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Who acted: a staff member, a customer's user, an API token, or the system (jobs, the CLI). */
export const ACTOR_KINDS = ['staff', 'customer', 'token', 'system'] as const;

export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  id: uuid('id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorId: uuid('actor_id'),
  actorLogin: text('actor_login'),
  actorKind: text('actor_kind', { enum: ACTOR_KINDS }).notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  customerId: uuid('customer_id'),
  requestId: text('request_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
