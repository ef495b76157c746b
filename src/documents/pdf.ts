// playwright-core is loaded by the first launch, not at start (issue 23: ~0.4 s of every start for a browser
// most starts never need before someone prints)
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppError } from '../core/errors.js';

/**
 * HTML → PDF by printing in Chromium (Debian's, with the Noto CJK fonts), so the PDF is the same
 * document as the HTML and the .docx.
 *
 * Issue 19 §8: one warm Chromium per process with a small pool of pages, shared by every document
 * render (contracts, notices, invoices). Launching Chromium and loading the CJK fonts is most of a
 * first render (18 s was seen on a busy machine); `warm()` does it in the background right after the
 * server listens, and a page that has printed once keeps the fonts loaded for the next document.
 * A browser that dies is relaunched (at once when warm, else on the next render); a render that takes
 * longer than the timeout is abandoned with a typed 503 (DOCUMENT_RENDER_TIMEOUT) and its page thrown
 * away, so a stuck document cannot hold a pool page forever.
 *
 * Document pages run no JavaScript and fetch nothing from the network: the HTML is ours, but it
 * carries text customers typed, and the seal and fonts are inline or local.
 */
export interface PdfRenderer {
  render(html: string, opts?: { footerLabel?: string }): Promise<Buffer>;
  /** Launch the browser and open the pool's pages now, and keep them (relaunched after a crash) until close. */
  warm(): Promise<void>;
  /** What the pool holds now: for the health of the process, and for tests. */
  status(): PdfPoolStatus;
  close(): Promise<void>;
}

export interface PdfPoolStatus {
  /** Browsers launched since start (1 after a warm start; +1 per relaunch after a crash). */
  launches: number;
  /** The running browser's process id (none before the first launch and after a crash). */
  pid: number | undefined;
  /** Pages open in the pool, and how many of them print right now. */
  pages: number;
  busy: number;
  /** Renders waiting for a free page. */
  waiting: number;
}

