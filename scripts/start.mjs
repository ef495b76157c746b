#!/usr/bin/env node
// `npm start` (issue 23 §1): builds what is out of date, then serves.
// - the web bundle (dist/web) only when its sources changed: a hash of web/src, the Vite config, index.html,
//   the lock file and the OpenAPI document is kept in dist/web/.source-hash;
// - the server bundle (dist/server/rackpact.mjs: every TypeScript source in one ES module, packages left
//   external) when src/ changed — loading one compiled file instead of transpiling ~250 sources through tsx
//   on every start saves seconds and ~100 MB.
// - the embedded database's empty cluster (dist/pglite), once per PGlite version: see buildPgliteCluster.
// Then runs `rackpact serve` from the bundle in this process. Extra arguments go to `serve`.
// `node scripts/start.mjs --build-only` builds and exits (the production image does this once).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_BUNDLE = join(ROOT, 'dist', 'server', 'rackpact.mjs');

function filesUnder(dir, keep) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (keep(p)) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** sha256 over the files' paths and contents, in a stable order. */
function hashOf(files) {
  const h = createHash('sha256');
  for (const f of files) {
    if (!existsSync(f)) continue;
    h.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex');
}

const stamp = (dir) => join(dir, '.source-hash');
const current = (dir, hash) => existsSync(stamp(dir)) && readFileSync(stamp(dir), 'utf8').trim() === hash;

function buildWeb() {
  const dir = join(ROOT, 'dist', 'web');
  const hash = hashOf([
    ...filesUnder(join(ROOT, 'web', 'src'), () => true),
    join(ROOT, 'web', 'vite.config.ts'),
    join(ROOT, 'web', 'index.html'),
    join(ROOT, 'web', 'tsconfig.json'),
    join(ROOT, 'package-lock.json'),
  ]);
  if (current(dir, hash) && existsSync(join(dir, 'index.html'))) return;
  console.log('rackpact: building the web bundle (its sources changed)…');
  const r = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stamp(dir), `${hash}\n`);
}

async function buildServer() {
  const dir = dirname(SERVER_BUNDLE);
  const hash = hashOf([
    ...filesUnder(join(ROOT, 'src'), (p) => p.endsWith('.ts') && !p.endsWith('.test.ts')),
    join(ROOT, 'package-lock.json'),
    join(ROOT, 'package.json'),
  ]);
  if (current(dir, hash) && existsSync(SERVER_BUNDLE)) return;
  const { build } = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'rackpact.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    // run as a program (`node dist/server/rackpact.mjs serve`, the production start) it is the CLI; imported, a module
    footer: {
      js: "if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));",
    },
    // a package's JSON (the statutory calendar of chinese-days) goes into the bundle: Node 20 needs an
    // import attribute on an external JSON import, which esbuild does not keep
    plugins: [
      {
        name: 'bundle-package-json',
        setup(b) {
          b.onResolve({ filter: /\.json$/ }, (a) => ({ path: createRequire(a.importer).resolve(a.path) }));
        },
      },
    ],
  });
  writeFileSync(stamp(dir), `${hash}\n`);
}

/**
 * The empty database cluster a new embedded data dir starts from (issue 23 §1): PostgreSQL's initdb run
 * once per installed PGlite version instead of on every new data dir (~8 s of CPU in WebAssembly). The
 * name must match `pgliteClusterTemplate()` in src/db/client.ts, which loads it.
 */
async function buildPgliteCluster() {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));
  const file = join(ROOT, 'dist', 'pglite', `cluster-${version}.tar.gz`);
  if (existsSync(file)) return;
  console.log('rackpact: preparing the embedded database\'s empty cluster (once per PGlite version)…');
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = mkdtempSync(join(tmpdir(), 'rackpact-cluster-'));
  try {
    const pg = await PGlite.create(dir);
    const tar = await pg.dumpDataDir('gzip');
    await pg.close();
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await tar.arrayBuffer()));
    renameSync(partial, file); // whole or absent, even with two builds at once
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const buildOnly = args[0] === '--build-only';
buildWeb();
await buildServer();
await buildPgliteCluster();
if (!buildOnly) {
  const { main } = await import(pathToFileURL(SERVER_BUNDLE).href);
  process.exitCode = await main(['serve', ...args]);
}
