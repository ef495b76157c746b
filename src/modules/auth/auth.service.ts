import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Locale } from '../../core/i18n/index.js';
import { AppError } from '../../core/errors.js';
import type { CustomerRole, Scope, StaffRole } from '../../core/scope.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthRepository, SessionRow, UserRow } from './auth.repository.js';
import type { PasswordHasher } from './passwords.js';
import type { SessionCache } from './session-cache.js';
import { checkPasswordStrength } from './password-strength.js';
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

export interface Me {
  id: string;
  login: string;
  displayName: string;
  kind: 'staff' | 'customer';
  roles: (StaffRole | CustomerRole)[];
  customerId: string | null;
  customerName: string | null;
  locale: Locale;
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

export function makeAuthService(deps: {
  repo: AuthRepository;
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
  // Verifying against a real hash when the login is unknown keeps both answers equally slow.
  const dummyHash = passwords.hash(randomToken());

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
    return {
      id: user.id,
      login: user.login,
      displayName: user.displayName,
      kind: user.kind,
      roles: user.roles,
      customerId: user.customerId,
      customerName: user.customerId ? await repo.customerName(user.customerId) : null,
      locale: user.locale,
    };
  }

  return {
    toMe,

    /**
     * The same INVALID_CREDENTIALS for an unknown login, a wrong password and a disabled user;
     * failures are counted per login string (known or not) and client address, so a wait reveals
     * nothing either. The attempt is counted before the password is checked and handed back on success.
     */
    async login(input: { login: string; password: string; ip?: string; userAgent?: string; requestId?: string }) {
      const now = clock.now();
      const loginKey = loginKeyOf(input.login);
      const keys = throttleKeys(loginKey, input.ip);
      await reserveAttempt(keys, now);
      const user = await repo.findUserByLogin(loginKey);
      const ok = await passwords.verify(user?.passwordHash ?? (await dummyHash), input.password);
      if (!user || !ok || user.disabledAt) throw new AppError('INVALID_CREDENTIALS');
      const token = randomToken();
      const csrfToken = randomToken(24);
      const scope = scopeOfUser(user, input.requestId);
      await repo.db.transaction(async (tx) => {
        await repo.releaseAttempt(tx, keys);
        await repo.insertSession(tx, {
          id: sessionId(token),
          userId: user.id,
          csrfToken,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + SESSION.idleHours * HOUR),
          ip: input.ip ?? null,
          userAgent: input.userAgent?.slice(0, 300) ?? null,
        });
        await repo.updateUser(tx, user.id, { lastLoginAt: now });
        await audit.record(tx, scope, {
          action: 'login',
          entity: 'user',
          entityId: user.id,
          customerId: user.customerId,
          after: { ip: input.ip ?? null },
        });
      });
      return { token, csrfToken, user: await toMe(user) };
    },

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
