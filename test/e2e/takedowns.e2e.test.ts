/**
 * Issue 22 §4, §6, §7 in a real browser on the demo data: compliance registers an authority's takedown
 * order with its scan (a refusal first shows its reason on the form), sees it in the list and opens it;
 * executing it without a running nginx is refused with the reason, and with nginx running on the gate's
 * files it executes with its proof (HTTP 451, TLS refused), the 第九条 notice and the sealed receipt; an incident is classified as a 较大
 * network-security event, its report filled in and marked reported; a retention policy is edited, a legal
 * hold placed, and a deletion request answered is refused naming the hold. Screenshots in zh-CN and en.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlHttp, freePort, startNginx } from '../harness/nginx.js';
import { chooseOption, launchBrowser, logIn, session, shot, startServer } from './server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
/** Each English page in a context of its own (no session yet), the UI language chosen before it loads. */
const englishContexts: BrowserContext[] = [];

let gateDir: string;
let httpPort: number;
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;

beforeAll(async () => {
  // the gate's files in a directory nginx's workers may read; nginx itself is started only later
  const work = mkdtempSync(join(tmpdir(), 'rackpact-e2e-takedown-'));
  chmodSync(work, 0o755);
  gateDir = join(work, 'gate');
  [httpPort] = [await freePort()];
  const httpsPort = await freePort();
  server = await startServer({ GATE_DIR: gateDir, GATE_HTTP_LISTEN: `127.0.0.1:${httpPort}`, GATE_HTTPS_LISTEN: `127.0.0.1:${httpsPort}` });
  browser = await launchBrowser();
});
afterAll(async () => {
  await nginx?.stop();
  for (const c of englishContexts) await c.close();
  await browser?.close();
  await server?.stop();
});

/** An instant as a datetime-local input takes it, in Beijing time. */
const beijingLocal = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

/** Nothing on screen may be a raw message key, an enum value or an ISO instant. */
async function expectNoRawText(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  expect(text).not.toMatch(/\b(takedowns|retention|secReport|nav|common)\.[a-zA-Z]/);
  expect(text).not.toMatch(/\b(block_domain|block_ip|suspend_server|preserve_evidence|kyc_copies|roster_history|reload_failed|test_failed|especially_serious)\b/);
}

async function englishPage(login: string): Promise<Page> {
  const english = await browser.newContext();
  englishContexts.push(english);
  await english.addInitScript(() => localStorage.setItem('rackpact.locale', 'en'));
  const page = await english.newPage();
  await logIn(page, server.url, login);
  await page.waitForURL(/\/console/);
  return page;
}

