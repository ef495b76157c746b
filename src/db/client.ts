import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { Extensions, PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { PACKAGE_ROOT } from '../paths.js';
import { lockDataDir } from './data-dir-lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The drizzle handle every repository uses; the same type for both drivers. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A drizzle transaction or the database itself: repositories accept either. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** Raw SQL on one connection, for the migrator, pg-boss and backups. */
export interface RawSession {
  /**
   * `name`: on PostgreSQL, a prepared statement of that name on each connection (parsed once, its plan
   * cached — the server may keep a generic one); one name is one text. PGlite runs the text as given.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], name?: string): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/** What a LISTEN reports: each notification's payload, and whether it is listening right now. */
export interface Listener {
  notify(payload: string): void;
  /**
   * true once listening; false when the connection is lost (notifications may have been missed
   * until the next true) and when stopped.
   */
  state(listening: boolean): void;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /**
   * LISTEN on a channel (from every process on this database; NOTIFY arrives at commit). Resolves
   * once listening or, on PostgreSQL, once the first attempt failed (it retries by itself on a
   * connection of its own). Returns its stop; close() stops every listener too.
   */
  listen(channel: string, listener: Listener): Promise<() => Promise<void>>;
  /** Runs fn on one dedicated connection (advisory locks are per connection). */
  withSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  /** A raw pool-level executor (any connection). */
  raw: RawSession;
  close(): Promise<void>;
  /** Set for the embedded database: backups dump its data dir. */
  pglite?: PGlite;
}

/**
 * The extensions the schema needs on the embedded database. Each driver is loaded by the database that
 * uses it — PGlite's or PostgreSQL's, not both — at open, not at start (issue 23 §1).
 */
export async function pgliteExtensions(): Promise<Extensions> {
  const [{ btree_gist }, { pg_trgm }] = await Promise.all([import('@electric-sql/pglite/contrib/btree_gist'), import('@electric-sql/pglite/contrib/pg_trgm')]);
  return { btree_gist, pg_trgm };
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` or undefined keeps it in memory. */
  dataDir?: string;
  /** PGlite only: start from a dumped data dir (tests load a migrated template this way). */
  loadDataDir?: Blob;
  poolSize?: number;
  /**
   * Embedded only: `baseline` compiles PGlite's WebAssembly with V8's baseline compiler only (Liftoff):
   * a quicker start, no optimizing recompilation in the background after it, ~70 MB less memory held
   * (compiled code and the compiler's working memory), for ~30 % more CPU in a heavy query (issue 23 §2).
   * Process-wide and for good: `serve` sets it (PGLITE_COMPILER); tests and benchmarks keep V8's default.
   * Not on a new data dir, whose first start runs every migration and the demo seed: heavy work.
   */
  wasmCompiler?: 'baseline' | 'optimizing';
  /** Embedded only: what the data-dir lock says holds it (e.g. `serve`), and where a stale-lock takeover is logged. */
  command?: string;
  log?: (message: string) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir, opts);
}

/**
 * PGlite's PostgreSQL keeps its shared buffers inside the process (the WebAssembly heap, never handed
 * back): the default 128 MB of them was a quarter of an idle server's memory (issue 23 §2). The embedded
 * database serves one small shop whose working set is a few MB; 16 MB keeps it cached. The other
 * settings bound what one query may take on top (sorts, index builds, temporary tables).
 */
const pgliteStartParams = (PGliteClass: typeof PGlite) => [
  ...(PGliteClass as unknown as { defaultStartParams: string[] }).defaultStartParams,
  ...['-c', 'shared_buffers=16MB', '-c', 'work_mem=4MB', '-c', 'maintenance_work_mem=16MB', '-c', 'temp_buffers=2MB'],
];

/**
 * Issue 23 §1: the empty cluster a new embedded data dir starts from, made once per installed PGlite by
 * `npm run build` (scripts/start.mjs makes it under the same name): the files PostgreSQL's initdb writes,
 * which on these machines takes ~8 s of CPU in WebAssembly on every new data dir. Its name carries the
 * PGlite version, so another PGlite never loads it; without it PGlite runs initdb itself, as before.
 */
export function pgliteClusterTemplate(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return join(PACKAGE_ROOT, 'dist', 'pglite', `cluster-${version}.tar.gz`);
}

/** A new data dir's starting files: the built empty cluster when there is one, else none (PGlite runs initdb). */
function clusterTemplateBlob(): Blob | undefined {
  try {
    const file = pgliteClusterTemplate();
    return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
  } catch {
    return undefined;
  }
}

async function openPglite(dataDir: string | undefined, opts: OpenOptions): Promise<Database> {
  const onDisk = dataDir !== undefined && !dataDir.startsWith('memory://');
  if (onDisk) mkdirSync(dataDir, { recursive: true });
  const isNew = onDisk && !existsSync(join(dataDir, 'PG_VERSION'));
  // one process per data dir: a second PGlite on the same files would silently lose writes
  const lock = onDisk ? await lockDataDir(dataDir, { command: opts.command, log: opts.log }) : undefined;
  let client: PGlite;
  let drizzlePglite: typeof import('drizzle-orm/pglite').drizzle;
  try {
    // read when V8 compiles the module, i.e. by the first PGlite of the process (later ones reuse it); a new
    // data dir too: its first start (every migration and the demo seed) took 6.7 s of CPU with it against
    // 8.7 s with the optimizing tier recompiling hot functions alongside (issue 23 §1)
    if (opts.wasmCompiler === 'baseline' && onDisk) setFlagsFromString('--liftoff-only');
    const [{ PGlite }, extensions, driver] = await Promise.all([import('@electric-sql/pglite'), pgliteExtensions(), import('drizzle-orm/pglite')]);
    drizzlePglite = driver.drizzle;
    const loadDataDir = opts.loadDataDir ?? (isNew ? clusterTemplateBlob() : undefined);
    client = await PGlite.create(dataDir, { extensions, loadDataDir, startParams: pgliteStartParams(PGlite) });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const raw: RawSession = {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await client.exec(sql);
    },
  };
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const stops = new Set<() => Promise<void>>();
  return {
    kind: 'pglite',
    db,
    raw,
    // one in-process connection: a notification is delivered before the statement that caused it returns
    async listen(channel, listener) {
      const unlisten = await client.listen(channel, (payload) => listener.notify(payload));
      listener.state(true);
      const stop = async () => {
        if (!stops.delete(stop)) return;
        listener.state(false);
        if (!client.closed) await unlisten();
      };
      stops.add(stop);
      return stop;
    },
    // PGlite is a single connection: every call already shares one session.
    withSession: (fn) => fn(raw),
    async close() {
      for (const stop of [...stops]) await stop();
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
    pglite: client,
  };
}

/** A RawSession over anything with pg's query(): the pool, or one checked-out client. */
function rawOf(queryable: Pick<pg.Pool, 'query'>): RawSession {
  return {
    async query<T>(sql: string, params: unknown[] = [], name?: string) {
      return (await (name ? queryable.query({ name, text: sql, values: params }) : queryable.query(sql, params))).rows as T[];
    },
    async exec(sql: string) {
      await queryable.query(sql);
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const raw = rawOf(pool);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const stops = new Set<() => Promise<void>>();
  return {
    kind: 'postgres',
    db,
    raw,
    async listen(channel, listener) {
      const stop = await listenOn(pg, url, channel, listener, () => stops.delete(stop));
      stops.add(stop);
      return stop;
    },
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(rawOf(client));
      } finally {
        client.release();
      }
    },
    async close() {
      for (const stop of [...stops]) await stop();
      await pool.end();
    },
  };
}

const RETRY_MS = { first: 500, max: 30_000 };

/** LISTEN on a client of its own, outside the pool; after losing it, reconnects with backoff until stopped. */
async function listenOn(pg: typeof import('pg').default, url: string, channel: string, listener: Listener, onStop: () => void): Promise<() => Promise<void>> {
  let current: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = RETRY_MS.first;

  const lost = (client: pg.Client) => {
    if (client !== current) return; // an attempt already given up, or the end of one we closed
    current = undefined;
    listener.state(false);
    client.end().catch(() => undefined);
    if (stopped) return;
    retry = setTimeout(() => void attempt(), delay);
    retry.unref();
    delay = Math.min(delay * 2, RETRY_MS.max);
  };

  const attempt = async () => {
    const client = new pg.Client({ connectionString: url });
    current = client;
    client.on('notification', (message) => {
      if (message.channel === channel && client === current) listener.notify(message.payload ?? '');
    });
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    } catch {
      lost(client);
      return;
    }
    if (client !== current) {
      await client.end().catch(() => undefined); // stopped while connecting
      return;
    }
    delay = RETRY_MS.first;
    listener.state(true);
  };

  await attempt();
  return async () => {
    if (stopped) return;
    stopped = true;
    onStop();
    clearTimeout(retry);
    const client = current;
    current = undefined;
    listener.state(false);
    await client?.end().catch(() => undefined);
  };
}
