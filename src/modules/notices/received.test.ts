import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { MIGRATIONS_DIR } from '../../db/migrate.js';
import { makeTestApp, multipart, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';
import { startSmtp, type SmtpReceiver } from '../../../test/harness/smtp.js';
import { demoSealPng } from '../provider/demo-seal.js';

/**
 * Issue 19 §5 and §7: which way a notice goes. A roster change staff type in for the customer is a
 * change RECEIVED from the customer (how it came, the document that carried it, nothing sent); a change
 * by the customer's own user is one notice to the provider; one change is one notice however many
 * people it names. Notices by e-mail carry the letter as a sealed PDF, and a free-text body once.
 */
const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');

let smtp: SmtpReceiver;
let t: TestApp;
let sales: ApiClient;
let owner: ApiClient;
let customerId: string;

const people = [
  { op: 'upsert', role: 'legal_representative', name: '刘建国', mobile: '13800000001', available24h: true },
  { op: 'upsert', role: 'technical_lead', name: '张博', mobile: '13800000002', available24h: true },
  { op: 'upsert', role: 'server_admin', name: '孙工', email: 'sun@received.example' },
];

function recordChange(client: ApiClient, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
  const m = multipart(fields, file);
  return client.request('POST', `/api/v1/customers/${customerId}/roster/changes`, m.body, m.headers);
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await makeTestApp({ now: '2026-03-02T02:00:00Z', env: { SMTP_URL: smtp.url } });
  await makeStaff(t.services, 'r-sales', ['sales']);
  customerId = (await t.services.customers.create(system, { name: '收函客户', noticeEmail: 'legal@received.example', postalAddress: '北京市海淀区某路 9 号' })).id;
  await makeCustomerUser(t.services, 'r-owner', customerId);
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: '010-63781234', noticeEmail: 'notice@yunqiao.example', noticeFax: '010-63781235', postalAddress: '北京市丰台区', sealFile: null });
  await t.services.provider.setSeal(system, demoSealPng());
  sales = await t.login('r-sales');
  owner = await t.login('r-owner');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('a roster change staff record for the customer (issue 19 §5)', () => {
  it('needs how it came and the name of the document', async () => {
    const res = await recordChange(sales, { side: 'customer', items: JSON.stringify(people) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['received.documentName', 'received.how']);
    // the one-person route asks the same of staff
    const put = await sales.put(`/api/v1/customers/${customerId}/roster`, { side: 'customer', role: 'server_admin', name: '无函' });
    expect(put.statusCode).toBe(400);
    expect((await t.services.roster.current(system, customerId)).length).toBe(0);
  });

  it('is one notice RECEIVED from the customer for three people, with no deliveries, and keeps the scan', async () => {
    const res = await recordChange(sales, { side: 'customer', items: JSON.stringify(people), how: 'post', documentName: '《人员变更函》2026-03-01' }, { name: '来函.pdf', bytes: PDF });
    expect(res.statusCode).toBe(200);
    expect(res.json().members.map((m: { name: string }) => m.name)).toEqual(['刘建国', '张博', '孙工']);
    expect(await t.services.notices.drainOutbox()).toBe(1);
    const notices = await t.services.notices.list(system, customerId);
    expect(notices).toHaveLength(1);
    const [n] = notices;
    expect(n).toMatchObject({ type: 'roster.changed', direction: 'customer_to_provider', received: true, receivedHow: 'post', documentName: '《人员变更函》2026-03-01', hasDocument: true, recipientName: '北京云桥数据科技有限公司', subjectZh: '甲方人员名单变更通知（第 5.10 / 6.5 条）' });
    expect(n.deliveries).toEqual([]);
    for (const name of ['刘建国', '张博', '孙工']) expect(n.bodyZh).toContain(name);
    // the scan, for staff and for the customer it came from
    for (const client of [sales, owner]) {
      const doc = await client.get(`/api/v1/notices/${n.id}/document`);
      expect(doc.statusCode).toBe(200);
      expect(doc.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(doc.rawPayload, PDF)).toBe(0);
    }
    // nothing goes out: no mail, nothing pending
    expect(await t.services.notices.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    // and a notice without a scan has no document to download
    await t.services.roster.upsert(system, customerId, { side: 'provider', role: 'network_admin', name: '李强', mobile: '13922223333', available24h: true });
    await t.services.notices.drainOutbox();
    const fromProvider = (await t.services.notices.list(system, customerId)).find((x) => x.direction === 'provider_to_customer')!;
    expect((await sales.get(`/api/v1/notices/${fromProvider.id}/document`)).statusCode).toBe(404);
  });

  it("removes someone by a document too (the one-person route), one notice, nothing sent", async () => {
    const sun = (await t.services.roster.current(system, customerId)).find((m) => m.name === '孙工')!;
    t.clock.advance(60_000);
    const res = await sales.delete(`/api/v1/customers/${customerId}/roster/${sun.memberId}?how=email&documentName=${encodeURIComponent('甲方邮件 2026-03-02')}`);
    expect(res.statusCode).toBe(204);
    expect(await t.services.notices.drainOutbox()).toBe(1);
    const [n] = await t.services.notices.list(system, customerId);
    expect(n).toMatchObject({ received: true, receivedHow: 'email', documentName: '甲方邮件 2026-03-02', hasDocument: false, deliveries: [] });
    expect(n.bodyZh).toContain('移除：孙工');
  });
});

describe("a change by the customer's own user (issue 19 §5)", () => {
  it('is one notice from 甲方 to 乙方 per change, reaching the provider in the portal and its notice mailbox only', async () => {
    const before = (await t.services.notices.list(system, customerId)).length;
    const m = multipart({ side: 'customer', items: JSON.stringify([people[2], { op: 'upsert', role: 'network_admin', name: '周工' }]) });
    const res = await owner.request('POST', `/api/v1/customers/${customerId}/roster/changes`, m.body, m.headers);
    expect(res.statusCode).toBe(200);
    // the customer does not "receive" its own change
    const bad = multipart({ side: 'customer', items: JSON.stringify([{ op: 'upsert', role: 'network_admin', name: '吴工' }]), how: 'post', documentName: 'x' });
    expect((await owner.request('POST', `/api/v1/customers/${customerId}/roster/changes`, bad.body, bad.headers)).statusCode).toBe(400);
    expect(await t.services.notices.drainOutbox()).toBe(1);
    const all = await t.services.notices.list(system, customerId);
    expect(all).toHaveLength(before + 1);
    const n = all[0];
    expect(n).toMatchObject({ direction: 'customer_to_provider', received: false, receivedHow: null, recipientName: '北京云桥数据科技有限公司' });
    expect(n.deliveries.map((d) => [d.channel, d.address, d.status])).toEqual([
      ['email', 'notice@yunqiao.example', 'pending'],
      ['portal', 'portal', 'sent'],
    ]);
    // the portal's one-person route: one notice as well
    await owner.put(`/api/v1/customers/${customerId}/roster`, { side: 'customer', role: 'device_admin', name: '郑工' });
    expect(await t.services.notices.drainOutbox()).toBe(1);
  });
});

describe('notices by e-mail (issue 19 §7)', () => {
  it('carry the letter as a PDF with the seal, and a free-text body once', async () => {
    smtp.received.length = 0;
    await t.services.notices.deliverDue(); // the customer's notices to the provider's mailbox
    smtp.received.length = 0;
    const body = '贵方机柜 A01 的电力将于下周二检修，请提前安排。';
    const sent = await sales.post('/api/v1/notices', { customerId, subject: '检修安排', body });
    expect(sent.statusCode).toBe(201);
    expect(await t.services.notices.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const mail = await simpleParser(smtp.received[0].raw);
    expect(mail.text!.split(body).length - 1).toBe(1);
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toBe('检修安排.pdf');
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    // the same letter as the register prints: the body once, and the seal is an image on it
    const letter = await sales.get(`/api/v1/notices/${sent.json().id}/letter.pdf`);
    const text = letter.rawPayload.toString('latin1');
    expect(text).toMatch(/\/Subtype\s*\/Image/);
    expect(pdf.content.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  });
});

describe('migration 0027 (issue 19 §5)', () => {
  it('marks the roster notices staff entered as received and closes the legs to the provider itself', async () => {
    const fresh = await makeTestApp({ now: '2026-03-02T02:00:00Z' });
    try {
      const s = fresh.services;
      await s.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: 'notice@yunqiao.example', noticeFax: '010-63781235', postalAddress: '北京市丰台区', sealFile: null });
      const c = await s.customers.create(system, { name: '旧数据客户', postalAddress: '上海' });
      await makeStaff(s, 'm-sales', ['sales']);
      await makeCustomerUser(s, 'm-owner', c.id);
      const staffClient = await fresh.login('m-sales');
      const ownerClient = await fresh.login('m-owner');
      expect((await staffClient.put(`/api/v1/customers/${c.id}/roster`, { side: 'customer', role: 'server_admin', name: '员工录入', received: { how: 'fax', documentName: '传真' } })).statusCode).toBe(200);
      expect((await ownerClient.put(`/api/v1/customers/${c.id}/roster`, { side: 'customer', role: 'network_admin', name: '客户自填' })).statusCode).toBe(200);
      expect(await s.notices.drainOutbox()).toBe(2);
      // what the code before 0027 left: one-person payloads, nothing marked received, post and fax to the provider pending
      const q = (text: string, params: unknown[] = []) => fresh.database.raw.query<Record<string, unknown>>(text, params);
      await q(`UPDATE notice_outbox SET payload = payload -> 'changes' -> 0 WHERE customer_id = $1`, [c.id]);
      await q(`UPDATE notices SET received = false, received_how = NULL, document_name = NULL WHERE customer_id = $1`, [c.id]);
      const ids = (await q(`SELECT id FROM notices WHERE customer_id = $1`, [c.id])).map((r) => r.id as string);
      for (const [k, id] of ids.entries()) {
        await q(
          `INSERT INTO notice_deliveries (id, notice_id, customer_id, channel, address, status, attempts) VALUES
             ($1, $3, $4, 'post', '北京市丰台区', 'pending', 0), ($2, $3, $4, 'fax', '010-63781235', 'pending', 0)`,
          [`00000000-0000-4000-8000-00000000000${2 * k + 1}`, `00000000-0000-4000-8000-00000000000${2 * k + 2}`, id, c.id],
        );
      }
      // the migration's data statements (its DDL has run already on this database)
      const sql = readFileSync(join(MIGRATIONS_DIR, '0027_notices_received.sql'), 'utf8');
      await fresh.database.raw.exec(sql.slice(sql.indexOf('-- The roster notices already made')));
      const rows = await q(
        `SELECT n.body_zh, n.received, array_agg(d.channel || ':' || d.status ORDER BY d.channel) AS legs
         FROM notices n JOIN notice_deliveries d ON d.notice_id = n.id WHERE n.customer_id = $1 GROUP BY n.id ORDER BY n.body_zh`,
        [c.id],
      );
      const byName = (name: string) => rows.find((r) => String(r.body_zh).includes(name))!;
      expect(byName('员工录入')).toMatchObject({ received: true, legs: ['fax:cancelled', 'post:cancelled'] });
      expect(byName('客户自填')).toMatchObject({ received: false });
      expect(byName('客户自填').legs).toEqual(expect.arrayContaining(['fax:cancelled', 'post:cancelled', 'portal:sent']));
      expect((await q(`SELECT count(*)::int AS n FROM notice_deliveries WHERE customer_id = $1 AND status = 'pending' AND channel IN ('post', 'fax')`, [c.id]))[0].n).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
