import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 6.1 / 6.7 and the disputes the agreement foresees; 'network' kept for faults that are neither reboot nor hands-on. */
export const TICKET_TYPES = ['reboot', 'hands_on', 'filing_assistance', 'abuse_reply', 'compensation_dispute', 'billing', 'network', 'general', 'personal_data'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TICKET_STATUSES = ['open', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
/** Who wrote a reply: staff (乙方), the customer (甲方), or the system. */
export const COMMENT_AUTHOR_KINDS = ['staff', 'customer', 'system'] as const;
export const TICKET_MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
/** How the queue is ordered (not a column): 'age' oldest first, as a queue is worked; 'newest' otherwise. */
export const TICKET_QUEUE_ORDERS = ['age', 'newest'] as const;

export const tickets = pgTable('tickets', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  customerId: uuid('customer_id').notNull(),
  serverId: uuid('server_id'),
  contractId: uuid('contract_id'),
  domain: text('domain'),
  assigneeId: uuid('assignee_id'),
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
  authorKind: text('author_kind', { enum: COMMENT_AUTHOR_KINDS }).notNull(),
  body: text('body').notNull(),
  internal: boolean('internal').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const ticketSlaTargets = pgTable('ticket_sla_targets', {
  type: text('type', { enum: TICKET_TYPES }).primaryKey(),
  firstResponseMinutes: integer('first_response_minutes').notNull(),
  resolutionMinutes: integer('resolution_minutes'),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
});

export const ticketAttachments = pgTable('ticket_attachments', {
  id: uuid('id').primaryKey(),
  ticketId: uuid('ticket_id').notNull(),
  commentId: uuid('comment_id'),
  customerId: uuid('customer_id').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  internal: boolean('internal').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
});

export const ticketMailOutbox = pgTable('ticket_mail_outbox', {
  id: uuid('id').primaryKey(),
  ticketId: uuid('ticket_id').notNull(),
  commentId: uuid('comment_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  status: text('status', { enum: TICKET_MAIL_STATUSES }).notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  lastError: text('last_error'),
  proof: text('proof'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** a sender's lease while the mail is on the wire (migration 0020); lapses if the sender dies */
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
});
