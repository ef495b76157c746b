/**
 * Putting rendered gate files in front of a real nginx: each file is written to a temporary name
 * and renamed (a reader sees the old file or the new one, never half), `nginx -t` checks the whole
 * configuration, and only then is nginx told to reload. When the test fails the previous files are
 * put back, so the running gate and the files on disk stay the previous, tested ones.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GATE_FILES, type GateFiles } from './gate-config.js';

const run = promisify(execFile);

export interface NginxTarget {
  bin: string;
  dir: string;
}

export type ApplyOutcome = 'applied' | 'test_failed' | 'reload_failed' | 'write_failed';

export function fingerprintOf(files: GateFiles): string {
  const h = createHash('sha256');
  for (const key of ['conf', 'map', 'blockedPage'] as const) h.update(key).update('\0').update(files[key]).update('\0');
  return h.digest('hex');
}

const paths = (dir: string) => ({ conf: join(dir, GATE_FILES.conf), map: join(dir, GATE_FILES.map), blockedPage: join(dir, GATE_FILES.blockedPage) });

function writeAtomic(path: string, content: string) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode: 0o644 });
  renameSync(tmp, path);
}

/** nginx's -c and -p for this gate; the pid file named in the conf is how -s reload finds the master. */
const nginxArgs = (t: NginxTarget) => ['-c', join(t.dir, GATE_FILES.conf), '-p', `${t.dir}/`, '-e', join(t.dir, 'error.log')];

/** The arguments an operator (or a test) starts this gate's nginx with. */
export const gateNginxArgs = nginxArgs;

async function nginx(t: NginxTarget, extra: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(t.bin, [...nginxArgs(t), ...extra], { timeout: 120_000, maxBuffer: 4 * 1024 * 1024 });
    return { ok: true, output: `${stdout}${stderr}`.trim() };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message };
  }
}

/** Only writes the files (for `rackpact gate export` and for nginx not managed from here). */
export function writeGateFiles(dir: string, files: GateFiles): void {
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  const p = paths(dir);
  // the maps first: the conf that includes them is the last to change
  for (const key of ['blockedPage', 'map', 'conf'] as const) writeAtomic(p[key], files[key]);
}

export async function testGate(t: NginxTarget) {
  return nginx(t, ['-t', '-q']);
}

export async function applyGate(t: NginxTarget, files: GateFiles): Promise<{ outcome: ApplyOutcome; output: string }> {
  const p = paths(t.dir);
  const previous: Partial<Record<keyof GateFiles, string>> = {};
  for (const key of Object.keys(p) as (keyof GateFiles)[]) if (existsSync(p[key])) previous[key] = readFileSync(p[key], 'utf8');
  const restore = () => {
    for (const key of Object.keys(p) as (keyof GateFiles)[]) {
      const old = previous[key];
      if (old !== undefined) writeAtomic(p[key], old);
      else rmSync(p[key], { force: true });
    }
  };
  try {
    writeGateFiles(t.dir, files);
  } catch (err) {
    restore();
    return { outcome: 'write_failed', output: (err as Error).message };
  }
  const tested = await testGate(t);
  if (!tested.ok) {
    restore();
    return { outcome: 'test_failed', output: tested.output };
  }
  const reloaded = await nginx(t, ['-s', 'reload']);
  if (!reloaded.ok) return { outcome: 'reload_failed', output: `${tested.output}\n${reloaded.output}`.trim() };
  return { outcome: 'applied', output: `${tested.output}\n${reloaded.output}`.trim() || 'nginx: configuration test ok; reloaded' };
}
