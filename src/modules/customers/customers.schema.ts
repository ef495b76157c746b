import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 甲方 — a customer company; the tenant every customer-owned row points to. */
export const customers = pgTable('customers', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  uscc: text('uscc') /* 统一社会信用代码 */,
  status: text('status', { enum: ['prospect', 'active', 'suspended', 'former'] }).notNull(),
  version: integer('version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
