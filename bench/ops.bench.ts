/**
 * Issue 23 §1–2: how fast `rackpact serve` answers and how much memory it holds, as an operator runs it
 * (`node dist/server/rackpact.mjs serve`, built by `npm run build`), against `node -e` starting an HTTP
 * server that answers (measured in the same run). Each start runs in a fresh process; the first answer
 * is the first 200 of /api/health. Then a few minutes of GETs over every area (every parameterless GET of
 * the OpenAPI document, signed in as admin) in a separate server process with the RSS sampled after each
 * round: the memory must level off. The RSS of a Node server is a sawtooth — V8's old generation fills
 * with promoted garbage until a major GC — so the trend is drawn over a run of several major GCs (a
 * short run ending before one reads as growth), and V8's live set after each major GC is checked too.
 * That process also loads bench/memory-probe.mjs, so each round records V8's heap next to
 * /proc/PID/smaps (PGlite's WebAssembly memory, malloc's heap): the bench says which part moved.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { adminQuery, ADMIN_URL, figure, type BenchFigure } from './harness.js';

const ROOT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const BUNDLE = join(ROOT, 'dist', 'server', 'rackpact.mjs');
let nextPort = 18_600 + (process.pid % 200);

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Started {
  child: ChildProcess;
  ms: number;
  port: number;
  stop(): Promise<void>;
}

/** Spawns a server and waits for its first 200 at `path`; the time from spawn to that answer. */
async function start(args: string[], env: Record<string, string>, path: string, limitMs = 120_000): Promise<Started> {
  const port = nextPort++;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr.slice(-2000)}`);
    if (performance.now() - t0 > limitMs) throw new Error(`no answer within ${limitMs} ms`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  const ms = performance.now() - t0;
  return {
    child,
    ms,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const NODE_HTTP = ['-e', "require('http').createServer((q, s) => s.end('ok')).listen(+process.env.PORT, process.env.HOST)"];

/** One round's memory: the RSS, and what it is made of. */
interface MemorySample {
  atMs: number;
  rss: number;
  /** V8's heap (process.memoryUsage(), read in the server by bench/memory-probe.mjs); MB */
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** the resident part of PGlite's WebAssembly memory (its one large read-write anonymous mapping); MB */
  wasm: number;
  /** malloc's main arena (`[heap]` in smaps); MB */
  brk: number;
  /** major GCs so far, and V8's heap used right after the latest (its live set then); MB */
  majorGcs: number;
  liveAfterMajorGc: number | null;
}

/** Resident MB of the process's largest anonymous mapping (PGlite's WebAssembly memory: ≥ 128 MB reserved) and of `[heap]`. */
function smapsRegions(pid: number): { wasm: number; brk: number } {
  let wasm = 0;
  let brk = 0;
  let size = 0;
  let name = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      size = (parseInt(head[2], 16) - parseInt(head[1], 16)) / 2 ** 20;
      name = head[3];
      continue;
    }
    const rss = /^Rss:\s+(\d+)/.exec(line);
    if (!rss) continue;
    if (name === '[heap]') brk += Number(rss[1]) / 1024;
    else if (!name && size >= 128) wasm = Math.max(wasm, Number(rss[1]) / 1024);
  }
  return { wasm, brk };
}

/** Asks the probed server for its V8 figures (SIGUSR2 → one JSON line appended to `out`) and reads them back. */
async function probe(pid: number, out: string, seen: number): Promise<Pick<MemorySample, 'heapUsed' | 'heapTotal' | 'external' | 'majorGcs' | 'liveAfterMajorGc'>> {
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 200; i++) {
    // only whole lines: the server may be halfway through writing the next one
    const lines = readFileSync(out, 'utf8').split('\n').slice(0, -1);
    if (lines.length > seen) {
      const m = JSON.parse(lines[seen]) as Record<string, number> & { majorGcs: number; afterMajorGc: { heapUsed: number } | null };
      return { heapUsed: m.heapUsed / 2 ** 20, heapTotal: m.heapTotal / 2 ** 20, external: m.external / 2 ** 20, majorGcs: m.majorGcs, liveAfterMajorGc: m.afterMajorGc ? m.afterMajorGc.heapUsed / 2 ** 20 : null };
    }
    await sleep(10);
  }
  throw new Error('the memory probe did not answer');
}

/**
 * Signs in as the demo admin and GETs every parameterless path of the OpenAPI document once per round,
 * for `seconds` (or exactly `rounds` when given), sampling the memory after each round.
 */
async function workload(port: number, pid: number, probeOut: string, opts: { seconds: number; rounds?: number }): Promise<{ samples: MemorySample[]; requests: number }> {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'rackpact-demo' }) });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const doc = (await (await fetch(`${base}/api/openapi.json`, { headers: { cookie } })).json()) as { paths: Record<string, Record<string, unknown>> };
  const paths = Object.entries(doc.paths)
    .filter(([p, ops]) => ops.get && !p.includes('{') && !/export|backup|logout|\.csv|document/.test(p))
    .map(([p]) => p);
  const samples: MemorySample[] = [];
  let requests = 0;
  const t0 = performance.now();
  for (let r = 0; opts.rounds ? r < opts.rounds : performance.now() - t0 < opts.seconds * 1000; r++) {
    for (const p of paths) {
      const res = await fetch(`${base}${p}`, { headers: { cookie } });
      await res.arrayBuffer();
      requests += 1;
    }
    // the web app too: the shell and its largest asset
    await (await fetch(`${base}/`)).arrayBuffer();
    samples.push({ atMs: performance.now() - t0, rss: rssMb(pid), ...(await probe(pid, probeOut, samples.length)), ...smapsRegions(pid) });
  }
  return { samples, requests };
}

/** Least-squares slope of ys over their index. */
function slope(ys: number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

export async function run(): Promise<BenchFigure[]> {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--build-only'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const figures: BenchFigure[] = [];

  // the baseline: a bare node HTTP server, started three times
  const bare: number[] = [];
  let bareRss = 0;
  for (let i = 0; i < 3; i++) {
    const s = await start(NODE_HTTP, {}, '/');
    bare.push(s.ms);
    bareRss = rssMb(s.child.pid!);
    await s.stop();
  }
  const bareMs = median(bare);

  // PGlite: a new data dir (migrations + demo data), then warm starts
  const dataDir = mkdtempSync(join(tmpdir(), 'rackpact-ops-bench-'));
  const env = { DATA_DIR: dataDir, PDF_WARM: 'off', LOG_LEVEL: 'warn' };
  try {
    const cold = await start([BUNDLE, 'serve'], env, '/api/health', 600_000); // a guard against a hang, not the target
    await cold.stop();
    figures.push(figure({ name: 'first start, new data dir (migrations + demo data), PGlite', baseline: 'node -e http server', unit: 'ms', value: cold.ms, baselineValue: bareMs, target: '≤ 15 s', ok: cold.ms <= 15_000 }));
    const warm: number[] = [];
    let last: Started | undefined;
    for (let i = 0; i < 3; i++) {
      last = await start([BUNDLE, 'serve'], env, '/api/health');
      warm.push(last.ms);
      if (i < 2) await last.stop();
    }
    const warmMs = median(warm);
    figures.push(figure({ name: 'warm start to first answer, PGlite', baseline: 'node -e http server', unit: 'ms', value: warmMs, baselineValue: bareMs, target: '≤ 3 s', ok: warmMs <= 3000 }));
    await sleep(10_000); // the jobs' first minute and the daily duties' catch-up settle
    const idle = rssMb(last!.child.pid!);
    figures.push(figure({ name: 'idle RSS after a warm start, PGlite (Chromium not counted: its own process)', baseline: 'node -e http server', unit: 'MB', value: idle, baselineValue: bareRss, target: '≤ 250 MB', ok: idle <= 250 }));

    await last!.stop();

    // a few minutes of every area in a process of its own that carries the memory probe: RSS must level off
    const probeOut = join(dataDir, 'memory-probe.jsonl');
    writeFileSync(probeOut, '');
    const probed = await start(['--import', join(ROOT, 'bench', 'memory-probe.mjs'), BUNDLE, 'serve'], { ...env, MEMORY_PROBE_OUT: probeOut }, '/api/health');
    try {
      await sleep(10_000);
      const rounds = process.env.OPS_BENCH_ROUNDS ? Number(process.env.OPS_BENCH_ROUNDS) : undefined;
      const seconds = Number(process.env.OPS_BENCH_SECONDS ?? 300);
      const { samples, requests } = await workload(probed.port, probed.child.pid!, probeOut, { seconds, rounds });
      const minutes = samples.at(-1)!.atMs / 60_000;
      const peak = Math.max(...samples.map((x) => x.rss));
      // Between two major GCs V8's old generation fills with promoted garbage: the RSS is a sawtooth as tall
      // as V8's heap limit (several times the live set), and after a GC V8 keeps a varying part of the freed
      // pages committed. So the check is the least-squares line through the whole RSS series after the
      // warm-up (the first third: the start's garbage, the first and tallest cycle), over a run long enough
      // to hold several major GCs — with fewer than three in that span a line means nothing and the check
      // fails. Next to it, what the server holds: V8's heap used right after each major GC (its live set).
      const from = Math.floor(samples.length / 3);
      const tail = samples.slice(from);
      const gcsInTail = tail.at(-1)!.majorGcs - samples[from - 1]!.majorGcs;
      const rise = gcsInTail >= 3 ? slope(tail.map((x) => x.rss)) * (tail.length - 1) : Number.NaN;
      const level = median(tail.map((x) => x.rss));
      const afterGcs = samples.filter((x, i) => i > 0 && x.majorGcs > samples[i - 1].majorGcs).slice(1);
      const liveRise = afterGcs.length >= 3 ? slope(afterGcs.map((x) => x.liveAfterMajorGc!)) * (afterGcs.length - 1) : Number.NaN;
      const liveLevel = afterGcs.length ? median(afterGcs.map((x) => x.liveAfterMajorGc!)) : Number.NaN;
      const show = (k: keyof MemorySample, at: MemorySample) => Number(at[k] ?? Number.NaN).toFixed(1);
      const row = (label: string, at: MemorySample) =>
        `  ${label}: RSS ${show('rss', at)} MB = V8 heap ${show('heapTotal', at)} (used ${show('heapUsed', at)}), PGlite wasm ${show('wasm', at)}, malloc [heap] ${show('brk', at)}, external ${show('external', at)}; major GCs ${at.majorGcs}, live after the latest ${show('liveAfterMajorGc', at)}`;
      console.log(`ops.bench.ts: ${samples.length} rounds in ${minutes.toFixed(1)} min, memory (MB) by round:`);
      for (const [label, at] of [['first', samples[0]], ['peak', samples.find((x) => x.rss === peak)!], ['warm-up end', tail[0]], ['last', samples.at(-1)!]] as const) console.log(row(label, at));
      for (const f of afterGcs) console.log(row(`after major GC at ${(f.atMs / 60_000).toFixed(1)} min`, f));
      const every = Math.max(1, Math.floor(samples.length / 30));
      console.log(`  RSS every ${every} rounds: ${samples.filter((_, i) => i % every === 0).map((x) => x.rss.toFixed(0)).join(' ')}`);
      figures.push(
        figure({
          name: `RSS trend over ${minutes.toFixed(1)} min of every GET (${samples.length} rounds, ${requests} requests): least-squares rise over the last 2/3 (${gcsInTail} major GCs in it; peak ${peak.toFixed(0)} MB)`,
          baseline: 'RSS level reached',
          unit: 'MB',
          value: rise,
          baselineValue: level,
          target: '≤ 0.05 (plateau)',
          ok: rise / level <= 0.05,
        }),
        figure({
          name: `V8 heap used right after each major GC (the live set; ${afterGcs.length} GCs after the first): least-squares rise`,
          baseline: 'live set level',
          unit: 'MB',
          value: liveRise,
          baselineValue: liveLevel,
          target: '≤ 0.05 (no leak)',
          ok: liveRise / liveLevel <= 0.05,
        }),
      );
    } finally {
      await probed.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  // PostgreSQL: a scratch database; the first start migrates (no demo data), then warm starts
  const name = `rackpact_bench_ops_${process.pid}`;
  try {
    await adminQuery(`CREATE DATABASE ${name}`);
  } catch (err) {
    console.log(`ops.bench.ts: no PostgreSQL at ${ADMIN_URL} (${(err as Error).message}); PostgreSQL figures skipped`);
    return figures;
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pgDir = mkdtempSync(join(tmpdir(), 'rackpact-ops-bench-pg-'));
  const pgEnv = { DATA_DIR: pgDir, DATABASE_URL: url.toString(), PDF_WARM: 'off', LOG_LEVEL: 'warn', DEMO_DATA: 'on' };
  try {
    await (await start([BUNDLE, 'serve'], pgEnv, '/api/health')).stop();
    const warm: number[] = [];
    let last: Started | undefined;
    for (let i = 0; i < 3; i++) {
      last = await start([BUNDLE, 'serve'], pgEnv, '/api/health');
      warm.push(last.ms);
      if (i < 2) await last.stop();
    }
    const warmMs = median(warm);
    figures.push(figure({ name: 'warm start to first answer, PostgreSQL', baseline: 'node -e http server', unit: 'ms', value: warmMs, baselineValue: bareMs, target: '≤ 3 s', ok: warmMs <= 3000 }));
    await sleep(10_000);
    const idle = rssMb(last!.child.pid!);
    figures.push(figure({ name: 'idle RSS after a warm start, PostgreSQL', baseline: 'node -e http server', unit: 'MB', value: idle, baselineValue: bareRss, target: '≤ 200 MB', ok: idle <= 200 }));
    await last!.stop();
  } finally {
    rmSync(pgDir, { recursive: true, force: true });
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  return figures;
}
