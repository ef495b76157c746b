import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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

/** The gate's nginx, running from the exported files, so that an apply can reload it. */
async function startGateNginx(dir: string) {
  await run('/usr/sbin/nginx', gateNginxArgs({ bin: '/usr/sbin/nginx', dir }), { timeout: 120_000 });
  const pidFile = join(dir, 'nginx.pid');
  for (let i = 0; i < 100 && !existsSync(pidFile); i += 1) await new Promise((r) => setTimeout(r, 100));
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return {
    async stop() {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        return;
      }
      for (let i = 0; i < 100; i += 1) {
        try {
          process.kill(pid, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      process.kill(pid, 'SIGKILL');
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The compliance gate on PostgreSQL: writing the nginx map files for 500k verified domains
 * (query, filter by live IP allocations, render, fingerprint, write atomically) against a plain
 * `COPY (SELECT …) TO` file of the same rows, measured in the same run; then `nginx -t` must accept
 * the generated configuration. Then (issue 23 §3) the gate job's idle tick — the version compared,
 * nothing rendered — against `SELECT 1`, and the apply after one revocation on a running nginx.
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

    // issue 23 §3: the per-minute job when nothing changed — one version read — against SELECT 1
    const nginx = nginxOk ? await startGateNginx(gateDir) : undefined;
    let tickMs = 0;
    let selectMs = 0;
    let changeMs = 0;
    let changeOutcome = 'not run';
    try {
      const first = await services.gate.applyIfChanged(); // the first check of a process renders
      if (first.outcome !== 'applied' && first.outcome !== 'unchanged') throw new Error(`first gate check: ${first.outcome}`);
      const ticks: number[] = [];
      const selects: number[] = [];
      for (let round = 0; round < 5; round += 1) {
        let a = performance.now();
        for (let i = 0; i < 200; i += 1) await database.raw.query('SELECT 1');
        selects.push((performance.now() - a) / 200);
        a = performance.now();
        for (let i = 0; i < 200; i += 1) {
          const r = await services.gate.applyIfChanged();
          if (r.outcome !== 'unchanged') throw new Error(`idle tick did ${r.outcome}`);
        }
        ticks.push((performance.now() - a) / 200);
      }
      tickMs = median(ticks);
      selectMs = median(selects);
      // one verification revoked (the trigger moves the version): the next check renders and applies
      await database.raw.query(`UPDATE compliance_domains SET status = 'revoked', status_reason = 'bench' WHERE id = md5('d1')::uuid`);
      const a = performance.now();
      changeOutcome = (await services.gate.applyIfChanged()).outcome;
      changeMs = performance.now() - a;
    } finally {
      await nginx?.stop();
    }
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
        name: `compliance gate: an idle gate job tick at ${DOMAINS / 1000}k domains (version unchanged)`,
        baseline: 'SELECT 1 on the same pool',
        unit: 'ms',
        value: tickMs,
        baselineValue: selectMs,
        target: '≤ 3',
        ok: tickMs / selectMs <= 3,
      }),
      figure({
        name: `compliance gate: the apply after one revocation at ${DOMAINS / 1000}k domains (render, nginx -t, reload: ${changeOutcome})`,
        baseline: 'generating the files',
        unit: 'ms',
        value: changeMs,
        baselineValue: genMs,
        ok: changeOutcome === 'applied',
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
