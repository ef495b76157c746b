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
const DOMAIN = { name: 'www.qingning.cn', filing: '浙ICP备2024012345号-1' };
const FEE = '24,000.00';
const SITE = { code: 'HZ-WS', name: '杭州文三机房', address: '杭州市西湖区文三路 90 号', accessPoint: '文三电信机房' };
const ROOM = { name: '二层 B 区' };
const CABINET = { code: 'B01' };
const SWITCH = { name: 'HZ-WS-B01-SW1', model: 'H3C S5130-28S', ports: 24 };
const POOL = { name: 'HZ-WS 公网 v4', prefix: '198.51.100.0/24', gateway: '198.51.100.1', vlan: 200, addressPattern: /^198\.51\.100\.\d+$/ };

/** A 1×1 PNG (the seal) and a one-page PDF (every scan): real files of the accepted types. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });

const env = {} as { server: Awaited<ReturnType<typeof startServer>>; browser: Browser };
/** What later steps need from earlier ones (numbers the UI gave out). */
const found = { contractNumber: '', address: '' };
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

/**
 * Opens a select and picks the option with this text (the dropdown is portalled to the body), then checks that
 * the select shows it — options that arrive late (loaded after another field changed) are picked again.
 */
async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  const shown = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]').locator('.ant-select-content').filter({ hasText: option });
  const deadline = Date.now() + WAIT;
  // a second click on a multiple select's option would take it out again: click only while it is not shown
  while (!(await shown.count())) {
    if (Date.now() > deadline) throw new Error(`the select never showed ${String(option)}`);
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    await shown.waitFor({ timeout: 5_000 }).catch(() => undefined); // the options may have been replaced meanwhile: try again
  }
  // a multiple select stays open: a click on the dialog's title closes it
  const open = page.locator('.ant-select-dropdown:visible');
  if (await open.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => false, () => true)) await modal(page).locator('.ant-modal-title').click();
  await open.waitFor({ state: 'hidden' });
}

/** The customer's guided checklist (issue 18 §2): staff open the customer, the customer its portal. */
async function openChecklist(page: Page, who: 'staff' | 'customer'): Promise<void> {
  if (who === 'staff') {
    await page.getByTestId('nav-customers').click();
    await page.getByRole('link', { name: CUSTOMER.name }).click();
  } else await page.getByTestId('nav-my-company').click();
  await page.getByTestId('onboarding-checklist').waitFor();
}

/** Waits until a checklist step is in this state (the list reloads when the page changes it). */
async function stepState(page: Page, key: string, state: 'done' | 'todo' | 'blocked'): Promise<void> {
  await expect.poll(() => page.getByTestId(`onboarding-step-${key}`).getAttribute('data-state'), { timeout: WAIT }).toBe(state);
}

/** From the checklist: the step is to do, and its link leads to the page where it is done. */
async function follow(page: Page, who: 'staff' | 'customer', key: string): Promise<void> {
  await openChecklist(page, who);
  await stepState(page, key, 'todo');
  await page.getByTestId(`onboarding-step-${key}`).scrollIntoViewIfNeeded();
  await snap(page, `checklist-${key}`);
  await page.getByTestId(`onboarding-link-${key}`).click();
}

/** Back on the checklist, the step is done. */
async function confirmDone(page: Page, who: 'staff' | 'customer', ...keys: string[]): Promise<void> {
  await openChecklist(page, who);
  for (const key of keys) await stepState(page, key, 'done');
}

/** Submits the open dialog and waits until it has closed (a refusal keeps it open and fails the wait). */
async function submitDialog(page: Page): Promise<void> {
  await okButton(page).click();
  await modal(page).waitFor({ state: 'detached' });
}

