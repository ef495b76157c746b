import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../core/errors.js';

/**
 * Content-addressed files under one directory: <dir>/<first two hex>/<sha256>. The same bytes are
 * stored once; a file is written to a temporary name and renamed, so a crash never leaves half a file.
 * Who may read a file is decided by the module that references it, never by knowing the hash.
 */
export interface FileStore {
  put(bytes: Uint8Array): { sha256: string; size: number };
  /** The file's bytes; AppError FILE_NOT_IN_STORE (404) when the store does not hold it. */
  get(sha256: string): Buffer;
  has(sha256: string): boolean;
  /** Where a file's bytes are (backups copy them from there). */
  pathOf(sha256: string): string;
  /** Deletes a file (issue 22 §7: a redacted KYC copy no row names any more); absent is fine. */
  remove(sha256: string): void;
  /** Every stored hash (temporary files of an unfinished put are not stored files). */
  list(): string[];
}

const HASH = /^[0-9a-f]{64}$/;

export function makeFileStore(dir: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!HASH.test(sha256)) throw new Error('not a sha256');
    return join(dir, sha256.slice(0, 2), sha256);
  };
  return {
    put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (!existsSync(target)) {
        mkdirSync(dirname(target), { recursive: true });
        const tmp = `${target}.${process.pid}.tmp`;
        writeFileSync(tmp, bytes, { mode: 0o640 });
        renameSync(tmp, target);
      }
      return { sha256, size: bytes.byteLength };
    },
    get(sha256) {
      try {
        return readFileSync(pathOf(sha256));
      } catch (err) {
        // the database names a file the store does not hold (a database restored without its files,
        // a file deleted by hand): the user is told so, never a 500
        if ((err as { code?: string }).code === 'ENOENT') throw new AppError('FILE_NOT_IN_STORE', { sha256: sha256.slice(0, 12) });
        throw err;
      }
    },
    has: (sha256) => existsSync(pathOf(sha256)),
    remove: (sha256) => rmSync(pathOf(sha256), { force: true }),
    pathOf,
    list() {
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((d) => /^[0-9a-f]{2}$/.test(d))
        .flatMap((d) => readdirSync(join(dir, d)).filter((f) => HASH.test(f) && f.startsWith(d)))
        .sort();
    },
  };
}
