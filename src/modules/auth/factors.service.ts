import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, systemScope, type Scope } from '../../core/scope.js';
import { formatShanghaiMinute } from '../../rules/dates.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AccountMail } from './account-mail.js';
import type { AccountsRepository } from './accounts.repository.js';
import type { AuthRepository, UserRow } from './auth.repository.js';
import type { AuthService } from './auth.service.js';
import type { PasswordHasher } from './passwords.js';
import type { SessionCache } from './session-cache.js';
import { newRecoveryCodes, newTotpSecret, totpStep, totpUri } from './totp.js';

/** The issuer an authenticator app shows beside the account. */
const ISSUER = 'rackpact';

/**
 * A user's own second factors (issue 24 §1): TOTP enrolment with a QR code, recovery codes, and the
 * resets an admin (staff) or a customer's owner (its users) makes when a device is lost.
 */
export function makeFactorsService(deps: {
  repo: AuthRepository;
  accounts: AccountsRepository;
  auth: Pick<AuthService, 'factorsOf' | 'factorRequired' | 'endOtherSessions'>;
  mail: AccountMail;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  ids: IdGenerator;
  passwords: PasswordHasher;
  sessions: Pick<SessionCache, 'forgetUser'>;
}) {
  const { repo, accounts, audit, clock, ids, passwords } = deps;

  function self(scope: Scope): Extract<Scope, { kind: 'staff' | 'customer' }> {
    if (scope.kind !== 'staff' && scope.kind !== 'customer') throw new AppError('FORBIDDEN');
    return scope;
  }
  const customerOf = (scope: Scope) => (scope.kind === 'customer' ? scope.customerId : null);

  async function freshRecoveryCodes(userId: string, now: Date) {
    const codes = newRecoveryCodes();
    const rows = await Promise.all(codes.map(async (code) => ({ id: ids.uuid(), userId, codeHash: await passwords.hash(code), usedAt: null, createdAt: now })));
    return { codes, rows };
  }

  return {
    async status(scope: Scope) {
      const me = self(scope);
      const [totp, codes, passkeys] = await Promise.all([accounts.totpOf(me.userId), accounts.unusedRecoveryCodes(me.userId), accounts.credentialsOf(me.userId)]);
      const user = await repo.findUserById(me, me.userId);
      return {
        totp: Boolean(totp?.confirmedAt),
        recoveryCodesLeft: codes.length,
        passkeys: passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt })),
        required: user ? await deps.auth.factorRequired(user) : false,
      };
    },

    /** Starts (or restarts) an enrolment: a new secret, shown as a QR code and as text, unconfirmed until a code from it is given. */
    async beginTotp(scope: Scope) {
      const me = self(scope);
      const secret = newTotpSecret();
      const started = await repo.db.transaction((tx) => accounts.startTotp(tx, { userId: me.userId, secret, confirmedAt: null, lastStep: null, createdAt: clock.now() }));
      if (!started) throw new AppError('TOTP_ALREADY_ENROLLED');
      const uri = totpUri(secret, ISSUER, me.login);
      return { secret, uri, qrDataUri: await (await import('qrcode')).default.toDataURL(uri, { margin: 1, width: 220 }) };
    },

    /**
     * Confirms the enrolment with a code from the app and hands out ten recovery codes (shown once,
     * stored hashed). Other sessions end: the account's sign-in just changed.
     */
    async confirmTotp(scope: Scope, code: string, currentToken?: string) {
      const me = self(scope);
      const now = clock.now();
      const totp = await accounts.totpOf(me.userId);
      if (!totp || totp.confirmedAt) throw new AppError(totp ? 'TOTP_ALREADY_ENROLLED' : 'NOT_FOUND', { entity: 'totp' });
      const step = totpStep(totp.secret, code, now);
      if (step === null) throw new AppError('TOTP_WRONG', {}, [{ path: 'code', key: 'TOTP_WRONG' }]);
      const { codes, rows } = await freshRecoveryCodes(me.userId, now);
      await repo.db.transaction(async (tx) => {
        if (!(await accounts.consumeTotpStep(tx, me.userId, step, now))) throw new AppError('TOTP_REPLAYED', {}, [{ path: 'code', key: 'TOTP_REPLAYED' }]);
        await accounts.replaceRecoveryCodes(tx, me.userId, rows);
        await accounts.clearEnrolmentDue(tx, me.userId);
        await deps.auth.endOtherSessions(tx, me.userId, currentToken);
        await audit.record(tx, me, { action: 'totp.enrol', entity: 'user', entityId: me.userId, customerId: customerOf(me) });
      });
      deps.sessions.forgetUser(me.userId);
      return { recoveryCodes: codes };
    },

    /** Ten new recovery codes in place of the old ones; needs a current TOTP code. */
    async regenerateRecoveryCodes(scope: Scope, code: string) {
      const me = self(scope);
      const now = clock.now();
      const totp = await accounts.totpOf(me.userId);
      const step = totp?.confirmedAt ? totpStep(totp.secret, code, now) : null;
      if (step === null) throw new AppError('TOTP_WRONG', {}, [{ path: 'code', key: 'TOTP_WRONG' }]);
      const { codes, rows } = await freshRecoveryCodes(me.userId, now);
      await repo.db.transaction(async (tx) => {
        if (!(await accounts.consumeTotpStep(tx, me.userId, step))) throw new AppError('TOTP_REPLAYED', {}, [{ path: 'code', key: 'TOTP_REPLAYED' }]);
        await accounts.replaceRecoveryCodes(tx, me.userId, rows);
        await audit.record(tx, me, { action: 'recoveryCodes.regenerate', entity: 'user', entityId: me.userId, customerId: customerOf(me) });
      });
      return { recoveryCodes: codes };
    },

    /**
     * A lost device: an admin resets a staff member's factors (any user's), a customer's owner those
     * of its own users. Every session of the user ends; audited; the user is told by e-mail.
     */
    async reset(scope: Scope, userId: string) {
      const target = await repo.findUserById(scope, userId);
      if (!target) throw new AppError('NOT_FOUND', { entity: 'user' });
      requirePermission(scope, target.kind === 'staff' ? 'user.manage' : 'account.resetFactors');
      const now = clock.now();
      await repo.db.transaction(async (tx) => {
        await accounts.deleteFactors(tx, userId);
        await repo.deleteSessionsOfUser(tx, userId);
        await audit.record(tx, scope, { action: 'user.resetFactors', entity: 'user', entityId: userId, customerId: target.customerId });
        if (target.email) {
          await deps.mail.queue(tx, {
            kind: 'factor_reset',
            to: target.email,
            locale: target.locale,
            userId,
            customerId: target.customerId,
            at: now,
            params: { name: target.displayName, login: target.login, at: formatShanghaiMinute(now), by: byline(scope) },
          });
        }
      });
      deps.sessions.forgetUser(userId);
    },

    /** The customer's owner requires a second factor of every user of the customer (or lifts it). */
    async setPolicy(scope: Scope, customerId: string, require2fa: boolean) {
      if (scope.kind === 'customer' && scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
      requirePermission(scope, 'account.setPolicy');
      if (scope.kind !== 'staff' && scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      const before = await accounts.requires2fa(customerId);
      await repo.db.transaction(async (tx) => {
        await accounts.setPolicy(tx, { customerId, require2fa, changedBy: scope.userId, changedAt: clock.now() });
        await audit.record(tx, scope, { action: 'customer.require2fa', entity: 'customer', entityId: customerId, customerId, before: { require2fa: before }, after: { require2fa } });
      });
      return { require2fa };
    },

    policy: async (scope: Scope, customerId: string) => {
      if (scope.kind === 'customer' && scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
      if (scope.kind === 'token') throw new AppError('FORBIDDEN');
      return { require2fa: await accounts.requires2fa(customerId) };
    },

    /** For other parts of the module: a user by id, unscoped. */
    userById: (id: string): Promise<UserRow | undefined> => repo.findUserById(systemScope('factors'), id),
  };
}

function byline(scope: Scope): string {
  return scope.kind === 'staff' || scope.kind === 'customer' ? scope.login : scope.kind === 'system' ? scope.reason : scope.name;
}

export type FactorsService = ReturnType<typeof makeFactorsService>;