describe('takedown orders, security reports and retention in a real browser', () => {
  it('compliance registers an order with its scan, sees it in the list and opens it; executing without the gate is refused with its reason', async () => {
    const api = await session(server.url, 'compliance');
    const domains = await api<{ items: { domain: string; status: string; customerName?: string }[] }>('GET', '/compliance/domains');
    const target = domains.items.find((d) => d.status === 'verified' && d.domain.startsWith('www.'))!;
    expect(target).toBeTruthy();

    const page = await browser.newPage();
    await logIn(page, server.url, 'compliance');
    await page.waitForURL(/\/console/);
    await page.getByTestId('nav-takedowns').click();
    await page.getByTestId('takedown-add').click();
    await page.getByTestId('takedown-issuer').fill('北京市通信管理局');
    await page.getByTestId('takedown-document-number').fill('京通信管〔2026〕18 号');
    const now = server.now();
    await page.getByTestId('takedown-received-at').fill(beijingLocal(new Date(now.getTime() - 30 * 60_000)));
    await page.getByTestId('takedown-deadline-at').fill(beijingLocal(new Date(now.getTime() + 4 * 3_600_000)));
    await page
      .getByTestId('takedown-scan')
      .locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]')
      .setInputFiles({ name: '处置通知.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByTestId('takedown-reason').fill('网站传播违法信息');
    // no target: refused, the reason next to the targets and in the form's alert
    await page.getByTestId('takedown-submit').click();
    await page.getByTestId('takedown-form-error').waitFor();
    await page.locator('.ant-form-item-explain-error', { hasText: '请至少填写一个域名' }).waitFor();
    await shot(page, 'takedowns-register-refused-zh');

    await page.getByTestId('takedown-domains').locator('input').fill(target.domain);
    await page.getByTestId('takedown-domains').locator('input').press('Enter');
    await page.getByTestId('takedown-submit').click();
    // registered: the order opens, with its scan filed
    await page.getByTestId('takedown-detail').waitFor();
    await page.getByTestId('takedown-scan-download').waitFor();
    const detail = await page.getByTestId('takedown-detail').innerText();
    expect(detail).toContain(target.domain);
    expect(detail).toContain('待执行');
    expect(detail).toContain('京通信管〔2026〕18 号');
    expect(await page.getByTestId('takedown-scan-download').getAttribute('href')).toMatch(/\/api\/v1\/takedowns\/[0-9a-f-]+\/scan$/);
    await shot(page, 'takedowns-detail-zh');

    // execute: asked first, then refused by the gate (no nginx runs here), with the reason and the order left as it was
    await page.getByTestId('takedown-execute').click();
    await page.locator('.rp-confirm-ok').click();
    await page.getByTestId('takedown-refusal').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('takedown-refusal').innerText()).toContain('接入网关未能生效');
    await page.getByTestId('takedown-execute').waitFor();
    await expectNoRawText(page);
    await shot(page, 'takedowns-execute-refused-zh');

    // with nginx running on the gate's files, the same order executes: blocked, proven, the customer notified, the receipt sealed
    nginx = await startNginx(gateDir);
    await page.getByTestId('takedown-execute').click();
    await page.locator('.rp-confirm-ok').click();
    await page.getByTestId('takedown-proof').waitFor({ timeout: 120_000 });
    const proof = await page.getByTestId('takedown-proof').innerText();
    expect(proof).toContain('HTTP 451');
    expect(proof).toContain('TLS 握手被拒绝');
    expect(proof).not.toContain('仍可访问');
    expect((await curlHttp(target.domain, httpPort)).status).toBe(451);
    await page.getByTestId('takedown-notice').waitFor();
    expect(await page.getByTestId('takedown-notice').innerText()).toContain('第 5.4、5.6、5.8 条');
    expect(await page.getByTestId('takedown-receipt').getAttribute('href')).toMatch(/\/receipt$/);
    expect(await page.getByTestId('takedown-detail').innerText()).toContain('已执行');
    await expectNoRawText(page);
    await shot(page, 'takedowns-executed-zh');
    await page.getByTestId('takedown-notice').scrollIntoViewIfNeeded();
    await shot(page, 'takedowns-notice-zh');

    // the list: the order with its status and the time from registration to block
    await page.keyboard.press('Escape');
    const row = page.locator('.ant-table-row', { hasText: '京通信管〔2026〕18 号' });
    await row.waitFor();
    expect(await row.innerText()).toContain(target.customerName ?? '');
    expect(await row.innerText()).toMatch(/\d+ (分|秒)/);
    await expectNoRawText(page);
    await shot(page, 'takedowns-list-zh');

    const en = await englishPage('compliance');
    await en.goto(`${server.url}/console/takedowns`);
    const enRow = en.locator('.ant-table-row', { hasText: '京通信管〔2026〕18 号' });
    await enRow.waitFor();
    expect(await enRow.innerText()).toContain('Executed');
    await expectNoRawText(en);
    await shot(en, 'takedowns-list-en');
    await enRow.click();
    await en.getByTestId('takedown-detail').waitFor();
    expect(await en.getByTestId('takedown-detail').innerText()).toContain('Block the domain');
    expect(await en.getByTestId('takedown-proof').innerText()).toContain('TLS handshake refused');
    await expectNoRawText(en);
    await shot(en, 'takedowns-detail-en');
  });

  it('an incident is classified 较大, its report clock runs, the report is filled in and marked reported', async () => {
    const noc = await session(server.url, 'noc');
    const cabinets = await noc<{ items: { id: string }[] }>('GET', '/cabinets');
    const incident = await noc<{ id: string }>('POST', '/incidents', { title: '核心交换机遭受 DDoS 攻击', cause: 'provider_fault', scope: [{ kind: 'cabinet', target: cabinets.items[0].id }] });

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await logIn(page, server.url, 'compliance');
    await page.waitForURL(/\/console/);
    await page.goto(`${server.url}/console/incidents?incident=${incident.id}`);
    await page.getByTestId('security-report').waitFor();
    expect(await page.getByTestId('security-report').innerText()).toContain('尚未定级');
    await chooseOption(page, page.getByTestId('sec-grade'), '较大');
    await page.getByTestId('sec-classify').click();
    await page.getByTestId('sec-clock').waitFor();
    expect(await page.getByTestId('sec-clock').innerText()).toMatch(/剩余 [34] 小时/);
    // the report's items: the time is the incident's start, the rest is filled in here
    expect(await page.getByTestId('sec-missing').innerText()).toContain('报告单位');
    await page.getByTestId('sec-unit').fill('北京云桥数据科技有限公司');
    await page.getByTestId('sec-place').fill('北京亦庄数据中心三层 A 区');
    await page.getByTestId('sec-event-type').fill('网络攻击事件（DDoS）');
    await page.getByTestId('sec-impact').fill('三层 A 区 12 台服务器网络中断约 40 分钟');
    await page.getByTestId('sec-measures').fill('启用流量清洗，封禁攻击源地址');
    await page.getByTestId('sec-save').click();
    await page.getByTestId('sec-missing').waitFor({ state: 'detached' });
    await expectNoRawText(page);
    await shot(page, 'security-report-zh');

    const en = await englishPage('compliance');
    await en.setViewportSize({ width: 1280, height: 1000 });
    await en.goto(`${server.url}/console/incidents?incident=${incident.id}`);
    await en.getByTestId('sec-clock').waitFor();
    expect(await en.getByTestId('security-report').innerText()).toContain('Major (较大)');
    await expectNoRawText(en);
    await shot(en, 'security-report-en');

    await page.getByTestId('sec-reported-to').fill('北京市通信管理局');
    await page.getByTestId('sec-mark-reported').click();
    await page.getByTestId('sec-clock').filter({ hasText: '已按时报告' }).waitFor();
    await shot(page, 'security-report-reported-zh');
  });

  it('a retention policy is edited; a hold placed by hand makes a deletion request refused with its reason', async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, 'compliance');
    await page.waitForURL(/\/console/);
    await page.getByTestId('nav-retention').click();
    await page.getByTestId('policy-edit-kyc_copies').click();
    const months = page.getByTestId('policy-months');
    const input = (await months.evaluate((e) => e.tagName)) === 'INPUT' ? months : months.locator('input');
    await input.fill('36');
    await page.getByTestId('policy-save').click();
    await page.locator('.ant-table-row', { hasText: '合同关系终止后 36 个月' }).waitFor();
    await expectNoRawText(page);
    await shot(page, 'retention-policies-zh');

    // a legal hold placed by hand on alice's company
    await page.getByRole('tab', { name: '法律保全与删除记录' }).click();
    await chooseOption(page, page.getByTestId('retention-customer'), '北京寰宇网络科技有限公司');
    await page.getByTestId('hold-place').click();
    await page.getByTestId('hold-reason').fill('公安机关调查取证，暂停删除');
    await page.getByTestId('hold-place-ok').click();
    await page.locator('.ant-table-row', { hasText: '公安机关调查取证' }).waitFor();
    await expectNoRawText(page);
    await shot(page, 'retention-holds-zh');

    // a person's deletion request, granted: refused while the hold stands, naming it
    await page.getByRole('tab', { name: '删除/更正请求' }).click();
    await page.getByTestId('request-add').click();
    await chooseOption(page, page.getByTestId('request-customer'), '北京寰宇网络科技有限公司');
    await page.getByTestId('request-subject').fill('张三');
    await page.getByTestId('request-detail').fill('请删除本人身份证复印件');
    await page.getByTestId('request-save').click();
    await page.getByTestId('request-answer-张三').click();
    await page.getByTestId('answer-text').fill('已按要求删除');
    await page.getByTestId('answer-save').click();
    await page.getByTestId('answer-refusal').waitFor();
    const refusal = await page.getByTestId('answer-refusal').innerText();
    expect(refusal).toContain('法律保全');
    expect(refusal).toContain('公安机关调查取证');
    await expectNoRawText(page);
    await shot(page, 'retention-request-refused-zh');

    const en = await englishPage('compliance');
    await en.goto(`${server.url}/console/retention`);
    await en.locator('.ant-table-row', { hasText: '36 months after the relationship ends' }).waitFor();
    await expectNoRawText(en);
    await shot(en, 'retention-policies-en');
    await en.getByRole('tab', { name: 'Deletion / correction requests' }).click();
    await en.locator('.ant-table-row', { hasText: '张三' }).waitFor();
    await expectNoRawText(en);
    await shot(en, 'retention-requests-en');
  });

  it('an admin sets the site access hours, the longest visit and the equipment roles (issue 21)', async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, 'admin');
    await page.waitForURL(/\/console/);
    await page.goto(`${server.url}/console/visits`);
    await page.getByTestId('access-settings').waitFor();
    expect(await page.getByTestId('access-settings').innerText()).toContain('08:00–20:00');
    await page.getByTestId('access-settings-edit').click();
    await page.getByTestId('access-opens').fill('07:30');
    // closing before opening is refused next to the field, with the reason
    await page.getByTestId('access-closes').fill('07:00');
    await page.getByTestId('access-settings-save').click();
    await page.locator('.ant-modal .ant-alert-error').waitFor();
    await shot(page, 'access-settings-refused-zh');
    await page.getByTestId('access-closes').fill('21:00');
    await page.getByTestId('access-settings-save').click();
    await page.getByTestId('access-settings').filter({ hasText: '07:30–21:00' }).waitFor();
    await expectNoRawText(page);
    await shot(page, 'access-settings-zh');

    const en = await englishPage('admin');
    await en.goto(`${server.url}/console/visits`);
    await en.getByTestId('access-settings').filter({ hasText: 'Opening hours' }).waitFor();
    expect(await en.getByTestId('access-settings').innerText()).toContain('Legal representative');
    await expectNoRawText(en);
    await shot(en, 'access-settings-en');
  });
});
