import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root (where package.json is), found from this module's place by walking up: the same
 * answer from the TypeScript sources (src/…, run through tsx) and from the start bundle
 * (dist/server/rackpact.mjs, `npm run build:server`), so files found relative to it (the migrations,
 * the web bundle) are found from either.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
