import { domainToASCII } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { shanghaiDate } from '../../rules/index.js';
import { makeTestApp, multipart, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
let t: TestApp;
let owner: ApiClient;
let billing: ApiClient;
let compliance: ApiClient;
let sales: ApiClient;
let customerId: string;
let serverId: string;
let otherServerId: string;

const audits = async (action: string) => (await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))[0].n;

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-04-01T02:00:00Z' });
  const c = await makeCustomer(t.services, { name: '合规客户' });
  const other = await makeCustomer(t.services, { name: '他人' });
  customerId = c.id;
  await makeCustomerUser(t.services, 'c-owner', c.id);
  await makeCustomerUser(t.services, 'c-billing', c.id, ['billing']);
  await makeStaff(t.services, 'c-compliance', ['compliance']);
  await makeStaff(t.services, 'c-sales', ['sales']);
  serverId = (await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R750', serialNumber: 'CMP-1', heightU: 1 })).id;
  otherServerId = (await t.services.servers.createServer(system, { customerId: other.id, brand: 'Dell', model: 'R750', serialNumber: 'CMP-2', heightU: 1 })).id;
  const pool = await t.services.ipam.createPool(system, { name: 'P', prefix: '203.0.113.0/24' });
  await t.services.ipam.allocate(system, { poolId: pool.id, serverId, address: '203.0.113.10' });
  await t.services.ipam.allocate(system, { poolId: pool.id, serverId: otherServerId, address: '203.0.113.20' });
  owner = await t.login('c-owner');
  billing = await t.login('c-billing');
  compliance = await t.login('c-compliance');
  sales = await t.login('c-sales');
});
afterAll(() => t.close());

/** Sessions lapse when the test clock jumps a year. */
async function relogin() {
  owner = await t.login('c-owner');
  billing = await t.login('c-billing');
  compliance = await t.login('c-compliance');
  sales = await t.login('c-sales');
}

