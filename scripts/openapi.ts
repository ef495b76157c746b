// The web client's contract, generated from the server itself (issue 17 §1).
//
// Builds the real app (buildApp) on an in-memory, migrated PGlite with a fixed clock and sequential
// ids — no server, no network — takes the OpenAPI document /api/openapi.json serves (app.swagger()),
// and writes it with its paths and schemas in sorted order to web/src/api/openapi.json; then runs
// openapi-typescript over it into web/src/api/schema.gen.ts.
//
//   node --import tsx scripts/openapi.ts            (npm run api:generate) writes both files
//   node --import tsx scripts/openapi.ts --check    (npm run api:check) regenerates into a temp dir,
//                                                   exits 1 when either committed file differs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/app.js';
import { manualClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config.js';
import { sequentialIds } from '../src/core/ids.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';

const API_DIR = fileURLToPath(new URL('../web/src/api/', import.meta.url));
const FILES = { document: 'openapi.json', types: 'schema.gen.ts' } as const;

const HEADER = `// Generated from the server's OpenAPI document (web/src/api/openapi.json) by openapi-typescript.
// Do not edit: change the route's zod schemas, then run \`npm run api:generate\`.
// \`npm run api:check\` (part of build:web and the test suite) fails while this file is stale.

`;

/** The document exactly as GET /api/openapi.json serves it (the docs gate decides who may read it, not what it says). */
async function serverDocument(): Promise<OpenAPI3> {
  const database = await openDatabase({ dataDir: 'memory://' });
  const dataDir = mkdtempSync(join(tmpdir(), 'rackpact-openapi-'));
  try {
    await migrate(database);
    const config = parseConfig({ DATA_DIR: dataDir, PUBLIC_API_DOCS: 'on' });
    const ctx = { config, database, clock: manualClock('2026-01-01T00:00:00Z'), ids: sequentialIds(), sessionSecret: 'openapi-generator-secret-0123456789' };
    const { http } = await buildApp(ctx);
    try {
      await http.ready();
      return http.swagger() as OpenAPI3;
    } finally {
      await http.close();
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function sortedByKey<T>(map: Record<string, T> | undefined): Record<string, T> | undefined {
  return map && Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Paths and named schemas sorted by key: their order otherwise follows route registration, which
 * moves whenever a module is split or reordered in app.ts — churn in the diff with no change in the contract.
 */
function stableOrder(doc: OpenAPI3): OpenAPI3 {
  const components = doc.components && { ...doc.components, schemas: sortedByKey(doc.components.schemas) };
  return { ...doc, paths: sortedByKey(doc.paths), ...(components ? { components } : {}) };
}

async function generate(): Promise<Record<keyof typeof FILES, string>> {
  const doc = stableOrder(await serverDocument());
  const document = `${JSON.stringify(doc, null, 2)}\n`;
  const types = HEADER + astToString(await openapiTS(structuredClone(doc) as OpenAPI3));
  return { document, types };
}

const check = process.argv.includes('--check');
const out = check ? mkdtempSync(join(tmpdir(), 'rackpact-api-')) : API_DIR;
const generated = await generate();
for (const key of Object.keys(FILES) as (keyof typeof FILES)[]) writeFileSync(join(out, FILES[key]), generated[key]);

if (check) {
  const stale = (Object.keys(FILES) as (keyof typeof FILES)[]).filter((key) => {
    let committed = '';
    try {
      committed = readFileSync(join(API_DIR, FILES[key]), 'utf8');
    } catch {
      // missing counts as stale
    }
    return committed !== readFileSync(join(out, FILES[key]), 'utf8');
  });
  rmSync(out, { recursive: true, force: true });
  if (stale.length) {
    console.error(`the web client is stale: run npm run api:generate (differs: ${stale.map((k) => `web/src/api/${FILES[k]}`).join(', ')})`);
    process.exit(1);
  }
  console.log('api:check: web/src/api is current with the server');
} else {
  console.log(`wrote web/src/api/${FILES.document} and web/src/api/${FILES.types}`);
}
