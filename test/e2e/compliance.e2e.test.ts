/**
 * 先备案后接入 in a real browser and on real traffic: a customer adds a website in the portal and it
 * is blocked by the nginx gate; compliance verifies it and applies the gate, and it is reachable;
 * compliance revokes it, and it is blocked again.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlHttp, eventually, freePort, startHttpUpstream, startNginx } from '../harness/nginx.js';
import { launchBrowser, logIn, session, shot, startServer } from './server.js';

const SITE = 'e2e-site.example.cn';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
let upstream: Awaited<ReturnType<typeof startHttpUpstream>>;
let gateDir: string;
let httpPort: number;

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), 'rackpact-e2e-gate-'));
  chmodSync(work, 0o755);
  gateDir = join(work, 'gate');
  [httpPort] = [await freePort()];
  const httpsPort = await freePort();
  const upPort = await freePort('127.0.0.3');
  upstream = await startHttpUpstream('127.0.0.3', upPort);
  server = await startServer({ GATE_DIR: gateDir, GATE_HTTP_LISTEN: `127.0.0.1:${httpPort}`, GATE_HTTPS_LISTEN: `127.0.0.1:${httpsPort}`, GATE_UPSTREAM_HTTP_PORT: String(upPort) });
  browser = await launchBrowser();
  // NOC puts a server for alice's company at 127.0.0.3 (where the test's "website" listens)
  const alice = await session(server.url, 'alice');
  const { customerId } = await alice<{ customerId: string }>('GET', '/auth/me');
  const admin = await session(server.url, 'admin');
  const srv = await admin<{ id: string }>('POST', '/servers', { customerId, brand: 'Inspur', model: 'NF5280M6', serialNumber: 'E2E-GATE-1', heightU: 2 });
  const pool = await admin<{ id: string }>('POST', '/ip-pools', { name: 'e2e loopback', prefix: '127.0.0.0/24' });
  await admin('POST', '/ip-allocations', { poolId: pool.id, serverId: srv.id, address: '127.0.0.3' });
  // the operator exports the gate and starts nginx on it (the demo's verified domains are let through already)
  const first = await admin<{ outcome: string }>('POST', '/compliance/gate/apply', { force: true });
  expect(first.outcome).toBe('reload_failed'); // nothing to reload yet: nginx is not running
  nginx = await startNginx(gateDir);
});
afterAll(async () => {
  await nginx?.stop();
  await upstream?.close();
  await browser?.close();
  await server?.stop();
});

const status = () => curlHttp(SITE, httpPort).then((r) => r.status);

describe('filing before access, through the UI and a real nginx', () => {
  it('a new site is blocked; verified it is reachable; revoked it is blocked again', async () => {
    const customer = await browser.newPage();
    await logIn(customer, server.url, 'alice');
    await customer.waitForURL(/\/portal$/);
    await customer.getByTestId('nav-my-domains').click();
    await customer.getByTestId('domain-add').click();
    await customer.getByTestId('domain-name').fill(SITE);
    await customer.locator('#serverId').click();
    await customer.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'E2E-GATE-1' }).click();
    await customer.getByTestId('domain-filing').fill('京ICP备2024056789号-1');
    await customer.locator('.ant-modal-footer .ant-btn-primary').click();
    await customer.getByTestId(`status-${SITE}`).waitFor();
    expect(await customer.getByTestId(`status-${SITE}`).textContent()).toBe('待核验');
    await customer.locator(`[data-testid="evidence-${SITE}"]`).locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]').setInputFiles({ name: '备案截图.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await customer.locator('.ant-table-row', { hasText: SITE }).getByText('下载').waitFor();
    await shot(customer, 'compliance-portal-domain-submitted');
    expect(await status()).toBe(451);

    const compliance = await browser.newPage();
    await logIn(compliance, server.url, 'compliance');
    await compliance.waitForURL(/\/console$/);
    await compliance.getByTestId('nav-compliance').click();
    await compliance.getByTestId(`verify-${SITE}`).click();
    await compliance.getByTestId('verify-note').fill('工信部备案系统查询一致');
    await compliance.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await compliance.getByTestId(`verify-${SITE}`).waitFor({ state: 'detached' });
    await compliance.getByRole('tab', { name: '接入网关' }).click();
    await compliance.getByTestId('gate-apply').click();
    await compliance.locator('.ant-table-row', { hasText: '已生效' }).first().waitFor();
    await shot(compliance, 'compliance-gate-applied');
    expect(await eventually(status, 200)).toBe(200);

    await customer.reload();
    expect(await customer.getByTestId(`status-${SITE}`).textContent()).toBe('已核验');

    await compliance.getByTestId('nav-domains').click();
    await compliance.getByTestId(`revoke-${SITE}`).click();
    await compliance.getByTestId('close-reason').fill('备案已被注销');
    await compliance.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await compliance.getByTestId(`status-${SITE}`).getByText('已注销').waitFor();
    await compliance.getByTestId('nav-compliance').click();
    await compliance.getByRole('tab', { name: '接入网关' }).click();
    await compliance.getByTestId('gate-apply').click();
    await compliance.locator('.ant-table-row').nth(2).waitFor();
    expect(await eventually(status, 451)).toBe(451);
    await customer.reload();
    expect(await customer.getByTestId(`status-${SITE}`).textContent()).toBe('已注销');
    await shot(customer, 'compliance-portal-domain-revoked');
    await compliance.close();
    await customer.close();
  });

  it('compliance takes in a complaint against a demo customer IP and notifies it; records inspections; files a supplementary agreement; the customer sees them in the portal', async () => {
    // one of alice's demo servers and the IPv4 address it was given at seeding
    const alice = await session(server.url, 'alice');
    const { items: allocations } = await alice<{ items: { address: string; serverId: string }[] }>('GET', '/ip-allocations');
    const { items: servers } = await alice<{ items: { id: string; serialNumber: string }[] }>('GET', '/servers');
    const allocation = allocations.find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a.address) && !a.address.startsWith('127.'))!;
    const demoServer = servers.find((x) => x.id === allocation.serverId)!;

    const compliance = await browser.newPage();
    await logIn(compliance, server.url, 'compliance');
    await compliance.waitForURL(/\/console$/);
    await compliance.getByTestId('nav-conduct').click();
    await compliance.getByTestId('complaint-add').click();
    await compliance.getByTestId('complaint-source').fill('CNCERT 通报 E2E');
    await compliance.getByTestId('complaint-description').fill('该地址对外发送大量垃圾邮件');
    await compliance.getByTestId('complaint-ip').fill(allocation.address);
    await compliance.locator('.ant-modal:visible input[type=file]').setInputFiles({ name: '通报截图.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await compliance.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    const row = compliance.locator('.ant-table-row', { hasText: 'CNCERT 通报 E2E' });
    await row.getByText('待处理').waitFor();
    await row.getByText('下载').waitFor();
    await row.getByRole('button', { name: '通知客户' }).click();
    await compliance.getByTestId('notify-hours').fill('48');
    await compliance.getByTestId('notify-message').fill('请于期限内核查并答复');
    await compliance.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await row.getByText('已通知客户').waitFor();
    await compliance.locator('.ant-modal:visible').waitFor({ state: 'detached' });
    await shot(compliance, 'compliance-complaint-notified');

    // an inspection the customer may see, and one withheld on the authority's instruction
    await compliance.getByRole('tab', { name: '检查记录（第 6.6 条）' }).click();
    const record = async (authority: string, withheldReason?: string) => {
      await compliance.getByTestId('inspection-add').click();
      await compliance.locator('.ant-modal:visible #serverId').click();
      await compliance.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: demoServer.serialNumber }).click();
      await compliance.getByTestId('inspection-authority').fill(authority);
      await compliance.getByTestId('inspection-document-number').fill('京公网监检字〔2026〕17 号');
      await compliance.locator('.ant-modal:visible input[type=file]').setInputFiles({ name: '检查授权书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      await compliance.getByTestId('inspection-at').fill('2026-11-20T10:30');
      await compliance.getByTestId('inspection-scope').fill('服务器日志与运行服务');
      await compliance.getByTestId('inspection-staff').fill('合规部 张三；机房 李四');
      if (withheldReason) {
        await compliance.getByTestId('inspection-withheld').click();
        await compliance.getByTestId('inspection-withheld-reason').fill(withheldReason);
      }
      await compliance.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
      await compliance.locator('.ant-table-row', { hasText: authority }).waitFor();
    };
    await record('北京市公安局网安总队');
    await record('国家安全机关 E2E', '主管机关要求不告知');
    await compliance.locator('.ant-table-row', { hasText: '国家安全机关 E2E' }).getByText('不予告知').waitFor();
    await compliance.locator('.ant-modal:visible').waitFor({ state: 'detached' });
    await shot(compliance, 'compliance-inspections');

    const customer = await browser.newPage();
    await logIn(customer, server.url, 'alice');
    await customer.waitForURL(/\/portal$/);
    await customer.getByTestId('nav-my-conduct').click();
    const mine = customer.locator('.ant-table-row', { hasText: allocation.address });
    await mine.getByText('已通知客户').waitFor();
    expect(await mine.textContent()).toContain(allocation.address);
    expect(await customer.locator('.ant-table').first().textContent()).not.toContain('CNCERT 通报 E2E'); // who complained is not shown to the customer
    await shot(customer, 'compliance-portal-complaint');
    await customer.getByRole('tab', { name: '检查记录（第 6.6 条）' }).click();
    await customer.locator('.ant-table-row', { hasText: '北京市公安局网安总队' }).waitFor();
    expect(await customer.locator('.ant-table-row', { hasText: '国家安全机关 E2E' }).count()).toBe(0);
    expect(await customer.locator('.ant-table-row', { hasText: '北京市公安局网安总队' }).textContent()).toContain('2026-11-20 10:30');
    await shot(customer, 'compliance-portal-inspections');

    // 5.3: the customer declares email on its server (a violation until the supplementary agreement is filed)
    await customer.getByRole('tab', { name: '申报服务（第 5.3 条）' }).click();
    await customer.locator('form #serverId').click();
    await customer.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: demoServer.serialNumber }).click();
    await customer.locator('form #kind').click();
    await customer.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '电子邮件' }).click();
    await customer.getByTestId('service-declare').click();
    const declared = customer.locator('.ant-table-row', { hasText: '电子邮件' });
    await declared.getByText('缺补充协议（违规）').waitFor();
    await compliance.getByRole('tab', { name: '申报服务（第 5.3 条）' }).click();
    const filed = compliance.locator('.ant-table-row', { hasText: '电子邮件' }).filter({ hasText: demoServer.serialNumber });
    await filed.locator('input[type=file]').setInputFiles({ name: '邮件服务补充协议.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await filed.getByText('合规', { exact: true }).waitFor();
    await customer.reload();
    await customer.getByRole('tab', { name: '申报服务（第 5.3 条）' }).click();
    await declared.getByText('邮件服务补充协议.pdf').waitFor();
    expect(await declared.getByText('合规', { exact: true }).count()).toBe(1);
    await shot(customer, 'compliance-portal-services');
    await customer.close();
    await compliance.close();
  });
});
