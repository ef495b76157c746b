import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';
import { buildServices } from '../src/app.js';
import { systemClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config.js';
import { randomIds } from '../src/core/ids.js';
import { systemScope } from '../src/core/scope.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { gateNginxArgs } from '../src/modules/compliance/nginx.js';
import { ADMIN_URL, figure, type BenchFigure } from './harness.js';

const run = promisify(execFile);
const DOMAINS = 500_000;
const SERVERS = 1_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The compliance gate on PostgreSQL: writing the nginx map files for 500k verified domains
 * (query, filter by live IP allocations, render, fingerprint, write atomically) against a plain
 * `COPY (SELECT …) TO` file of the same rows, measured in the same run; then `nginx -t` must accept
 * the generated configuration.
 */
export async function run_(): Promise<BenchFigure[]> {
  const name = `rackpact_bench_gate_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  const work = mkdtempSync(join(tmpdir(), 'rackpact-bench-gate-'));
  chmodSync(work, 0o755);
  try {
    await migrate(database);
    const config = parseConfig({ DATA_DIR: work, GATE_HTTP_LISTEN: '127.0.0.1:18080', GATE_HTTPS_LISTEN: '127.0.0.1:18443' });
    const services = buildServices({ config, database, clock: systemClock, ids: randomIds, sessionSecret: 'bench-secret-0123456789abcdef0123' });
    const system = systemScope('bench');
    const customer = await services.customers.create(system, { name: '压测客户', uscc: null, status: 'active' });
    const pool = await services.ipam.createPool(system, { name: 'bench', prefix: '10.0.0.0/16' });
    // 1 000 servers with one address each, 500 verified domains per server
    await database.raw.query(
      `INSERT INTO servers (id, customer_id, brand, model, serial_number, height_u, created_at, updated_at)
       SELECT md5('s' || i)::uuid, $1, 'Bench', 'B1', 'BENCH-' || i, 1, now(), now() FROM generate_series(1, ${SERVERS}) i`,
      [customer.id],
    );
    await database.raw.query(
      `INSERT INTO ip_allocations (id, pool_id, address, server_id, customer_id, allocated_at)
       SELECT md5('a' || i)::uuid, $1, ('10.0.' || (i / 250) || '.' || (i % 250 + 2))::inet, md5('s' || i)::uuid, $2, now() FROM generate_series(1, ${SERVERS}) i`,
      [pool.id, customer.id],
    );
    await database.raw.query(
      `INSERT INTO compliance_domains (id, customer_id, server_id, domain, domain_unicode, address, use, filing_number, status, verified_at, verifier, verification_method, reverify_due_on, version, created_at, updated_at)
       SELECT md5('d' || i)::uuid, $1, md5('s' || (i % ${SERVERS} + 1))::uuid, 'site' || i || '.bench-' || (i % 997) || '.cn', 'site' || i || '.bench-' || (i % 997) || '.cn',
              host(('10.0.' || ((i % ${SERVERS} + 1) / 250) || '.' || ((i % ${SERVERS} + 1) % 250 + 2))::inet), 'non_commercial', '京ICP备12345678号', 'verified', now(), 'bench', 'miit_lookup', current_date + 365, 1, now(), now()
       FROM generate_series(1, ${DOMAINS}) i`,
      [customer.id],
    );
    await database.raw.exec('ANALYZE');

    const copyFile = join(tmpdir(), `rackpact-bench-copy-${process.pid}.txt`);
    const copy = async () => {
      const t0 = performance.now();
      await database.raw.query(
        `COPY (SELECT d.domain, d.address, d.server_id FROM compliance_domains d
               WHERE d.status = 'verified' AND NOT EXISTS (SELECT 1 FROM compliance_suspensions s WHERE s.server_id = d.server_id AND s.restored_at IS NULL)
               ORDER BY d.domain COLLATE "C") TO '${copyFile}'`,
      );
      return performance.now() - t0;
    };
    const generate = async () => {
      const t0 = performance.now();
      const r = await services.gate.export(system);
      if (r.domainCount !== DOMAINS) throw new Error(`gate has ${r.domainCount} domains, expected ${DOMAINS}`);
      return performance.now() - t0;
    };
    // warm both once, then three alternating rounds
    await copy();
    await generate();
    const copies: number[] = [];
    const gens: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      copies.push(await copy());
      gens.push(await generate());
    }
    const copyMs = median(copies);
    const genMs = median(gens);
    const gateDir = join(work, 'gate');
    const mapBytes = statSync(join(gateDir, 'gate.map')).size;
    const t0 = performance.now();
    let nginxOk = true;
    let nginxOutput = '';
    try {
      const { stderr } = await run('/usr/sbin/nginx', [...gateNginxArgs({ bin: '/usr/sbin/nginx', dir: gateDir }), '-t'], { timeout: 120_000 });
      nginxOutput = stderr.trim().split('\n').at(-1) ?? '';
    } catch (err) {
      nginxOk = false;
      nginxOutput = String((err as { stderr?: string }).stderr ?? err).slice(0, 300);
    }
    const nginxMs = performance.now() - t0;
    rmSync(copyFile, { force: true });
    console.log(`gate: ${DOMAINS} domains, gate.map ${(mapBytes / 2 ** 20).toFixed(1)} MiB; nginx -t ${nginxOk ? 'ok' : 'FAILED'} in ${(nginxMs / 1000).toFixed(1)} s: ${nginxOutput}`);
    return [
      figure({
        name: `compliance gate: map files for ${DOMAINS / 1000}k domains (PostgreSQL)`,
        baseline: 'COPY (SELECT …) TO a file of the same rows',
        unit: 'ms',
        value: genMs,
        baselineValue: copyMs,
        target: '≤ 2',
        ok: genMs / copyMs <= 2 && nginxOk,
      }),
      figure({
        name: `compliance gate: nginx -t accepts the ${DOMAINS / 1000}k-domain gate (${nginxOk ? 'ok' : 'FAILED'})`,
        baseline: 'generating the files',
        unit: 'ms',
        value: nginxMs,
        baselineValue: genMs,
        ok: nginxOk,
      }),
    ];
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }
}

export { run_ as run };
