import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../core/scope.js';

/**
 * The one place tenancy is enforced for reads and writes of customer-owned rows: a customer
 * scope only ever sees rows with its own customer_id; staff and system scopes see all; API
 * tokens see none unless a module grants them explicitly.
 */
export function tenantFilter(scope: Scope, customerIdColumn: PgColumn): SQL | undefined {
  switch (scope.kind) {
    case 'customer':
      return eq(customerIdColumn, scope.customerId);
    case 'staff':
    case 'system':
      return undefined;
    case 'token':
      return sql`false`;
  }
}
