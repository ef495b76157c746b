import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';
import { makeFloor, type Floor, type FloorCustomer } from '../../../test/harness/incidents.js';

const system = systemScope('test');
const H = 3_600_000;
const at = (s: string) => new Date(s);

let t: TestApp;
let noc: ApiClient;
let floor: Floor;
let a: FloorCustomer;
let b: FloorCustomer;
let c: FloorCustomer;

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-06-01T02:00:00Z' });
  await makeStaff(t.services, 'i-noc', ['noc']);
  await makeStaff(t.services, 'i-sales', ['sales']);
  floor = await makeFloor(t.services);
  a = await floor.customerWithContract('甲公司', { servers: 2, cabinetId: floor.cab1.id, port: true, ip: true });
  b = await floor.customerWithContract('乙公司', { servers: 1, cabinetId: floor.cab1.id, port: true });
  c = await floor.customerWithContract('丙公司', { servers: 1, cabinetId: floor.cab2.id, ip: true });
  await makeCustomerUser(t.services, 'i-a-owner', a.customerId);
  await makeCustomerUser(t.services, 'i-b-owner', b.customerId);
  noc = await t.login('i-noc');
});
afterAll(() => t.close());

async function ledgerHours(contractId: string) {
  return (await t.services.incidents.ledger(system, contractId)).compensationHours;
}

