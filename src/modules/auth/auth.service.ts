import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { CustomerRole, Scope, StaffRole } from '../../core/scope.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthRepository, SessionRow, UserRow } from './auth.repository.js';
import { MIN_PASSWORD_LENGTH, type PasswordHasher } from './passwords.js';
import type { SessionCache } from './session-cache.js';

/** Lockout policy: this many failures inside the window lock the login for LOCK_MINUTES. */
export const LOCKOUT = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;
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
  roles: string[];
  customerId: string | null;
  customerName: string | null;
  locale: 'zh-CN' | 'en';
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

export function checkPasswordStrength(login: string, password: string, path = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.toLowerCase() === login.toLowerCase()) {
    throw new AppError('PASSWORD_TOO_WEAK', { min: MIN_PASSWORD_LENGTH }, [
      { path, key: 'PASSWORD_TOO_WEAK', params: { min: MIN_PASSWORD_LENGTH } },
    ]);
  }
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
}) {
  const { repo, audit, clock, passwords, sessions } = deps;
  const sessionId = (token: string) => createHmac('sha256', deps.sessionSecret).update(token).digest('hex');
  // Verifying against a real hash when the login is unknown keeps both answers equally slow.
  const dummyHash = passwords.hash(randomToken());

  async function registerFailure(loginKey: string, now: Date): Promise<void> {
    const previous = await repo.getLoginFailure(loginKey);
    const windowOpen = previous && now.getTime() - previous.windowStartedAt.getTime() < LOCKOUT.windowMinutes * MINUTE;
    const failures = windowOpen ? previous.failures + 1 : 1;
    await repo.putLoginFailure({
      loginKey,
      failures,
      windowStartedAt: windowOpen ? previous.windowStartedAt : now,
      lockedUntil: failures >= LOCKOUT.maxFailures ? new Date(now.getTime() + LOCKOUT.lockMinutes * MINUTE) : null,
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
     * failures are counted per login string so a lockout reveals nothing either.
     */
    async login(input: { login: string; password: string; ip?: string; userAgent?: string; requestId?: string }) {
      const now = clock.now();
      const loginKey = input.login.trim().toLowerCase();
      const failure = await repo.getLoginFailure(loginKey);
      if (failure?.lockedUntil && failure.lockedUntil > now) {
        const minutes = Math.ceil((failure.lockedUntil.getTime() - now.getTime()) / MINUTE);
        throw new AppError('LOGIN_LOCKED', { minutes });
      }
      const user = await repo.findUserByLogin(loginKey);
      const ok = await passwords.verify(user?.passwordHash ?? (await dummyHash), input.password);
      if (!user || !ok || user.disabledAt) {
        await registerFailure(loginKey, now);
        throw new AppError('INVALID_CREDENTIALS');
      }
      await repo.clearLoginFailure(loginKey);
      const token = randomToken();
      const csrfToken = randomToken(24);
      const scope = scopeOfUser(user, input.requestId);
      await repo.db.transaction(async (tx) => {
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
      checkPasswordStrength(user.login, newPassword, 'newPassword');
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

    async setLocale(scope: Scope, locale: 'zh-CN' | 'en') {
      if (scope.kind !== 'staff' && scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      await repo.db.transaction(async (tx) => {
        await repo.updateUser(tx, scope.userId, { locale });
      });
      sessions.forgetUser(scope.userId);
    },

    purgeExpiredSessions: () => repo.purgeExpiredSessions(clock.now()),
  };
}

export type AuthService = ReturnType<typeof makeAuthService>;
