import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, multipart, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let t: TestApp;
let sales: ApiClient;
let compliance: ApiClient;
let customerId: string;
let otherCustomerId: string;

async function count(table: string): Promise<number> {
  const [row] = await t.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
}

function filesStored(): number {
  const dir = join(t.dataDir, 'files');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((n, sub) => n + readdirSync(join(dir, sub)).length, 0);
}

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-03-02T02:00:00Z' });
  await makeStaff(t.services, 'c-sales', ['sales']);
  await makeStaff(t.services, 'c-compliance', ['compliance']);
  await makeStaff(t.services, 'c-noc', ['noc']);
  sales = await t.login('c-sales');
  compliance = await t.login('c-compliance');
  const created = await sales.post('/api/v1/customers', {
    name: '北京寰宇网络科技有限公司',
    uscc: '91110108ma01abcd2h',
    contactPhone: '+86 139 0101 2345',
    postalAddress: '北京市海淀区中关村大街 27 号',
  });
  expect(created.statusCode).toBe(201);
  customerId = created.json().id;
  otherCustomerId = (await makeCustomer(t.services, { name: '上海蓝山数据有限公司', uscc: '91310115MA1H7XYN30' })).id;
  await makeCustomerUser(t.services, 'c-owner', customerId, ['owner']);
  await makeCustomerUser(t.services, 'c-tech', customerId, ['technical']);
  await makeCustomerUser(t.services, 'c-billing', customerId, ['billing']);
  await makeCustomerUser(t.services, 'other-owner', otherCustomerId, ['owner']);
});
afterAll(() => t.close());
// tests move the clock by days and months: staff log in afresh each time, as they would
beforeEach(async () => {
  sales = await t.login('c-sales');
  compliance = await t.login('c-compliance');
});

