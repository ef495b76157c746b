import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, launchBrowser, logIn, shot, startServer, switchLanguage } from './server.js';

/**
 * Issue 21 (site access) in a real browser, on the demo data, as of Thursday 2026-12-03 09:00 in Beijing
 * (a fixed clock: the booking keeps to the opening hours whatever the hour the suite runs at).
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ CLOCK_START: '2026-12-03T09:00:00+08:00' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Nothing on screen may be a raw message key or an ISO instant. */
async function expectNoRawText(text: string) {
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  expect(text).not.toMatch(/\baccess\.[a-zA-Z]+(\.[a-z_]+)?\b/);
  expect(text).not.toMatch(/\broster\.role\.|\b(legal_representative|technical_lead|server_admin)\b/);
}

describe('site access in a real browser', () => {
  it('a customer books a visit, staff approve, the front desk checks the person in and out, the customer sees the record; a release unracks a server', async () => {
    // the customer books a visit for a roster person
    const customer = await browser.newPage();
    await logIn(customer, server.url, 'alice');
    await customer.waitForURL(/\/portal$/);
    await customer.getByTestId('nav-my-visits').click();
    await customer.getByTestId('visit-form').waitFor();
    await chooseOption(customer, customer.locator('#roomId'), '三层 A 区');
    await customer.getByTestId('visit-date').fill('2026-12-03');
    await customer.getByTestId('visit-start').fill('10:00');
    await customer.getByTestId('visit-end').fill('11:30');
    await customer.getByTestId('visit-people').getByText('王磊').click();
    await chooseOption(customer, customer.locator('#serverIds'), 'HY-7XK2Q93');
    await customer.getByTestId('visit-submit').click();
    await customer.getByTestId('visit-table').locator('.ant-tag', { hasText: '待审批' }).waitFor();
    await shot(customer, 'access-portal-booked');

    // NOC approves
    const noc = await browser.newPage();
    await logIn(noc, server.url, 'noc');
    await noc.waitForURL(/\/console$/);
    await noc.getByTestId('nav-visits').click();
    const approve = noc.locator('[data-testid^="visit-approve-"]').first();
    await approve.click();
    await noc.getByTestId('visit-table').locator('.ant-empty, .ant-table-placeholder').first().waitFor();

    // the front desk, on a tablet
    const desk = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await logIn(desk, server.url, 'noc');
    await desk.waitForURL(/\/console$/);
    await desk.goto(`${server.url}/console/front-desk`);
    await desk.getByTestId('check-in-王磊').click();
    // a full ID number cannot even be typed: the field takes four characters
    await desk.getByTestId('check-in-last4').fill('11010519491231002X');
    expect(await desk.getByTestId('check-in-last4').inputValue()).toHaveLength(4);
    await desk.getByTestId('check-in-last4').fill('201X');
    await desk.getByTestId('check-in-escort').fill('李强');
    await desk.locator('.ant-modal-footer .ant-btn-primary').click();
    await desk.getByTestId('check-out-王磊').waitFor();
    expect(await desk.locator('.ant-tag', { hasText: '****201X' }).count()).toBe(1);
    await shot(desk, 'access-front-desk');
    await expectNoRawText(await desk.locator('main, .ant-layout-content').first().innerText());
    await desk.getByTestId('check-out-王磊').click();
    await desk.locator('.ant-tag', { hasText: '离场' }).waitFor();

    // the customer sees the visit record
    await customer.reload();
    const record = customer.getByTestId('visit-table');
    await record.locator('.ant-tag', { hasText: '已批准' }).waitFor();
    await record.locator('.ant-tag', { hasText: '****201X' }).waitFor();
    await record.locator('.ant-tag', { hasText: '离场' }).waitFor();
    const portalText = await customer.locator('.ant-layout-content').first().innerText();
    await expectNoRawText(portalText);
    expect(portalText).toContain('2026-12-03 10:00');
    await shot(customer, 'access-portal-record');

    // a removal: the technical lead authorises the second server's release in the portal, NOC takes it out
    await chooseOption(customer, customer.locator('#serverId'), 'HY-NF52801');
    await chooseOption(customer, customer.locator('#memberId'), '张博');
    await customer.getByTestId('release-submit').click();
    await customer.getByTestId('movement-table').getByText('已授权待出').waitFor();

    await noc.reload();
    await noc.locator('[data-testid^="take-out-E"]').first().click();
    await noc.getByTestId('take-out-holds').getByText('无阻止事项').waitFor();
    await noc.locator('.ant-modal-footer .ant-btn-dangerous').click();
    await noc.getByTestId('movement-table').getByText('已完成').waitFor();
    await shot(noc, 'access-console');
    await expectNoRawText(await noc.locator('.ant-layout-content').first().innerText());

    // the server is off the rack: its page says removed
    await customer.getByTestId('nav-my-servers').click();
    await customer.locator('.ant-table-row', { hasText: 'HY-NF52801' }).getByText('已下架').waitFor();

    // and in English
    const english = await browser.newPage();
    await logIn(english, server.url, 'bob');
    await english.waitForURL(/\/portal$/);
    await switchLanguage(english);
    await english.getByText('Site access').first().waitFor();
    await english.goto(`${server.url}/portal/visits`);
    await english.getByText('Visit log').first().waitFor();
    await english.getByTestId('visit-table').getByText('Approved').waitFor();
    await expectNoRawText(await english.locator('.ant-layout-content').first().innerText());
    await shot(english, 'access-portal-en');
    for (const p of [customer, noc, desk, english]) await p.close();
  });
});
