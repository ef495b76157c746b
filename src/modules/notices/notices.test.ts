import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';
import { startSmtp, type SmtpReceiver } from '../../../test/harness/smtp.js';

const system = systemScope('test');

let smtp: SmtpReceiver;
let t: TestApp;
let customerId: string;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await makeTestApp({ now: '2026-03-02T02:00:00Z', env: { SMTP_URL: smtp.url } });
  await makeStaff(t.services, 'n-sales', ['sales']);
  customerId = (await t.services.customers.create(system, { name: '通知客户', noticeEmail: 'legal@notice-customer.example', postalAddress: '北京市海淀区某路 1 号' })).id;
  await makeCustomerUser(t.services, 'n-owner', customerId);
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: '010-63781234', noticeEmail: 'notice@yunqiao.example', noticeFax: null, postalAddress: '北京市丰台区', sealFile: null });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('formal notices (第九条)', () => {
  it("turns a roster change into a notice to the other side, at the address in force, and mails it through SMTP", async () => {
    await t.services.roster.upsert(system, customerId, { side: 'provider', role: 'network_admin', name: '李强', mobile: '13922223333', available24h: true });
    expect(await t.services.notices.drainOutbox()).toBe(1);
    expect(await t.services.notices.drainOutbox()).toBe(0);
    const [notice] = await t.services.notices.list(system, customerId);
    expect(notice).toMatchObject({ type: 'roster.changed', direction: 'provider_to_customer', recipientName: '通知客户', subjectZh: '乙方人员名单变更通知（第 5.10 / 6.5 条）' });
    expect(notice.deliveries.map((d) => [d.channel, d.address, d.status])).toEqual([
      ['email', 'legal@notice-customer.example', 'pending'],
      ['portal', 'portal', 'sent'],
      ['post', '北京市海淀区某路 1 号', 'pending'],
    ]);
    expect(await t.services.notices.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = await simpleParser(smtp.received[0].raw);
    expect(smtp.received[0].to).toEqual(['legal@notice-customer.example']);
    expect(mail.subject).toBe('乙方人员名单变更通知（第 5.10 / 6.5 条）');
    expect(mail.text).toContain('李强');
    expect(mail.from?.text).toContain('notice@yunqiao.example');
    const sent = (await t.services.notices.get(system, notice.id)).deliveries.find((d) => d.channel === 'email')!;
    expect(sent.status).toBe('sent');
    expect(sent.proof).toMatch(/Queued as RP123/);
  });

  it('retries a refused delivery with backoff, and records a permanent failure on the notice', async () => {
    const owner = await t.login('n-owner');
    smtp.refuseWith({ code: 451, message: 'try again later' });
    const filed = await owner.post('/api/v1/notices', { customerId, subject: '地址变更通知', body: '我司通讯地址自 2026-04-01 起变更。' });
    expect(filed.statusCode).toBe(201);
    expect(filed.json().direction).toBe('customer_to_provider');
    expect(await t.services.notices.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await t.services.notices.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due yet
    smtp.refuseWith(null);
    t.clock.advance(61_000);
    expect(await t.services.notices.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received.at(-1)!.to).toEqual(['notice@yunqiao.example']);

    smtp.refuseWith({ code: 550, message: 'no such mailbox' });
    const second = await (await t.login('n-sales')).post('/api/v1/notices', { customerId, subject: '测试', body: '正文' });
    expect(second.statusCode).toBe(201);
    expect(await t.services.notices.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = (await t.services.notices.get(system, second.json().id)).deliveries.find((d) => d.channel === 'email')!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/no such mailbox/);
    smtp.refuseWith(null);
  });

  it('shows a customer the notices to and from it, and prints a letter', async () => {
    const owner = await t.login('n-owner');
    const items = (await owner.get('/api/v1/notices')).json().items;
    expect(items.map((n: { direction: string }) => n.direction).sort()).toEqual(['customer_to_provider', 'provider_to_customer', 'provider_to_customer']);
    const letter = await owner.get(`/api/v1/notices/${items[0].id}/letter.pdf`);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await makeCustomer(t.services, { name: '别家' });
    await makeCustomerUser(t.services, 'n-other', other.id);
    expect((await (await t.login('n-other')).get(`/api/v1/notices/${items[0].id}`)).statusCode).toBe(404);
  });

  it('keeps mail in the outbox when SMTP is not configured', async () => {
    const quiet = await makeTestApp();
    try {
      const c = await quiet.services.customers.create(system, { name: 'x', noticeEmail: 'x@example.cn' });
      await quiet.services.roster.upsert(system, c.id, { side: 'provider', role: 'network_admin', name: '乙' });
      expect(await quiet.services.notices.drainOutbox()).toBe(1);
      expect(await quiet.services.notices.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
      const [n] = await quiet.services.notices.list(system, c.id);
      expect(n.deliveries.find((d) => d.channel === 'email')).toMatchObject({ status: 'pending', attempts: 0, address: 'x@example.cn' });
    } finally {
      await quiet.close();
    }
  });
});
