import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, shot, useServerAndBrowser } from './server.js';

/**
 * Issue 18 §3, "words, not codes": one user of each staff role and a customer user, in both languages,
 * visit every page their menu shows (and every tab of it) and the visible text is checked for what a
 * person should never read: untranslated catalog keys, identifiers (camelCase, snake_case,
 * SCREAMING_CODES), ISO instants, bare UUIDs, `undefined`/`null`/`NaN`. Console errors, failed
 * requests and 5xx answers fail the page too. Offenders are printed per page.
 */
const env = useServerAndBrowser();

/** The menu's entries (key → path) as web/src/nav.ts registers them (read as text: the web tree is typed for the browser). */
const NAV = [...readFileSync('web/src/nav.ts', 'utf8').matchAll(/\{ key: '([^']+)', path: '([^']+)'/g)].map(([, key, path]) => ({ key, path }));

const ALL_USERS = ['admin', 'sales', 'noc', 'compliance', 'finance', 'auditor', 'alice'];
/** WALK_USERS=noc,alice walks only those (while fixing one area); the suite walks them all. */
const USERS = process.env.WALK_USERS ? process.env.WALK_USERS.split(',') : ALL_USERS;
const LANGS = ['zh-CN', 'en'] as const;
type Lang = (typeof LANGS)[number];
/** The few pages kept as screenshots (`walk-<user>-<page>-<lang>[-<tab>]`): where labels, instants and pickers meet. */
/** Menu pages that list records each with a page of its own: the first record's page is walked too. */
const DETAIL_LISTS = new Set(['/console/customers', '/console/contracts', '/portal/contracts']);
const SHOTS = new Set(['admin:audit', 'admin:ticket-reports', 'compliance:compliance', 'noc:servers', 'alice:my-company', 'alice:my-contracts', 'sales:customers-detail']);

/**
 * What may look like an identifier but is data a person reads, removed before the checks:
 * URLs, e-mail addresses, file names (a signed copy "合同_签字版.pdf", the gate's nginx.conf/gate.map)
 * host names (demo domains like www.huanyu.example.cn, DNS zones and PTR names) and directories on the server.
 */
const DATA_PATTERNS: RegExp[] = [
  /\bhttps?:\/\/\S+/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /[\p{L}\w.-]+\.(pdf|png|jpe?g|csv|json|txt|docx?|xlsx?|zip|tar|gz|conf|map|html|pem)\b/giu,
  /\b([a-z0-9-]+\.)+(com|cn|net|org|io|local|test|example|internal|arpa|中国)\b\.?/gi,
  // a directory on the server (the gate's directory, a backup file)
  /(?<![\w.])\/(?:[\w.-]+\/)*[\w.-]+/g,
];

/** Words that are spelt like identifiers but are real names: product names shown as they are written. */
const ALLOWED_WORDS = new Set(['rackpact', 'iDRAC', 'iLO', 'macOS', 'iOS', 'IPv4', 'IPv6', 'kW']); // kW: the unit of rated power

const CHECKS: { kind: string; pattern: RegExp }[] = [
  // a catalog key shown as is: two or more dotted lower-case segments (facility.foo, nav.x, notice.register)
  { kind: 'raw key', pattern: /\b[a-z][a-zA-Z0-9]+(?:\.[a-z][a-zA-Z0-9_]+)+\b/g },
  { kind: 'camelCase', pattern: /\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*\b/g },
  { kind: 'snake_case', pattern: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g },
  { kind: 'CODE', pattern: /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g },
  { kind: 'ISO instant', pattern: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g },
  { kind: 'UUID', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi },
  { kind: 'undefined/null/NaN', pattern: /\b(undefined|null|NaN|Invalid Date|\[object Object\])\b/g },
  { kind: 'placeholder', pattern: /\{[a-zA-Z]+\}/g },
];

/**
 * Chinese in the English UI: a run of Chinese that is a label of the Chinese catalog, or a unit word
 * (6 个月, 长期, 是/否). Names, addresses and holidays in the data stay Chinese and are not flagged.
 */
const ZH_LABELS = new Set([...readFileSync('web/src/i18n/zh-CN.ts', 'utf8').matchAll(/^\s+'[^']+': '([^'{]+)',$/gm)].map(([, v]) => v).filter((v) => /\p{Script=Han}/u.test(v)));
const ZH_UNITS = /^(个月|长期|年|天|小时|分钟|元|是|否|无|至)$/;
/** The demo staff are named by their job ("销售 王芳", "合规 赵静"): a person's name is data, whatever words it holds. */
const ZH_NAME_TITLES = /^(系统管理员|销售|网络运维|合规|财务|审计)$/;

function chineseIn(text: string): string[] {
  return [...text.matchAll(/[\p{Script=Han}（）《》“”、，：；]+/gu)]
    .map(([run]) => run)
    .filter((run) => (ZH_LABELS.has(run) || ZH_UNITS.test(run)) && !ZH_NAME_TITLES.test(run))
    .map((run) => `Chinese in English: ${run}`);
}

function offendersIn(text: string, lang: Lang = 'zh-CN'): string[] {
  let cleaned = text;
  for (const p of DATA_PATTERNS) cleaned = cleaned.replace(p, ' ');
  const found: string[] = [];
  for (const { kind, pattern } of CHECKS) {
    // the instant and UUID checks read the original text (a UUID may look like a host name to the strippers)
    const source = kind === 'ISO instant' || kind === 'UUID' ? text : cleaned;
    for (const m of source.matchAll(pattern)) if (!ALLOWED_WORDS.has(m[0])) found.push(`${kind}: ${m[0]}`);
  }
  if (lang === 'en') found.push(...chineseIn(cleaned));
  return [...new Set(found)];
}

interface Watch {
  problems: string[];
  inflight: Set<unknown>;
}

/** Console errors, page errors, failed requests and 5xx answers, collected as they happen. */
function watch(page: Page): Watch {
  const w: Watch = { problems: [], inflight: new Set() };
  page.on('console', (msg) => {
    if (msg.type() === 'error') w.problems.push(`console error: ${msg.text().slice(0, 200)}`);
  });
  page.on('pageerror', (err) => w.problems.push(`page error: ${err.message.slice(0, 200)}`));
  page.on('request', (req) => w.inflight.add(req));
  page.on('requestfinished', (req) => w.inflight.delete(req));
  page.on('requestfailed', (req) => {
    w.inflight.delete(req);
    // a navigation away aborts what the previous page still loaded; that is not the page's fault
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') w.problems.push(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 500) w.problems.push(`${res.status()}: ${res.request().method()} ${new URL(res.url()).pathname}`);
  });
  return w;
}

/** Until no request is in flight, no spinner shows and the text stays the same for a moment. */
async function settle(page: Page, w: Watch): Promise<string> {
  const deadline = Date.now() + 15_000;
  let last = '';
  for (;;) {
    const busy = w.inflight.size > 0 || (await page.locator('.ant-spin-spinning, .ant-skeleton-active, [data-testid="page-loading"]').count()) > 0;
    const text = await visibleText(page);
    if ((!busy && text === last) || Date.now() > deadline) return text;
    last = busy ? '' : text;
    await page.waitForTimeout(busy ? 100 : 300);
  }
}

/** The page's visible text and the placeholders of its inputs (a person reads both). */
const mainText = (page: Page) => page.evaluate(() => (document.querySelector('main') ?? document.body).innerText);

/** After a click that shows another page or tab: until its content replaced what was there (a route keeps the old page while the new one loads). */
async function replaced(page: Page, before: string): Promise<void> {
  await page.waitForFunction((b) => (document.querySelector('main') ?? document.body).innerText !== b, before, { timeout: 10_000, polling: 50 }).catch(() => undefined);
}

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    const placeholders = [...main.querySelectorAll('input[placeholder], textarea[placeholder]')].map((e) => e.getAttribute('placeholder') ?? '');
    const selects = [...main.querySelectorAll('.ant-select-selection-placeholder, .ant-select-content-value, .ant-select-selection-item')].map((e) => (e as HTMLElement).innerText);
    // a code block shows a file or a program's answer as it is (the calendar file's format, nginx's output): not UI text
    let text = document.body.innerText;
    for (const verbatim of [...document.querySelectorAll('pre, code')].map((e) => (e as HTMLElement).innerText)) if (verbatim.trim()) text = text.replace(verbatim, ' ');
    return [text, ...placeholders, ...selects].join('\n');
  });
}

