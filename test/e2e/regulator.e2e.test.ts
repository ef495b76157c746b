import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, logIn, shot, switchLanguage, useServerAndBrowser } from './server.js';

/**
 * Issue 22 §1–3 in a real browser, on the demo data: the compliance officer checks the basic data, exports
 * it, downloads the zip and records the regulator's acceptance; the change register shows it; the page in
 * Chinese and in English, nothing raw on screen.
 */
const ctx = useServerAndBrowser();

/** Nothing on screen may be a raw message key, an enum value or an ISO instant. */
async function expectReadable(page: Page) {
  const text = await page.locator('main, .ant-layout-content').first().innerText();
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  expect(text).not.toMatch(/\bregulator\.[a-zA-Z]+/);
  expect(text).not.toMatch(/\b(ip_segment|self_built|icp_filing|acknowledged|incremental)\b/);
}

describe('the regulator page in a real browser', () => {
  it('compliance checks the basic data, exports, downloads and marks the export acknowledged (zh-CN and en)', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await logIn(page, ctx.server.url, 'compliance');
    await page.waitForURL(/\/console$/);
    await page.getByTestId('nav-regulator').click();
    await page.waitForURL(/\/console\/regulator/);

    // 基础数据: one record kind at a time, then the checks before reporting
    await page.getByTestId('regulator-register').locator('.ant-table-row').first().waitFor();
    await chooseOption(page, page.getByTestId('regulator-kind'), /^IP 地址段/);
    await page.getByTestId('regulator-register').getByText('静态分配').first().waitFor();
    await page.getByTestId('regulator-validate').click();
    await page.locator('[data-testid="regulator-valid"], [data-testid="regulator-invalid"]').first().waitFor();
    expect(await page.getByTestId('regulator-valid').count(), await page.locator('[data-testid="regulator-invalid"]').innerText().catch(() => '')).toBe(1);
    await expectReadable(page);
    await shot(page, 'regulator-register-zh');

    // 报送导出: a full export, downloaded, then the regulator's answer recorded
    await page.getByTestId('regulator-tab-exports').click();
    await page.getByTestId('regulator-export-full').click();
    const row = page.getByTestId('regulator-exports').locator('.ant-table-row').first();
    await row.getByText('待回执').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByText('下载').click()]);
    expect(download.suggestedFilename()).toMatch(/^rackpact-regulator-full-\d{8}T\d{6}Z-[0-9a-f]{8}\.zip$/);
    await row.getByRole('button', { name: '登记回执' }).click();
    const form = page.getByTestId('regulator-decide-form');
    await form.waitFor();
    // a rejection asks for its reason; the regulator accepted this one
    await chooseOption(page, page.getByTestId('regulator-decision'), '退回');
    await page.getByTestId('regulator-reject-reason').waitFor();
    await chooseOption(page, page.getByTestId('regulator-decision'), '已接收');
    await page.getByTestId('regulator-result-code').fill('0');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await row.getByText('管局已接收').waitFor();
    await expect.poll(() => row.innerText()).toContain('0');
    await expectReadable(page);
    await shot(page, 'regulator-exports-zh');

    // 变更登记: the changes it carried are acknowledged with the result code
    await page.getByTestId('regulator-tab-changes').click();
    await chooseOption(page, page.getByTestId('regulator-change-status'), '管局已接收');
    await page.getByTestId('regulator-changes').locator('.ant-table-row').first().waitFor();
    expect(await page.getByTestId('regulator-changes').getByText('待报送').count()).toBe(0);
    await expectReadable(page);
    await shot(page, 'regulator-changes-zh');

    await page.getByTestId('regulator-tab-findings').click();
    await page.getByTestId('regulator-findings').waitFor();
    await shot(page, 'regulator-findings-zh');
    await page.getByTestId('regulator-tab-settings').click();
    await expect.poll(() => page.getByTestId('regulator-licence').inputValue()).toBe('B1.B2-20180001');
    await shot(page, 'regulator-settings-zh');

    // the same in English
    await switchLanguage(page);
    await page.getByTestId('regulator-tab-register').getByText('Basic data').waitFor();
    await page.getByTestId('regulator-tab-register').click();
    await chooseOption(page, page.getByTestId('regulator-kind'), /^IP segment/);
    await page.getByTestId('regulator-register').getByText('Static').first().waitFor();
    await page.getByTestId('regulator-validate').click();
    await page.getByTestId('regulator-valid').getByText('All checks passed').waitFor();
    await expectReadable(page);
    await shot(page, 'regulator-register-en');
    await page.getByTestId('regulator-tab-exports').click();
    await page.getByTestId('regulator-exports').getByText('Accepted').first().waitFor();
    await expectReadable(page);
    await shot(page, 'regulator-exports-en');
    await page.getByTestId('regulator-tab-changes').click();
    await page.getByTestId('regulator-changes').locator('.ant-table-row').first().waitFor();
    await expectReadable(page);
    await shot(page, 'regulator-changes-en');
    await page.getByTestId('regulator-tab-settings').click();
    await page.getByTestId('regulator-settings').waitFor();
    await shot(page, 'regulator-settings-en');
  });
});
