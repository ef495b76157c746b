import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeActivationReadyCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

/**
 * Issue 16 on a real database: racking across New Year works on the provisional 2027, the stored
 * dates say so, and loading the official 2027 moves the open ones (audited, to-do, portal, notice)
 * while closed ones keep their value and mark.
 */
const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };

/**
 * A 2027 notice that differs from the law's derivation: 元旦 runs to Monday 4 January and
 * Saturday 9 January is worked (调休). The derivation has 1 January off and nothing else.
 */
const OFFICIAL_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-04', makeUpDays: ['2027-01-09'] },
    { name: '春节', from: '2027-02-05', to: '2027-02-13', makeUpDays: ['2027-02-20'] },
    { name: '劳动节', from: '2027-05-01', to: '2027-05-05', makeUpDays: ['2027-04-25'] },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07', makeUpDays: ['2027-09-26', '2027-10-09'] },
  ],
};

let t: TestApp;
let admin: ApiClient;
let noc: ApiClient;
let siteId: string;
let cabinetId: string;
let customerId: string;
let nextU = 1;

async function rackedContract(serial: string) {
  const server = await t.services.servers.createServer(system, { customerId, brand: 'Dell', model: 'R750', serialNumber: serial, heightU: 1 });
  await t.services.servers.inspect(system, server.id, OK);
  const contract = await t.services.contracts.create(system, { customerId, siteId, serverIds: [server.id], annualFee: '36000' });
  await t.services.contracts.sign(system, contract.id, { signingDate: '2026-12-28', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
  await t.services.servers.rack(system, server.id, { cabinetId, lowestU: nextU, face: 'front' });
  nextU += 2;
  return t.services.contracts.get(system, contract.id);
}

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-12-30T02:00:00Z' }); // 10:00 on 30 December in Beijing
  await makeStaff(t.services, 'cal-admin', ['admin']);
  await makeStaff(t.services, 'cal-noc', ['noc']);
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
  const site = await t.services.floor.createSite(system, { code: 'BJ', name: '北京机房', address: '北京', accessPoint: '牛街庄电信机房' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'A' });
  cabinetId = (await t.services.floor.createCabinet(system, { roomId: room.id, code: 'A01' })).id;
  siteId = site.id;
  customerId = (await makeActivationReadyCustomer(t.services, '跨年客户')).id;
  await makeCustomerUser(t.services, 'cal-owner', customerId);
});
afterAll(() => t.close());

/** Sessions end after idle time and these tests move the clock by days: log in after each move. */
async function relogin() {
  admin = await t.login('cal-admin');
  noc = await t.login('cal-noc');
}

