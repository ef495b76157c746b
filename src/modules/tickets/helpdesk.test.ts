import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, multipart, TEST_PASSWORD, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeStaff } from '../../../test/harness/factories.js';
import { startSmtp, type SmtpReceiver } from '../../../test/harness/smtp.js';

const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

let smtp: SmtpReceiver;
let t: TestApp;
let owner: ApiClient;
let noc: ApiClient;
let admin: ApiClient;
let customerId: string;
let otherCustomerId: string;
let serverId: string;
let contractId: string;
let nocId: string;
let ownerId: string;

async function user(login: string, kind: 'staff' | 'customer', roles: string[], extra: { customerId?: string; email?: string } = {}) {
  return t.services.users.create(system, { login, displayName: login, kind, roles, password: TEST_PASSWORD, ...extra });
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await makeTestApp({ now: '2026-03-02T19:00:00Z', env: { SMTP_URL: smtp.url } }); // 03:00 in Beijing
  customerId = (await makeCustomer(t.services, { name: '服务台客户' })).id;
  otherCustomerId = (await makeCustomer(t.services, { name: '别家客户' })).id;
  ownerId = (await user('h-owner', 'customer', ['owner'], { customerId, email: 'owner@desk-customer.example' })).id;
  await user('h-other', 'customer', ['owner'], { customerId: otherCustomerId });
  nocId = (await user('h-noc', 'staff', ['noc'], { email: 'noc@yunqiao.example' })).id;
  await makeStaff(t.services, 'h-admin', ['admin']);
  await makeStaff(t.services, 'h-finance', ['finance']);
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: 'notice@yunqiao.example', noticeFax: null, postalAddress: '北京市丰台区', sealFile: null });
  const site = await t.services.floor.createSite(system, { code: 'HD-1', name: '机房', address: 'x', accessPoint: 'x' });
  serverId = (await t.services.servers.createServer(system, { customerId, brand: 'Dell', model: 'R750', serialNumber: 'HD-1', heightU: 1 })).id;
  contractId = (await t.services.contracts.create(system, { customerId, siteId: site.id, serverIds: [serverId], annualFee: '12000' })).id;
  owner = await t.login('h-owner');
  noc = await t.login('h-noc');
  admin = await t.login('h-admin');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('ticket types and links (6.1, 6.7)', () => {
  it('offers the types the agreement names and ties a ticket to a server, contract or domain of the customer', async () => {
    const billing = await owner.post('/api/v1/tickets', { type: 'billing', contractId, subject: '发票抬头' });
    expect(billing.statusCode).toBe(201);
    expect(billing.json()).toMatchObject({ type: 'billing', contractId, priority: 'normal' });
    const filing = await owner.post('/api/v1/tickets', { type: 'filing_assistance', domain: 'WWW.Example.CN.', subject: '备案协助' });
    expect(filing.json()).toMatchObject({ type: 'filing_assistance', domain: 'www.example.cn' });
    expect((await owner.post('/api/v1/tickets', { type: 'abuse_reply', subject: '投诉回复' })).json().priority).toBe('high');
    expect((await owner.post('/api/v1/tickets', { type: 'other', subject: 'x' })).statusCode).toBe(400);
    expect((await owner.post('/api/v1/tickets', { type: 'filing_assistance', subject: '没说哪个域名' })).json().error.fields[0].path).toBe('domain');
    expect((await owner.post('/api/v1/tickets', { type: 'general', domain: 'not a domain', subject: 'x' })).json().error.fields[0].path).toBe('domain');
    expect((await owner.post('/api/v1/tickets', { type: 'compensation_dispute', subject: '赔偿争议' })).json().error.fields[0].path).toBe('contractId');
    // another customer's contract does not exist for this customer
    expect((await (await t.login('h-other')).post('/api/v1/tickets', { type: 'billing', contractId, subject: 'x' })).statusCode).toBe(404);
    // staff opening for one customer cannot tie another customer's server
    expect((await noc.post('/api/v1/tickets', { customerId: otherCustomerId, serverId, type: 'reboot', subject: 'x' })).json().error.fields[0].path).toBe('serverId');
  });
});

