import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, multipart, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };

let t: TestApp;
let sales: ApiClient;
let siteId: string;
let cabinetId: string;
let roomId: string;

interface StepView {
  key: string;
  state: string;
  actors: string[];
  missing: { code: string; text: string }[];
  href: string;
}

async function steps(client: ApiClient, url: string, lang = 'zh-CN'): Promise<Record<string, StepView>> {
  const res = await client.get(url, { 'accept-language': lang });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { steps: StepView[] };
  return Object.fromEntries(body.steps.map((s) => [s.key, s]));
}
const states = (s: Record<string, StepView>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.state]));

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-09-28T02:00:00Z' });
  await makeStaff(t.services, 'o-sales', ['sales']);
  sales = await t.login('o-sales');
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
  const site = await t.services.floor.createSite(system, { code: 'BJ', name: '北京机房', address: '北京', accessPoint: '牛街庄电信机房' });
  roomId = (await t.services.floor.createRoom(system, { siteId: site.id, name: 'A' })).id;
  cabinetId = (await t.services.floor.createCabinet(system, { roomId, code: 'A01' })).id;
  siteId = site.id;
});
afterAll(() => t.close());

describe('the onboarding checklist (issue 18 §2)', () => {
  it('walks a new customer from nothing to a live, paid server, each step saying who acts and what is missing', async () => {
    const c = await makeCustomer(t.services, { name: '引导客户有限公司' });
    const url = `/api/v1/customers/${c.id}/onboarding`;
    let s = await steps(sales, url);
    expect(Object.keys(s)).toEqual(['roster', 'kyc', 'contacts24h', 'logRetention', 'server', 'contract', 'racked', 'network', 'domains', 'invoice']);
    expect(states(s)).toEqual({ roster: 'todo', kyc: 'todo', contacts24h: 'todo', logRetention: 'todo', server: 'todo', contract: 'blocked', racked: 'blocked', network: 'blocked', domains: 'blocked', invoice: 'blocked' });
    expect(s.roster.href).toBe(`/console/customers/${c.id}?tab=roster`);
    expect(s.server.missing[0].text).toContain('NOC');
    expect(s.contract.missing[0].code).toBe('noContractNoServer');
    // racking names the same gaps racking would refuse with (contracts.activationBlockers)
    expect(s.racked.missing.map((m) => m.code)).toEqual(expect.arrayContaining(['rackNeedsSignedContract', 'gap.kycBusinessLicence', 'gap.logRetentionAttestation']));
    expect((await steps(sales, url, 'en')).racked.missing.find((m) => m.code === 'gap.logRetentionAttestation')!.text).toContain('clause 5.5');

    // 5.10: roster and 24-hour contacts
    await t.services.roster.upsert(system, c.id, { side: 'customer', role: 'legal_representative', name: '法人', mobile: '13800000001', available24h: true });
    s = await steps(sales, url);
    expect(s.roster.state).toBe('done');
    expect(s.contacts24h.missing.map((m) => m.code)).toEqual(['technicalLead24h']);
    await t.services.roster.upsert(system, c.id, { side: 'customer', role: 'technical_lead', name: '技术', mobile: '13800000002', available24h: true });

    // KYC: uploaded → waiting for review (compliance), verified → done
    const docs = [];
    for (const [kind, idType, idNumber] of [['business_licence', 'uscc', '91350100M000100Y43'], ['legal_representative_id', 'resident_id', '11010519491231002X']] as const) {
      docs.push(await t.services.kyc.upload(system, c.id, { kind, holderName: '引导', idType, idNumber, fileName: 'k.pdf', bytes: PDF }));
    }
    s = await steps(sales, url);
    expect(s.kyc).toMatchObject({ state: 'todo', actors: ['compliance', 'sales'], href: '/console/kyc' });
    expect(s.kyc.missing.map((m) => m.code)).toEqual(['kycBusinessLicence.pending', 'kycLegalRepresentativeId.pending']);
    for (const d of docs) await t.services.kyc.review(system, d.id, { verify: true });
    await t.services.declarations.attest(system, { customerId: c.id, location: '自建日志服务器', retentionMonths: 6 });
    s = await steps(sales, url);
    expect(states(s)).toMatchObject({ roster: 'done', kyc: 'done', contacts24h: 'done', logRetention: 'done', server: 'todo', contract: 'blocked' });

    // the server: registered, then inspected
    const server = await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R750', serialNumber: 'GUIDE-1', heightU: 1 });
    s = await steps(sales, url);
    expect(s.server.missing).toEqual([{ code: 'notInspected', text: expect.stringContaining('GUIDE-1') }]);
    expect(s.contract).toMatchObject({ state: 'todo', missing: [{ code: 'noContract' }] });
    await t.services.servers.inspect(system, server.id, OK);

    // the contract: drafted, sent, signed with both attachments
    expect((await t.services.customers.get(system, c.id)).status).toBe('active'); // as the factory made it
    const contract = (await sales.post('/api/v1/contracts', { customerId: c.id, siteId, serverIds: [server.id], annualFee: '12,000.00' })).json();
    // §4: a customer with only a draft is a prospect, moved in the draft's own transaction
    expect((await t.services.customers.get(system, c.id)).status).toBe('prospect');
    s = await steps(sales, url);
    expect(s.server.state).toBe('done');
    expect(s.contract.missing.map((m) => m.code)).toEqual(['contractDraft', 'contractUnsigned', 'securityLetter', 'userUndertaking']);
    expect(s.contract.href).toBe(`/console/contracts/${contract.id}`);
    const m = multipart({ signingDate: '2026-09-28', securityLetterSigned: 'true', userUndertakingSigned: 'true' }, { name: 'signed.pdf', bytes: PDF });
    expect((await sales.request('POST', `/api/v1/contracts/${contract.id}/sign`, m.body, m.headers)).statusCode).toBe(200);
    s = await steps(sales, url);
    expect(states(s)).toMatchObject({ contract: 'done', racked: 'todo', network: 'blocked' });
    expect(s.racked.missing).toEqual([{ code: 'notRacked', text: expect.stringContaining('GUIDE-1') }]);

    // racked: the term starts and the invoice is issued
    await t.services.servers.rack(system, server.id, { cabinetId, lowestU: 10, face: 'full' });
    expect((await t.services.customers.get(system, c.id)).status).toBe('active');
    s = await steps(sales, url);
    expect(states(s)).toMatchObject({ racked: 'done', network: 'todo', domains: 'blocked', invoice: 'todo' });
    expect(s.network.missing.map((x) => x.code)).toEqual(['noPort', 'noAddress']);
    expect(s.invoice.missing[0].code).toBe('invoiceUnpaid');

    // 6.1: port and address
    const sw = await t.services.network.createSwitch(system, { roomId, name: 'SW1', model: 'S5735', portCount: 4 });
    const [port] = await t.services.network.ports(system, sw.id);
    await t.services.network.assignPort(system, server.id, { portId: port.id, interfaceName: 'eth0' });
    const pool = await t.services.ipam.createPool(system, { name: 'P', prefix: '203.0.113.0/24' });
    await t.services.ipam.allocate(system, { poolId: pool.id, serverId: server.id, address: '203.0.113.10' });
    s = await steps(sales, url);
    expect(states(s)).toMatchObject({ network: 'done', domains: 'todo' });
    expect(s.domains.missing[0].code).toBe('noDomain');

    // 5.6: a domain with its filing, verified by compliance
    const domain = await t.services.domains.add(system, { customerId: c.id, serverId: server.id, domain: 'guide.example.cn', use: 'non_commercial', filingNumber: '京ICP备12345678号-1' });
    s = await steps(sales, url);
    expect(s.domains.missing).toEqual([{ code: 'domainNoEvidence', text: expect.stringContaining('guide.example.cn') }]);
    await t.services.domains.uploadEvidence(system, domain.id, { fileName: 'icp.pdf', bytes: PDF });
    expect((await steps(sales, url)).domains).toMatchObject({ actors: ['compliance'], missing: [{ code: 'domainPending' }] });
    await t.services.domains.verify(system, domain.id, { method: 'miit_lookup', note: '工信部查询一致' });

    // 第四条: the invoice paid
    const [invoice] = await t.services.billing.invoices(system, { contractId: contract.id });
    await t.services.billing.recordPayment(system, invoice.id, { amount: '12,000.00', receivedOn: '2026-09-28', bankReference: null });
    s = await steps(sales, url);
    expect(Object.values(s).every((x) => x.state === 'done' && x.missing.length === 0)).toBe(true);

    // the contract page names the customer, the site, where the server sits and its address
    const detail = (await sales.get(`/api/v1/contracts/${contract.id}`)).json();
    expect(detail).toMatchObject({ customerName: '引导客户有限公司', site: { name: '北京机房', accessPoint: '牛街庄电信机房' } });
    expect(detail.servers).toEqual([expect.objectContaining({ serialNumber: 'GUIDE-1', placement: expect.objectContaining({ cabinetCode: 'A01', lowest: 10 }), addresses: ['203.0.113.10'], ports: 1 })]);

    // the contract's own view says the same; the customer's portal sees its own steps with portal links
    expect(states(await steps(sales, `/api/v1/contracts/${contract.id}/onboarding`))).toEqual(states(s));
    await makeCustomerUser(t.services, 'o-owner', c.id);
    const owner = await t.login('o-owner');
    const own = await steps(owner, url);
    expect(own.roster.href).toBe('/portal/roster');
    expect(own.invoice.href).toBe(`/portal/contracts/${contract.id}`);
  });

  it("is the customer's own: another customer's checklist is not found", async () => {
    const a = await makeCustomer(t.services);
    const b = await makeCustomer(t.services);
    await makeCustomerUser(t.services, 'o-other', a.id);
    const other = await t.login('o-other');
    expect((await other.get(`/api/v1/customers/${b.id}/onboarding`)).statusCode).toBe(404);
  });
});

