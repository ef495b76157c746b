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
    const contract = (await sales.post('/api/v1/contracts', { customerId: c.id, siteId, serverIds: [server.id], annualFee: '12,000.00' })).json();
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