describe('response targets with an injected clock (6.1, 7×24)', () => {
  it('shows time left, then breached; an answered, done reboot shows met against the defaults', async () => {
    const opened = (await owner.post('/api/v1/tickets', { type: 'reboot', serverId, subject: '凌晨重启' })).json();
    expect(opened.sla.firstResponse).toMatchObject({ state: 'running', targetMinutes: 30, minutesLeft: 30 });
    expect(opened.sla.resolution).toMatchObject({ state: 'running', targetMinutes: 15, minutesLeft: 15 });
    t.clock.advance(10 * 60_000);
    expect((await owner.get(`/api/v1/tickets/${opened.id}`)).json().sla.resolution).toMatchObject({ state: 'running', minutesLeft: 5 });
    await noc.post(`/api/v1/tickets/${opened.id}/comments`, { body: '收到，马上重启' });
    t.clock.advance(4 * 60_000);
    const done = (await noc.post(`/api/v1/tickets/${opened.id}/status`, { status: 'resolved' })).json();
    expect(done).toMatchObject({ firstResponseMinutes: 10, resolutionMinutes: 14 });
    expect([done.sla.firstResponse.state, done.sla.resolution.state]).toEqual(['met', 'met']);

    const late = (await owner.post('/api/v1/tickets', { type: 'reboot', serverId, subject: '又一次重启' })).json();
    t.clock.advance(16 * 60_000);
    const seen = (await owner.get(`/api/v1/tickets/${late.id}`)).json();
    expect([seen.sla.firstResponse.state, seen.sla.resolution.state]).toEqual(['running', 'breached']);
    expect(seen.sla.firstResponse.minutesLeft).toBe(14);
  });

  it('lets an admin change the targets, and only an admin', async () => {
    expect((await noc.put('/api/v1/tickets/sla-targets', { type: 'general', firstResponseMinutes: 5, resolutionMinutes: null })).statusCode).toBe(403);
    expect((await admin.put('/api/v1/tickets/sla-targets', { type: 'general', firstResponseMinutes: 0, resolutionMinutes: null })).statusCode).toBe(400);
    const set = await admin.put('/api/v1/tickets/sla-targets', { type: 'general', firstResponseMinutes: 5, resolutionMinutes: 120 });
    expect(set.json()).toMatchObject({ type: 'general', firstResponseMinutes: 5, resolutionMinutes: 120 });
    const targets = (await owner.get('/api/v1/tickets/sla-targets')).json().items;
    expect(targets.find((x: { type: string }) => x.type === 'reboot')).toMatchObject({ firstResponseMinutes: 30, resolutionMinutes: 15 });
    const ticket = (await owner.post('/api/v1/tickets', { type: 'general', subject: '问个问题' })).json();
    expect(ticket.sla.firstResponse).toMatchObject({ targetMinutes: 5, minutesLeft: 5 });
    t.clock.advance(6 * 60_000);
    expect((await owner.get(`/api/v1/tickets/${ticket.id}`)).json().sla.firstResponse.state).toBe('breached');
    const audit = await t.database.raw.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'ticket_sla_target'");
    expect(audit.map((r) => r.action)).toEqual(['ticket.slaTarget']);
  });
});

