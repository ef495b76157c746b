/**
 * Issue 22 §4 on real traffic: an authority's order is registered and executed in one step against a
 * real nginx running the gate's files. The ordered name, reachable before, answers 451 on HTTP and gets
 * no TLS session afterwards — whatever its filing says; the proof records the gate that did it and the
 * probes; the customer gets the formal notice citing 5.4/5.6/5.8 and 6.3/6.8; the receipt is a sealed PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { multipart, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeStaff } from '../../../test/harness/factories.js';
import { curlHttp, eventually, startGateFixture, tlsAttempt, type GateFixture } from '../../../test/harness/nginx.js';
import { demoSealPng } from '../provider/demo-seal.js';

const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
let gate: GateFixture;
let t: TestApp;
let owner: ApiClient;
let compliance: ApiClient;
let httpPort: number;
let httpsPort: number;
let tlsUpstream: GateFixture['tlsUpstream'];
let serverId: string;
let customerId: string;

beforeAll(async () => {
  gate = await startGateFixture({
    name: 'takedown',
    customerName: '处置客户',
    serial: 'TD-1',
    logins: { owner: 'td-owner', compliance: 'td-compliance' },
    // the receipt is sealed: the provider's particulars and seal come first
    setup: async (app) => {
      await app.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
      await app.services.provider.setSeal(system, demoSealPng());
    },
  });
  ({ t, owner, compliance, httpPort, httpsPort, tlsUpstream, serverId, customerId } = gate);
  await makeStaff(t.services, 'td-noc', ['noc']);
});
afterAll(async () => {
  await gate?.stop();
});

const verifiedDomain = (domain: string, filingNumber: string) => gate.addDomain(domain, filingNumber, { verify: true });

describe('a takedown order on the real gate', () => {
  let orderId: string;

  it('registers an order naming a filed, reachable site; the customer is found from the domain list', async () => {
    await verifiedDomain('bad.example.cn', '京ICP备2021012345号-1');
    await verifiedDomain('good.example.cn', '京ICP备2021012345号-2');
    expect((await t.services.gate.apply(system)).outcome).toBe('applied');
    expect(await eventually(async () => (await curlHttp('bad.example.cn', httpPort)).status, 200)).toBe(200);
    expect(await eventually(() => tlsAttempt('bad.example.cn', httpsPort, tlsUpstream), 'passed', 10)).toBe('passed');

    // a noc user may not register one; nor may a target be unknown to us
    const noc = await t.login('td-noc');
    const body = { issuer: '北京市通信管理局', documentNumber: '京通信管〔2026〕18 号', receivedAt: '2026-04-01T01:30:00Z', deadlineAt: '2026-04-01T05:30:00Z', actions: ['block_domain', 'preserve_evidence'], reason: '网站传播违法信息', domains: ['bad.example.cn'] };
    expect((await noc.post('/api/v1/takedowns', body)).statusCode).toBe(403);
    const unknown = await compliance.post('/api/v1/takedowns', { ...body, domains: ['nobody.example.org'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('TAKEDOWN_UNMAPPED');
    const noIp = await compliance.post('/api/v1/takedowns', { ...body, actions: ['block_ip'] });
    expect(noIp.json().error.fields[0]).toMatchObject({ path: 'actions' });

    const res = await compliance.post('/api/v1/takedowns', body);
    expect(res.statusCode, res.body).toBe(201);
    orderId = res.json().id;
    expect(res.json()).toMatchObject({ number: 'CZ20260401-001', customerId, status: 'registered', targets: [{ kind: 'domain', value: 'bad.example.cn' }], proof: null });
    const f = multipart({}, { name: '处置通知.pdf', bytes: PDF });
    const scan = await compliance.request('POST', `/api/v1/takedowns/${orderId}/scan`, f.body, f.headers);
    expect(scan.json().hasScan).toBe(true);
    // registered is not yet blocked
    expect((await curlHttp('bad.example.cn', httpPort)).status).toBe(200);
  });

  it('executes in one action: blocked at nginx (451, no TLS), the proof recorded, the customer notified, the receipt sealed', async () => {
    t.clock.set('2026-04-01T02:12:30Z');
    const res = await compliance.post(`/api/v1/takedowns/${orderId}/execute`, {});
    expect(res.statusCode, res.body).toBe(200);
    const order = res.json();
    expect(order.status).toBe('executed');
    expect(order.hasReceipt).toBe(true);
    // the proof: the gate that was applied, the time from registration, both probes blocked
    const status = await t.services.gate.status(system);
    expect(order.proof).toMatchObject({ gateOutcome: 'applied', gateFingerprint: status.inForce!.fingerprint, gateApplyId: status.inForce!.id, secondsToBlock: 750 });
    expect(order.proof.checks).toEqual([
      expect.objectContaining({ name: 'bad.example.cn', protocol: 'http', result: 'blocked', detail: 'HTTP 451' }),
      expect.objectContaining({ name: 'bad.example.cn', protocol: 'tls', result: 'blocked' }),
    ]);
    // checked independently: the name is closed, the other site of the same server still open
    expect(await eventually(async () => (await curlHttp('bad.example.cn', httpPort)).status, 451)).toBe(451);
    expect(await eventually(() => tlsAttempt('bad.example.cn', httpsPort, tlsUpstream), 'closed', 10)).toBe('closed');
    expect(await eventually(async () => (await curlHttp('good.example.cn', httpPort)).status, 200)).toBe(200);
    // the formal notice cites the clauses
    const notices = (await compliance.get(`/api/v1/notices?customerId=${customerId}`)).json().items as { id: string; type: string; subjectZh: string; bodyZh: string; relatedId: string }[];
    const notice = notices.find((n) => n.type === 'takedown.executed');
    expect(notice).toMatchObject({ id: order.noticeId, relatedId: orderId });
    expect(notice?.subjectZh).toContain('第 5.4、5.6、5.8 条，第 6.3、6.8 条');
    expect(notice?.bodyZh).toContain('京通信管〔2026〕18 号');
    // the receipt: a PDF with the seal's image in it
    const receipt = await compliance.get(`/api/v1/takedowns/${orderId}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(receipt.rawPayload.toString('latin1')).toContain('/Subtype /Image');
    // executing twice is refused
    expect((await compliance.post(`/api/v1/takedowns/${orderId}/execute`, {})).statusCode).toBe(409);
  });

  it('keeps the name closed while its filing stays verified; lifting opens it', async () => {
    expect((await t.services.gate.apply(system, { force: true })).outcome).toBe('applied');
    expect(await eventually(async () => (await curlHttp('bad.example.cn', httpPort)).status, 451)).toBe(451);
    expect((await t.services.takedowns.holding([customerId])).map((h) => h.id)).toEqual([orderId]);
    const lifted = await compliance.post(`/api/v1/takedowns/${orderId}/lift`, { note: '发文机关已撤销处置要求' });
    expect(lifted.json().status).toBe('lifted');
    expect(await t.services.takedowns.holding([customerId])).toEqual([]);
    expect((await t.services.gate.apply(system)).outcome).toBe('applied');
    expect(await eventually(async () => (await curlHttp('bad.example.cn', httpPort)).status, 200)).toBe(200);
  });

  it('blocks an address and suspends its server through the suspension flow (6.3)', async () => {
    const res = await compliance.post('/api/v1/takedowns', { issuer: '某市公安局网安支队', documentNumber: '网安〔2026〕7 号', receivedAt: '2026-04-01T02:00:00Z', deadlineAt: '2026-04-01T03:00:00Z', actions: ['block_ip', 'suspend_server'], reason: '涉诈网站', ips: ['127.0.0.2'] });
    expect(res.statusCode, res.body).toBe(201);
    const done = await compliance.post(`/api/v1/takedowns/${res.json().id}/execute`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().proof.suspensionIds).toHaveLength(1);
    expect(done.json().proof.checks.map((c: { name: string; result: string }) => `${c.name}:${c.result}`)).toEqual(['bad.example.cn:blocked', 'bad.example.cn:blocked', 'good.example.cn:blocked', 'good.example.cn:blocked']);
    expect(await eventually(async () => (await curlHttp('good.example.cn', httpPort)).status, 451)).toBe(451);
    expect((await t.services.complaints.suspensions(system, { serverId, liveOnly: true })).map((s) => s.id)).toEqual(done.json().proof.suspensionIds);
    // a customer sees none of it through this API
    expect((await owner.get('/api/v1/takedowns')).statusCode).toBe(403);
  });
});
