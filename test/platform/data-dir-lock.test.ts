import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { DataDirLockedError, lockDataDir } from '../../src/db/data-dir-lock.js';

/**
 * Issue 15 items 4 and 17: one process per embedded data directory. Real processes, because the
 * defect was two real processes each keeping their own view of one PGlite directory.
 */
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function baseEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', JOBS: 'off', DEMO_DATA: 'off', RACKPACT_LANG: 'en', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return env;
}

/** Starts `rackpact serve` and resolves once it listens. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['bin/rackpact.mjs', 'serve'], { env: baseEnv(dataDir) });
  started.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes('listening on')) resolve({ child, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
}

function cli(dataDir: string, args: string[]) {
  const r = spawnSync(process.execPath, ['bin/rackpact.mjs', ...args], { env: baseEnv(dataDir), encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

describe('one process per embedded data directory', () => {
  it('refuses a second serve and every CLI command that would open the database, names the holder, and frees the directory on SIGTERM', async () => {
    const dataDir = tmp('rackpact-lock-');
    const first = await startServer(dataDir);
    const pid = first.child.pid!;
    const dir = join(dataDir, 'pglite');

    const second = cli(dataDir, ['serve']);
    expect(second.code, second.out).toBe(1);
    expect(second.err).toContain(`The embedded database ${dir} is in use by process ${pid} (serve`);

    // the README's `gate apply` lost its committed row and audit entry this way: refused, pointing at the API
    const gate = cli(dataDir, ['gate', 'apply']);
    expect(gate.code).toBe(1);
    expect(gate.err).toContain(`in use by process ${pid}`);
    expect(gate.err).toContain('POST /api/v1/compliance/gate/apply');
    const user = cli(dataDir, ['user', 'create', '--login', 'ops', '--kind', 'staff', '--roles', 'noc', '--password', 'Long-enough-pw-1']);
    expect(user.code).toBe(1);
    expect(user.err).toContain('POST /api/v1/users');
    // a backup of a live directory is refused, not taken silently
    const backup = cli(dataDir, ['backup', join(tmp('rackpact-bak-'), 'b.tar')]);
    expect(backup.code).toBe(1);
    expect(backup.err).toMatch(/in use by process \d+.*Stop that process first/);
    const restore = cli(dataDir, ['restore', '--force', join(tmp('rackpact-bak-'), 'missing.tar')]);
    expect(restore.code).toBe(1);

    // commands that never open the database keep working
    const calc = cli(dataDir, ['calc', 'capital', '12345.60']);
    expect(calc.code).toBe(0);
    expect(calc.out).toContain('壹万贰仟叁佰肆拾伍元陆角');

    // the first server is still the one answering, and it lets go on SIGTERM
    expect(first.child.exitCode).toBeNull();
    first.child.kill('SIGTERM');
    expect(await exitOf(first.child)).toBe(0);
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const after = cli(dataDir, ['migrate']);
    expect(after.code, after.err).toBe(0);
  }, 180_000);

  it('takes over a lock left by a process that no longer runs, saying so', async () => {
    const dataDir = tmp('rackpact-stale-');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    writeFileSync(join(dataDir, 'pglite.lock'), JSON.stringify({ pid: deadPid, command: 'serve', since: '2026-01-01T00:00:00.000Z' }));
    const r = cli(dataDir, ['migrate']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`took over the lock on ${join(dataDir, 'pglite')} left by process ${deadPid} (serve)`);
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  }, 120_000);

  it('refuses a second open inside one process too, and releases on close', async () => {
    const dir = join(tmp('rackpact-inproc-'), 'pglite');
    const db = await openDatabase({ dataDir: dir, command: 'test' });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, command: 'test' });
    } finally {
      await db.close();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const lock = await lockDataDir(dir);
    lock.release();
  });

  it('lets exactly one of many racing openers hold the lock', async () => {
    const dir = join(tmp('rackpact-race-'), 'pglite');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => lockDataDir(dir)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'fulfilled') r.value.release();
  });
});