interface Finding {
  where: string;
  what: string[];
}

async function walk(user: string, lang: Lang): Promise<{ findings: Finding[]; visited: string[] }> {
  const context: BrowserContext = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript((l) => localStorage.setItem('rackpact.locale', l), lang);
  const page = await context.newPage();
  const w = watch(page);
  const findings: Finding[] = [];
  const visited: string[] = [];
  const check = async (where: string) => {
    const what = [...offendersIn(await settle(page, w), lang), ...w.problems.splice(0)];
    if (what.length) findings.push({ where, what });
  };
  // every tab of the page's outermost tab bar (a bar nested in a tab is read as that tab shows)
  const walkTabs = async (where: string, shotKey: string) => {
    const bar = page.locator('main .ant-tabs').first().locator(':scope > .ant-tabs-nav');
    const tabKeys = await bar.locator('.ant-tabs-tab').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-key') ?? ''));
    for (const [i, tabKey] of tabKeys.entries()) {
      if (i === 0) continue;
      const beforeTab = await mainText(page);
      // a tab scrolled into the bar's overflow is still a tab: the click event opens it where a pointer could not reach
      await bar.locator(`.ant-tabs-tab[data-node-key="${tabKey}"]`).dispatchEvent('click', undefined, { timeout: 5_000 });
      await replaced(page, beforeTab);
      await check(`${where} [${tabKey}]`);
      if (SHOTS.has(shotKey)) await shot(page, `walk-${shotKey.replace(':', '-')}-${lang}-${tabKey}`);
    }
  };
  try {
    await logIn(page, env.server.url, user);
    await page.waitForURL(/\/(console|portal)$/);
    await page.locator('[data-testid^="nav-"]').first().waitFor();
    // the sign-in page asks who is signed in before anyone is: its 401 is the expected answer
    w.problems.splice(0);
    await check(`${user}/${lang} home`);
    const keys = (await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(4)))).filter((k) => NAV.some((e) => e.key === k));
    expect(keys.length).toBeGreaterThan(3);
    for (const key of keys) {
      const entry = NAV.find((e) => e.key === key)!;
      const nav = page.getByTestId(`nav-${key}`);
      const before = await mainText(page);
      if (await nav.isVisible()) await nav.click();
      else await page.goto(`${env.server.url}${entry.path}`);
      await page.waitForURL((u) => u.pathname === entry.path);
      await replaced(page, before);
      const where = `${user}/${lang} ${entry.path}`;
      visited.push(entry.path);
      await check(where);
      if (SHOTS.has(`${user}:${key}`)) await shot(page, `walk-${user}-${key}-${lang}`);
      await walkTabs(where, `${user}:${key}`);
      // a list's first record too, where the menu leads to a list of records with pages of their own
      if (DETAIL_LISTS.has(entry.path)) {
        const first = page.locator(`main table a[href^="${entry.path}/"]`).first();
        if (await first.count()) {
          const beforeDetail = await mainText(page);
          await first.click();
          await replaced(page, beforeDetail);
          const detail = `${user}/${lang} ${new URL(page.url()).pathname.replace(/[0-9a-f-]{36}/, ':id')}`;
          await check(detail);
          await walkTabs(detail, `${user}:${key}-detail`);
        }
      }
    }
  } finally {
    await context.close();
  }
  return { findings, visited };
}

