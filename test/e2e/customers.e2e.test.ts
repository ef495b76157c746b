import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, logIn, shot, switchLanguage, useServerAndBrowser } from './server.js';

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

describe('customers, KYC and rosters in a real browser', () => {
  it('sales creates a customer with a KYC document; its user sees it and edits the roster; sales sees the change and its history', async () => {
    const staff = await env.browser.newPage();
    await logIn(staff, env.server.url, 'sales');
    await staff.waitForURL(/\/console$/);
    await staff.getByTestId('nav-customers').click();
    await staff.getByTestId('customer-create').click();
    await staff.getByTestId('customer-form-name').fill('深圳星河云计算有限公司');
    await staff.getByTestId('customer-form-uscc').fill('91440300MA5DC1B7XM');
    await staff.locator('.ant-modal-footer .ant-btn-primary').click();
    await staff.waitForURL(/\/console\/customers\/[0-9a-f-]{36}$/);
    const customerId = staff.url().split('/').pop()!;
    expect(await staff.getByTestId('customer-name').textContent()).toBe('深圳星河云计算有限公司');
    // the onboarding checklist (issue 18 §2): the whole path in order, who acts, what is missing, a link to the form
    await staff.getByTestId('onboarding-step-roster').waitFor();
    const stateOf = (key: string) => staff.getByTestId(`onboarding-step-${key}`).getAttribute('data-state');
    expect(await stateOf('roster')).toBe('todo');
    expect(await stateOf('contract')).toBe('blocked');
    expect(await stateOf('invoice')).toBe('blocked');
    expect(await staff.getByTestId('onboarding-link-roster').getAttribute('href')).toBe(`/console/customers/${customerId}?tab=roster`);
    expect(await staff.getByTestId('onboarding-step-server').textContent()).toContain('NOC');

    // the business licence, as a PDF file picked in the upload dialog
    const pdf = join(mkdtempSync(join(tmpdir(), 'kyc-')), '营业执照.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n');
    await staff.getByTestId('tab-kyc').click();
    await staff.getByTestId('kyc-upload').click();
    await staff.locator('#holderName').fill('深圳星河云计算有限公司');
    await staff.locator('#idNumber').fill('91440300MA5DC1B7XM');
    await staff.locator('.ant-modal input[type=file]').setInputFiles(pdf);
    await staff.locator('.ant-modal-footer .ant-btn-primary').click();
    await staff.locator('.ant-table td', { hasText: '91440300MA5DC1B7XM' }).first().waitFor();
    await shot(staff, 'customers-staff-kyc');
    // the checklist above the tabs follows the upload without a reload: now it waits for a colleague's review
    await staff.getByTestId('onboarding-step-kyc').filter({ hasText: '营业执照已上传，待另一位同事核验' }).waitFor();
    // four eyes (§6): sales uploaded it, so sales cannot verify it; the refusal says why
    await staff.locator('.ant-table-row', { hasText: '91440300MA5DC1B7XM' }).getByRole('button', { name: '核验通过' }).click();
    await staff.locator('.ant-message', { hasText: '四眼原则' }).waitFor();
    await shot(staff, 'checklist-customer-zh-CN');
    await switchLanguage(staff);
    await staff.getByTestId('onboarding-checklist').filter({ hasText: 'Onboarding checklist' }).waitFor();
    await staff.getByTestId('onboarding-step-kyc').filter({ hasText: 'waiting for a colleague to verify it' }).waitFor();
    await shot(staff, 'checklist-customer-en');
    await switchLanguage(staff);
    await staff.getByTestId('onboarding-checklist').filter({ hasText: '开通引导清单' }).waitFor();

    // an admin gives the customer a portal user
    const admin = await env.browser.newPage();
    await logIn(admin, env.server.url, 'admin');
    await admin.waitForURL(/\/console$/);
    const created = await apiFrom(admin, 'POST', '/users', { login: 'xinghe', displayName: '星河 负责人', kind: 'customer', roles: ['owner'], customerId, password: 'amber-lantern-harbor-73' });
    expect(created.status).toBe(201);

    const customer = await env.browser.newPage();
    await logIn(customer, env.server.url, 'xinghe', 'amber-lantern-harbor-73');
    await customer.waitForURL(/\/portal$/);
    expect(await customer.getByTestId('customer-name').textContent()).toBe('深圳星河云计算有限公司');
    // 我的证照: the documents sales uploaded, from the portal's own menu entry
    await customer.getByTestId('nav-my-documents').click();
    await customer.waitForURL(/\/portal\/documents$/);
    await customer.locator('.ant-table td', { hasText: '91440300MA5DC1B7XM' }).first().waitFor();
    await customer.getByTestId('nav-my-roster').click();
    await customer.waitForURL(/\/portal\/roster$/);
    await customer.getByTestId('roster-add-customer').click();
    await chooseOption(customer, customer.locator('#role'), '技术负责人');
    await customer.getByTestId('roster-name').fill('陈工');
    await customer.getByTestId('roster-mobile').fill('13812345678');
    await customer.locator('.ant-modal-footer .ant-btn-primary').click();
    await customer.locator('.ant-table td', { hasText: '陈工' }).first().waitFor();
    expect(await customer.getByTestId('roster-add-provider').count()).toBe(0); // the provider's side is not theirs to edit
    await shot(customer, 'customers-portal-roster');

    // a second change: the technical lead's mobile, which makes a new version
    await customer.locator('.ant-table tr', { hasText: '陈工' }).getByRole('button').first().click();
    await customer.getByTestId('roster-mobile').fill('13987654321');
    await customer.locator('.ant-modal-footer .ant-btn-primary').click();
    await customer.locator('.ant-table td', { hasText: '13987654321' }).first().waitFor();
    // a deep link reloaded cold: the portal's area chunk and the roster tab's code load on their own
    await customer.reload();
    await customer.locator('.ant-table td', { hasText: '13987654321' }).first().waitFor();
    expect(customer.url()).toMatch(/\/portal\/roster$/);

    await staff.reload();
    await staff.getByTestId('tab-roster').click();
    await staff.locator('.ant-table td', { hasText: '13987654321' }).first().waitFor();
    await staff.getByTestId('roster-history').click();
    await staff.locator('.ant-table td', { hasText: '13812345678' }).first().waitFor();
    expect(await staff.locator('.ant-table tr', { hasText: '陈工' }).count()).toBe(2);
    await shot(staff, 'customers-staff-roster-history');
    // the roster as it stood on a day before the customer existed: nobody on it
    await staff.getByTestId('roster-history').click();
    const picker = staff.locator('.ant-picker input').first();
    await picker.click();
    await picker.fill('2020-01-01');
    await picker.press('Enter');
    await staff.locator('.ant-table td', { hasText: '13987654321' }).first().waitFor({ state: 'detached' });
    expect(await staff.getByTestId('roster-add-customer').count()).toBe(0); // a past roster is not edited

    // 乙方信息: the demo provider carries its seal, shown to staff
    await admin.getByTestId('nav-provider').click();
    await admin.getByTestId('provider-seal').waitFor();
    expect(await admin.getByTestId('provider-profile').textContent()).toContain('北京云桥数据科技有限公司');
    await shot(admin, 'provider-profile-seal');
    for (const p of [staff, admin, customer]) await p.close();
  }, 360_000); // the checklist's steps, the four-eyes refusal and both languages' screenshots on top of the walk
});
