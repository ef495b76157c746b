import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Locale } from '../../core/i18n/index.js';
import { AppError } from '../../core/errors.js';
import { systemScope, type CustomerRole, type Scope, type StaffRole } from '../../core/scope.js';
import { formatShanghaiMinute } from '../../rules/dates.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthRepository, SessionRow, UserRow } from './auth.repository.js';
import type { Executor } from '../../db/client.js';
import type { PasswordHasher } from './passwords.js';
import type { SessionCache } from './session-cache.js';
import type { AccountsRepository } from './accounts.repository.js';
import type { AccountMail } from './account-mail.js';
import { checkPasswordStrength } from './password-strength.js';
import { normalizeRecoveryCode, totpStep } from './totp.js';
import { addressThrottle, loginKeyOf, PAIR_THROTTLE, throttleKeys } from './throttle.js';

/** A session ends after this much inactivity, and never lives longer than its absolute limit. */
export const SESSION = { idleHours: 12, absoluteDays: 7, touchEveryMinutes: 5 } as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

const absoluteEnd = (session: SessionRow) => session.createdAt.getTime() + SESSION.absoluteDays * 24 * HOUR;
/** Past its idle expiry or its absolute limit. */
const expired = (session: SessionRow, now: Date) => session.expiresAt <= now || absoluteEnd(session) <= now.getTime();
const touchDue = (session: SessionRow, now: Date) => now.getTime() - session.lastSeenAt.getTime() > SESSION.touchEveryMinutes * MINUTE;

export interface LoginInput {
  ip?: string;
  userAgent?: string;
  requestId?: string;
  /** the browser's long-lived device cookie, if it has one */
  device?: string;
}

export interface Me {
  id: string;
  login: string;
  displayName: string;
  kind: 'staff' | 'customer';
  roles: (StaffRole | CustomerRole)[];
  customerId: string | null;
  customerName: string | null;
  locale: Locale;
  /** the second factors this user has, and whether one is required and still missing */
  factors: SecondFactorMethod[];
  enrolmentRequired: boolean;
}

export function scopeOfUser(user: UserRow, requestId?: string): Scope {
  return user.kind === 'staff'
    ? { kind: 'staff', userId: user.id, login: user.login, roles: user.roles as StaffRole[], requestId }
    : {
        kind: 'customer',
        userId: user.id,
        login: user.login,
        customerId: user.customerId!,
        roles: user.roles as CustomerRole[],
        requestId,
      };
}

/** A sign-in between its password and its second factor may take this long. */
export const SECOND_FACTOR_MINUTES = 5;

export type SecondFactorMethod = 'totp' | 'recovery' | 'passkey';

/** What a sign-in step answers: a session, or the second factor it still needs. */
export type LoginResult =
  | { kind: 'session'; token: string; csrfToken: string; device: string; user: Me }
  | { kind: 'second_factor'; challenge: string; methods: SecondFactorMethod[] };

/** The public handle of a session: a hash of its stored id, so the list never shows what the cookie maps to. */
export const sessionHandle = (storedId: string) => sha256(`handle:${storedId}`).slice(0, 32);

