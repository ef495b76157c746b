/**
 * Issue 24 in a real browser: a staff member enrols TOTP (REQUIRE_2FA_STAFF=on sends them to the
 * account page first) and signs in with it; a customer's owner invites a colleague, the invitation
 * arrives at a local SMTP receiver, the colleague accepts and sees only the roles given.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { totpAt } from '../../src/modules/auth/totp.js';
import { startSmtp, type SmtpReceiver } from '../harness/smtp.js';
import { launchBrowser, logIn, shot, startServer } from './server.js';

let smtp: SmtpReceiver;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ REQUIRE_2FA_STAFF: 'on', SMTP_URL: smtp.url, JOBS: 'on' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe('accounts in a real browser', () => {
  it('a staff member enrols TOTP and signs in with it', async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, 'noc');
    // REQUIRE_2FA_STAFF: the account page until a factor is enrolled
    await page.waitForURL(/\/console\/account$/);
    await page.getByTestId('enrolment-required').waitFor();
    await page.getByTestId('totp-begin').click();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await shot(page, 'account-totp-enrol');
    await page.getByTestId('totp-code').fill(totpAt(secret, server.now()));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('code').count()).toBe(10);
    await page.getByTestId('totp-on').waitFor();
    await page.getByTestId('nav-dashboard').click();
    await page.waitForURL(/\/console$/);
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);

    // signing in again: the password, then a code (the next step's: the one used to enrol cannot be replayed)
    await logIn(page, server.url, 'noc');
    await page.getByTestId('login-second-factor').waitFor();
    await page.getByTestId('login-second-factor').fill('000000');
    await page.getByTestId('login-second-submit').click();
    await page.getByTestId('login-error').waitFor();
    await page.getByTestId('login-second-factor').fill(totpAt(secret, new Date(server.now().getTime() + 30_000)));
    await page.getByTestId('login-second-submit').click();
    await page.waitForURL(/\/console$/);
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me).toMatchObject({ login: 'noc', factors: ['totp', 'recovery'], enrolmentRequired: false });
    await page.close();
  }, 120_000);

  it("the customer's owner invites a colleague by e-mail; the colleague accepts and has only the roles given", async () => {
    const owner = await browser.newPage();
    await logIn(owner, server.url, 'alice');
    await owner.waitForURL(/\/portal$/);
    await owner.getByTestId('nav-team').click();
    await owner.waitForURL(/\/portal\/team$/);
    await owner.getByTestId('team-invite').click();
    await owner.getByTestId('invite-email').fill('zhao.gong@huanyu.example');
    await owner.getByTestId('invite-name').fill('赵工');
    await owner.locator('#invite-send').click();
    await owner.getByTestId('invitation-open').waitFor();
    await shot(owner, 'portal-team-invited');

    const mail = await waitFor(async () => {
      for (const m of smtp.received) {
        if (!m.to.includes('zhao.gong@huanyu.example')) continue;
        const parsed = await simpleParser(m.raw);
        return { subject: parsed.subject ?? '', text: parsed.text ?? '' };
      }
      return undefined;
    }, 150_000);
    expect(mail.subject).toContain('邀请您加入');
    expect(mail.text).toContain('技术联系人');
    const path = /\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)![0];

    const colleague = await (await browser.newContext()).newPage();
    await colleague.goto(`${server.url}${path}`);
    await colleague.getByTestId('invite-login').fill('zhao.gong');
    await colleague.getByTestId('invite-password').fill('Huanyu#river-lantern-88');
    await colleague.getByTestId('invite-accept').click();
    await colleague.getByText('zhao.gong').first().waitFor();
    // the link works once
    await colleague.goto(`${server.url}${path}`);
    await colleague.getByTestId('invite-error').waitFor();

    await logIn(colleague, server.url, 'zhao.gong', 'Huanyu#river-lantern-88');
    await colleague.waitForURL(/\/portal$/);
    const me = await colleague.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me).toMatchObject({ login: 'zhao.gong', kind: 'customer', roles: ['technical'] });
    // the team page is the owner's: not in a technical contact's navigation, and its API refuses them
    expect(await colleague.getByTestId('nav-team').count()).toBe(0);
    const status = await colleague.evaluate(async (id) => (await fetch(`/api/v1/customers/${id}/team`)).status, me.customerId);
    expect(status).toBe(403);
    await shot(colleague, 'portal-invited-colleague');

    await owner.reload();
    await owner.getByTestId('invitation-accepted').waitFor();
    await owner.close();
  }, 240_000);

  it('a customer user registers a passkey with Chromium’s virtual authenticator and signs in with it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // WebAuthn binds a passkey to a host name (not an IP address): the same server as localhost
    const url = server.url.replace('127.0.0.1', 'localhost');
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await logIn(page, url, 'bob');
    await page.waitForURL(/\/portal$/);
    await page.goto(`${url}/portal/account`);
    await page.getByTestId('passkey-add').click();
    await page.getByTestId('passkey-item').waitFor();
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0].isResidentCredential).toBe(true);
    await shot(page, 'account-passkey-registered');
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);

    // no login, no password: the passkey alone
    await page.getByTestId('login-passkey').click();
    await page.waitForURL(/\/portal$/);
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me).toMatchObject({ login: 'bob', kind: 'customer', factors: ['passkey'] });
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(after.credentials[0].signCount).toBeGreaterThan(0);
    await context.close();
  }, 120_000);
});
