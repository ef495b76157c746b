import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const TICKET_TYPES = ['reboot', 'hands_on', 'network', 'filing_assistance', 'other'] as const;
export const TICKET_STATUSES = ['open', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

export const tickets = pgTable('tickets', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  customerId: uuid('customer_id').notNull(),
  serverId: uuid('server_id'),
  type: text('type', { enum: TICKET_TYPES }).notNull(),
  priority: text('priority', { enum: TICKET_PRIORITIES }).notNull(),
  subject: text('subject').notNull(),
  description: text('description').notNull(),
  status: text('status', { enum: TICKET_STATUSES }).notNull(),
  openedBy: uuid('opened_by').notNull(),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
});

export const ticketComments = pgTable('ticket_comments', {
  id: uuid('id').primaryKey(),
  ticketId: uuid('ticket_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  authorId: uuid('author_id'),
  authorKind: text('author_kind', { enum: ['staff', 'customer', 'system'] }).notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
