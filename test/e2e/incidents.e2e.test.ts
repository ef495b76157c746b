import { describe, expect, it } from 'vitest';
import { chooseOption, logIn, shot, useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();

/** "YYYY-MM-DD HH:mm" in Beijing time, as the NOC types it. */
const beijing = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('incidents in a real browser', () => {
  it('NOC records a 50-minute outage of a demo cabinet after the fact; the customer sees 2 hours credited and the new service end', async () => {
    const noc = await env.browser.newPage();
    await logIn(noc, env.server.url, 'noc');
    await noc.waitForURL(/\/console$/);
    await noc.getByTestId('nav-incidents').click();
    await noc.getByTestId('incident-open').click();
    await noc.getByTestId('incident-title').fill('A01 机柜 PDU 跳闸');
    // the scope kind defaults to cabinet; pick the demo cabinet A01
    await chooseOption(noc, noc.locator('#scopeTarget'), 'A01');
    // three hours ago by the server's clock (E2E_CLOCK_START may move it)
    const start = new Date(Math.floor(env.server.now().getTime() / 60_000) * 60_000 - 3 * 3_600_000);
    await noc.getByTestId('incident-started-at').fill(beijing(start));
    await noc.locator('#incident-submit').click();
    await noc.locator('.ant-table td', { hasText: 'A01 机柜 PDU 跳闸' }).click();
    await noc.getByTestId('incident-resolved-at').fill(beijing(new Date(start.getTime() + 50 * 60_000)));
    await noc.getByTestId('incident-resolve').click();
    await noc.locator('.ant-drawer .ant-descriptions-item-content', { hasText: '已恢复' }).waitFor();
    await shot(noc, 'incidents-noc');

    const customer = await env.browser.newPage();
    await logIn(customer, env.server.url, 'alice');
    await customer.waitForURL(/\/portal$/);
    await customer.getByTestId('nav-my-status').click();
    const ledger = customer.locator('[data-testid^="ledger-RP-"]');
    await ledger.getByTestId('ledger-hours').waitFor();
    // 50 minutes, twice over, rounded up to whole hours (7.2)
    expect(await ledger.getByTestId('ledger-hours').textContent()).toBe('2');
    await ledger.locator('.ant-table td', { hasText: '50' }).first().waitFor();
    // the service now ends two hours after 24:00 of the term's last day (Beijing time, to the minute)
    const termEnd = (await ledger.locator('.ant-descriptions-item', { hasText: '期满日' }).locator('.ant-descriptions-item-content').textContent())!.trim();
    const nextDay = new Date(Date.parse(`${termEnd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await ledger.getByTestId('ledger-service-ends').textContent()).toBe(`${nextDay} 02:00`);
    await shot(customer, 'incidents-customer-status');
    await customer.close();
    await noc.close();
  });
});
