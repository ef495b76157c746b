/**
 * Issue 22 §7: the daily sweep redacts KYC copies once the contract relationship ended plus the period —
 * the file deleted, the ID number masked, the verification facts kept — and roster history past its
 * period; a legal hold (an open complaint, a takedown not lifted, one placed by hand) suspends it until it
 * ends. A person's deletion request is a personal_data ticket due in 15 working days, refused under a hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeActivationReadyCustomer, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
let t: TestApp;
let compliance: ApiClient;
let siteId: string;

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-03-02T02:00:00Z' });
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
  siteId = (await t.services.floor.createSite(system, { code: 'R-1', name: '保存期限机房', address: 'x', accessPoint: 'x' })).id;
  await makeStaff(t.services, 'rt-compliance', ['compliance']);
  compliance = await t.login('rt-compliance');
});
afterAll(async () => t?.close());

/** A customer whose only contract was signed and then ended by agreement today. */
async function formerCustomer(name: string) {
  const c = await makeActivationReadyCustomer(t.services, name);
  const server = await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R750', serialNumber: `RT-${name}`, heightU: 1 });
  const contract = await t.services.contracts.create(system, { customerId: c.id, siteId, serverIds: [server.id], annualFee: '12000' });
  await t.services.contracts.sign(system, contract.id, { signingDate: '2026-03-01', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await t.services.contracts.terminate(system, contract.id, { kind: 'by_agreement' });
  expect((await t.services.customers.get(system, c.id)).status).toBe('former');
  return c.id;
}
const kycOf = async (customerId: string) => t.services.kyc.list(system, customerId);

describe('personal-data retention', () => {
  let free: string;
  let heldByHand: string;
  let heldByComplaint: string;

  it('redacts nothing before the period ends', async () => {
    expect((await compliance.put('/api/v1/retention/policies/kyc_copies', { months: 1, answerWorkingDays: 15 })).statusCode).toBe(200);
    expect((await compliance.put('/api/v1/retention/policies/roster_history', { months: 1, answerWorkingDays: 15 })).statusCode).toBe(200);
    free = await formerCustomer('无保全客户');
    heldByHand = await formerCustomer('人工保全客户');
    heldByComplaint = await formerCustomer('投诉保全客户');
    // a roster change: the replaced version is history
    await t.services.roster.upsert(system, free, { side: 'customer', role: 'technical_lead', name: '新技术', mobile: '13900000009', available24h: true });
    const leaving = (await t.services.roster.history(system, free)).find((m) => m.name === '技术')!;
    await t.services.roster.remove(system, free, leaving.memberId);
    expect(await t.services.retention.sweep()).toEqual({ kycRedacted: 0, rosterRedacted: 0, held: 0 });
  });

  it('past the period: redacts the free customer, passes over the held ones, keeps the verification facts', async () => {
    const hold = await compliance.post(`/api/v1/retention/customers/${heldByHand}/holds`, { reason: '公安机关调取证据' });
    expect(hold.statusCode, hold.body).toBe(201);
    // a complaint names the customer through its domain list or IPAM; here through a server's address
    const server = await t.services.servers.createServer(system, { customerId: heldByComplaint, brand: 'Dell', model: 'R750', serialNumber: 'RT-X', heightU: 1 });
    const pool = await t.services.ipam.createPool(system, { name: 'rt', prefix: '192.0.2.0/24' });
    await t.services.ipam.allocate(system, { poolId: pool.id, serverId: server.id, address: '192.0.2.10' });
    await t.services.complaints.intake(system, { source: '12321 举报中心', category: 'spam', description: '发送垃圾邮件', ip: '192.0.2.10' });
    expect((await compliance.get(`/api/v1/retention/customers/${heldByComplaint}/holds`)).json().items.map((h: { kind: string }) => h.kind)).toEqual(['complaint']);

    const before = (await kycOf(free)).find((d) => d.kind === 'legal_representative_id')!;
    t.clock.set('2026-04-03T02:00:00Z');
    compliance = await t.login('rt-compliance'); // a month on: a fresh session
    const result = await t.services.retention.sweep();
    expect(result).toEqual({ kycRedacted: 2, rosterRedacted: 1, held: 2 });

    const after = (await kycOf(free)).find((d) => d.id === before.id)!;
    expect(after).toMatchObject({ status: 'verified', reviewedAt: before.reviewedAt, reviewedBy: before.reviewedBy, redactedAt: new Date('2026-04-03T02:00:00Z') });
    expect(after.idNumber).toBe('**************002X');
    expect((await compliance.get(`/api/v1/customers/${free}/kyc/${before.id}/file`)).statusCode).toBe(404);
    // the held customers keep everything
    for (const c of [heldByHand, heldByComplaint]) for (const d of await kycOf(c)) expect(d.idNumber).not.toContain('*');
    // the roster's replaced version is masked; the current one is untouched
    const history = await t.services.roster.history(system, free);
    const old = history.find((m) => m.name === '技术')!;
    const now = history.find((m) => m.name === '新技术')!;
    expect(old).toMatchObject({ mobile: '138****0002', available24h: true });
    expect(now.mobile).toBe('13900000009');
    expect((await compliance.get(`/api/v1/retention/customers/${free}/redactions`)).json().items).toHaveLength(3);
    // a second run does nothing more
    expect(await t.services.retention.sweep()).toEqual({ kycRedacted: 0, rosterRedacted: 0, held: 2 });
  });

  it('a released hold lets the next sweep catch up', async () => {
    const holds = (await compliance.get(`/api/v1/retention/customers/${heldByHand}/holds`)).json().items as { id: string }[];
    expect((await compliance.post(`/api/v1/retention/holds/${holds[0].id}/release`, {})).statusCode).toBe(200);
    expect(await t.services.retention.sweep()).toEqual({ kycRedacted: 2, rosterRedacted: 0, held: 1 });
  });

  it("a person's deletion request is a personal_data ticket due in 15 working days, refused while a hold stands", async () => {
    const res = await compliance.post('/api/v1/retention/requests', { customerId: heldByComplaint, kind: 'deletion', subjectName: '法人', detail: '请求删除本人身份证复印件' });
    expect(res.statusCode, res.body).toBe(201);
    // received Friday 2026-04-03; 4-4…4-6 清明 off; working days 4-7…4-10 (4), 4-13…4-17 (9), 4-20…4-24 (14), 4-27 (15)
    expect(res.json()).toMatchObject({ answerDueOn: '2026-04-27', status: 'open' });
    const ticket = (await compliance.get(`/api/v1/tickets/${res.json().ticketId}`)).json();
    expect(ticket.type).toBe('personal_data');
    const refused = await compliance.post(`/api/v1/retention/requests/${res.json().id}/answer`, { status: 'done', answer: '已删除' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('LEGAL_HOLD');
    for (const d of await kycOf(heldByComplaint)) expect(d.idNumber).not.toContain('*');
  });
});
