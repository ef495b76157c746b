import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFileStore } from '../files/file-store.js';
import { makeProgress, type ProgressSink } from './progress.js';
import { main } from './rackpact.js';

/** What a stream was sent, as a terminal or as a pipe. */
function sink(isTTY: boolean): ProgressSink & { out: string } {
  const s = { out: '', isTTY, columns: 100, write: (x: string) => (s.out += x) };
  return s;
}

describe('CLI progress (stderr)', () => {
  it('on a terminal redraws one line with a bar, throttled, and ends it with a newline', () => {
    const out = sink(true);
    let t = 0;
    const p = makeProgress(out, { label: '备份', stepLabel: (s) => ({ files: '文件' })[s] ?? s, now: () => t });
    p.update({ step: 'files', done: 0, total: 40 });
    // within the same 100 ms: not drawn
    p.update({ step: 'files', done: 1, total: 40 });
    t = 150;
    p.update({ step: 'files', done: 10, total: 40 });
    t = 160;
    p.update({ step: 'files', done: 11, total: 40 });
    p.finish();
    const frames = out.out.split('\r').filter(Boolean);
    expect(frames).toEqual([
      `备份 · 文件 [${'-'.repeat(24)}] 0/40 0%\x1b[K`,
      `备份 · 文件 [######${'-'.repeat(18)}] 10/40 25%\x1b[K`,
      // the last state is drawn at the end even though it came within 100 ms
      `备份 · 文件 [#######${'-'.repeat(17)}] 11/40 27%\x1b[K\n`,
    ]);
  });

  it('on a terminal draws a new step and the completed count at once', () => {
    const out = sink(true);
    const p = makeProgress(out, { label: 'Restore', now: () => 0 });
    p.update({ step: 'database', done: 0, total: 1 });
    p.update({ step: 'database', done: 1, total: 1 });
    p.update({ step: 'files', done: 3 });
    p.finish();
    expect(out.out.split('\r').filter(Boolean)).toEqual([
      `Restore · database [${'-'.repeat(24)}] 0/1 0%\x1b[K`,
      `Restore · database [${'#'.repeat(24)}] 1/1 100%\x1b[K`,
      'Restore · files 3\x1b[K\n',
    ]);
  });

  it('cuts the line to the terminal width', () => {
    const out = sink(true);
    const p = makeProgress(out, { label: 'x'.repeat(200), now: () => 0, width: 40 });
    p.update({ step: 's', done: 1, total: 2 });
    expect(out.out).toBe(`\r${'x'.repeat(39)}\x1b[K`);
  });

  it('elsewhere writes plain lines: each step, each tenth of the way, no carriage returns or escapes', () => {
    const out = sink(false);
    const p = makeProgress(out, { label: 'NetBox import', now: () => 0 });
    for (let i = 0; i <= 50; i++) p.update({ step: 'devices', done: i, total: 50 });
    p.update({ step: 'ipAddresses', done: 0, total: 4 });
    p.update({ step: 'ipAddresses', done: 4, total: 4 });
    p.finish();
    const lines = out.out.trimEnd().split('\n');
    expect(lines).toEqual([
      'NetBox import · devices 0/50 0%',
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => `NetBox import · devices ${k * 5}/50 ${k * 10}%`),
      'NetBox import · ipAddresses 0/4 0%',
      'NetBox import · ipAddresses 4/4 100%',
    ]);
    expect(out.out).not.toMatch(/[\r\x1b]/);
  });

  it('a count without a total is shown as the count', () => {
    const out = sink(false);
    const p = makeProgress(out, { label: '重算补偿', now: () => 0 });
    p.update({ step: '合同', done: 0 });
    p.update({ step: '合同', done: 7 });
    expect(out.out).toBe('重算补偿 · 合同 0\n');
  });
});

describe('the CLI commands draw their progress on the progress sink, the report stays on stdout', () => {
  it('backup and restore: the database step, then the files one by one', async () => {
    const run = async (argv: string[], env: Record<string, string>) => {
      const out: string[] = [];
      const progress = sink(false);
      const code = await main(argv, { out: (s) => out.push(s), err: (s) => out.push(`ERR ${s}`), lang: 'en', progress }, env);
      return { code, out: out.join('\n'), progress: progress.out };
    };
    const source = { DATA_DIR: mkdtempSync(join(tmpdir(), 'rackpact-progress-')) };
    expect((await run(['migrate'], source)).code).toBe(0);
    makeFileStore(join(source.DATA_DIR, 'files')).put(Buffer.from('%PDF-1.4\n%%EOF\n'));
    const file = join(mkdtempSync(join(tmpdir(), 'rackpact-progress-bak-')), 'b.tar');

    const backup = await run(['backup', file], source);
    expect(backup).toMatchObject({ code: 0, out: 'backup written: the database and 1 stored files' });
    expect(backup.progress.trimEnd().split('\n')).toEqual(['Backup · database 0/1 0%', 'Backup · database 1/1 100%', 'Backup · files 0/1 0%', 'Backup · files 1/1 100%']);

    const restore = await run(['restore', file], { DATA_DIR: mkdtempSync(join(tmpdir(), 'rackpact-progress-to-')) });
    expect(restore).toMatchObject({ code: 0, out: 'restored: the database and 1 stored files' });
    expect(restore.progress.trimEnd().split('\n')).toEqual(['Restore · files 0/1 0%', 'Restore · files 1/1 100%', 'Restore · database 0/1 0%', 'Restore · database 1/1 100%']);
  });
});
