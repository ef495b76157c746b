import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildServices, type Services } from './app.js';
import { shiftedClock, systemClock, type Clock } from './core/clock.js';
import type { Config } from './core/config.js';
import { randomIds, type IdGenerator } from './core/ids.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate, type MigrationReport } from './db/migrate.js';

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

/** Opens the configured database (embedded unless DATABASE_URL), migrates it, wires the services. */
export async function openRuntime(config: Config, opts: { clock?: Clock; ids?: IdGenerator } = {}): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: pgliteDir(config) });
  try {
    const migration = await migrate(database);
    const clock = opts.clock ?? (config.CLOCK_START ? shiftedClock(config.CLOCK_START) : systemClock);
    const ids = opts.ids ?? randomIds;
    const sessionSecret = sessionSecretFor(config);
    const services = buildServices({ config, database, clock, ids, sessionSecret });
    return { config, database, services, clock, ids, sessionSecret, migration, close: () => database.close() };
  } catch (err) {
    await database.close();
    throw err;
  }
}
