import { describe, expect, it } from 'vitest';
import { logIn, shot, switchLanguage, useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();

/** Issue 20 §3: an address typed in the header finds its server, cabinet, customer and contract in one step. */
describe('the global search in a real browser', () => {
  it('NOC types an IP in the header, sees the chain, and clicks through to the server; in both languages', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await logIn(page, env.server.url, 'noc');
    await page.waitForURL(/\/console$/);
    // the demo's public v4 pool: every racked server has an address in it
    await page.getByTestId('global-search').locator('input').fill('203.0.113');
    await page.getByTestId('global-search').locator('input').press('Enter');
    await page.waitForURL(/\/console\/search\?q=203\.0\.113$/);
    const first = page.getByTestId('search-group-ip').getByTestId('search-hit').first();
    const address = (await first.getByTestId('search-hit-link').textContent())!.trim();
    expect(address).toMatch(/^203\.0\.113\.\d+$/);

    // the exact address: one hit, with the whole chain
    await page.getByTestId('global-search').locator('input').fill(address);
    await page.getByTestId('global-search').locator('input').press('Enter');
    await page.waitForURL(new RegExp(`q=${address.replace(/\./g, '\\.')}$`));
    const hits = page.getByTestId('search-group-ip').getByTestId('search-hit');
    await expect.poll(() => hits.count()).toBe(1);
    const chain = hits.first().getByTestId('search-chain');
    for (const kind of ['server', 'cabinet', 'customer', 'contract']) await chain.getByTestId(`chain-${kind}`).waitFor();
    expect(await chain.getByTestId('chain-contract').textContent()).toMatch(/^RP-\d{4}-\d{4,}$/);
    expect(await page.getByTestId('search-group-ip').textContent()).toContain('IP 地址');
    await shot(page, 'search-ip-zh');

    await switchLanguage(page);
    await page.getByTestId('search-group-ip').getByText('IP addresses').waitFor();
    await shot(page, 'search-ip-en');
    const customerName = (await chain.getByTestId('chain-customer').textContent())!.trim();

    // click through: the server's page, then back and on to the contract's
    await chain.getByTestId('chain-server').click();
    await page.waitForURL(/\/console\/servers\/[0-9a-f-]{36}$/);
    await page.goBack();
    await chain.getByTestId('chain-contract').click();
    await page.waitForURL(/\/console\/contracts\/[0-9a-f-]{36}$/);
    await page.getByText(customerName).first().waitFor();

    // two characters from the middle of the customer's name find the customer
    await page.getByTestId('global-search').locator('input').fill(customerName.slice(2, 4));
    await page.getByTestId('global-search').locator('input').press('Enter');
    await page.getByTestId('search-group-customer').getByText(customerName).first().waitFor();
    await shot(page, 'search-customer-en');
    await page.close();
  });

  it("a customer's search finds only its own addresses", async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await logIn(page, env.server.url, 'alice');
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('global-search').locator('input').fill('203.0.113.0/24');
    await page.getByTestId('global-search').locator('input').press('Enter');
    await page.waitForURL(/\/portal\/search\?q=/);
    const customers = page.getByTestId('search-group-ip').getByTestId('chain-customer');
    await customers.first().waitFor();
    const names = new Set((await customers.allTextContents()).map((s) => s.trim()));
    expect(names.size).toBe(1);
    await shot(page, 'search-portal-zh');
    await page.getByTestId('search-group-ip').getByTestId('chain-server').first().click();
    await page.waitForURL(/\/portal\/servers\/[0-9a-f-]{36}$/);
    await page.close();
  });
});
