import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';
import { makeFloor, type Floor, type FloorCustomer } from '../../../test/harness/incidents.js';

const system = systemScope('test');
const H = 3_600_000;

let t: TestApp;
let noc: ApiClient;
let floor: Floor;
let a: FloorCustomer;
let b: FloorCustomer;

const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-06-01T02:00:00Z' });
  await makeStaff(t.services, 'm-noc', ['noc']);
  floor = await makeFloor(t.services);
  a = await floor.customerWithContract('甲维护', { servers: 1, cabinetId: floor.cab1.id });
  b = await floor.customerWithContract('乙维护', { servers: 1, cabinetId: floor.cab1.id });
  await makeCustomerUser(t.services, 'm-a-owner', a.customerId);
  await makeCustomerUser(t.services, 'm-b-owner', b.customerId);
  noc = await t.login('m-noc');
});
afterAll(() => t.close());

const now = () => t.clock.now().getTime();

describe('planned work needing 48 hours of notice (6.3)', () => {
  it.each(['expansion', 'relocation', 'network_cutover'])('%s: refused at 47 h 59 min with the earliest allowed start; accepted at 48 h', async (kind) => {
    const short = await noc.post('/api/v1/maintenance', { title: `${kind} work`, kind, startsAt: iso(now() + 48 * H - 60_000), endsAt: iso(now() + 50 * H), scope: [{ kind: 'cabinet', target: floor.cab1.id }] });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.code).toBe('NOTICE_TOO_SHORT');
    expect(short.json().error.fields[0].path).toBe('startsAt');
    expect(short.json().error.message).toContain('2026-06-03T10:00:00+08:00');
    const ok = await noc.post('/api/v1/maintenance', { title: `${kind} work`, kind, startsAt: iso(now() + 48 * H), endsAt: iso(now() + 50 * H), scope: [{ kind: 'cabinet', target: floor.cab1.id }] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ needsConsent: false, affectedCustomers: 2, noticedAt: t.clock.now().toISOString() });
    await noc.post(`/api/v1/maintenance/${ok.json().id}/cancel`);
  });

  it('the database refuses a short notice too (a CHECK), whatever the code path', async () => {
    await expect(
      t.database.raw.query(
        "INSERT INTO maintenance_windows (id, number, title, kind, starts_at, ends_at, noticed_at, status, created_at, version) VALUES (gen_random_uuid(), 'MW-X', 'x', 'network_cutover', now() + interval '47 hours', now() + interval '49 hours', now(), 'scheduled', now(), 1)",
      ),
    ).rejects.toThrow(/maintenance_windows_48h_notice/);
  });

  it('notifies every affected customer through the notice register', async () => {
    const ok = await noc.post('/api/v1/maintenance', { title: '核心交换机扩容', kind: 'expansion', startsAt: iso(now() + 72 * H), endsAt: iso(now() + 74 * H), scope: [{ kind: 'server', target: a.serverIds[0] }] });
    const notices = await t.services.notices.list(system, a.customerId);
    const n = notices.find((x) => x.relatedId === ok.json().id)!;
    expect(n.type).toBe('maintenance.scheduled');
    expect(n.bodyZh).toContain('核心交换机扩容');
    expect(n.deliveries.map((d) => d.channel)).toContain('portal');
    expect((await t.services.notices.list(system, b.customerId)).some((x) => x.relatedId === ok.json().id)).toBe(false);
  });
});

