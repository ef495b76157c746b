// Issue 15: the content security policy must not break the web app or Swagger UI in a real browser.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { logIn, SCREENSHOT_DIR, useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();

/** Console messages Chromium prints when the policy refuses something. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

describe('security headers in a real browser', () => {
  it('runs the web app under its policy without a single refusal', async () => {
    const page = await env.browser.newPage();
    const violations = cspViolations(page);
    const response = await page.goto(`${env.server.url}/login`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await logIn(page, env.server.url, 'admin');
    await page.waitForURL(/\/console$/);
    await page.getByTestId('nav-users').click();
    await page.getByText('alice').first().waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });

  it('shows Swagger UI to signed-in staff under the same policy', async () => {
    const page = await env.browser.newPage();
    const violations = cspViolations(page);
    await logIn(page, env.server.url, 'admin');
    await page.waitForURL(/\/console$/);
    await page.goto(`${env.server.url}/api/docs/`);
    await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 30_000 });
    // the top of the page: the document is long
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'swagger-ui-staff.png') });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('keeps the API document from anonymous visitors', async () => {
    const res = await fetch(`${env.server.url}/api/openapi.json`);
    expect(res.status).toBe(401);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
