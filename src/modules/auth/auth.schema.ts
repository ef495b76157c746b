import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.schema.js';
import { LOCALES } from '../../core/i18n/index.js';
import type { CustomerRole, StaffRole } from '../../core/scope.js';
import type { TokenScopeName } from '../../core/token-scopes.js';

/** A staff member of the provider (乙方) or a user of a customer (甲方). */
export const USER_KINDS = ['staff', 'customer'] as const;
/**
 * Scopes a token can hold; tokens.service checks them on creation; modules that accept tokens check for theirs. `read`: GET what the
 * token's user may read; `metrics:read`: scrape /metrics; `alerts:write`: the Alertmanager webhook.
 */
export const TOKEN_SCOPES = ['alerts:write', 'dns:write', 'metrics:read', 'read', 'tickets:write'] as const satisfies readonly TokenScopeName[];

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  login: text('login').notNull(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  kind: text('kind', { enum: USER_KINDS }).notNull(),
  /** staff roles for staff, customer roles for a customer's user (users.service checks which) */
  roles: text('roles').array().notNull().$type<(StaffRole | CustomerRole)[]>(),
  customerId: uuid('customer_id').references(() => customers.id),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale', { enum: LOCALES }).notNull(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  /** signed in while a required second factor is not enrolled: only the account's routes (0037) */
  needsEnrolment: boolean('needs_enrolment').notNull().default(false),
});

export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull(),
  scopes: text('scopes').array().notNull().$type<(typeof TOKEN_SCOPES)[number][]>(),
  createdBy: uuid('created_by').notNull(),
  /** Whose reads a `read` token makes. */
  userId: uuid('user_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** a customer's token (made by its owner) is limited to the company (0037) */
  customerId: uuid('customer_id').references(() => customers.id),
  lastUsedIp: text('last_used_ip'),
});
