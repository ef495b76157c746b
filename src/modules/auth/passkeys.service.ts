import { randomBytes } from 'node:crypto';
import type { AuthenticationResponseJSON, AuthenticatorTransportFuture, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { systemScope, type Scope } from '../../core/scope.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AccountsRepository } from './accounts.repository.js';
import type { AuthRepository } from './auth.repository.js';
import { sha256, type AuthService, type LoginInput, type LoginResult } from './auth.service.js';
import { loginKeyOf, throttleKeys } from './throttle.js';
import type { SessionCache } from './session-cache.js';

/** Where the browser is: the relying party's id (a host name) and the exact origin its assertions name. */
export interface RelyingParty {
  rpID: string;
  origin: string;
}

const CEREMONY_MINUTES = 5;
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const rejected = (reason: string) => new AppError('PASSKEY_REJECTED', { reason }, [{ path: 'response', key: 'PASSKEY_REJECTED', params: { reason } }]);

/** Loaded by the first passkey ceremony, not at start: with its X.509/ASN.1 stack it is ~0.4 s of CPU and ~14 MB (issue 23 §1). */
const webauthn = () => import('@simplewebauthn/server');

/**
 * Passkeys (WebAuthn, issue 24 §1) through @simplewebauthn/server: a signed-in user registers one; a
 * passkey then signs in on its own (a discoverable credential with user verification) or as the
 * second step after a password. An assertion is checked against the ceremony's challenge (single
 * use), the relying party's origin and id, and — after a password — the user the password named.
 */
export function makePasskeysService(deps: {
  repo: AuthRepository;
  accounts: AccountsRepository;
  auth: Pick<AuthService, 'startVerifiedSession' | 'reserveFor'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  sessions: Pick<SessionCache, 'forgetUser'>;
}) {
  const { repo, accounts, audit, clock } = deps;
  const registrationKey = (userId: string) => sha256(`passkey_register:${userId}`);

  function self(scope: Scope): Extract<Scope, { kind: 'staff' | 'customer' }> {
    if (scope.kind !== 'staff' && scope.kind !== 'customer') throw new AppError('FORBIDDEN');
    return scope;
  }

  return {
    async registrationOptions(scope: Scope, rp: RelyingParty) {
      const me = self(scope);
      const existing = await accounts.credentialsOf(me.userId);
      const options = await (await webauthn()).generateRegistrationOptions({
        rpName: 'rackpact',
        rpID: rp.rpID,
        userName: me.login,
        userID: new TextEncoder().encode(me.userId),
        attestationType: 'none',
        excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports as AuthenticatorTransportFuture[] })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      });
      const now = clock.now();
      await repo.db.transaction(async (tx) => {
        await accounts.takeChallenge(tx, registrationKey(me.userId));
        await accounts.insertChallenge(tx, {
          id: registrationKey(me.userId),
          userId: me.userId,
          purpose: 'passkey_register',
          webauthnChallenge: options.challenge,
          ip: null,
          userAgent: null,
          createdAt: now,
          expiresAt: new Date(now.getTime() + CEREMONY_MINUTES * 60_000),
        });
      });
      return options;
    },

    async register(scope: Scope, rp: RelyingParty, input: { name: string; response: RegistrationResponseJSON }) {
      const me = self(scope);
      const now = clock.now();
      const pending = await repo.db.transaction((tx) => accounts.takeChallenge(tx, registrationKey(me.userId)));
      if (!pending?.webauthnChallenge || pending.expiresAt <= now) throw rejected('challenge expired');
      let verification;
      try {
        verification = await (await webauthn()).verifyRegistrationResponse({ response: input.response, expectedChallenge: pending.webauthnChallenge, expectedOrigin: rp.origin, expectedRPID: rp.rpID });
      } catch (e) {
        throw rejected(e instanceof Error ? e.message : String(e));
      }
      if (!verification.verified || !verification.registrationInfo) throw rejected('not verified');
      const { credential } = verification.registrationInfo;
      await repo.db.transaction(async (tx) => {
        if (await accounts.credentialById(credential.id, tx)) throw rejected('already registered');
        await accounts.insertCredential(tx, {
          id: credential.id,
          userId: me.userId,
          name: input.name.trim(),
          publicKey: b64url(credential.publicKey),
          counter: credential.counter,
          transports: credential.transports ?? [],
          createdAt: now,
          lastUsedAt: null,
        });
        await accounts.clearEnrolmentDue(tx, me.userId);
        await audit.record(tx, me, { action: 'passkey.register', entity: 'user', entityId: me.userId, customerId: me.kind === 'customer' ? me.customerId : null, after: { name: input.name.trim() } });
      });
      deps.sessions.forgetUser(me.userId);
      return { id: credential.id, name: input.name.trim(), createdAt: now, lastUsedAt: null };
    },

    async remove(scope: Scope, id: string) {
      const me = self(scope);
      await repo.db.transaction(async (tx) => {
        if (!(await accounts.deleteCredential(tx, me.userId, id))) throw new AppError('NOT_FOUND', { entity: 'passkey' });
        await audit.record(tx, me, { action: 'passkey.remove', entity: 'user', entityId: me.userId, customerId: me.kind === 'customer' ? me.customerId : null });
      });
    },

    /**
     * Options for signing in with a passkey. With a password step's challenge (the cookie) the
     * assertion must come from that user's passkeys; otherwise any discoverable passkey may answer.
     */
    async loginOptions(rp: RelyingParty, challengeToken: string | undefined, input: LoginInput) {
      const now = clock.now();
      const pending = challengeToken ? await accounts.challenge(sha256(challengeToken)) : undefined;
      const secondStep = pending && pending.purpose === 'second_factor' && pending.expiresAt > now ? pending : undefined;
      const allow = secondStep?.userId ? await accounts.credentialsOf(secondStep.userId) : [];
      const options = await (await webauthn()).generateAuthenticationOptions({
        rpID: rp.rpID,
        userVerification: 'preferred',
        allowCredentials: allow.map((c) => ({ id: c.id, transports: c.transports as AuthenticatorTransportFuture[] })),
      });
      const token = secondStep ? challengeToken! : randomBytes(32).toString('base64url');
      await repo.db.transaction(async (tx) => {
        if (secondStep) await accounts.takeChallenge(tx, secondStep.id);
        await accounts.insertChallenge(tx, {
          id: sha256(token),
          userId: secondStep?.userId ?? null,
          purpose: secondStep ? 'second_factor' : 'passkey_login',
          webauthnChallenge: options.challenge,
          ip: input.ip ?? null,
          userAgent: input.userAgent?.slice(0, 300) ?? null,
          createdAt: now,
          expiresAt: new Date(now.getTime() + CEREMONY_MINUTES * 60_000),
        });
      });
      return { options, challenge: token };
    },

    async login(rp: RelyingParty, challengeToken: string | undefined, response: AuthenticationResponseJSON, input: LoginInput): Promise<LoginResult> {
      const now = clock.now();
      const pending = challengeToken ? await repo.db.transaction((tx) => accounts.takeChallenge(tx, sha256(challengeToken))) : undefined;
      if (!pending?.webauthnChallenge || pending.expiresAt <= now || (pending.purpose !== 'passkey_login' && pending.purpose !== 'second_factor')) {
        throw new AppError('SECOND_FACTOR_EXPIRED');
      }
      const credential = await accounts.credentialById(response.id);
      if (!credential) throw rejected('unknown passkey');
      // after a password, only that user's passkeys answer
      if (pending.userId && pending.userId !== credential.userId) throw rejected('the passkey belongs to another user');
      const user = await repo.findUserById(systemScope('passkeys.login'), credential.userId);
      if (!user || user.disabledAt) throw new AppError('INVALID_CREDENTIALS');
      await deps.auth.reserveFor(throttleKeys(loginKeyOf(user.login), input.ip), now);
      let verification;
      try {
        verification = await (await webauthn()).verifyAuthenticationResponse({
          response,
          expectedChallenge: pending.webauthnChallenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.rpID,
          credential: { id: credential.id, publicKey: new Uint8Array(Buffer.from(credential.publicKey, 'base64url')), counter: credential.counter, transports: credential.transports as AuthenticatorTransportFuture[] },
        });
      } catch (e) {
        throw rejected(e instanceof Error ? e.message : String(e));
      }
      if (!verification.verified) throw rejected('not verified');
      await repo.db.transaction((tx) => accounts.useCredential(tx, credential.id, verification.authenticationInfo.newCounter, now));
      return deps.auth.startVerifiedSession(user, input, throttleKeys(loginKeyOf(user.login), input.ip));
    },
  };
}

export type PasskeysService = ReturnType<typeof makePasskeysService>;
