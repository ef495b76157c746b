/**
 * Input at the boundary (issue 15, items 6, 7, 9, 10, 18, 20): malformed uploads, files missing from the
 * store, text PostgreSQL cannot hold, ids that are not ids, impossible dates, domain names as browsers
 * send them, and transition messages that name the right kind of object. Each answers 4xx naming the
 * field in the user's language; nothing raw from the database or the multipart parser reaches the user.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { systemScope } from '../../src/core/scope.js';
import { toErrorResponse } from '../../src/http/errors.js';
import { makeTestApp, multipart, type ApiClient, type TestApp } from '../harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../harness/factories.js';

const system = systemScope('input-test');
const NO_SUCH_ID = '00000000-0000-4000-8000-00000000ffff';
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

let t: TestApp;
let admin: ApiClient;
let owner: ApiClient;
let customerId: string;
let otherCustomerId: string;
let uploadRoutes: { method: string; path: string }[];

const auditCount = async () => (await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0].n;
const fieldsOf = (body: string) => (JSON.parse(body).error?.fields ?? []) as { path: string; message: string }[];

beforeAll(async () => {
  t = await makeTestApp();
  await makeStaff(t.services, 'in-admin', ['admin']);
  const c = await makeCustomer(t.services, { name: '输入测试甲' });
  const other = await makeCustomer(t.services, { name: '输入测试乙' });
  customerId = c.id;
  otherCustomerId = other.id;
  await makeCustomerUser(t.services, 'in-owner', c.id);
  admin = await t.login('in-admin');
  owner = await t.login('in-owner');
  const doc = (await t.anonymous().get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { summary?: string }>> };
  uploadRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => /multipart/.test(op.summary ?? ''))
      .map(([m]) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(() => t.close());

describe('malformed multipart (item 6)', () => {
  const boundary = '----rackpactBroken';
  const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  const bodies: [string, Buffer][] = [
    // the upload cut short: a part begun, its file never ended, no closing boundary
    ['cut short', Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then noth`)],
    // cut inside a part's header
    ['cut in a part header', Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="fi`)],
  ];

  it('finds the fourteen upload routes', () => {
    expect(uploadRoutes).toHaveLength(14);
  });

  it.each(bodies)('answers a %s body with 400 naming the file field on every upload route, and changes nothing', async (_, payload) => {
    const before = await auditCount();
    const failures: string[] = [];
    for (const op of uploadRoutes) {
      const url = op.path.replace('{part}', 'security-letter').replace(/\{\w+\}/g, NO_SUCH_ID);
      const res = await admin.request(op.method as never, url, payload, { ...headers, 'accept-language': 'en' });
      const paths = fieldsOf(res.body).map((f) => f.path);
      if (res.statusCode !== 400 || !paths.some((p) => p === 'file' || p === 'signedCopy')) failures.push(`${op.method} ${op.path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (!/multipart|cut short/i.test(res.body)) failures.push(`${op.method} ${op.path}: no readable reason: ${res.body}`);
    }
    expect(failures).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('still reads a well-formed upload', async () => {
    const ticket = (await owner.post('/api/v1/tickets', { type: 'general', subject: '附件' })).json();
    const form = multipart({}, { name: 'x.pdf', bytes: pdf });
    expect((await owner.request('POST', `/api/v1/tickets/${ticket.id}/attachments`, form.body, form.headers)).statusCode).toBe(201);
  });
});

describe('a stored file missing from the file store (item 7)', () => {
  it('answers 404 saying the file is not in the store, on the downloads, in both languages', async () => {
    const ticket = (await owner.post('/api/v1/tickets', { type: 'general', subject: '丢失的附件' })).json();
    const attachment = await t.services.tickets.attach(system, ticket.id, { bytes: Buffer.from('%PDF-1.4\n% missing attachment\n%%EOF\n'), fileName: 'gone.pdf' });
    const kyc = await t.services.kyc.upload(system, customerId, { kind: 'handler_id', holderName: '经办人', idType: 'passport', idNumber: 'E00000042', fileName: 'k.pdf', bytes: Buffer.from('%PDF-1.4\n% missing kyc\n%%EOF\n') });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('missing seal')]);
    const seal = multipart({}, { name: 'seal.png', type: 'image/png', bytes: png });
    await t.services.provider.update(system, { legalName: '乙方', uscc: '91110106MA00YQ8D7K', address: 'x', domicileCourt: 'x', bankName: 'x', bankAccount: '1234567890', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: 'x', sealFile: null });
    expect((await admin.request('PUT', '/api/v1/provider/seal', seal.body, seal.headers)).statusCode).toBe(200);
    const downloads: [ApiClient, string][] = [
      [owner, `/api/v1/tickets/${ticket.id}/attachments/${attachment.id}`],
      [owner, `/api/v1/kyc/${kyc.id}/file`],
      [admin, '/api/v1/provider/seal'],
    ];
    for (const [who, url] of downloads) expect((await who.get(url)).statusCode, url).toBe(200);
    // every stored file gone, as after restoring a database without its files
    const filesDir = join(t.dataDir, 'files');
    for (const entry of readdirSync(filesDir)) rmSync(join(filesDir, entry), { recursive: true, force: true });
    for (const [who, url] of downloads) {
      const zh = await who.get(url);
      expect(zh.statusCode, url).toBe(404);
      expect(zh.json().error).toMatchObject({ code: 'FILE_NOT_IN_STORE' });
      expect(zh.json().error.message).toContain('不在文件存储中');
      expect((await who.get(url, { 'accept-language': 'en' })).json().error.message).toContain('not in the file store');
    }
  });
});

describe('text and ids the database cannot take (item 9)', () => {
  it('refuses a NUL byte and a lone surrogate in a JSON body with 400 naming the field', async () => {
    const nul = await owner.post('/api/v1/tickets', { type: 'general', subject: 'a\u0000b' }, { 'accept-language': 'en' });
    expect(nul.statusCode).toBe(400);
    expect(fieldsOf(nul.body)).toEqual([{ path: 'subject', message: 'Must not contain a NUL character (U+0000)' }]);
    const surrogate = await owner.post('/api/v1/tickets', { type: 'general', subject: 'ok', description: 'x\ud800y' });
    expect(surrogate.statusCode).toBe(400);
    expect(fieldsOf(surrogate.body)).toEqual([{ path: 'description', message: '含有无效的 Unicode 字符（未配对的代理项）' }]);
    expect(surrogate.body).not.toMatch(/22021|22P05|22P02/);
  });

  it('refuses them in the query, in nested bodies and in object keys', async () => {
    const query = await admin.get('/api/v1/audit?action=a%00b');
    expect(query.statusCode).toBe(400);
    expect(fieldsOf(query.body).map((f) => f.path)).toEqual(['action']);
    const nested = await admin.post('/api/v1/incidents', { title: 'x', cause: 'provider_fault', scope: [{ kind: 'ip', target: '10.0.0.1\u0000' }] });
    expect(fieldsOf(nested.body).map((f) => f.path)).toEqual(['scope.0.target']);
    const key = await admin.post('/api/v1/contract-templates', { blocks: [{ kind: 'para', text: 'x' }], ['n\u0000te']: 'x' });
    expect(key.statusCode).toBe(400);
  });

  it('refuses a scope target that is not an id (or, for ip, not an address) on incidents and planned work', async () => {
    const before = await auditCount();
    const incident = await admin.post('/api/v1/incidents', { title: 'x', cause: 'provider_fault', scope: [{ kind: 'cabinet', target: 'A-01' }] }, { 'accept-language': 'en' });
    expect(incident.statusCode).toBe(400);
    expect(fieldsOf(incident.body)).toEqual([{ path: 'scope.0.target', message: 'Invalid format' }]);
    const ip = await admin.post('/api/v1/incidents', { title: 'x', cause: 'provider_fault', scope: [{ kind: 'ip', target: '10.0.0.300' }] });
    expect(fieldsOf(ip.body).map((f) => f.path)).toEqual(['scope.0.target']);
    const window = await admin.post('/api/v1/maintenance', { title: 'x', kind: 'provider_work', startsAt: '2026-03-10T10:00:00+08:00', endsAt: '2026-03-10T11:00:00+08:00', scope: [{ kind: 'server', target: 'not-a-uuid' }] });
    expect(window.statusCode).toBe(400);
    expect(fieldsOf(window.body).map((f) => f.path)).toEqual(['scope.0.target']);
    expect(await auditCount()).toBe(before);
  });

  it('never shows a raw SQLSTATE: a data exception is a readable 400', () => {
    for (const code of ['22P02', '22021', '22003', '22007']) {
      const drizzleLike = Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('invalid input'), { code }) });
      const { status, body } = toErrorResponse(drizzleLike, 'zh-CN', 'req-1');
      expect(status).toBe(400);
      expect(body.error.code).toBe('INVALID_DATA');
      expect(body.error.message).not.toContain(code);
    }
    const notNull = toErrorResponse(Object.assign(new Error('x'), { code: '23502' }), 'en', 'req-2');
    expect(notNull.status).toBe(400);
    expect(notNull.body.error.message).not.toContain('23502');
  });
});

describe('impossible and meaningless dates (item 10)', () => {
  it('refuses an impossible or past token expiry, naming expiresAt; accepts a real future one', async () => {
    const impossible = await admin.post('/api/v1/tokens', { name: 'x', scopes: ['read'], expiresAt: '2026-02-30' }, { 'accept-language': 'en' });
    expect(impossible.statusCode).toBe(400);
    expect(fieldsOf(impossible.body)).toEqual([{ path: 'expiresAt', message: 'Not a valid time; expected ISO 8601 with a time zone (e.g. 2026-02-28T08:00:00+08:00)' }]);
    const rolled = await admin.post('/api/v1/tokens', { name: 'x', scopes: ['read'], expiresAt: '2026-04-31T00:00:00Z' });
    expect(fieldsOf(rolled.body).map((f) => f.path)).toEqual(['expiresAt']);
    // the clock stands at 2026-03-02T02:00Z
    const past = await admin.post('/api/v1/tokens', { name: 'x', scopes: ['read'], expiresAt: '2026-03-01T00:00:00+08:00' });
    expect(past.statusCode).toBe(400);
    expect(fieldsOf(past.body)).toEqual([{ path: 'expiresAt', message: '须晚于当前时间' }]);
    const ok = await admin.post('/api/v1/tokens', { name: 'x', scopes: ['read'], expiresAt: '2026-12-31' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(new Date(ok.json().item.expiresAt).toISOString()).toBe('2026-12-30T16:00:00.000Z');
  });

  it.each([
    ['/api/v1/audit?from=2026-02-30', 'from'],
    ['/api/v1/audit?to=2026-13-01', 'to'],
    ['/api/v1/audit?from=yesterday', 'from'],
    // year 0 in UTC, which PostgreSQL cannot store (found by the fuzz)
    ['/api/v1/audit?to=0001-01-01', 'to'],
    ['/api/v1/provider/seal?version=2147483648', 'version'],
    ['/api/v1/calendar/deadline?from=2026-02-30&workingDays=3', 'from'],
    [`/api/v1/customers/${NO_SUCH_ID}/roster?at=2026-02-29`, 'at'],
  ])('GET %s → 400 naming %s', async (url, field) => {
    const res = await admin.get(url);
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res.body).map((f) => f.path)).toContain(field);
  });

  it.each([
    [`/api/v1/invoices/${NO_SUCH_ID}/fapiao`, { fapiaoNumber: '12345678', issuedOn: '2026-02-30' }, 'issuedOn'],
    [`/api/v1/invoices/${NO_SUCH_ID}/payments`, { amount: '1', receivedOn: '2026-06-31', bankReference: 'x' }, 'receivedOn'],
    ['/api/v1/incidents', { title: 'x', cause: 'provider_fault', scope: [{ kind: 'ip', target: '10.0.0.1' }], startedAt: '2026-02-29T10:00:00+08:00' }, 'startedAt'],
  ])('POST %s with an impossible date → 400 naming the field', async (url, body, field) => {
    const res = await admin.post(url, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res.body).map((f) => f.path)).toContain(field);
  });
});

describe('domain names as browsers send them (item 18)', () => {
  it('stores Ⅸ.cn as the ix.cn a browser sends, and refuses a zero-width space naming the field', async () => {
    const zone = await admin.post('/api/v1/dns/zones', { customerId, domain: 'Ⅸ.cn' });
    expect(zone.statusCode, zone.body).toBe(201);
    expect(zone.json().domain).toBe('ix.cn');
    const invisible = await admin.post('/api/v1/dns/zones', { customerId, domain: 'x.cn\u200b' }, { 'accept-language': 'en' });
    expect(invisible.statusCode).toBe(400);
    expect(fieldsOf(invisible.body)).toEqual([{ path: 'domain', message: 'The domain contains invisible characters (such as a zero-width space); please type it again' }]);
  });
});

describe('messages and ownership (item 20)', () => {
  it('INVALID_TRANSITION names the kind of object, in both languages', async () => {
    const ticket = (await owner.post('/api/v1/tickets', { type: 'general', subject: '状态' })).json();
    await admin.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'resolved' });
    await admin.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'closed' });
    const zh = await admin.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'in_progress' });
    expect(zh.json().error).toMatchObject({ code: 'INVALID_TRANSITION', message: '工单当前状态为“已关闭”，不能变为“处理中”' });
    const en = await admin.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'in_progress' }, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('The ticket is "closed" and cannot become "in progress"');
    const invoice = toErrorResponse(new AppError('INVALID_TRANSITION', { entity: 'invoice', from: 'void', to: 'payment' }), 'zh-CN', 'r');
    expect(invoice.body.error.message).toBe('账单当前状态为“已作废”，不能变为“登记付款”');
    // the state and the step in words, by kind: a contract's action with its clause, a domain's state from the code
    expect(toErrorResponse(new AppError('INVALID_TRANSITION', { entity: 'contract', from: 'draft', to: 'terminate.for_cause:6.8' }), 'en', 'r').body.error.message).toBe('The contract is "draft" and cannot become "terminate"');
    expect(toErrorResponse(new AppError('DOMAIN_INVALID_TRANSITION', { from: 'revoked', to: 'submitted' }), 'zh-CN', 'r').body.error.message).toBe('域名记录当前状态为“已撤销”，不能变为“待核验”');
  });

  it("refuses a ticket naming another company's domain, naming domain; its own and unlisted ones are fine", async () => {
    await t.services.dns.createZone(system, { customerId: otherCustomerId, domain: 'other-company.cn' });
    await t.services.dns.createZone(system, { customerId, domain: 'own-company.cn' });
    const before = await auditCount();
    const foreign = await owner.post('/api/v1/tickets', { type: 'filing_assistance', domain: 'WWW.Other-Company.cn', subject: '备案' }, { 'accept-language': 'en' });
    expect(foreign.statusCode).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual([{ path: 'domain', message: "This domain belongs to another customer; it cannot be raised in your company's name" }]);
    expect(await auditCount()).toBe(before);
    expect((await owner.post('/api/v1/tickets', { type: 'filing_assistance', domain: 'www.own-company.cn', subject: '备案' })).statusCode).toBe(201);
    expect((await owner.post('/api/v1/tickets', { type: 'filing_assistance', domain: 'new-site.cn', subject: '备案' })).statusCode).toBe(201);
  });
});
