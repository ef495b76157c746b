import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { makeChromiumPdfRenderer, type PdfRenderer } from './pdf.js';

/**
 * Issue 19 §8: the shared document printer — real Chromium (Debian's), real PDFs read back with
 * pdftotext. One browser for all renders, relaunched after it is killed, a typed error past the
 * timeout, and no script or network in a document page.
 */
const open: PdfRenderer[] = [];
function renderer(opts: Parameters<typeof makeChromiumPdfRenderer>[0] = {}): PdfRenderer {
  const r = makeChromiumPdfRenderer({ log: () => undefined, ...opts });
  open.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

const doc = (text: string, extra = '') => `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body><p>${text}</p>${extra}</body></html>`;

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rackpact-pdf-')), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
}

describe('the document printer (one Chromium, a pool of pages)', () => {
  it('prints concurrent documents on one browser, at most PDF_PAGES at a time, each its own text', async () => {
    const pdf = renderer({ pages: 2 });
    const texts = ['甲方 合同一', '乙方 合同二', '第五条 合同三', '第九条 合同四', '附件一 合同五'];
    // what the pool holds while the five are under way: never more than two pages, never more than two printing
    const seen: Array<ReturnType<PdfRenderer['status']>> = [];
    const sampler = setInterval(() => seen.push(pdf.status()), 5);
    const outputs = await Promise.all(texts.map((t, i) => pdf.render(doc(t), { footerLabel: `RP-${i}` }))).finally(() => clearInterval(sampler));
    expect(Math.max(...seen.map((s) => s.pages))).toBeLessThanOrEqual(2);
    expect(Math.max(...seen.map((s) => s.busy))).toBeLessThanOrEqual(2);
    expect(pdf.status()).toMatchObject({ launches: 1, pages: 2, busy: 0, waiting: 0 });
    outputs.forEach((out, i) => {
      expect(out.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(out);
      expect(text).toContain(texts[i]);
      // the footer's label and page numbers are Chromium's print machinery, not script: they print with JavaScript off
      expect(text).toMatch(new RegExp(`RP-${i} 第 1 页 共 1 页`));
      // no other document's text on a reused page
      for (const other of texts.filter((_, j) => j !== i)) expect(text).not.toContain(other);
    });
  });

  it('warm() launches the browser and opens the pages before the first render', async () => {
    const pdf = renderer({ pages: 2 });
    expect(pdf.status()).toMatchObject({ launches: 0, pid: undefined, pages: 0 });
    await pdf.warm();
    expect(pdf.status()).toMatchObject({ launches: 1, pages: 2, busy: 0 });
    expect(pdf.status().pid).toBeGreaterThan(0);
    await pdf.render(doc('首份'));
    expect(pdf.status().launches).toBe(1);
  });

  it('relaunches a browser that was killed: in the background when warm, and renders go on', async () => {
    const pdf = renderer({ pages: 1 });
    await pdf.warm();
    const first = pdf.status().pid!;
    process.kill(first, 'SIGKILL');
    await until(() => pdf.status().launches === 2 && pdf.status().pid !== undefined && pdf.status().pages === 1);
    expect(pdf.status().pid).not.toBe(first);
    expect(pdfText(await pdf.render(doc('重启之后')))).toContain('重启之后');
    expect(pdf.status().launches).toBe(2);
  });

  it('a render caught by the crash is printed again on the relaunched browser', async () => {
    const pdf = renderer({ pages: 1 });
    await pdf.render(doc('预热'));
    const pid = pdf.status().pid!;
    const big = doc('崩溃中的文档', '<table>' + '<tr><td>行</td><td>第五条 5.3、5.4、5.5、5.6</td></tr>'.repeat(300) + '</table>');
    const pending = pdf.render(big);
    process.kill(pid, 'SIGKILL');
    expect(pdfText(await pending)).toContain('崩溃中的文档');
    expect(pdf.status().launches).toBe(2);
  });

  it('past the timeout: a typed 503 (DOCUMENT_RENDER_TIMEOUT), and the stuck page leaves the pool', async () => {
    const pdf = renderer({ pages: 1, timeoutMs: 50 });
    await pdf.warm();
    // far more than 50 ms of printing on any machine: thousands of table rows over hundreds of pages
    const huge = doc('很长的文档', '<table>' + '<tr><td>行</td><td>第六条 6.8</td></tr>'.repeat(40_000) + '</table>');
    const err = await pdf.render(huge).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DOCUMENT_RENDER_TIMEOUT');
    expect((err as AppError).status).toBe(503);
    // the page that was printing is closed, not handed to the next document
    await until(() => pdf.status().busy === 0 && pdf.status().pages === 0);
    expect(pdf.status().launches).toBe(1);
  });

  it('runs no script and fetches nothing in a document page', async () => {
    let requests = 0;
    const server: Server = createServer((_req, res) => {
      requests += 1;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const pdf = renderer();
      const html = doc(
        '静态文档',
        `<p id="js">无脚本</p><script>document.getElementById('js').textContent = 'SCRIPT-RAN';</script>` +
          `<img src="http://127.0.0.1:${port}/beacon.png"><link rel="stylesheet" href="http://127.0.0.1:${port}/x.css">`,
      );
      const text = pdfText(await pdf.render(html));
      expect(text).toContain('无脚本');
      expect(text).not.toContain('SCRIPT-RAN');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('close() ends the browser; a later render launches a new one', async () => {
    const pdf = renderer({ pages: 1 });
    await pdf.warm();
    const pid = pdf.status().pid!;
    await pdf.close();
    expect(pdf.status()).toMatchObject({ pid: undefined, pages: 0 });
    // the process is gone (signal 0 only asks whether it exists)
    await until(() => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    });
    expect(pdfText(await pdf.render(doc('再次')))).toContain('再次');
    expect(pdf.status().launches).toBe(2);
  });
});
