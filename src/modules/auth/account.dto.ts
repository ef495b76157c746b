import { z } from 'zod';
import { CUSTOMER_ROLES } from '../../core/scope.js';
import { InstantOrDate, ItemsOf, Timestamp } from '../../http/dto.js';
import { ApiToken, TokenScope, User, UserLocale } from './auth.dto.js';

// ── sessions (issue 24 §4) ──────────────────────────────────────────────
export const SessionEntry = z
  .object({
    id: z.string().describe('a handle for ending the session (not the cookie)'),
    current: z.boolean(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: Timestamp,
    lastSeenAt: Timestamp,
  })
  .meta({ id: 'AccountSession' });
export const SessionList = ItemsOf(SessionEntry).meta({ id: 'AccountSessionList' });
export const SessionParams = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/) });

// ── second factors (issue 24 §1) ────────────────────────────────────────
export const SecondFactorMethod = z.enum(['totp', 'recovery', 'passkey']).meta({ id: 'SecondFactorMethod' });
export const FactorStatus = z
  .object({
    totp: z.boolean(),
    recoveryCodesLeft: z.number().int(),
    passkeys: z.array(z.object({ id: z.string(), name: z.string(), createdAt: Timestamp, lastUsedAt: Timestamp })),
    required: z.boolean(),
  })
  .meta({ id: 'AccountFactors' });
export const TotpEnrolment = z
  .object({ secret: z.string(), uri: z.string(), qrDataUri: z.string().describe('the otpauth URI as a PNG data URI') })
  .meta({ id: 'TotpEnrolment' });
export const TotpCodeBody = z.object({ code: z.string().trim().min(1).max(12) });
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()).describe('shown this once') }).meta({ id: 'RecoveryCodes' });
export const SecondFactorBody = z
  .object({ code: z.string().trim().min(1).max(12).optional(), recoveryCode: z.string().trim().min(1).max(40).optional() })
  .refine((b) => Boolean(b.code) !== Boolean(b.recoveryCode), { message: 'field.required', path: ['code'] });

// ── a customer's team (issue 24 §2) ─────────────────────────────────────
export const CustomerRole = z.enum(CUSTOMER_ROLES).meta({ id: 'CustomerRole' });
export const TeamMember = User.extend({
  rosterMemberId: z.uuid().nullable().describe('the 5.10 roster person with the same e-mail'),
  rosterName: z.string().nullable(),
  secondFactor: z.boolean(),
}).meta({ id: 'TeamMember' });
export const Invitation = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(CustomerRole),
    locale: UserLocale,
    invitedBy: z.uuid(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    acceptedAt: Timestamp,
    acceptedUserId: z.uuid().nullable(),
    revokedAt: Timestamp,
    status: z.enum(['open', 'accepted', 'revoked', 'expired']),
  })
  .meta({ id: 'Invitation' });
export const Team = z
  .object({ customerName: z.string(), require2fa: z.boolean(), users: z.array(TeamMember), invitations: z.array(Invitation) })
  .meta({ id: 'Team' });
export const InviteBody = z.object({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(100),
  // any text: the service names a role that is not a customer role
  roles: z.array(z.string().max(40)).min(1).max(3),
  locale: UserLocale.optional(),
});
export const TeamUserParams = z.object({ id: z.uuid(), userId: z.uuid() });
export const InvitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });
export const RolesBody = z.object({ roles: z.array(z.string().max(40)).min(1).max(3) });
export const PolicyBody = z.object({ require2fa: z.boolean() });
export const Policy = z.object({ require2fa: z.boolean() }).meta({ id: 'AccountPolicy' });
export const InvitationTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const InvitationPreview = z
  .object({ customerName: z.string(), email: z.string(), displayName: z.string(), roles: z.array(CustomerRole), expiresAt: Timestamp, locale: UserLocale })
  .meta({ id: 'InvitationPreview' });
export const AcceptInvitationBody = z.object({
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._@-]{1,62}$/),
  password: z.string().min(1).max(256),
});

// ── a customer's tokens (issue 24 §3) ───────────────────────────────────
export const CustomerToken = ApiToken.extend({ customerId: z.uuid().nullable(), lastUsedIp: z.string().nullable() }).meta({ id: 'CustomerApiToken' });
export const CustomerTokenList = ItemsOf(CustomerToken).meta({ id: 'CustomerApiTokenList' });
export const CreateCustomerTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(TokenScope).min(1),
  expiresAt: InstantOrDate.nullable().optional(),
});
export const CreatedCustomerToken = z
  .object({ token: z.string().describe('the secret, returned this once'), item: CustomerToken })
  .meta({ id: 'CustomerApiTokenCreated' });
export const CustomerTokenParams = z.object({ id: z.uuid(), tokenId: z.uuid() });

// ── passkeys (issue 24 §1) ──────────────────────────────────────────────
/** WebAuthn options as @simplewebauthn/server makes them (PublicKeyCredential*OptionsJSON), for @simplewebauthn/browser. */
export const PasskeyOptions = z.record(z.string(), z.unknown()).meta({ id: 'PasskeyOptions' });
/** The browser's credential as @simplewebauthn/browser returns it (RegistrationResponseJSON / AuthenticationResponseJSON). */
const WebAuthnResponse = z.object({ id: z.string().min(1).max(1400), rawId: z.string().max(1400), type: z.literal('public-key'), response: z.record(z.string(), z.unknown()) }).loose();
export const RegisterPasskeyBody = z.object({ name: z.string().trim().min(1).max(100), response: WebAuthnResponse });
export const PasskeyLoginBody = z.object({ response: WebAuthnResponse });
export const Passkey = z.object({ id: z.string(), name: z.string(), createdAt: Timestamp, lastUsedAt: Timestamp }).meta({ id: 'Passkey' });
/** A WebAuthn credential id: base64url of at least 16 bytes (WebAuthn §6.1), so at least 22 characters. */
export const PasskeyParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22,1400}$/) });
