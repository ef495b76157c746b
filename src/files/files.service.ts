import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { requireStaff, type Scope } from '../core/scope.js';
import type { FileStore } from './file-store.js';
import type { FileReference, FilesRepository } from './files.repository.js';

export interface FilesReport {
  /** distinct files the database refers to */
  referenced: number;
  stored: number;
  /** referenced but not in the store (e.g. a database restored without its files) */
  missing: FileReference[];
  /** in the store under a name its bytes no longer hash to (disk damage, a hand edit) */
  damaged: string[];
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `rackpact files verify`: does every file the database names exist in the store, with its bytes intact? */
export function makeFilesService(deps: { repo: FilesRepository; files: FileStore }) {
  return {
    /** Deletes a file no column names any more (a redacted copy); answers whether it went. */
    async removeIfUnreferenced(sha256: string): Promise<boolean> {
      if (await deps.repo.isReferenced(sha256)) return false;
      deps.files.remove(sha256);
      return true;
    },

    async verify(scope: Scope): Promise<FilesReport> {
      requireStaff(scope, 'admin');
      const references = await deps.repo.references();
      const stored = deps.files.list();
      const storedSet = new Set(stored);
      const damaged: string[] = [];
      for (const hash of stored) if ((await sha256Of(deps.files.pathOf(hash))) !== hash) damaged.push(hash);
      return {
        referenced: new Set(references.map((r) => r.sha256)).size,
        stored: stored.length,
        missing: references.filter((r) => !storedSet.has(r.sha256)),
        damaged,
      };
    },
  };
}

export type FilesService = ReturnType<typeof makeFilesService>;
