/**
 * The console on a phone and the buttons each role sees (issue 18 §5, §7): at 390 × 844 the menu is
 * a drawer behind a button, tables scroll inside their own box instead of widening the page, every
 * column has a header; 提出不续约（第十三条）is shown only to roles the API lets object, and asks first —
 * cancelling changes nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, shot, switchLanguage, useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();
const PHONE = { width: 390, height: 844 };

async function phone(browser: Browser, login: string, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await logIn(page, env.server.url, login);
  await page.waitForURL(/\/(console|portal)$/);
  await page.getByTestId('nav-toggle').waitFor();
  if (locale === 'en') {
    await switchLanguage(page);
    await page.getByText('Menu').waitFor();
  }
  return page;
}

/** Column headers with no text (expand, selection and scrollbar cells are not columns of data). */
const emptyHeaders = (page: Page) =>
  page.$$eval('.ant-table-thead th.ant-table-cell', (cells) =>
    cells
      .filter((c) => !c.matches('.ant-table-row-expand-icon-cell, .ant-table-selection-column, .ant-table-cell-scrollbar'))
      .filter((c) => (c.textContent ?? '').trim() === '').length,
  );

/** How far the page itself is wider than the screen (0: nothing sticks out; tables scroll in their own box). */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** An active contract without a non-renewal notice, read as the signed-in user. */
async function activeContract(page: Page): Promise<{ id: string; number: string }> {
  const res = await page.request.get(`${env.server.url}/api/v1/contracts?status=active`);
  const { items } = (await res.json()) as { items: { id: string; number: string; status: string; nonRenewalNoticedAt: string | null }[] };
  const c = items.find((x) => x.status === 'active' && !x.nonRenewalNoticedAt);
  if (!c) throw new Error('the demo data has no active contract without a non-renewal notice');
  return c;
}

describe('the console at 390 px', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`navigates through the drawer; tables scroll in their box and every column is headed (${locale})`, async () => {
      const page = await phone(env.browser, 'admin', locale);
      // no side menu taking the width: the menu items are not on the page until the drawer opens
      expect(await page.getByTestId('nav-customers').count()).toBe(0);
      await page.getByTestId('nav-toggle').click();
      await page.getByTestId('nav-customers').waitFor();
      await shot(page, `mobile-drawer-${locale}`);
      await page.getByTestId('nav-customers').click();
      await page.waitForURL(/\/console\/customers$/);
      await page.getByTestId('nav-customers').waitFor({ state: 'hidden' });
      await page.locator('.ant-table-row').first().waitFor();
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      expect(await emptyHeaders(page)).toBe(0);
      // a cell stays on one line (no word split between its letters or characters); the table scrolls in its box
      const styles = await page.$eval('.ant-table-tbody td.ant-table-cell', (td) => {
        const th = document.querySelector('.ant-table-thead th.ant-table-cell')!;
        return { th: getComputedStyle(th).whiteSpace, td: getComputedStyle(td).whiteSpace };
      });
      expect(styles).toEqual({ th: 'nowrap', td: 'nowrap' });
      await shot(page, `mobile-customers-${locale}`);

      // the main pages of each area: none widens the page, none has a column without a header
      for (const path of ['/console/contracts', '/console/contracts/' + (await activeContract(page)).id, '/console/servers', '/console/notices', '/console/domains', '/console/users', '/console/dunning', '/console/tasks']) {
        await page.goto(`${env.server.url}${path}`);
        await page.locator('.ant-table').first().waitFor();
        await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
        expect({ path, overflow: await pageOverflow(page) }).toEqual({ path, overflow: 0 });
        expect({ path, empty: await emptyHeaders(page) }).toEqual({ path, empty: 0 });
      }
      await page.goto(`${env.server.url}/console/servers`);
      await page.locator('.ant-table-row').first().waitFor();
      await shot(page, `mobile-servers-${locale}`);
      await page.context().close();
    });
  }
});

describe('提出不续约（第十三条）: shown to the roles the API allows, asked first', () => {
  it('is not shown to NOC or finance, is shown to sales; cancelling the confirmation changes nothing', async () => {
    const sales = await phone(env.browser, 'sales');
    const contract = await activeContract(sales);
    for (const login of ['noc', 'finance']) {
      const other = await phone(env.browser, login);
      await other.goto(`${env.server.url}/console/contracts/${contract.id}`);
      await other.getByTestId('contract-number').waitFor();
      expect(await other.getByTestId('contract-number').textContent()).toBe(contract.number);
      expect(await other.getByTestId('object-to-renewal').count()).toBe(0);
      await other.context().close();
    }

    await sales.goto(`${env.server.url}/console/contracts/${contract.id}`);
    await sales.getByTestId('object-to-renewal').click();
    const dialog = sales.locator('.rp-confirm');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('第十三条');
    expect(text).toContain('第九条');
    expect(text).toContain('不再自动续约');
    await shot(sales, 'confirm-object-to-renewal-zh-CN');
    await dialog.locator('.rp-confirm-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    // nothing was sent: the button is still there and the contract has no non-renewal notice
    await sales.getByTestId('object-to-renewal').waitFor();
    const after = await sales.request.get(`${env.server.url}/api/v1/contracts/${contract.id}`);
    expect(((await after.json()) as { nonRenewalNoticedAt: string | null }).nonRenewalNoticedAt).toBeNull();

    await switchLanguage(sales);
    await sales.getByTestId('object-to-renewal').click();
    await sales.locator('.rp-confirm').waitFor();
    expect(await sales.locator('.rp-confirm').textContent()).toContain('clause 13');
    await shot(sales, 'confirm-object-to-renewal-en');
    await sales.locator('.rp-confirm .rp-confirm-cancel').click();
    await sales.locator('.rp-confirm').waitFor({ state: 'detached' });
    await sales.context().close();
  });

  it('in the portal: the customer owner sees it, the technical contact does not', async () => {
    const owner = await phone(env.browser, 'alice');
    const contract = await activeContract(owner);
    await owner.goto(`${env.server.url}/portal/contracts/${contract.id}`);
    await owner.getByTestId('object-to-renewal').waitFor();
    const technical = await phone(env.browser, 'bob');
    await technical.goto(`${env.server.url}/portal/contracts/${contract.id}`);
    await technical.getByTestId('contract-number').waitFor();
    expect(await technical.getByTestId('object-to-renewal').count()).toBe(0);
    await owner.context().close();
    await technical.context().close();
  });
});
