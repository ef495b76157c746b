import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { timedStep } from '../core/start-timing.js';
import type { Database } from './client.js';

export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'src', 'db', 'migrations');
/** Any constant works; it only has to be the same in every process migrating this database. */
const MIGRATION_LOCK_KEY = 727_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export interface MigrationReport {
  applied: string[];
  version: number;
}

/**
 * Applies pending migrations in one transaction under a transaction-level advisory lock, so
 * several app processes starting against one empty PostgreSQL migrate it exactly once: the
 * others wait on the lock, then find nothing pending. An applied file that was edited afterwards
 * is refused rather than silently skipped.
 */
export async function migrate(database: Database, migrations = loadMigrations()): Promise<MigrationReport> {
  if (await isCurrent(database, migrations)) return { applied: [], version: migrations.at(-1)?.version ?? 0 };
  return database.withSession(async (session) => {
    await session.exec('BEGIN');
    try {
      await session.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      // looked up first: an app role without CREATE on the schema may not even say IF NOT EXISTS
      const [{ present }] = await session.query<{ present: boolean }>("SELECT to_regclass('rackpact_migrations') IS NOT NULL AS present");
      if (!present) {
        await session.exec(`CREATE TABLE rackpact_migrations (
          version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now())`);
      }
      const done = await session.query<{ version: number; name: string; checksum: string }>(
        'SELECT version, name, checksum FROM rackpact_migrations ORDER BY version',
      );
      const byVersion = new Map(done.map((m) => [m.version, m]));
      const applied: string[] = [];
      for (const m of migrations) {
        const previous = byVersion.get(m.version);
        if (previous) {
          if (previous.checksum !== m.checksum) {
            throw new Error(`migration ${m.name} was changed after it was applied (checksum differs)`);
          }
          continue;
        }
        try {
          await timedStep('migrations', m.name, () => session.exec(m.sql));
        } catch (err) {
          if ((err as { code?: string }).code !== '42501') throw err;
          throw new Error(`migration ${m.name}: ${(err as Error).message} — run migrations as the role that owns the tables (MIGRATION_DATABASE_URL)`);
        }
        await session.query('INSERT INTO rackpact_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          m.checksum,
        ]);
        applied.push(m.name);
      }
      await session.exec('COMMIT');
      return { applied, version: migrations.at(-1)?.version ?? 0 };
    } catch (err) {
      await session.exec('ROLLBACK');
      throw err;
    }
  });
}

/**
 * The start of an up-to-date database (issue 23 §1): one query, no transaction, no lock — every
 * migration applied with the checksum it has now. Anything else (no table yet, one pending, one
 * changed) is left to `migrate`'s locked path, which decides again under the lock.
 */
async function isCurrent(database: Database, migrations: Migration[]): Promise<boolean> {
  let done: { version: number; checksum: string }[];
  try {
    done = await database.raw.query<{ version: number; checksum: string }>('SELECT version, checksum FROM rackpact_migrations ORDER BY version');
  } catch {
    return false; // not there yet (a new database), or not readable: the locked path says why
  }
  const byVersion = new Map(done.map((m) => [m.version, m.checksum]));
  return migrations.every((m) => byVersion.get(m.version) === m.checksum);
}

export async function currentMigrationVersion(database: Database): Promise<number> {
  const rows = await database.raw.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM rackpact_migrations',
  );
  return rows[0]?.version ?? 0;
}
