// Issue 15 (sign-in and surface): proxy trust, sign-in throttling, the atomic attempt counter,
// password strength, security headers, /metrics and the OpenAPI document, and `read` tokens.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.js';
import { systemScope } from '../../src/core/scope.js';
import { makeTestApp, TEST_PASSWORD, type TestApp } from '../harness/app.js';
import { runCli } from '../harness/cli.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../harness/factories.js';

const SYSTEM = systemScope('security-auth-test');
type Reply = Awaited<ReturnType<TestApp['http']['inject']>>;

function loginFrom(app: { http: TestApp['http'] }, address: string, login: string, password: string, headers: Record<string, string> = {}): Promise<Reply> {
  return app.http.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: address, headers, payload: { login, password } });
}

describe('proxy headers (TRUST_PROXY)', () => {
  let t: TestApp;
  let behindProxy: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    behindProxy = await makeTestApp({ env: { TRUST_PROXY: '10.0.0.0/8' } });
    for (const app of [t, behindProxy]) await makeStaff(app.services, 'proxied', ['noc']);
  });
  afterAll(async () => {
    await t.close();
    await behindProxy.close();
  });

  const sessionIps = async (app: TestApp) =>
    (await app.database.raw.query<{ ip: string }>("SELECT s.ip FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'proxied'")).map((r) => r.ip);

  it('ignores X-Forwarded-For and X-Forwarded-Proto unless the peer is a configured proxy', async () => {
    const res = await loginFrom(t, '198.51.100.20', 'proxied', TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.66', 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'rp_session')!.secure).toBeFalsy();
    expect(await sessionIps(t)).toEqual(['198.51.100.20']);
    const [audit] = await t.database.raw.query<{ after: { ip: string } }>("SELECT after FROM audit_log WHERE action = 'login' ORDER BY seq DESC LIMIT 1");
    expect(audit.after.ip).toBe('198.51.100.20');
  });

  it('takes the client address and scheme from a configured proxy, and only from it', async () => {
    const viaProxy = await loginFrom(behindProxy, '10.1.2.3', 'proxied', TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.66', 'x-forwarded-proto': 'https' });
    expect(viaProxy.statusCode).toBe(200);
    expect(viaProxy.cookies.find((c) => c.name === 'rp_session')!.secure).toBe(true);
    const direct = await loginFrom(behindProxy, '198.51.100.21', 'proxied', TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.67', 'x-forwarded-proto': 'https' });
    expect(direct.cookies.find((c) => c.name === 'rp_session')!.secure).toBeFalsy();
    expect((await sessionIps(behindProxy)).sort()).toEqual(['198.51.100.21', '203.0.113.66']);
  });

  it('parses TRUST_PROXY as addresses/CIDRs or a hop count, refusing anything else by name', () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).TRUST_PROXY).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(parseConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseConfig({ TRUST_PROXY: 'none' }).TRUST_PROXY).toBe(false);
    for (const bad of ['yes', '999.1.1.1', '10.0.0.0/33', 'true', '0', '10.0.0.1,']) {
      let refused: unknown;
      try {
        parseConfig({ TRUST_PROXY: bad });
      } catch (err) {
        refused = err;
      }
      expect(refused, bad).toMatchObject({ code: 'INVALID_INPUT', params: { name: 'TRUST_PROXY', reason: expect.stringMatching(/^TRUST_PROXY: /) } });
    }
  });
});

