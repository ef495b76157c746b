import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { t, type Locale } from '../../core/i18n/index.js';
import type { IdGenerator } from '../../core/ids.js';
import { CUSTOMER_ROLES, requirePermission, requireReader, systemScope, type CustomerRole, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { formatShanghaiMinute } from '../../rules/dates.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AccountMail } from './account-mail.js';
import type { AccountsRepository, InvitationRow } from './accounts.repository.js';
import type { AuthRepository, UserRow } from './auth.repository.js';
import { sha256 } from './auth.service.js';
import { checkPasswordStrength } from './password-strength.js';
import type { PasswordHasher } from './passwords.js';
import type { SessionCache } from './session-cache.js';
import { publicUser } from './users.service.js';

/** An invitation link works once, within this many days. */
export const INVITATION_DAYS = 7;

const isCustomerRole = (role: string): role is CustomerRole => (CUSTOMER_ROLES as readonly string[]).includes(role);

export function publicInvitation(row: InvitationRow) {
  const { tokenHash: _hash, ...rest } = row;
  return rest;
}

/**
 * A customer's users managed by the customer (issue 24 §2): its owner invites people by e-mail (a
 * single-use link that expires), assigns the customer roles, disables and re-enables them; at least
 * one enabled owner always remains (every user of the customer is locked while a change is checked).
 * Each change is audited under the customer, so staff see it in the audit log and on the team list.
 */
export function makeTeamService(deps: {
  repo: AuthRepository;
  accounts: AccountsRepository;
  customers: { get(scope: Scope, id: string, tx?: Executor): Promise<{ id: string; name: string }> };
  roster: { peopleNow(tx: Executor, customerId: string): Promise<{ memberId: string; name: string; email: string | null }[]> };
  mail: AccountMail;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  ids: IdGenerator;
  passwords: PasswordHasher;
  sessions: Pick<SessionCache, 'forgetUser'>;
  publicUrl: string;
}) {
  const { repo, accounts, audit, clock, ids } = deps;

  /** The customer is the caller's own (a customer user) or any (staff); a foreign id answers 404. */
  async function ownCustomer(scope: Scope, customerId: string) {
    if (scope.kind === 'customer' && scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
    return deps.customers.get(scope, customerId);
  }

  function checkRoles(roles: string[]): CustomerRole[] {
    const fields: FieldError[] = [];
    roles.forEach((role, i) => {
      if (!isCustomerRole(role)) fields.push({ path: `roles.${i}`, key: 'account.field.rolesCustomer', params: { role } });
    });
    if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
    return [...new Set(roles.filter(isCustomerRole))];
  }

  const enabledOwners = (users: UserRow[]) => users.filter((u) => u.disabledAt === null && u.roles.includes('owner')).length;

  /**
   * Changes one user of the customer with every user of the customer locked, so two owners demoting
   * each other at once cannot both succeed: the second sees the first's change and is refused.
   */
  async function changeMember(scope: Scope, customerId: string, userId: string, change: (u: UserRow) => Partial<UserRow>, action: string) {
    await ownCustomer(scope, customerId);
    requirePermission(scope, 'team.manage');
    const after = await repo.db.transaction(async (tx) => {
      const users = await accounts.lockCustomerUsers(tx, customerId);
      const before = users.find((u) => u.id === userId);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'user' });
      const patch = change(before);
      const next = users.map((u) => (u.id === userId ? { ...u, ...patch } : u));
      if (enabledOwners(users) > 0 && enabledOwners(next) === 0) throw new AppError('LAST_OWNER');
      const row = await repo.updateUser(tx, userId, patch);
      if (row.disabledAt) await repo.deleteSessionsOfUser(tx, userId);
      await audit.record(tx, scope, {
        action,
        entity: 'user',
        entityId: userId,
        customerId,
        before: { roles: before.roles, disabled: before.disabledAt !== null },
        after: { roles: row.roles, disabled: row.disabledAt !== null },
      });
      return row;
    });
    deps.sessions.forgetUser(userId);
    return publicUser(after);
  }

  return {
    /** The customer's users (each linked to its roster person by e-mail, 5.10) and open invitations. */
    async team(scope: Scope, customerId: string) {
      requireReader(scope);
      const customer = await ownCustomer(scope, customerId);
      if (scope.kind === 'customer') requirePermission(scope, 'team.manage');
      const [users, invitations, people] = await Promise.all([
        accounts.customerUsers(scope, customerId),
        accounts.invitations(scope, customerId),
        deps.roster.peopleNow(repo.db, customerId),
      ]);
      const personOf = (email: string | null) => (email ? people.find((p) => p.email?.toLowerCase() === email.toLowerCase()) : undefined);
      const now = clock.now();
      return {
        customerName: customer.name,
        require2fa: await accounts.requires2fa(customerId),
        users: await Promise.all(
          users.map(async (u) => {
            const person = personOf(u.email);
            const [totp, passkeys] = await Promise.all([accounts.totpOf(u.id), accounts.credentialsOf(u.id)]);
            return { ...publicUser(u, customer.name), rosterMemberId: person?.memberId ?? null, rosterName: person?.name ?? null, secondFactor: Boolean(totp?.confirmedAt) || passkeys.length > 0 };
          }),
        ),
        invitations: invitations.map((i) => ({ ...publicInvitation(i), status: invitationStatus(i, now) })),
      };
    },

    /** Invites a person by e-mail; the link goes to them only (the outbox), never back to the owner. */
    async invite(scope: Scope, customerId: string, input: { email: string; displayName: string; roles: string[]; locale?: Locale }) {
      const customer = await ownCustomer(scope, customerId);
      requirePermission(scope, 'team.manage');
      if (scope.kind !== 'staff' && scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      const roles = checkRoles(input.roles);
      const now = clock.now();
      const token = randomBytes(32).toString('base64url');
      const row: InvitationRow = {
        id: ids.uuid(),
        customerId,
        email: input.email.trim(),
        displayName: input.displayName.trim(),
        roles,
        locale: input.locale ?? 'zh-CN',
        tokenHash: sha256(token),
        invitedBy: scope.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000),
        acceptedAt: null,
        acceptedUserId: null,
        revokedAt: null,
      };
      await repo.db.transaction(async (tx) => {
        await accounts.insertInvitation(tx, row);
        await deps.mail.queue(tx, {
          kind: 'invitation',
          to: row.email,
          locale: row.locale,
          customerId,
          at: now,
          params: {
            name: row.displayName,
            inviter: scope.login,
            customer: customer.name,
            roles: roles.map((r) => t(row.locale, `account.role.${r}`)).join(row.locale === 'en' ? ', ' : '、'),
            expires: formatShanghaiMinute(row.expiresAt),
            link: `${deps.publicUrl.replace(/\/$/, '')}/invite/${token}`,
          },
        });
        await audit.record(tx, scope, { action: 'invitation.create', entity: 'customer_invitation', entityId: row.id, customerId, after: publicInvitation(row) });
      });
      return { ...publicInvitation(row), status: 'open' as const };
    },

    async revokeInvitation(scope: Scope, customerId: string, id: string) {
      await ownCustomer(scope, customerId);
      requirePermission(scope, 'team.manage');
      const row = await accounts.invitation(scope, id);
      if (!row || row.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer_invitation' });
      if (row.acceptedAt || row.revokedAt) throw new AppError('INVITATION_USED');
      await repo.db.transaction(async (tx) => {
        const after = await accounts.updateInvitation(tx, id, { revokedAt: clock.now() });
        await audit.record(tx, scope, { action: 'invitation.revoke', entity: 'customer_invitation', entityId: id, customerId, before: publicInvitation(row), after: publicInvitation(after) });
      });
    },

    /** What an invitation link offers, for the acceptance page (public: the link is the secret). */
    async preview(token: string) {
      const row = await usable(token);
      const customer = await deps.customers.get(systemScope('invitation.preview'), row.customerId);
      return { customerName: customer.name, email: row.email, displayName: row.displayName, roles: row.roles, expiresAt: row.expiresAt, locale: row.locale };
    },

    /** Accepting: the invitee chooses a login and password; the user gets exactly the invited roles. Single use. */
    async accept(input: { token: string; login: string; password: string }) {
      const login = input.login.trim().toLowerCase();
      const first = await usable(input.token);
      await checkPasswordStrength(input.password, { login, displayName: first.displayName });
      if (await repo.findUserByLogin(login)) throw new AppError('LOGIN_TAKEN', { login }, [{ path: 'login', key: 'LOGIN_TAKEN', params: { login } }]);
      const passwordHash = await deps.passwords.hash(input.password);
      const now = clock.now();
      const user = await repo.db.transaction(async (tx) => {
        const row = await accounts.invitationByHash(sha256(input.token), tx, true);
        // the row was usable a moment ago; a second acceptance racing this one waits on the lock and lands here
        if (!row || row.acceptedAt || row.revokedAt) throw new AppError('INVITATION_USED');
        if (row.expiresAt <= now) throw new AppError('INVITATION_EXPIRED');
        const created: UserRow = {
          id: ids.uuid(),
          login,
          displayName: row.displayName,
          email: row.email,
          kind: 'customer',
          roles: row.roles,
          customerId: row.customerId,
          passwordHash,
          locale: row.locale,
          disabledAt: null,
          lastLoginAt: null,
          passwordChangedAt: now,
          createdAt: now,
        };
        await repo.insertUser(tx, created);
        await accounts.updateInvitation(tx, row.id, { acceptedAt: now, acceptedUserId: created.id });
        await audit.record(tx, systemScope(`invitation:${row.id}`), { action: 'invitation.accept', entity: 'user', entityId: created.id, customerId: row.customerId, after: publicUser(created) });
        return created;
      });
      return publicUser(user);
    },

    setRoles: (scope: Scope, customerId: string, userId: string, roles: string[]) => {
      const wanted = checkRoles(roles);
      if (wanted.length === 0) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'roles', key: 'field.required' }]);
      return changeMember(scope, customerId, userId, () => ({ roles: wanted }), 'user.setRoles');
    },
    disable: (scope: Scope, customerId: string, userId: string) => changeMember(scope, customerId, userId, (u) => ({ disabledAt: u.disabledAt ?? clock.now() }), 'user.disable'),
    enable: (scope: Scope, customerId: string, userId: string) => changeMember(scope, customerId, userId, () => ({ disabledAt: null }), 'user.enable'),
  };

  async function usable(token: string): Promise<InvitationRow> {
    const row = await accounts.invitationByHash(sha256(token));
    if (!row || row.acceptedAt || row.revokedAt) throw new AppError('INVITATION_USED');
    if (row.expiresAt <= clock.now()) throw new AppError('INVITATION_EXPIRED');
    return row;
  }
}

function invitationStatus(row: InvitationRow, now: Date): 'open' | 'accepted' | 'revoked' | 'expired' {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'open';
}

export type TeamService = ReturnType<typeof makeTeamService>;
