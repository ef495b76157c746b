import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, logIn, shot, switchLanguage, useServerAndBrowser } from './server.js';

/**
 * Issue 20 §5: the 告警通道 page in a real browser — an admin adds a signed webhook pointing at a local
 * receiver, sends a test (the receiver checks the signature), routes an event kind to it, and sees the
 * delivery's status; in both languages.
 */
const env = useServerAndBrowser();
const SECRET = 'e2e-hook-secret-0123456789';
let receiver: Server;
let port = 0;
const received: { delivery: string; event: string }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const ok = req.headers['x-rackpact-signature'] === `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      if (ok) received.push({ delivery: String(req.headers['x-rackpact-delivery']), event: (JSON.parse(body) as { event: string }).event });
      res.writeHead(ok ? 200 : 401).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe('告警通道 (alert channels) in a real browser', () => {
  it('adds a webhook, sends a test that arrives signed, routes an event kind to it — in Chinese and English', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await logIn(page, env.server.url, 'admin');
    await page.waitForURL(/\/console$/);
    await page.getByTestId('nav-alert-channels').click();
    await page.getByRole('heading', { name: '告警通道' }).waitFor();

    await page.getByTestId('alert-channel-add').click();
    const dialog = page.locator('.ant-modal');
    await chooseOption(page, dialog.locator('.ant-select').first(), '通用 Webhook');
    await dialog.locator('#name').fill('值班系统');
    await dialog.locator('#url').fill(`http://127.0.0.1:${port}/hook?token=abcdefgh123`);
    await dialog.locator('#secret').fill(SECRET);
    // antd spaces out a two-character label (保 存)
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const row = page.locator('.ant-table-row', { hasText: '值班系统' });
    await row.waitFor();
    // the URL's query value is cut, the secret never shown
    expect(await row.textContent()).toContain('token=abcd…');
    expect(await page.content()).not.toContain(SECRET);

    await row.getByRole('button', { name: '发送测试' }).click();
    await page.getByText('测试消息已发到“值班系统”').waitFor();
    expect(received.map((r) => r.event)).toEqual(['test']);

    // route urgent reboot tickets for the NOC to it
    await page.getByTestId('alert-cell-ticket.urgentReboot-noc').click();
    await page.locator('.ant-select-item-option[title="值班系统"]').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('alert-matrix-save').click();
    await page.getByText('订阅已保存').waitFor();

    await page.getByTestId('alert-deliveries-refresh').click();
    await page.locator('.ant-table-row', { hasText: '测试消息' }).getByText('已送达').waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await shot(page, 'alert-channels-zh');

    await switchLanguage(page);
    await page.getByRole('heading', { name: 'Alert channels' }).waitFor();
    await page.locator('.ant-table-row', { hasText: 'Test message' }).getByText('Delivered').waitFor();
    await shot(page, 'alert-channels-en');

    // the matrix was saved: a reload shows the channel in the NOC's cell
    await page.reload();
    await page.getByTestId('alert-cell-ticket.urgentReboot-noc').getByText('值班系统').waitFor();
    await page.close();
  });
});