export interface PdfPoolOptions {
  executablePath?: string;
  /** Pages printing at the same time (PDF_PAGES); further renders wait their turn. */
  pages?: number;
  /** One render's limit, waiting for a page included (PDF_TIMEOUT_SECONDS × 1000). */
  timeoutMs?: number;
  /** Where a relaunch after a crash, or a failed background launch, is reported. */
  log?: (message: string) => void;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Only inline resources (data: URIs: the seal) reach a document page; anything else is refused. */
const NOT_INLINE = /^(?!data:)/;

/** One render's timeout, and the page it prints on (closed when the time is up). */
interface Deadline {
  expired: boolean;
  page?: Page;
}

interface Instance {
  browser: Browser;
  context: BrowserContext;
  pid: number | undefined;
  /** every open page of this browser, and the ones not printing */
  pages: Set<Page>;
  free: Page[];
  dead: boolean;
}

export function makeChromiumPdfRenderer(options: PdfPoolOptions = {}): PdfRenderer {
  const executablePath = options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const size = Math.max(1, options.pages ?? 2);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const log = options.log ?? ((m: string) => console.error(m));

  let current: Promise<Instance> | undefined;
  /** the current browser once launched (what status() reads without waiting) */
  let live: Instance | undefined;
  let launches = 0;
  let keepWarm = false;
  let closing = false;
  let pid: number | undefined;
  /** pages being opened (counted against the pool size before they exist) */
  let opening = 0;
  /** renders asked for since the pool was made (the warm-up gives way once there is one) */
  let started = 0;
  let waiters: Array<{ resolve: (p: { page: Page; instance: Instance }) => void; reject: (e: unknown) => void }> = [];

  async function launch(): Promise<Instance> {
    launches += 1;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: ARGS });
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false });
    await context.route(NOT_INLINE, (route) => route.abort());
    const instance: Instance = { browser, context, pid: undefined, pages: new Set(), free: [], dead: false };
    try {
      const cdp = await browser.newBrowserCDPSession();
      const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
      instance.pid = info.processInfo.find((p) => p.type === 'browser')?.id;
      await cdp.detach();
    } catch {
      // the pid is for status() only
    }
    pid = instance.pid;
    live = instance;
    browser.on('disconnected', () => onDisconnected(instance));
    return instance;
  }

  function onDisconnected(instance: Instance) {
    instance.dead = true;
    // forget it only if it is still the current one (close() already moved on)
    if (live !== instance) return;
    live = undefined;
    current = undefined;
    pid = undefined;
    if (closing) return;
    // renders waiting for a page of the dead browser get one from the next
    const pending = waiters;
    waiters = [];
    for (const w of pending) void acquire().then(w.resolve, w.reject);
    if (keepWarm) {
      log('rackpact pdf: Chromium exited; relaunching the document printer');
      warmUp().catch((err: unknown) => log(`rackpact pdf: relaunch failed (${(err as Error).message}); the next render tries again`));
    }
  }

  function instance(): Promise<Instance> {
    if (closing) return Promise.reject(new AppError('DOCUMENT_RENDER_FAILED', { reason: 'closing' }));
    if (!current) {
      const launching = launch();
      current = launching;
      // a failed launch is not kept: the next render tries again
      launching.catch(() => {
        if (current === launching) current = undefined;
      });
    }
    return current;
  }

  async function openPage(inst: Instance): Promise<Page> {
    opening += 1;
    try {
      const page = await inst.context.newPage();
      inst.pages.add(page);
      return page;
    } finally {
      opening -= 1;
    }
  }

  /** A free page of the live browser, a new one while the pool is not full, or the next one released. */
  async function acquire(): Promise<{ page: Page; instance: Instance }> {
    const inst = await instance();
    const page = inst.free.pop();
    if (page) return { page, instance: inst };
    if (inst.pages.size + opening < size) return { page: await openPage(inst), instance: inst };
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  }

  function release(inst: Instance, page: Page, broken: boolean) {
    if (broken || inst.dead) {
      inst.pages.delete(page);
      void page.close().catch(() => undefined);
      const next = waiters.shift();
      if (next) void acquire().then(next.resolve, next.reject);
      return;
    }
    const next = waiters.shift();
    if (next) next.resolve({ page, instance: inst });
    else inst.free.push(page);
  }

  async function warmUp(): Promise<void> {
    const inst = await instance();
    // a document asked for during the launch takes the first page before the warm-up looks
    await new Promise((resolve) => setImmediate(resolve));
    // open the pool's pages and print once on each, one after the other, so the fonts are loaded before
    // the first document; once a document has been asked for the warm-up steps aside (the document
    // warms the browser itself) rather than compete with it for the CPU; more pages open when needed
    while (started === 0 && inst.pages.size + opening < size && !inst.dead && !closing) {
      const page = await openPage(inst);
      let broken = false;
      if (started === 0) await printOn(page, WARM_HTML, {}).catch(() => (broken = true));
      release(inst, page, broken);
      if (broken) break;
    }
  }

  async function printOn(page: Page, html: string, opts: { footerLabel?: string }): Promise<Buffer> {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '22mm', bottom: '22mm', left: '20mm', right: '20mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:9px;width:100%;text-align:center;font-family:'Noto Sans CJK SC',sans-serif;">${escapeHtml(opts.footerLabel ?? '')} 第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`,
    });
    return Buffer.from(pdf);
  }

  async function renderOnce(html: string, opts: { footerLabel?: string }, deadline: Deadline): Promise<Buffer> {
    const { page, instance: inst } = await acquire();
    if (deadline.expired) {
      release(inst, page, false);
      throw new AppError('DOCUMENT_RENDER_TIMEOUT', { seconds: Math.ceil(timeoutMs / 1000) });
    }
    deadline.page = page;
    let broken = false;
    try {
      return await printOn(page, html, opts);
    } catch (err) {
      broken = true;
      throw err;
    } finally {
      // a page abandoned by the timeout may still be printing: throw it away rather than hand it on
      release(inst, page, broken || deadline.expired);
    }
  }

  async function render(html: string, opts: { footerLabel?: string } = {}): Promise<Buffer> {
    started += 1;
    const deadline: Deadline = { expired: false };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        deadline.expired = true;
        // a page stuck printing is closed, which ends its render and frees its place in the pool
        void deadline.page?.close().catch(() => undefined);
        reject(new AppError('DOCUMENT_RENDER_TIMEOUT', { seconds: Math.ceil(timeoutMs / 1000) }));
      }, timeoutMs);
    });
    const attempt = async () => {
      try {
        return await renderOnce(html, opts, deadline);
      } catch (err) {
        if (err instanceof AppError || deadline.expired || closing) throw err;
        // the browser died under this render (a crash, an OOM kill): once more on a fresh one
        return renderOnce(html, opts, deadline);
      }
    };
    const work = attempt();
    work.catch(() => undefined);
    try {
      return await Promise.race([work, timeout]);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('DOCUMENT_RENDER_FAILED', { reason: (err as Error).message.split('\n')[0] });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    render,
    async warm() {
      keepWarm = true;
      await warmUp();
    },
    status() {
      const pages = live && !live.dead ? live.pages.size : 0;
      const busy = live && !live.dead ? live.pages.size - live.free.length : 0;
      return { launches, pid, pages, busy, waiting: waiters.length };
    },
    async close() {
      closing = true;
      keepWarm = false;
      const pending = waiters;
      waiters = [];
      for (const w of pending) w.reject(new AppError('DOCUMENT_RENDER_FAILED', { reason: 'closing' }));
      const launching = current;
      current = undefined;
      live = undefined;
      pid = undefined;
      if (launching) await (await launching.catch(() => undefined))?.browser.close().catch(() => undefined);
      closing = false;
    },
  };
}

/** A page with the CJK font in use: printing it once loads the fonts the documents need. */
const WARM_HTML = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="font-family:'Noto Sans CJK SC',sans-serif">合同 Contract 第一条 １２３</body></html>`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
