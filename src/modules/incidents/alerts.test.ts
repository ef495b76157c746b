import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeStaff } from '../../../test/harness/factories.js';
import { makeFloor, type Floor, type FloorCustomer } from '../../../test/harness/incidents.js';

const system = systemScope('test');
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/alertmanager/${name}.json`, import.meta.url), 'utf8'));

let t: TestApp;
let admin: ApiClient;
let token: string;
let floor: Floor;
let a: FloorCustomer;
let b: FloorCustomer;

const hook = (body: unknown, secret = token) => t.http.inject({ method: 'POST', url: '/api/v1/alerts/alertmanager', payload: body as object, headers: { authorization: `Bearer ${secret}` } });
const count = async (table: string) => (await t.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-06-01T03:00:00Z' });
  await makeStaff(t.services, 'al-admin', ['admin']);
  floor = await makeFloor(t.services);
  const cab = await t.services.floor.createCabinet(system, { roomId: floor.room.id, code: 'AM-C01' });
  a = await floor.customerWithContract('告警甲', { servers: 1, serials: ['SN-AM-0001'], cabinetId: floor.cab1.id });
  b = await floor.customerWithContract('告警乙', { servers: 2, cabinetId: cab.id });
  const sw = await t.services.network.createSwitch(system, { roomId: floor.room.id, name: 'AM-SW1', model: 'x', portCount: 2 });
  await t.services.network.assignPort(system, b.serverIds[0], { portId: sw.ports[0].id, interfaceName: 'eth1' });
  admin = await t.login('al-admin');
  token = (await admin.post('/api/v1/tokens', { name: 'alertmanager', scopes: ['alerts:write'] })).json().token;
});
afterAll(() => t.close());

describe('Alertmanager webhook intake', () => {
  it('needs an API token with alerts:write', async () => {
    expect((await t.http.inject({ method: 'POST', url: '/api/v1/alerts/alertmanager', payload: fixture('firing') })).statusCode).toBe(401);
    const readOnly = (await admin.post('/api/v1/tokens', { name: 'ro', scopes: ['read'] })).json().token;
    const res = await hook(fixture('firing'), readOnly);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('TOKEN_SCOPE_MISSING');
    expect(await count('incidents')).toBe(0);
  });

  it('firing opens an incident per fingerprint on the labelled server and cabinet', async () => {
    const res = await hook(fixture('firing'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['opened', 'opened']);
    const [node, pdu] = res.json().results.map((r: { incidentId: string }) => r.incidentId);
    const nodeIncident = await t.services.incidents.get(system, node);
    expect(nodeIncident).toMatchObject({ source: 'alertmanager', status: 'open', cause: 'provider_fault', title: '服务器 SN-AM-0001 无响应', fingerprint: '5b2e8c1f0d9a7e34' });
    expect(nodeIncident.interruptions.map((i) => i.serverId)).toEqual(a.serverIds);
    expect(nodeIncident.startedAt.toISOString()).toBe('2026-06-01T01:50:12.345Z');
    const pduIncident = await t.services.incidents.get(system, pdu);
    expect(pduIncident.interruptions.map((i) => i.serverId).sort()).toEqual([...b.serverIds].sort());
    expect(pduIncident.lineFault).toBe(true);
  });

  it('a repeated delivery is harmless', async () => {
    const before = [await count('incidents'), await count('interruptions'), await count('alert_events'), await count('audit_log')];
    const res = await hook(fixture('firing'));
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    expect([await count('incidents'), await count('interruptions'), await count('alert_events'), await count('audit_log')]).toEqual(before);
  });

  it('resolved closes the interval, resolves the incident and credits compensation; a repeat changes nothing', async () => {
    const res = await hook(fixture('resolved'));
    expect(res.json().results[0].outcome).toBe('resolved');
    const incident = await t.services.incidents.get(system, res.json().results[0].incidentId);
    expect(incident.status).toBe('resolved');
    expect(incident.interruptions[0].endedAt!.toISOString()).toBe('2026-06-01T02:40:12.345Z');
    // 50 minutes → 2 hours (7.2)
    expect((await t.services.incidents.ledger(system, a.contractId)).compensationHours).toBe(2);
    const again = await hook(fixture('resolved'));
    expect(again.json().results[0].outcome).toBe('already_resolved');
    expect((await t.services.incidents.ledger(system, a.contractId)).compensationHours).toBe(2);
  });

  it('a resolution that overtakes its firing records both; the late firing is a duplicate', async () => {
    const res = await hook(fixture('resolved-before-firing'));
    expect(res.json().results[0].outcome).toBe('resolved_late');
    const incident = await t.services.incidents.get(system, res.json().results[0].incidentId);
    expect(incident.status).toBe('resolved');
    expect(incident.interruptions.map((i) => [i.serverId, i.endedAt!.toISOString()])).toEqual([[b.serverIds[0], '2026-06-01T01:20:00.000Z']]);
    const firing = fixture('resolved-before-firing');
    firing.status = 'firing';
    firing.alerts[0].status = 'firing';
    firing.alerts[0].endsAt = '0001-01-01T00:00:00Z';
    const late = await hook(firing);
    expect(late.json().results[0].outcome).toBe('duplicate');
    expect((await t.services.incidents.get(system, incident.id)).status).toBe('resolved');
  });

  it('a second firing of an open fingerprint joins its incident; the incident resolves when all its alerts have', async () => {
    const pdu = fixture('firing');
    pdu.alerts = [pdu.alerts[1]];
    const open = (await t.services.incidents.list(system, { status: 'open' })).find((i) => i.fingerprint === 'a91c3d7e22f0b845')!;
    pdu.alerts[0].startsAt = '2026-06-01T02:10:00Z';
    const joined = await hook(pdu);
    expect(joined.json().results[0]).toEqual({ fingerprint: 'a91c3d7e22f0b845', outcome: 'joined', incidentId: open.id });
    const resolvedFirst = structuredClone(pdu);
    resolvedFirst.alerts[0] = { ...resolvedFirst.alerts[0], status: 'resolved', startsAt: '2026-06-01T01:55:00Z', endsAt: '2026-06-01T02:30:00Z' };
    await hook(resolvedFirst);
    expect((await t.services.incidents.get(system, open.id)).status).toBe('open');
    const resolvedSecond = structuredClone(pdu);
    resolvedSecond.alerts[0] = { ...resolvedSecond.alerts[0], status: 'resolved', endsAt: '2026-06-01T02:35:00Z' };
    await hook(resolvedSecond);
    const done = await t.services.incidents.get(system, open.id);
    expect(done.status).toBe('resolved');
    expect(done.resolvedAt!.toISOString()).toBe('2026-06-01T02:35:00.000Z');
    // 01:55–02:30 and 02:10–02:35 merge to 40 minutes → 2 hours for B (whose server also lost its uplink 01:00–01:20: 1 hour)
    expect((await t.services.incidents.ledger(system, b.contractId)).compensationHours).toBe(3);
  });

  it('the database keeps one row per (fingerprint, startsAt)', async () => {
    const [row] = await t.database.raw.query<{ incident_id: string }>("SELECT incident_id FROM alert_events WHERE fingerprint = '5b2e8c1f0d9a7e34'");
    await expect(
      t.database.raw.query("INSERT INTO alert_events (id, fingerprint, starts_at, incident_id, alertname, labels, received_at) VALUES (gen_random_uuid(), '5b2e8c1f0d9a7e34', '2026-06-01T01:50:12.345Z', $1, 'x', '{}', now())", [row.incident_id]),
    ).rejects.toThrow(/alert_events_once/);
  });

  it('an alert whose labels match nothing opens nothing: it waits, with its labels, until the NOC maps it (issue 15)', async () => {
    await makeStaff(t.services, 'al-noc', ['noc']);
    const noc = await t.login('al-noc');
    const stray = { version: '4', status: 'firing', alerts: [{ status: 'firing', labels: { alertname: 'DiskFull', instance: 'unknown-host:9100', serial: 'SN-NOT-HERE' }, annotations: { summary: '磁盘将满' }, startsAt: '2026-06-01T02:00:00Z', fingerprint: 'f00dfeed00000001' }] };
    const before = [await count('incidents'), await count('interruptions'), await count('alert_events')];
    const res = await hook(stray);
    expect(res.json().results).toEqual([{ fingerprint: 'f00dfeed00000001', outcome: 'unmatched', incidentId: null }]);
    expect(((await hook(stray)).json().results[0].outcome)).toBe('unmatched');
    expect([await count('incidents'), await count('interruptions'), await count('alert_events')]).toEqual(before);
    // Alertmanager resolves it while it waits: still nothing opened, the end is kept
    const resolved = structuredClone(stray);
    resolved.status = 'resolved';
    Object.assign(resolved.alerts[0], { status: 'resolved', endsAt: '2026-06-01T02:30:00Z' });
    expect((await hook(resolved)).json().results[0].outcome).toBe('unmatched');
    expect(await count('incidents')).toBe(before[0]);

    const list = await noc.get('/api/v1/alerts/unmatched?waiting=true');
    expect(list.statusCode).toBe(200);
    const [waiting] = list.json().items;
    expect(waiting).toMatchObject({ fingerprint: 'f00dfeed00000001', alertname: 'DiskFull', labels: stray.alerts[0].labels, annotations: { summary: '磁盘将满' }, endsAt: '2026-06-01T02:30:00.000Z', mappedAt: null, incidentId: null });
    expect((await admin.get('/api/v1/alerts/unmatched')).statusCode).toBe(200);

    // the NOC says it was a's server: the incident opens from the alert's start and closes at its end
    const bad = await noc.post(`/api/v1/alerts/unmatched/${waiting.id}/map`, { scope: [{ kind: 'server', target: 'SN-AM-0001' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('scope.0.target');
    const auditBefore = await count('audit_log');
    const mapped = await noc.post(`/api/v1/alerts/unmatched/${waiting.id}/map`, { scope: [{ kind: 'server', target: a.serverIds[0] }] });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json()).toMatchObject({ id: waiting.id, incidentId: expect.any(String), mappedAt: expect.any(String) });
    const incident = await t.services.incidents.get(system, mapped.json().incidentId);
    expect(incident).toMatchObject({ source: 'alertmanager', fingerprint: 'f00dfeed00000001', status: 'resolved', title: '磁盘将满' });
    expect(incident.interruptions.map((i) => [i.serverId, i.startedAt.toISOString(), i.endedAt?.toISOString()])).toEqual([[a.serverIds[0], '2026-06-01T02:00:00.000Z', '2026-06-01T02:30:00.000Z']]);
    const [entry] = await t.database.raw.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'unmatched_alert' AND entity_id = $1", [waiting.id]);
    expect(entry.action).toBe('incident.alertMapped');
    expect(await count('audit_log')).toBeGreaterThan(auditBefore);
    // mapped once; Alertmanager's repeats now find the incident
    expect((await noc.post(`/api/v1/alerts/unmatched/${waiting.id}/map`, { scope: [{ kind: 'server', target: a.serverIds[0] }] })).json().error.code).toBe('ALERT_ALREADY_MAPPED');
    expect((await hook(resolved)).json().results[0]).toEqual({ fingerprint: 'f00dfeed00000001', outcome: 'already_resolved', incidentId: incident.id });
    expect((await noc.get('/api/v1/alerts/unmatched?waiting=true')).json().items).toEqual([]);
    // customers see none of it
    const customer = await t.login((await t.services.users.create(system, { login: 'al-cust', displayName: 'x', kind: 'customer', roles: ['owner'], customerId: a.customerId, password: 'test-password-1' })).login);
    expect((await customer.get('/api/v1/alerts/unmatched')).statusCode).toBe(403);
  });

  it('refuses a payload that is not Alertmanager webhook JSON with 400 naming the field', async () => {
    const res = await hook({ version: '4', status: 'firing', alerts: [{ status: 'firing', labels: {}, startsAt: 'yesterday', fingerprint: 'x' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toContain('startsAt');
  });
});