export function makeAuthService(deps: {
  repo: AuthRepository;
  accounts: AccountsRepository;
  mail: AccountMail;
  /** REQUIRE_2FA_STAFF: staff must enrol a second factor before they may do anything else */
  requireStaff2fa: boolean;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  passwords: PasswordHasher;
  /** Keys the session-id hash: a copy of the sessions table alone cannot be matched to cookies. */
  sessionSecret: string;
  /** Resolved sessions of this process; forgotten here after each change this service commits. */
  sessions: Pick<SessionCache, 'get' | 'put' | 'generation' | 'forgetSession' | 'forgetUser'>;
  /** Failed sign-ins one client address may make before its waits begin (LOGIN_ADDRESS_FAILURES). */
  addressFailures: number;
}) {
  const { repo, audit, clock, passwords, sessions } = deps;
  const sessionId = (token: string) => createHmac('sha256', deps.sessionSecret).update(token).digest('hex');
  // Verifying against a real hash when the login is unknown keeps both answers equally slow. Made by
  // the first sign-in (begun before its user lookup), not at start: an argon2 hash (19 MiB, 2 passes) and
  // the native binding's load are CPU every start paid before its first answer (issue 23 §1).
  let dummyHash: Promise<string> | undefined;

  const addressPolicy = addressThrottle(deps.addressFailures);

  /**
   * Reserves this attempt on the address's and the (login, address) counters before any password
   * is checked, or refuses it while either owes a wait. Address first, then pair, in every
   * transaction that touches both, so two never wait on each other.
   */
  async function reserveAttempt(keys: { address: string; pair: string }, now: Date): Promise<void> {
    await repo.db.transaction(async (tx) => {
      for (const [key, policy] of [[keys.address, addressPolicy], [keys.pair, PAIR_THROTTLE]] as const) {
        const reserved = await repo.reserveAttempt(tx, key, now, policy);
        if (!reserved.ok) {
          const waitMs = reserved.nextAttemptAt.getTime() - now.getTime();
          const minutes = Math.max(1, Math.ceil(waitMs / MINUTE));
          // throwing rolls back the address's reservation too
          throw new AppError('LOGIN_LOCKED', { minutes, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
        }
      }
    });
  }

  async function toMe(user: UserRow): Promise<Me> {
    const factors = await factorsOf(user.id);
    return {
      id: user.id,
      login: user.login,
      displayName: user.displayName,
      kind: user.kind,
      roles: user.roles,
      customerId: user.customerId,
      customerName: user.customerId ? await repo.customerName(user.customerId) : null,
      locale: user.locale,
      factors,
      enrolmentRequired: factors.length === 0 && (await factorRequired(user)),
    };
  }

  /** The second factors a user has: a confirmed TOTP (with its recovery codes) and passkeys. */
  async function factorsOf(userId: string): Promise<SecondFactorMethod[]> {
    const [totp, passkeys] = await Promise.all([deps.accounts.totpOf(userId), deps.accounts.credentialsOf(userId)]);
    const methods: SecondFactorMethod[] = [];
    if (totp?.confirmedAt) methods.push('totp', 'recovery');
    if (passkeys.length) methods.push('passkey');
    return methods;
  }

  /** Must this user have a second factor? Staff by REQUIRE_2FA_STAFF, a customer's users by its owner's policy. */
  async function factorRequired(user: UserRow): Promise<boolean> {
    if (user.kind === 'staff') return deps.requireStaff2fa;
    return user.customerId ? deps.accounts.requires2fa(user.customerId) : false;
  }

  async function useRecoveryCode(userId: string, code: string, now: Date): Promise<boolean> {
    const wanted = normalizeRecoveryCode(code);
    for (const row of await deps.accounts.unusedRecoveryCodes(userId)) {
      if (await passwords.verify(row.codeHash, wanted)) {
        return repo.db.transaction((tx) => deps.accounts.useRecoveryCode(tx, row.id, now));
      }
    }
    return false;
  }

  async function startSession(user: UserRow, input: LoginInput, now: Date, keys?: { address: string; pair: string }): Promise<LoginResult> {
    const token = randomToken();
    const csrfToken = randomToken(24);
    const device = input.device && /^[A-Za-z0-9_-]{20,100}$/.test(input.device) ? input.device : randomToken();
    const scope = scopeOfUser(user, input.requestId);
    const needsEnrolment = (await factorRequired(user)) && (await factorsOf(user.id)).length === 0;
    await repo.db.transaction(async (tx) => {
      if (keys) await repo.releaseAttempt(tx, keys);
      await repo.insertSession(tx, {
        id: sessionId(token),
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION.idleHours * HOUR),
        ip: input.ip ?? null,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
        needsEnrolment,
      });
      const newDevice = await deps.accounts.seeDevice(tx, user.id, sha256(device), now);
      // the first sign-in ever is no news; a later one from a browser never seen before is
      if (newDevice && user.lastLoginAt && user.email) {
        await deps.mail.queue(tx, {
          kind: 'new_device',
          to: user.email,
          locale: user.locale,
          userId: user.id,
          customerId: user.customerId,
          at: now,
          params: { name: user.displayName, login: user.login, at: formatShanghaiMinute(now), ip: input.ip ?? '-', device: input.userAgent?.slice(0, 120) ?? '-' },
        });
      }
      await repo.updateUser(tx, user.id, { lastLoginAt: now });
      await audit.record(tx, scope, {
        action: 'login',
        entity: 'user',
        entityId: user.id,
        customerId: user.customerId,
        after: { ip: input.ip ?? null },
      });
    });
    return { kind: 'session', token, csrfToken, device, user: await toMe(user) };
  }

  return {
    toMe,
    factorsOf,
    factorRequired,

    /**
     * The same INVALID_CREDENTIALS for an unknown login, a wrong password and a disabled user;
     * failures are counted per login string (known or not) and client address, so a wait reveals
     * nothing either. The attempt is counted before the password is checked and handed back on success.
     * A user with a second factor gets a challenge (a cookie) instead of a session.
     */
    async login(input: LoginInput & { login: string; password: string }): Promise<LoginResult> {
      const now = clock.now();
      const loginKey = loginKeyOf(input.login);
      const keys = throttleKeys(loginKey, input.ip);
      await reserveAttempt(keys, now);
      dummyHash ??= passwords.hash(randomToken());
      const user = await repo.findUserByLogin(loginKey);
      const ok = await passwords.verify(user?.passwordHash ?? (await dummyHash), input.password);
      if (!user || !ok || user.disabledAt) throw new AppError('INVALID_CREDENTIALS');
      const methods = await factorsOf(user.id);
      if (methods.length === 0) return startSession(user, input, now, keys);
      const challenge = randomToken();
      await repo.db.transaction(async (tx) => {
        // the right password hands its attempt back; each second step is counted on the same limits
        await repo.releaseAttempt(tx, keys);
        await deps.accounts.insertChallenge(tx, {
          id: sha256(challenge),
          userId: user.id,
          purpose: 'second_factor',
          webauthnChallenge: null,
          ip: input.ip ?? null,
          userAgent: input.userAgent?.slice(0, 300) ?? null,
          createdAt: now,
          expiresAt: new Date(now.getTime() + SECOND_FACTOR_MINUTES * MINUTE),
        });
      });
      return { kind: 'second_factor', challenge, methods };
    },

    /**
     * The second step: a TOTP code (each code once: a replay in its window is refused) or a recovery
     * code, for the challenge the password step gave. Counted on the same sign-in limits as passwords.
     */
    async secondFactor(input: LoginInput & { challenge?: string; code?: string; recoveryCode?: string }): Promise<LoginResult> {
      const now = clock.now();
      const pending = input.challenge ? await deps.accounts.challenge(sha256(input.challenge)) : undefined;
      if (!pending || pending.purpose !== 'second_factor' || pending.expiresAt <= now || !pending.userId) throw new AppError('SECOND_FACTOR_EXPIRED');
      const user = await repo.findUserById(systemScope('auth.secondFactor'), pending.userId);
      if (!user || user.disabledAt) throw new AppError('SECOND_FACTOR_EXPIRED');
      const keys = throttleKeys(loginKeyOf(user.login), input.ip);
      await reserveAttempt(keys, now);
      if (input.code) {
        const totp = await deps.accounts.totpOf(user.id);
        const step = totp?.confirmedAt ? totpStep(totp.secret, input.code, now) : null;
        if (step === null) throw new AppError('TOTP_WRONG', {}, [{ path: 'code', key: 'TOTP_WRONG' }]);
        const fresh = await repo.db.transaction((tx) => deps.accounts.consumeTotpStep(tx, user.id, step));
        if (!fresh) throw new AppError('TOTP_REPLAYED', {}, [{ path: 'code', key: 'TOTP_REPLAYED' }]);
      } else if (input.recoveryCode) {
        if (!(await useRecoveryCode(user.id, input.recoveryCode, now))) {
          throw new AppError('RECOVERY_CODE_WRONG', {}, [{ path: 'recoveryCode', key: 'RECOVERY_CODE_WRONG' }]);
        }
      } else {
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'code', key: 'field.required' }]);
      }
      const taken = await repo.db.transaction((tx) => deps.accounts.takeChallenge(tx, pending.id));
      if (!taken) throw new AppError('SECOND_FACTOR_EXPIRED');
      return startSession(user, input, now, keys);
    },

    /** A sign-in already proven another way (a passkey): the session, the device, the mail. */
    startVerifiedSession: (user: UserRow, input: LoginInput, keys?: { address: string; pair: string }) => startSession(user, input, clock.now(), keys),

    /** Counts an attempt on the sign-in limits (a passkey assertion), refusing it while they owe a wait. */
    reserveFor: (keys: { address: string; pair: string }, now: Date) => reserveAttempt(keys, now),

    /**
     * Resolves a session cookie; slides the idle expiry at most every few minutes. A session this
     * process resolved a moment ago is answered from the cache while it needs neither ending nor
     * touching; otherwise (and when in doubt) the database decides.
     */
    async authenticateSession(token: string): Promise<{ user: UserRow; session: SessionRow } | null> {
      const now = clock.now();
      const id = sessionId(token);
      const cached = sessions.get(id);
      if (cached && !expired(cached.session, now) && !touchDue(cached.session, now)) return cached;
      const generation = sessions.generation();
      const found = await repo.findSession(id);
      if (!found) return null;
      const { user } = found;
      let { session } = found;
      if (expired(session, now) || user.disabledAt) {
        await repo.deleteSession(session.id);
        sessions.forgetSession(session.id);
        return null;
      }
      if (touchDue(session, now)) {
        const expiresAt = new Date(Math.min(now.getTime() + SESSION.idleHours * HOUR, absoluteEnd(session)));
        await repo.touchSession(session.id, now, expiresAt);
        session = { ...session, lastSeenAt: now, expiresAt };
      }
      sessions.put(id, { user, session }, generation);
      return { user, session };
    },

    async logout(token: string): Promise<void> {
      const id = sessionId(token);
      await repo.deleteSession(id);
      sessions.forgetSession(id);
    },

    async me(scope: Scope): Promise<Me> {
      if (scope.kind !== 'staff' && scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      const user = await repo.findUserById(scope, scope.userId);
      if (!user) throw new AppError('NOT_AUTHENTICATED');
      return toMe(user);
    },

    /** Changing one's password ends every other session of that user. */
    async changePassword(scope: Scope, currentPassword: string, newPassword: string, currentToken?: string) {
      if (scope.kind !== 'staff' && scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      const user = await repo.findUserById(scope, scope.userId);
      if (!user) throw new AppError('NOT_AUTHENTICATED');
      if (!(await passwords.verify(user.passwordHash, currentPassword))) {
        throw new AppError('PASSWORD_WRONG', {}, [{ path: 'currentPassword', key: 'PASSWORD_WRONG' }]);
      }
      await checkPasswordStrength(newPassword, { login: user.login, displayName: user.displayName }, 'newPassword');
      const passwordHash = await passwords.hash(newPassword);
      await repo.db.transaction(async (tx) => {
        await repo.updateUser(tx, user.id, { passwordHash, passwordChangedAt: clock.now() });
        await repo.deleteSessionsOfUser(tx, user.id, currentToken ? sessionId(currentToken) : undefined);
        await audit.record(tx, scope, {
          action: 'password.change',
          entity: 'user',
          entityId: user.id,
          customerId: user.customerId,
        });
      });
      sessions.forgetUser(user.id);
    },

    /** Where I am signed in: device, address, last seen; `current` marks this request's session. */
    async sessions(scope: Scope, currentToken?: string) {
      if (scope.kind !== 'staff' && scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      const current = currentToken ? sessionId(currentToken) : null;
      const now = clock.now();
      return (await deps.accounts.sessionsOfUser(scope.userId))
        .filter((row) => !expired(row, now))
        .map((row) => ({
          id: sessionHandle(row.id),
          current: row.id === current,
          ip: row.ip,
          userAgent: row.userAgent,
          createdAt: row.createdAt,
          lastSeenAt: row.lastSeenAt,
        }));
    },

    /** Ends one of my sessions (this one too, if I name it). */
    async endSession(scope: Scope, handle: string): Promise<void> {
      if (scope.kind !== 'staff' && scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      const row = (await deps.accounts.sessionsOfUser(scope.userId)).find((r) => sessionHandle(r.id) === handle);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'session' });
      await repo.db.transaction(async (tx) => {
        await deps.accounts.deleteSession(tx, scope.userId, row.id);
        await audit.record(tx, scope, { action: 'session.end', entity: 'user', entityId: scope.userId, customerId: scope.kind === 'customer' ? scope.customerId : null, after: { ip: row.ip } });
      });
      sessions.forgetSession(row.id);
    },

    /** Ends every session of the user but `exceptToken`'s (after a change of factors). */
    async endOtherSessions(tx: Executor, userId: string, exceptToken?: string) {
      await repo.deleteSessionsOfUser(tx, userId, exceptToken ? sessionId(exceptToken) : undefined);
    },

    async setLocale(scope: Scope, locale: Locale) {
      if (scope.kind !== 'staff' && scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      await repo.db.transaction(async (tx) => {
        await repo.updateUser(tx, scope.userId, { locale });
      });
      sessions.forgetUser(scope.userId);
    },

    /** Hourly: sessions past their expiry, and sign-in counters past their quiet spell (keeps the table bounded). */
    async purgeExpiredSessions(): Promise<number> {
      const now = clock.now();
      await repo.purgeExpiredThrottle(now);
      return repo.purgeExpiredSessions(now);
    },
  };
}

export type AuthService = ReturnType<typeof makeAuthService>;