describe('racking across New Year on the provisional 2027, then the official 2027', () => {
  let open: Awaited<ReturnType<typeof rackedContract>>;
  let closed: Awaited<ReturnType<typeof rackedContract>>;
  let early: Awaited<ReturnType<typeof rackedContract>>;

  it('activates a contract racked on 30 December 2026; its deadline and due date are marked provisional', async () => {
    open = await rackedContract('NY-1');
    expect(open).toMatchObject({ status: 'active', activationDate: '2026-12-30' });
    // 5.1: 31 December, then (1 January off, the weekend) Monday 4 January
    expect(open.commissioning).toMatchObject([{ rackedOn: '2026-12-30', dueOn: '2027-01-04', dueOnProvisional: true }]);
    // 第四条: 30 December + 7 days = Wednesday 6 January
    expect(open.invoices).toMatchObject([{ dueOn: '2027-01-06', dueOnProvisional: true, provisionalDueOn: null }]);
    const html = (await t.services.billing.invoiceDocument(system, open.invoices[0].id, 'html')).bytes.toString();
    expect(html).toContain('2027年1月6日前付清（含当日）；暂定（国务院尚未公布该年节假日安排');
  });

  it('keeps closed records as they were: a completed order and a paid invoice', async () => {
    closed = await rackedContract('NY-2');
    await t.services.contracts.completeCommissioning(system, closed.commissioning[0].id);
    const [invoice] = closed.invoices;
    const paid = await t.services.billing.recordPayment(system, invoice.id, { amount: (invoice.amountFen / 100).toFixed(2), receivedOn: '2026-12-30', bankReference: 'NY-2-PAID' });
    expect(paid).toMatchObject({ status: 'paid', paidOn: '2026-12-30' });
  });

  it('racks on Saturday 2 January 2027: the due date ends on a weekend and rolls to Monday 11 January', async () => {
    t.clock.set('2027-01-02T02:00:00Z');
    early = await rackedContract('NY-3');
    expect(early.commissioning).toMatchObject([{ dueOn: '2027-01-05', dueOnProvisional: true }]);
    expect(early.invoices).toMatchObject([{ dueOn: '2027-01-11', dueOnProvisional: true }]);
  });

  it('loading the official 2027 recomputes the open records in the same transaction, audited, and tells staff and the customer', async () => {
    t.clock.set('2027-01-03T02:00:00Z');
    await relogin();
    const res = await admin.put('/api/v1/calendar/years/2027', OFFICIAL_2027);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.view).toMatchObject({ year: 2027, origin: 'loaded', provisional: false, source: OFFICIAL_2027.source });
    const byEntity = Object.fromEntries(body.recomputed.map((r: { entityId: string; before: string; after: string }) => [r.entityId, [r.before, r.after]]));
    expect(byEntity).toEqual({
      [open.commissioning[0].id]: ['2027-01-04', '2027-01-05'], // 4 January is now off
      [open.invoices[0].id]: ['2027-01-06', '2027-01-06'], // unchanged, no longer provisional
      [early.commissioning[0].id]: ['2027-01-05', '2027-01-06'],
      [early.invoices[0].id]: ['2027-01-11', '2027-01-09'], // 9 January is a 调休 Saturday: EARLIER
    });

    // each record carries its number apart from the Chinese label, for the reader's language (the web names the kind)
    expect(body.recomputed).toContainEqual({ kind: 'commissioning', entityId: open.commissioning[0].id, number: open.number, label: `${open.number} 上架调试期限（5.1）`, before: '2027-01-04', after: '2027-01-05' });
    expect(body.recomputed).toContainEqual(expect.objectContaining({ kind: 'invoice', entityId: early.invoices[0].id, number: early.invoices[0].number }));

    const after = await t.services.contracts.get(system, open.id);
    expect(after.commissioning).toMatchObject([{ dueOn: '2027-01-05', dueOnProvisional: false }]);
    expect(after.invoices).toMatchObject([{ dueOn: '2027-01-06', dueOnProvisional: false, provisionalDueOn: null }]);

    // closed records keep their value and their mark
    const kept = await t.services.contracts.get(system, closed.id);
    expect(kept.commissioning).toMatchObject([{ dueOn: '2027-01-04', dueOnProvisional: true }]);
    expect(kept.invoices).toMatchObject([{ dueOn: '2027-01-06', dueOnProvisional: true, status: 'paid' }]);

    // audited with the old and the new value; an unchanged date is not
    const audit = async (entityId: string) => (await t.services.audit.list(system, { entityId, page: 1, pageSize: 50 })).items.map((a) => a.action);
    const moved = (await t.services.audit.list(system, { entityId: open.commissioning[0].id, action: 'commissioning.recompute', page: 1, pageSize: 5 })).items[0];
    expect(moved).toMatchObject({ before: { dueOn: '2027-01-04', dueOnProvisional: true }, after: { dueOn: '2027-01-05', dueOnProvisional: false } });
    expect(await audit(open.invoices[0].id)).not.toContain('invoice.recomputeDue');
    expect(await audit(early.invoices[0].id)).toContain('invoice.recomputeDue');
    expect(await audit('2027')).toContain('calendar.saveYear');

    // the staff who work them see it in their to-do
    const tasks = (await t.services.customers.openTasks(system)).filter((x) => x.kind === 'calendar.deadlineMoved');
    expect(tasks.map((x) => [x.role, x.subjectId, x.dueOn]).sort()).toEqual(
      [
        ['finance', early.invoices[0].id, '2027-01-09'],
        ['noc', early.commissioning[0].id, '2027-01-06'],
        ['noc', open.commissioning[0].id, '2027-01-05'],
      ].sort(),
    );
    const nocTasks = (await noc.get('/api/v1/tasks?role=noc')).json().items.filter((x: { kind: string }) => x.kind === 'calendar.deadlineMoved');
    expect(nocTasks).toHaveLength(2);
    expect(nocTasks.map((x: { payload: { number: string } }) => x.payload.number).sort()).toEqual([early.number, open.number].sort());

    // the customer sees the new date and the announced one in the portal, and a formal notice for the earlier date
    const owner = await t.login('cal-owner');
    expect((await owner.get(`/api/v1/invoices/${early.invoices[0].id}`)).json()).toMatchObject({ dueOn: '2027-01-09', provisionalDueOn: '2027-01-11', dueOnProvisional: false });
    const html = (await owner.get(`/api/v1/invoices/${early.invoices[0].id}/document?format=html`)).body;
    expect(html).toContain('2027年1月9日前付清（含当日）；原告知 2027年1月11日，已按国务院公布的安排调整');
    expect(html).not.toContain('暂定');
    const notices = (await owner.get('/api/v1/notices')).json().items.filter((n: { type: string }) => n.type === 'billing.dueDateMoved');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ relatedId: early.invoices[0].id });
    expect(notices[0].bodyZh).toContain('第九条');
    expect(notices[0].bodyZh).toContain('2027-01-09');
  });

  it('loading the same year again moves nothing more and sends no second notice', async () => {
    const res = await admin.put('/api/v1/calendar/years/2027', OFFICIAL_2027);
    expect(res.json().recomputed).toEqual([]);
    expect((await t.services.notices.list(system, customerId)).filter((n) => n.type === 'billing.dueDateMoved')).toHaveLength(1);
  });
});

