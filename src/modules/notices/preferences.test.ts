import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, multipart, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';
import { startSmtp, type SmtpReceiver } from '../../../test/harness/smtp.js';
import { NOTICE_TEMPLATES, noticeCategory } from './templates.js';

const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
let smtp: SmtpReceiver;
let t: TestApp;
let customerId: string;
let owner: ApiClient;
let oncall: { memberId: string };
let ops: { memberId: string };
let nomail: { memberId: string };

beforeAll(async () => {
  smtp = await startSmtp();
  t = await makeTestApp({ now: '2026-03-02T02:00:00Z', env: { SMTP_URL: smtp.url } });
  await makeStaff(t.services, 'p-sales', ['sales']);
  await makeStaff(t.services, 'p-noc', ['noc']);
  customerId = (await t.services.customers.create(system, { name: '偏好客户', noticeEmail: 'legal@pref.example', postalAddress: '上海市某路 2 号', noticeFax: '021-55556666' })).id;
  await makeCustomerUser(t.services, 'p-owner', customerId);
  await makeCustomerUser(t.services, 'p-billing', customerId, ['billing']);
  oncall = await t.services.roster.upsert(system, customerId, { side: 'customer', role: 'technical_lead', name: '值班 李', mobile: '13700001111', email: 'oncall@pref.example', available24h: true });
  ops = await t.services.roster.upsert(system, customerId, { side: 'customer', role: 'server_admin', name: '运维 周', email: 'ops@pref.example' });
  nomail = await t.services.roster.upsert(system, customerId, { side: 'customer', role: 'contract_contact', name: '无邮箱 吴' });
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: 'notice@yunqiao.example', noticeFax: '010-63780000', postalAddress: '北京市丰台区', sealFile: null });
  await t.services.notices.drainOutbox();
  owner = await t.login('p-owner');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('notification preferences of the roster people', () => {
  it('shows every current person, 24-hour contacts with incidents locked on', async () => {
    const items = (await owner.get('/api/v1/notice-preferences')).json().items as { name: string; categories: string[]; locked: string[] }[];
    expect(items.map((p) => [p.name, p.categories, p.locked])).toEqual(
      expect.arrayContaining([
        ['值班 李', ['incident'], ['incident']],
        ['运维 周', [], []],
        ['无邮箱 吴', [], []],
      ]),
    );
  });

  it('lets the owner choose categories, refuses to take incidents from a 24-hour contact, and needs an e-mail address', async () => {
    expect((await owner.put(`/api/v1/notice-preferences/${ops.memberId}`, { categories: ['maintenance', 'general'] })).json().categories).toEqual(['maintenance', 'general']);
    const optOut = await owner.put(`/api/v1/notice-preferences/${oncall.memberId}`, { categories: ['maintenance'] });
    expect(optOut.statusCode).toBe(400);
    expect(optOut.json().error.fields).toEqual([expect.objectContaining({ path: 'categories' })]);
    expect((await owner.put(`/api/v1/notice-preferences/${nomail.memberId}`, { categories: ['general'] })).json().error.fields[0].path).toBe('categories');
    expect((await owner.put(`/api/v1/notice-preferences/${oncall.memberId}`, { categories: ['incident', 'general'] })).statusCode).toBe(200);
    expect((await (await t.login('p-billing')).put(`/api/v1/notice-preferences/${ops.memberId}`, { categories: [] })).statusCode).toBe(403);
    const audit = await t.database.raw.query<{ after: { categories: string[] } }>("SELECT after FROM audit_log WHERE action = 'notice.preferences' ORDER BY seq");
    expect(audit.map((r) => r.after.categories)).toEqual([['maintenance', 'general'], ['incident', 'general']]);
  });

  it('delivers a formal notice to the notice address and to the people who chose its category, by SMTP', async () => {
    await t.services.notices.deliverDue(); // the roster notices to the provider
    smtp.received.length = 0;
    const sent = await (await t.login('p-sales')).post('/api/v1/notices', { customerId, subject: '关于机房参观安排', body: '定于下周二。' });
    expect(sent.statusCode).toBe(201);
    const notice = (await t.services.notices.get(system, sent.json().id)).deliveries;
    expect(notice.filter((d) => d.channel === 'email').map((d) => d.address).sort()).toEqual(['legal@pref.example', 'oncall@pref.example', 'ops@pref.example']);
    expect(notice.find((d) => d.channel === 'fax')?.address).toBe('021-55556666');
    expect(await t.services.notices.deliverDue()).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['legal@pref.example', 'oncall@pref.example', 'ops@pref.example']);
    expect((await simpleParser(smtp.received[0].raw)).subject).toBe('关于机房参观安排');
  });

  it('always gives incidents to the 24-hour contacts, even with nothing stored for them', async () => {
    await t.database.raw.query('DELETE FROM notice_preferences WHERE member_id = $1', [oncall.memberId]);
    const people = await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM notice_preferences WHERE member_id = $1', [oncall.memberId]);
    expect(people[0].n).toBe(0);
    const incident = await t.database.db.transaction((tx) => t.services.notices.register(tx, system, { customerId, direction: 'provider_to_customer', type: 'incident.opened', payload: { subject: '故障', body: 'x' } }));
    const deliveries = (await t.services.notices.get(system, incident!.id)).deliveries;
    expect(deliveries.filter((d) => d.channel === 'email').map((d) => d.address).sort()).toEqual(['legal@pref.example', 'oncall@pref.example']);
  });
});