describe('provider work needing notice and consent (7.3)', () => {
  it('each customer accepts or declines in the portal; work without consent is a compensated breach', async () => {
    const start = now() + 24 * H;
    const res = await noc.post('/api/v1/maintenance', { title: '电路调测', kind: 'circuit_debugging', startsAt: iso(start), endsAt: iso(start + H), scope: [{ kind: 'cabinet', target: floor.cab1.id }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().needsConsent).toBe(true);
    const id = res.json().id;
    const asA = await t.login('m-a-owner');
    const asB = await t.login('m-b-owner');
    expect((await asA.post(`/api/v1/maintenance/${id}/decision`, { decision: 'accepted' })).json().decision).toBe('accepted');
    expect((await asB.post(`/api/v1/maintenance/${id}/decision`, { decision: 'declined' })).json().decision).toBe('declined');
    // each customer sees only its own consent
    const seenByA = (await asA.get(`/api/v1/maintenance/${id}`)).json();
    expect(seenByA.consents.map((c: { customerId: string }) => c.customerId)).toEqual([a.customerId]);
    // staff cannot consent on a customer's behalf
    expect((await noc.post(`/api/v1/maintenance/${id}/decision`, { decision: 'accepted' })).statusCode).toBe(403);
    const aBefore = (await t.services.incidents.ledger(system, a.contractId)).compensationHours;
    const bBefore = (await t.services.incidents.ledger(system, b.contractId)).compensationHours;
    t.clock.set(new Date(start + 2 * H));
    noc = await t.login('m-noc');
    // too late to decide once the work has begun
    expect((await (await t.login('m-b-owner')).post(`/api/v1/maintenance/${id}/decision`, { decision: 'accepted' })).statusCode).toBe(409);
    const done = await noc.post(`/api/v1/maintenance/${id}/perform`, { startedAt: iso(start), endedAt: iso(start + 40 * 60_000) });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().withoutConsent).toBe(1);
    // 40 minutes → 2 hours for both (7.3 work is compensated); B's line is a breach, A's is not
    const la = await t.services.incidents.ledger(system, a.contractId);
    const lb = await t.services.incidents.ledger(system, b.contractId);
    expect(la.compensationHours).toBe(aBefore + 2);
    expect(lb.compensationHours).toBe(bBefore + 2);
    expect(la.lines.at(-1)).toMatchObject({ reasons: ['PROVIDER_PLANNED'], breach: false });
    expect(lb.lines.at(-1)).toMatchObject({ reasons: ['PROVIDER_PLANNED_WITHOUT_NOTICE_OR_CONSENT'], breach: true });
    expect((await noc.post(`/api/v1/maintenance/${id}/perform`, {})).statusCode).toBe(409);
  });

  it('performed cut-over work with its 48 h notice earns nothing', async () => {
    const start = now() + 49 * H;
    const res = await noc.post('/api/v1/maintenance', { title: '割接', kind: 'network_cutover', startsAt: iso(start), endsAt: iso(start + H), scope: [{ kind: 'server', target: a.serverIds[0] }] });
    const before = (await t.services.incidents.ledger(system, a.contractId)).compensationHours;
    t.clock.set(new Date(start + 2 * H));
    noc = await t.login('m-noc');
    expect((await noc.post(`/api/v1/maintenance/${res.json().id}/perform`, {})).statusCode).toBe(200);
    const ledger = await t.services.incidents.ledger(system, a.contractId);
    expect(ledger.compensationHours).toBe(before);
    expect(ledger.lines.at(-1)).toMatchObject({ kind: 'excluded', reasons: ['CUTOVER_NOTIFIED_48H'] });
  });
});

describe('the iCal feed', () => {
  it("lists a customer's upcoming windows, readable by an iCal library, with the feed token as credential", async () => {
    const start = now() + 60 * H;
    const w1 = (await noc.post('/api/v1/maintenance', { title: '机房 UPS 维护, 含“逗号”；分号', kind: 'provider_work', description: '第一行\n第二行', startsAt: iso(start), endsAt: iso(start + 2 * H), scope: [{ kind: 'server', target: a.serverIds[0] }] })).json();
    const w2 = (await noc.post('/api/v1/maintenance', { title: '乙方专属作业', kind: 'relocation', startsAt: iso(start), endsAt: iso(start + H), scope: [{ kind: 'server', target: b.serverIds[0] }] })).json();
    const asA = await t.login('m-a-owner');
    const feed = await asA.post('/api/v1/portal/calendar-feed');
    expect(feed.statusCode).toBe(201);
    const anonymous = t.anonymous();
    const res = await anonymous.get(feed.json().path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toContain(`${w1.id}@rackpact`);
    expect(events.map((e) => e.uid)).not.toContain(`${w2.id}@rackpact`);
    const e1 = events.find((e) => e.uid === `${w1.id}@rackpact`)!;
    expect(e1.summary).toBe(`${w1.number} 机房 UPS 维护, 含“逗号”；分号`);
    expect(e1.description).toContain('第一行\n第二行');
    expect(e1.startDate.toJSDate().getTime()).toBe(start);
    expect(e1.endDate.toJSDate().getTime()).toBe(start + 2 * H);
    // past and cancelled windows are not listed
    await noc.post(`/api/v1/maintenance/${w1.id}/cancel`);
    const after = new ICAL.Component(ICAL.parse((await anonymous.get(feed.json().path)).body));
    expect(after.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid)).not.toContain(`${w1.id}@rackpact`);
    // a wrong or replaced token is refused
    expect((await anonymous.get('/api/v1/portal/calendar.ics?token=rpc_wrong')).statusCode).toBe(401);
    const second = await asA.post('/api/v1/portal/calendar-feed');
    expect((await anonymous.get(feed.json().path)).statusCode).toBe(401);
    expect((await anonymous.get(second.json().path)).statusCode).toBe(200);
  });
});
