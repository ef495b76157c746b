import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope, type Scope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

/**
 * Issue 20 §5: alerts to 企业微信 / 钉钉 group robots and a generic webhook, through the outbox, to a
 * real HTTP receiver on 127.0.0.1 that checks what each service checks (the robots' JSON shapes, 钉钉's
 * 加签, the webhook's HMAC) — and that is down, then back, and gets each delivery once.
 */
const system = systemScope('test');
const DING_SECRET = 'SECtest0123456789abcdef';
const HOOK_SECRET = 'hook-secret-0123456789';

interface Received {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown>;
}

/** A receiver like the robots: it verifies what they verify and answers as they answer. */
class Receiver {
  server: Server;
  port = 0;
  accepted: Received[] = [];
  /** what the next requests meet: 'ok', or a 503 */
  mode: 'ok' | 'unavailable' = 'ok';
  seen = 0;
  constructor() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        this.seen += 1;
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const answer = (status: number, payload: object) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(payload));
        };
        if (this.mode === 'unavailable') return answer(503, { error: 'down for maintenance' });
        const json = JSON.parse(body) as Record<string, unknown>;
        if (url.pathname === '/dingtalk') {
          // 钉钉: sign = urlencode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret)))
          const timestamp = url.searchParams.get('timestamp') ?? '';
          const expected = createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64');
          if (url.searchParams.get('sign') !== expected) return answer(200, { errcode: 310000, errmsg: 'sign not match' });
        }
        if (url.pathname === '/hook') {
          const expected = `sha256=${createHmac('sha256', HOOK_SECRET).update(body).digest('hex')}`;
          if (req.headers['x-rackpact-signature'] !== expected) return answer(401, { error: 'bad signature' });
          // a receiver dedupes by the delivery id
          if (this.accepted.some((r) => r.headers['x-rackpact-delivery'] === req.headers['x-rackpact-delivery'])) return answer(200, { duplicate: true });
        }
        this.accepted.push({ path: url.pathname, query: url.searchParams, headers: req.headers, body, json });
        return answer(200, { errcode: 0, errmsg: 'ok' });
      });
    });
  }
  async listen(port = 0) {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }
  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
  url(path: string) {
    return `http://127.0.0.1:${this.port}${path}`;
  }
}

let t: TestApp;
let admin: ApiClient;
let receiver: Receiver;
let customerId: string;
let serverId: string;
let nocScope: Scope;

