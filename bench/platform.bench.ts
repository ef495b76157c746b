import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { systemClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config.js';
import { randomIds } from '../src/core/ids.js';
import { systemScope } from '../src/core/scope.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemo, DEMO_PASSWORD } from '../src/demo/seed.js';
import { figure, throughput, type BenchFigure } from './harness.js';

/**
 * Platform figures on the embedded database:
 * - the audit hash chain (lock + head read + sha256 + insert) against a plain insert of the same row;
 * - an authenticated API request (session lookup) against the unauthenticated health check, over loopback.
 */
export async function run(): Promise<BenchFigure[]> {
  const database = await openDatabase({});
  await migrate(database);
  const config = parseConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'rackpact-bench-')), HOST: '127.0.0.1', PORT: '0' });
  const { http, services } = await buildApp({ config, database, clock: systemClock, ids: randomIds, sessionSecret: 'bench-secret-0123456789abcdef0123' });
  await seedDemo(services);
  const figures: BenchFigure[] = [];

  await database.raw.exec('CREATE TABLE bench_plain (LIKE audit_log)');
  let seq = 1_000_000;
  const plain = await throughput(
    () =>
      database.db.transaction(async (tx) => {
        seq += 1;
        await tx.execute(
          sql`INSERT INTO bench_plain (seq, id, at, actor_kind, action, entity, prev_hash, hash)
              VALUES (${seq}, gen_random_uuid(), now(), 'system', 'bench', 'bench', 'x', ${`h${seq}`})`,
        );
      }),
    { ms: 3000, concurrency: 4, maxOps: 20_000 },
  );
  const chained = await throughput(
    () => database.db.transaction((tx) => services.audit.record(tx, systemScope('bench'), { action: 'bench', entity: 'bench', after: { n: 1 } })),
    { ms: 3000, concurrency: 4, maxOps: 20_000 },
  );
  figures.push(figure({ name: 'audit append (hash chain)', baseline: 'plain insert of the same row', unit: 'rows/s', value: chained, baselineValue: plain, target: '≥ 0.25', ok: chained / plain >= 0.25 }));

  await http.listen({ port: 0, host: '127.0.0.1' });
  const address = http.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const health = await throughput(async () => (await fetch(`${base}/api/health`)).arrayBuffer(), { ms: 3000, concurrency: 8, maxOps: 50_000 });
  const me = await throughput(async () => (await fetch(`${base}/api/v1/auth/me`, { headers: { cookie } })).arrayBuffer(), { ms: 3000, concurrency: 8, maxOps: 50_000 });
  figures.push(figure({ name: 'authenticated GET /api/v1/auth/me', baseline: 'GET /api/health (no session)', unit: 'req/s', value: me, baselineValue: health, target: '≥ 0.3', ok: me / health >= 0.3 }));

  await http.close();
  await database.close();
  return figures;
}
