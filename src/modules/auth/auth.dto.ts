import { z } from 'zod';
import { InstantOrDate, Page, Timestamp } from '../../http/dto.js';
import { TOKEN_SCOPES } from './tokens.service.js';

export const LoginBody = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const Me = z
  .object({
    id: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    kind: z.enum(['staff', 'customer']),
    roles: z.array(z.string()),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    locale: z.enum(['zh-CN', 'en']),
  })
  .meta({ id: 'Me' });
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export const LocaleBody = z.object({ locale: z.enum(['zh-CN', 'en']) });

export const User = z
  .object({
    id: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    kind: z.enum(['staff', 'customer']),
    roles: z.array(z.string()),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    disabled: z.boolean(),
    lastLoginAt: Timestamp,
    createdAt: Timestamp,
  })
  .meta({ id: 'User' });
export const UserListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(['staff', 'customer']).optional(),
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
  kind: z.enum(['staff', 'customer']),
  roles: z.array(z.string()).min(1),
  customerId: z.uuid().nullable().optional(),
  password: z.string().min(1).max(256),
  locale: z.enum(['zh-CN', 'en']).optional(),
});

export const ApiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    createdBy: z.uuid(),
    /** Whose reads a `read` token makes. */
    userId: z.uuid(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    lastUsedAt: Timestamp,
    revokedAt: Timestamp,
  })
  .meta({ id: 'ApiToken' });
export const CreateTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
  expiresAt: InstantOrDate.nullable().optional(),
  /** The user a `read` token reads as; default the admin creating it. A customer user's token may only `read`. */
  userId: z.uuid().nullable().optional(),
});