function report(results: { findings: Finding[] }[]): string {
  return results
    .flatMap((r) => r.findings)
    .map((f) => `${f.where}\n${f.what.map((x) => `    ${x}`).join('\n')}`)
    .join('\n');
}

describe('every menu page in words people read (issue 18 §3)', () => {
  it('recognises the codes it is meant to catch, and not the data', () => {
    expect(NAV.length).toBeGreaterThan(20);
    expect(ZH_LABELS.size).toBeGreaterThan(300);
    expect(offendersIn('Valid until 长期, kept 6 个月 by 北京寰宇网络科技有限公司', 'en')).toEqual(['Chinese in English: 长期', 'Chinese in English: 个月']);
    expect(offendersIn('不能开通：logRetentionAttestation')).toEqual(['camelCase: logRetentionAttestation']);
    expect(offendersIn('notice.register gate.reload_failed')).toEqual(expect.arrayContaining(['raw key: notice.register', 'raw key: gate.reload_failed']));
    expect(offendersIn('compliance_domain INVALID_TRANSITION')).toEqual(['snake_case: compliance_domain', 'CODE: INVALID_TRANSITION']);
    expect(offendersIn('2026-12-02T06:00:00.000Z')).toEqual(['ISO instant: 2026-12-02T06:00:00.000Z']);
    expect(offendersIn('金额 NaN 元')).toEqual(['undefined/null/NaN: NaN']);
    expect(offendersIn('actor 0b8a1f0e-7c1d-4c55-9a57-1f2e3d4c5b6a')).toEqual(['UUID: 0b8a1f0e-7c1d-4c55-9a57-1f2e3d4c5b6a']);
    expect(offendersIn('www.huanyu.example.cn alice@huanyu.example.cn 合同_签字版.pdf https://gate.example/x_y /tmp/rackpact-e2e-pSfw3h/gate IPv6 2001:db8::1 rackpact 2026-12-02 14:00')).toEqual([]);
  });

  for (const user of USERS) {
    it(`${user}: every menu page and tab, in Chinese and English`, { timeout: 400_000 }, async () => {
      const results = await Promise.all(LANGS.map((lang) => walk(user, lang)));
      expect(results[0].visited).toEqual(results[1].visited);
      const text = report(results);
      if (text) console.log(`offenders for ${user}:\n${text}`);
      expect(text).toBe('');
    });
  }
});
