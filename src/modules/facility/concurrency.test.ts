/**
 * "The database itself keeps it unique" (issue 7): 200 simultaneous requests for one U range, the
 * next free address of one pool, or one switch port give exactly one winner per slot, the others a
 * 409 with the reason; and an INSERT that bypasses the services is refused by PostgreSQL as well.
 * Runs on both databases (PGlite serialises the transactions; PostgreSQL really runs them at once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { pgErrorOf } from '../../db/pg-errors.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { TEST_DB } from '../../../test/harness/env.js';
import { makeCustomer, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
const N = 200;
const CHECKLIST_OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };

let t: TestApp;
let noc: ApiClient;
let customers: string[];
let roomId: string;
let cabinetId: string;
/** N inspected servers waiting to be racked, alternating between two customers */
let waiting: { id: string; customerId: string }[];

async function refusedBy(sql: string, params: unknown[]): Promise<{ code?: string; constraint?: string }> {
  try {
    await t.database.raw.query(sql, params);
  } catch (err) {
    const e = pgErrorOf(err) ?? (err as { code?: string; constraint?: string });
    return { code: e.code, constraint: e.constraint };
  }
  throw new Error(`the database accepted: ${sql}`);
}

beforeAll(async () => {
  t = await makeTestApp();
  await makeStaff(t.services, 'c-noc', ['noc']);
  noc = await t.login('c-noc');
  customers = [(await makeCustomer(t.services, { name: '并发甲' })).id, (await makeCustomer(t.services, { name: '并发乙' })).id];
  const site = await t.services.floor.createSite(system, { code: 'RACE-1', name: '并发机房', address: '北京', accessPoint: '测试接入点' });
  roomId = (await t.services.floor.createRoom(system, { siteId: site.id, name: 'R' })).id;
  cabinetId = (await t.services.floor.createCabinet(system, { roomId, code: 'R01' })).id;
  waiting = [];
  for (let i = 0; i < N; i += 1) {
    const customerId = customers[i % 2];
    const s = await t.services.servers.createServer(system, { customerId, brand: 'Inspur', model: 'NF5280', serialNumber: `RACE-${i}`, heightU: 2 });
    await t.services.servers.inspect(system, s.id, CHECKLIST_OK);
    waiting.push({ id: s.id, customerId });
  }
}, 300_000);
afterAll(() => t.close());

