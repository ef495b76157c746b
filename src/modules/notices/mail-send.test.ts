import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, TEST_PASSWORD, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';
import { startSilentSmtp, startSmtp, type SmtpReceiver } from '../../../test/harness/smtp.js';

/**
 * Issue 15 (16): mail leaves the outboxes outside any database transaction. The receiver here
 * accepts the connection and never answers; while a send waits on it the API keeps answering
 * (the embedded database has one connection, so a transaction held across SMTP stalled it all),
 * and the attempt ends as a retry when the SMTP timeout runs out.
 */
const system = systemScope('test');

let silent: Awaited<ReturnType<typeof startSilentSmtp>>;
let t: TestApp;
let sales: ApiClient;
let customerId: string;

beforeAll(async () => {
  silent = await startSilentSmtp();
  t = await makeTestApp({ now: '2026-03-02T02:00:00Z', env: { SMTP_URL: silent.url, SMTP_TIMEOUT_SECONDS: '3' } });
  await makeStaff(t.services, 'm-sales', ['sales']);
  await makeStaff(t.services, 'm-noc', ['noc']);
  customerId = (await t.services.customers.create(system, { name: '邮件客户', noticeEmail: 'legal@mail-customer.example', postalAddress: '北京市海淀区某路 2 号' })).id;
  await t.services.users.create(system, { login: 'm-owner', displayName: 'm-owner', kind: 'customer', roles: ['owner'], customerId, email: 'owner@mail-customer.example', password: TEST_PASSWORD });
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: 'notice@yunqiao.example', noticeFax: null, postalAddress: '北京市丰台区', sealFile: null });
  sales = await t.login('m-sales');
});
afterAll(async () => {
  await t.close();
  await silent.close();
});

/** Transactions left open on this database while a send is on the wire (PostgreSQL can tell; PGlite has one connection). */
async function openTransactions(): Promise<number> {
  if (t.database.kind !== 'postgres') return 0;
  const [row] = await t.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
  return row.n;
}

/** While `sending` waits on the silent receiver: the API answers, and no transaction is held. */
async function expectApiAnswersWhileSending(sending: Promise<unknown>, authenticatedGet: () => Promise<{ statusCode: number }>) {
  let finished = false;
  void sending.finally(() => (finished = true)).catch(() => undefined);
  const health = await t.anonymous().get('/api/health');
  expect(health.statusCode).toBe(200);
  expect((await authenticatedGet()).statusCode).toBe(200);
  expect(await openTransactions()).toBe(0);
  // answered before the mail attempt ended: nothing waited for the SMTP server
  expect(finished).toBe(false);
}

describe('mail is sent outside database transactions, with timeouts (issue 15)', () => {
  it('keeps /api/health and the API answering while a notice waits on an SMTP server that never answers; the attempt is retried', async () => {
    const filed = await sales.post('/api/v1/notices', { customerId, subject: '测试通知', body: '正文' });
    expect(filed.statusCode).toBe(201);
    const other = await t.sibling(); // another process on the same database, started before the send
    const connected = silent.connected();
    const sending = t.services.notices.deliverDue();
    await connected;
    // the claim is committed before the connection opens: a second sender (another process) finds nothing to send
    expect(await other.services.notices.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    const [claimed] = await t.database.raw.query<{ claimed_until: Date | null; attempts: number }>("SELECT claimed_until, attempts FROM notice_deliveries WHERE notice_id = $1 AND channel = 'email'", [filed.json().id]);
    expect(claimed.claimed_until).not.toBeNull();
    expect(claimed.attempts).toBe(1);
    await expectApiAnswersWhileSending(sending, () => sales.get(`/api/v1/notices?customerId=${customerId}`));

    expect(await sending).toEqual({ sent: 0, retried: 1, failed: 0 });
    const email = (await t.services.notices.get(system, filed.json().id)).deliveries.find((d) => d.channel === 'email')!;
    expect(email).toMatchObject({ status: 'pending', attempts: 1 });
    expect(email.lastError).toMatch(/greeting|timeout/i);
    const [after] = await t.database.raw.query<{ claimed_until: Date | null }>("SELECT claimed_until FROM notice_deliveries WHERE id = $1", [email.id]);
    expect(after.claimed_until).toBeNull();
  });

  it('keeps the API answering while a ticket reply mail waits on the silent server; the attempt is retried', async () => {
    const owner = await t.login('m-owner');
    const noc = await t.login('m-noc');
    const ticket = (await owner.post('/api/v1/tickets', { type: 'abuse_reply', subject: '投诉回复' })).json();
    expect((await noc.post(`/api/v1/tickets/${ticket.id}/comments`, { body: '已处理' })).statusCode).toBe(201);
    const connected = silent.connected();
    const sending = t.services.tickets.deliverMail();
    await connected;
    await expectApiAnswersWhileSending(sending, () => noc.get(`/api/v1/tickets/${ticket.id}`));
    expect(await sending).toEqual({ sent: 0, retried: 1, failed: 0 });
    const mails = (await noc.get(`/api/v1/tickets/${ticket.id}`)).json().mails as { recipient: string; status: string; attempts: number; lastError: string }[];
    expect(mails).toMatchObject([{ recipient: 'owner@mail-customer.example', status: 'pending', attempts: 1 }]);
  });
});

describe('a sender that dies mid-send', () => {
  let smtp: SmtpReceiver;
  let u: TestApp;
  beforeAll(async () => {
    smtp = await startSmtp();
    u = await makeTestApp({ now: '2026-03-02T02:00:00Z', env: { SMTP_URL: smtp.url } });
    await makeStaff(u.services, 'd-sales', ['sales']);
    const id = (await u.services.customers.create(system, { name: '续发客户', noticeEmail: 'legal@resend.example' })).id;
    await makeCustomerUser(u.services, 'd-owner', id);
    await (await u.login('d-sales')).post('/api/v1/notices', { customerId: id, subject: '续发', body: '正文' });
  });
  afterAll(async () => {
    await u.close();
    await smtp.close();
  });

  it("leaves its claim to lapse: the mail is not sent while the claim lives, and is sent once after", async () => {
    // the state a sender leaves when it is killed between claiming and recording: a live claim, one attempt counted
    const now = u.clock.now();
    await u.database.raw.query("UPDATE notice_deliveries SET claimed_until = $1, attempts = 1 WHERE channel = 'email'", [new Date(now.getTime() + 10 * 60_000)]);
    expect(await u.services.notices.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    u.clock.advance(10 * 60_000);
    expect(await u.services.notices.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await u.services.notices.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([['legal@resend.example']]);
    const [row] = await u.database.raw.query<{ status: string; attempts: number; claimed_until: Date | null }>("SELECT status, attempts, claimed_until FROM notice_deliveries WHERE channel = 'email'");
    expect(row).toEqual({ status: 'sent', attempts: 2, claimed_until: null });
  });
});
