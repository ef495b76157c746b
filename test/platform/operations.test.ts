import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { loadMigrations, migrate } from '../../src/db/migrate.js';
import { runCli } from '../harness/cli.js';
import { makeFileStore } from '../../src/files/file-store.js';
import { FILE_COLUMNS } from '../../src/files/files.repository.js';
import { adminQuery, emptyPostgresDatabase } from '../harness/db.js';
import { TEST_DB, databaseUrl } from '../harness/env.js';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

async function countUsers(env: { DATA_DIR: string; DATABASE_URL?: string }): Promise<number> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: join(env.DATA_DIR, 'pglite') });
  try {
    const [row] = await db.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    return row.n;
  } finally {
    await db.close();
  }
}

describe('backup and restore', () => {
  /**
   * PostgreSQL target: a database owned by a role that is not a superuser, with the extensions an
   * administrator created beforehand (a managed PostgreSQL) — pg_restore's DROP EXTENSION failed there.
   */
  async function pgTargetWithExtensions(): Promise<{ url: string; drop(): Promise<void> }> {
    const suffix = randomBytes(4).toString('hex');
    const role = `rackpact_owner_${suffix}`;
    const name = `rackpact_r_${suffix}`;
    await adminQuery(`CREATE ROLE ${role} LOGIN`);
    await adminQuery(`CREATE DATABASE ${name} OWNER ${role}`);
    const admin = new pg.Client({ connectionString: databaseUrl(name) });
    await admin.connect();
    await admin.query('CREATE EXTENSION btree_gist; CREATE EXTENSION pg_trgm');
    await admin.end();
    const url = new URL(databaseUrl(name));
    url.username = role;
    return {
      url: url.toString(),
      async drop() {
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await adminQuery(`DROP ROLE IF EXISTS ${role}`);
      },
    };
  }

  it('round-trips the database and the stored files through the CLI, into a new DATA_DIR or a database that has the extensions', async () => {
    const source = { DATA_DIR: tmp('rackpact-src-'), DATABASE_URL: undefined as string | undefined };
    // a DATA_DIR that does not exist yet
    const target = { DATA_DIR: join(tmp('rackpact-dst-'), 'new', 'data'), DATABASE_URL: undefined as string | undefined };
    const bare = { DATA_DIR: join(tmp('rackpact-bare-'), 'data'), DATABASE_URL: undefined as string | undefined };
    const dbs = TEST_DB === 'postgres' ? [await emptyPostgresDatabase(), await pgTargetWithExtensions(), await emptyPostgresDatabase()] : [];
    source.DATABASE_URL = dbs[0]?.url;
    target.DATABASE_URL = dbs[1]?.url;
    bare.DATABASE_URL = dbs[2]?.url;
    try {
      expect((await runCli(['demo', 'seed'], source)).code).toBe(0);
      const sourceFiles = await runCli(['files', 'verify'], source);
      expect(sourceFiles.code, sourceFiles.err).toBe(0);
      const stored = Number(/(\d+) stored/.exec(sourceFiles.out)?.[1]);
      expect(stored).toBeGreaterThanOrEqual(3); // the seal, KYC copies, filing evidence

      const file = join(tmp('rackpact-bak-'), 'backup.tar');
      expect(await runCli(['backup', file], source)).toMatchObject({ code: 0, out: `backup written: the database and ${stored} stored files` });
      const restored = await runCli(['restore', file], target);
      expect(restored, restored.err).toMatchObject({ code: 0, out: `restored: the database and ${stored} stored files` });
      expect(await countUsers(target)).toBe(await countUsers(source));
      expect(await countUsers(target)).toBeGreaterThanOrEqual(9);
      // the restored audit chain is intact, and every file a row names is there with its bytes
      expect((await runCli(['audit', 'verify'], target)).code).toBe(0);
      const targetFiles = await runCli(['files', 'verify'], target);
      expect(targetFiles.code, targetFiles.err).toBe(0);
      expect(targetFiles.out).toContain(`${stored} stored, 0 missing`);

      // --no-files: the database alone; files verify then names what is missing, exit 1
      const dbOnly = join(tmp('rackpact-bak-'), 'db-only.tar');
      expect(await runCli(['backup', '--no-files', dbOnly], source)).toMatchObject({ code: 0 });
      expect((await runCli(['restore', dbOnly], bare)).code).toBe(0);
      const missing = await runCli(['files', 'verify'], bare);
      expect(missing.code).toBe(1);
      expect(missing.out).toMatch(/^missing\t[0-9a-f]{64}\tprovider_profiles\.seal_file\t\d+$/m);
      expect(missing.err).toMatch(/0 stored, [1-9]\d* missing from the store/);

      // a stored file whose bytes changed is reported too
      const [victim] = makeFileStore(join(source.DATA_DIR, 'files')).list();
      writeFileSync(join(source.DATA_DIR, 'files', victim.slice(0, 2), victim), 'not what was stored');
      const damaged = await runCli(['files', 'verify'], source);
      expect(damaged.code).toBe(1);
      expect(damaged.out).toContain(`damaged\t${victim}`);

      if (TEST_DB === 'pglite') {
        // an embedded restore never overwrites a data dir silently
        const again = await runCli(['restore', file], target);
        expect(again.code).toBe(1);
        expect(again.err).toMatch(/--force/);
      }
    } finally {
      for (const d of dbs) await d.drop();
    }
  }, 600_000); // many CLI runs, each opening and migrating, and a full demo seed

  it('still restores a backup made before files were included (the bare database dump)', async () => {
    const source = { DATA_DIR: tmp('rackpact-old-'), DATABASE_URL: undefined as string | undefined };
    const target = { DATA_DIR: tmp('rackpact-old-dst-'), DATABASE_URL: undefined as string | undefined };
    const dbs = TEST_DB === 'postgres' ? [await emptyPostgresDatabase(), await emptyPostgresDatabase()] : [];
    source.DATABASE_URL = dbs[0]?.url;
    target.DATABASE_URL = dbs[1]?.url;
    try {
      expect((await runCli(['user', 'create', '--login', 'old', '--kind', 'staff', '--roles', 'noc', '--password', 'Long-enough-pw-1'], source)).code).toBe(0);
      const file = join(tmp('rackpact-bak-'), 'old.dump');
      if (source.DATABASE_URL) {
        spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${source.DATABASE_URL}`]);
      } else {
        const db = await openDatabase({ dataDir: join(source.DATA_DIR, 'pglite') });
        writeFileSync(file, Buffer.from(await (await db.pglite!.dumpDataDir('gzip')).arrayBuffer()));
        await db.close();
      }
      expect(await runCli(['restore', file], target)).toMatchObject({ code: 0, out: expect.stringMatching(/database only/) });
      expect(await countUsers(target)).toBe(1);
    } finally {
      for (const d of dbs) await d.drop();
    }
  }, 300_000);

  it('refuses a missing backup file with one line and exit 1', async () => {
    const res = await runCli(['restore', '/nonexistent/backup.dump'], { DATA_DIR: tmp('rackpact-x-') });
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/not found/);
  });
});

describe('files verify', () => {
  it('knows every column that names a stored file', async () => {
    const db = await openDatabase({});
    try {
      await migrate(db);
      const rows = await db.raw.query<{ c: string }>(`SELECT table_name || '.' || column_name AS c FROM information_schema.columns
        WHERE table_schema = 'public' AND (column_name LIKE '%sha256%' OR column_name LIKE '%\\_file') ORDER BY 1`);
      expect(rows.map((r) => r.c)).toEqual([...FILE_COLUMNS].sort());
    } finally {
      await db.close();
    }
  });
});

describe('migrations', () => {
  it('refuses a migration that was edited after it was applied', async () => {
    const db = await openDatabase({});
    try {
      const migrations = loadMigrations();
      await migrate(db, migrations);
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
      await expect(migrate(db, edited)).rejects.toThrow(/changed after it was applied/);
    } finally {
      await db.close();
    }
  });

  it.runIf(TEST_DB === 'postgres')('lets two processes migrate the same empty PostgreSQL at once', async () => {
    const empty = await emptyPostgresDatabase();
    try {
      const runOne = () =>
        new Promise<{ code: number | null; output: string }>((resolve) => {
          const child = spawn(process.execPath, ['bin/rackpact.mjs', 'migrate'], {
            env: { ...process.env, DATABASE_URL: empty.url, DATA_DIR: tmp('rackpact-mig-') },
          });
          let output = '';
          child.stdout.on('data', (d) => (output += d));
          child.stderr.on('data', (d) => (output += d));
          child.on('close', (code) => resolve({ code, output }));
        });
      const results = await Promise.all([runOne(), runOne()]);
      for (const r of results) expect(r, r.output).toMatchObject({ code: 0 });
      // exactly one of them applied the migrations; the other found them done
      expect(results.filter((r) => r.output.includes('applied:'))).toHaveLength(1);
      const db = await openDatabase({ databaseUrl: empty.url, poolSize: 1 });
      const rows = await db.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM rackpact_migrations');
      await db.close();
      expect(rows[0].n).toBe(loadMigrations().length);
    } finally {
      await empty.drop();
    }
  });
});

describe('configuration and CLI', () => {
  it('refuses a bad environment variable with one clear line', async () => {
    const res = await runCli(['migrate'], { PORT: 'eighty', DATA_DIR: tmp('rackpact-cfg-') });
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/PORT/);
  });

  it('prints help in both languages and exits 2 on an unknown command', async () => {
    expect((await runCli(['--help'], {}, 'zh-CN')).out).toMatch(/用法/);
    expect((await runCli(['--help'], {}, 'en')).out).toMatch(/Usage/);
    const unknown = await runCli(['frobnicate'], {}, 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Unknown command: frobnicate/);
  });

  it('creates a user from the CLI and refuses bad input without creating anything', async () => {
    const env = { DATA_DIR: tmp('rackpact-usr-') };
    const pgDb = TEST_DB === 'postgres' ? await emptyPostgresDatabase() : undefined;
    const withDb = { ...env, DATABASE_URL: pgDb?.url };
    try {
      const ok = await runCli(['user', 'create', '--login', 'ops', '--kind', 'staff', '--roles', 'noc', '--password', 'long-enough-pw'], withDb);
      expect(ok.code).toBe(0);
      const bad = await runCli(['user', 'create', '--login', 'ops2', '--kind', 'staff', '--roles', 'owner', '--password', 'long-enough-pw'], withDb);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/roles\.0/);
      const missing = await runCli(['user', 'create', '--login', 'ops3'], withDb);
      expect(missing.code).toBe(2);
      expect(await countUsers({ DATA_DIR: env.DATA_DIR, DATABASE_URL: pgDb?.url })).toBe(1);
      const reset = await runCli(['user', 'reset-password', 'ops'], withDb);
      expect(reset.code).toBe(0);
      expect(reset.out.length).toBeGreaterThanOrEqual(12);
    } finally {
      await pgDb?.drop();
    }
  });
});
