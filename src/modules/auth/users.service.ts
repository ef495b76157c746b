import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Locale } from '../../core/i18n/index.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { CUSTOMER_ROLES, STAFF_ROLES, requirePermission, requireStaff, systemScope, type CustomerRole, type Scope, type StaffRole } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthRepository, UserFilter, UserRow } from './auth.repository.js';
import { checkPasswordStrength } from './password-strength.js';
import type { PasswordHasher } from './passwords.js';
import type { SessionCache } from './session-cache.js';

export interface NewUser {
  login: string;
  displayName: string;
  email?: string | null;
  kind: 'staff' | 'customer';
  /** checked against the kind by create() */
  roles: string[];
  customerId?: string | null;
  password: string;
  locale?: Locale;
}

const USER_ROLES: readonly string[] = [...STAFF_ROLES, ...CUSTOMER_ROLES];
/** After validate() every role is one the kind allows; this guard only tells the type system so. */
const isUserRole = (role: string): role is StaffRole | CustomerRole => USER_ROLES.includes(role);

/** What leaves the service: never the password hash. */
export function publicUser(user: UserRow, customerName: string | null = null) {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    email: user.email,
    kind: user.kind,
    roles: user.roles,
    customerId: user.customerId,
    customerName,
    disabled: user.disabledAt !== null,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}
export type PublicUser = ReturnType<typeof publicUser>;

