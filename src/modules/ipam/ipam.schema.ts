import { cidr, inet, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const ipPools = pgTable('ip_pools', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  siteId: uuid('site_id'),
  prefix: cidr('prefix').notNull(),
  gateway: inet('gateway'),
  vlan: integer('vlan'),
  quarantineDays: integer('quarantine_days').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const ipReservedRanges = pgTable('ip_reserved_ranges', {
  id: uuid('id').primaryKey(),
  poolId: uuid('pool_id').notNull(),
  firstAddress: inet('first_address').notNull(),
  lastAddress: inet('last_address').notNull(),
  reason: text('reason').notNull(),
});

/** 6.1: the dedicated IP; held from allocation until its quarantine ends. */
export const ipAllocations = pgTable('ip_allocations', {
  id: uuid('id').primaryKey(),
  poolId: uuid('pool_id').notNull(),
  address: inet('address').notNull(),
  serverId: uuid('server_id'),
  customerId: uuid('customer_id').notNull(),
  allocatedAt: timestamp('allocated_at', { withTimezone: true }).notNull(),
  releasedAt: timestamp('released_at', { withTimezone: true }),
  heldUntil: timestamp('held_until', { withTimezone: true }),
});