describe('staff queues, assignment, internal notes, attachments', () => {
  it('filters the queue by type and active status and sorts by age', async () => {
    const reboots = (await noc.get('/api/v1/tickets?type=reboot&active=true&sort=age')).json().items;
    expect(reboots.map((x: { subject: string }) => x.subject)).toEqual(['又一次重启']);
    const all = (await noc.get('/api/v1/tickets?sort=age')).json().items as { openedAt: string }[];
    expect(all.map((x) => x.openedAt)).toEqual([...all.map((x) => x.openedAt)].sort());
    const billing = (await noc.get('/api/v1/tickets?type=billing')).json().items;
    expect(billing).toHaveLength(1);
  });

  it('assigns to a staff member (audited), never to a customer user or a finance clerk', async () => {
    const [ticket] = (await noc.get('/api/v1/tickets?type=reboot&active=true')).json().items;
    expect((await noc.post(`/api/v1/tickets/${ticket.id}/assign`, { assigneeId: ownerId })).json().error.fields[0].path).toBe('assigneeId');
    const finance = await t.services.users.idOfLogin('h-finance');
    expect((await noc.post(`/api/v1/tickets/${ticket.id}/assign`, { assigneeId: finance })).statusCode).toBe(400);
    expect((await owner.post(`/api/v1/tickets/${ticket.id}/assign`, { assigneeId: nocId })).statusCode).toBe(403);
    expect((await noc.post(`/api/v1/tickets/${ticket.id}/assign`, { assigneeId: nocId })).json().assigneeId).toBe(nocId);
    expect((await noc.get(`/api/v1/tickets?assigneeId=${nocId}`)).json().items.map((x: { id: string }) => x.id)).toEqual([ticket.id]);
    expect((await noc.get('/api/v1/tickets/assignees')).json().items.map((u: { login: string }) => u.login).sort()).toEqual(['h-admin', 'h-noc']);
    const audit = await t.database.raw.query<{ after: { assigneeId: string } }>("SELECT after FROM audit_log WHERE action = 'ticket.assign'");
    expect(audit.map((r) => r.after.assigneeId)).toEqual([nocId]);
  });

  it('keeps internal notes and internal files from the customer, in the API and in mail', async () => {
    await t.services.tickets.deliverMail(); // the replies so far
    smtp.received.length = 0;
    const [ticket] = (await noc.get('/api/v1/tickets?type=reboot&active=true')).json().items;
    expect((await noc.post(`/api/v1/tickets/${ticket.id}/comments`, { body: '内部：客户欠费，先别处理', internal: true })).statusCode).toBe(201);
    expect((await owner.post(`/api/v1/tickets/${ticket.id}/comments`, { body: '我也写个内部备注', internal: true })).statusCode).toBe(403);
    const note = await noc.request('POST', `/api/v1/tickets/${ticket.id}/attachments`, ...Object.values(multipart({ internal: 'true' }, { name: '内部.pdf', bytes: PDF })) as [Buffer, Record<string, string>]);
    expect(note.statusCode).toBe(201);
    // an internal note is not the first response
    expect((await noc.get(`/api/v1/tickets/${ticket.id}`)).json().firstResponseAt).toBeNull();
    const seen = await owner.get(`/api/v1/tickets/${ticket.id}`);
    expect(seen.body).not.toContain('欠费');
    expect(seen.body).not.toContain('内部.pdf');
    expect((await owner.get(`/api/v1/tickets/${ticket.id}/attachments/${note.json().id}`)).statusCode).toBe(404);
    expect((await owner.get('/api/v1/tickets')).body).not.toContain('欠费');
    const staffView = (await noc.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(staffView.comments.map((c: { internal: boolean }) => c.internal)).toEqual([true]);
    expect(staffView.attachments).toHaveLength(1);
    expect(await t.services.tickets.deliverMail()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it('takes attachments checked by content and size; a customer fetches only its own', async () => {
    const [ticket] = (await owner.get('/api/v1/tickets?type=billing')).json().items;
    const upload = (name: string, bytes: Buffer, client = owner) => client.request('POST', `/api/v1/tickets/${ticket.id}/attachments`, ...(Object.values(multipart({}, { name, bytes })) as [Buffer, Record<string, string>]));
    const png = await upload('截图.png', PNG);
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ contentType: 'image/png', size: PNG.length, internal: false });
    expect((await upload('fake.pdf', Buffer.from('MZ not a pdf'))).json().error.fields[0].path).toBe('file');
    expect((await upload('big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]))).statusCode).toBe(400);
    const file = await owner.get(`/api/v1/tickets/${ticket.id}/attachments/${png.json().id}`);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    const other = await t.login('h-other');
    expect((await other.get(`/api/v1/tickets/${ticket.id}/attachments/${png.json().id}`)).statusCode).toBe(404);
    expect((await upload('x.pdf', PDF, other)).statusCode).toBe(404);
  });
});

describe('e-mail on each public reply (through the outbox and a real SMTP receiver)', () => {
  it("mails the opener and the roster people who want ticket mail on a staff reply, and the assignee on the customer's", async () => {
    smtp.received.length = 0;
    const lead = await t.services.roster.upsert(system, customerId, { side: 'customer', role: 'technical_lead', name: '王工', mobile: '13900001111', email: 'wang@desk-customer.example', available24h: true });
    await t.services.roster.upsert(system, customerId, { side: 'customer', role: 'server_admin', name: '赵工', email: 'zhao@desk-customer.example' });
    expect((await owner.put(`/api/v1/notice-preferences/${lead.memberId}`, { categories: ['incident', 'tickets'] })).statusCode).toBe(200);
    const [ticket] = (await noc.get('/api/v1/tickets?type=reboot&active=true')).json().items;
    expect((await noc.post(`/api/v1/tickets/${ticket.id}/comments`, { body: '已重启完成，请确认' })).statusCode).toBe(201);
    expect(await t.services.tickets.deliverMail()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['owner@desk-customer.example', 'wang@desk-customer.example']);
    const mail = await simpleParser(smtp.received[0].raw);
    expect(mail.subject).toContain(ticket.number);
    expect(mail.text).toContain('已重启完成，请确认');
    expect(mail.text).not.toContain('欠费');
    expect(mail.from?.text).toContain('notice@yunqiao.example');

    smtp.received.length = 0;
    smtp.refuseWith({ code: 451, message: 'greylisted' });
    await owner.post(`/api/v1/tickets/${ticket.id}/comments`, { body: '确认已恢复，谢谢' });
    expect(await t.services.tickets.deliverMail()).toEqual({ sent: 0, retried: 1, failed: 0 });
    smtp.refuseWith(null);
    t.clock.advance(61_000);
    expect(await t.services.tickets.deliverMail()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([['noc@yunqiao.example']]);
    const mails = (await noc.get(`/api/v1/tickets/${ticket.id}`)).json().mails as { recipient: string; status: string; attempts: number }[];
    expect(mails.find((m) => m.recipient === 'noc@yunqiao.example')).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await owner.get(`/api/v1/tickets/${ticket.id}`)).json().mails).toEqual([]);
  });
});

describe('response-time report', () => {
  it('gives count, median and p90 first response, median resolution and % within target per month and type, also as CSV', async () => {
    expect((await owner.get('/api/v1/tickets/reports/response-times?from=2026-03&to=2026-03')).statusCode).toBe(403);
    expect((await noc.get('/api/v1/tickets/reports/response-times?from=2026-04&to=2026-03')).json().error.fields[0].path).toBe('to');
    const rows = (await noc.get('/api/v1/tickets/reports/response-times?from=2026-03&to=2026-03')).json().items as { type: string; month: string; count: number }[];
    const reboot = rows.find((r) => r.type === 'reboot')!;
    // the first reboot: answered in 10, done in 14 (met); the second: answered after 22 minutes, done target breached
    expect(reboot).toMatchObject({ month: '2026-03', count: 2, medianFirstResponseMinutes: 16, p90FirstResponseMinutes: 22, medianResolutionMinutes: 14, judged: 2, withinTarget: 1, withinTargetPercent: 50 });
    expect((await noc.get('/api/v1/tickets/reports/response-times?from=2026-01&to=2026-02')).json().items).toEqual([]);
    // without a range: the six months up to the current one by the server's clock
    const byDefault = (await noc.get('/api/v1/tickets/reports/response-times')).json();
    expect([byDefault.from, byDefault.to]).toEqual(['2025-10', '2026-03']);
    expect(byDefault.items).toEqual(rows);
    const csv = await noc.get('/api/v1/tickets/reports/response-times.csv?from=2026-03&to=2026-03');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('month,type,count,median_first_response_min,p90_first_response_min,median_resolution_min,judged,within_target,within_target_percent');
    expect(lines).toContain('2026-03,reboot,2,16,22,14,2,1,50');
  });
});