describe("the customer's status follows its contracts (issue 18 §4)", () => {
  it('prospect → active → former, in the contract change; a suspension by the provider stays while a contract runs', async () => {
    const c = await makeCustomer(t.services, { name: '生命周期客户' });
    const audit = async () => (await t.services.audit.list(system, { customerId: c.id, action: 'customer.status', page: 1, pageSize: 50 })).items.map((r) => (r.after as { status: string }).status);
    const server = await t.services.servers.createServer(system, { customerId: c.id, brand: 'HP', model: 'DL360', serialNumber: 'LIFE-1', heightU: 1 });
    await t.services.servers.inspect(system, server.id, OK);
    const contract = await t.services.contracts.create(system, { customerId: c.id, siteId, serverIds: [server.id], annualFee: '1000' });
    expect((await t.services.customers.get(system, c.id)).status).toBe('prospect');
    // a refused activation leaves the status where it was (the whole change rolls back)
    await t.services.contracts.sign(system, contract.id, { signingDate: '2026-09-28', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
    await expect(t.services.servers.rack(system, server.id, { cabinetId, lowestU: 20, face: 'full' })).rejects.toMatchObject({ code: 'ACTIVATION_REFUSED' });
    expect((await t.services.customers.get(system, c.id)).status).toBe('prospect');
    // suspended by the provider: a contract change does not lift it; ending every contract does end the relationship
    const current = await t.services.customers.get(system, c.id);
    await t.services.customers.update(system, c.id, { status: 'suspended', version: current.version });
    await t.services.contracts.terminate(system, contract.id, { kind: 'by_agreement' });
    expect((await t.services.customers.get(system, c.id)).status).toBe('former');
    expect(new Set(await audit())).toEqual(new Set(['prospect', 'former']));
  });
});

describe('paper records (issue 18 §2)', () => {
  it('staff record the signed 5.5 attestation with its scan, who received it and when; audited; the customer sees it', async () => {
    const c = await makeCustomer(t.services, { name: '纸质承诺客户' });
    const form = (fields: Record<string, string>) => multipart({ customerId: c.id, location: '阿里云日志服务', retentionMonths: '6', receivedBy: '前台 王芳', receivedOn: '2026-09-27', ...fields }, { name: '承诺书.pdf', bytes: PDF });
    const future = form({ receivedOn: '2026-09-29' });
    const refused = await sales.request('POST', '/api/v1/compliance/attestations/paper', future.body, { ...future.headers, 'accept-language': 'en' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ path: 'receivedOn', message: 'The day received cannot be later than today' })]);
    const ok = form({});
    const res = await sales.request('POST', '/api/v1/compliance/attestations/paper', ok.body, ok.headers);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ attestedOn: '2026-09-27', validUntil: '2027-09-27', receivedBy: '前台 王芳', receivedOn: '2026-09-27', hasScan: true });
    expect((await t.services.declarations.logRetentionReadiness(system, c.id)).ready).toBe(true);
    const [entry] = (await t.services.audit.list(system, { customerId: c.id, action: 'logRetention.recordPaper', page: 1, pageSize: 5 })).items;
    expect(entry.after).toMatchObject({ receivedBy: '前台 王芳', receivedOn: '2026-09-27' });
    // the customer's own: it reads the scan; a customer user cannot record a paper one
    await makeCustomerUser(t.services, 'p-owner', c.id);
    const owner = await t.login('p-owner');
    expect((await owner.get(`/api/v1/compliance/attestations/${res.json().id}/scan`)).body).toContain('%PDF');
    const own = form({});
    expect((await owner.request('POST', '/api/v1/compliance/attestations/paper', own.body, own.headers)).statusCode).toBe(403);
  });

  it('a KYC document received on paper carries who received it and when; both or neither; never from a customer', async () => {
    const c = await makeCustomer(t.services, { name: '纸质证照客户' });
    const kyc = (fields: Record<string, string>) => multipart({ kind: 'business_licence', holderName: '纸质证照客户', idType: 'uscc', idNumber: '91350100M000100Y43', ...fields }, { name: 'licence.pdf', bytes: PDF });
    const half = kyc({ receivedBy: '前台' });
    const bad = await sales.request('POST', `/api/v1/customers/${c.id}/kyc`, half.body, half.headers);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'receivedOn', message: '纸质文件须同时填写接收人和接收日期' });
    const full = kyc({ receivedBy: '前台', receivedOn: '2026-09-28' });
    const doc = await sales.request('POST', `/api/v1/customers/${c.id}/kyc`, full.body, full.headers);
    expect(doc.statusCode, doc.body).toBe(201);
    expect(doc.json()).toMatchObject({ receivedBy: '前台', receivedOn: '2026-09-28', status: 'pending' });
    expect((await t.services.audit.list(system, { entityId: doc.json().id, action: 'kyc.recordPaper', page: 1, pageSize: 5 })).total).toBe(1);
    await makeCustomerUser(t.services, 'p-owner2', c.id);
    const owner = await t.login('p-owner2');
    const fromCustomer = kyc({ receivedBy: '我', receivedOn: '2026-09-28' });
    expect((await owner.request('POST', `/api/v1/customers/${c.id}/kyc`, fromCustomer.body, fromCustomer.headers)).statusCode).toBe(403);
  });
});

