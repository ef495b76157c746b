import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPostgresDatabase } from '../harness/db.js';
import { launchBrowser, logIn, shot, startServer, switchLanguage } from './server.js';

/**
 * The desk (issue 20) in a real browser, on PostgreSQL with the demo data: each role lands on its
 * dashboard — figures and at least one chart; every counted figure's link opens the list it counts,
 * the list holds as many rows as the figure says, and the figure is what SQL counts in this test.
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let db: Awaited<ReturnType<typeof emptyPostgresDatabase>>;
let sqlClient: pg.Client;

beforeAll(async () => {
  db = await emptyPostgresDatabase();
  server = await startServer({ DATABASE_URL: db.url, DEMO_DATA: 'on' });
  browser = await launchBrowser();
  sqlClient = new pg.Client({ connectionString: db.url });
  await sqlClient.connect();
}, 360_000);
afterAll(async () => {
  await sqlClient?.end();
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const RAW_KEY = /\b(desk|role|nav|dashboard)\.[a-zA-Z]+/;

async function n(query: string): Promise<number> {
  const { rows } = await sqlClient.query<{ n: string }>(query);
  return Number(rows[0].n);
}
/** Today in Beijing, as the server's clock has it. */
const today = () => new Date(server.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const within = (days: number) => `status = 'active' AND term_end BETWEEN '${today()}'::date AND '${today()}'::date + ${days}`;

/** The test's own SQL for each counted figure (the same question, asked here). */
const SQL: Record<string, () => Promise<number>> = {
  activeContracts: () => n(`SELECT count(*) AS n FROM contracts WHERE status = 'active'`),
  activeCustomers: () => n(`SELECT count(*) AS n FROM customers WHERE status = 'active'`),
  annualContractValue: () => n(`SELECT coalesce(sum(annual_fee_fen), 0) AS n FROM contracts WHERE status = 'active'`),
  receivable: () => n(`SELECT coalesce(sum(amount_fen - paid_fen - credit_applied_fen), 0) AS n FROM invoices WHERE status IN ('unpaid', 'partially_paid', 'overdue')`),
  renewals30: () => n(`SELECT count(*) AS n FROM contracts WHERE ${within(30)}`),
  renewals60: () => n(`SELECT count(*) AS n FROM contracts WHERE ${within(60)}`),
  expiring7: () => n(`SELECT count(*) AS n FROM contracts WHERE ${within(7)}`),
  expiring30: () => n(`SELECT count(*) AS n FROM contracts WHERE ${within(30)}`),
  expiring60: () => n(`SELECT count(*) AS n FROM contracts WHERE ${within(60)}`),
  incidentsOpen: () => n(`SELECT count(*) AS n FROM incidents WHERE status = 'open'`),
  awaitingSignature: () => n(`SELECT count(*) AS n FROM contracts WHERE status = 'sent'`),
  draftContracts: () => n(`SELECT count(*) AS n FROM contracts WHERE status = 'draft'`),
  signedContracts: () => n(`SELECT count(*) AS n FROM contracts WHERE status = 'signed'`),
  commissioningOpen: () => n(`SELECT count(*) AS n FROM commissioning_orders WHERE completed_at IS NULL`),
  rebootTicketsOpen: () => n(`SELECT count(*) AS n FROM tickets WHERE type = 'reboot' AND status IN ('open', 'acknowledged', 'in_progress')`),
  lineFaultsOpen: () => n(`SELECT count(*) AS n FROM incidents WHERE status = 'open' AND line_fault`),
  maintenanceNext7: () => n(`SELECT count(*) AS n FROM maintenance_windows WHERE status = 'scheduled' AND starts_at >= now() AND starts_at < now() + interval '7 days'`),
  filingsAwaiting: () => n(`SELECT count(*) AS n FROM compliance_domains WHERE status = 'submitted'`),
  domainsRefused: () => n(`SELECT count(*) AS n FROM compliance_domains WHERE status IN ('suspended', 'revoked')`),
  complaintsOpen: () => n(`SELECT count(*) AS n FROM compliance_complaints WHERE status IN ('open', 'notified')`),
  fapiaoWaiting: () => n(`SELECT count(*) AS n FROM invoices WHERE fapiao_requested_at IS NOT NULL AND fapiao_number IS NULL`),
  dunningDue: () => n(`SELECT count(*) AS n FROM dunning_actions WHERE decision = 'proposed'`),
};

interface Shown {
  key: string;
  value: number;
  unit: string;
  href: string;
}

async function figuresOn(page: Page): Promise<Shown[]> {
  await page.getByTestId('desk-figures').waitFor();
  return page
    .locator('[data-testid^="desk-figure-"]')
    .evaluateAll((els) =>
      els.map((e) => ({ key: (e as HTMLElement).dataset.testid!.slice('desk-figure-'.length), value: Number((e as HTMLElement).dataset.value), unit: (e as HTMLElement).dataset.unit!, href: e.getAttribute('href')! })),
    );
}

/** The rows of the list a figure's link opened (the to-do list says its count; the others are tables). */
async function rowsOf(page: Page, href: string): Promise<number> {
  if (href.startsWith('/console/tasks')) {
    await page.locator('[data-testid="desk-todo-count"][data-loaded="1"]').waitFor({ timeout: 90_000 });
    return Number(await page.getByTestId('desk-todo-count').getAttribute('data-count'));
  }
  await page.locator('.ant-layout-content .ant-table-wrapper').first().waitFor({ timeout: 90_000 });
  return page.locator('.ant-layout-content .ant-table-wrapper').last().locator('tr.ant-table-row').count();
}

/** Lists whose rows are the figure's count (money figures and the finance desk's pages are checked by SQL only). */
const countable = (f: Shown) => f.unit === 'count' && !/^\/console\/(receivables|racks|conduct)/.test(f.href) && !f.href.endsWith('/console/incidents');

/** No catalog keys and no ISO instants on screen, in either language. */
async function readable(page: Page) {
  const text = await page.locator('.ant-layout-content').innerText();
  expect(text).not.toMatch(RAW_KEY);
  expect(text).not.toMatch(ISO_INSTANT);
}

describe('the role dashboards', () => {
  for (const role of ['admin', 'sales', 'noc', 'compliance', 'finance'] as const) {
    it(`${role}: figures and a chart; each figure is its list's count and SQL's`, async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await logIn(page, server.url, role);
      await page.waitForURL(/\/console$/);
      const figures = await figuresOn(page);
      expect(figures.length).toBeGreaterThanOrEqual(6);
      // at least one chart drawn (the charting chunk arrives after the figures)
      await page.locator('[data-testid^="desk-chart-"] canvas').first().waitFor({ timeout: 60_000 });
      await readable(page);
      await shot(page, `desk-${role}-zh`);

      for (const f of figures) {
        const ask = SQL[f.key];
        if (ask) expect(f.value, `${role} ${f.key} against SQL`).toBe(await ask());
      }
      for (const f of figures.filter(countable)) {
        await page.getByTestId(`desk-figure-${f.key}`).click();
        await page.waitForURL((u) => `${u.pathname}${u.search}` === f.href);
        try {
          // the list loads after the page: its rows are polled until they settle on the figure (or time out)
          await expect.poll(() => rowsOf(page, f.href), { message: `${role} ${f.key}: ${f.href}`, timeout: 60_000 }).toBe(f.value);
        } catch (err) {
          await shot(page, `desk-failed-${role}-${f.key}`);
          throw err;
        }
        if (f.value > 0 && role === 'noc' && f.key === 'commissioningOpen') await shot(page, 'desk-todo-commissioning-zh');
        await page.goBack();
        await page.getByTestId('desk-figures').waitFor({ timeout: 90_000 });
      }

      await switchLanguage(page);
      await expect.poll(() => page.locator('.ant-layout-content').innerText()).toMatch(/Dashboard|desk/);
      await page.locator('[data-testid^="desk-chart-"] canvas').first().waitFor();
      await readable(page);
      await shot(page, `desk-${role}-en`);
      // back to Chinese for the next run of this user
      await switchLanguage(page);
      await context.close();
    }, 240_000);
  }
});

