import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { logIn, shot, switchLanguage, useServerAndBrowser } from './server.js';

/**
 * Issue 22 §5: 导出证据包 on a customer's page — compliance sees the button and gets the zip under the
 * customer's name (正在生成… while it is made); sales does not see it. Screenshots in zh-CN and en.
 */
const env = useServerAndBrowser();

describe('the evidence pack button', () => {
  it('compliance downloads the pack of a demo customer; the button speaks both languages; sales has none', async () => {
    const page = await env.browser.newPage({ acceptDownloads: true });
    await logIn(page, env.server.url, 'compliance');
    await page.waitForURL(/\/console$/);
    await page.getByTestId('nav-customers').click();
    await page.locator('.ant-table a', { hasText: '北京寰宇网络科技有限公司' }).first().click();
    await page.waitForURL(/\/console\/customers\/[0-9a-f-]{36}$/);
    const button = page.getByTestId('evidence-pack');
    await button.waitFor();
    expect((await button.textContent())?.trim()).toBe('导出证据包');
    await shot(page, 'evidence-button-zh-CN');

    const downloaded = page.waitForEvent('download', { timeout: 120_000 });
    await button.click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^证据包-北京寰宇网络科技有限公司-\d{12}\.zip$/);
    const entries = unzipSync(readFileSync((await download.path())!));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['summary.pdf', 'manifest.json', 'manifest.sig', 'public-key.pem']));
    await button.waitFor();

    await switchLanguage(page);
    await page.getByText('Evidence pack').waitFor();
    await shot(page, 'evidence-button-en');
    await page.close();

    const sales = await env.browser.newPage();
    await logIn(sales, env.server.url, 'sales');
    await sales.waitForURL(/\/console$/);
    await sales.getByTestId('nav-customers').click();
    await sales.locator('.ant-table a', { hasText: '北京寰宇网络科技有限公司' }).first().click();
    await sales.getByTestId('customer-name').waitFor();
    expect(await sales.getByTestId('evidence-pack').count()).toBe(0);
    await sales.close();
  }, 240_000);
});
