import { describe, expect, it } from 'vitest';
import { logIn, shot, useServerAndBrowser } from './server.js';

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
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('nav-users').textContent()).resolves.toBe('Users');
    await page.reload();
    await page.getByTestId('nav-users').waitFor();
    expect(await page.getByTestId('nav-users').textContent()).toBe('Users');
    await page.getByTestId('nav-audit').click();
    await page.getByText('Verify hash chain').waitFor();
    await page.getByTestId('audit-verify').click();
    await page.getByText(/Hash chain intact/).waitFor();
    await shot(page, 'admin-audit-en');
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