describe('the calendar API', () => {
  beforeEach(async () => {
    t.clock.set('2027-10-02T02:00:00Z');
    await relogin();
  });

  it('reports status for any staff: official and provisional years, the banner while next year is provisional', async () => {
    t.clock.set('2027-10-02T02:00:00Z');
    const status = (await noc.get('/api/v1/calendar/status')).json();
    expect(status).toEqual({ today: '2027-10-02', officialYears: expect.arrayContaining([2004, 2026, 2027]), provisionalYears: [2028, 2029], nextYear: 2028, nextYearProvisional: true, bannerDue: true });
    t.clock.set('2027-09-30T02:00:00Z');
    await relogin();
    expect((await noc.get('/api/v1/calendar/status')).json()).toMatchObject({ today: '2027-09-30', bannerDue: false });
  });

  it('puts the next year on the to-do list of admins and NOC from 1 October, once', async () => {
    t.clock.set('2027-10-02T02:00:00Z');
    expect(await t.services.calendar.remindNextYear()).toBe(2);
    expect(await t.services.calendar.remindNextYear()).toBe(0);
    const open = (await t.services.customers.openTasks(system)).filter((x) => x.kind === 'calendar.nextYearProvisional');
    expect(open.map((x) => x.role).sort()).toEqual(['admin', 'noc']);
    expect(open[0]).toMatchObject({ dueOn: '2028-01-01', payload: { year: 2028 } });
  });

  it('shows a provisional year day by day with its derived arrangement', async () => {
    const view = (await noc.get('/api/v1/calendar/years/2028')).json();
    expect(view).toMatchObject({ year: 2028, origin: 'provisional', provisional: true, source: null, loadedAt: null, diff: [] });
    expect(view.days).toHaveLength(366);
    expect(view.days.find((d: { date: string }) => d.date === '2028-01-03')).toEqual({ date: '2028-01-03', kind: 'holiday', name: '元旦' });
    expect(view.arrangement[0]).toEqual({ name: '元旦', from: '2028-01-01', to: '2028-01-03', makeUpDays: [] });
  });

  it('shows a packaged year with the notice arrangement and the difference from the derivation', async () => {
    const view = (await noc.get('/api/v1/calendar/years/2026')).json();
    expect(view).toMatchObject({ origin: 'packaged', provisional: false });
    expect(view.arrangement).toContainEqual({ name: '国庆节', from: '2026-10-01', to: '2026-10-07', makeUpDays: ['2026-09-20', '2026-10-10'] });
    expect(view.diff).toContainEqual({ date: '2026-10-10', official: 'work', provisional: 'off', name: '国庆节' });
  });

  it('refuses a year out of coverage with a readable message', async () => {
    for (const year of [2003, 2030]) {
      const res = await noc.get(`/api/v1/calendar/years/${year}`, { 'accept-language': 'en' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'CALENDAR_NOT_COVERED' });
      expect(res.json().error.message).toContain(`does not cover ${year}`);
    }
    expect((await noc.get('/api/v1/calendar/years/abc')).statusCode).toBe(400);
  });

  it('previews an arrangement without saving it (admin only)', async () => {
    const arrangement = { holidays: [{ name: '元旦', from: '2028-01-01', to: '2028-01-03', makeUpDays: [] }, { name: '春节', from: '2028-01-25', to: '2028-02-01', makeUpDays: ['2028-01-23', '2028-02-05'] }] };
    expect((await noc.post('/api/v1/calendar/years/2028/preview', arrangement)).statusCode).toBe(403);
    const view = (await admin.post('/api/v1/calendar/years/2028/preview', arrangement)).json();
    expect(view).toMatchObject({ year: 2028, origin: 'loaded', provisional: false });
    expect(view.days.find((d: { date: string }) => d.date === '2028-02-05')).toEqual({ date: '2028-02-05', kind: 'makeup', name: '春节' });
    expect(view.diff).toContainEqual({ date: '2028-01-31', official: 'off', provisional: 'work', name: '春节' });
    expect((await noc.get('/api/v1/calendar/years/2028')).json().origin).toBe('provisional');
    expect((await noc.put('/api/v1/calendar/years/2028', arrangement)).statusCode).toBe(403);
  });

  it('previews the derived arrangement of 2028 as the page fills it in: 国庆 and 中秋 (3 October) as one block, the same days off', async () => {
    const derived = (await admin.get('/api/v1/calendar/years/2028')).json();
    expect(derived.arrangement).toContainEqual({ name: '国庆节、中秋节', from: '2028-10-01', to: '2028-10-05', makeUpDays: [] });
    const res = await admin.post('/api/v1/calendar/years/2028/preview', { holidays: derived.arrangement });
    expect(res.statusCode).toBe(200);
    const off = (days: { date: string; kind: string }[]) => days.filter((d) => d.kind === 'holiday' || d.kind === 'weekend').map((d) => d.date);
    expect(off(res.json().days)).toEqual(off(derived.days));
    expect(res.json().days.find((d: { date: string }) => d.date === '2028-10-05')).toEqual({ date: '2028-10-05', kind: 'holiday', name: '国庆节、中秋节' });
    // the notice's own order is accepted too; a joint name with a name the law does not have is not
    const joint = (name: string) => admin.post('/api/v1/calendar/years/2028/preview', { holidays: [{ name, from: '2028-10-01', to: '2028-10-05', makeUpDays: [] }] }, { 'accept-language': 'en' });
    expect((await joint('中秋节、国庆节')).statusCode).toBe(200);
    const refused = await joint('中秋节、圣诞节');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toContainEqual({ path: 'holidays.0.name', message: expect.stringContaining('not a statutory holiday name') });
  });

  it.each([
    ['to before from', [{ name: '元旦', from: '2028-01-03', to: '2028-01-01', makeUpDays: [] }], 'holidays.0.to', '早于开始日', 'before the first'],
    ['a make-up day on a weekday', [{ name: '春节', from: '2028-01-25', to: '2028-02-01', makeUpDays: ['2028-02-03'] }], 'holidays.0.makeUpDays.0', '不是星期六或星期日', 'not a Saturday or Sunday'],
    ['overlapping blocks', [{ name: '劳动节', from: '2028-05-01', to: '2028-05-05', makeUpDays: [] }, { name: '端午节', from: '2028-05-05', to: '2028-05-07', makeUpDays: [] }], 'holidays.1.from', '重叠', 'Overlaps'],
    ['a day in another year', [{ name: '元旦', from: '2027-12-31', to: '2028-01-01', makeUpDays: [] }], 'holidays.0.from', '不在 2028 年内', 'is not in 2028'],
    ['an unknown holiday', [{ name: '圣诞节', from: '2028-12-25', to: '2028-12-25', makeUpDays: [] }], 'holidays.0.name', '不是法定节日名称', 'not a statutory holiday name'],
  ])('refuses %s, in both languages, changing nothing', async (_, holidays, path, zh, en) => {
    const zhRes = await admin.post('/api/v1/calendar/years/2028/preview', { holidays }, { 'accept-language': 'zh-CN' });
    expect(zhRes.statusCode).toBe(400);
    expect(zhRes.json().error.fields).toContainEqual({ path, message: expect.stringContaining(zh) });
    const enRes = await admin.request('PUT', '/api/v1/calendar/years/2028', { holidays }, { 'accept-language': 'en' });
    expect(enRes.statusCode).toBe(400);
    expect(enRes.json().error.fields).toContainEqual({ path, message: expect.stringContaining(en) });
    expect((await noc.get('/api/v1/calendar/years/2028')).json().origin).toBe('provisional');
  });

  it('closes the next-year to-do items and ends the banner when the year is loaded (JSON upload path too)', async () => {
    const schedule = { year: 2028, source: '测试', holidays: [{ date: '2028-01-01', name: '元旦' }], workdays: [] };
    expect((await admin.post('/api/v1/calendar/years', schedule)).statusCode).toBe(201);
    expect((await noc.get('/api/v1/calendar/status')).json()).toMatchObject({ nextYear: 2028, nextYearProvisional: false, bannerDue: false, provisionalYears: [2029] });
    expect((await t.services.customers.openTasks(system)).filter((x) => x.kind === 'calendar.nextYearProvisional')).toEqual([]);
    expect((await noc.get('/api/v1/calendar/years/2028')).json()).toMatchObject({ origin: 'loaded', source: '测试', provisional: false });
  });
});