async function evidence(client: ApiClient, id: string) {
  const f = multipart({}, { name: 'miit.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) });
  return client.request('POST', `/api/v1/compliance/domains/${id}/evidence`, f.body, f.headers);
}

describe('the domain list (5.6, 5.7, 5.11)', () => {
  let id: string;

  it('takes a new site from the portal: IDN to punycode, the filing checked for its use, the server address from IPAM', async () => {
    const res = await owner.post('/api/v1/compliance/domains', { serverId, domain: 'ＷＷＷ.中国测试。CN', use: 'non_commercial', filingNumber: '京ICP备 2021012345号-2', psbNumber: '京公网安备11010502030143号' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ domain: domainToASCII('www.中国测试.cn'), domainUnicode: 'www.中国测试.cn', address: '203.0.113.10', status: 'submitted', filingNumber: '京ICP备2021012345号-2', version: 1, hasEvidence: false, customerId });
    id = res.json().id;
    expect(await audits('domain.add')).toBe(1);
  });

  it('refuses the wrong document for the use, bad numbers, foreign servers and a duplicate, changing nothing', async () => {
    const bad = await owner.post('/api/v1/compliance/domains', { serverId, domain: 'shop.example.cn', use: 'commercial', filingNumber: '京ICP备12345678号', psbNumber: '京公网安备1101050203014号' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['filingNumber', 'psbNumber']);
    expect((await owner.post('/api/v1/compliance/domains', { serverId, domain: 'localhost', use: 'non_commercial', filingNumber: '京ICP备12345678号' })).json().error.fields[0].path).toBe('domain');
    expect((await owner.post('/api/v1/compliance/domains', { serverId: otherServerId, domain: 'x.example.cn', use: 'non_commercial', filingNumber: '京ICP备12345678号' })).statusCode).toBe(404);
    expect((await owner.post('/api/v1/compliance/domains', { serverId, address: '203.0.113.20', domain: 'x.example.cn', use: 'non_commercial', filingNumber: '京ICP备12345678号' })).json().error.fields[0].path).toBe('address');
    const dup = await owner.post('/api/v1/compliance/domains', { serverId, domain: 'WWW.中国测试.cn', use: 'non_commercial', filingNumber: '京ICP备12345678号' });
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'DOMAIN_TAKEN']);
    expect((await billing.post('/api/v1/compliance/domains', { serverId, domain: 'y.example.cn', use: 'non_commercial', filingNumber: '京ICP备12345678号' })).statusCode).toBe(403);
    expect((await owner.get('/api/v1/compliance/domains')).json().items).toHaveLength(1);
  });

  it('the database keeps one live entry per domain even past the service', async () => {
    await expect(
      t.database.raw.query(
        `INSERT INTO compliance_domains (id, customer_id, server_id, domain, domain_unicode, address, use, filing_number, status, version, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, 'x', '203.0.113.10', 'non_commercial', 'x', 'submitted', 1, now(), now())`,
        [customerId, serverId, domainToASCII('www.中国测试.cn')],
      ),
    ).rejects.toThrow();
    await expect(t.database.raw.query(`UPDATE compliance_domains SET status = 'verified' WHERE id = $1`, [id])).rejects.toThrow(); // verified needs who, how, when due
  });

  it('verification needs evidence, a compliance user, and records how; due again in a year', async () => {
    expect((await compliance.post(`/api/v1/compliance/domains/${id}/verify`, { method: 'miit_lookup', note: '查询一致' })).json().error.fields[0].path).toBe('evidence');
    expect((await evidence(owner, id)).json()).toMatchObject({ hasEvidence: true, evidenceContentType: 'image/png', version: 2 });
    const queue = await compliance.get('/api/v1/compliance/queue/filings');
    expect(queue.json().items?.map((d: { id: string }) => d.id), queue.body).toEqual([id]);
    expect((await sales.post(`/api/v1/compliance/domains/${id}/verify`, { method: 'miit_lookup', note: 'x' })).statusCode).toBe(403);
    expect((await owner.post(`/api/v1/compliance/domains/${id}/verify`, { method: 'miit_lookup', note: 'x' })).statusCode).toBe(403);
    const v = await compliance.post(`/api/v1/compliance/domains/${id}/verify`, { method: 'miit_lookup', note: '工信部备案系统查询一致' });
    expect(v.json()).toMatchObject({ status: 'verified', verificationMethod: 'miit_lookup', verificationNote: '工信部备案系统查询一致', reverifyDueOn: '2027-04-01' });
    expect((await compliance.get('/api/v1/compliance/queue/filings')).json().items).toEqual([]);
    expect(await audits('domain.verify')).toBe(1);
    // a year on it is back in the queue, still served until re-verified
    t.clock.set('2027-04-01T01:00:00Z');
    await relogin();
    const due = (await compliance.get('/api/v1/compliance/queue/filings')).json().items;
    expect(due.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([[id, 'verified']]);
    expect((await compliance.post(`/api/v1/compliance/domains/${id}/verify`, { method: 'licence_original_seen', note: '复核' })).json().reverifyDueOn).toBe('2028-04-01');
    expect(await audits('domain.reverify')).toBe(1);
  });

  it('a customer edit sends the entry back for verification (5.7), with optimistic versions', async () => {
    const current = (await owner.get(`/api/v1/compliance/domains/${id}`)).json();
    expect((await owner.put(`/api/v1/compliance/domains/${id}`, { version: current.version - 1, filingNumber: '京ICP备2021012346号' })).json().error.code).toBe('STALE_VERSION');
    const edited = await owner.put(`/api/v1/compliance/domains/${id}`, { version: current.version, filingNumber: '京ICP备2021012346号' });
    expect(edited.json()).toMatchObject({ status: 'submitted', filingNumber: '京ICP备2021012346号' });
    expect(await audits('domain.edit')).toBe(1);
    await compliance.post(`/api/v1/compliance/domains/${id}/verify`, { method: 'miit_lookup', note: '更新后核验' });
  });

  it('suspends and restores, then revokes for good, telling the customer each time', async () => {
    const s = await compliance.post(`/api/v1/compliance/domains/${id}/suspend`, { reason: '备案主体与客户不符' });
    expect(s.json()).toMatchObject({ status: 'suspended', statusReason: '备案主体与客户不符' });
    expect((await compliance.post(`/api/v1/compliance/domains/${id}/verify`, { method: 'authority_confirmation', note: '已更正' })).json().status).toBe('verified');
    expect((await compliance.post(`/api/v1/compliance/domains/${id}/revoke`, { reason: '' })).statusCode).toBe(400);
    expect((await compliance.post(`/api/v1/compliance/domains/${id}/revoke`, { reason: '备案已注销' })).json().status).toBe('revoked');
    expect((await compliance.post(`/api/v1/compliance/domains/${id}/verify`, { method: 'miit_lookup', note: 'x' })).json().error.code).toBe('DOMAIN_INVALID_TRANSITION');
    expect((await owner.put(`/api/v1/compliance/domains/${id}`, { version: 99, filingNumber: '京ICP备2021012346号' })).json().error.code).toBe('DOMAIN_INVALID_TRANSITION');
    const notices = await t.services.notices.list(system, customerId);
    expect(notices.map((n) => n.type).sort()).toEqual(['compliance.domainRevoked', 'compliance.domainSuspended']);
    expect(notices.find((n) => n.type === 'compliance.domainRevoked')!.bodyZh).toContain('备案已注销');
    // revoked is history: the name may be listed again
    expect((await owner.post('/api/v1/compliance/domains', { serverId, domain: 'www.中国测试.cn', use: 'non_commercial', filingNumber: '京ICP备2021012347号' })).statusCode).toBe(201);
  });

  it("a removed server's domains leave the list", async () => {
    const d = (await owner.post('/api/v1/compliance/domains', { serverId, domain: 'gone.example.cn', use: 'non_commercial', filingNumber: '京ICP备12345678号' })).json();
    await t.services.servers.remove(system, serverId);
    expect((await owner.get(`/api/v1/compliance/domains/${d.id}`)).json()).toMatchObject({ status: 'revoked', statusReason: 'server removed' });
  });
});

describe('declared services (5.3), log retention (5.5)', () => {
  let sid: string;
  beforeAll(async () => {
    sid = (await t.services.servers.createServer(system, { customerId, brand: 'HP', model: 'DL380', serialNumber: 'CMP-3', heightU: 2 })).id;
  });

  it('refuses prohibited uses, flags a non-www service without its agreement until one is filed', async () => {
    for (const kind of ['proxy', 'subletting', 'virtual_hosting', 'disk_rental']) {
      const res = await owner.post('/api/v1/compliance/services', { serverId: sid, kind });
      expect([res.statusCode, res.json().error.code], kind).toEqual([422, 'SERVICE_PROHIBITED']);
    }
    expect((await owner.post('/api/v1/compliance/services', { serverId: sid, kind: 'www' })).json().violation).toBeNull();
    const mail = await owner.post('/api/v1/compliance/services', { serverId: sid, kind: 'email', description: 'Postfix' });
    expect(mail.json()).toMatchObject({ kind: 'email', violation: 'SERVICE_AGREEMENT_MISSING', hasAgreement: false });
    expect((await owner.post('/api/v1/compliance/services', { serverId: sid, kind: 'email' })).statusCode).toBe(409);
    const f = multipart({}, { name: 'agreement.pdf', bytes: PDF });
    expect((await owner.request('POST', `/api/v1/compliance/services/${mail.json().id}/agreement`, f.body, f.headers)).statusCode).toBe(403);
    const filed = await compliance.request('POST', `/api/v1/compliance/services/${mail.json().id}/agreement`, f.body, f.headers);
    expect(filed.json()).toMatchObject({ hasAgreement: true, violation: null });
    expect((await owner.get(`/api/v1/compliance/services?serverId=${sid}`)).json().items.map((s: { kind: string }) => s.kind)).toEqual(['email', 'www']);
  });

  it('an attestation of at least 6 months makes the customer ready; it lapses a year on, with one reminder', async () => {
    expect((await owner.get(`/api/v1/compliance/readiness/${customerId}`)).json()).toMatchObject({ ready: false, state: 'missing', gap: 'compliance.gap.logRetention' });
    expect((await owner.post('/api/v1/compliance/attestations', { location: '阿里云 SLS', retentionMonths: 5 })).json().error.fields[0].path).toBe('retentionMonths');
    const a = await owner.post('/api/v1/compliance/attestations', { location: '自建 ELK，日志服务器 10.0.0.5', retentionMonths: 6 });
    expect(a.json()).toMatchObject({ attestedOn: '2027-04-01', validUntil: '2028-04-01' });
    expect((await t.services.declarations.logRetentionReadiness(system, customerId)).ready).toBe(true);
    t.clock.set('2028-03-10T01:00:00Z');
    await relogin();
    expect((await compliance.get('/api/v1/compliance/queue/attestations')).json().items.map((x: { state: string }) => x.state)).toEqual(['due_soon']);
    expect(await t.services.declarations.remindAttestations()).toBe(1);
    expect(await t.services.declarations.remindAttestations()).toBe(0);
    t.clock.set('2028-04-02T01:00:00Z');
    await relogin();
    expect((await t.services.declarations.logRetentionReadiness(system, customerId)).state).toBe('expired');
    await owner.post('/api/v1/compliance/attestations', { location: '自建 ELK', retentionMonths: 12 });
    expect((await t.services.declarations.logRetentionReadiness(system, customerId)).ready).toBe(true);
  });
});

describe('complaints, violations, termination for cause (5.4, 5.8, 6.8) and inspections (6.6)', () => {
  let sid: string;
  let contractId: string;
  beforeAll(async () => {
    sid = (await t.services.servers.createServer(system, { customerId, brand: 'HP', model: 'DL380', serialNumber: 'CMP-4', heightU: 2 })).id;
    const pool = await t.services.ipam.createPool(system, { name: 'Q', prefix: '198.51.100.0/24' });
    await t.services.ipam.allocate(system, { poolId: pool.id, serverId: sid, address: '198.51.100.7' });
    await t.services.provider.update(system, { legalName: '云桥数据', uscc: '91110106MA00YQ8D7K', address: 'x', domicileCourt: 'x', bankName: 'x', bankAccount: '1234567890', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: 'x', sealFile: null });
    const site = await t.services.floor.createSite(system, { code: 'C-1', name: '合规机房', address: 'x', accessPoint: 'x' });
    contractId = (await t.services.contracts.create(system, { customerId, siteId: site.id, serverIds: [sid], annualFee: '12000' })).id;
    await t.services.contracts.sign(system, contractId, { signingDate: '2028-04-01', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
  });

  it('maps an IP to its customer, notifies with a deadline, confirms citing the clause, terminates only for 5.3–5.7', async () => {
    expect((await compliance.post('/api/v1/compliance/complaints', { source: 'CNCERT', category: 'spam', description: 'x', ip: '192.0.2.1' })).json().error.code).toBe('COMPLAINT_UNMAPPED');
    const c = await compliance.post('/api/v1/compliance/complaints', { source: 'CNCERT 通报', category: 'spam', description: '大量垃圾邮件', ip: '198.51.100.7' });
    expect(c.json()).toMatchObject({ customerId, serverId: sid, status: 'open', suggestedClause: '5.8' });
    const id = c.json().id;
    expect((await owner.get('/api/v1/compliance/complaints')).json().items.map((x: { id: string }) => x.id)).toEqual([id]);
    // the customer learns what was complained of, not who complained
    expect((await owner.get('/api/v1/compliance/complaints')).json().items[0].source).toBeNull();
    expect((await owner.get(`/api/v1/compliance/complaints/${id}`)).json().source).toBeNull();
    expect((await compliance.get(`/api/v1/compliance/complaints/${id}`)).json().source).toBe('CNCERT 通报');
    const n = await compliance.post(`/api/v1/compliance/complaints/${id}/notify`, { hours: 24 });
    expect(n.json()).toMatchObject({ status: 'notified', deadlineAt: '2028-04-03T01:00:00.000Z' });
    const notice = (await t.services.notices.list(system, customerId)).find((x) => x.type === 'compliance.complaint')!;
    expect(notice.bodyZh).toContain('2028-04-03T09:00:00+08:00');
    expect((await compliance.post(`/api/v1/compliance/complaints/${id}/confirm`, { clause: '5.8', note: '查实' })).json()).toMatchObject({ status: 'confirmed', clause: '5.8' });
    expect((await compliance.post(`/api/v1/compliance/complaints/${id}/terminate`, { contractId })).json().error.code).toBe('TERMINATION_NOT_ALLOWED');
    const c2 = (await compliance.post('/api/v1/compliance/complaints', { source: '通管局', category: 'prohibited_service', description: '开展虚拟主机出租', ip: '198.51.100.7' })).json();
    await compliance.post(`/api/v1/compliance/complaints/${c2.id}/confirm`, { clause: '5.3', note: '查实转租' });
    const ended = await compliance.post(`/api/v1/compliance/complaints/${c2.id}/terminate`, { contractId });
    expect(ended.json()).toMatchObject({ id: contractId, status: 'terminated_for_cause' });
    expect(await audits('complaint.terminate')).toBe(1);
    expect(await audits('contract.terminate.for_cause:5.3')).toBe(1);
  });

  it('dismisses or resolves a complaint (each once), with its evidence kept', async () => {
    const a = (await compliance.post('/api/v1/compliance/complaints', { source: '网民举报', category: 'fraud', description: '疑似仿冒', ip: '198.51.100.7' })).json();
    const f = multipart({}, { name: 'shot.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) });
    expect((await compliance.request('POST', `/api/v1/compliance/complaints/${a.id}/evidence`, f.body, f.headers)).json().hasEvidence).toBe(true);
    expect((await compliance.post(`/api/v1/compliance/complaints/${a.id}/resolve`, { note: 'x' })).json().error.code).toBe('COMPLAINT_INVALID_TRANSITION');
    expect((await compliance.post(`/api/v1/compliance/complaints/${a.id}/dismiss`, { note: '经核实为正常业务' })).json()).toMatchObject({ status: 'dismissed', decisionNote: '经核实为正常业务' });
    expect((await compliance.post(`/api/v1/compliance/complaints/${a.id}/confirm`, { clause: '5.8', note: 'x' })).json().error.code).toBe('COMPLAINT_INVALID_TRANSITION');
    const b = (await compliance.post('/api/v1/compliance/complaints', { source: 'CNCERT', category: 'intrusion', description: '对外扫描', ip: '198.51.100.7' })).json();
    expect((await compliance.post(`/api/v1/compliance/complaints/${b.id}/notify`, { hours: 0 })).json().error.fields[0].path).toBe('hours');
    await compliance.post(`/api/v1/compliance/complaints/${b.id}/confirm`, { clause: '5.8', note: '查实' });
    expect((await owner.post(`/api/v1/compliance/complaints/${b.id}/resolve`, { note: 'x' })).statusCode).toBe(403);
    expect((await compliance.post(`/api/v1/compliance/complaints/${b.id}/resolve`, { note: '已清除并加固' })).json()).toMatchObject({ status: 'resolved', decisionNote: '查实\n已清除并加固' });
    expect(await audits('complaint.dismiss')).toBe(1);
    expect(await audits('complaint.resolve')).toBe(1);
  });

  it('a withdrawn service no longer counts, and may be declared again', async () => {
    const ftp = (await owner.post('/api/v1/compliance/services', { serverId: sid, kind: 'ftp' })).json();
    expect((await owner.post(`/api/v1/compliance/services/${ftp.id}/withdraw`)).json().withdrawnAt).not.toBeNull();
    expect((await owner.get(`/api/v1/compliance/services?serverId=${sid}`)).json().items).toEqual([]);
    expect((await owner.post(`/api/v1/compliance/services/${ftp.id}/withdraw`)).statusCode).toBe(404);
    expect((await owner.post('/api/v1/compliance/services', { serverId: sid, kind: 'ftp' })).statusCode).toBe(201);
    expect(await audits('service.withdraw')).toBe(1);
  });

  it('lets the customer and staff download the complaint evidence and the supplementary agreement, nobody else; staff reads audited', async () => {
    const stranger = await makeCustomer(t.services, { name: '无关客户' });
    await makeCustomerUser(t.services, 'c-stranger', stranger.id);
    const other = await t.login('c-stranger');
    const c = (await compliance.post('/api/v1/compliance/complaints', { source: '网民举报', category: 'spam', description: '垃圾邮件', ip: '198.51.100.7' })).json();
    expect((await owner.get(`/api/v1/compliance/complaints/${c.id}/evidence`)).statusCode).toBe(404);
    const f = multipart({}, { name: '举报截图.pdf', bytes: PDF });
    await compliance.request('POST', `/api/v1/compliance/complaints/${c.id}/evidence`, f.body, f.headers);
    const mine = await owner.get(`/api/v1/compliance/complaints/${c.id}/evidence`);
    expect([mine.statusCode, mine.headers['content-type'], mine.rawPayload.equals(PDF)]).toEqual([200, 'application/pdf', true]);
    expect(mine.headers['content-disposition']).toContain(encodeURIComponent('举报截图.pdf'));
    expect((await other.get(`/api/v1/compliance/complaints/${c.id}/evidence`)).statusCode).toBe(404);
    const reads = async (entity: string, id: string) => (await t.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'read' AND entity = $1 AND entity_id = $2", [entity, id]))[0].n;
    expect((await compliance.get(`/api/v1/compliance/complaints/${c.id}/evidence`)).statusCode).toBe(200);
    expect(await reads('compliance_complaint', c.id)).toBe(1);

    const db = (await owner.post('/api/v1/compliance/services', { serverId: sid, kind: 'database', description: 'MySQL' })).json();
    expect((await owner.get(`/api/v1/compliance/services/${db.id}/agreement`)).statusCode).toBe(404);
    const a = multipart({}, { name: '补充协议.pdf', bytes: PDF });
    await compliance.request('POST', `/api/v1/compliance/services/${db.id}/agreement`, a.body, a.headers);
    const agreement = await owner.get(`/api/v1/compliance/services/${db.id}/agreement`);
    expect([agreement.statusCode, agreement.rawPayload.equals(PDF)]).toEqual([200, true]);
    expect((await other.get(`/api/v1/compliance/services/${db.id}/agreement`)).statusCode).toBe(404);
    expect((await compliance.get(`/api/v1/compliance/services/${db.id}/agreement`)).statusCode).toBe(200);
    expect(await reads('compliance_service', db.id)).toBe(1);
  });

  it('shows an inspection to the customer unless withheld, and the withholding needs a reason and is audited', async () => {
    const f = multipart({ serverId: sid, authority: '北京市公安局网安总队', documentNumber: '京公网监字〔2028〕12号', inspectedAt: '2028-04-02T10:00:00+08:00', scope: '查看服务器日志', staffPresent: '张三（NOC）' }, { name: 'auth.pdf', bytes: PDF });
    const rec = await compliance.request('POST', '/api/v1/compliance/inspections', f.body, f.headers);
    expect(rec.statusCode, rec.body).toBe(201);
    const id = rec.json().id;
    expect((await owner.get('/api/v1/compliance/inspections')).json().items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await compliance.post(`/api/v1/compliance/inspections/${id}/withhold`, { withheld: true, reason: ' ' })).statusCode).toBe(400);
    expect((await compliance.post(`/api/v1/compliance/inspections/${id}/withhold`, { withheld: true, reason: '主管机关要求保密' })).json()).toMatchObject({ withheld: true, withheldReason: '主管机关要求保密' });
    expect((await owner.get('/api/v1/compliance/inspections')).json().items).toEqual([]);
    expect((await owner.get(`/api/v1/compliance/inspections/${id}/document`)).statusCode).toBe(404);
    expect(await audits('inspection.withhold')).toBe(1);
  });
});

describe('suspension of a server in service (6.3)', () => {
  it("cuts the server's network (facility status follows, NOC gets the instruction) and restores it", async () => {
    t.clock.set('2026-06-01T02:00:00Z'); // inside the loaded working-day calendar (racking sets a commissioning deadline)
    await relogin();
    const c = await makeCustomer(t.services, { name: '在网客户' });
    for (const [kind, idType, idNumber] of [['business_licence', 'uscc', '91350100M000100Y43'], ['legal_representative_id', 'resident_id', '11010519491231002X']] as const) {
      const doc = await t.services.kyc.upload(system, c.id, { kind, holderName: '在网', idType, idNumber, fileName: 'k.pdf', bytes: PDF });
      await t.services.kyc.review(system, doc.id, { verify: true });
    }
    await t.services.roster.upsert(system, c.id, { side: 'customer', role: 'legal_representative', name: '法人', mobile: '13800000002', available24h: true });
    await t.services.roster.upsert(system, c.id, { side: 'customer', role: 'technical_lead', name: '技术', mobile: '13800000003', available24h: true });
    const site = await t.services.floor.createSite(system, { code: 'S-9', name: '机房', address: 'x', accessPoint: 'x' });
    const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'R' });
    const cabinet = await t.services.floor.createCabinet(system, { roomId: room.id, code: 'A01' });
    const server = await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R650', serialNumber: 'LIVE-1', heightU: 1 });
    await t.services.servers.inspect(system, server.id, { powerSupplies: true, rails: true, interfaces: true, labelling: true });
    const contract = await t.services.contracts.create(system, { customerId: c.id, siteId: site.id, serverIds: [server.id], annualFee: '12000' });
    await t.services.contracts.sign(system, contract.id, { signingDate: shanghaiDate(t.clock.now()), securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
    // 5.5: no activation (and so no racking) without the log-retention attestation
    await makeStaff(t.services, 'c-noc', ['noc']);
    const refused = await (await t.login('c-noc')).post(`/api/v1/servers/${server.id}/rack`, { cabinetId: cabinet.id, lowestU: 5, face: 'full' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'ACTIVATION_REFUSED', fields: [{ path: 'logRetentionAttestation', message: '缺少有效的网站访问日志留存承诺（第 5.5 条，保存不少于 6 个月）' }] });
    // the refusal itself reads the reason, not the field's name (issue 18)
    expect(refused.json().error.message).toBe('不能开通：缺少有效的网站访问日志留存承诺（第 5.5 条，保存不少于 6 个月）');
    expect((await t.services.servers.findServer(system, server.id))!.status).not.toBe('racked');
    await t.services.declarations.attest(system, { customerId: c.id, location: '自建日志服务器', retentionMonths: 6 });
    await t.services.servers.rack(system, server.id, { cabinetId: cabinet.id, lowestU: 5, face: 'full' });
    await t.services.servers.setStatus(system, server.id, 'in_service');

    const s = await compliance.post('/api/v1/compliance/suspensions', { serverId: server.id, clause: '6.3', reason: '对外 DDoS 导致网络不稳定' });
    expect(s.statusCode, s.body).toBe(201);
    expect(s.json().portInstruction).toContain('LIVE-1');
    expect((await t.services.servers.findServer(system, server.id))!.status).toBe('suspended');
    expect((await compliance.post('/api/v1/compliance/suspensions', { serverId: server.id, clause: '6.3', reason: '再次' })).statusCode).toBe(409);
    expect((await compliance.post(`/api/v1/compliance/suspensions/${s.json().id}/restore`, { note: '已清除' })).json().restoredAt).not.toBeNull();
    expect((await t.services.servers.findServer(system, server.id))!.status).toBe('in_service');
    const types = (await t.services.notices.list(system, c.id)).map((n) => n.type);
    expect(types).toEqual(expect.arrayContaining(['compliance.serverSuspended', 'compliance.serverRestored']));
  });
});
