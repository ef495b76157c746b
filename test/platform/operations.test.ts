import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { loadMigrations, migrate } from '../../src/db/migrate.js';
import { runCli } from '../harness/cli.js';
import { emptyPostgresDatabase } from '../harness/db.js';
import { TEST_DB } from '../harness/env.js';

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
  it('round-trips the whole database through the CLI', async () => {
    const source = { DATA_DIR: tmp('rackpact-src-'), DATABASE_URL: undefined as string | undefined };
    const target = { DATA_DIR: tmp('rackpact-dst-'), DATABASE_URL: undefined as string | undefined };
    const dbs = TEST_DB === 'postgres' ? [await emptyPostgresDatabase(), await emptyPostgresDatabase()] : [];
    source.DATABASE_URL = dbs[0]?.url;
    target.DATABASE_URL = dbs[1]?.url;
    try {
      expect((await runCli(['demo', 'seed'], source)).code).toBe(0);
      const file = join(tmp('rackpact-bak-'), 'backup.dump');
      expect(await runCli(['backup', file], source)).toMatchObject({ code: 0 });
      expect(await runCli(['restore', file], target)).toMatchObject({ code: 0 });
      expect(await countUsers(target)).toBe(await countUsers(source));
      expect(await countUsers(target)).toBeGreaterThanOrEqual(9);
      // the restored audit chain is intact too
      expect((await runCli(['audit', 'verify'], target)).code).toBe(0);
      if (TEST_DB === 'pglite') {
        // an embedded restore never overwrites a data dir silently
        const again = await runCli(['restore', file], target);
        expect(again.code).toBe(1);
        expect(again.err).toMatch(/--force/);
      }
    } finally {
      for (const d of dbs) await d.drop();
    }
  }, 300_000); // five CLI processes, each migrating, and a full demo seed

  it('refuses a missing backup file with one line and exit 1', async () => {
    const res = await runCli(['restore', '/nonexistent/backup.dump'], { DATA_DIR: tmp('rackpact-x-') });
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/not found/);
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
