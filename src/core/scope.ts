import { AppError } from './errors.js';
import { PERMISSIONS, type Action, type Permission } from './permissions.js';

export const STAFF_ROLES = ['admin', 'sales', 'noc', 'compliance', 'finance', 'auditor'] as const;
export const CUSTOMER_ROLES = ['owner', 'technical', 'billing'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

/**
 * Who is asking. Every repository method takes one, and the tenancy helper turns a customer
 * scope into a filter on customer_id, so no query on customer-owned data can forget it.
 */
export type Scope =
  | { kind: 'staff'; userId: string; login: string; roles: readonly StaffRole[]; requestId?: string }
  | {
      kind: 'customer';
      userId: string;
      login: string;
      customerId: string;
      roles: readonly CustomerRole[];
      requestId?: string;
    }
  | { kind: 'token'; tokenId: string; name: string; scopes: readonly string[]; requestId?: string }
  | { kind: 'system'; reason: string; requestId?: string };

export const systemScope = (reason: string): Scope => ({ kind: 'system', reason });

export function actorOf(scope: Scope): { actorId: string | null; actorLogin: string | null; actorKind: Scope['kind'] } {
  switch (scope.kind) {
    case 'staff':
    case 'customer':
      return { actorId: scope.userId, actorLogin: scope.login, actorKind: scope.kind };
    case 'token':
      return { actorId: scope.tokenId, actorLogin: scope.name, actorKind: 'token' };
    case 'system':
      return { actorId: null, actorLogin: scope.reason, actorKind: 'system' };
  }
}

/**
 * Staff with one of the roles (admins may do everything staff may do), or the system itself
 * (CLI, jobs, demo seed), which acts with the operator's authority.
 */
export function requireStaff(scope: Scope, ...roles: StaffRole[]): void {
  if (scope.kind === 'system') return;
  if (scope.kind !== 'staff') throw new AppError('FORBIDDEN');
  if (roles.length === 0) return;
  if (scope.roles.includes('admin') || roles.some((r) => scope.roles.includes(r))) return;
  throw new AppError('FORBIDDEN');
}

/**
 * The roles half of `action` by the one table (permissions.ts): staff in its roles (admins always),
 * a customer user in its customer roles, or the system. Whose data a customer acts on stays the
 * service's check, made before this one (a foreign id answers 404, not 403).
 */
export function requirePermission(scope: Scope, action: Action): void {
  const p: Permission = PERMISSIONS[action];
  if (scope.kind === 'customer') {
    if ((p.customer ?? []).some((r) => scope.roles.includes(r))) return;
    throw new AppError('FORBIDDEN');
  }
  requireStaff(scope, ...(p.staff.length ? p.staff : (['admin'] as const)));
}

/** Staff who may read (every staff role, auditors included) or a customer reading its own data. */
export function requireReader(scope: Scope): void {
  if (scope.kind === 'staff' || scope.kind === 'customer' || scope.kind === 'system') return;
  throw new AppError('FORBIDDEN');
}

export function requireTokenScope(scope: Scope, needed: string): void {
  if (scope.kind === 'system') return;
  if (scope.kind !== 'token') throw new AppError('FORBIDDEN');
  if (!scope.scopes.includes(needed)) throw new AppError('TOKEN_SCOPE_MISSING', { scope: needed });
}

export function isStaff(scope: Scope): scope is Extract<Scope, { kind: 'staff' }> {
  return scope.kind === 'staff';
}
