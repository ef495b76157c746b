/**
 * issue 23 §5: a mixed workload (three sign-in checks and one ticket created with its
 * Idempotency-Key per four operations) through nginx in front of two `rackpact serve` processes
 * on one PostgreSQL, against one of the same processes answering directly, in the same run.
 * On a 2-core machine the processes share the cores with PostgreSQL and nginx: the figure shows
 * what the balancer and the second process cost or gain here, not a scaling law.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServices } from '../src/app.js';
import { systemClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config.js';
import { randomIds } from '../src/core/ids.js';
import { systemScope } from '../src/core/scope.js';
import { migrate } from '../src/db/migrate.js';
import { Browser, startCluster } from '../test/harness/cluster.js';
import { ADMIN_URL, figure, throughput, withScratchDatabase, type BenchFigure } from './harness.js';

const PASSWORD = 'Harbour-Lantern-Quiet-2026';
const SECONDS = 15;
const CONCURRENCY = 8;

async function workload(base: string, tag: string): Promise<number> {
  const b = new Browser(base);
  const login = await b.login('bench-owner', PASSWORD);
  if (login.status !== 200) throw new Error(`login: ${login.status} ${login.text}`);
  let n = 0;
  // warm up (JIT, pools, session cache)
  for (let i = 0; i < 40; i += 1) await b.request('GET', '/api/v1/auth/me');
  return throughput(
    async () => {
      n += 1;
      const r =
        n % 4 === 0
          ? await b.request('POST', '/api/v1/tickets', { type: 'general', subject: `bench ${tag} ${n}`, description: '压测' }, { 'idempotency-key': `bench-${tag}-${n}-${process.pid}` })
          : await b.request('GET', '/api/v1/auth/me');
      if (r.status >= 300) throw new Error(`${r.status} ${r.text}`);
    },
    { ms: SECONDS * 1000, concurrency: CONCURRENCY, maxOps: 1_000_000 },
  );
}

export async function run(): Promise<BenchFigure[]> {
  const name = `rackpact_bench_cluster_${process.pid}`;
  const result = await withScratchDatabase('cluster', 4, async (database) => {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    await migrate(database);
    const config = parseConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'rackpact-bench-cluster-')) });
    const services = buildServices({ config, database, clock: systemClock, ids: randomIds, sessionSecret: 'bench-secret-0123456789abcdef0123' });
    const system = systemScope('bench');
    const c = await services.customers.create(system, { name: '集群压测客户', uscc: null, status: 'active' });
    await services.users.create(system, { login: 'bench-owner', displayName: 'bench', kind: 'customer', roles: ['owner'], customerId: c.id, password: PASSWORD });
    // a sign-in limit that a benchmark's logins do not reach; jobs off so that only the workload runs
    const cluster = await startCluster({ databaseUrl: url.toString(), count: 2, env: { JOBS: 'off', LOGIN_ADDRESS_FAILURES: '1000' } });
    try {
      const direct = await workload(cluster.processes[0]!.url, 'direct');
      const balanced = await workload(cluster.url, 'nginx');
      console.log(`cluster: ${balanced.toFixed(0)} ops/s through nginx to 2 processes, ${direct.toFixed(0)} ops/s to one process directly`);
      return { direct, balanced };
    } finally {
      await cluster.stop();
    }
  });
  if (!result) return [];
  return [
    figure({
      name: `several processes: mixed workload (3 × GET /auth/me, 1 × POST /tickets with Idempotency-Key), ${CONCURRENCY} clients, through nginx to 2 serve processes`,
      baseline: 'one serve process directly',
      unit: 'ops/s',
      value: result.balanced,
      baselineValue: result.direct,
    }),
  ];
}
