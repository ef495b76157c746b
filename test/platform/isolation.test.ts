/**
 * The tenant-isolation walk: every operation of the OpenAPI document, called as customer A's
 * owner with customer B's ids, must answer 403/404, and a list a customer may call must not
 * contain anything of B's. Every operation must have an entry in CASES, so a new route cannot
 * ship without joining the walk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type ApiClient, type TestApp } from '../harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../harness/factories.js';

export interface TenantB {
  customerId: string;
  customerName: string;
  userId: string;
  tokenId: string;
  /** strings that must never appear in a response to customer A */
  secrets: string[];
}

interface Case {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** a list customer A may call: 2xx allowed, but nothing of B's in it */
  listForA?: boolean;
  /** staff-only or public operations: A gets 2xx on its own data or 401/403, never B's data */
  ownOnly?: boolean;
}

const CASES: Record<string, (b: TenantB) => Case> = {
  'POST /api/v1/auth/login': () => ({ body: { login: 'nobody', password: 'x' }, ownOnly: true }),
  'POST /api/v1/auth/logout': () => ({ ownOnly: true }),
  'GET /api/v1/auth/me': () => ({ ownOnly: true }),
  'POST /api/v1/auth/password': () => ({ body: { currentPassword: 'wrong-one', newPassword: 'whatever-long' }, ownOnly: true }),
  'PUT /api/v1/auth/locale': () => ({ body: { locale: 'en' }, ownOnly: true }),
  'GET /api/v1/users': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/users': (b) => ({
    body: { login: 'intruder', displayName: 'x', kind: 'customer', roles: ['owner'], customerId: b.customerId, password: 'long-enough-pw' },
  }),
  'POST /api/v1/users/{id}/disable': (b) => ({ params: { id: b.userId } }),
  'POST /api/v1/users/{id}/enable': (b) => ({ params: { id: b.userId } }),
  'POST /api/v1/users/{id}/reset-password': (b) => ({ params: { id: b.userId } }),
  'GET /api/v1/tokens': () => ({}),
  'POST /api/v1/tokens': () => ({ body: { name: 'x', scopes: ['read'] } }),
  'DELETE /api/v1/tokens/{id}': (b) => ({ params: { id: b.tokenId } }),
  'GET /api/v1/customers': () => ({ listForA: true }),
  'GET /api/v1/customers/{id}': (b) => ({ params: { id: b.customerId } }),
  'GET /api/v1/audit': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'GET /api/v1/audit/verify': () => ({}),
  'GET /api/health': () => ({ ownOnly: true }),
  'GET /api/v1/calendar/coverage': () => ({ ownOnly: true }),
  'POST /api/v1/calendar/years': () => ({ body: { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] } }),
  'GET /api/v1/calendar/deadline': () => ({ query: { from: '2026-09-30', workingDays: '2' }, ownOnly: true }),
};

let t: TestApp;
let asA: ApiClient;
let b: TenantB;
let operations: { method: string; path: string }[];

beforeAll(async () => {
  t = await makeTestApp();
  await makeStaff(t.services, 'walk-admin', ['admin']);
  const customerA = await makeCustomer(t.services, { name: '甲公司A' });
  const customerB = await makeCustomer(t.services, { name: '乙客户B秘密名称' });
  await makeCustomerUser(t.services, 'a-owner', customerA.id);
  const bUser = await makeCustomerUser(t.services, 'b-owner', customerB.id);
  const admin = await t.login('walk-admin');
  const token = (await admin.post('/api/v1/tokens', { name: 'b-walk', scopes: ['read'] })).json();
  // B's own activity, so B has audit rows of its own
  await (await t.login('b-owner')).put('/api/v1/auth/locale', { locale: 'en' });
  b = {
    customerId: customerB.id,
    customerName: customerB.name,
    userId: bUser.id,
    tokenId: token.item.id,
    secrets: [customerB.id, customerB.name, bUser.id, 'b-owner'],
  };
  asA = await t.login('a-owner');
  const doc = (await t.anonymous().get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(() => t.close());

describe('tenant isolation walk', () => {
  it('covers every operation of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(10);
    const missing = operations.map((o) => `${o.method} ${o.path}`).filter((k) => !CASES[k]);
    expect(missing, 'add these operations to CASES in test/platform/isolation.test.ts').toEqual([]);
  });

  it("never lets customer A read or change customer B's data", async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const key = `${op.method} ${op.path}`;
      const c = CASES[key]?.(b);
      if (!c) continue;
      let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = c.params?.[name];
        if (!value) failures.push(`${key}: no value for {${name}}`);
        return value ?? 'missing';
      });
      if (c.query) url += `?${new URLSearchParams(c.query)}`;
      // a fresh session per operation: the walk includes logout
      asA = await t.login('a-owner');
      const res = await asA.request(op.method as never, url, c.body ?? (op.method === 'GET' || op.method === 'DELETE' ? undefined : {}));
      const leaked = b.secrets.filter((s) => res.body.includes(s));
      if (leaked.length) failures.push(`${key}: leaked ${leaked.join(', ')} (status ${res.statusCode})`);
      if (c.listForA || c.ownOnly) continue;
      if (![403, 404].includes(res.statusCode)) failures.push(`${key}: expected 403/404, got ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  it("leaves B's data unchanged", async () => {
    const bOwner = await t.login('b-owner');
    expect((await bOwner.get('/api/v1/auth/me')).json().customerId).toBe(b.customerId);
    const rows = await t.database.raw.query<{ disabled_at: Date | null }>('SELECT disabled_at FROM users WHERE id = $1', [b.userId]);
    expect(rows[0].disabled_at).toBeNull();
  });
});
