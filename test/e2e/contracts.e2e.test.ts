import { describe, expect, it } from 'vitest';
import { logIn, shot, useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();

describe('contracts in a real browser', () => {
  it('shows a customer its active contract, invoice and commissioning order, and downloads the PDF and Word documents', async () => {
    const page = await env.browser.newPage();
    await logIn(page, env.server.url, 'alice');
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('nav-my-contracts').click();
    await page.locator('.ant-table a', { hasText: /^RP-\d{4}-0001$/ }).click();
    await page.getByTestId('contract-number').waitFor();
    await page.locator('.ant-tag', { hasText: '履行中' }).first().waitFor();
    expect(await page.locator('.ant-table td', { hasText: '-F01' }).count()).toBe(1);
    await shot(page, 'contracts-portal-detail');
    const pdf = await page.request.get(`${env.server.url}${await page.getByRole('link', { name: '下载 PDF' }).getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await page.request.get(`${env.server.url}${await page.getByRole('link', { name: '下载 Word' }).getAttribute('href')}`);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    await page.close();
  });
});
