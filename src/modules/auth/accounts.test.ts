/**
 * Issue 24 through HTTP on a real database (PGlite, or PostgreSQL with TEST_DB=postgres): sessions,
 * TOTP with recovery codes, the enrolment REQUIRE_2FA_STAFF demands, factor resets, invitations, the
 * last owner, customer tokens and their scopes, account e-mails. Each bad input of the issue answers
 * 4xx naming the reason, and nothing changes.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, TEST_PASSWORD, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeCustomerUser } from '../../../test/harness/factories.js';
import { systemScope } from '../../core/scope.js';
import { totpAt } from './totp.js';
import { makeAccountsRepository } from './accounts.repository.js';

const LI_PASSWORD = 'Zq8#orbital-lantern';
let t: TestApp;
let customerId: string;
let otherCustomerId: string;

beforeAll(async () => {
  t = await makeTestApp({ env: { REQUIRE_2FA_STAFF: 'on', PUBLIC_URL: 'https://portal.example.cn' } });
  customerId = (await makeCustomer(t.services)).id;
  otherCustomerId = (await makeCustomer(t.services)).id;
  await t.services.users.create(systemScope('test'), { login: 'owner1', displayName: '王主', email: 'owner1@example.cn', kind: 'customer', roles: ['owner'], customerId, password: TEST_PASSWORD });
  await makeCustomerUser(t.services, 'tech1', customerId, ['technical']);
  await makeCustomerUser(t.services, 'owner2', otherCustomerId, ['owner']);
  await t.services.users.create(systemScope('test'), { login: 'admin1', displayName: 'Admin', email: 'admin1@example.cn', kind: 'staff', roles: ['admin'], password: TEST_PASSWORD });
  await t.services.users.create(systemScope('test'), { login: 'noc1', displayName: 'Noc', email: 'noc1@example.cn', kind: 'staff', roles: ['noc'], password: TEST_PASSWORD });
}, 120_000);
afterAll(() => t?.close());

const code = (r: LightMyRequestResponse) => r.json().error?.code;
const cookiesOf = (r: LightMyRequestResponse) => Object.fromEntries(r.cookies.map((c) => [c.name, c.value]));

/** Signs in by password (and the TOTP secret's current code when asked), returning a client with cookies. */
async function signIn(login: string, opts: { secret?: string; device?: string; ip?: string; password?: string } = {}): Promise<{ client: ApiClient; device: string; reply: LightMyRequestResponse }> {
  const cookies: Record<string, string> = opts.device ? { rp_device: opts.device } : {};
  let res = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', cookies, remoteAddress: opts.ip, payload: { login, password: opts.password ?? TEST_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  if (res.json().secondFactor) {
    if (!opts.secret) throw new Error(`${login} needs a second factor`);
    res = await t.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login/second-factor',
      cookies: { ...cookies, ...cookiesOf(res) },
      remoteAddress: opts.ip,
      payload: { code: totpAt(opts.secret, t.clock.now()) },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const c = cookiesOf(res);
  return { client: clientOf(c), device: c.rp_device, reply: res };
}

function clientOf(cookies: Record<string, string>): ApiClient {
  const request: ApiClient['request'] = (method, url, body, headers = {}) =>
    t.http.inject({ method, url, cookies, headers: { 'x-csrf-token': cookies.rp_csrf, ...headers }, ...(body === undefined ? {} : { payload: body as object }) });
  return { request, get: (u, h) => request('GET', u, undefined, h), post: (u, b, h) => request('POST', u, b ?? {}, h), put: (u, b) => request('PUT', u, b ?? {}), delete: (u) => request('DELETE', u) };
}