describe('customer records', () => {
  it('normalizes the USCC and phone and derives pinyin initials', async () => {
    const c = (await sales.get(`/api/v1/customers/${customerId}`)).json();
    expect(c).toMatchObject({ uscc: '91110108MA01ABCD2H', contactPhone: '13901012345', nameInitials: 'bjhywlkjyxgs', version: 1 });
  });

  it('refuses an invalid USCC or phone with the field and the reason, in the request language, creating nothing', async () => {
    const before = await count('customers');
    const res = await sales.post('/api/v1/customers', { name: '坏数据公司', uscc: '91110108MA01ABCD2X', contactPhone: '12345' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'uscc', message: 'The check character does not match' },
      { path: 'contactPhone', message: 'A mobile number has 11 digits starting with 1' },
    ]);
    const zh = await sales.post('/api/v1/customers', { name: '坏数据公司', uscc: '123' });
    expect(zh.json().error.fields[0]).toEqual({ path: 'uscc', message: '统一社会信用代码应为 18 位' });
    expect(await count('customers')).toBe(before);
  });

  it('refuses a second customer with the same USCC (a database constraint), 409', async () => {
    const res = await sales.post('/api/v1/customers', { name: '重复公司', uscc: '91310115MA1H7XYN30' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'USCC_TAKEN', fields: [{ path: 'uscc' }] });
  });

  it('finds customers by name, pinyin initials, USCC prefix and phone', async () => {
    for (const [q, expected] of [
      ['寰宇', ['北京寰宇网络科技有限公司']],
      ['bjhy', ['北京寰宇网络科技有限公司']],
      ['BJHY', ['北京寰宇网络科技有限公司']],
      ['shls', ['上海蓝山数据有限公司']],
      ['91310115', ['上海蓝山数据有限公司']],
      ['1390101', ['北京寰宇网络科技有限公司']],
      ['有限公司', ['上海蓝山数据有限公司', '北京寰宇网络科技有限公司']],
      ['%', []],
    ] as const) {
      const names = (await sales.get(`/api/v1/customers?q=${encodeURIComponent(q)}`)).json().items.map((c: { name: string }) => c.name);
      expect(names, q).toEqual([...expected].sort());
    }
  });

  it('exports CSV with a BOM, quoting, and formulas neutralised', async () => {
    await t.services.customers.create(system, { name: '=HYPERLINK("x"),公司' });
    const res = await sales.get('/api/v1/customers/export.csv');
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.body.startsWith('\uFEFFid,name,uscc,status')).toBe(true);
    expect(res.body).toContain(`"'=HYPERLINK(""x""),公司"`);
    expect(res.body).toContain('北京寰宇网络科技有限公司,91110108MA01ABCD2H,prospect');
    const own = await (await t.login('c-owner')).get('/api/v1/customers/export.csv');
    expect(own.body.trim().split('\r\n')).toHaveLength(2); // header + its own row
    // a staff export reads every customer at once: it is in the audit, with the filter used
    await sales.get('/api/v1/customers/export.csv?q=%E5%AF%B0%E5%AE%87');
    const reads = await t.services.audit.list(system, { entity: 'customer_export', action: 'read', page: 1, pageSize: 10 });
    expect(reads.items.map((r) => [r.actorLogin, r.entityId])).toEqual([
      ['c-sales', '{"q":"寰宇","status":null}'],
      ['c-sales', '{"q":null,"status":null}'],
    ]);
  });

  it('refuses a stale write: the later edit with the old version gets 409 and changes nothing', async () => {
    const current = (await sales.get(`/api/v1/customers/${customerId}`)).json();
    const first = await sales.request('PATCH', `/api/v1/customers/${customerId}`, { version: current.version, legalRepresentative: '刘建国' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(current.version + 1);
    const second = await sales.request('PATCH', `/api/v1/customers/${customerId}`, { version: current.version, legalRepresentative: '别人' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('STALE_VERSION');
    expect((await sales.get(`/api/v1/customers/${customerId}`)).json().legalRepresentative).toBe('刘建国');
  });

  it('lets exactly one of two simultaneous edits of the same version through', async () => {
    const current = (await sales.get(`/api/v1/customers/${customerId}`)).json();
    const other = await t.login('c-sales');
    const results = await Promise.all([
      sales.request('PATCH', `/api/v1/customers/${customerId}`, { version: current.version, noticeFax: '010-62345678' }),
      other.request('PATCH', `/api/v1/customers/${customerId}`, { version: current.version, noticeFax: '010-62345679' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect((await sales.get(`/api/v1/customers/${customerId}`)).json()).toMatchObject({ version: current.version + 1, noticeFax: winner.noticeFax });
  });

  it('lets only sales (and admins) create and edit customers', async () => {
    const noc = await t.login('c-noc');
    expect((await noc.post('/api/v1/customers', { name: '运维建的公司' })).statusCode).toBe(403);
    const owner = await t.login('c-owner');
    expect((await owner.request('PATCH', `/api/v1/customers/${customerId}`, { version: 2, name: '改名' })).statusCode).toBe(403);
  });
});

describe('rosters (5.10, 6.5)', () => {
  let techLeadId: string;

  it('keeps every change as a version, answers who was on it at a past instant, and owes the other side a notice', async () => {
    const owner = await t.login('c-owner');
    const outboxBefore = await count('notice_outbox');
    const added = await owner.put(`/api/v1/customers/${customerId}/roster`, { side: 'customer', role: 'technical_lead', name: '张博', mobile: '138 0102 3456', available24h: true });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ name: '张博', mobile: '13801023456', available24h: true });
    techLeadId = added.json().memberId;
    const firstInstant = t.clock.now();
    t.clock.advance(3_600_000);
    const changed = await owner.put(`/api/v1/customers/${customerId}/roster`, { memberId: techLeadId, side: 'customer', role: 'technical_lead', name: '王磊', mobile: '13601034567', available24h: true });
    expect(changed.json().memberId).toBe(techLeadId);
    const now = (await owner.get(`/api/v1/customers/${customerId}/roster`)).json().items;
    expect(now.filter((m: { role: string }) => m.role === 'technical_lead').map((m: { name: string }) => m.name)).toEqual(['王磊']);
    const then = (await owner.get(`/api/v1/customers/${customerId}/roster?at=${encodeURIComponent(firstInstant.toISOString())}`)).json().items;
    expect(then.filter((m: { role: string }) => m.role === 'technical_lead').map((m: { name: string }) => m.name)).toEqual(['张博']);
    const history = (await sales.get(`/api/v1/customers/${customerId}/roster/history`)).json().items;
    expect(history.filter((m: { memberId: string }) => m.memberId === techLeadId)).toHaveLength(2);
    expect(await count('notice_outbox')).toBe(outboxBefore + 2);
    const outbox = (await sales.get(`/api/v1/customers/${customerId}/outbox`)).json().items;
    expect(outbox[0]).toMatchObject({ kind: 'roster.changed', direction: 'customer_to_provider' });
    expect(outbox[0].payload.changes).toHaveLength(1); // one change, one notice (issue 19)
    expect(outbox[0].payload.changes[0].before.name).toBe('张博');
    expect(outbox[0].payload.changes[0].after.name).toBe('王磊');
  });

  it("lets the customer keep its own side only, and staff the provider's side", async () => {
    const owner = await t.login('c-owner');
    expect((await owner.put(`/api/v1/customers/${customerId}/roster`, { side: 'provider', role: 'network_admin', name: '假冒乙方' })).statusCode).toBe(403);
    const billing = await t.login('c-billing');
    expect((await billing.put(`/api/v1/customers/${customerId}/roster`, { side: 'customer', role: 'server_admin', name: '财务' })).statusCode).toBe(403);
    const noc = await t.login('c-noc');
    const res = await noc.put(`/api/v1/customers/${customerId}/roster`, { side: 'provider', role: 'network_admin', name: '李强', mobile: '13922223333', available24h: true });
    expect(res.statusCode).toBe(200);
    const outbox = (await sales.get(`/api/v1/customers/${customerId}/outbox`)).json().items;
    expect(outbox.find((o: { payload: { changes: { after?: { name: string } }[] } }) => o.payload.changes[0].after?.name === '李强').direction).toBe('provider_to_customer');
  });

  it('validates phones and demands a mobile for a 24-hour contact', async () => {
    const owner = await t.login('c-owner');
    const before = await count('roster_members');
    const bad = await owner.put(`/api/v1/customers/${customerId}/roster`, { side: 'customer', role: 'legal_representative', name: '刘建国', mobile: '010-62345678', available24h: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('mobile');
    const none = await owner.put(`/api/v1/customers/${customerId}/roster`, { side: 'customer', role: 'legal_representative', name: '刘建国', available24h: true });
    expect(none.json().error.fields).toEqual([{ path: 'mobile', message: '24 小时联系人必须有手机号码' }]);
    expect(await count('roster_members')).toBe(before);
  });

  it('takes a person off from now on, keeping the past', async () => {
    const owner = await t.login('c-owner');
    const helper = (await owner.put(`/api/v1/customers/${customerId}/roster`, { side: 'customer', role: 'server_admin', name: '临时工' })).json();
    const whileThere = t.clock.now();
    t.clock.advance(60_000);
    expect((await owner.delete(`/api/v1/customers/${customerId}/roster/${helper.memberId}`)).statusCode).toBe(204);
    const names = (await owner.get(`/api/v1/customers/${customerId}/roster`)).json().items.map((m: { name: string }) => m.name);
    expect(names).not.toContain('临时工');
    const past = (await owner.get(`/api/v1/customers/${customerId}/roster?at=${encodeURIComponent(whileThere.toISOString())}`)).json().items.map((m: { name: string }) => m.name);
    expect(past).toContain('临时工');
  });
});

describe('KYC documents (5.10)', () => {
  let licenceId: string;

  const upload = (client: ApiClient, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }, id = customerId) => {
    const m = multipart(fields, file);
    return client.request('POST', `/api/v1/customers/${id}/kyc`, m.body, m.headers);
  };

  it('stores a licence by content hash, pending review', async () => {
    const res = await upload(sales, { kind: 'business_licence', holderName: '北京寰宇网络科技有限公司', idType: 'uscc', idNumber: '91110108MA01ABCD2H', issuedOn: '2019-05-10' }, { name: 'licence.pdf', bytes: PDF });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', contentType: 'application/pdf', sizeBytes: PDF.length });
    expect(JSON.stringify(res.json())).not.toMatch(/sha256/i);
    licenceId = res.json().id;
    expect(filesStored()).toBe(1);
  });

  it('refuses empty, oversized, mistyped and invalid uploads, storing nothing', async () => {
    const rowsBefore = await count('kyc_documents');
    const filesBefore = filesStored();
    const meta = { kind: 'legal_representative_id', holderName: '刘建国', idType: 'resident_id', idNumber: '110108198003152017' };
    const cases: [Record<string, string>, { name: string; bytes: Uint8Array } | undefined, string][] = [
      [meta, { name: 'empty.pdf', bytes: Buffer.alloc(0) }, 'file'],
      [meta, { name: 'fake.pdf', bytes: Buffer.from('MZ\x90\x00 this is an executable, not a PDF') }, 'file'],
      [meta, { name: 'big.png', bytes: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) }, 'file'],
      [meta, undefined, 'file'],
      [{ ...meta, idNumber: '110108198003152018' }, { name: 'id.png', bytes: PNG }, 'idNumber'],
      [{ ...meta, idType: 'uscc' }, { name: 'id.png', bytes: PNG }, 'idType'],
      [{ ...meta, issuedOn: '2020-01-01', expiresOn: '2019-01-01' }, { name: 'id.png', bytes: PNG }, 'expiresOn'],
      [{ ...meta, kind: 'tax_return' }, { name: 'id.png', bytes: PNG }, 'kind'],
    ];
    for (const [fields, file, path] of cases) {
      const res = await upload(sales, fields, file);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect(await count('kyc_documents')).toBe(rowsBefore);
    expect(filesStored()).toBe(filesBefore);
  });

  it('accepts passports and permits as typed', async () => {
    const res = await upload(sales, { kind: 'handler_id', holderName: 'John Smith', idType: 'passport', idNumber: 'E12345678', expiresOn: '2030-01-01' }, { name: 'passport.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) });
    expect(res.statusCode).toBe(201);
    expect(res.json().contentType).toBe('image/jpeg');
  });

  it('serves the file to its customer and to staff (audited), never to another customer', async () => {
    const own = await (await t.login('c-owner')).get(`/api/v1/kyc/${licenceId}/file`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PDF)).toBe(true);
    const other = await (await t.login('other-owner')).get(`/api/v1/kyc/${licenceId}/file`);
    expect(other.statusCode).toBe(404);
    await compliance.get(`/api/v1/kyc/${licenceId}/file`);
    const audit = await t.services.audit.list(system, { entity: 'kyc_document', entityId: licenceId, action: 'read', page: 1, pageSize: 10 });
    expect(audit.items.map((r) => r.actorLogin)).toEqual(['c-compliance']);
  });

  it('goes through the review queue: verify, or reject with a reason', async () => {
    const queue = (await compliance.get('/api/v1/kyc/queue')).json().items;
    expect(queue.map((d: { id: string }) => d.id)).toContain(licenceId);
    const noReason = await compliance.post(`/api/v1/kyc/${queue[1].id}/review`, { verify: false });
    expect(noReason.statusCode).toBe(400);
    const verified = await compliance.post(`/api/v1/kyc/${licenceId}/review`, { verify: true });
    expect(verified.json()).toMatchObject({ status: 'verified' });
    expect((await compliance.post(`/api/v1/kyc/${licenceId}/review`, { verify: true })).statusCode).toBe(409);
    const owner = await t.login('c-owner');
    expect((await owner.post(`/api/v1/kyc/${licenceId}/review`, { verify: true })).statusCode).toBe(403);
    // a rejection tells the customer why, so a better copy can be sent
    const rejected = await compliance.post(`/api/v1/kyc/${queue[1].id}/review`, { verify: false, reason: '复印件不清晰' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '复印件不清晰' });
    const outbox = (await owner.get(`/api/v1/customers/${customerId}/outbox`)).json().items;
    expect(outbox.find((o: { kind: string }) => o.kind === 'kyc.rejected')).toMatchObject({ direction: 'provider_to_customer', payload: { documentId: queue[1].id, reason: '复印件不清晰' } });
  });
});

describe('activation readiness', () => {
  it('names what is missing: both 24-hour contacts and verified KYC', async () => {
    const fresh = await makeCustomer(t.services, { name: '准备中公司' });
    const readiness = (await sales.get(`/api/v1/customers/${fresh.id}/readiness`)).json();
    expect(readiness).toEqual({ ready: false, missing: ['legalRepresentative24h', 'technicalLead24h', 'kycBusinessLicence', 'kycLegalRepresentativeId'], rosterMembers: 0 });
    await t.services.roster.upsert(system, fresh.id, { side: 'customer', role: 'legal_representative', name: '甲', mobile: '13800000001', available24h: true });
    await t.services.roster.upsert(system, fresh.id, { side: 'customer', role: 'technical_lead', name: '乙', mobile: '13800000002', available24h: false });
    expect((await t.services.customers.activationReadiness(system, fresh.id)).missing).toEqual(['technicalLead24h', 'kycBusinessLicence', 'kycLegalRepresentativeId']);
    for (const [kind, idType, idNumber] of [
      ['business_licence', 'uscc', '91350100M000100Y43'],
      ['legal_representative_id', 'resident_id', '11010519491231002X'],
    ] as const) {
      const doc = await t.services.kyc.upload(system, fresh.id, { kind, holderName: '甲', idType, idNumber, fileName: 'x.pdf', bytes: PDF });
      await t.services.kyc.review(system, doc.id, { verify: true });
    }
    const tech = (await t.services.roster.current(system, fresh.id)).find((m) => m.role === 'technical_lead')!;
    await t.services.roster.upsert(system, fresh.id, { memberId: tech.memberId, side: 'customer', role: 'technical_lead', name: '乙', mobile: '13800000002', available24h: true });
    expect(await t.services.customers.activationReadiness(system, fresh.id)).toEqual({ ready: true, missing: [], rosterMembers: 2 });
    expect((await sales.get(`/api/v1/customers/${fresh.id}/readiness`)).json().ready).toBe(true);
  });
});

describe('activation readiness over time', () => {
  it('stops counting a verified ID once it has expired', async () => {
    const start = t.clock.now();
    const c = await makeCustomer(t.services, { name: '证件过期公司' });
    await t.services.roster.upsert(system, c.id, { side: 'customer', role: 'legal_representative', name: '甲', mobile: '13800000011', available24h: true });
    await t.services.roster.upsert(system, c.id, { side: 'customer', role: 'technical_lead', name: '乙', mobile: '13800000012', available24h: true });
    for (const [kind, idType, idNumber, expiresOn] of [
      ['business_licence', 'uscc', '91350100M000100Y43', null],
      ['legal_representative_id', 'resident_id', '11010519491231002X', '2026-04-01'],
    ] as const) {
      const doc = await t.services.kyc.upload(system, c.id, { kind, holderName: '甲', idType, idNumber, expiresOn, fileName: 'x.pdf', bytes: PDF });
      await t.services.kyc.review(system, doc.id, { verify: true });
    }
    expect(await t.services.customers.activationReadiness(system, c.id)).toEqual({ ready: true, missing: [], rosterMembers: 2 });
    t.clock.set('2026-04-01T15:59:00Z'); // 23:59 on the expiry day in Shanghai: still valid that day
    expect((await t.services.customers.activationReadiness(system, c.id)).ready).toBe(true);
    t.clock.set('2026-04-01T16:00:00Z'); // 00:00 on 2 April in Shanghai
    expect(await t.services.customers.activationReadiness(system, c.id)).toEqual({ ready: false, missing: ['kycLegalRepresentativeId'], rosterMembers: 2 });
    t.clock.set(start);
  });
});

describe('expiry reminders', () => {
  it('closes the reminder of a document once its replacement is verified', async () => {
    const start = t.clock.now();
    const c = await makeCustomer(t.services, { name: '换证公司' });
    const old = await t.services.kyc.upload(system, c.id, { kind: 'handler_id', holderName: '经办人', idType: 'passport', idNumber: 'P1111111', expiresOn: '2026-03-20', fileName: 'old.pdf', bytes: PDF });
    await t.services.kyc.review(system, old.id, { verify: true });
    await t.services.kyc.remindExpiring();
    const open = async () => (await t.services.customers.openTasks(system)).filter((x) => x.customerId === c.id);
    expect(await open()).toMatchObject([{ subjectId: old.id, customerName: '换证公司' }]);
    const renewed = await t.services.kyc.upload(system, c.id, { kind: 'handler_id', holderName: '经办人', idType: 'passport', idNumber: 'P2222222', expiresOn: '2036-03-20', fileName: 'new.pdf', bytes: PDF });
    await t.services.kyc.review(system, renewed.id, { verify: true });
    expect(await open()).toEqual([]);
    expect((await t.services.kyc.list(system, c.id)).find((d) => d.id === old.id)?.status).toBe('superseded');
    expect(await t.services.kyc.remindExpiring()).toBe(0); // a superseded document is not reminded again
    t.clock.set(start);
  });

  it('reminds 30 days ahead, once, and catches up after downtime', async () => {
    const c = await makeCustomer(t.services, { name: '到期提醒公司' });
    const soon = await t.services.kyc.upload(system, c.id, { kind: 'handler_id', holderName: '经办人', idType: 'passport', idNumber: 'P1234567', expiresOn: '2026-04-10', fileName: 'p.pdf', bytes: PDF });
    const later = await t.services.kyc.upload(system, c.id, { kind: 'legal_representative_id', holderName: '法人', idType: 'passport', idNumber: 'P7654321', expiresOn: '2026-06-30', fileName: 'q.pdf', bytes: PDF });
    await t.services.kyc.review(system, soon.id, { verify: true });
    await t.services.kyc.review(system, later.id, { verify: true });
    t.clock.set('2026-03-15T00:00:00Z');
    sales = await t.login('c-sales');
    expect(await t.services.kyc.remindExpiring()).toBe(1);
    expect(await t.services.kyc.remindExpiring()).toBe(0);
    const tasks = (await sales.get('/api/v1/tasks?role=sales')).json().items.filter((x: { customerId: string }) => x.customerId === c.id);
    expect(tasks).toMatchObject([{ kind: 'kyc.expiring', subjectId: soon.id, dueOn: '2026-04-10' }]);
    // the job was down for two months: the later document is caught up on the next run
    t.clock.set('2026-06-20T00:00:00Z');
    expect(await t.services.kyc.remindExpiring()).toBe(1);
    const outbox = await t.services.customers.outboxFor(system, c.id);
    expect(outbox.map((o) => o.kind)).toEqual(['kyc.expiring', 'kyc.expiring']);
    sales = await t.login('c-sales');
    expect((await sales.post(`/api/v1/tasks/${tasks[0].id}/done`)).json().doneAt).not.toBeNull();
    expect((await sales.post(`/api/v1/tasks/${tasks[0].id}/done`)).statusCode).toBe(404);
  });
});

describe('contact-change requests', () => {
  it('lets a customer propose, staff approve, and notifies both sides', async () => {
    const owner = await t.login('c-owner');
    const proposed = await owner.post(`/api/v1/customers/${customerId}/change-requests`, { postalAddress: '北京市海淀区新地址 1 号', noticeEmail: 'legal@huanyu.example', contactPhone: '+86 139 0101 9999' });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json().proposed.contactPhone).toBe('13901019999'); // approved as shown: normalised on the way in
    const bad = await owner.post(`/api/v1/customers/${customerId}/change-requests`, { noticeFax: '13800000000' });
    expect(bad.statusCode).toBe(400);
    const other = await (await t.login('other-owner')).post(`/api/v1/customers/${customerId}/change-requests`, { postalAddress: 'x' });
    expect(other.statusCode).toBe(404);
    const pending = (await sales.get('/api/v1/change-requests?status=pending')).json().items;
    expect(pending.map((r: { id: string }) => r.id)).toContain(proposed.json().id);
    const before = (await sales.get(`/api/v1/customers/${customerId}`)).json();
    const decided = await sales.post(`/api/v1/change-requests/${proposed.json().id}/decision`, { approve: true, note: '已核实' });
    expect(decided.json().status).toBe('approved');
    const after = (await sales.get(`/api/v1/customers/${customerId}`)).json();
    expect(after).toMatchObject({ postalAddress: '北京市海淀区新地址 1 号', noticeEmail: 'legal@huanyu.example', contactPhone: '13901019999', version: before.version + 1 });
    const kinds = (await sales.get(`/api/v1/customers/${customerId}/outbox`)).json().items.map((o: { kind: string; direction: string }) => `${o.kind}:${o.direction}`);
    expect(kinds).toEqual(expect.arrayContaining(['customer.changeApproved:provider_to_customer', 'customer.addressChanged:customer_to_provider', 'customer.changeRequested:customer_to_provider']));
    expect((await sales.post(`/api/v1/change-requests/${proposed.json().id}/decision`, { approve: false })).statusCode).toBe(409);
  });
});

describe('provider profile (乙方)', () => {
  it('saves each edit as a new version; refuses a bad USCC; only admins edit', async () => {
    await makeStaff(t.services, 'c-admin', ['admin']);
    const admin = await t.login('c-admin');
    const body = {
      legalName: '北京云桥数据科技有限公司',
      uscc: '91110106MA00YQ8D7K',
      address: '北京市丰台区南四环西路 188 号',
      domicileCourt: '北京市丰台区人民法院',
      bankName: '中国工商银行北京丰台支行',
      bankAccount: '0200004509200123456',
      signingPlace: '北京',
      postalAddress: '北京市丰台区南四环西路 188 号',
    };
    expect((await admin.put('/api/v1/provider', body)).json().version).toBe(1);
    expect((await admin.put('/api/v1/provider', { ...body, signingPlace: '上海' })).json()).toMatchObject({ version: 2, signingPlace: '上海' });
    expect((await admin.put('/api/v1/provider', { ...body, uscc: '91110106MA00YQ8D7A' })).json().error.fields[0].path).toBe('uscc');
    expect((await sales.put('/api/v1/provider', body)).statusCode).toBe(403);
    expect((await (await t.login('c-owner')).get('/api/v1/provider')).json().version).toBe(2);
    expect((await sales.get('/api/v1/provider/versions')).json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const seal = multipart({}, { name: 'seal.png', bytes: PNG });
    const sealed = await admin.request('PUT', '/api/v1/provider/seal', seal.body, seal.headers);
    expect(sealed.json()).toMatchObject({ version: 3, signingPlace: '上海' });
    expect(sealed.json().sealFile).toMatch(/^[0-9a-f]{64}$/);
    const notImage = multipart({}, { name: 'seal.png', bytes: PDF });
    expect((await admin.request('PUT', '/api/v1/provider/seal', notImage.body, notImage.headers)).json().error.fields[0].path).toBe('file');
  });
});

describe('provider seal (公章 for documents)', () => {
  const sealUpload = (client: ApiClient, bytes: Uint8Array, name = 'seal.png') => {
    const m = multipart({}, { name, bytes });
    return client.request('PUT', '/api/v1/provider/seal', m.body, m.headers);
  };

  it('takes a PNG as a new profile version, refuses anything else storing nothing, and shows it to staff only', async () => {
    const admin = await t.login('c-admin');
    const before = (await admin.get('/api/v1/provider')).json();
    const filesBefore = filesStored();
    for (const [bytes, path] of [
      [PDF, 'file'],
      [Buffer.alloc(0), 'file'],
      [Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]), 'file'],
    ] as const) {
      const res = await sealUpload(admin, bytes);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([path]);
    }
    expect((await admin.get('/api/v1/provider')).json().version).toBe(before.version);
    expect(filesStored()).toBe(filesBefore);
    expect((await sealUpload(sales, PNG)).statusCode).toBe(403);

    const saved = await sealUpload(admin, PNG);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: before.version + 1, legalName: before.legalName, sealFile: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const seal = await sales.get('/api/v1/provider/seal');
    expect(seal.headers['content-type']).toBe('image/png');
    expect(seal.rawPayload.equals(PNG)).toBe(true);
    // the version a contract was signed under keeps its own seal: the first one had none
    expect((await sales.get('/api/v1/provider/seal?version=1')).statusCode).toBe(404);
    expect((await (await t.login('c-owner')).get('/api/v1/provider/seal')).statusCode).toBe(403);
  });
});

describe("the provider's own changes (第九条, the other way)", () => {
  it('owes every customer under contract a notice when its contact details change, and nothing for other edits', async () => {
    const admin = await t.login('c-admin');
    const current = (await admin.get('/api/v1/provider')).json();
    const { version: _v, createdBy: _b, createdAt: _a, ...profile } = current;
    const notices = async () => t.database.raw.query<{ customer_id: string; payload: { changes: unknown[] } }>("SELECT customer_id, payload FROM notice_outbox WHERE kind = 'provider.contactChanged'");
    const [{ n: underContract }] = await t.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM customers WHERE status IN ('active', 'suspended')");
    expect(underContract).toBeGreaterThan(1);

    expect((await admin.put('/api/v1/provider', { ...profile, signingPlace: '天津' })).statusCode).toBe(200);
    expect(await notices()).toEqual([]); // where contracts are signed is not a contact detail

    expect((await admin.put('/api/v1/provider', { ...profile, noticeEmail: 'legal@yunqiao.example' })).statusCode).toBe(200);
    const sent = await notices();
    expect(sent).toHaveLength(underContract);
    expect(sent.map((r) => r.customer_id)).toContain(otherCustomerId);
    expect(sent.map((r) => r.customer_id)).not.toContain(customerId); // still a prospect: no relationship to notify
    expect(sent[0].payload.changes).toEqual([{ field: 'noticeEmail', from: current.noticeEmail, to: 'legal@yunqiao.example' }]);
  });
});
