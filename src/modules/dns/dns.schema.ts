import { bigint, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const dnsZones = pgTable('dns_zones', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  domain: text('domain').notNull(),
  serial: bigint('serial', { mode: 'number' }).notNull(),
  defaultTtl: integer('default_ttl').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const DNS_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'] as const;

export const dnsRecords = pgTable('dns_records', {
  id: uuid('id').primaryKey(),
  zoneId: uuid('zone_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  name: text('name').notNull(),
  type: text('type', { enum: DNS_TYPES }).notNull(),
  value: text('value').notNull(),
  ttl: integer('ttl'),
  priority: integer('priority'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** The provider's reverse zones (in-addr.arpa / ip6.arpa) that carry PTR records, with their serials. */
export const dnsReverseZones = pgTable('dns_reverse_zones', {
  origin: text('origin').primaryKey(),
  serial: bigint('serial', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One PTR per live IP allocation: the customer's host name for its dedicated address (6.1). */
export const dnsPtrRecords = pgTable('dns_ptr_records', {
  id: uuid('id').primaryKey(),
  allocationId: uuid('allocation_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  origin: text('origin').notNull(),
  name: text('name').notNull(),
  hostname: text('hostname').notNull(),
  ttl: integer('ttl'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
