import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The drizzle handle every repository uses; the same type for both drivers. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A drizzle transaction or the database itself: repositories accept either. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** Raw SQL on one connection, for the migrator, pg-boss and backups. */
export interface RawSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs fn on one dedicated connection (advisory locks are per connection). */
  withSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  /** A raw pool-level executor (any connection). */
  raw: RawSession;
  close(): Promise<void>;
  /** Set for the embedded database: backups dump its data dir. */
  pglite?: PGlite;
}

export const PGLITE_EXTENSIONS = { btree_gist, pg_trgm };

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` or undefined keeps it in memory. */
  dataDir?: string;
  /** PGlite only: start from a dumped data dir (tests load a migrated template this way). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir, opts.loadDataDir);
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir && !dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS, loadDataDir });
  const raw: RawSession = {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await client.exec(sql);
    },
  };
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    raw,
    // PGlite is a single connection: every call already shares one session.
    withSession: (fn) => fn(raw),
    close: () => client.close(),
    pglite: client,
  };
}

/** A RawSession over anything with pg's query(): the pool, or one checked-out client. */
function rawOf(queryable: Pick<pg.Pool, 'query'>): RawSession {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await queryable.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await queryable.query(sql);
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const raw = rawOf(pool);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    raw,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(rawOf(client));
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
