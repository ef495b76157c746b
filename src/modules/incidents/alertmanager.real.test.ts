/**
 * End to end with the real Prometheus Alertmanager (Debian package prometheus-alertmanager):
 * alerts posted to Alertmanager's own API reach rackpact through its webhook receiver, open an
 * incident on the labelled server and cabinet, and their resolution closes the intervals.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { makeStaff } from '../../../test/harness/factories.js';
import { makeFloor, type FloorCustomer } from '../../../test/harness/incidents.js';

const BINARY = process.env.ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';
const system = systemScope('test');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let t: TestApp;
let am: ChildProcess | undefined;
let amUrl: string;
let amLog = '';
let dir: string;
let serverCustomer: FloorCustomer;
let cabinetCustomer: FloorCustomer;

beforeAll(async () => {
  if (!existsSync(BINARY)) throw new Error(`${BINARY} is missing: apt-get install prometheus-alertmanager (scripts/test.sh does)`);
  t = await makeTestApp({ now: '2026-06-01T02:00:00Z' });
  await makeStaff(t.services, 'am-admin', ['admin']);
  const floor = await makeFloor(t.services);
  const cab = await t.services.floor.createCabinet(system, { roomId: floor.room.id, code: 'E2E-C07' });
  serverCustomer = await floor.customerWithContract('实告警甲', { servers: 1, serials: ['SN-E2E-0042'], cabinetId: floor.cab1.id });
  cabinetCustomer = await floor.customerWithContract('实告警乙', { servers: 2, cabinetId: cab.id });
  const admin = await t.login('am-admin');
  const token = (await admin.post('/api/v1/tokens', { name: 'alertmanager', scopes: ['alerts:write'] })).json().token as string;
  // Alertmanager stamps alerts with the real time: the injected clock moves just past it
  t.clock.set(new Date(Date.now() + 3_600_000));
  const rackpactPort = await freePort();
  await t.http.listen({ host: '127.0.0.1', port: rackpactPort });

  dir = mkdtempSync(join(tmpdir(), 'rackpact-alertmanager-'));
  writeFileSync(
    join(dir, 'alertmanager.yml'),
    `route:
  receiver: rackpact
  group_by: ['alertname', 'serial', 'cabinet']
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: rackpact
    webhook_configs:
      - url: http://127.0.0.1:${rackpactPort}/api/v1/alerts/alertmanager
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: ${token}
`,
  );
  const amPort = await freePort();
  amUrl = `http://127.0.0.1:${amPort}`;
  am = spawn(BINARY, [`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${amPort}`, '--cluster.listen-address=', '--log.level=warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
  am.stdout!.on('data', (d) => (amLog += d));
  am.stderr!.on('data', (d) => (amLog += d));
  await until(`alertmanager to start: ${amLog}`, async () => (await fetch(`${amUrl}/-/ready`)).ok);
});

afterAll(async () => {
  if (am && am.exitCode === null) {
    await new Promise<void>((resolve) => {
      am!.once('exit', () => resolve());
      am!.kill('SIGTERM');
      setTimeout(() => am!.kill('SIGKILL'), 5_000).unref();
    });
  }
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function postAlerts(alerts: unknown[]) {
  const res = await fetch(`${amUrl}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) });
  expect(res.status, await res.text()).toBe(200);
}

describe('with the real Prometheus Alertmanager', () => {
  it('opens incidents on the labelled server and cabinet, and closes the intervals on resolution', async () => {
    const startsAt = new Date(Date.now() - 10 * 60_000).toISOString();
    const alerts = [
      { labels: { alertname: 'NodeDown', serial: 'SN-E2E-0042', severity: 'critical' }, annotations: { summary: '服务器 SN-E2E-0042 无响应' }, startsAt, generatorURL: 'http://prometheus.test/graph' },
      { labels: { alertname: 'PDUFeedLost', cabinet: 'E2E-C07', severity: 'critical' }, annotations: { summary: '机柜 E2E-C07 断电' }, startsAt, generatorURL: 'http://prometheus.test/graph' },
    ];
    await postAlerts(alerts);
    const opened = await until(`two incidents (alertmanager log: ${amLog})`, async () => {
      const open = (await t.services.incidents.list(system, { status: 'open' })).filter((i) => i.source === 'alertmanager');
      return open.length === 2 ? open : undefined;
    });
    const byTitle = Object.fromEntries(await Promise.all(opened.map(async (i) => [i.title, await t.services.incidents.get(system, i.id)] as const)));
    expect(byTitle['服务器 SN-E2E-0042 无响应'].interruptions.map((i) => i.serverId)).toEqual(serverCustomer.serverIds);
    expect(byTitle['机柜 E2E-C07 断电'].interruptions.map((i) => i.serverId).sort()).toEqual([...cabinetCustomer.serverIds].sort());
    expect(byTitle['服务器 SN-E2E-0042 无响应'].startedAt.getTime()).toBe(new Date(startsAt).getTime());

    // resolving: the same alerts again with endsAt in the past
    const endsAt = new Date(Date.now() - 1_000).toISOString();
    await postAlerts(alerts.map((a) => ({ ...a, endsAt })));
    await until(`both incidents resolved (alertmanager log: ${amLog})`, async () => {
      const all = await Promise.all(opened.map((i) => t.services.incidents.get(system, i.id)));
      return all.every((i) => i.status === 'resolved' && i.interruptions.every((x) => x.endedAt?.getTime() === new Date(endsAt).getTime()));
    });
    // about ten minutes of outage, credited at twice its length, rounded up to whole hours (7.2)
    expect((await t.services.incidents.ledger(system, serverCustomer.contractId)).compensationHours).toBe(1);
    expect((await t.services.incidents.ledger(system, cabinetCustomer.contractId)).compensationHours).toBe(1);
  });
});
