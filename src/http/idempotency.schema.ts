import { boolean, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** issue 23 §5: a creating POST's stored answer, by its Idempotency-Key (migration 0035). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    contentType: text('content_type'),
    responseBody: text('response_body'),
    createdAt: ts('created_at').notNull(),
    leaseUntil: ts('lease_until').notNull(),
    writeCommitted: boolean('write_committed').notNull().default(false),
    completedAt: ts('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] })],
);