const shanghaiToday = () => new Date(env.server.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

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
      await modal(page).locator('#password').fill(STAFF_PASSWORD);
      await submitDialog(page);
      await page.locator('.ant-table-row', { hasText: s.login }).waitFor();
    }
    await snap(page, 'staff');
    await done(page);
  });

  it('NOC builds the data centre in the inventory: a site, a room, a cabinet, a switch with its ports, an IP pool', async () => {
    const page = await as(STAFF.noc.login, STAFF_PASSWORD);
    await page.getByTestId('nav-inventory').click();
    await snap(page, 'inventory-empty');
    const newRow = (text: string) => page.locator('.ant-table-row', { hasText: text });

    await page.getByTestId('inventory-tab-sites').click();
    await page.getByTestId('inventory-new-site').click();
    await page.getByTestId('site-code').fill(SITE.code);
    await page.getByTestId('site-name').fill(SITE.name);
    await page.getByTestId('site-address').fill(SITE.address);
    await page.getByTestId('site-access-point').fill(SITE.accessPoint);
    await snap(page, 'inventory-site');
    await submitDialog(page);
    await newRow(SITE.code).waitFor();

    await page.getByTestId('inventory-tab-rooms').click();
    await page.getByTestId('inventory-new-room').click();
    await choose(page, page.getByTestId('room-site'), SITE.name);
    await page.getByTestId('room-name').fill(ROOM.name);
    await submitDialog(page);
    await newRow(ROOM.name).waitFor();

    await page.getByTestId('inventory-tab-cabinets').click();
    await page.getByTestId('inventory-new-cabinet').click();
    await choose(page, page.getByTestId('cabinet-room'), ROOM.name);
    await page.getByTestId('cabinet-code').fill(CABINET.code);
    await page.getByTestId('cabinet-row').fill('B');
    await page.getByTestId('cabinet-column').fill('1');
    await page.getByTestId('cabinet-height').fill('42');
    await page.getByTestId('cabinet-power-kw').fill('6.6');
    await page.getByTestId('cabinet-current-a').fill('32');
    await snap(page, 'inventory-cabinet');
    await submitDialog(page);
    await newRow(CABINET.code).waitFor();

    await page.getByTestId('inventory-tab-switches').click();
    await page.getByTestId('inventory-new-switch').click();
    await choose(page, page.getByTestId('switch-room'), ROOM.name);
    await choose(page, page.getByTestId('switch-cabinet'), CABINET.code);
    await page.getByTestId('switch-name').fill(SWITCH.name);
    await page.getByTestId('switch-model').fill(SWITCH.model);
    await page.getByTestId('switch-port-count').fill(String(SWITCH.ports));
    await page.getByTestId('switch-port-speed').fill('1000');
    await snap(page, 'inventory-switch');
    await submitDialog(page);
    await newRow(SWITCH.name).waitFor();

    await page.getByTestId('inventory-tab-pools').click();
    await page.getByTestId('inventory-new-pool').click();
    await page.getByTestId('pool-name').fill(POOL.name);
    await page.getByTestId('pool-prefix').fill(POOL.prefix);
    await page.getByTestId('pool-gateway').fill(POOL.gateway);
    await page.getByTestId('pool-vlan').fill(String(POOL.vlan));
    await choose(page, page.getByTestId('pool-site'), SITE.name);
    await snap(page, 'inventory-pool');
    await submitDialog(page);
    await newRow(POOL.prefix).waitFor();
    await snap(page, 'inventory-pools');
    await done(page);
  });

  it('sales takes on a new customer; its checklist leads to the roster (both 24-hour contacts) and the KYC copies', async () => {
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
    await page.getByTestId('onboarding-checklist').waitFor();
    await snap(page, 'customer-new');

    // 5.10 and 6.5: the legal representative and the technical lead, reachable day and night
    await follow(page, 'staff', 'roster');
    for (const [role, name, mobile] of [
      ['legal_representative', CUSTOMER.legalRepresentative, '13905710001'],
      ['technical_lead', '周航', '13905710002'],
    ] as const) {
      await page.getByTestId('roster-add-customer').click();
      await choose(page, modal(page).locator('#role'), rosterLabel[role]);
      await page.getByTestId('roster-name').fill(name);
      await page.getByTestId('roster-mobile').fill(mobile);
      await modal(page).locator('#available24h').check();
      // issue 19: sales types in what the customer handed over — how it came and the document
      await choose(page, modal(page).locator('#receivedHow'), '当面递交');
      await page.getByTestId('roster-document-name').fill('《甲方人员名单》（开户资料）');
      await submitDialog(page);
      await page.locator('.ant-table-row', { hasText: name }).first().waitFor();
    }
    await snap(page, 'roster');
    await confirmDone(page, 'staff', 'roster', 'contacts24h');

    // the business licence and the legal representative's ID, as sales received them
    await follow(page, 'staff', 'kyc');
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
    // uploaded, not yet verified: the step is still to do, now for compliance
    await openChecklist(page, 'staff');
    await stepState(page, 'kyc', 'todo');
    expect(await page.getByTestId('onboarding-step-kyc').textContent()).toContain('合规');
    await done(page);
  });

  it('compliance follows the checklist to the KYC queue and verifies both documents (not who uploaded them)', async () => {
    const page = await as(STAFF.compliance.login, STAFF_PASSWORD);
    await follow(page, 'staff', 'kyc');
    await page.waitForURL(/\/console\/kyc$/);
    const pending = page.locator('.ant-table-row', { hasText: CUSTOMER.name });
    await expect.poll(() => pending.count(), { timeout: WAIT }).toBe(2);
    await snap(page, 'kyc-queue');
    for (const left of [1, 0]) {
      await pending.first().getByRole('button', { name: /核验通过/ }).click();
      await expect.poll(() => pending.count(), { timeout: WAIT }).toBe(left);
    }
    await confirmDone(page, 'staff', 'roster', 'kyc', 'contacts24h');
    await page.locator('.ant-alert-success').waitFor(); // 已满足开通条件
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
    await modal(page).locator('#password').fill(CUSTOMER_USER.password);
    await snap(page, 'customer-user');
    await submitDialog(page);
    await page.locator('.ant-table-row', { hasText: CUSTOMER_USER.login }).waitFor();
    await done(page);
  });

  it('the customer follows its portal checklist and files its log-retention attestation (5.5)', async () => {
    const page = await as(CUSTOMER_USER.login, CUSTOMER_USER.password);
    await follow(page, 'customer', 'logRetention');
    const card = page.locator('.ant-card', { has: page.locator('#location') });
    await card.locator('#location').fill('自建日志服务器（阿里云杭州 OSS 异地备份）');
    await card.locator('#retentionMonths').fill('12');
    await card.locator('button[type=submit]').click();
    await card.locator('.ant-tag-green').waitFor();
    await snap(page, 'attestation');
    await confirmDone(page, 'customer', 'logRetention');
    await done(page);
  });

  it('NOC follows the checklist: registers the delivered server and inspects it on arrival (5.2)', async () => {
    const page = await as(STAFF.noc.login, STAFF_PASSWORD);
    await follow(page, 'staff', 'server');
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
    // 5.2: every item looked at and ticked by the inspector (nothing is pre-ticked), one with a note
    for (const item of ['powerSupplies', 'rails', 'interfaces', 'labelling']) await page.getByTestId(`intake-ok-${item}`).check();
    await page.getByTestId('intake-note-labelling').fill('资产标签已贴');
    await snap(page, 'server-inspect');
    await submitDialog(page);
    await confirmDone(page, 'staff', 'server');
    await done(page);
  });

  it('sales follows the checklist: drafts the contract, sends it, records it signed with both attachments', async () => {
    const page = await as(STAFF.sales.login, STAFF_PASSWORD);
    await follow(page, 'staff', 'contract');
    await page.getByRole('button', { name: '新建合同' }).click();
    await choose(page, modal(page).locator('#customerId'), CUSTOMER.name);
    await choose(page, modal(page).locator('#siteId'), SITE.name);
    await choose(page, modal(page).locator('#serverIds'), SERVER.serial);
    await modal(page).locator('#annualFee').fill(FEE);
    await snap(page, 'contract-draft');
    await okButton(page).click();
    await page.waitForURL(/\/console\/contracts\/[0-9a-f-]{36}$/);
    found.contractNumber = (await page.getByTestId('contract-number').textContent())!;
    expect(found.contractNumber).toMatch(/^RP-\d{4}-\d{4}$/);
    await page.locator('.ant-tag', { hasText: /^草稿$/ }).waitFor();
    await page.getByRole('button', { name: '发出签署' }).click();
    await page.locator('.ant-tag', { hasText: /^待签署$/ }).waitFor();

    // 附件一 and 附件二 come back signed: each scan on its own
    await page.locator('.ant-upload:has([data-testid=attachment-upload-security-letter]) input[type=file]').setInputFiles(pdf('入网安全责任书.pdf'));
    await expect.poll(() => page.locator('.ant-tag', { hasText: /^已签署$/ }).count(), { timeout: WAIT }).toBe(1);
    await page.locator('.ant-upload:has([data-testid=attachment-upload-user-undertaking]) input[type=file]').setInputFiles(pdf('IDC用户承诺书.pdf'));
    await expect.poll(() => page.locator('.ant-tag', { hasText: /^已签署$/ }).count(), { timeout: WAIT }).toBe(2);

    await page.getByRole('button', { name: '登记签署' }).click();
    await modal(page).locator('input[type=file]').setInputFiles(pdf('合同签署件.pdf'));
    await modal(page).locator('#signingDate').fill(shanghaiToday());
    await modal(page).locator('#signingDate').press('Enter'); // takes the date and submits the form
    await modal(page).waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.ant-tag', { hasText: /^已签署$/ }).count(), { timeout: WAIT }).toBe(3);
    // the contract's own checklist: signed; racking is next, for the NOC
    await stepState(page, 'contract', 'done');
    await stepState(page, 'racked', 'todo');
    await snap(page, 'contract-signed');
    await done(page);
  });

  it('NOC racks the server (the term starts, 7.1), connects a port and allocates an IP (6.1), and puts it in service', async () => {
    const page = await as(STAFF.noc.login, STAFF_PASSWORD);
    await follow(page, 'staff', 'racked'); // the step's link opens the server list, where racking is done
    await page.waitForURL(/\/console\/servers$/);
    const row = page.locator('.ant-table-row', { hasText: SERVER.serial });
    await row.getByRole('button', { name: /^上\s*架$/ }).click();
    await choose(page, modal(page).locator('#cabinetId'), CABINET.code);
    await modal(page).locator('#lowestU').fill('20');
    await snap(page, 'rack');
    await submitDialog(page);
    await row.locator('.ant-tag', { hasText: /已上架|调试中/ }).waitFor();
    await confirmDone(page, 'staff', 'racked');

    await follow(page, 'staff', 'network');
    await page.getByTestId(`port-${SERVER.serial}`).click();
    await choose(page, page.getByTestId('port-switch'), SWITCH.name);
    await choose(page, page.getByTestId('port-port'), /^GE1\/0\/1 /);
    await modal(page).locator('#interfaceName').fill('eno1');
    await snap(page, 'port');
    await submitDialog(page);
    await page.getByTestId(`ip-${SERVER.serial}`).click();
    await choose(page, page.getByTestId('ip-pool'), POOL.name);
    await snap(page, 'ip');
    await submitDialog(page);
    const ip = row.locator('.ant-tag', { hasText: POOL.addressPattern });
    await ip.waitFor();
    found.address = (await ip.textContent())!;
    await row.getByRole('button', { name: /投入运行/ }).click();
    await row.locator('.ant-tag', { hasText: /^运行中$/ }).waitFor();
    await snap(page, 'in-service');
    await confirmDone(page, 'staff', 'network');

    // 5.1: installation and commissioning done, on the contract
    await page.getByTestId('nav-contracts').click();
    await page.locator('.ant-table a', { hasText: found.contractNumber }).click();
    await page.getByTestId('commissioning-complete').click();
    await page.locator('.ant-tag', { hasText: /^按时$/ }).waitFor();
    await snap(page, 'commissioned');
    await done(page);
  });

  it('the customer follows its checklist: declares its website with its ICP filing and uploads the evidence (5.6, 5.11)', async () => {
    const page = await as(CUSTOMER_USER.login, CUSTOMER_USER.password);
    await follow(page, 'customer', 'domains');
    await page.getByTestId('domain-add').click();
    await page.getByTestId('domain-name').fill(DOMAIN.name);
    await choose(page, page.getByTestId('domain-server'), SERVER.serial);
    await page.getByTestId('domain-filing').fill(DOMAIN.filing);
    await snap(page, 'domain');
    await submitDialog(page);
    await page.getByTestId(`status-${DOMAIN.name}`).waitFor();
    await page.locator(`.ant-upload:has([data-testid="evidence-${DOMAIN.name}"]) input[type=file]`).setInputFiles(pdf('ICP备案截图.pdf'));
    await page.locator('.ant-table-row', { hasText: DOMAIN.name }).locator('a[href$="/evidence"]').waitFor();
    await snap(page, 'domain-evidence');
    await done(page);
  });

  it('compliance follows the checklist and verifies the filing: the website may be reached (先备案后接入)', async () => {
    const page = await as(STAFF.compliance.login, STAFF_PASSWORD);
    await follow(page, 'staff', 'domains');
    await page.getByTestId(`verify-${DOMAIN.name}`).click();
    await page.getByTestId('verify-note').fill(`工信部备案系统查询一致：${DOMAIN.filing}，主办单位${CUSTOMER.name}`);
    await snap(page, 'filing-verify');
    await submitDialog(page);
    await page.getByTestId(`status-${DOMAIN.name}`).filter({ hasText: '已核验' }).waitFor();
    await confirmDone(page, 'staff', 'domains');
    await done(page);
  });

  it('finance follows the checklist and records the bank transfer against the invoice (第四条)', async () => {
    const page = await as(STAFF.finance.login, STAFF_PASSWORD);
    await follow(page, 'staff', 'invoice');
    await page.getByTestId('contract-number').waitFor();
    const invoice = page.locator('.ant-table-row', { hasText: /INV-\d{4}-\d{6}/ });
    await invoice.locator('.ant-tag', { hasText: /^未付款$/ }).waitFor();
    await invoice.getByRole('button', { name: /登记收款/ }).click();
    await modal(page).locator('#amount').fill(FEE);
    await modal(page).locator('#bankReference').fill('CCB-20261202-778812');
    await snap(page, 'payment');
    await submitDialog(page);
    await invoice.locator('.ant-tag', { hasText: /^已付清$/ }).waitFor();
    await snap(page, 'paid');
    await confirmDone(page, 'staff', 'invoice');
    await done(page);
  });

  it("the customer's user sees every step done, its live server, its IP and its paid invoice in the portal", async () => {
    const page = await as(CUSTOMER_USER.login, CUSTOMER_USER.password);
    await openChecklist(page, 'customer');
    for (const key of ['roster', 'kyc', 'contacts24h', 'logRetention', 'server', 'contract', 'racked', 'network', 'domains', 'invoice']) await stepState(page, key, 'done');
    // the customer's status followed its contract (issue 18 §4): 潜在客户 → 在约
    await page.locator('.ant-tag', { hasText: /^在约$/ }).first().waitFor();
    await snap(page, 'portal-checklist');
    await page.getByTestId('nav-my-servers').click();
    const server = page.locator('.ant-table-row', { hasText: SERVER.serial });
    await server.locator('.ant-tag', { hasText: /^运行中$/ }).waitFor();
    await server.locator('.ant-tag', { hasText: found.address }).waitFor();
    await snap(page, 'portal-server');
    await page.getByTestId('nav-my-contracts').click();
    await page.locator('.ant-table a', { hasText: found.contractNumber }).click();
    await page.locator('.ant-tag', { hasText: /^履行中$/ }).first().waitFor();
    const invoice = page.locator('.ant-table-row', { hasText: /INV-\d{4}-\d{6}/ });
    await invoice.locator('.ant-tag', { hasText: /^已付清$/ }).waitFor();
    expect(await invoice.textContent()).toContain(`￥${FEE}`);
    const invoicePdf = await page.request.get(`${env.server.url}${await invoice.locator('a[data-testid^=invoice-pdf-]').getAttribute('href')}`);
    expect(invoicePdf.headers()['content-type']).toBe('application/pdf');
    await snap(page, 'portal-contract');
    await done(page);
  });
});

const roleLabel: Record<string, string> = { sales: '销售', noc: '网络运维', compliance: '合规', finance: '财务' };
const rosterLabel: Record<string, string> = { legal_representative: '法定代表人', technical_lead: '技术负责人' };

