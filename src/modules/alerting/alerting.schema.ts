import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { STAFF_ROLES } from '../../core/scope.js';

/** Issue 20 §5: where alerts go besides e-mail — 企业微信 / 钉钉 group robots and a generic signed webhook. */
export const ALERT_CHANNEL_KINDS = ['wecom', 'dingtalk', 'webhook'] as const;
export type AlertChannelKind = (typeof ALERT_CHANNEL_KINDS)[number];

/** The events an admin may route to channels, per staff role. */
export const ALERT_EVENT_KINDS = ['ticket.urgentReboot', 'incident.opened', 'commissioning.atRisk', 'payment.received', 'gate.applyFailed'] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

export const ALERT_DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

export const alertChannels = pgTable('alert_channels', {
  id: uuid('id').primaryKey(),
  kind: text('kind', { enum: ALERT_CHANNEL_KINDS }).notNull(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  /** 钉钉 加签 secret or the webhook's HMAC key; the API answers only whether one is set */
  secret: text('secret'),
  enabled: boolean('enabled').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const alertSubscriptions = pgTable(
  'alert_subscriptions',
  {
    eventKind: text('event_kind', { enum: ALERT_EVENT_KINDS }).notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    channelId: uuid('channel_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventKind, t.role, t.channelId] })],
);

export const alertDeliveries = pgTable('alert_deliveries', {
  /** also the delivery id a receiver dedupes by */
  id: uuid('id').primaryKey(),
  eventKind: text('event_kind', { enum: [...ALERT_EVENT_KINDS, 'test'] }).notNull(),
  eventKey: text('event_key').notNull(),
  channelId: uuid('channel_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  status: text('status', { enum: ALERT_DELIVERY_STATUSES }).notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  lastError: text('last_error'),
  response: text('response'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
