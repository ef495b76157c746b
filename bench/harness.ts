import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';

export interface BenchFigure {
  name: string;
  /** what the ratio compares against, measured in the same run */
  baseline: string;
  unit: string;
  value: number;
  baselineValue: number;
  /** value / baselineValue */
  ratio: number;
  /** the target the figure must meet, as a ratio, when there is one */
  target?: string;
  ok?: boolean;
}

/** Runs fn with `concurrency` workers until `ms` elapses or `maxOps` are done; returns ops/second. */
export async function throughput(fn: () => Promise<unknown>, opts: { ms: number; concurrency: number; maxOps: number }): Promise<number> {
  let done = 0;
  const start = performance.now();
  const deadline = start + opts.ms;
  const worker = async () => {
    while (performance.now() < deadline && done < opts.maxOps) {
      await fn();
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return done / ((performance.now() - start) / 1000);
}

export function figure(f: Omit<BenchFigure, 'ratio'>): BenchFigure {
  return { ...f, ratio: f.value / f.baselineValue };
}

/** The PostgreSQL server the benches create their scratch databases on. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** One statement on the admin connection (CREATE / DROP DATABASE of a bench's scratch database). */
export async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * A scratch PostgreSQL database for one bench (`rackpact_bench_<bench>_<pid>`): created, opened with this
 * pool size, handed to `fn`, then closed and dropped whatever happens. The figures are about PostgreSQL:
 * without a server at ADMIN_URL the bench is skipped (null; set BENCH_DATABASE_URL).
 */
export async function withScratchDatabase<T>(bench: string, poolSize: number, fn: (database: Database) => Promise<T>): Promise<T | null> {
  const name = `rackpact_bench_${bench}_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`${bench}.bench.ts: no PostgreSQL at ${ADMIN_URL} (${(err as Error).message}); skipped`);
    return null;
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize });
    try {
      return await fn(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
