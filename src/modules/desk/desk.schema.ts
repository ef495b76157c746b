import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const DIGEST_STATUSES = ['pending', 'sent', 'failed'] as const;

/** One digest e-mail per staff member and day (0030), drained like the ticket mail. */
export const deskDigestOutbox = pgTable('desk_digest_outbox', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  itemCount: integer('item_count').notNull(),
  status: text('status', { enum: DIGEST_STATUSES }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  lastError: text('last_error'),
  proof: text('proof'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Staff who asked not to get the daily digest. */
export const deskDigestOptouts = pgTable('desk_digest_optouts', {
  userId: uuid('user_id').primaryKey(),
  optedOutAt: timestamp('opted_out_at', { withTimezone: true }).notNull(),
});