/** Enrols TOTP through the API; returns the secret and the recovery codes. */
async function enrol(client: ApiClient) {
  const begun = await client.post('/api/v1/account/totp');
  expect(begun.statusCode).toBe(200);
  const { secret, qrDataUri, uri } = begun.json();
  expect(qrDataUri).toMatch(/^data:image\/png;base64,/);
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const confirmed = await client.post('/api/v1/account/totp/confirm', { code: totpAt(secret, t.clock.now()) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

describe('sessions', () => {
  it('lists where I am signed in and ends any of them', async () => {
    const a = await signIn('tech1');
    const b = await signIn('tech1', { ip: '198.51.100.7' });
    const list = await a.client.get('/api/v1/account/sessions');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; current: boolean; ip: string }[];
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const other = items.find((s) => s.ip === '198.51.100.7')!;
    expect(other.current).toBe(false);
    expect((await a.client.delete(`/api/v1/account/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await b.client.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await a.client.get('/api/v1/auth/me')).statusCode).toBe(200);
    // another user's session handle is not mine to end
    const owner = await signIn('owner2');
    const mine = (await a.client.get('/api/v1/account/sessions')).json().items[0].id;
    expect((await owner.client.delete(`/api/v1/account/sessions/${mine}`)).statusCode).toBe(404);
    expect((await a.client.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});

describe('TOTP', () => {
  let secret: string;
  let recoveryCodes: string[];

  it('REQUIRE_2FA_STAFF: a staff member without a factor reaches only the account until enrolled', async () => {
    const { client } = await signIn('noc1');
    const me = (await client.get('/api/v1/auth/me')).json();
    expect(me.enrolmentRequired).toBe(true);
    const refused = await client.get('/api/v1/customers');
    expect(refused.statusCode).toBe(403);
    expect(code(refused)).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    ({ secret, recoveryCodes } = await enrol(client));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await client.get('/api/v1/customers')).statusCode).toBe(200);
  });

  it('signs in with password and code; a customer user without a policy needs no factor', async () => {
    t.clock.advance(60_000);
    const { client } = await signIn('noc1', { secret });
    const me = (await client.get('/api/v1/auth/me')).json();
    expect(me).toMatchObject({ login: 'noc1', enrolmentRequired: false, factors: ['totp', 'recovery'] });
    expect((await signIn('tech1')).reply.json().user.login).toBe('tech1');
  });

  it('refuses a wrong code, then the same code twice in its window, without a session', async () => {
    t.clock.advance(60_000);
    const first = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'noc1', password: TEST_PASSWORD } });
    expect(first.json()).toEqual({ user: null, secondFactor: { methods: ['totp', 'recovery'] } });
    expect(first.cookies.find((c) => c.name === 'rp_session')).toBeUndefined();
    const challenge = cookiesOf(first);
    const now = totpAt(secret, t.clock.now());
    const wrong = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login/second-factor', cookies: challenge, payload: { code: now === '000000' ? '111111' : '000000' } });
    expect(wrong.statusCode).toBe(400);
    expect(code(wrong)).toBe('TOTP_WRONG');
    expect(wrong.cookies.find((c) => c.name === 'rp_session')).toBeUndefined();
    const ok = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login/second-factor', cookies: challenge, payload: { code: now } });
    expect(ok.statusCode).toBe(200);
    // the same code again, within its 30 s, on a fresh password step: refused as a replay
    t.clock.advance(5_000);
    const again = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'noc1', password: TEST_PASSWORD } });
    const replay = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login/second-factor', cookies: cookiesOf(again), payload: { code: now } });
    expect(replay.statusCode).toBe(400);
    expect(code(replay)).toBe('TOTP_REPLAYED');
    expect(replay.cookies.find((c) => c.name === 'rp_session')).toBeUndefined();
    // a challenge is single use
    const reused = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login/second-factor', cookies: challenge, payload: { code: totpAt(secret, new Date(t.clock.now().getTime() + 30_000)) } });
    expect(code(reused)).toBe('SECOND_FACTOR_EXPIRED');
  });

  it('a challenge expires after five minutes', async () => {
    t.clock.advance(60_000);
    const first = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'noc1', password: TEST_PASSWORD } });
    t.clock.advance(5 * 60_000 + 1000);
    const late = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login/second-factor', cookies: cookiesOf(first), payload: { code: totpAt(secret, t.clock.now()) } });
    expect(late.statusCode).toBe(401);
    expect(code(late)).toBe('SECOND_FACTOR_EXPIRED');
  });

  it('a recovery code signs in once', async () => {
    t.clock.advance(60_000);
    const step = async (recoveryCode: string) => {
      const first = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'noc1', password: TEST_PASSWORD } });
      return t.http.inject({ method: 'POST', url: '/api/v1/auth/login/second-factor', cookies: cookiesOf(first), payload: { recoveryCode } });
    };
    expect((await step(recoveryCodes[3].toUpperCase())).statusCode).toBe(200);
    const twice = await step(recoveryCodes[3]);
    expect(twice.statusCode).toBe(400);
    expect(code(twice)).toBe('RECOVERY_CODE_WRONG');
    expect(code(await step('aaaaa-bbbbb'))).toBe('RECOVERY_CODE_WRONG');
  });

  it('wrong second steps count on the sign-in limits', async () => {
    t.clock.advance(30 * 60_000);
    const ip = '203.0.113.9';
    const first = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { login: 'noc1', password: TEST_PASSWORD } });
    const challenge = cookiesOf(first);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login/second-factor', remoteAddress: ip, cookies: challenge, payload: { code: '000001' } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(statuses).toContain(429);
    const held = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login/second-factor', remoteAddress: ip, cookies: challenge, payload: { code: totpAt(secret, t.clock.now()) } });
    expect(code(held)).toBe('LOGIN_LOCKED');
  });

  it('an admin resets a staff member’s factors: sessions end, audited, the member is told', async () => {
    t.clock.advance(60 * 60_000);
    const noc = await signIn('noc1', { secret });
    const admin = await signIn('admin1');
    const adminSecret = (await enrol(admin.client)).secret;
    void adminSecret;
    const nocId = await t.services.users.idOfLogin('noc1');
    // a customer's owner cannot reset staff
    const owner = await signIn('owner1');
    expect((await owner.client.post(`/api/v1/users/${nocId}/reset-factors`)).statusCode).toBe(404);
    expect((await admin.client.post(`/api/v1/users/${nocId}/reset-factors`)).statusCode).toBe(204);
    expect((await noc.client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await signIn('noc1');
    expect((await again.client.get('/api/v1/auth/me')).json()).toMatchObject({ factors: [], enrolmentRequired: true });
    const mails = await makeAccountsRepository(t.database.db).mailsTo('noc1@example.cn');
    expect(mails.map((m) => m.kind)).toContain('factor_reset');
    const resetMail = mails.find((m) => m.kind === 'factor_reset')!;
    expect(resetMail.subject).toBe('您的 rackpact 第二验证方式已被重置');
    const audit = await t.services.audit.list(systemScope('test'), { entity: 'user', entityId: nocId, page: 1, pageSize: 50 } as never);
    expect(JSON.stringify(audit)).toContain('user.resetFactors');
  });
});

describe('a customer’s team', () => {
  let owner: ApiClient;
  const mailsTo = async (to: string) => makeAccountsRepository(t.database.db).mailsTo(to);
  const linkIn = (body: string) => /\/invite\/([A-Za-z0-9_-]+)/.exec(body)![1];

  beforeAll(async () => {
    owner = (await signIn('owner1')).client;
  });

  it('the owner invites by e-mail; the link works once and gives exactly the invited roles', async () => {
    const res = await owner.post(`/api/v1/customers/${customerId}/invitations`, { email: 'li@example.cn', displayName: '李工', roles: ['technical'], locale: 'en' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.body).not.toMatch(/invite\//);
    const [mail] = await mailsTo('li@example.cn');
    expect(mail).toMatchObject({ kind: 'invitation', status: 'pending' });
    expect(mail.subject).toMatch(/invites you/);
    expect(mail.body).toMatch(/^Hello 李工/);
    expect(mail.body).toContain('https://portal.example.cn/invite/');
    const token = linkIn(mail.body);
    const preview = await t.anonymous().get(`/api/v1/invitations/${token}`);
    expect(preview.json()).toMatchObject({ email: 'li@example.cn', roles: ['technical'] });
    const accepted = await t.anonymous().post(`/api/v1/invitations/${token}/accept`, { login: 'li.gong', password: LI_PASSWORD });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ login: 'li.gong', kind: 'customer', roles: ['technical'], customerId });
    const reused = await t.anonymous().post(`/api/v1/invitations/${token}/accept`, { login: 'li.gong2', password: LI_PASSWORD });
    expect(reused.statusCode).toBe(409);
    expect(code(reused)).toBe('INVITATION_USED');
    const team = (await owner.get(`/api/v1/customers/${customerId}/team`)).json();
    expect(team.users.map((u: { login: string }) => u.login)).toContain('li.gong');
    expect(team.invitations[0].status).toBe('accepted');
  });

  it('an expired invitation is refused and creates nobody', async () => {
    await owner.post(`/api/v1/customers/${customerId}/invitations`, { email: 'late@example.cn', displayName: '晚到', roles: ['billing'] });
    const [mail] = await mailsTo('late@example.cn');
    expect(mail.body).toMatch(/^晚到，您好/);
    t.clock.advance(7 * 24 * 3600_000 + 1000);
    const late = await t.anonymous().post(`/api/v1/invitations/${linkIn(mail.body)}/accept`, { login: 'late.one', password: LI_PASSWORD });
    expect(late.statusCode).toBe(410);
    expect(code(late)).toBe('INVITATION_EXPIRED');
    await expect(t.services.users.idOfLogin('late.one')).rejects.toThrow();
    owner = (await signIn('owner1')).client;
  });

  it('a role that is not a customer role is named; only the owner manages', async () => {
    const bad = await owner.post(`/api/v1/customers/${customerId}/invitations`, { email: 'x@example.cn', displayName: 'x', roles: ['admin'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('roles.0');
    const tech = (await signIn('tech1')).client;
    expect((await tech.post(`/api/v1/customers/${customerId}/invitations`, { email: 'y@example.cn', displayName: 'y', roles: ['billing'] })).statusCode).toBe(403);
    // another company's owner sees nothing of this one
    const other = (await signIn('owner2')).client;
    expect((await other.get(`/api/v1/customers/${customerId}/team`)).statusCode).toBe(404);
  });

  it('at least one enabled owner remains: removing the last owner is refused and changes nothing', async () => {
    const ownerId = await t.services.users.idOfLogin('owner1');
    const demote = await owner.put(`/api/v1/customers/${customerId}/users/${ownerId}/roles`, { roles: ['technical'] });
    expect(demote.statusCode).toBe(409);
    expect(code(demote)).toBe('LAST_OWNER');
    const disable = await owner.post(`/api/v1/customers/${customerId}/users/${ownerId}/disable`);
    expect(code(disable)).toBe('LAST_OWNER');
    expect((await owner.get('/api/v1/auth/me')).json().roles).toEqual(['owner']);
    // with a second owner, the first may step down
    const liId = await t.services.users.idOfLogin('li.gong');
    expect((await owner.put(`/api/v1/customers/${customerId}/users/${liId}/roles`, { roles: ['owner', 'technical'] })).statusCode).toBe(200);
    expect((await owner.post(`/api/v1/customers/${customerId}/users/${liId}/disable`)).statusCode).toBe(200);
    expect(code(await owner.put(`/api/v1/customers/${customerId}/users/${ownerId}/roles`, { roles: ['billing'] }))).toBe('LAST_OWNER');
    expect((await owner.post(`/api/v1/customers/${customerId}/users/${liId}/enable`)).statusCode).toBe(200);
    // two owners demoting each other at once: one wins, one owner remains
    const li = (await signIn('li.gong', { password: LI_PASSWORD })).client;
    const [a, b] = await Promise.all([
      owner.put(`/api/v1/customers/${customerId}/users/${liId}/roles`, { roles: ['technical'] }),
      li.put(`/api/v1/customers/${customerId}/users/${ownerId}/roles`, { roles: ['technical'] }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const team = (await t.services.team.team(systemScope('test'), customerId)).users;
    expect(team.filter((u) => u.roles.includes('owner') && !u.disabled)).toHaveLength(1);
  });

  it('the owner requires a second factor of the company; a user without one must enrol', async () => {
    const stillOwner = (await t.services.team.team(systemScope('test'), customerId)).users.find((u) => u.roles.includes('owner'))!;
    const o = (await signIn(stillOwner.login, { password: stillOwner.login === 'li.gong' ? LI_PASSWORD : TEST_PASSWORD })).client;
    expect((await o.put(`/api/v1/customers/${customerId}/account-policy`, { require2fa: true })).statusCode).toBe(200);
    const tech = (await signIn('tech1')).client;
    expect(code(await tech.get('/api/v1/tickets'))).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    await enrol(tech);
    expect((await tech.get('/api/v1/tickets')).statusCode).toBe(200);
    const techId = await t.services.users.idOfLogin('tech1');
    // the owner resets tech1's factors (lost phone); another company's owner cannot
    const other = (await signIn('owner2')).client;
    expect((await other.post(`/api/v1/users/${techId}/reset-factors`)).statusCode).toBe(404);
    expect((await o.post(`/api/v1/users/${techId}/reset-factors`)).statusCode).toBe(204);
    expect((await tech.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await o.put(`/api/v1/customers/${customerId}/account-policy`, { require2fa: false })).statusCode).toBe(200);
  });
});

describe('customer API tokens', () => {
  it('a scope the owner does not hold is refused and no token is made', async () => {
    const owner = (await signIn('owner2')).client;
    const res = await owner.post(`/api/v1/customers/${otherCustomerId}/tokens`, { name: 'mon', scopes: ['read', 'metrics:read'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'TOKEN_SCOPE_NOT_HELD' });
    expect(res.json().error.message).toContain('metrics:read');
    expect((await owner.get(`/api/v1/customers/${otherCustomerId}/tokens`)).json().items).toEqual([]);
  });

  it('tickets:write opens tickets as the owner, within the company; read alone cannot; revoked opens nothing', async () => {
    const owner = (await signIn('owner2')).client;
    const made = await owner.post(`/api/v1/customers/${otherCustomerId}/tokens`, { name: 'monitoring', scopes: ['read', 'tickets:write'] });
    expect(made.statusCode, made.body).toBe(201);
    const secret = made.json().token as string;
    const readOnly = (await owner.post(`/api/v1/customers/${otherCustomerId}/tokens`, { name: 'ro', scopes: ['read'] })).json().token as string;
    const bearer = (s: string) => ({ authorization: `Bearer ${s}` });
    const body = { type: 'general', subject: 'reboot web-01', description: 'monitoring says down' };
    const opened = await t.http.inject({ method: 'POST', url: '/api/v1/tickets', headers: bearer(secret), remoteAddress: '192.0.2.77', payload: body });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().customerId).toBe(otherCustomerId);
    const listed = (await owner.get(`/api/v1/customers/${otherCustomerId}/tokens`)).json().items.find((x: { name: string }) => x.name === 'monitoring');
    expect(listed).toMatchObject({ lastUsedIp: '192.0.2.77', customerId: otherCustomerId });
    expect(listed.lastUsedAt).not.toBeNull();
    const refused = await t.http.inject({ method: 'POST', url: '/api/v1/tickets', headers: bearer(readOnly), payload: body });
    expect(refused.statusCode).toBe(403);
    // dns:write was not given: the DNS write routes stay closed
    const dns = await t.http.inject({ method: 'DELETE', url: `/api/v1/dns/records/${otherCustomerId}`, headers: bearer(secret) });
    expect([403, 404]).toContain(dns.statusCode);
    // nor may it act on the ticket beyond the listed writes (assigning is staff work and not in the matrix)
    const assign = await t.http.inject({ method: 'POST', url: `/api/v1/tickets/${opened.json().id}/assign`, headers: bearer(secret), payload: { assigneeId: null } });
    expect(assign.statusCode).toBe(403);
    // the other company's owner cannot see or revoke it
    const first = (await signIn('owner1')).client;
    expect((await first.get(`/api/v1/customers/${otherCustomerId}/tokens`)).statusCode).toBe(404);
    expect((await first.delete(`/api/v1/customers/${otherCustomerId}/tokens/${listed.id}`)).statusCode).toBe(404);
    expect((await owner.delete(`/api/v1/customers/${otherCustomerId}/tokens/${listed.id}`)).statusCode).toBe(204);
    expect((await t.http.inject({ method: 'GET', url: '/api/v1/tickets', headers: bearer(secret) })).statusCode).toBe(401);
  });
});

describe('account e-mails', () => {
  it('a sign-in from a new device is told in the user’s language; a known device is not', async () => {
    const first = await signIn('admin1', { secret: undefined }).catch(() => null);
    void first;
    const mailsTo = async (to: string) => makeAccountsRepository(t.database.db).mailsTo(to);
    await t.services.users.create(systemScope('test'), { login: 'eng1', displayName: 'Eng', email: 'eng1@example.cn', kind: 'customer', roles: ['billing'], customerId: otherCustomerId, password: TEST_PASSWORD, locale: 'en' });
    const a = await signIn('eng1');
    expect(await mailsTo('eng1@example.cn')).toEqual([]); // the first sign-in ever is no news
    await signIn('eng1', { device: a.device });
    expect(await mailsTo('eng1@example.cn')).toEqual([]);
    await signIn('eng1', { ip: '198.51.100.20' });
    const mails = await mailsTo('eng1@example.cn');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'new_device', subject: 'rackpact: sign-in from a new device' });
    expect(mails[0].body).toContain('198.51.100.20');
  });
});

describe('passkeys: bad assertions', () => {
  const accounts = () => makeAccountsRepository(t.database.db);
  const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
  let pkCredential: string;
  let otherCredential: string;

  beforeAll(async () => {
    const pk = await makeCustomerUser(t.services, 'pk1', customerId, ['technical']);
    const other = await t.services.users.idOfLogin('owner2');
    pkCredential = b64('credential-of-pk1');
    otherCredential = b64('credential-of-owner2');
    const row = (id: string, userId: string) => ({ id, userId, name: 'key', publicKey: b64('not-a-real-key'), counter: 0, transports: [], createdAt: t.clock.now(), lastUsedAt: null });
    await accounts().db.transaction(async (tx) => {
      await accounts().insertCredential(tx, row(pkCredential, pk.id));
      await accounts().insertCredential(tx, row(otherCredential, other));
    });
  });

  const assertion = (id: string, challenge: string, origin: string) => ({
    id,
    rawId: id,
    type: 'public-key',
    response: { clientDataJSON: b64(JSON.stringify({ type: 'webauthn.get', challenge, origin })), authenticatorData: b64(Buffer.alloc(37)), signature: b64('sig') },
    clientExtensionResults: {},
  });

  it('after a password, an assertion from another user’s passkey is refused, and no session starts', async () => {
    const first = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'pk1', password: TEST_PASSWORD } });
    expect(first.json().secondFactor.methods).toEqual(['passkey']);
    const options = await t.http.inject({ method: 'POST', url: '/api/v1/auth/passkey/options', cookies: cookiesOf(first), headers: { host: 'localhost:8080' } });
    expect(options.json().allowCredentials.map((c: { id: string }) => c.id)).toEqual([pkCredential]);
    const res = await t.http.inject({
      method: 'POST',
      url: '/api/v1/auth/passkey/login',
      cookies: cookiesOf(first),
      headers: { host: 'localhost:8080', origin: 'http://localhost:8080' },
      payload: { response: assertion(otherCredential, options.json().challenge, 'https://portal.example.cn') },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PASSKEY_REJECTED');
    expect(res.json().error.message).toContain('another user');
    expect(res.cookies.find((c) => c.name === 'rp_session')).toBeUndefined();
  });

  it('an assertion made for another origin is refused', async () => {
    const options = await t.http.inject({ method: 'POST', url: '/api/v1/auth/passkey/options' });
    const challenge = cookiesOf(options);
    const res = await t.http.inject({
      method: 'POST',
      url: '/api/v1/auth/passkey/login',
      cookies: challenge,
      payload: { response: assertion(pkCredential, options.json().challenge, 'https://rackpact.evil.example') },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PASSKEY_REJECTED');
    expect(res.json().error.message).toContain('rackpact.evil.example');
    expect(res.cookies.find((c) => c.name === 'rp_session')).toBeUndefined();
    // the ceremony's challenge was single use
    const again = await t.http.inject({ method: 'POST', url: '/api/v1/auth/passkey/login', cookies: challenge, payload: { response: assertion(pkCredential, options.json().challenge, 'https://portal.example.cn') } });
    expect(again.json().error.code).toBe('SECOND_FACTOR_EXPIRED');
  });
});
