#!/usr/bin/env node
// The JavaScript budget of a customer's first visit (issue 17 §5): sign in, then land on the portal home.
// Reads the Vite manifest of `npm run build:web` and sums the gzip size of the entry chunk, the
// customer's landing-area chunk, and every chunk they import statically — exactly what the browser
// fetches before the portal home renders. Exits 1 above the budget.
//
//   node scripts/bundle-size.mjs [distDir]     (default dist/web)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 350 * 1024;
// The entry (login page and app shell, static) and the area main.tsx loads lazily for `/portal`,
// where homeOf() sends a customer user.
const ENTRY = 'index.html';
const LANDING = 'src/pages/portal/index.ts';

const dist = process.argv[2] ?? 'dist/web';
let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
} catch (e) {
  console.error(`bundle-size: no Vite manifest in ${dist} (run npm run build:web first): ${e.message}`);
  process.exit(1);
}

/** The chunk named by `key` and everything it imports statically, transitively. */
function closure(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`bundle-size: ${key} is not in the manifest — did main.tsx's lazy areas move?`);
  if (into.has(key)) return into;
  into.add(key);
  for (const dep of chunk.imports ?? []) closure(dep, into);
  return into;
}

const keys = closure(LANDING, closure(ENTRY));
const rows = [...keys]
  .map((key) => manifest[key].file)
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const raw = readFileSync(join(dist, file));
    return { file, raw: raw.length, gzip: gzipSync(raw).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const r of rows) console.log(`${r.file.padEnd(48)} ${kb(r.raw).padStart(11)}  gzip ${kb(r.gzip).padStart(9)}`);
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
console.log(`customer's first page (${ENTRY} + ${LANDING}): ${rows.length} chunks, ${kb(total)} gzipped JS; budget ${kb(BUDGET)}`);
if (total > BUDGET) {
  console.error(`bundle-size: over budget by ${kb(total - BUDGET)}`);
  process.exit(1);
}
