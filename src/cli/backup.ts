import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { filesDir, type Config } from '../core/config.js';
import { openDatabase, pgliteExtensions } from '../db/client.js';
import { lockDataDir } from '../db/data-dir-lock.js';
import { makeFileStore } from '../files/file-store.js';
import { migrateAsOwner, pgliteDir } from '../runtime.js';
import { isTar, listTar, readEntry, TarWriter, type TarEntry } from './tar.js';

/**
 * A backup is one tar file:
 *   rackpact-backup.json      what it holds (database kind, when, how many files)
 *   database.pglite.tar.gz    the embedded database (PGlite's own dump of its data dir), or
 *   database.pgdump           PostgreSQL (pg_dump's custom format)
 *   files/ab/ab12…            the file store (KYC copies, signed contracts, the seal…), unless --no-files
 * The database is dumped before the files are copied: a file is stored before any row names it,
 * so every file the dump references is already in the store when it is copied.
 * The embedded database is backed up under its data-dir lock, so never while the server runs.
 * Backups made before files were included (a bare PGlite dump or pg_dump file) still restore.
 */
const MANIFEST = 'rackpact-backup.json';
const PGLITE_ENTRY = 'database.pglite.tar.gz';
const PGDUMP_ENTRY = 'database.pgdump';

interface Manifest {
  format: 'rackpact-backup';
  version: 1;
  database: 'pglite' | 'postgres';
  createdAt: string;
  files: number | null;
}

export interface BackupReport {
  database: 'pglite' | 'postgres';
  /** null when told --no-files */
  files: number | null;
}

export interface RestoreReport {
  database: 'pglite' | 'postgres';
  /** files put back (already present ones count too); null when the backup holds none */
  files: number | null;
}

/** Issue 20 §6: where backup and restore are, for the CLI's progress bar (step `database` 0/1 → 1/1, then `files` n/total). */
export type BackupProgress = (e: { step: 'database' | 'files'; done: number; total: number }) => void;

