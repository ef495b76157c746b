import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logIn, shot, switchLanguage, useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();

describe('platform in a real browser', () => {
  it('prints the URL and the demo logins on first start', () => {
    expect(env.server.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(env.server.output()).toMatch(/admin.*password: rackpact-demo/s);
  });

  it('shows an admin the full staff navigation, in Chinese by default', async () => {
    const page = await env.browser.newPage();
    await logIn(page, env.server.url, 'admin');
    await page.waitForURL(/\/console$/);
    await page.getByTestId('nav-dashboard').waitFor();
    for (const key of ['dashboard', 'customers', 'users', 'tokens', 'audit']) await expect(page.getByTestId(`nav-${key}`).count()).resolves.toBe(1);
    expect(await page.getByTestId('nav-users').textContent()).toBe('用户');
    await page.getByTestId('nav-users').click();
    await page.getByText('alice').first().waitFor();
    await shot(page, 'admin-users-zh');
    await page.close();
  });

  it('switches to English and remembers it across a reload', async () => {
    const page = await env.browser.newPage();
    await logIn(page, env.server.url, 'admin');
    await page.waitForURL(/\/console$/);
    await switchLanguage(page);
    await expect(page.getByTestId('nav-users').textContent()).resolves.toBe('Users');
    await page.reload();
    await page.getByTestId('nav-users').waitFor();
    expect(await page.getByTestId('nav-users').textContent()).toBe('Users');
    await page.getByTestId('nav-audit').click();
    await page.getByText('Verify hash chain').waitFor();
    await page.getByTestId('audit-verify').click();
    await page.getByText(/Hash chain intact/).waitFor();
    await shot(page, 'admin-audit-en');

    // an anchor on demand (the CLI cannot open the embedded database while the server runs); verify counts it
    const anchored = page.waitForResponse((r) => r.url().endsWith('/api/v1/audit/anchors'));
    await page.getByTestId('audit-anchor').click();
    const { anchor } = (await (await anchored).json()) as { anchor: { seq: number; at: string; file: string } };
    await page.getByText(`Anchor signed at row ${anchor.seq}`).waitFor();
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toMatch(/signed anchors checked: 1$/);

    // the anchor file edited behind the server's back: the page says what, which row, when (Beijing time) and which file
    const original = readFileSync(anchor.file, 'utf8');
    writeFileSync(anchor.file, JSON.stringify({ ...JSON.parse(original), hash: '0'.repeat(64) }));
    const at = new Date(anchor.at).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
    try {
      await page.getByTestId('audit-verify').click();
      const result = page.getByTestId('audit-verify-result');
      await expect.poll(() => result.textContent()).toContain(`An anchor file does not verify (anchor of row ${anchor.seq}, signed ${at} Beijing time)`);
      expect(await result.textContent()).toContain(anchor.file);
      await shot(page, 'admin-audit-anchor-invalid-en');
      // the English toast goes first, so the Chinese screenshot is Chinese throughout
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
      await switchLanguage(page);
      await expect.poll(() => result.textContent()).toContain(`锚点文件校验不通过（第 ${anchor.seq} 行的锚点，北京时间 ${at} 签署）`);
      await shot(page, 'admin-audit-anchor-invalid-zh');
    } finally {
      writeFileSync(anchor.file, original);
    }
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toMatch(/哈希链完整/);
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    await page.close();
  });

  it('shows NOC staff no user administration', async () => {
    const page = await env.browser.newPage();
    await logIn(page, env.server.url, 'noc');
    await page.waitForURL(/\/console$/);
    await page.getByTestId('nav-dashboard').waitFor();
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-tokens').count()).toBe(0);
    expect(await page.getByTestId('nav-customers').count()).toBe(1);
    await shot(page, 'noc-dashboard');
    await page.close();
  });

  it('shows a customer its own company in the portal and nothing of the staff console', async () => {
    const page = await env.browser.newPage();
    await logIn(page, env.server.url, 'alice');
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('customer-name').waitFor();
    expect(await page.getByTestId('customer-name').textContent()).toBe('北京寰宇网络科技有限公司');
    expect(await page.getByTestId('nav-my-company').count()).toBe(1);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await shot(page, 'customer-portal');
    await page.goto(`${env.server.url}/console/users`);
    await page.waitForURL(/\/portal$/);
    await page.close();
  });

  it('shows the server error for a wrong password, in the chosen language', async () => {
    const page = await env.browser.newPage();
    await logIn(page, env.server.url, 'alice', 'wrong-password');
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toContain('登录名或密码错误');
    await shot(page, 'login-error');
    await page.close();
  });
});