describe('the to-do lists', () => {
  it('staff see theirs by deadline with the clause; a customer user its own company’s', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await logIn(page, server.url, 'admin');
    await page.waitForURL(/\/console$/);
    await page.goto(`${server.url}/console/tasks`);
    await page.locator('[data-testid="desk-todo-count"][data-loaded="1"]').waitFor({ timeout: 90_000 });
    const shown = Number(await page.getByTestId('desk-todo-count').getAttribute('data-count'));
    expect(shown).toBeGreaterThan(0);
    expect(await page.locator('.ant-layout-content').innerText()).toContain('5.1');
    await readable(page);
    await shot(page, 'desk-todo-admin-zh');
    await switchLanguage(page);
    await expect.poll(() => page.locator('.ant-layout-content').innerText()).toContain('To do');
    await shot(page, 'desk-todo-admin-en');
    await switchLanguage(page);
    await context.close();

    const customer = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await logIn(customer, server.url, 'alice');
    await customer.waitForURL(/\/portal$/);
    await customer.goto(`${server.url}/portal/todo`);
    await customer.locator('[data-testid="desk-todo-count"][data-loaded="1"]').waitFor({ timeout: 90_000 });
    const text = await customer.locator('.ant-layout-content').innerText();
    expect(text).not.toContain('上海蓝山数据有限公司');
    await readable(customer);
    await shot(customer, 'desk-todo-portal-zh');
  }, 240_000);
});
