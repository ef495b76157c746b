import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildServices, type Services } from './app.js';
import { shiftedClock, systemClock, type Clock } from './core/clock.js';
import type { Config } from './core/config.js';
import { randomIds, type IdGenerator } from './core/ids.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate, type MigrationReport } from './db/migrate.js';
import { installJobQueues } from './jobs/runner.js';
import { startMark } from './core/start-timing.js';

/** The session secret: from SESSION_SECRET, else generated once and kept in the data dir. */
export function sessionSecretFor(config: Config): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  mkdirSync(config.DATA_DIR, { recursive: true });
  const file = join(config.DATA_DIR, 'session-secret');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

export function pgliteDir(config: Config): string {
  return join(config.DATA_DIR, 'pglite');
}

export interface Runtime {
  config: Config;
  database: Database;
  services: Services;
  clock: Clock;
  ids: IdGenerator;
  sessionSecret: string;
  migration: MigrationReport;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** What holds the embedded data-dir lock (e.g. `serve`), and where a stale-lock takeover is logged. */
  command?: string;
  log?: (message: string) => void;
  /** `serve`: how V8 compiles the embedded database (PGLITE_COMPILER); others keep V8's default. */
  pgliteCompiler?: 'baseline' | 'optimizing';
}

/**
 * PostgreSQL with the role split: the owner (MIGRATION_DATABASE_URL) migrates, installs the job
 * queues and grants DATABASE_URL's role what the app needs — never ownership (migration 0019).
 */
export async function migrateAsOwner(config: Config, app: Database): Promise<MigrationReport> {
  const owner = await openDatabase({ databaseUrl: config.MIGRATION_DATABASE_URL, poolSize: 2 });
  try {
    const report = await migrate(owner);
    await installJobQueues(owner);
    const [{ role: appRole }] = await app.raw.query<{ role: string }>('SELECT current_user AS role');
    const [{ role: ownerRole }] = await owner.raw.query<{ role: string }>('SELECT current_user AS role');
    if (appRole !== ownerRole) await owner.raw.query('SELECT rackpact_grant_app_role($1)', [appRole]);
    return report;
  } finally {
    await owner.close();
  }
}

/** Opens the configured database (embedded unless DATABASE_URL), migrates it, wires the services. */
export async function openRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  startMark('modules loaded');
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: pgliteDir(config), command: opts.command, log: opts.log, wasmCompiler: opts.pgliteCompiler });
  startMark('database open');
  try {
    const migration = config.MIGRATION_DATABASE_URL ? await migrateAsOwner(config, database) : await migrate(database);
    startMark('migrations checked');
    const clock = opts.clock ?? (config.CLOCK_START ? shiftedClock(config.CLOCK_START) : systemClock);
    const ids = opts.ids ?? randomIds;
    const sessionSecret = sessionSecretFor(config);
    const services = buildServices({ config, database, clock, ids, sessionSecret });
    startMark('services wired');
    // issue 20: customers from before migration 0029 (or loaded by SQL) get their searchable pinyin now
    await services.customers.fillPinyin();
    startMark('pinyin filled');
    return { config, database, services, clock, ids, sessionSecret, migration, close: () => database.close() };
  } catch (err) {
    await database.close();
    throw err;
  }
}
