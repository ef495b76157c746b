import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../core/config.js';
import { PGLITE_EXTENSIONS } from '../db/client.js';
import { pgliteDir } from '../runtime.js';

/**
 * Embedded database: a gzip tar of the PGlite data dir (PGlite's own dump format).
 * PostgreSQL: pg_dump's custom format, restored with pg_restore. Stop the server first when
 * using the embedded database: its data dir belongs to one process at a time.
 */
export async function backup(config: Config, file: string): Promise<void> {
  if (config.DATABASE_URL) {
    run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${config.DATABASE_URL}`]);
    return;
  }
  const dir = pgliteDir(config);
  if (!existsSync(dir)) throw new Error(`no embedded database at ${dir}`);
  const pg = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS });
  try {
    const dump = await pg.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pg.close();
  }
}

export async function restore(config: Config, file: string, force: boolean): Promise<void> {
  if (!existsSync(file)) throw new Error(`backup file not found: ${file}`);
  if (config.DATABASE_URL) {
    run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${config.DATABASE_URL}`, file]);
    return;
  }
  const dir = pgliteDir(config);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!force) throw new Error(`${dir} is not empty; pass --force to move it aside and restore`);
    renameSync(dir, `${dir}.before-restore-${Date.now()}`);
  }
  const blob = new Blob([readFileSync(file)]);
  const pg = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS, loadDataDir: blob });
  await pg.query('SELECT 1');
  await pg.close();
}

function run(cmd: string, args: string[]): void {
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.error) throw new Error(`${cmd}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr.trim().split('\n').at(-1)}`);
}
