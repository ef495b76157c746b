import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../core/scope.js';

/**
 * The one place tenancy is enforced for reads and writes of customer-owned rows: a customer
 * scope only ever sees rows with its own customer_id; staff and system scopes see all; API
 * tokens see none unless a module grants them explicitly.
 */
export function tenantFilter(scope: Scope, customerIdColumn: PgColumn): SQL | undefined {
  // the other kinds' filters do not depend on who asks: the prepared form is theirs as well
  return scope.kind === 'customer' ? eq(customerIdColumn, scope.customerId) : preparedTenantFilter(scope.kind, customerIdColumn);
}

/**
 * tenantFilter for a statement prepared once per kind of scope and run for many: the customer's
 * id is the placeholder `tenant`, which tenantParams(scope) fills.
 */
export function preparedTenantFilter(kind: Scope['kind'], customerIdColumn: PgColumn): SQL | undefined {
  switch (kind) {
    case 'customer':
      return eq(customerIdColumn, sql.placeholder('tenant'));
    case 'staff':
    case 'system':
      return undefined;
    case 'token':
      return sql`false`;
  }
}

/** The values of preparedTenantFilter's placeholder for one scope. */
export function tenantParams(scope: Scope): { tenant?: string } {
  return scope.kind === 'customer' ? { tenant: scope.customerId } : {};
}
