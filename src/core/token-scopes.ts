/**
 * The API token scope matrix (issue 24 §3): one table, read by the tokens service (who may create a
 * token with a scope), the HTTP shell (which writes a scope lets a token make, as its user) and the
 * web (which scopes the token form offers). Pure data — no I/O — so the web imports it as it
 * imports permissions.ts. test/platform/token-scopes.test.ts checks each entry against the routes
 * and permissions.
 *
 * `read` lets a token GET what its user may read. A write scope lets the token call the listed
 * operations as its user — the user's roles still decide (the service's requirePermission), so a
 * token never does more than the person it reads as. `holders` says who may hold (and so create a
 * token with) the scope: staff or customer users, and through which permission of permissions.ts.
 */
import { can, type Action, type Actor } from './permissions.js';

export interface TokenScopeEntry {
  /** who may create a token with the scope */
  readonly holders: { readonly staff: boolean; readonly customer: boolean };
  /** the permission its holder needs (none: any user of the allowed kinds) */
  readonly permission?: Action;
  /** the writes the scope opens, as `METHOD /api/v1/route` with Fastify's `:param` */
  readonly operations: readonly string[];
}

export const TOKEN_SCOPE_MATRIX = {
  read: { holders: { staff: true, customer: true }, operations: [] },
  'tickets:write': {
    holders: { staff: true, customer: true },
    permission: 'ticket.open',
    operations: ['POST /api/v1/tickets', 'POST /api/v1/tickets/:id/comments', 'POST /api/v1/tickets/:id/status'],
  },
  'dns:write': {
    holders: { staff: true, customer: true },
    permission: 'dns.edit',
    operations: ['POST /api/v1/dns/zones/:id/records', 'DELETE /api/v1/dns/records/:id'],
  },
  'metrics:read': { holders: { staff: true, customer: false }, permission: 'token.manage', operations: [] },
  'alerts:write': { holders: { staff: true, customer: false }, permission: 'token.manage', operations: [] },
} as const satisfies Record<string, TokenScopeEntry>;

export type TokenScopeName = keyof typeof TOKEN_SCOPE_MATRIX;
export const TOKEN_SCOPE_NAMES = Object.keys(TOKEN_SCOPE_MATRIX) as TokenScopeName[];

/** May this user hold (create a token with) the scope? */
export function holdsTokenScope(actor: Actor | null | undefined, scope: TokenScopeName): boolean {
  if (!actor) return false;
  const entry: TokenScopeEntry = TOKEN_SCOPE_MATRIX[scope];
  if (actor.kind === 'staff' ? !entry.holders.staff : !entry.holders.customer) return false;
  return entry.permission ? can(actor, entry.permission) : true;
}

/** The write scope that opens `METHOD /api/v1/route` (the route as Fastify names it), if any. */
export function scopeForOperation(method: string, route: string): TokenScopeName | undefined {
  const op = `${method.toUpperCase()} ${route}`;
  return TOKEN_SCOPE_NAMES.find((name) => (TOKEN_SCOPE_MATRIX[name] as TokenScopeEntry).operations.includes(op));
}
