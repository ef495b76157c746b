/**
 * issue 23 §5: three `rackpact serve` processes on one PostgreSQL behind a real nginx balancer
 * (test/harness/cluster.ts), with a mixed workload: sign-outs, password changes and disabling seen
 * by every process; the per-address sign-in limit across processes; each scheduled job once per
 * tick; no IP address handed out twice under concurrent allocations through different processes;
 * a process killed mid-load loses no acknowledged write and the balancer's retries make no duplicate.
 * PostgreSQL only: the embedded database is one process by design.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/core/scope.js';
import { makeTestApp, TEST_PASSWORD, type TestApp } from '../harness/app.js';
import { Browser, startCluster, type Cluster } from '../harness/cluster.js';
import { TEST_DB } from '../harness/env.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../harness/factories.js';

const system = systemScope('cluster-test');
const ADDRESS_FAILURES = 4;
let t: TestApp;
let cluster: Cluster;
let customerId: string;

/** A notification crosses to another process over its LISTEN connection, a moment after the commit: ask a few times. */
async function settles<T>(probe: () => Promise<T>, expected: T, tries = 40): Promise<T> {
  let last = await probe();
  for (let i = 0; i < tries && last !== expected; i += 1) {
    await new Promise((r) => setTimeout(r, 50));
    last = await probe();
  }
  return last;
}

