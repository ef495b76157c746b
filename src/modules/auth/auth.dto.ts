import { z } from 'zod';
import { LOCALES } from '../../core/i18n/index.js';
import { CUSTOMER_ROLES, STAFF_ROLES } from '../../core/scope.js';
import { InstantOrDate, ItemsOf, Page, PageOf, Timestamp } from '../../http/dto.js';
import { TOKEN_SCOPES, USER_KINDS } from './auth.schema.js';

// ── the enums, named once for the document ──────────────────────────────
export const UserKind = z.enum(USER_KINDS).meta({ id: 'UserKind', description: 'staff: 乙方 staff; customer: a user of a 甲方 customer' });
export const UserLocale = z.enum(LOCALES).meta({ id: 'Locale' });
/** A role as stored: a staff role or a customer role, whichever the user's kind allows. */
export const UserRole = z.enum([...STAFF_ROLES, ...CUSTOMER_ROLES]).meta({ id: 'UserRole' });
export const TokenScope = z.enum(TOKEN_SCOPES).meta({ id: 'ApiTokenScope' });

// ── session ─────────────────────────────────────────────────────────────
export const LoginBody = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const Me = z
  .object({
    id: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    kind: UserKind,
    roles: z.array(UserRole),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    locale: UserLocale,
    /** issue 24: the second factors this user has, and whether one is required and still missing */
    factors: z.array(z.enum(['totp', 'recovery', 'passkey'])),
    enrolmentRequired: z.boolean(),
  })
  .meta({ id: 'Me' });
export const LoginReply = z
  .object({
    /** null while a second factor is still needed */
    user: Me.nullable(),
    secondFactor: z.object({ methods: z.array(z.enum(['totp', 'recovery', 'passkey'])) }).nullable(),
  })
  .meta({ id: 'LoginReply' });
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export const LocaleBody = z.object({ locale: UserLocale });

// ── users (admin) ───────────────────────────────────────────────────────
export const User = z
  .object({
    id: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    kind: UserKind,
    roles: z.array(UserRole),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    disabled: z.boolean(),
    lastLoginAt: Timestamp,
    createdAt: Timestamp,
  })
  .meta({ id: 'User' });
export const UserPage = PageOf(User).meta({ id: 'UserPage' });
export const UserListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: UserKind.optional(),
  customerId: z.uuid().optional(),
  ...Page,
});
export const CreateUserBody = z.object({
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._@-]{1,62}$/),
  displayName: z.string().trim().min(1).max(100),
  email: z.email().nullable().optional(),
  kind: UserKind,
  // any text here: the service checks each role against the kind and names the one that does not fit
  roles: z.array(z.string()).min(1),
  customerId: z.uuid().nullable().optional(),
  password: z.string().min(1).max(256),
  locale: UserLocale.optional(),
});
export const TemporaryPassword = z.object({ temporaryPassword: z.string() }).meta({ id: 'TemporaryPassword', description: 'shown once' });

// ── API tokens (admin) ──────────────────────────────────────────────────
export const ApiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(TokenScope),
    createdBy: z.uuid(),
    /** Whose reads a `read` token makes. */
    userId: z.uuid(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    lastUsedAt: Timestamp,
    revokedAt: Timestamp,
  })
  .meta({ id: 'ApiToken' });
export const ApiTokenList = ItemsOf(ApiToken).meta({ id: 'ApiTokenList' });
export const CreateTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(TokenScope).min(1),
  expiresAt: InstantOrDate.nullable().optional(),
  /** The user a `read` token reads as; default the admin creating it. A customer user's token may only `read`. */
  userId: z.uuid().nullable().optional(),
});
export const CreatedToken = z
  .object({ token: z.string().describe('the secret, returned this once'), item: ApiToken })
  .meta({ id: 'ApiTokenCreated' });