describe('four eyes (issue 18 §6)', () => {
  it('the person who uploaded a KYC document or put filing evidence on file cannot verify it; a colleague can', async () => {
    await makeStaff(t.services, 'e-compliance', ['compliance']);
    await makeStaff(t.services, 'e-compliance2', ['compliance']);
    const compliance = await t.login('e-compliance');
    const colleague = await t.login('e-compliance2');
    const c = await makeCustomer(t.services, { name: '四眼客户' });
    const m = multipart({ kind: 'business_licence', holderName: '四眼客户', idType: 'uscc', idNumber: '91350100M000100Y43' }, { name: 'k.pdf', bytes: PDF });
    const doc = (await compliance.request('POST', `/api/v1/customers/${c.id}/kyc`, m.body, m.headers)).json();
    const own = await compliance.post(`/api/v1/kyc/${doc.id}/review`, { verify: true });
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toMatchObject({ code: 'FOUR_EYES_REQUIRED', message: expect.stringContaining('四眼原则') });
    const ownEn = await compliance.request('POST', `/api/v1/kyc/${doc.id}/review`, { verify: true }, { 'accept-language': 'en' });
    expect(ownEn.json().error.message).toContain('Four eyes');
    // rejecting one's own upload is no vouching: allowed; verifying by a colleague is the rule
    expect((await colleague.post(`/api/v1/kyc/${doc.id}/review`, { verify: true })).json().status).toBe('verified');

    // an ICP filing: whoever uploaded the evidence cannot verify it
    const server = await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R650', serialNumber: 'EYES-1', heightU: 1 });
    const pool = await t.services.ipam.createPool(system, { name: 'E', prefix: '198.51.100.0/24' });
    await t.services.ipam.allocate(system, { poolId: pool.id, serverId: server.id, address: '198.51.100.9' });
    const domain = (await compliance.post('/api/v1/compliance/domains', { customerId: c.id, serverId: server.id, domain: 'eyes.example.cn', use: 'non_commercial', filingNumber: '京ICP备12345678号-2' })).json();
    const ev = multipart({}, { name: 'icp.png', bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    expect((await compliance.request('POST', `/api/v1/compliance/domains/${domain.id}/evidence`, ev.body, ev.headers)).statusCode).toBe(200);
    const selfVerify = await compliance.post(`/api/v1/compliance/domains/${domain.id}/verify`, { method: 'miit_lookup', note: '自己查' });
    expect(selfVerify.json().error.code).toBe('FOUR_EYES_REQUIRED');
    expect((await colleague.post(`/api/v1/compliance/domains/${domain.id}/verify`, { method: 'miit_lookup', note: '同事查询一致' })).json().status).toBe('verified');
  });

  it('FOUR_EYES=off lets a one-person shop verify its own upload, and audits each such waiver', async () => {
    const solo = await makeTestApp({ now: '2026-09-28T02:00:00Z', env: { FOUR_EYES: 'off' } });
    try {
      await makeStaff(solo.services, 'solo', ['sales', 'compliance']);
      const me = await solo.login('solo');
      const c = await makeCustomer(solo.services, { name: '单人机构客户' });
      const m = multipart({ kind: 'business_licence', holderName: '单人机构客户', idType: 'uscc', idNumber: '91350100M000100Y43' }, { name: 'k.pdf', bytes: PDF });
      const doc = (await me.request('POST', `/api/v1/customers/${c.id}/kyc`, m.body, m.headers)).json();
      expect((await me.post(`/api/v1/kyc/${doc.id}/review`, { verify: true })).json().status).toBe('verified');
      const waivers = await solo.services.audit.list(system, { action: 'fourEyes.waive', page: 1, pageSize: 5 });
      expect(waivers.items).toEqual([expect.objectContaining({ entity: 'kyc_document', entityId: doc.id })]);
    } finally {
      await solo.close();
    }
  });
});