describe.skipIf(TEST_DB !== 'postgres')('several app processes behind nginx on one PostgreSQL', () => {
  beforeAll(async () => {
    t = await makeTestApp();
    const c = await makeCustomer(t.services, { name: '集群客户' });
    customerId = c.id;
    await makeStaff(t.services, 'c-admin', ['admin']);
    await makeStaff(t.services, 'c-noc', ['noc']);
    for (const login of ['kx-one', 'kx-two', 'kx-three', 'kx-four']) await makeCustomerUser(t.services, login, c.id);
    cluster = await startCluster({
      databaseUrl: t.url!,
      count: 3,
      env: { LOGIN_ADDRESS_FAILURES: String(ADDRESS_FAILURES), IDEMPOTENCY_LEASE_SECONDS: '3', JOBS: 'on' },
    });
  }, 300_000);
  afterAll(async () => {
    await cluster?.stop();
    await t?.close();
  }, 60_000);

  const direct = (i: number) => cluster.processes[i]!.url;
  const me = async (b: Browser) => (await b.request('GET', '/api/v1/auth/me')).status;

  it('a sign-out, a password change and disabling on one process end the sessions on the others', async () => {
    // sign-out through process 0; the session was answered (and cached) by processes 1 and 2
    const out = new Browser(direct(0));
    expect((await out.login('kx-one', TEST_PASSWORD)).status).toBe(200);
    const old = out.clone(direct(1));
    expect([await me(old), await me(old.at(direct(2)))]).toEqual([200, 200]);
    expect((await out.request('POST', '/api/v1/auth/logout')).status).toBeLessThan(300);
    expect(await settles(() => me(old), 401)).toBe(401);
    expect(await settles(() => me(old.at(direct(2))), 401)).toBe(401);

    // a password change on process 0 ends the same user's other session, in use on process 2
    const elsewhere = new Browser(direct(2));
    expect((await elsewhere.login('kx-two', TEST_PASSWORD)).status).toBe(200);
    expect(await me(elsewhere)).toBe(200);
    const here = new Browser(direct(0));
    await here.login('kx-two', TEST_PASSWORD);
    expect((await here.request('POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Harbour-Lantern-Quiet-2026' })).status).toBe(204);
    expect(await settles(() => me(elsewhere), 401)).toBe(401);
    expect(await me(here)).toBe(200);

    // an admin disables a user through the balancer; the user's session on process 1 ends
    const user = new Browser(direct(1));
    await user.login('kx-three', TEST_PASSWORD);
    expect(await me(user)).toBe(200);
    const admin = new Browser(cluster.url);
    expect((await admin.login('c-admin', TEST_PASSWORD)).status).toBe(200);
    const [{ id: offId }] = await t.database.raw.query<{ id: string }>("SELECT id::text FROM users WHERE login = 'kx-three'");
    const off = { id: offId! };
    expect((await admin.request('POST', `/api/v1/users/${off.id}/disable`)).status).toBe(200);
    expect(await settles(() => me(user), 401)).toBe(401);
    expect(await settles(() => me(user.at(direct(2))), 401)).toBe(401);
  });

  it('holds the per-address sign-in limit across processes', async () => {
    // failures spread over the three processes, from one address (the balancer passes it on)
    const statuses: number[] = [];
    for (let i = 0; i < ADDRESS_FAILURES; i += 1) {
      const b = new Browser(direct(i % 3));
      statuses.push((await b.request('POST', '/api/v1/auth/login', { login: `nobody-${i}`, password: 'wrong' }, { 'x-forwarded-for': '203.0.113.7' })).status);
    }
    expect(statuses).toEqual(Array(ADDRESS_FAILURES).fill(401));
    // the next attempt from that address waits, whichever process it reaches — even with the right password
    for (let i = 0; i < 3; i += 1) {
      const b = new Browser(direct(i));
      expect((await b.request('POST', '/api/v1/auth/login', { login: 'kx-four', password: TEST_PASSWORD }, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    }
    // another address is not affected
    expect((await new Browser(direct(1)).request('POST', '/api/v1/auth/login', { login: 'kx-four', password: TEST_PASSWORD }, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
  });

  it('never hands out one IP address twice under concurrent allocations through different processes', async () => {
    const pool = await t.services.ipam.createPool(system, { name: 'cluster', prefix: '10.23.0.0/26' });
    const servers: string[] = [];
    for (let i = 0; i < 12; i += 1) servers.push((await t.services.servers.createServer(system, { customerId, brand: 'Dell', model: 'R650', serialNumber: `CL-${i}`, heightU: 1 })).id);
    const nocs = await Promise.all([0, 1, 2].map(async (i) => {
      const b = new Browser(direct(i));
      expect((await b.login('c-noc', TEST_PASSWORD)).status).toBe(200);
      return b;
    }));
    const results = await Promise.all(
      servers.map((serverId, i) => nocs[i % 3]!.request('POST', '/api/v1/ip-allocations/next', { poolId: pool.id, serverId, count: 3 })),
    );
    for (const r of results) expect(r.status, r.text).toBe(201);
    const addresses = results.flatMap((r) => (r.json() as { items: { address: string }[] }).items.map((a) => a.address));
    expect(addresses).toHaveLength(36);
    expect(new Set(addresses).size).toBe(36);
    const [{ n }] = await t.database.raw.query<{ n: string }>('SELECT count(DISTINCT address) AS n FROM ip_allocations WHERE pool_id = $1 AND released_at IS NULL', [pool.id]);
    expect(Number(n)).toBe(36);
  });

  it('runs each scheduled job once per tick across the processes', async () => {
    // wait for two every-minute ticks to have run (pg-boss schedules on the wall clock)
    const everyMinute = ['notice-outbox', 'notice-deliveries', 'ticket-mail', 'alert-deliveries'];
    const done = async () =>
      Number((await t.database.raw.query<{ n: string }>("SELECT count(DISTINCT date_trunc('minute', created_on)) AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'", ['notice-outbox']))[0]!.n);
    const until = Date.now() + 200_000;
    while ((await done()) < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 2000));
    expect(await done()).toBeGreaterThanOrEqual(2);
    const perTick = await t.database.raw.query<{ name: string; minute: string; n: string }>(
      "SELECT name, date_trunc('minute', created_on)::text AS minute, count(*) AS n FROM pgboss.job WHERE name = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2",
      [everyMinute],
    );
    expect(perTick.length).toBeGreaterThanOrEqual(everyMinute.length * 2);
    for (const row of perTick) expect({ ...row, n: Number(row.n) }).toEqual({ ...row, n: 1 });
  }, 240_000);

  it('loses no acknowledged write and makes no duplicate when a process is killed mid-load', async () => {
    const b = new Browser(cluster.url);
    expect((await b.login('kx-four', TEST_PASSWORD)).status).toBe(200);
    const run = randomBytes(4).toString('hex');
    const acknowledged = new Map<string, string>(); // key -> ticket id
    const unanswered = new Set<string>();
    let retried = 0;
    let sent = 0;
    const TOTAL = 150;
    let killed = false;
    const worker = async (w: number) => {
      for (let i = w; i < TOTAL; i += 6) {
        const key = `lb-${run}-${i}`;
        // the UI's behaviour: the same key until an answer comes
        for (let attempt = 0; ; attempt += 1) {
          sent += 1;
          let status = 0;
          let body = '';
          try {
            const r = await b.request('POST', '/api/v1/tickets', { type: 'general', subject: `LB ${key}`, description: '负载' }, { 'idempotency-key': key });
            status = r.status;
            body = r.text;
          } catch {
            status = 0;
          }
          if (status === 201) {
            acknowledged.set(key, (JSON.parse(body) as { id: string }).id);
            break;
          }
          // its process committed the write and died before answering: done, the answer lost (never a second write)
          if (status === 409 && body.includes('IDEMPOTENCY_ALREADY_APPLIED')) {
            unanswered.add(key);
            break;
          }
          retried += 1;
          expect(attempt, `${key}: ${status} ${body}`).toBeLessThan(100);
          await new Promise((r) => setTimeout(r, 100));
        }
        if (!killed && acknowledged.size >= 40) {
          killed = true;
          // frozen first, so that requests are certainly in flight on it when it dies
          cluster.processes[1]!.freeze();
          await new Promise((r) => setTimeout(r, 1000));
          await cluster.processes[1]!.kill();
        }
      }
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map(worker));
    expect(killed).toBe(true);
    expect(acknowledged.size + unanswered.size).toBe(TOTAL);
    const rows = await t.database.raw.query<{ id: string; subject: string }>('SELECT id::text, subject FROM tickets WHERE subject LIKE $1', [`LB lb-${run}-%`]);
    // every acknowledged ticket is there, once
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((r) => r.subject)).size).toBe(TOTAL);
    const ids = new Set(rows.map((r) => r.id));
    for (const id of acknowledged.values()) expect(ids.has(id)).toBe(true);
    // the balancer did send requests that were on the killed process on to another one
    const passedOn = cluster.accessLog().filter((line) => line.includes(`:${cluster.processes[1]!.port}, `));
    expect(passedOn.length).toBeGreaterThan(0);
    console.info(`cluster: ${TOTAL} tickets (${unanswered.size} written by the killed process without an answer), ${sent} requests sent, ${retried} answered otherwise and sent again by the client, ${passedOn.length} passed on by nginx from the killed process`);
  }, 180_000);
});
