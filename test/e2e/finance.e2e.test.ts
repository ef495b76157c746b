import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, SCREENSHOT_DIR, shot, switchLanguage, useServerAndBrowser } from './server.js';

/** The finance desk (issue 20 item 4) in a real browser, on the demo data, in both languages. */
const env = useServerAndBrowser();

const shanghaiToday = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** No raw message key and no ISO instant on screen. */
async function expectReadable(page: Page) {
  const text = await page.locator('main, .ant-layout-content').first().innerText();
  expect(text).not.toMatch(/\b(finance|billing|nav)\.[a-zA-Z_.]+/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
}

async function api<T>(page: Page, path: string): Promise<T> {
  return (await page.request.get(`${env.server.url}/api/v1${path}`)).json() as Promise<T>;
}

describe('the finance desk', () => {
  it('receivables with aging, a bank statement reviewed then recorded once, payments and the statement', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, env.server.url, 'finance');
    await page.waitForURL(/\/console$/);

    // 应收账款: the buckets and the open invoices of the demo
    await page.getByTestId('nav-receivables').click();
    await page.waitForURL(/\/console\/receivables$/);
    await page.getByTestId('bucket-not_due').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    const receivables = await api<{ items: { invoiceId: string; number: string; customerName: string; outstandingFen: number }[] }>(page, '/billing/receivables');
    expect(receivables.items.length).toBeGreaterThan(0);
    expect(await page.locator('.ant-table-row').count()).toBe(receivables.items.length);
    await expectReadable(page);
    await shot(page, 'finance-receivables-zh');

    // 银行流水导入: one line names an open invoice with what it owes, one is unknown
    const target = receivables.items[0];
    const yuan = (target.outstandingFen / 100).toFixed(2);
    const csv = `交易日期,贷方金额,对方户名,附言\n${shanghaiToday(env.server.now())},${yuan},${target.customerName},货款 ${target.number}\n${shanghaiToday(env.server.now())},99.00,不相干的公司,其他\n`;
    const file = join(mkdtempSync(join(tmpdir(), 'bank-')), 'icbc-statement.csv');
    writeFileSync(file, csv);
    const before = (await api<{ items: unknown[] }>(page, '/billing/payments')).items.length;
    await page.getByTestId('nav-bank-import').click();
    await page.waitForURL(/\/console\/bank-import$/);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.locator('.ant-table-row', { hasText: target.number }).waitFor();
    // the preview recorded nothing; the sure line is ticked, the unknown one is not
    expect((await api<{ items: unknown[] }>(page, '/billing/payments')).items.length).toBe(before);
    const rows = page.locator('.ant-table-tbody .ant-table-row');
    expect(await rows.nth(0).locator('input[type=checkbox]').isChecked()).toBe(true);
    expect(await rows.nth(1).locator('input[type=checkbox]').isChecked()).toBe(false);
    await expectReadable(page);
    await shot(page, 'finance-bank-import-zh');
    await page.getByTestId('bank-record').click();
    await page.locator('.rp-confirm-ok').click();
    await page.getByTestId('bank-results').filter({ hasText: '已登记 1 笔' }).waitFor();
    expect((await api<{ items: unknown[] }>(page, '/billing/payments')).items.length).toBe(before + 1);
    // the same file again: the line shows as recorded, and nothing can be recorded twice
    await page.locator('input[type=file]').setInputFiles(file);
    await page.locator('.ant-table-row', { hasText: '已登记过' }).waitFor();
    expect(await page.getByTestId('bank-record').isDisabled()).toBe(true);
    await shot(page, 'finance-bank-import-recorded-zh');

    // 收款记录: the imported payment, who recorded it, and the CSV
    await page.getByTestId('nav-payments').click();
    await page.waitForURL(/\/console\/payments$/);
    await page.locator('.ant-table-row', { hasText: `货款 ${target.number}` }).filter({ hasText: '财务 陈芳' }).filter({ hasText: '银行流水导入' }).waitFor();
    const csvOut = await page.request.get(`${env.server.url}/api/v1/billing/payments/export.csv`);
    expect(await csvOut.text()).toContain(`货款 ${target.number}`);
    await expectReadable(page);
    await shot(page, 'finance-payments-zh');

    // 对账单: the customer's balance, with its PDF
    await page.getByTestId('nav-statement').click();
    await page.waitForURL(/\/console\/statement$/);
    await page.getByTestId('statement-customer').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: target.customerName }).click();
    await page.getByTestId('statement-closing').waitFor();
    const pdfHref = await page.getByTestId('statement-pdf').getAttribute('href');
    const pdf = await page.request.get(`${env.server.url}${pdfHref}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    writeFileSync(join(SCREENSHOT_DIR, 'finance-statement.pdf'), await pdf.body());
    // the payment notice of the invoice just paid, as the customer's accountant gets it
    const notice = await page.request.get(`${env.server.url}/api/v1/invoices/${receivables.items[0].invoiceId}/document`);
    writeFileSync(join(SCREENSHOT_DIR, 'finance-payment-notice.pdf'), await notice.body());
    await expectReadable(page);
    await shot(page, 'finance-statement-zh');

    // the same pages in English
    await switchLanguage(page);
    await page.getByText('Closing balance').waitFor();
    await expectReadable(page);
    await shot(page, 'finance-statement-en');
    await page.getByTestId('nav-receivables').click();
    await page.waitForURL(/\/console\/receivables$/);
    await page.getByText('Not due').first().waitFor();
    await expectReadable(page);
    await shot(page, 'finance-receivables-en');
    await page.getByTestId('nav-payments').click();
    await page.waitForURL(/\/console\/payments$/);
    await page.locator('.ant-table-row', { hasText: `货款 ${target.number}` }).filter({ hasText: 'Bank import' }).waitFor();
    await expectReadable(page);
    await shot(page, 'finance-payments-en');
    await page.getByTestId('nav-bank-import').click();
    await page.waitForURL(/\/console\/bank-import$/);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.locator('.ant-table-row', { hasText: 'Already recorded' }).waitFor();
    await expectReadable(page);
    await shot(page, 'finance-bank-import-en');
    await page.close();
  });

  it('a customer sees its own statement, and not the finance pages', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, env.server.url, 'alice');
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('nav-my-statement').click();
    await page.getByTestId('statement-closing').waitFor();
    expect(await page.getByTestId('nav-receivables').count()).toBe(0);
    expect((await page.request.get(`${env.server.url}/api/v1/billing/receivables`)).status()).toBe(403);
    await expectReadable(page);
    await shot(page, 'finance-portal-statement-zh');
    await page.close();
  });
});
