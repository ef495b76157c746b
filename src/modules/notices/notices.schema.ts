import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Which side a notice goes to: from the provider (乙方) to the customer (甲方), or back. */
export const NOTICE_DIRECTIONS = ['provider_to_customer', 'customer_to_provider'] as const;
/** How a notice reaches its recipient (第九条): the portal at once, e-mail through the outbox, post and fax with proof. */
export const DELIVERY_CHANNELS = ['email', 'post', 'fax', 'portal'] as const;
/** 'cancelled': a leg that never applies (post or fax to the provider itself; anything on a received notice, migration 0027) */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
/** How a notice the provider received from the customer came (issue 19 §5). */
export const RECEIVED_HOW = ['email', 'post', 'fax', 'in_person'] as const;
export type ReceivedHow = (typeof RECEIVED_HOW)[number];

/** 第九条: a formal notice between the sides. */
export const notices = pgTable('notices', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  direction: text('direction', { enum: NOTICE_DIRECTIONS }).notNull(),
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
  /**
   * A notice the provider RECEIVED from the customer and its staff recorded (e.g. a roster change sent on
   * paper): no deliveries; how it came and the document that carried it (its name, a scan if any).
   */
  received: boolean('received').notNull().default(false),
  receivedHow: text('received_how', { enum: RECEIVED_HOW }),
  documentName: text('document_name'),
  documentSha256: text('document_sha256'),
  documentContentType: text('document_content_type'),
});

export const noticeDeliveries = pgTable('notice_deliveries', {
  id: uuid('id').primaryKey(),
  noticeId: uuid('notice_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  channel: text('channel', { enum: DELIVERY_CHANNELS }).notNull(),
  address: text('address').notNull(),
  status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  lastError: text('last_error'),
  proof: text('proof'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  proofFile: text('proof_file'),
  proofContentType: text('proof_content_type'),
  proofUploadedBy: uuid('proof_uploaded_by'),
  /** a sender's lease while the mail is on the wire (migration 0020); lapses if the sender dies */
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
});

/** Notice categories a roster person may receive by e-mail; incidents always reach the 24-hour contacts. */
export const NOTICE_CATEGORIES = ['incident', 'maintenance', 'billing', 'contract', 'roster', 'tickets', 'general'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export const noticePreferences = pgTable(
  'notice_preferences',
  {
    customerId: uuid('customer_id').notNull(),
    memberId: uuid('member_id').notNull(),
    category: text('category', { enum: NOTICE_CATEGORIES }).notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.memberId, t.category] })],
);
