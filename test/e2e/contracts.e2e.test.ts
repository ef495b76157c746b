import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, logIn, SCREENSHOT_DIR, shot, switchLanguage, useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();

/** Calls the API from inside a logged-in page, with its cookies and CSRF token. */
async function apiFrom(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ([m, p, b]) => {
      const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('rp_csrf='))?.slice(8) ?? '');
      const res = await fetch(`/api/v1${p}`, { method: m, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: b === undefined ? undefined : JSON.stringify(b) });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    [method, path, body] as const,
  );
}

const okButton = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn-primary');

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-pdf-'));
  writeFileSync(join(dir, 'd.pdf'), bytes);
  return execFileSync('pdftotext', ['-layout', join(dir, 'd.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** The first page of a PDF as a PNG at 60 dpi, saved among the screenshots as `<name>-1.png`. */
function pdfPageImage(bytes: Buffer, name: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-pdf-'));
  writeFileSync(join(dir, 'd.pdf'), bytes);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(dir, 'd.pdf'), join(SCREENSHOT_DIR, `${name}-1`)]);
}

const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

describe('contracts in a real browser', () => {
  it('shows a customer its active contract, invoice and commissioning order, and downloads the PDF and Word documents', async () => {
    const page = await env.browser.newPage();
    await logIn(page, env.server.url, 'alice');
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('nav-my-contracts').click();
    await page.locator('.ant-table a', { hasText: /^RP-\d{4}-0001$/ }).click();
    await page.getByTestId('contract-number').waitFor();
    await page.locator('.ant-tag', { hasText: '履行中' }).first().waitFor();
    expect(await page.locator('.ant-table td', { hasText: /^INV-\d{4}-\d{6}$/ }).count()).toBe(1);
    await shot(page, 'contracts-portal-detail');
    const pdf = await page.request.get(`${env.server.url}${await page.getByRole('link', { name: '下载 PDF' }).getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await page.request.get(`${env.server.url}${await page.getByRole('link', { name: '下载 Word' }).getAttribute('href')}`);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    await page.close();
  });

  it('walks a demo customer from draft to active through the UI; the portal shows the invoice and the term clock; the PDFs carry the 大写 amount and the dates', async () => {
    const staff = await env.browser.newPage();
    await logIn(staff, env.server.url, 'admin');
    await staff.waitForURL(/\/console$/);
    // a server delivered for the customer and inspected on arrival (5.2)
    const customers = (await apiFrom(staff, 'GET', '/customers?pageSize=200')).json.items as { id: string; name: string }[];
    const customer = customers.find((c) => c.name === '北京寰宇网络科技有限公司')!;
    const server = (await apiFrom(staff, 'POST', '/servers', { customerId: customer.id, brand: 'Inspur', model: 'NF5280M6', serialNumber: 'E2E-DRAFT-0001', heightU: 1 })).json;
    expect((await apiFrom(staff, 'POST', `/servers/${server.id}/inspections`, { powerSupplies: true, rails: true, interfaces: true, labelling: true })).status).toBeLessThan(300);

    // draft
    await staff.getByTestId('nav-contracts').click();
    await staff.getByRole('button', { name: '新建合同' }).click();
    await staff.locator('#customerId').click();
    await staff.keyboard.type('北京寰宇');
    await staff.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '北京寰宇网络科技有限公司' }).waitFor();
    await staff.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '北京寰宇网络科技有限公司' }).click();
    await staff.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden', timeout: 3000 }).catch(() => undefined);
    await chooseOption(staff, staff.locator('#siteId'), '北京牛街庄机房');
    await chooseOption(staff, staff.locator('#serverIds'), 'E2E-DRAFT-0001');
    await staff.locator('.ant-modal-title').click(); // a multiple select stays open
    await staff.locator('#annualFee').fill('48,000.00');
    await shot(staff, 'contracts-draft-form');
    await okButton(staff).click();
    await staff.waitForURL(/\/console\/contracts\/[0-9a-f-]{36}$/);
    const contractNumber = (await staff.getByTestId('contract-number').textContent())!;
    await staff.locator('.ant-tag', { hasText: '草稿' }).waitFor();
    // what the contract covers, and its onboarding checklist (issue 18 §2): the draft still to be sent and signed
    expect(await staff.getByTestId('contract-coverage').textContent()).toContain('E2E-DRAFT-0001');
    await staff.getByTestId('onboarding-step-contract').filter({ hasText: `合同 ${contractNumber} 仍是草稿` }).waitFor();
    expect(await staff.getByTestId('onboarding-step-racked').getAttribute('data-state')).toBe('blocked');
    expect(await staff.getByTestId('onboarding-step-kyc').getAttribute('data-state')).toBe('done');

    // 附件一 and 附件二 signed: each scan uploaded on its own
    const scan = { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };
    await staff.locator('.ant-upload:has([data-testid=attachment-upload-security-letter]) input[type=file]').setInputFiles(scan);
    await expect.poll(() => staff.locator('.ant-tag', { hasText: /^已签署$/ }).count(), { timeout: 15_000 }).toBe(1);
    await staff.locator('.ant-upload:has([data-testid=attachment-upload-user-undertaking]) input[type=file]').setInputFiles(scan);
    await expect.poll(() => staff.locator('.ant-tag', { hasText: /^已签署$/ }).count(), { timeout: 15_000 }).toBe(2);

    // signed: the date, both attachments, the scan of the signed copy
    await staff.getByRole('button', { name: '登记签署' }).click();
    // signed today by the server's clock (E2E_CLOCK_START may put it in late December or January)
    await staff.locator('#signingDate').fill(new Date(env.server.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
    await staff.locator('#signingDate').press('Enter');
    // the attachments' scans are on file: the form says so already
    expect(await staff.locator('.ant-modal-wrap:visible #securityLetterSigned').isChecked()).toBe(true);
    expect(await staff.locator('.ant-modal-wrap:visible #userUndertakingSigned').isChecked()).toBe(true);
    await staff.locator('.ant-modal-wrap:visible input[type=file]').setInputFiles({ name: 'signed.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await okButton(staff).click();
    await expect.poll(() => staff.locator('.ant-tag', { hasText: /^已签署$/ }).count(), { timeout: 15_000 }).toBe(3);
    // signed: the contract step is done and racking is next, for the NOC
    await expect.poll(() => staff.getByTestId('onboarding-step-contract').getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    expect(await staff.getByTestId('onboarding-step-racked').getAttribute('data-state')).toBe('todo');
    await shot(staff, 'checklist-contract-zh-CN');
    await switchLanguage(staff);
    await staff.getByTestId('onboarding-step-racked').filter({ hasText: 'E2E-DRAFT-0001 is not racked yet' }).waitFor();
    await shot(staff, 'checklist-contract-en');
    await switchLanguage(staff);
    await staff.getByTestId('onboarding-step-racked').filter({ hasText: 'E2E-DRAFT-0001 尚未上架' }).waitFor();

    // racked by the NOC: the contract becomes active (7.1)
    await staff.getByTestId('nav-servers').click();
    const row = staff.locator('.ant-table-row', { hasText: 'E2E-DRAFT-0001' });
    await row.getByRole('button', { name: /^上\s*架$/ }).click();
    await chooseOption(staff, staff.locator('#cabinetId'), 'A02');
    await staff.locator('#lowestU').fill('2');
    await okButton(staff).click();
    await row.locator('.ant-tag', { hasText: /已上架|调试中/ }).waitFor();
    await shot(staff, 'contracts-draft-to-active-staff');
    await staff.close();

    // the portal: the invoice and the term clock
    const page = await env.browser.newPage();
    await logIn(page, env.server.url, 'alice');
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('nav-my-contracts').click();
    await page.locator('.ant-table a', { hasText: contractNumber }).click();
    await page.locator('.ant-tag', { hasText: '履行中' }).first().waitFor();
    const term = (await page.getByTestId('contract-term').textContent())!;
    const [termStart, termEnd] = term.split(' – ');
    expect(termStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const endsAt = (await page.getByTestId('service-ends-at').textContent())!;
    // the term clock: 24:00 of the end date (Beijing time, to the minute), no compensation yet
    const dayAfterEnd = new Date(Date.parse(`${termEnd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(endsAt).toBe(`${dayAfterEnd} 00:00`);
    const invoiceCell = page.locator('.ant-table td', { hasText: /^INV-\d{4}-\d{6}$/ });
    await invoiceCell.waitFor();
    const invoiceNumber = (await invoiceCell.textContent())!;
    await page.locator('.ant-tag', { hasText: '未付款' }).waitFor();
    await shot(page, 'contracts-draft-to-active-portal');

    const invoicePdf = await page.request.get(`${env.server.url}${await page.getByTestId(`invoice-pdf-${invoiceNumber}`).getAttribute('href')}`);
    expect(invoicePdf.headers()['content-type']).toBe('application/pdf');
    const invoiceText = pdfText(await invoicePdf.body());
    for (const s of [invoiceNumber, contractNumber, '￥48,000.00（大写肆万捌仟元整）', `起${chineseDate(termStart)}至${chineseDate(termEnd)}`]) expect(invoiceText, s).toContain(s);
    const contractPdf = await page.request.get(`${env.server.url}${await page.getByRole('link', { name: '下载 PDF' }).getAttribute('href')}`);
    const contractText = pdfText(await contractPdf.body());
    // the signed copy is the copy sent for signature, frozen (issue 19 §3): the term's dates are not in it ...
    for (const s of ['￥48,000.00元/年（大写肆万捌仟元整）', '法定代表人：王建华', '91110106MA00YQ8D7K', '起止日期自开通日起计算', 'E2E-DRAFT-0001', '文本指纹']) expect(contractText, s).toContain(s);
    expect(contractText).not.toContain(`起${chineseDate(termStart)}至${chineseDate(termEnd)}`);

    // ... they are on the 开通确认单 made at racking, listed in the 合同文本 card with the signed copy
    const card = page.getByTestId('contract-documents');
    await card.scrollIntoViewIfNeeded();
    const signedLink = card.getByTestId('doc-sent-contract-pdf');
    const confirmationLink = card.getByTestId('doc-activation-confirmation-1-pdf');
    await confirmationLink.waitFor();
    await shot(page, 'contract-documents-card-zh-CN');
    const signed = await (await page.request.get(`${env.server.url}${await signedLink.getAttribute('href')}`)).body();
    expect(Buffer.compare(signed, await contractPdf.body())).toBe(0);
    const confirmation = await (await page.request.get(`${env.server.url}${await confirmationLink.getAttribute('href')}`)).body();
    const confirmationText = pdfText(confirmation);
    for (const s of ['服务开通确认单', contractNumber, 'A02', 'U2–U2', `起${chineseDate(termStart)}至${chineseDate(termEnd)}`]) expect(confirmationText, s).toContain(s);
    // the first page of each, as the customer's legal department would look at it
    pdfPageImage(signed, 'contract-signed-copy');
    pdfPageImage(confirmation, 'contract-activation-confirmation');
    // the card re-read shows the PDFs now printed, each with its SHA-256; in English too
    await page.reload();
    await page.getByTestId('contract-documents').waitFor();
    await switchLanguage(page);
    await page.getByTestId('contract-documents').filter({ hasText: 'Service activation confirmation' }).waitFor();
    await page.getByTestId('contract-documents').scrollIntoViewIfNeeded();
    await shot(page, 'contract-documents-card-en');
    await switchLanguage(page);
    await page.close();
  });
});