/** An outage of one server recorded after the fact, resolved; returns the incident. */
async function outage(serverId: string, cause: string, start: string, end: string, extra: Record<string, unknown> = {}) {
  const res = await noc.post('/api/v1/incidents', { title: `${cause} outage`, cause, scope: [{ kind: 'server', target: serverId }], startedAt: start, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  const r = await noc.post(`/api/v1/incidents/${res.json().id}/resolve`, { resolvedAt: end });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

describe('scope resolution', () => {
  it('resolves site, room, cabinet, switch, port, server and IP to the servers behind them now', async () => {
    const resolve = (kind: string, target: string) =>
      t.database.db.transaction(async (tx) => (await t.services.incidents.resolveScope(tx, [{ kind: kind as never, target }])).map((s) => s.id).sort());
    const all = [...a.serverIds, ...b.serverIds, ...c.serverIds].sort();
    expect(await resolve('site', floor.site.id)).toEqual(all);
    expect(await resolve('room', floor.room.id)).toEqual(all);
    expect(await resolve('cabinet', floor.cab1.id)).toEqual([...a.serverIds, ...b.serverIds].sort());
    expect(await resolve('cabinet', floor.cab2.id)).toEqual(c.serverIds);
    expect(await resolve('switch', floor.sw.id)).toEqual([...a.serverIds, ...b.serverIds].sort());
    expect(await resolve('port', floor.sw.ports[2].id)).toEqual(b.serverIds);
    expect(await resolve('server', c.serverIds[0])).toEqual(c.serverIds);
    expect(await resolve('ip', c.ips[0])).toEqual(c.serverIds);
    expect(await resolve('ip', '198.51.100.77')).toEqual([]);
  });

  it('an incident on a cabinet interrupts each server of each customer and names their contracts', async () => {
    const res = await noc.post('/api/v1/incidents', { title: 'A 列机柜 PDU 故障', cause: 'provider_fault', scope: [{ kind: 'cabinet', target: floor.cab1.id }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().affectedServers).toBe(3);
    const detail = await t.services.incidents.get(system, res.json().id);
    expect(detail.interruptions.map((i) => i.contractId).sort()).toEqual([a.contractId, a.contractId, b.contractId].sort());
    // a customer sees the incident and only its own intervals
    const asB = await t.login('i-b-owner');
    const seen = (await asB.get(`/api/v1/incidents/${res.json().id}`)).json();
    expect(seen.interruptions.map((i: { serverId: string }) => i.serverId)).toEqual(b.serverIds);
    expect(seen.scope).toEqual([]);
    // each affected customer got a notice
    const notices = await t.services.notices.list(system, b.customerId);
    expect(notices.some((n) => n.type === 'incident.opened' && n.relatedId === res.json().id)).toBe(true);
    t.clock.advance(10 * 60_000);
    expect((await noc.post(`/api/v1/incidents/${res.json().id}/resolve`, {})).statusCode).toBe(200);
    // 10 minutes → 1 hour each for A's and B's contracts, none for C's
    expect(await ledgerHours(a.contractId)).toBe(1);
    expect(await ledgerHours(b.contractId)).toBe(1);
    expect((await t.services.incidents.ledger(system, c.contractId)).lines).toEqual([]);
  });
});

describe('compensation ledger (7.2 / 7.3 / 6.3 / 第十条)', () => {
  it('credits every cause as the agreement says, and explains what earns nothing', async () => {
    const sid = c.serverIds[0];
    const base = await ledgerHours(c.contractId);
    await outage(sid, 'provider_fault', '2026-05-20T01:00:00+08:00', '2026-05-20T01:50:00+08:00'); // 50 min → 2 h
    expect(await ledgerHours(c.contractId)).toBe(base + 2);
    await outage(sid, 'relocation', '2026-05-20T03:00:00+08:00', '2026-05-20T04:00:00+08:00'); // 1 h → 2 h
    await outage(sid, 'customer_fault', '2026-05-20T05:00:00+08:00', '2026-05-20T09:00:00+08:00');
    await outage(sid, 'force_majeure', '2026-05-20T10:00:00+08:00', '2026-05-20T12:00:00+08:00', { causeEvidence: '市政施工挖断光缆，见报告' });
    await outage(sid, 'third_party_circuit', '2026-05-20T13:00:00+08:00', '2026-05-20T14:00:00+08:00', { causeEvidence: '电信干线中断工单 #8812' });
    const ledger = await t.services.incidents.ledger(system, c.contractId);
    expect(ledger.compensationHours).toBe(base + 4);
    const excluded = ledger.lines.filter((l) => l.kind === 'excluded').map((l) => l.reasons[0]).sort();
    expect(excluded).toEqual(['CUSTOMER_FAULT', 'FORCE_MAJEURE', 'FORCE_MAJEURE']);
    expect(ledger.lines.filter((l) => l.kind === 'credited').map((l) => [l.reasons[0], l.hours])).toEqual([
      ['PROVIDER_FAULT', 2],
      ['RELOCATION', 2],
    ]);
  });

  it('force majeure needs its evidence', async () => {
    const res = await noc.post('/api/v1/incidents', { title: 'x', cause: 'force_majeure', scope: [{ kind: 'server', target: c.serverIds[0] }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('causeEvidence');
  });

  it('cut-over: 47 h 59 min of notice is compensated, 48 h is not (6.3)', async () => {
    const [s1] = a.serverIds;
    const before = await ledgerHours(a.contractId);
    const start = at('2026-05-25T02:00:00+08:00');
    await outage(s1, 'network_cutover', start.toISOString(), '2026-05-25T04:00:00+08:00', { noticeGivenAt: new Date(start.getTime() - 48 * H + 60_000).toISOString() });
    expect(await ledgerHours(a.contractId)).toBe(before + 4);
    const start2 = at('2026-05-26T02:00:00+08:00');
    await outage(s1, 'network_cutover', start2.toISOString(), '2026-05-26T04:00:00+08:00', { noticeGivenAt: new Date(start2.getTime() - 48 * H).toISOString() });
    expect(await ledgerHours(a.contractId)).toBe(before + 4);
    const lines = (await t.services.incidents.ledger(system, a.contractId)).lines;
    expect(lines.find((l) => l.fromAt.getTime() === start.getTime())?.reasons).toEqual(['CUTOVER_WITHOUT_48H_NOTICE']);
    expect(lines.find((l) => l.fromAt.getTime() === start2.getTime())).toMatchObject({ kind: 'excluded', reasons: ['CUTOVER_NOTIFIED_48H'], hours: 0 });
  });

  it('recomputes on reclassification and on edited times; every change is audited and moves the service end', async () => {
    const sid = b.serverIds[0];
    const contractBefore = await t.services.contracts.get(system, b.contractId);
    const inc = await outage(sid, 'customer_fault', '2026-05-28T10:00:00+08:00', '2026-05-28T11:30:00+08:00');
    expect(await ledgerHours(b.contractId)).toBe(contractBefore.compensationHours);
    const re = await noc.request('PATCH', `/api/v1/incidents/${inc.id}`, { cause: 'provider_fault', note: '复核：乙方交换机故障' });
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json().recomputed).toEqual([{ contractId: b.contractId, hours: contractBefore.compensationHours + 3, changed: true }]);
    const after = await t.services.contracts.get(system, b.contractId);
    expect(after.compensationHours).toBe(contractBefore.compensationHours + 3);
    expect(new Date(after.serviceEndsAt!).getTime() - new Date(contractBefore.serviceEndsAt!).getTime()).toBe(3 * H);
    // shorten it: 90 → 20 minutes
    const edit = await noc.request('PATCH', `/api/v1/incidents/${inc.id}`, { resolvedAt: '2026-05-28T10:20:00+08:00' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await ledgerHours(b.contractId)).toBe(contractBefore.compensationHours + 1);
    const audit = await t.services.audit.list(system, { entity: 'contract', entityId: b.contractId, action: 'compensation.recompute', page: 1, pageSize: 50 } as never);
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
    // and a no-op edit recomputes nothing
    const same = await noc.request('PATCH', `/api/v1/incidents/${inc.id}`, { title: '乙方交换机故障' });
    expect(same.json().recomputed[0].changed).toBe(false);
  });

  it('refuses an end before the start, and times in the future', async () => {
    const res = await noc.post('/api/v1/incidents', { title: 'x', cause: 'provider_fault', scope: [{ kind: 'server', target: c.serverIds[0] }], startedAt: '2026-05-29T10:00:00+08:00' });
    const bad = await noc.post(`/api/v1/incidents/${res.json().id}/resolve`, { resolvedAt: '2026-05-29T09:00:00+08:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('resolvedAt');
    const future = await noc.post('/api/v1/incidents', { title: 'x', cause: 'provider_fault', scope: [{ kind: 'server', target: c.serverIds[0] }], startedAt: '2027-01-01T00:00:00+08:00' });
    expect(future.statusCode).toBe(400);
    expect((await noc.post(`/api/v1/incidents/${res.json().id}/resolve`, { resolvedAt: '2026-05-29T10:05:00+08:00' })).statusCode).toBe(200);
  });

  it('a customer disputes a ledger line: a ticket with the line facts', async () => {
    const asA = await t.login('i-a-owner');
    const lines = (await asA.get('/api/v1/compensation')).json().items;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l: { customerId: string }) => l.customerId === a.customerId)).toBe(true);
    const res = await asA.post(`/api/v1/compensation/lines/${lines[0].id}/dispute`, { reason: '我方记录的中断更长' });
    expect(res.statusCode, res.body).toBe(201);
    const ticket = await t.services.tickets.get(system, res.json().id);
    expect(ticket.customerId).toBe(a.customerId);
    expect(ticket.description).toContain(lines[0].id);
    expect(ticket.description).toContain('我方记录的中断更长');
    // another customer's line is not found
    const asB = await t.login('i-b-owner');
    expect((await asB.post(`/api/v1/compensation/lines/${lines[0].id}/dispute`, { reason: 'x' })).statusCode).toBe(404);
  });

  it('recomputing every contract changes nothing when the ledgers are current (the stored digest matches)', async () => {
    expect(await t.services.incidents.recomputeAll()).toEqual({ contracts: 3, changed: 0 });
    // a ledger whose header no longer matches (edited behind the service's back) is rewritten
    await t.database.raw.query('UPDATE compensation_ledgers SET digest = $2 WHERE contract_id = $1', [c.contractId, 'tampered']);
    expect(await t.services.incidents.recomputeAll()).toEqual({ contracts: 3, changed: 1 });
    expect(await t.services.incidents.recomputeAll()).toEqual({ contracts: 3, changed: 0 });
  });

  it('recomputing from the web: a background job with its progress and result, one at a time, finance and admin only', async () => {
    await makeStaff(t.services, 'i-finance', ['finance']);
    const finance = await t.login('i-finance');
    expect((await finance.get('/api/v1/compensation/recompute-runs/latest')).json()).toEqual({ run: null });
    await t.database.raw.query('UPDATE compensation_ledgers SET digest = $2 WHERE contract_id = $1', [a.contractId, 'tampered']);
    const started = await finance.post('/api/v1/compensation/recompute-runs', {});
    expect(started.statusCode, started.body).toBe(202);
    const run = started.json();
    expect(run.step).toBe('queued');
    await t.services.incidents.recomputeSettled();
    const finished = (await finance.get(`/api/v1/compensation/recompute-runs/${run.id}`)).json();
    expect(finished).toMatchObject({ id: run.id, step: 'done', contracts: 3, error: null, done: finished.total });
    expect(finished.changed).toBe(1); // the tampered ledger
    expect((await finance.get('/api/v1/compensation/recompute-runs/latest')).json().run).toEqual(finished);
    expect(await t.services.incidents.recomputeAll()).toEqual({ contracts: 3, changed: 0 });
    // who started it is in the audit trail
    const [audit] = await t.database.raw.query<{ actor_login: string }>("SELECT actor_login FROM audit_log WHERE action = 'compensation.recomputeStarted' AND entity_id = $1", [run.id]);
    expect(audit.actor_login).toBe('i-finance');
    // NOC and customers may not start it or read it
    expect((await noc.post('/api/v1/compensation/recompute-runs', {})).statusCode).toBe(403);
    expect((await noc.get(`/api/v1/compensation/recompute-runs/${run.id}`)).statusCode).toBe(403);
    expect((await (await t.login('i-a-owner')).post('/api/v1/compensation/recompute-runs', {})).statusCode).toBe(403);
  });

  it('one run at a time; a run whose process died stops holding the place of the one running', async () => {
    const now = t.clock.now();
    const insert = (id: string, heartbeat: Date) =>
      t.database.raw.query("INSERT INTO compensation_recompute_runs (id, requested_at, step, done, total, heartbeat_at) VALUES ($1, $2, 'check', 1, 3, $2)", [id, heartbeat]);
    // one moving (its heartbeat is recent): a second start is refused by the database's one-running index
    await insert('00000000-0000-4000-8000-0000000000aa', new Date(now.getTime() - 60_000));
    const refused = await (await t.login('i-finance')).post('/api/v1/compensation/recompute-runs', {});
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('COMPENSATION_RECOMPUTE_RUNNING');
    await t.database.raw.query("DELETE FROM compensation_recompute_runs WHERE id = '00000000-0000-4000-8000-0000000000aa'");
    // one silent for longer than ten minutes: given up
    await insert('00000000-0000-4000-8000-00000000dead', new Date(now.getTime() - 11 * 60_000));
    const run = await t.services.incidents.startRecompute(system);
    await t.services.incidents.recomputeSettled();
    expect((await t.services.incidents.recomputeRun(system, '00000000-0000-4000-8000-00000000dead')).step).toBe('failed');
    expect((await t.services.incidents.recomputeRun(system, run.id)).step).toBe('done');
  });

  it('two changes to one contract at once leave one consistent ledger', async () => {
    const open = (title: string, start: string) => t.services.incidents.open(system, { title, cause: 'provider_fault', scope: [{ kind: 'server', target: c.serverIds[0] }], startedAt: new Date(start) });
    const [x, y] = [await open('并发一', '2026-05-30T01:00:00+08:00'), await open('并发二', '2026-05-30T03:00:00+08:00')];
    await Promise.all([
      t.services.incidents.resolve(system, x.id, { resolvedAt: new Date('2026-05-30T01:10:00+08:00') }),
      t.services.incidents.resolve(system, y.id, { resolvedAt: new Date('2026-05-30T03:10:00+08:00') }),
    ]);
    const ledger = await t.services.incidents.ledger(system, c.contractId);
    expect(ledger.lines.filter((l) => l.incidentIds.includes(x.id))).toHaveLength(1);
    expect(ledger.lines.filter((l) => l.incidentIds.includes(y.id))).toHaveLength(1);
    expect(ledger.compensationHours).toBe(ledger.lines.reduce((sum, l) => sum + l.hours, 0));
  });

  it('draws the outage timeline of a contract', async () => {
    const res = await noc.get(`/api/v1/compensation/${c.contractId}/timeline.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toContain('<svg');
    expect((res.body.match(/<rect /g) ?? []).length).toBeGreaterThanOrEqual(5);
    const asA = await t.login('i-a-owner');
    expect((await asA.get(`/api/v1/compensation/${c.contractId}/timeline.svg`)).statusCode).toBe(404);
  });
});

describe('the 24-hour line-fault clock (6.3)', () => {
  it('shows the time left, records the breach when exceeded (job), and stops at resolution', async () => {
    const res = await noc.post('/api/v1/incidents', { title: '上联光纤故障', cause: 'provider_fault', lineFault: true, scope: [{ kind: 'switch', target: floor.sw.id }] });
    const id = res.json().id;
    expect(res.json().lineClock).toMatchObject({ remainingMinutes: 24 * 60, breached: false, nearBreach: false });
    t.clock.advance(21 * H);
    noc = await t.login('i-noc'); // sessions idle out over a frozen day
    const board = (await noc.get('/api/v1/incidents/dashboard')).json();
    const row = board.open.find((o: { id: string }) => o.id === id);
    expect(row.lineClock).toMatchObject({ remainingMinutes: 180, nearBreach: true, breached: false });
    expect(await t.services.incidents.flagLineFaultBreaches()).toBe(0);
    t.clock.advance(3 * H);
    expect(await t.services.incidents.flagLineFaultBreaches()).toBe(0); // exactly 24 h: still in time
    t.clock.advance(60_000);
    expect(await t.services.incidents.flagLineFaultBreaches()).toBe(1);
    expect(await t.services.incidents.flagLineFaultBreaches()).toBe(0); // recorded once
    const detail = await t.services.incidents.get(system, id);
    expect(detail.lineFaultBreachedAt).not.toBeNull();
    expect(detail.updates.some((u) => u.kind === 'line_fault_breach')).toBe(true);
    t.clock.advance(59 * 60_000);
    noc = await t.login('i-noc');
    const resolved = (await noc.post(`/api/v1/incidents/${id}/resolve`, {})).json();
    expect(resolved.lineClock).toMatchObject({ breached: true, overrunMinutes: 60, remainingMinutes: 0 });
  });

  it('a line fault resolved late without the job having run is still recorded as breached', async () => {
    const res = await noc.post('/api/v1/incidents', { title: '线路', cause: 'provider_fault', lineFault: true, scope: [{ kind: 'server', target: c.serverIds[0] }] });
    t.clock.advance(25 * H);
    noc = await t.login('i-noc');
    const resolved = (await noc.post(`/api/v1/incidents/${res.json().id}/resolve`, {})).json();
    expect(resolved.lineFaultBreachedAt).not.toBeNull();
  });
});

describe('suspension of a destabilising server (6.3)', () => {
  it('suspends with reason and evidence, tells the customer, restores; the interval is customer-caused', async () => {
    const sid = a.serverIds[1];
    const hours = await ledgerHours(a.contractId);
    noc = await t.login('i-noc');
    const res = await noc.post('/api/v1/suspensions', { serverId: sid, reason: '服务器 ARP 泛洪影响同网段', evidence: '交换机日志 10:02–10:05 每秒 2 万个 ARP 包' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ cause: 'customer_fault', source: 'suspension' });
    expect((await t.services.servers.findServer(system, sid))!.status).toBe('suspended');
    const notices = await t.services.notices.list(system, a.customerId);
    expect(notices.find((n) => n.type === 'server.suspended')?.bodyZh).toContain('ARP 泛洪');
    t.clock.advance(2 * H);
    noc = await t.login('i-noc');
    const restored = await noc.post(`/api/v1/incidents/${res.json().id}/restore`, { note: '客户已更换网卡' });
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await t.services.servers.findServer(system, sid))!.status).toBe('in_service');
    expect(await ledgerHours(a.contractId)).toBe(hours);
    const line = (await t.services.incidents.ledger(system, a.contractId)).lines.find((l) => l.incidentIds.includes(res.json().id));
    expect(line).toMatchObject({ kind: 'excluded', reasons: ['CUSTOMER_FAULT'] });
  });

  it('only the NOC suspends', async () => {
    const sales = await t.login('i-sales');
    expect((await sales.post('/api/v1/suspensions', { serverId: a.serverIds[0], reason: 'x', evidence: 'y' })).statusCode).toBe(403);
  });
});
