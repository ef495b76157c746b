import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, shot, startServer } from './server.js';

/**
 * Issue 19 §8 / issue 20 §6: a contract PDF downloaded from the contract page shows its progress
 * (正在生成…) while the server prints it, then arrives as a file under the server's name; a cancelled
 * download saves nothing. The server runs with its document printer warmed at start (PDF_WARM=on).
 *
 * The document's response is held in the browser (page.route, the server's own answer passed on once
 * released) so that the progress is on screen for as long as the test looks at it, on any machine.
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ PDF_WARM: 'on' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Holds the answers to requests matching `pattern` until release() (the server's real response, fetched meanwhile). */
async function hold(page: Page, pattern: RegExp) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let seen!: () => void;
  const requested = new Promise<void>((resolve) => (seen = resolve));
  await page.route(pattern, async (route: Route) => {
    seen();
    const response = await route.fetch();
    await released;
    await route.fulfill({ response }).catch(() => undefined); // a cancelled request is gone
  });
  return { release, requested };
}

async function openFirstContract(page: Page) {
  await logIn(page, server.url, 'alice');
  await page.waitForURL(/\/portal$/);
  await page.getByTestId('nav-my-contracts').click();
  await page.locator('.ant-table a', { hasText: /^RP-\d{4}-0001$/ }).click();
  await page.getByTestId('contract-number').waitFor();
  return (await page.getByTestId('contract-number').textContent())!.trim();
}

describe('documents in a real browser', () => {
  it('clicking the contract PDF shows 正在生成… with a cancel, then saves the PDF under its name', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const number = await openFirstContract(page);
    // the warm printer was started in the background once the server listened (issue 19 §8)
    expect(server.output()).not.toContain('document printer: Chromium did not start');

    const held = await hold(page, /\/api\/v1\/contracts\/[^/]+\/document\?format=pdf$/);
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('contract-pdf').click();
    await held.requested;
    const progress = page.getByTestId('contract-pdf-progress');
    await progress.waitFor();
    expect(await progress.textContent()).toContain('正在生成…');
    expect(await page.getByTestId('contract-pdf-cancel').isVisible()).toBe(true);
    await shot(page, 'documents-contract-pdf-generating');
    held.release();

    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`${number}-服务器托管协议.pdf`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', (await download.path())!, '-'], { encoding: 'utf8' });
    expect(text).toContain(number);
    // the progress goes once the file is saved; the button is back
    await progress.waitFor({ state: 'detached' });
    expect(await page.getByTestId('contract-pdf').isVisible()).toBe(true);
    await shot(page, 'documents-contract-pdf-saved');
    await page.close();
  });

  it('a cancelled Word download saves nothing and leaves the button ready again', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await openFirstContract(page);
    const held = await hold(page, /\/api\/v1\/contracts\/[^/]+\/document\?format=docx$/);
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await page.getByTestId('contract-docx').click();
    await held.requested;
    await page.getByTestId('contract-docx-progress').waitFor();
    await page.getByTestId('contract-docx-cancel').click();
    await page.getByTestId('contract-docx-progress').waitFor({ state: 'detached' });
    held.release();
    // the held answer arrives after the cancel: nothing is saved, and no error is shown
    await page.waitForLoadState('networkidle');
    expect(downloads).toBe(0);
    expect(await page.locator('.ant-message-error').count()).toBe(0);
    // and the next click downloads
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('contract-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/服务器托管协议\.docx$/);
    await page.close();
  });
});