describe('sign-in throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ env: { LOGIN_ADDRESS_FAILURES: '12' } });
    for (const login of ['victim', 'victim2', 'racer', 'racer2']) await makeStaff(t.services, login, ['noc']);
  });
  afterAll(() => t.close());

  it('does not let failures from one address lock the user out elsewhere', async () => {
    for (let i = 0; i < 8; i += 1) await loginFrom(t, '198.51.100.7', 'victim', 'wrong-password');
    expect((await loginFrom(t, '198.51.100.7', 'victim', TEST_PASSWORD)).statusCode).toBe(429);
    expect((await loginFrom(t, '203.0.113.9', 'victim', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('delays a failing (login, address) with growing waits, the login normalised as lookup does', async () => {
    const from = '198.51.100.8';
    // case and surrounding spaces are the same login, so they share one counter
    for (const login of ['victim2', 'VICTIM2', ' Victim2 ', 'victim2', 'Victim2']) {
      expect((await loginFrom(t, from, login, 'wrong-password')).statusCode).toBe(401);
    }
    const held = await loginFrom(t, from, 'victim2', TEST_PASSWORD, { 'accept-language': 'en' });
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe('LOGIN_LOCKED');
    expect(held.json().error.message).toMatch(/1 minute/);
    expect(held.headers['retry-after']).toBe('60');
    t.clock.advance(60_000);
    expect((await loginFrom(t, from, 'victim2', 'wrong-password')).statusCode).toBe(401);
    // the wait doubles after each further failure
    t.clock.advance(60_000);
    expect((await loginFrom(t, from, 'victim2', TEST_PASSWORD)).statusCode).toBe(429);
    t.clock.advance(60_000);
    const ok = await loginFrom(t, from, 'victim2', TEST_PASSWORD);
    expect(ok.statusCode).toBe(200);
    // success clears the pair: the next mistake is free again
    expect((await loginFrom(t, from, 'victim2', 'wrong-password')).statusCode).toBe(401);
    expect((await loginFrom(t, from, 'victim2', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('slows an address spraying many logins, shared by every process, without touching other addresses', async () => {
    const sibling = await t.sibling();
    const from = '198.51.100.9';
    const answers: number[] = [];
    for (let i = 0; i < 14; i += 1) answers.push((await loginFrom(i % 2 ? sibling : t, from, `spray-${i}`, 'wrong-password')).statusCode);
    expect(answers.slice(0, 12)).toEqual(Array(12).fill(401));
    expect(answers.slice(12)).toEqual([429, 429]);
    const refused = await loginFrom(sibling, from, 'victim', TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('LOGIN_LOCKED');
    expect((await loginFrom(sibling, '198.51.100.10', 'victim', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('verifies no more passwords than the limit under 40 parallel attempts from two processes', async () => {
    const sibling = await t.sibling();
    const from = '198.51.100.11';
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => loginFrom(i % 2 ? sibling : t, from, 'racer', `wrong-password-${i}`)));
    const codes = answers.map((r) => r.json().error.code as string);
    // a 401 means the password was checked; a 429 means it was refused before any check
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'LOGIN_LOCKED')).toHaveLength(35);
    // a correct password sent in parallel with the guesses is not checked past the limit either
    const mixed = await Promise.all(
      Array.from({ length: 40 }, (_, i) => loginFrom(i % 2 ? sibling : t, '198.51.100.12', 'racer2', i === 39 ? TEST_PASSWORD : `wrong-${i}`)),
    );
    expect(mixed.filter((r) => r.statusCode !== 429).length).toBeLessThanOrEqual(5);
  });

  it('owes no wait within the free failures to a clock that reads earlier than the one that counted (another process, a clock stepped back)', async () => {
    const from = '198.51.100.14';
    expect((await loginFrom(t, from, 'victim', 'wrong-password')).statusCode).toBe(401);
    t.clock.set(new Date(t.clock.now().getTime() - 2 * 86_400_000)); // two days back, as a test moving the clock does
    expect((await loginFrom(t, from, 'victim', TEST_PASSWORD)).statusCode).toBe(200);
    t.clock.advance(2 * 86_400_000);
  });

  it('keeps the throttle table bounded: expired rows go with the daily purge', async () => {
    await loginFrom(t, '198.51.100.13', 'ghost', 'wrong-password');
    const count = async () => Number((await t.database.raw.query<{ n: string }>('SELECT count(*) AS n FROM login_throttle'))[0].n);
    expect(await count()).toBeGreaterThan(0);
    t.clock.advance(25 * 3_600_000);
    await t.services.auth.purgeExpiredSessions();
    expect(await count()).toBe(0);
  });
});

describe('password strength', () => {
  let t: TestApp;
  let customerId: string;
  beforeAll(async () => {
    t = await makeTestApp();
    await makeStaff(t.services, 'pw-admin', ['admin']);
    customerId = (await makeCustomer(t.services)).id;
  });
  afterAll(() => t.close());

  const create = (password: string, extra: Record<string, unknown> = {}, lang = 'en') =>
    t.login('pw-admin').then((admin) =>
      admin.post('/api/v1/users', { login: 'li.wei', displayName: 'Li Wei', kind: 'customer', roles: ['owner'], customerId, password, ...extra }, { 'accept-language': lang }),
    );

  it.each([
    ['a run of digits', '1234567890', /frequently used|commonly used|heavily used|too weak/i],
    ['a common password with digits', 'password12', /commonly used|too weak|common/i],
    ['the demo password', 'rackpact-demo', /personal|site|too weak|guess/i],
    ['too short', 'Zq8#', /at least 10/],
    ['the login inside', 'x-li.wei-2026-Q', /login/],
    ['the person’s name inside', 'LiWei!Rack#Pact', /name/],
  ])('refuses %s, naming the field password in both languages', async (_, password, reason) => {
    const en = await create(password);
    expect(en.statusCode).toBe(400);
    expect(en.json().error.code).toBe('PASSWORD_TOO_WEAK');
    expect(en.json().error.fields[0].path).toBe('password');
    expect(en.json().error.fields[0].message).toMatch(reason);
    const zh = await create(password, {}, 'zh-CN');
    expect(zh.json().error.fields[0].path).toBe('password');
    expect(zh.json().error.fields[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect((await t.database.raw.query("SELECT 1 FROM users WHERE login = 'li.wei'")).length).toBe(0);
  });

  it('accepts a strong password', async () => {
    expect((await create('violet-tundra-kettle-42')).statusCode).toBe(201);
  });

  it('refuses a weak new password on change, naming newPassword', async () => {
    await makeStaff(t.services, 'pw-changer', ['sales']);
    const me = await t.login('pw-changer');
    const res = await me.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'password12' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('newPassword');
    expect((await me.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'pw-changer-2026!x' })).statusCode).toBe(400);
  });

  it('keeps the demo password for the demo seed alone', async () => {
    await expect(t.services.users.create(SYSTEM, { login: 'not-demo', displayName: 'x', kind: 'staff', roles: ['noc'], password: 'rackpact-demo' })).rejects.toMatchObject({
      code: 'PASSWORD_TOO_WEAK',
    });
  });

  it('refuses a weak password on the command line with a non-zero exit and the reason', async () => {
    // on PostgreSQL the test's database; on PGlite a directory of its own (this one is open here)
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'rackpact-cli-pw-')), DATABASE_URL: t.url };
    const weak = await runCli(['user', 'create', '--login', 'cli-weak', '--kind', 'staff', '--roles', 'noc', '--password', '1234567890'], env);
    expect(weak.code).not.toBe(0);
    expect(weak.err).toMatch(/password: /);
    const ok = await runCli(['user', 'create', '--login', 'cli-strong', '--kind', 'staff', '--roles', 'noc', '--password', 'violet-tundra-kettle-42'], env);
    expect(ok.code).toBe(0);
  });
});

describe('security headers', () => {
  let t: TestApp;
  let https: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    https = await makeTestApp({ env: { PUBLIC_URL: 'https://idc.example.cn' } });
    await makeStaff(t.services, 'hdr-admin', ['admin']);
  });
  afterAll(async () => {
    await t.close();
    await https.close();
  });

  it('sends CSP without inline scripts, frame denial, nosniff and a referrer policy on every answer', async () => {
    const admin = await t.login('hdr-admin');
    for (const res of [await t.anonymous().get('/api/health'), await admin.get('/api/v1/users'), await t.anonymous().get('/api/v1/nope')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS only when PUBLIC_URL is https', async () => {
    expect((await https.anonymous().get('/api/health')).headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('serves Swagger UI with a policy it can run under', async () => {
    const admin = await t.login('hdr-admin');
    const page = await admin.get('/api/docs/');
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    // every inline script on the page is allowed by its nonce or hash, no 'unsafe-inline'
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    const initializer = await admin.get('/api/docs/static/swagger-initializer.js');
    expect(initializer.statusCode).toBe(200);
  });
});

describe('metrics and the API document', () => {
  let t: TestApp;
  let open: TestApp;
  let metricsToken: string;
  let readToken: string;
  beforeAll(async () => {
    t = await makeTestApp({ env: { PUBLIC_API_DOCS: 'off' } });
    open = await makeTestApp({ env: { PUBLIC_API_DOCS: 'on' } });
    await makeStaff(t.services, 'm-admin', ['admin']);
    const customerId = (await makeCustomer(t.services)).id;
    await makeCustomerUser(t.services, 'm-cust', customerId);
    const admin = await t.login('m-admin');
    metricsToken = (await admin.post('/api/v1/tokens', { name: 'prometheus', scopes: ['metrics:read'] })).json().token;
    readToken = (await admin.post('/api/v1/tokens', { name: 'reader', scopes: ['read'] })).json().token;
  });
  afterAll(async () => {
    await t.close();
    await open.close();
  });

  it('serves /metrics only to a token with metrics:read', async () => {
    expect((await t.anonymous().get('/metrics')).statusCode).toBe(401);
    expect((await (await t.login('m-admin')).get('/metrics')).statusCode).toBe(403);
    expect((await t.anonymous().get('/metrics', { authorization: `Bearer ${readToken}` })).statusCode).toBe(403);
    const ok = await t.anonymous().get('/metrics', { authorization: `Bearer ${metricsToken}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('rackpact_http_requests_total');
  });

  it('serves /metrics without a token on METRICS_LISTEN, and nothing else there', async () => {
    const separate = await makeTestApp({ env: { METRICS_LISTEN: '127.0.0.1:0' } });
    try {
      const address = separate.http.metricsServer!.address() as AddressInfo;
      const ok = await fetch(`http://127.0.0.1:${address.port}/metrics`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('rackpact_http_requests_total');
      expect((await fetch(`http://127.0.0.1:${address.port}/api/health`)).status).toBe(404);
      // the main listener still asks for the token
      expect((await separate.anonymous().get('/metrics')).statusCode).toBe(401);
    } finally {
      await separate.close();
    }
    expect(() => parseConfig({ METRICS_LISTEN: 'everywhere' })).toThrow();
  });

  it('keeps the OpenAPI document for staff unless PUBLIC_API_DOCS=on', async () => {
    for (const url of ['/api/openapi.json', '/api/docs/json', '/api/docs/']) {
      expect((await t.anonymous().get(url)).statusCode, url).toBe(401);
      expect((await (await t.login('m-cust')).get(url)).statusCode, url).toBe(403);
      expect((await (await t.login('m-admin')).get(url)).statusCode, url).toBe(200);
      expect((await t.anonymous().get(url, { authorization: `Bearer ${readToken}` })).statusCode, url).toBe(200);
      expect((await open.anonymous().get(url)).statusCode, url).toBe(200);
    }
  });
});

describe('API tokens with the read scope', () => {
  let t: TestApp;
  let customerA: string;
  let customerB: string;
  let admin: Awaited<ReturnType<TestApp['login']>>;
  beforeAll(async () => {
    t = await makeTestApp();
    await makeStaff(t.services, 'r-admin', ['admin']);
    customerA = (await makeCustomer(t.services, { name: '读令牌甲公司' })).id;
    customerB = (await makeCustomer(t.services, { name: '读令牌乙公司' })).id;
    await makeCustomerUser(t.services, 'r-cust', customerA);
    admin = await t.login('r-admin');
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("reads what a staff token's user may read, and writes nothing", async () => {
    const { token } = (await admin.post('/api/v1/tokens', { name: 'staff-reader', scopes: ['read'] })).json();
    const list = await t.anonymous().get('/api/v1/customers', bearer(token));
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('读令牌乙公司');
    expect((await t.anonymous().get('/api/v1/users', bearer(token))).statusCode).toBe(200);
    const write = await t.anonymous().post('/api/v1/customers', { name: '令牌写入公司', status: 'prospect' }, bearer(token));
    expect(write.statusCode).toBe(403);
    expect((await t.anonymous().post('/api/v1/users', { login: 'tok-made', displayName: 'x', kind: 'staff', roles: ['admin'], password: 'violet-tundra-kettle-42' }, bearer(token))).statusCode).toBe(403);
    expect((await t.database.raw.query("SELECT 1 FROM customers WHERE name = '令牌写入公司'")).length).toBe(0);
  });

  it("reads only the customer's own data through a customer user's token, and writes nothing", async () => {
    const cust = (await t.services.users.list(SYSTEM, { q: 'r-cust', page: 1, pageSize: 5 })).items[0];
    const created = await admin.post('/api/v1/tokens', { name: 'cust-reader', scopes: ['read'], userId: cust.id });
    expect(created.statusCode).toBe(201);
    expect(created.json().item.userId).toBe(cust.id);
    const token = created.json().token as string;
    const list = await t.anonymous().get('/api/v1/customers', bearer(token));
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('读令牌甲公司');
    expect(list.body).not.toContain('读令牌乙公司');
    expect([403, 404]).toContain((await t.anonymous().get(`/api/v1/customers/${customerB}`, bearer(token))).statusCode);
    expect((await t.anonymous().get(`/api/v1/customers/${customerA}`, bearer(token))).statusCode).toBe(200);
    const write = await t.anonymous().post(`/api/v1/customers/${customerA}/change-requests`, { postalAddress: '令牌改的地址' }, bearer(token));
    expect([403, 404]).toContain(write.statusCode);
    expect((await t.database.raw.query('SELECT 1 FROM customer_change_requests WHERE customer_id = $1', [customerA])).length).toBe(0);
    // a customer user's token carries no machine scopes
    const machine = await admin.post('/api/v1/tokens', { name: 'cust-alerts', scopes: ['alerts:write'], userId: cust.id });
    expect(machine.statusCode).toBe(400);
    expect(machine.json().error.fields[0].path).toBe('scopes');
    // a disabled user's token reads nothing
    await t.services.users.disable(SYSTEM, cust.id);
    expect((await t.anonymous().get('/api/v1/customers', bearer(token))).statusCode).toBe(401);
  });
});
