import { describe, expect, it } from 'vitest';
import { chooseOption, logIn, shot, useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();

describe('tickets in a real browser', () => {
  it('a customer asks for a reboot; NOC answers; the customer sees the reply and the response time', async () => {
    const customer = await env.browser.newPage();
    await logIn(customer, env.server.url, 'alice');
    await customer.waitForURL(/\/portal$/);
    await customer.getByTestId('nav-my-tickets').click();
    await customer.getByTestId('ticket-open').click();
    await chooseOption(customer, customer.locator('#serverId'), 'HY-7XK2Q93');
    await customer.locator('#subject').fill('凌晨重启 R750');
    await customer.locator('.ant-modal-footer .ant-btn-primary').click();
    await customer.locator('.ant-table td', { hasText: '凌晨重启 R750' }).waitFor();

    const noc = await env.browser.newPage();
    await logIn(noc, env.server.url, 'noc');
    await noc.waitForURL(/\/console$/);
    await noc.getByTestId('nav-tickets').click();
    await noc.locator('.ant-table td', { hasText: '凌晨重启 R750' }).click();
    await noc.locator('.ant-drawer textarea').fill('已重启完成');
    await noc.locator('.ant-drawer .ant-btn-primary').click();
    await noc.locator('.ant-drawer .ant-list-item', { hasText: '已重启完成' }).waitFor();
    await shot(noc, 'tickets-noc');

    await customer.reload();
    await customer.locator('.ant-table td', { hasText: '凌晨重启 R750' }).click();
    await customer.locator('.ant-drawer .ant-list-item', { hasText: '已重启完成' }).waitFor();
    expect(await customer.locator('.ant-drawer .ant-tag', { hasText: '已受理' }).count()).toBe(1);
    await shot(customer, 'tickets-customer');
    await noc.close();
    await customer.close();
  });
});
