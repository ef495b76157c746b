import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 第九条: a formal notice between the sides. */
export const notices = pgTable('notices', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  direction: text('direction', { enum: ['provider_to_customer', 'customer_to_provider'] }).notNull(),
  type: text('type').notNull(),
  subjectZh: text('subject_zh').notNull(),
  subjectEn: text('subject_en').notNull(),
  bodyZh: text('body_zh').notNull(),
  bodyEn: text('body_en').notNull(),
  recipientName: text('recipient_name').notNull(),
  relatedEntity: text('related_entity'),
  relatedId: text('related_id'),
  sourceOutboxId: uuid('source_outbox_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const noticeDeliveries = pgTable('notice_deliveries', {
  id: uuid('id').primaryKey(),
  noticeId: uuid('notice_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  channel: text('channel', { enum: ['email', 'post', 'fax', 'portal'] }).notNull(),
  address: text('address').notNull(),
  status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  lastError: text('last_error'),
  proof: text('proof'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});
