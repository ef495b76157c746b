/**
 * `npm run bench`: every *.bench.ts here, bounded in time, loopback only. Each figure is a ratio
 * against a baseline measured in the same run, so the numbers mean the same on any machine.
 * Writes bench/RESULTS.md.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigure } from './harness.js';

const dir = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
const sections: string[] = [];
let failed = 0;
for (const file of files) {
  const mod = (await import(join(dir, file))) as { run(): Promise<BenchFigure[]> };
  const figures = await mod.run();
  const rows = figures.map((f) => {
    if (f.ok === false) failed += 1;
    return `| ${f.name} | ${f.value.toFixed(1)} ${f.unit} | ${f.baseline}: ${f.baselineValue.toFixed(1)} ${f.unit} | **${f.ratio.toFixed(3)}** | ${f.target ?? '—'} | ${f.ok === undefined ? '' : f.ok ? 'ok' : 'MISSED'} |`;
  });
  sections.push(`## ${file}\n\n| figure | value | baseline (same run) | ratio | target | |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`);
  console.log(`${file}\n${rows.join('\n')}`);
}
const header = `# Benchmark results\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Ratios compare against a baseline measured in the same run.\n`;
if (!only) writeFileSync(join(dir, 'RESULTS.md'), `${header}\n${sections.join('\n')}`);
else {
  // a filtered run replaces (or appends) only its own files' sections, keeping the others' figures
  const path = join(dir, 'RESULTS.md');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : `${header}\n`;
  const kept = existing.split(/\n(?=## )/);
  for (const section of sections) {
    const title = section.slice(0, section.indexOf('\n'));
    const at = kept.findIndex((s) => s.startsWith(title));
    if (at >= 0) kept[at] = section.trimEnd() + '\n';
    else kept.push(section.trimEnd() + '\n');
  }
  writeFileSync(path, kept.join('\n'));
}
process.exitCode = failed ? 1 : 0;