describe(`${N} simultaneous requests, one winner per slot (${TEST_DB})`, () => {
  it('racks exactly one server into U20–U21; the rest get 409 naming the range', async () => {
    const responses = await Promise.all(waiting.map((s) => noc.post(`/api/v1/servers/${s.id}/rack`, { cabinetId, lowestU: 20, face: 'front' }, { 'accept-language': 'en' })));
    const winners = responses.filter((r) => r.statusCode === 200);
    expect(winners).toHaveLength(1);
    const losers = responses.filter((r) => r.statusCode !== 200);
    expect(losers).toHaveLength(N - 1);
    for (const r of losers) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('U_RANGE_OCCUPIED');
      expect(r.json().error.message).toMatch(/^U20–U21 on the front of cabinet R01 is occupied/);
    }
    const winnerId = winners[0].json().id as string;
    // nothing half-done for the losers: still expected, no placement
    const racked = (await noc.get(`/api/v1/servers?status=racked`)).json().items.map((s: { id: string }) => s.id);
    expect(racked).toEqual([winnerId]);
    const placements = await t.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM server_placements WHERE cabinet_id = $1 AND removed_at IS NULL`, [cabinetId]);
    expect(placements[0].n).toBe(1);
  });

  it('gives each of 200 next-free requests its own address, and the ones past the end of the pool a 409', async () => {
    // a /24 with the gateway and 127 reserved addresses leaves 126 to hand out: 126 winners, 74 refusals
    const pool = await t.services.ipam.createPool(system, { name: 'race-v4', prefix: '192.0.2.0/24', gateway: '192.0.2.1', reserved: [{ first: '192.0.2.128', last: '192.0.2.254', reason: '保留' }] });
    const serverId = waiting[0].id;
    const responses = await Promise.all(Array.from({ length: N }, () => noc.post('/api/v1/ip-allocations', { poolId: pool.id, serverId })));
    const addresses = responses.filter((r) => r.statusCode === 201).map((r) => r.json().address as string);
    expect(addresses).toHaveLength(126);
    expect(new Set(addresses).size).toBe(126);
    expect(addresses.map((a) => Number(a.split('.')[3])).sort((x, y) => x - y)).toEqual(Array.from({ length: 126 }, (_, i) => i + 2));
    const refused = responses.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(N - 126);
    for (const r of refused) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('IP_POOL_EXHAUSTED');
    }
    // a pool that does not exist is the caller's mistake, named by its field, and nothing is written
    const before = await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM ip_allocations');
    const unknown = await noc.post('/api/v1/ip-allocations', { poolId: '00000000-0000-4000-8000-00000000beef', serverId });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([expect.objectContaining({ path: 'poolId' })]);
    expect(await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM ip_allocations')).toEqual(before);
  });

  it('gives one chosen address to exactly one of 200 requests', async () => {
    const pool = await t.services.ipam.createPool(system, { name: 'race-chosen', prefix: '198.51.100.0/24' });
    const responses = await Promise.all(waiting.map((s) => noc.post('/api/v1/ip-allocations', { poolId: pool.id, serverId: s.id, address: '198.51.100.77' })));
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const r of responses.filter((r) => r.statusCode !== 201)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'IP_ALREADY_ALLOCATED', fields: [{ path: 'address' }] });
    }
  });

  it('connects exactly one of 200 servers to one switch port', async () => {
    const sw = await t.services.network.createSwitch(system, { roomId, name: 'SW-RACE', model: 'H3C S5130', portCount: 2 });
    const portId = sw.ports[0].id;
    const responses = await Promise.all(waiting.map((s) => noc.post(`/api/v1/servers/${s.id}/ports`, { portId, interfaceName: 'eth0' })));
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const r of responses.filter((r) => r.statusCode !== 201)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'PORT_IN_USE', fields: [{ path: 'portId' }] });
    }
    const ports = (await noc.get(`/api/v1/switches/${sw.id}/ports`)).json().items;
    expect(ports[0].assignment).not.toBeNull();
    expect(ports[1].assignment).toBeNull();
  });
});

describe('an INSERT that bypasses the services is refused by the database', () => {
  it('refuses an overlapping U range (EXCLUDE server_placements_no_overlap)', async () => {
    const [occupant] = await t.database.raw.query<{ server_id: string }>(`SELECT server_id FROM server_placements WHERE cabinet_id = $1 AND removed_at IS NULL`, [cabinetId]);
    const intruder = waiting.find((s) => s.id !== occupant.server_id)!;
    const err = await refusedBy(
      `INSERT INTO server_placements (id, server_id, customer_id, cabinet_id, face, u_range, placed_at) VALUES (gen_random_uuid(), $1, $2, $3, 'front', '[21,23)', now())`,
      [intruder.id, intruder.customerId, cabinetId],
    );
    expect(err).toEqual({ code: '23P01', constraint: 'server_placements_no_overlap' });
    // the rear face of the same U, and the next free U of the front, are accepted
    await t.database.raw.query(`INSERT INTO server_placements (id, server_id, customer_id, cabinet_id, face, u_range, placed_at) VALUES (gen_random_uuid(), $1, $2, $3, 'rear', '[21,23)', now())`, [intruder.id, intruder.customerId, cabinetId]);
  });

  it('refuses an address already held (EXCLUDE ip_allocations_never_twice)', async () => {
    const [held] = await t.database.raw.query<{ pool_id: string; address: string; server_id: string; customer_id: string }>(
      `SELECT pool_id, host(address) AS address, server_id, customer_id FROM ip_allocations WHERE released_at IS NULL ORDER BY address LIMIT 1`,
    );
    const err = await refusedBy(`INSERT INTO ip_allocations (id, pool_id, address, server_id, customer_id, allocated_at) VALUES (gen_random_uuid(), $1, $2::inet, $3, $4, now())`, [held.pool_id, held.address, held.server_id, held.customer_id]);
    expect(err).toEqual({ code: '23P01', constraint: 'ip_allocations_never_twice' });
  });

  it('refuses a second server on a port (UNIQUE port_assignments_one_server_per_port)', async () => {
    const [taken] = await t.database.raw.query<{ port_id: string; server_id: string }>(`SELECT port_id, server_id FROM port_assignments WHERE released_at IS NULL LIMIT 1`);
    const other = waiting.find((s) => s.id !== taken.server_id)!;
    const err = await refusedBy(`INSERT INTO port_assignments (id, port_id, server_id, customer_id, interface_name, assigned_at) VALUES (gen_random_uuid(), $1, $2, $3, 'eth9', now())`, [taken.port_id, other.id, other.customerId]);
    expect(err).toEqual({ code: '23505', constraint: 'port_assignments_one_server_per_port' });
  });
});

describe('allocation locks per pool, not globally', () => {
  it.runIf(TEST_DB === 'postgres')('allocates in pool B while pool A is locked, and queues pool A until the lock goes', async () => {
    const a = await t.services.ipam.createPool(system, { name: 'lock-a', prefix: '10.10.0.0/24' });
    const b = await t.services.ipam.createPool(system, { name: 'lock-b', prefix: '10.20.0.0/24' });
    const serverId = waiting[1].id;
    await t.database.withSession(async (session) => {
      await session.exec('BEGIN');
      await session.query('SELECT id FROM ip_pools WHERE id = $1 FOR UPDATE', [a.id]);
      // a global lock would make this wait for the transaction above, forever
      expect((await t.services.ipam.allocate(system, { poolId: b.id, serverId })).address).toBe('10.20.0.1');
      const pending = t.services.ipam.allocate(system, { poolId: a.id, serverId });
      // pool A's allocation is waiting on the row lock, not finished
      for (;;) {
        const [w] = await t.database.raw.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE NOT l.granted AND c.relname = 'ip_pools'`,
        );
        const [x] = await t.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
        if (w.n + x.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await t.database.raw.query(`SELECT 1 FROM ip_allocations WHERE pool_id = $1`, [a.id])).toEqual([]);
      await session.exec('COMMIT');
      expect((await pending).address).toBe('10.10.0.1');
    });
  });
});
