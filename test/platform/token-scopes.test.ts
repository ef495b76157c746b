/**
 * The token scope matrix (src/core/token-scopes.ts) is one table for server and web (issue 24 §3):
 * every write it opens is a real operation, the database's scope list is the matrix's, and who may
 * hold a scope follows the permission table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_SCOPE_MATRIX, TOKEN_SCOPE_NAMES, holdsTokenScope, scopeForOperation, type TokenScopeEntry, type TokenScopeName } from '../../src/core/token-scopes.js';
import { TOKEN_SCOPES } from '../../src/modules/auth/auth.schema.js';
import { makeTestApp, type TestApp } from '../harness/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t?.close());

describe('the token scope matrix', () => {
  it('lists exactly the scopes a token can be stored with', () => {
    expect([...TOKEN_SCOPE_NAMES].sort()).toEqual([...TOKEN_SCOPES].sort());
  });

  it('opens only operations the API has, each by one scope, and never a GET', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const operations = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));
    const seen = new Set<string>();
    for (const name of TOKEN_SCOPE_NAMES) {
      for (const op of (TOKEN_SCOPE_MATRIX[name] as TokenScopeEntry).operations) {
        expect(operations, `${name}: ${op}`).toContain(op);
        expect(op.startsWith('GET ')).toBe(false);
        expect(seen.has(op), `${op} is opened by two scopes`).toBe(false);
        seen.add(op);
        const [method, route] = op.split(' ');
        expect(scopeForOperation(method, route)).toBe(name);
      }
    }
    expect(scopeForOperation('POST', '/api/v1/tickets/:id/assign')).toBeUndefined();
  });

  it.each<[string, { kind: 'staff' | 'customer'; roles: string[] }, TokenScopeName[]]>([
    ['an admin holds every scope', { kind: 'staff', roles: ['admin'] }, ['read', 'tickets:write', 'dns:write', 'metrics:read', 'alerts:write']],
    ['NOC: read, tickets and DNS', { kind: 'staff', roles: ['noc'] }, ['read', 'tickets:write', 'dns:write']],
    ['finance: read only', { kind: 'staff', roles: ['finance'] }, ['read']],
    ["a customer's owner: read, tickets, DNS — never the machine scopes", { kind: 'customer', roles: ['owner'] }, ['read', 'tickets:write', 'dns:write']],
    ['a technical contact: read, tickets, DNS', { kind: 'customer', roles: ['technical'] }, ['read', 'tickets:write', 'dns:write']],
    ['a billing contact: read and tickets', { kind: 'customer', roles: ['billing'] }, ['read', 'tickets:write']],
  ])('%s', (_, actor, held) => {
    expect(TOKEN_SCOPE_NAMES.filter((s) => holdsTokenScope(actor, s)).sort()).toEqual([...held].sort());
  });
});
