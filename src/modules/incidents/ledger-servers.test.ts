import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { makeStaff } from '../../../test/harness/factories.js';
import { makeFloor } from '../../../test/harness/incidents.js';

/**
 * Issue 19 §7: an interruption that earns nothing is one excluded line per server, identical but for
 * the server — so the ledger names the server on each, or the customer cannot tell which line is which.
 */
const system = systemScope('test');
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ now: '2026-06-01T02:00:00Z' });
  await makeStaff(t.services, 'ls-noc', ['noc']);
});
afterAll(() => t.close());

it('names the server on each excluded line of the ledger', async () => {
  const floor = await makeFloor(t.services);
  const a = await floor.customerWithContract('两台服务器公司', { servers: 2, cabinetId: floor.cab1.id });
  const noc = await t.login('ls-noc');
  const opened = await noc.post('/api/v1/incidents', { title: '客户自身原因', cause: 'customer_fault', scope: a.serverIds.map((id) => ({ kind: 'server', target: id })), startedAt: '2026-05-31T01:00:00Z' });
  expect(opened.statusCode, opened.body).toBe(201);
  expect((await noc.post(`/api/v1/incidents/${opened.json().id}/resolve`, { resolvedAt: '2026-05-31T03:00:00Z' })).statusCode).toBe(200);
  // a credited outage of one server beside it: it names no server
  const other = await noc.post('/api/v1/incidents', { title: '乙方故障', cause: 'provider_fault', scope: [{ kind: 'server', target: a.serverIds[0] }], startedAt: '2026-05-31T05:00:00Z' });
  await noc.post(`/api/v1/incidents/${other.json().id}/resolve`, { resolvedAt: '2026-05-31T05:30:00Z' });

  const serials = await Promise.all(a.serverIds.map(async (id) => (await t.services.servers.findServer(system, id))!.serialNumber));
  const res = await noc.get(`/api/v1/compensation/${a.contractId}`);
  expect(res.statusCode).toBe(200);
  const lines = res.json().lines as { kind: string; servers?: string[]; reasons: string[] }[];
  const excluded = lines.filter((l) => l.kind === 'excluded');
  expect(excluded).toHaveLength(2);
  const named = excluded.map((l) => l.servers ?? []);
  for (const n of named) expect(n).toHaveLength(1);
  // each line one server, the two lines the two servers (a name shows its serial number)
  expect(serials.map((s) => named.findIndex((n) => n[0].includes(s))).sort()).toEqual([0, 1]);
  expect(lines.find((l) => l.kind === 'credited')?.servers).toBeUndefined();
});
