import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, TEST_PASSWORD, type TestApp } from '../harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../harness/factories.js';
import { loadMigrations } from '../../src/db/migrate.js';

let t: TestApp;
let customerId: string;

beforeAll(async () => {
  t = await makeTestApp();
  await makeStaff(t.services, 'admin1', ['admin']);
  await makeStaff(t.services, 'noc1', ['noc']);
  customerId = (await makeCustomer(t.services)).id;
  await makeCustomerUser(t.services, 'cust1', customerId);
});
afterAll(() => t.close());

describe('login', () => {
  it('logs in and sets httpOnly SameSite=Lax session and readable CSRF cookies', async () => {
    const res = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'Admin1', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ login: 'admin1', kind: 'staff', roles: ['admin'] });
    const session = res.cookies.find((c) => c.name === 'rp_session')!;
    const csrf = res.cookies.find((c) => c.name === 'rp_csrf')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(session.secure).toBeFalsy();
    expect(csrf.httpOnly).toBeFalsy();
  });

  it('marks cookies Secure behind TLS terminated by a trusted proxy', async () => {
    const proxied = await makeTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      await makeStaff(proxied.services, 'admin1', ['admin']);
      const res = await proxied.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { login: 'admin1', password: TEST_PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'rp_session')!.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('answers a wrong user and a wrong password with the same error', async () => {
    const wrongUser = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'nobody', password: TEST_PASSWORD } });
    const wrongPassword = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'noc1', password: 'nope-nope-nope' } });
    expect(wrongUser.statusCode).toBe(401);
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongUser.json()).toEqual(wrongPassword.json());
    expect(wrongUser.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('makes a failing client wait, the same way for a login that does not exist', async () => {
    // the policy in full (per address, growing waits, races) is in security-auth.test.ts
    for (const login of ['cust1', 'ghost-user']) {
      for (let i = 0; i < 5; i += 1) {
        const res = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.50', payload: { login, password: 'wrong-password' } });
        expect(res.statusCode).toBe(401);
      }
      const held = await t.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '192.0.2.50',
        headers: { 'accept-language': 'en' },
        payload: { login, password: login === 'cust1' ? TEST_PASSWORD : 'x' },
      });
      expect(held.statusCode).toBe(429);
      expect(held.json().error.code).toBe('LOGIN_LOCKED');
      expect(held.json().error.message).toMatch(/try again in 1 minute/);
    }
    t.clock.advance(60_000);
    const after = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.50', payload: { login: 'cust1', password: TEST_PASSWORD } });
    expect(after.statusCode).toBe(200);
  });

  it('refuses malformed login bodies with the field named', async () => {
    const res = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: '' } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['login', 'password']));
    expect(res.json().error.message).toBe('输入有误，请检查标出的字段');
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request with a session cookie but no CSRF header, and changes nothing', async () => {
    const admin = await t.login('admin1');
    const login = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'admin1', password: TEST_PASSWORD } });
    const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
    const before = (await admin.get('/api/v1/users?pageSize=200')).json().total;
    const forged = await t.http.inject({
      method: 'POST',
      url: '/api/v1/users',
      cookies,
      payload: { login: 'forged', displayName: 'x', kind: 'staff', roles: ['admin'], password: 'long-enough-pw' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_FAILED');
    const wrongToken = await t.http.inject({
      method: 'POST',
      url: '/api/v1/users',
      cookies,
      headers: { 'x-csrf-token': 'not-the-token' },
      payload: { login: 'forged', displayName: 'x', kind: 'staff', roles: ['admin'], password: 'long-enough-pw' },
    });
    expect(wrongToken.statusCode).toBe(403);
    expect((await admin.get('/api/v1/users?pageSize=200')).json().total).toBe(before);
  });

  it('refuses a cross-site Origin even on the login form', async () => {
    const res = await t.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example', host: 'rackpact.local' },
      payload: { login: 'admin1', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const same = await t.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'http://rackpact.local', host: 'rackpact.local' },
      payload: { login: 'admin1', password: TEST_PASSWORD },
    });
    expect(same.statusCode).toBe(200);
  });

  it('does not ask API-token callers for a CSRF token', async () => {
    const admin = await t.login('admin1');
    const created = await admin.post('/api/v1/tokens', { name: 'alertmanager', scopes: ['read'] });
    expect(created.statusCode).toBe(201);
    const res = await t.http.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${created.json().token}` } });
    expect(res.statusCode).toBe(204);
  });
});

describe('accounts', () => {
  it('changes a password: the old one stops working, other sessions end', async () => {
    await makeStaff(t.services, 'changer', ['sales']);
    const first = await t.login('changer');
    const second = await t.login('changer');
    const wrong = await first.post('/api/v1/auth/password', { currentPassword: 'bad-current', newPassword: 'a-new-password-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('currentPassword');
    const weak = await first.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].path).toBe('newPassword');
    const ok = await first.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' });
    expect(ok.statusCode).toBe(204);
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(t.login('changer')).rejects.toThrow(/401/);
    await t.login('changer', 'a-new-password-1');
  });

  it('lets an admin disable a user, which ends their sessions and refuses their login', async () => {
    const admin = await t.login('admin1');
    const victim = await makeStaff(t.services, 'leaver', ['noc']);
    const session = await t.login('leaver');
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);
    const res = await admin.post(`/api/v1/users/${victim.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(t.login('leaver')).rejects.toThrow(/401/);
    await admin.post(`/api/v1/users/${victim.id}/enable`);
    await t.login('leaver');
  });

  it('only admins manage users', async () => {
    const noc = await t.login('noc1');
    const res = await noc.post('/api/v1/users', { login: 'x-user', displayName: 'x', kind: 'staff', roles: ['noc'], password: 'long-enough-pw' });
    expect(res.statusCode).toBe(403);
  });

  it('validates roles against the kind of user, naming the field', async () => {
    const admin = await t.login('admin1');
    const res = await admin.post(
      '/api/v1/users',
      { login: 'mixed', displayName: 'x', kind: 'customer', roles: ['admin'], customerId, password: 'long-enough-pw' },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'roles.0', message: 'Role admin does not apply to this kind of user' }]);
    const dup = await admin.post('/api/v1/users', { login: 'noc1', displayName: 'x', kind: 'staff', roles: ['noc'], password: 'long-enough-pw' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('LOGIN_TAKEN');
  });
});