beforeAll(async () => {
  receiver = new Receiver();
  await receiver.listen();
  t = await makeTestApp({ now: '2026-03-02T19:00:00Z', env: { PUBLIC_URL: 'https://idc.example.cn' } });
  await makeStaff(t.services, 'al-admin', ['admin']);
  const noc = await makeStaff(t.services, 'al-noc', ['noc']);
  nocScope = { kind: 'staff', userId: noc.id, login: 'al-noc', roles: ['noc'] };
  const c = await makeCustomer(t.services, { name: '告警客户' });
  customerId = c.id;
  await makeCustomerUser(t.services, 'al-owner', c.id);
  serverId = (await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R750', serialNumber: 'AL-1', heightU: 1 })).id;
  admin = await t.login('al-admin');
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

async function addChannel(body: Record<string, unknown>) {
  const res = await admin.post('/api/v1/alert-channels', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; url: string; secretSet: boolean };
}

describe('alert channels (issue 20 §5)', () => {
  let wecom: { id: string };
  let ding: { id: string };
  let hook: { id: string };

  it('configures channels; a secret and a robot key are never answered back', async () => {
    wecom = await addChannel({ kind: 'wecom', name: 'NOC 企业微信群', url: receiver.url('/wecom?key=693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa') });
    ding = await addChannel({ kind: 'dingtalk', name: '财务钉钉群', url: receiver.url('/dingtalk?access_token=abcdef0123456789'), secret: DING_SECRET });
    hook = await addChannel({ kind: 'webhook', name: '值班系统', url: receiver.url('/hook'), secret: HOOK_SECRET });
    const list = await admin.get('/api/v1/alert-channels');
    expect(list.statusCode).toBe(200);
    const text = list.body;
    for (const secret of [DING_SECRET, HOOK_SECRET, '693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa', 'abcdef0123456789']) expect(text).not.toContain(secret);
    expect(list.json().items.find((c: { id: string }) => c.id === ding.id)).toMatchObject({ secretSet: true, url: `http://127.0.0.1:${receiver.port}/dingtalk?access_token=abcd…` });
    // an edit answers the same way; editing the name leaves URL and secret as they were
    const edited = await admin.request('PATCH', `/api/v1/alert-channels/${ding.id}`, { name: '财务钉钉群（收款）' });
    expect(edited.statusCode).toBe(200);
    expect(edited.body).not.toContain(DING_SECRET);
    expect(edited.json()).toMatchObject({ name: '财务钉钉群（收款）', secretSet: true });
    // the audit chain does not keep them either
    const [{ n }] = await t.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'alert_channel' AND (after::text LIKE $1 OR after::text LIKE $2)", [`%${DING_SECRET}%`, `%${HOOK_SECRET}%`]);
    expect(n).toBe(0);
  });

  it('refuses a webhook without a secret and a 企业微信 robot with one; only admins manage channels', async () => {
    const unsigned = await admin.post('/api/v1/alert-channels', { kind: 'webhook', name: '无签名', url: receiver.url('/x') });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error.fields[0].path).toBe('secret');
    const wecomSigned = await admin.post('/api/v1/alert-channels', { kind: 'wecom', name: '带密钥', url: receiver.url('/x'), secret: 'x' });
    expect(wecomSigned.statusCode).toBe(400);
    const duplicate = await admin.post('/api/v1/alert-channels', { kind: 'wecom', name: 'NOC 企业微信群', url: receiver.url('/x') });
    expect(duplicate.statusCode).toBe(409);
    const noc = await t.login('al-noc');
    expect((await noc.get('/api/v1/alert-channels')).statusCode).toBe(403);
    expect((await noc.get('/api/v1/alert-deliveries')).statusCode).toBe(403);
  });

  it('sends the robots their JSON shapes, 钉钉 signed, the webhook with its HMAC and delivery id (test send)', async () => {
    const sent = await Promise.all([wecom, ding, hook].map((c) => admin.post(`/api/v1/alert-channels/${c.id}/test`)));
    // side by side: each test send drains what is due, and the claim's lease keeps every delivery to one sender
    for (const res of sent) expect(res.statusCode, res.body).toBe(200);
    const deliveries = (await admin.get('/api/v1/alert-deliveries')).json().items as { eventKind: string; status: string; channelId: string }[];
    expect(deliveries.filter((d) => d.eventKind === 'test').map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);

    const w = receiver.accepted.find((r) => r.path === '/wecom')!;
    expect(w.json).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('告警通道测试消息') } });
    expect(w.query.get('key')).toBe('693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa');
    const d = receiver.accepted.find((r) => r.path === '/dingtalk')!;
    expect(d.json).toMatchObject({ msgtype: 'markdown', markdown: { title: '【测试】告警通道测试消息', text: expect.stringContaining('https://idc.example.cn/console/alert-channels') } });
    expect(d.query.get('access_token')).toBe('abcdef0123456789');
    const h = receiver.accepted.find((r) => r.path === '/hook')!;
    expect(h.headers['x-rackpact-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.headers['idempotency-key']).toBe(h.headers['x-rackpact-delivery']);
    expect(h.json).toMatchObject({ id: h.headers['x-rackpact-delivery'], event: 'test', title: '【测试】告警通道测试消息' });
    expect(receiver.accepted).toHaveLength(3);
  });

  it('a wrong 钉钉 secret is an error the delivery records (the robot answers 200 with an errcode)', async () => {
    const wrong = await addChannel({ kind: 'dingtalk', name: '签名错误', url: receiver.url('/dingtalk?access_token=zzzz'), secret: 'SECwrong' });
    const res = await admin.post(`/api/v1/alert-channels/${wrong.id}/test`);
    expect(res.json()).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('310000') });
    expect((await admin.request('PATCH', `/api/v1/alert-channels/${wrong.id}`, { enabled: false })).json()).toMatchObject({ enabled: false });
  });

  it('routes each event kind per role: an urgent reboot request and an incident reach the channels subscribed, once each', async () => {
    const put = await admin.put('/api/v1/alert-subscriptions', {
      items: [
        { eventKind: 'ticket.urgentReboot', role: 'noc', channelId: wecom.id },
        // the same channel under two roles: one delivery
        { eventKind: 'ticket.urgentReboot', role: 'admin', channelId: wecom.id },
        { eventKind: 'ticket.urgentReboot', role: 'noc', channelId: hook.id },
        { eventKind: 'incident.opened', role: 'noc', channelId: wecom.id },
        { eventKind: 'payment.received', role: 'finance', channelId: ding.id },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items).toHaveLength(5);
    const before = receiver.accepted.length;

    const owner = await t.login('al-owner');
    const ticket = await owner.post('/api/v1/tickets', { serverId, type: 'reboot', subject: '凌晨三点请重启' });
    expect(ticket.statusCode).toBe(201);
    // an ordinary ticket alerts nobody
    expect((await owner.post('/api/v1/tickets', { type: 'general', subject: '咨询', description: '问题' })).statusCode).toBe(201);
    await t.services.incidents.open(nocScope, { title: '机柜 A01 断电', cause: 'provider_fault', scope: [{ kind: 'server', target: serverId }] });

    expect(await t.services.alerting.deliverDue()).toMatchObject({ sent: 3, retried: 0, failed: 0 });
    const fresh = receiver.accepted.slice(before);
    expect(fresh.map((r) => r.path).sort()).toEqual(['/hook', '/wecom', '/wecom']);
    const reboot = fresh.find((r) => r.path === '/wecom' && String((r.json.markdown as { content: string }).content).includes('紧急重启'))!;
    const content = (reboot.json.markdown as { content: string }).content;
    expect(content).toContain('告警客户');
    expect(content).toContain('凌晨三点请重启');
    expect(content).toContain(`https://idc.example.cn/console/tickets?ticket=${ticket.json().id}`);
    expect(fresh.some((r) => r.path === '/wecom' && String((r.json.markdown as { content: string }).content).includes('机柜 A01 断电'))).toBe(true);
    expect(fresh.find((r) => r.path === '/hook')!.json).toMatchObject({ event: 'ticket.urgentReboot' });
    // nothing is due any more
    expect(await t.services.alerting.deliverDue()).toMatchObject({ sent: 0, retried: 0, failed: 0 });
  });

  it('turns the other modules\' events into Chinese messages with a link (payment received, commissioning at risk, gate apply failed)', async () => {
    const subs = (await admin.get('/api/v1/alert-subscriptions')).json().items;
    await admin.put('/api/v1/alert-subscriptions', {
      items: [...subs, { eventKind: 'commissioning.atRisk', role: 'noc', channelId: hook.id }, { eventKind: 'gate.applyFailed', role: 'compliance', channelId: hook.id }],
    });
    const before = receiver.accepted.length;
    const contractId = '00000000-0000-4000-8000-00000000c0c0';
    await t.database.db.transaction(async (tx) => {
      await t.services.bus.emit(tx, system, 'billing.paymentRecorded', {
        invoice: { id: '00000000-0000-4000-8000-0000000001a1', number: 'INV-2026-0001', contractId, customerId, status: 'paid' } as never,
        payment: { id: '00000000-0000-4000-8000-0000000001b1', amountFen: 1_234_500, receivedOn: '2026-03-02', bankReference: 'BR-778' },
      });
      await t.services.bus.emit(tx, system, 'contracts.commissioningAtRisk', {
        order: { id: '00000000-0000-4000-8000-0000000001c1', contractId, customerId, rackedOn: '2026-02-27', dueOn: '2026-03-03' } as never,
        contractNumber: 'YQ-2026-0007',
      });
      await t.services.bus.emit(tx, system, 'compliance.gateApplyFailed', { id: '00000000-0000-4000-8000-0000000001d1', outcome: 'test_failed', domainCount: 12, output: 'nginx: [emerg] unknown directive', finishedAt: t.clock.now() } as never);
    });
    expect(await t.services.alerting.deliverDue()).toMatchObject({ sent: 3 });
    const fresh = receiver.accepted.slice(before);
    const payment = fresh.find((r) => r.path === '/dingtalk')!;
    expect(payment.json).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.stringContaining('12,345.00') } });
    expect((payment.json.markdown as { text: string }).text).toContain('BR-778');
    expect((payment.json.markdown as { text: string }).text).toContain(`https://idc.example.cn/console/contracts/${contractId}`);
    const hooks = fresh.filter((r) => r.path === '/hook').map((r) => r.json as { event: string; title: string; text: string });
    expect(hooks.find((h) => h.event === 'commissioning.atRisk')).toMatchObject({ title: expect.stringContaining('YQ-2026-0007') });
    expect(hooks.find((h) => h.event === 'gate.applyFailed')).toMatchObject({ text: expect.stringContaining('unknown directive') });
    // the same event raised again (the hourly check runs while the order stays open) is not sent again
    await t.database.db.transaction((tx) =>
      t.services.bus.emit(tx, system, 'contracts.commissioningAtRisk', { order: { id: '00000000-0000-4000-8000-0000000001c1', contractId, customerId, rackedOn: '2026-02-27', dueOn: '2026-03-03' } as never, contractNumber: 'YQ-2026-0007' }),
    );
    expect(await t.services.alerting.deliverDue()).toMatchObject({ sent: 0 });
  });

  it('a receiver that is down (connection refused, then 503) and comes back gets the alert exactly once, after the backoff', async () => {
    await admin.put('/api/v1/alert-subscriptions', { items: [{ eventKind: 'incident.opened', role: 'noc', channelId: hook.id }] });
    const port = receiver.port;
    await receiver.close();
    const before = receiver.accepted.length;
    const incident = await t.services.incidents.open(nocScope, { title: '上联光缆中断', cause: 'provider_fault', lineFault: true, scope: [{ kind: 'server', target: serverId }] });

    // down: the connection is refused; the delivery waits a minute
    expect(await t.services.alerting.deliverDue()).toMatchObject({ sent: 0, retried: 1 });
    const [pending] = (await admin.get('/api/v1/alert-deliveries')).json().items as { status: string; attempts: number; lastError: string; eventKind: string }[];
    expect(pending).toMatchObject({ eventKind: 'incident.opened', status: 'pending', attempts: 1 });
    expect(pending.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    // not due again before its backoff ends
    await receiver.listen(port);
    receiver.mode = 'unavailable';
    expect(await t.services.alerting.deliverDue()).toMatchObject({ sent: 0, retried: 0 });
    // up but answering 503: another try later (5 minutes)
    t.clock.advance(60_000);
    expect(await t.services.alerting.deliverDue()).toMatchObject({ sent: 0, retried: 1 });
    expect(receiver.seen).toBeGreaterThan(0);
    // back for good
    receiver.mode = 'ok';
    t.clock.advance(5 * 60_000);
    expect(await t.services.alerting.deliverDue()).toMatchObject({ sent: 1, retried: 0 });
    t.clock.advance(60 * 60_000);
    expect(await t.services.alerting.deliverDue()).toMatchObject({ sent: 0, retried: 0 });
    const got = receiver.accepted.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0].json).toMatchObject({ event: 'incident.opened', title: expect.stringContaining('上联光缆中断'), link: `https://idc.example.cn/console/incidents?incident=${incident.id}` });
    const [sent] = (await admin.get('/api/v1/alert-deliveries')).json().items as { status: string; attempts: number; id: string }[];
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, id: got[0].headers['x-rackpact-delivery'] });
  });
});
