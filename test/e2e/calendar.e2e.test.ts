import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, shot, startServer, switchLanguage } from './server.js';

/**
 * 28 December 2026: 2027 is still provisional (the State Council's notice is not loaded), so the
 * autumn banner is due. The admin enters 2027 as a notice would state it — 春节 5–13 February with
 * 20 February worked, where the derivation from the holiday law gives 5–10 February — previews the
 * month grid and the difference, saves, and the banner goes away.
 */
const CLOCK_START = '2026-12-28T10:00:00+08:00';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
beforeAll(async () => {
  // the date matters here, so this file keeps its own even when the suite runs at E2E_CLOCK_START
  server = await startServer({ CLOCK_START });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const SOURCE = '国办发明电〔2026〕7号';
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const RAW_KEY = /\b(calendar|tasks|common|nav)\.[a-zA-Z]+/;

/** What a reader sees: no catalog keys, no ISO instants, and only the page's language. */
async function expectReadable(page: Page, language: 'zh' | 'en') {
  // the notice's number is what the admin typed: data, Chinese in either language
  const text = (await page.locator('.ant-layout-content').innerText()).replaceAll(SOURCE, '');
  expect(text).not.toMatch(RAW_KEY);
  expect(text).not.toMatch(ISO_INSTANT);
  // the JSON example is data: its holiday names are Chinese in both languages
  const prose = text.replace(/\{[\s\S]*\}/, '');
  if (language === 'en') expect(prose).not.toMatch(/[\u4e00-\u9fff]/);
  else expect(prose).not.toMatch(/\b(Holiday|Preview|Save|Working day|Weekend|Provisional|January|Source)\b/);
}

const day = (grid: Locator, date: string) => grid.locator(`[data-date="${date}"]`);

async function pickIn(page: Page, date: string) {
  await page.locator(`.ant-picker-dropdown:visible td[title="${date}"]`).first().click();
}

describe('the working-day calendar in a real browser', () => {
  it('shows the banner to admins and NOC from 1 October while next year is provisional, never to a customer', async () => {
    const noc = await browser.newPage();
    await logIn(noc, server.url, 'noc');
    await noc.waitForURL(/\/console$/);
    await noc.getByTestId('calendar-banner').waitFor();
    expect(await noc.getByTestId('calendar-banner').textContent()).toContain('2027 年国务院节假日安排尚未录入');
    await shot(noc, 'calendar-banner-noc-zh');
    await noc.close();

    const customer = await browser.newPage();
    await logIn(customer, server.url, 'alice');
    await customer.waitForURL(/\/portal$/);
    await customer.getByTestId('customer-name').waitFor();
    expect(await customer.getByTestId('calendar-banner').count()).toBe(0);
    await customer.close();
  });

  it('takes today and the pickers from Beijing, not from a browser in Los Angeles', async () => {
    const context = await browser.newContext({ timezoneId: 'America/Los_Angeles' });
    const page = await context.newPage();
    // 01:00 on 28 December in Beijing is still the 27th in Los Angeles
    await page.clock.setFixedTime(new Date('2026-12-28T01:00:00+08:00'));
    await logIn(page, server.url, 'admin');
    await page.waitForURL(/\/console$/);
    await page.getByTestId('nav-tokens').click();
    await page.getByRole('button', { name: /新建|创建/ }).first().click();
    await page.locator('#expiresAt').click();
    expect(await page.locator('.ant-picker-dropdown:visible .ant-picker-header-view').textContent()).toBe('2026年12月');
    await page.locator('.ant-picker-dropdown:visible .ant-picker-now-btn, .ant-picker-dropdown:visible .ant-picker-today-btn').first().click();
    await expect.poll(() => page.locator('#expiresAt').inputValue()).toBe('2026-12-28');
    await context.close();
  });

  it('lets the admin enter 2027 as the State Council notice states it, preview it against the derivation and save it; the banner goes away', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await logIn(page, server.url, 'admin');
    await page.waitForURL(/\/console$/);
    await page.getByTestId('calendar-banner').getByRole('link').click();
    await page.waitForURL(/\/console\/calendar$/);

    // 2027 as derived: 春节 is 除夕 to 初三 (5–8 February), the two that fall on the weekend made up on 9–10 February
    const grid = page.getByTestId('calendar-grid');
    await day(grid, '2027-02-09').waitFor();
    expect(await page.getByTestId('calendar-origin').textContent()).toBe('暂定');
    expect(await page.getByTestId('calendar-provisional').textContent()).toContain('国务院尚未公布该年安排，按《全国年节及纪念日放假办法》推算');
    expect(await day(grid, '2027-02-05').getAttribute('data-kind')).toBe('holiday');
    expect(await day(grid, '2027-02-09').getAttribute('data-kind')).toBe('holiday');
    expect(await day(grid, '2027-02-11').getAttribute('data-kind')).toBe('workday');
    await shot(page, 'calendar-2027-provisional-zh');
    await expectReadable(page, 'zh');

    // the derivation as a starting point, then 春节 as the notice has it
    await page.getByTestId('calendar-fill-derived').click();
    const spring = page.locator('[data-testid^="holiday-row-"]', { has: page.locator('.ant-select', { hasText: '春节' }) });
    // typed as the notice prints them; the make-up day picked on the month the picker opens on (February)
    const [from, to] = [spring.locator('.ant-picker-range input').nth(0), spring.locator('.ant-picker-range input').nth(1)];
    await from.click();
    await from.fill('2027-02-05');
    await from.press('Enter');
    await to.fill('2027-02-13');
    await to.press('Enter');
    await expect.poll(() => to.inputValue()).toBe('2027-02-13');
    await spring.locator('.ant-picker-multiple').click();
    await pickIn(page, '2027-02-20');
    await page.keyboard.press('Escape');
    await page.getByTestId('calendar-source').fill(SOURCE);

    await page.getByTestId('calendar-preview').click();
    const preview = page.getByTestId('calendar-preview-grid');
    await preview.waitFor();
    expect(await day(preview, '2027-02-11').getAttribute('data-kind')).toBe('holiday');
    expect(await day(preview, '2027-02-12').getAttribute('data-kind')).toBe('holiday');
    expect(await day(preview, '2027-02-20').getAttribute('data-kind')).toBe('makeup');
    const diff = page.getByTestId('calendar-preview-diff');
    for (const date of ['2027-02-11', '2027-02-12', '2027-02-20']) await diff.locator('tr', { hasText: date }).waitFor();
    expect(await diff.locator('tr', { hasText: '2027-02-20' }).textContent()).toContain('上班');
    await shot(page, 'calendar-2027-preview-zh');
    await expectReadable(page, 'zh');
    // nothing is saved by a preview
    expect(await page.getByTestId('calendar-origin').textContent()).toBe('暂定');

    await page.getByTestId('calendar-save').click();
    const confirm = page.locator('.ant-modal-confirm:visible');
    expect(await confirm.textContent()).toContain('重新计算');
    await confirm.locator('.ant-btn-primary').click();
    await page.getByTestId('calendar-recomputed').waitFor();
    await expect.poll(() => page.getByTestId('calendar-origin').textContent()).toBe('国务院安排（已录入）');
    await expect.poll(() => page.getByTestId('calendar-banner').count()).toBe(0);
    expect(await day(grid, '2027-02-12').getAttribute('data-kind')).toBe('holiday');
    await shot(page, 'calendar-2027-saved-zh');
    await expectReadable(page, 'zh');

    // the same year in English: names translated, loaded time in Beijing time to the minute
    // (the Chinese "saved" toast goes first, so the English screenshot is English throughout)
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await switchLanguage(page);
    await page.getByText('State Council schedule (loaded)').waitFor();
    expect(await page.getByTestId('calendar-grid').textContent()).toContain('Spring Festival');
    await shot(page, 'calendar-2027-saved-en');
    await expectReadable(page, 'en');

    // a later year is still provisional, explained in English; a refusal names the field and the reason
    await page.getByTestId('calendar-year').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2028 (provisional)' }).click();
    await page.getByTestId('calendar-provisional').waitFor();
    expect(await page.getByTestId('calendar-provisional').textContent()).toContain('has not published');
    await page.getByTestId('holiday-add').click();
    const row = page.getByTestId('holiday-row-0');
    await row.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Spring Festival' }).click();
    const [from28, to28] = [row.locator('.ant-picker-range input').nth(0), row.locator('.ant-picker-range input').nth(1)];
    await from28.click();
    await from28.fill('2028-01-25');
    await from28.press('Enter');
    await to28.fill('2028-01-31');
    await to28.press('Enter');
    await expect.poll(() => to28.inputValue()).toBe('2028-01-31');
    await row.locator('.ant-picker-multiple').click();
    await pickIn(page, '2028-02-01'); // a Tuesday: not a make-up day
    await page.keyboard.press('Escape');
    await page.getByTestId('calendar-preview').click();
    await row.locator('.ant-form-item-explain-error', { hasText: 'not a Saturday or Sunday' }).waitFor();
    await shot(page, 'calendar-2028-refused-en');
    await expectReadable(page, 'en');

    // 2028 as derived: 中秋 (3 October) inside 国庆 is one block, shown with both names, and previews as it is
    await page.getByTestId('calendar-fill-derived').click();
    const joint = page.locator('[data-testid^="holiday-row-"]', { has: page.locator('.ant-select', { hasText: 'National Day and Mid-Autumn Festival' }) });
    expect(await joint.locator('.ant-picker-range input').nth(0).inputValue()).toBe('2028-10-01');
    expect(await joint.locator('.ant-picker-range input').nth(1).inputValue()).toBe('2028-10-05');
    await page.getByTestId('calendar-preview').click();
    const preview28 = page.getByTestId('calendar-preview-grid');
    await preview28.waitFor();
    expect(await day(preview28, '2028-10-05').getAttribute('data-kind')).toBe('holiday');
    expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    await shot(page, 'calendar-2028-joint-en');
    await switchLanguage(page);
    await page.close();

    // NOC no longer sees the banner either
    const noc = await browser.newPage();
    await logIn(noc, server.url, 'noc');
    await noc.waitForURL(/\/console$/);
    await noc.getByTestId('nav-dashboard').waitFor();
    await noc.waitForLoadState('networkidle');
    expect(await noc.getByTestId('calendar-banner').count()).toBe(0);
    await noc.close();
  });
});