describe('API tokens', () => {
  it('shows the secret once, stores only a hash, authenticates by scope, and stops on revoke', async () => {
    const admin = await t.login('admin1');
    const created = await admin.post('/api/v1/tokens', { name: 'alerts', scopes: ['alerts:write'] });
    expect(created.statusCode).toBe(201);
    const { token, item } = created.json();
    expect(token).toMatch(/^rpt_/);
    const listed = (await admin.get('/api/v1/tokens')).json().items;
    expect(JSON.stringify(listed)).not.toContain(token);
    const rows = await t.database.raw.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [item.id]);
    expect(rows[0].token_hash).not.toBe(token);
    const bearer = { authorization: `Bearer ${token}` };
    // a machine token cannot read customer data it has no scope for
    expect((await t.anonymous().get('/api/v1/customers', bearer)).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/v1/users', bearer)).statusCode).toBe(403);
    expect((await admin.delete(`/api/v1/tokens/${item.id}`)).statusCode).toBe(204);
    expect((await t.anonymous().get('/api/v1/auth/me', bearer)).statusCode).toBe(401);
  });
});

describe('errors', () => {
  it('answers unknown API routes with the error shape', async () => {
    const res = await t.anonymous().get('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"login":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_REQUEST');
  });

  it('serves health and Prometheus metrics', async () => {
    const health = await t.anonymous().get('/api/health');
    expect(health.json()).toMatchObject({ ok: true, migration: loadMigrations().at(-1)!.version });
    const admin = await t.login('admin1');
    const scraper = (await admin.post('/api/v1/tokens', { name: 'prometheus', scopes: ['metrics:read'] })).json().token as string;
    const metrics = await t.anonymous().get('/metrics', { authorization: `Bearer ${scraper}` });
    expect(metrics.body).toContain('rackpact_http_requests_total');
  });
});
