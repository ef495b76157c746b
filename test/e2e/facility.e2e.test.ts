import { describe, expect, it } from 'vitest';
import { logIn, shot, useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();

describe('facility in a real browser', () => {
  it('shows NOC every server with its customer and the rack elevation with both faces', async () => {
    const page = await env.browser.newPage();
    await logIn(page, env.server.url, 'noc');
    await page.waitForURL(/\/console$/);
    await page.getByTestId('nav-servers').click();
    await page.locator('.ant-table td', { hasText: 'HY-7XK2Q93' }).waitFor();
    expect(await page.locator('.ant-table td', { hasText: '上海蓝山数据有限公司' }).count()).toBe(1);
    // the addresses load after the servers: wait for them rather than count too early
    await expect.poll(() => page.locator('.ant-table .ant-tag', { hasText: /^203\.0\.113\./ }).count(), { timeout: 15_000 }).toBe(3);
    await shot(page, 'facility-noc-servers');
    await page.getByTestId('nav-racks').click();
    await page.getByTestId('elevation').waitFor();
    const src = (await page.getByTestId('elevation').getAttribute('src'))!;
    const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    expect(svg).toContain('正面');
    expect(svg).toContain('背面');
    expect(svg).toContain('上海蓝山数据有限公司');
    await shot(page, 'facility-noc-elevation');
    await page.close();
  });

  it("shows a customer its own servers and addresses, and other customers' U only as occupied", async () => {
    const page = await env.browser.newPage();
    await logIn(page, env.server.url, 'alice');
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('nav-my-servers').click();
    await page.locator('.ant-table td', { hasText: 'HY-7XK2Q93' }).waitFor();
    expect(await page.locator('.ant-table td', { hasText: 'LS-2102313' }).count()).toBe(0);
    await page.getByTestId('nav-my-racks').click();
    await page.getByTestId('elevation').waitFor();
    const src = (await page.getByTestId('elevation').getAttribute('src'))!;
    const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    expect(svg).toContain('HY-7XK2Q93');
    expect(svg).toContain('已占用');
    expect(svg).not.toContain('上海蓝山');
    expect(svg).not.toContain('LS-2102313');
    await shot(page, 'facility-customer-elevation');
    await page.close();
  });
});