export async function backup(config: Config, file: string, opts: { files: boolean; onProgress?: BackupProgress } = { files: true }): Promise<BackupReport> {
  const progress: BackupProgress = opts.onProgress ?? (() => undefined);
  const kind = config.DATABASE_URL ? 'postgres' : 'pglite';
  const store = makeFileStore(filesDir(config));
  const work = mkdtempSync(join(tmpdir(), 'rackpact-backup-'));
  const partial = `${file}.partial-${process.pid}`;
  let fd: number | undefined;
  try {
    const dump = join(work, 'database');
    progress({ step: 'database', done: 0, total: 1 });
    if (config.DATABASE_URL) {
      run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${dump}`, `--dbname=${ownerUrl(config)}`]);
    } else {
      const dir = pgliteDir(config);
      if (!existsSync(dir)) throw new Error(`no embedded database at ${dir}`);
      // openDatabase takes the data-dir lock: refused while the server (or anything else) has it open
      const database = await openDatabase({ dataDir: dir, command: 'backup' });
      try {
        const blob = await database.pglite!.dumpDataDir('gzip');
        writeFileSync(dump, Buffer.from(await blob.arrayBuffer()));
      } finally {
        await database.close();
      }
    }
    progress({ step: 'database', done: 1, total: 1 });
    const hashes = opts.files ? store.list() : null;
    const manifest: Manifest = { format: 'rackpact-backup', version: 1, database: kind, createdAt: new Date().toISOString(), files: hashes?.length ?? null };
    fd = openSync(partial, 'w', 0o600);
    const tar = new TarWriter(fd);
    tar.add(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    copyInto(tar, kind === 'pglite' ? PGLITE_ENTRY : PGDUMP_ENTRY, dump);
    if (hashes) progress({ step: 'files', done: 0, total: hashes.length });
    (hashes ?? []).forEach((hash, i) => {
      copyInto(tar, `files/${hash.slice(0, 2)}/${hash}`, store.pathOf(hash));
      progress({ step: 'files', done: i + 1, total: hashes!.length });
    });
    tar.end();
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(partial, file);
    return { database: kind, files: manifest.files };
  } finally {
    if (fd !== undefined) closeSync(fd);
    rmSync(partial, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

function copyInto(tar: TarWriter, name: string, path: string): void {
  const source = openSync(path, 'r');
  try {
    const { size, mtime } = fstatSync(source);
    tar.addFromFd(name, source, size, mtime);
  } finally {
    closeSync(source);
  }
}

export async function restore(config: Config, file: string, opts: { force: boolean; files?: boolean; onProgress?: BackupProgress } = { force: false }): Promise<RestoreReport> {
  const progress: BackupProgress = opts.onProgress ?? (() => undefined);
  if (!existsSync(file)) throw new Error(`backup file not found: ${file}`);
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(512);
    readSync(fd, head, 0, 512, 0);
    if (!isTar(head)) {
      // a backup from before files were included: the bare database dump
      const legacy = head.subarray(0, 5).toString('latin1') === 'PGDMP' ? 'postgres' : 'pglite';
      expectKind(config, legacy, file);
      progress({ step: 'database', done: 0, total: 1 });
      if (legacy === 'postgres') await pgRestore(config, file);
      else await restorePglite(config, () => readEntry(fd, { name: file, size: statSync(file).size, offset: 0 }), opts.force);
      progress({ step: 'database', done: 1, total: 1 });
      return { database: legacy, files: null };
    }
    const entries = listTar(fd);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const manifestEntry = byName.get(MANIFEST);
    if (!manifestEntry) throw new Error(`${file} is not a rackpact backup (no ${MANIFEST})`);
    const manifest = JSON.parse(readEntry(fd, manifestEntry).toString('utf8')) as Manifest;
    expectKind(config, manifest.database, file);
    const files = entries.filter((e) => e.name.startsWith('files/'));
    // the files first: once the database is back, every row it restores finds its file
    const restoredFiles = opts.files === false ? null : putFiles(config, fd, files, progress);
    progress({ step: 'database', done: 0, total: 1 });
    if (manifest.database === 'postgres') {
      const work = mkdtempSync(join(tmpdir(), 'rackpact-restore-'));
      try {
        const dump = join(work, 'database.pgdump');
        extract(fd, entryOf(byName, PGDUMP_ENTRY, file), dump);
        await pgRestore(config, dump);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    } else {
      await restorePglite(config, () => readEntry(fd, entryOf(byName, PGLITE_ENTRY, file)), opts.force);
    }
    progress({ step: 'database', done: 1, total: 1 });
    return { database: manifest.database, files: manifest.files === null ? null : restoredFiles };
  } finally {
    closeSync(fd);
  }
}

function expectKind(config: Config, kind: 'pglite' | 'postgres', file: string): void {
  const target = config.DATABASE_URL ? 'postgres' : 'pglite';
  if (kind === target) return;
  throw new Error(
    kind === 'pglite'
      ? `${file} is a backup of the embedded database; restore it with DATABASE_URL unset`
      : `${file} is a backup of a PostgreSQL database; restore it with DATABASE_URL set`,
  );
}

function entryOf(byName: Map<string, TarEntry>, name: string, file: string): TarEntry {
  const entry = byName.get(name);
  if (!entry) throw new Error(`${file} holds no ${name}`);
  return entry;
}

/** Puts each file back through the store (which skips ones it has), checking the bytes against the name. */
function putFiles(config: Config, fd: number, entries: TarEntry[], progress: BackupProgress): number {
  const store = makeFileStore(filesDir(config));
  progress({ step: 'files', done: 0, total: entries.length });
  for (const [i, entry] of entries.entries()) {
    const hash = entry.name.split('/').at(-1) ?? '';
    progress({ step: 'files', done: i + 1, total: entries.length });
    if (store.has(hash)) continue;
    const bytes = readEntry(fd, entry);
    if (createHash('sha256').update(bytes).digest('hex') !== hash) throw new Error(`backup entry ${entry.name} does not match its hash; the backup is damaged`);
    store.put(bytes);
  }
  return entries.length;
}

function extract(fd: number, entry: TarEntry, target: string): void {
  const out = openSync(target, 'w', 0o600);
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let done = 0; done < entry.size; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, entry.size - done), entry.offset + done);
      if (n === 0) throw new Error(`backup entry ${entry.name} is cut short`);
      writeSync(out, chunk, 0, n);
      done += n;
    }
  } finally {
    closeSync(out);
  }
}

async function restorePglite(config: Config, dumpBytes: () => Buffer<ArrayBuffer>, force: boolean): Promise<void> {
  const dir = pgliteDir(config);
  // a new DATA_DIR need not exist yet
  mkdirSync(dirname(dir), { recursive: true });
  const lock = await lockDataDir(dir, { command: 'restore' });
  try {
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      if (!force) throw new Error(`${dir} is not empty; pass --force to move it aside and restore`);
      renameSync(dir, `${dir}.before-restore-${Date.now()}`);
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create(dir, { extensions: await pgliteExtensions(), loadDataDir: new Blob([dumpBytes()]) });
    await pg.query('SELECT 1');
    await pg.close();
  } finally {
    lock.release();
  }
}

/**
 * pg_restore into a database that may already have the extensions (a managed PostgreSQL where an
 * administrator created them, owned by someone else): the dump's own DROP/CREATE/COMMENT
 * EXTENSION entries are left out — only their owner could run them — and the extensions are
 * created if missing (btree_gist and pg_trgm are trusted: the database owner may create them).
 */
async function pgRestore(config: Config, dump: string): Promise<void> {
  const url = ownerUrl(config);
  const toc = run('pg_restore', ['--list', dump]);
  const extensions = [...toc.matchAll(/^\d+; \d+ \d+ EXTENSION - (\w+)/gm)].map((m) => m[1]);
  const list = toc
    .split('\n')
    .filter((line) => !/^\d+; \d+ \d+ (EXTENSION|COMMENT - EXTENSION) /.test(line))
    .join('\n');
  const work = mkdtempSync(join(tmpdir(), 'rackpact-toc-'));
  try {
    const listFile = join(work, 'toc.list');
    writeFileSync(listFile, list);
    const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
    try {
      for (const name of extensions) await database.raw.exec(`CREATE EXTENSION IF NOT EXISTS "${name}"`);
      // pg_restore --clean cannot drop the job queue's per-queue partitions one by one ("cannot drop
      // inherited constraint"); the queue schema comes back whole from the dump (or from pg-boss at start)
      if (/^\d+; \d+ \d+ SCHEMA - pgboss /m.test(toc)) await database.raw.exec('DROP SCHEMA IF EXISTS pgboss CASCADE');
    } finally {
      await database.close();
    }
    run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--use-list=${listFile}`, `--dbname=${url}`, dump]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (config.MIGRATION_DATABASE_URL) {
    // the restored tables carry no grants (--no-privileges): give the app role its own back
    const app = await openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: 1 });
    try {
      await migrateAsOwner(config, app);
    } finally {
      await app.close();
    }
  }
}

/** With the role split, backups read and restores rebuild as the owner of the tables. */
function ownerUrl(config: Config): string {
  return config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL!;
}

function run(cmd: string, args: string[]): string {
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 << 20 });
  if (result.error) throw new Error(`${cmd}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr.trim().split('\n').at(-1)}`);
  return result.stdout;
}
