import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The embedded database (PGlite) is a directory that exactly one process may open: a second
 * PGlite on the same files does not fail, it silently keeps its own view and loses the other's
 * writes. So whoever opens it first writes `<dir>.lock` (O_EXCL, holding its pid) and everyone
 * else is refused until that process ends. A lock left by a process that no longer exists (kill -9,
 * power loss) is taken over, with a log line. PostgreSQL needs none of this.
 */
export interface LockHolder {
  pid: number;
  command: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
    readonly lockFile: string,
  ) {
    super(`the embedded database ${dir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since})`);
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  file: string;
  release(): void;
}

/** Locks held by this process, released on exit even when nobody called release(). */
const held = new Set<DataDirLock>();
let exitHookInstalled = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else — still alive
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return Number.isInteger(parsed.pid) && (parsed.pid as number) > 0 ? (parsed as LockHolder) : undefined;
  } catch {
    return undefined; // missing, or written a moment ago and not filled in yet
  }
}

function createExclusive(file: string, content: string): boolean {
  try {
    writeFileSync(file, content, { flag: 'wx', mode: 0o644 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the lock on an embedded data directory or throws DataDirLockedError naming the holder.
 * `log` hears about a stale lock taken over.
 */
export async function lockDataDir(dir: string, opts: { command?: string; log?: (message: string) => void } = {}): Promise<DataDirLock> {
  const absolute = resolve(dir);
  const file = `${absolute}.lock`;
  const me: LockHolder = { pid: process.pid, command: opts.command ?? (process.argv.slice(2, 4).join(' ') || 'rackpact'), since: new Date().toISOString() };
  const content = `${JSON.stringify(me)}\n`;
  // Unreadable lock content: a process between creating and writing the file; give it a moment.
  let unreadable = 0;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (createExclusive(file, content)) {
      const lock: DataDirLock = {
        file,
        release() {
          if (!held.delete(lock)) return;
          // only remove our own lock (an operator may have removed and re-created it)
          if (readHolder(file)?.pid === process.pid) unlinkQuietly(file);
        },
      };
      held.add(lock);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once('exit', () => {
          for (const l of [...held]) l.release();
        });
      }
      return lock;
    }
    const holder = readHolder(file);
    if (!holder && unreadable++ < 25) {
      await sleep(20);
      continue;
    }
    if (holder && alive(holder.pid)) throw new DataDirLockedError(absolute, holder, file);
    // Stale: its process is gone. Only one process may clear it, or two could each clear the
    // other's fresh lock; the takeover file is that one-at-a-time gate.
    const gate = `${file}.takeover`;
    if (createExclusive(gate, content)) {
      try {
        const again = readHolder(file);
        if (again?.pid === holder?.pid && !(again && alive(again.pid))) {
          unlinkQuietly(file);
          opts.log?.(
            holder
              ? `took over the lock on ${absolute} left by process ${holder.pid} (${holder.command}), which no longer runs`
              : `removed an unreadable lock file ${file}`,
          );
        }
      } finally {
        unlinkQuietly(gate);
      }
    } else {
      const gateHolder = readHolder(gate);
      if (gateHolder && !alive(gateHolder.pid)) unlinkQuietly(gate);
      await sleep(20);
    }
    unreadable = 0;
  }
  throw new Error(`could not lock ${absolute} (${file} keeps changing)`);
}