export function makeUsersService(deps: {
  repo: AuthRepository;
  audit: Pick<AuditService, 'record'>;
  customers: { exists(scope: Scope, id: string): Promise<boolean> };
  clock: Clock;
  ids: IdGenerator;
  passwords: PasswordHasher;
  /** Resolved sessions of this process; a user is forgotten after each change committed here. */
  sessions: Pick<SessionCache, 'forgetUser'>;
}) {
  const { repo, audit, clock, ids, passwords } = deps;

  async function load(scope: Scope, id: string): Promise<UserRow> {
    const user = await repo.findUserById(scope, id);
    if (!user) throw new AppError('NOT_FOUND', { entity: 'user' });
    return user;
  }

  async function validate(scope: Scope, input: NewUser, opts: { demoSeed?: boolean }): Promise<void> {
    const fields: FieldError[] = [];
    const allowed: readonly string[] = input.kind === 'staff' ? STAFF_ROLES : CUSTOMER_ROLES;
    input.roles.forEach((role, i) => {
      if (!allowed.includes(role)) fields.push({ path: `roles.${i}`, key: 'field.rolesForKind', params: { role } });
    });
    if (input.kind === 'customer' && !input.customerId) fields.push({ path: 'customerId', key: 'field.customerRequired' });
    if (input.kind === 'staff' && input.customerId) fields.push({ path: 'customerId', key: 'field.customerNotAllowed' });
    if (input.kind === 'customer' && input.customerId && !(await deps.customers.exists(scope, input.customerId))) {
      fields.push({ path: 'customerId', key: 'field.unknownCustomer' });
    }
    if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
    // the demo seed's shared password is the one weak password allowed, and only for its own users
    if (!(opts.demoSeed && scope.kind === 'system')) await checkPasswordStrength(input.password, input);
    if (await repo.findUserByLogin(input.login)) {
      throw new AppError('LOGIN_TAKEN', { login: input.login }, [
        { path: 'login', key: 'LOGIN_TAKEN', params: { login: input.login } },
      ]);
    }
  }

  /**
   * The demo seed's users all share its one published password: hashed once and that hash reused (one salt
   * for all of them — they are known to share it), not argon2 run for each (issue 23 §1: a new data dir's start).
   */
  let demoHash: { password: string; hash: Promise<string> } | undefined;
  function hashOf(scope: Scope, password: string, opts: { demoSeed?: boolean }): Promise<string> {
    if (!(opts.demoSeed && scope.kind === 'system')) return passwords.hash(password);
    if (demoHash?.password !== password) demoHash = { password, hash: passwords.hash(password) };
    return demoHash.hash;
  }

  async function setDisabled(scope: Scope, id: string, disabled: boolean): Promise<PublicUser> {
    requirePermission(scope, 'user.manage');
    const before = await load(scope, id);
    if (disabled && scope.kind === 'staff' && before.id === scope.userId) throw new AppError('CONFLICT', { detail: 'cannot disable yourself' });
    const after = await repo.db.transaction(async (tx) => {
      const row = await repo.updateUser(tx, id, { disabledAt: disabled ? clock.now() : null });
      // a disabled user's sessions end at once
      if (disabled) await repo.deleteSessionsOfUser(tx, id);
      await audit.record(tx, scope, {
        action: disabled ? 'user.disable' : 'user.enable',
        entity: 'user',
        entityId: id,
        customerId: row.customerId,
        before: { disabled: before.disabledAt !== null },
        after: { disabled },
      });
      return row;
    });
    deps.sessions.forgetUser(id);
    return publicUser(after, after.customerId ? await repo.customerName(after.customerId) : null);
  }

  return {
    async list(scope: Scope, filter: UserFilter) {
      if (scope.kind !== 'customer') requireStaff(scope, 'auditor');
      const { items, total } = await repo.listUsers(scope, filter);
      return { items: items.map((r) => publicUser(r.user, r.customerName)), total };
    },

    async create(scope: Scope, input: NewUser, opts: { demoSeed?: boolean } = {}): Promise<PublicUser> {
      // the CLI creates the first admin with a system scope
      requirePermission(scope, 'user.manage');
      const login = input.login.trim().toLowerCase();
      const normalized = { ...input, login, customerId: input.customerId ?? null };
      await validate(scope, normalized, opts);
      const now = clock.now();
      const row: UserRow = {
        id: ids.uuid(),
        login,
        displayName: input.displayName.trim(),
        email: input.email ?? null,
        kind: input.kind,
        roles: [...new Set(input.roles.filter(isUserRole))],
        customerId: normalized.customerId,
        passwordHash: await hashOf(scope, input.password, opts),
        locale: input.locale ?? 'zh-CN',
        disabledAt: null,
        lastLoginAt: null,
        passwordChangedAt: now,
        createdAt: now,
      };
      await repo.db.transaction(async (tx) => {
        await repo.insertUser(tx, row);
        await audit.record(tx, scope, {
          action: 'user.create',
          entity: 'user',
          entityId: row.id,
          customerId: row.customerId,
          after: publicUser(row),
        });
      });
      return publicUser(row, row.customerId ? await repo.customerName(row.customerId) : null);
    },

    disable: (scope: Scope, id: string) => setDisabled(scope, id, true),
    enable: (scope: Scope, id: string) => setDisabled(scope, id, false),

    /** Sets a random temporary password, shown once to the admin, and ends the user's sessions. */
    async resetPassword(scope: Scope, id: string): Promise<{ temporaryPassword: string }> {
      requirePermission(scope, 'user.manage');
      const user = await load(scope, id);
      const temporaryPassword = randomBytes(12).toString('base64url');
      const passwordHash = await passwords.hash(temporaryPassword);
      await repo.db.transaction(async (tx) => {
        await repo.updateUser(tx, id, { passwordHash, passwordChangedAt: clock.now() });
        await repo.deleteSessionsOfUser(tx, id);
        await audit.record(tx, scope, {
          action: 'user.resetPassword',
          entity: 'user',
          entityId: id,
          customerId: user.customerId,
        });
      });
      deps.sessions.forgetUser(id);
      return { temporaryPassword };
    },

    /** For the CLI, which names users by login. */
    async idOfLogin(login: string): Promise<string> {
      const user = await repo.findUserByLogin(login.trim().toLowerCase());
      if (!user) throw new AppError('NOT_FOUND', { entity: 'user' });
      return user.id;
    },

    /** Who a user is and where to mail them, for other modules (ticket assignment and mail); no password hash. */
    async contactOf(id: string, tx?: Executor): Promise<PublicUser | null> {
      const user = await repo.findUserById(systemScope('users.contact'), id, tx);
      return user ? publicUser(user) : null;
    },

    /** Active staff who may handle customer work (an assignment picker). */
    async activeStaff(scope: Scope): Promise<PublicUser[]> {
      requireStaff(scope);
      const { items } = await repo.listUsers(scope, { kind: 'staff', page: 1, pageSize: 500 });
      return items.filter((r) => r.user.disabledAt === null).map((r) => publicUser(r.user));
    },
  };
}

export type UsersService = ReturnType<typeof makeUsersService>;
