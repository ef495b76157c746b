import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? join(process.cwd(), 'test-results', 'screenshots');

/**
 * E2E_CLOCK_START runs the whole suite as of a chosen moment (e.g. 2026-12-28T10:00:00+08:00, when
 * next year is still provisional): every server starts with CLOCK_START there and runs on. A test
 * that needs its own hour derives it from `e2eClockStart()`. Pick a moment after the machine's
 * clock: the browser keeps its own, and session cookies set in the past would have expired.
 */
export function e2eClockStart(): Date {
  const start = process.env.E2E_CLOCK_START ?? process.env.CLOCK_START;
  return start ? new Date(start) : new Date();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The real server, as `npm start` runs it (built web UI, embedded database seeded with demo data);
 * without a warm document printer unless a test asks for `PDF_WARM: 'on'` (one Chromium less per server).
 */
export async function startServer(env: Record<string, string> = {}): Promise<{ url: string; stop(): Promise<void>; output(): string; now(): Date }> {
  const port = await freePort();
  const suiteStart = process.env.E2E_CLOCK_START ?? process.env.CLOCK_START;
  if (suiteStart && !env.CLOCK_START) env = { ...env, CLOCK_START: suiteStart };
  // the server's clock as the test sees it: CLOCK_START at spawn, running on (the server is a few seconds behind)
  const clockOffset = env.CLOCK_START ? new Date(env.CLOCK_START).getTime() - Date.now() : 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'rackpact-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['bin/rackpact.mjs', 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOBS: 'off', PDF_WARM: 'off', REQUIRE_2FA_STAFF: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // seeding the demo data takes a while on a busy machine
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok && output.includes('listening on')) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    output: () => output,
    now: () => new Date(Date.now() + clockOffset),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function logIn(page: Page, url: string, login: string, password = 'rackpact-demo'): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-name').fill(login);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** One real server (fresh data dir, demo data) and one browser for a test file, closed after it. */
export function useServerAndBrowser(): { server: Awaited<ReturnType<typeof startServer>>; browser: Browser } {
  const ctx = {} as { server: Awaited<ReturnType<typeof startServer>>; browser: Browser };
  beforeAll(async () => {
    ctx.server = await startServer();
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return ctx;
}

/**
 * Picks the option with this text in an antd Select (its dropdown is portalled to the body) and waits until the
 * select shows it. Each click is short and retried: on a loaded machine a click can land while the dropdown is
 * still animating in or out (CI once waited 30 s on an option that had closed under it), and options loaded late
 * can replace the ones first shown. A select that already shows the option is left alone, so a multiple select's
 * option is never clicked out again.
 */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp, timeoutMs = 60_000): Promise<void> {
  const root = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const shown = root.filter({ hasText: option });
  const deadline = Date.now() + timeoutMs;
  while (!(await shown.count())) {
    if (Date.now() > deadline) throw new Error(`the select never showed ${String(option)}`);
    const open = page.locator('.ant-select-dropdown:visible');
    if (!(await open.count())) await root.click({ timeout: 5_000 }).catch(() => undefined);
    await open.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 5_000 }).catch(() => undefined);
    await shown.first().waitFor({ timeout: 3_000 }).catch(() => undefined);
  }
}

/**
 * Clicks 中文/English and waits until the page reads in the other language: the English catalog is
 * fetched the first time it is needed, so the switch is not synchronous with the click.
 */
export async function switchLanguage(page: Page): Promise<void> {
  const button = page.getByTestId('lang-switch').first();
  const before = await button.textContent();
  await button.click();
  await page.waitForFunction((label) => document.querySelector('[data-testid="lang-switch"]')?.textContent !== label, before, { timeout: 30_000 });
}

/** A logged-in API session (cookies + CSRF) for the setup an operator would do in other screens. */
export async function session(url: string, login: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'rackpact-demo' }) });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('rp_csrf='))!.slice(8));
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${url}/api/v1${path}`, { method, headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<T>;
  };
}