describe('proof of post and fax deliveries (第九条)', () => {
  it('marks a post delivery sent with the uploaded postal receipt, which the customer can fetch', async () => {
    const [notice] = await t.services.notices.list(system, customerId);
    const post = notice.deliveries.find((d) => d.channel === 'post')!;
    const email = notice.deliveries.find((d) => d.channel === 'email')!;
    expect(post.status).toBe('pending');
    const body = (name: string, bytes: Buffer) => Object.values(multipart({}, { name, bytes })) as [Buffer, Record<string, string>];
    const sales = await t.login('p-sales');
    expect((await owner.request('POST', `/api/v1/notices/${notice.id}/deliveries/${post.id}/proof`, ...body('r.pdf', PDF))).statusCode).toBe(403);
    expect((await sales.request('POST', `/api/v1/notices/${notice.id}/deliveries/${post.id}/proof`, ...body('r.txt', Buffer.from('hello')))).json().error.fields[0].path).toBe('file');
    expect((await sales.request('POST', `/api/v1/notices/${notice.id}/deliveries/${email.id}/proof`, ...body('r.pdf', PDF))).json().error.fields[0].path).toBe('deliveryId');
    const res = await sales.request('POST', `/api/v1/notices/${notice.id}/deliveries/${post.id}/proof`, ...body('EMS 回执.pdf', PDF));
    expect(res.statusCode).toBe(200);
    const after = res.json().deliveries.find((d: { id: string }) => d.id === post.id);
    expect(after).toMatchObject({ status: 'sent', hasProofFile: true });
    expect(after.proof).toContain('EMS 回执.pdf');
    expect(after.sentAt).not.toBeNull();
    const file = await owner.get(`/api/v1/notices/${notice.id}/deliveries/${post.id}/proof`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await owner.get(`/api/v1/notices/${notice.id}/deliveries/${email.id}/proof`)).statusCode).toBe(404);
  });
});

describe('notice templates', () => {
  const sample: Record<string, unknown> = {
    before: { name: '张三', role: 'technical_lead', mobile: '13800000000', available24h: true },
    after: { name: '李四', role: 'technical_lead', mobile: '13900000000', available24h: false },
    holderName: '张三',
    expiresOn: '2026-04-01',
    proposed: { postalAddress: '新地址' },
    changes: [{ field: 'postalAddress', to: '新地址' }],
    note: '已核对',
    contractNumber: 'YQ-2026-0001',
    termEnd: '2027-02-28',
    message: '到期不再续约',
    subject: '主题',
    body: '正文',
    subjectEn: 'Subject',
    bodyEn: 'Body',
    // billing, compliance, incidents and planned work
    invoiceNumber: 'INV-2026-000001',
    amount: '￥36,000.00',
    outstanding: '￥6,000.00',
    outstandingCapital: '陆仟元整',
    dueOn: '2026-03-09',
    asOf: '2026-03-20',
    step: 1,
    daysAhead: 30,
    domain: 'www.example.cn',
    reason: '备案号与主体不符',
    number: 'C-2026-0001',
    target: '203.0.113.10',
    category: 'spam',
    description: '大量垃圾邮件',
    deadline: '2026-03-23',
    clause: '5.4',
    serial: 'SN-001',
    location: '/var/log/nginx',
    validUntil: '2027-03-01',
    title: '机柜 A01 断电',
    startedAt: '2026-03-02 10:00',
    resolvedAt: '2026-03-02 10:50',
    at: '2026-03-02 10:00',
    evidence: '交换机端口广播风暴',
    startsAt: '2026-03-10 02:00',
    endsAt: '2026-03-10 04:00',
    kind: 'network_cutover',
    consent: true,
  };
  it.each(Object.keys(NOTICE_TEMPLATES))('%s renders a subject and a body in both languages', (type) => {
    const text = NOTICE_TEMPLATES[type](sample);
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(text[lang].subject.trim().length, `${type} ${lang} subject`).toBeGreaterThan(0);
      expect(text[lang].body.trim().length, `${type} ${lang} body`).toBeGreaterThan(0);
      expect(text[lang].subject + text[lang].body).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
    expect(text['zh-CN'].subject).toMatch(/[\u4e00-\u9fff]/);
    expect(text.en.subject).toMatch(/^[\x20-\x7e]+$/);
  });
  it.each([
    ['incident.opened', 'incident'],
    ['maintenance.planned', 'maintenance'],
    ['invoice.reminder', 'billing'],
    ['contract.nonRenewal', 'contract'],
    ['roster.changed', 'roster'],
    ['kyc.expiring', 'general'],
    ['generic', 'general'],
  ])('%s is in category %s', (type, category) => expect(noticeCategory(type)).toBe(category));
});
