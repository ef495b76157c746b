import { bigint, boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.schema.js';
import { LOCALES } from '../../core/i18n/index.js';
import type { CustomerRole } from '../../core/scope.js';
import { users } from './auth.schema.js';

/** Issue 24 (migration 0037): second factors, the two-step sign-in, devices, invitations, account mail. */

export const customerAccountPolicies = pgTable('customer_account_policies', {
  customerId: uuid('customer_id').primaryKey().references(() => customers.id),
  require2fa: boolean('require_2fa').notNull(),
  changedBy: uuid('changed_by').notNull().references(() => users.id),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
});

export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  secret: text('secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const recoveryCodes = pgTable('recovery_codes', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  codeHash: text('code_hash').notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const webauthnCredentials = pgTable('webauthn_credentials', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  /** the COSE public key, base64url */
  publicKey: text('public_key').notNull(),
  counter: bigint('counter', { mode: 'number' }).notNull(),
  transports: text('transports').array().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});

export const LOGIN_CHALLENGE_PURPOSES = ['second_factor', 'passkey_login', 'passkey_register'] as const;
export const loginChallenges = pgTable('login_challenges', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').references(() => users.id),
  purpose: text('purpose', { enum: LOGIN_CHALLENGE_PURPOSES }).notNull(),
  webauthnChallenge: text('webauthn_challenge'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const userDevices = pgTable(
  'user_devices',
  {
    userId: uuid('user_id').notNull().references(() => users.id),
    deviceHash: text('device_hash').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceHash] })],
);

export const customerInvitations = pgTable('customer_invitations', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull().references(() => customers.id),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  roles: text('roles').array().notNull().$type<CustomerRole[]>(),
  locale: text('locale', { enum: LOCALES }).notNull(),
  tokenHash: text('token_hash').notNull(),
  invitedBy: uuid('invited_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  acceptedUserId: uuid('accepted_user_id').references(() => users.id),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const ACCOUNT_MAIL_KINDS = ['invitation', 'factor_reset', 'new_device'] as const;
export const ACCOUNT_MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export const accountMailOutbox = pgTable('account_mail_outbox', {
  id: uuid('id').primaryKey(),
  kind: text('kind', { enum: ACCOUNT_MAIL_KINDS }).notNull(),
  userId: uuid('user_id').references(() => users.id),
  customerId: uuid('customer_id').references(() => customers.id),
  recipient: text('recipient').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  status: text('status', { enum: ACCOUNT_MAIL_STATUSES }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  lastError: text('last_error'),
  proof: text('proof'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
