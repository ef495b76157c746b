import { simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type SmtpReceiver } from '../harness/smtp.js';
import { chooseOption, e2eClockStart, launchBrowser, logIn, shot, startServer } from './server.js';

/**
 * The night is real for the server: CLOCK_START sets its clock to the coming 03:00 in Beijing (a few
 * hours ahead of the machine, so cookies stay valid) and it runs on from there. Jobs run (pg-boss),
 * and mail goes to a real SMTP receiver started here.
 */
function nextThreeAmBeijing(): string {
  const now = e2eClockStart().getTime();
  const day = new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
  let at = new Date(`${day}T03:00:00+08:00`).getTime();
  if (at <= now) at += 24 * 3600_000;
  return new Date(at).toISOString();
}

let smtp: SmtpReceiver;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ CLOCK_START: nextThreeAmBeijing(), SMTP_URL: smtp.url, JOBS: 'on' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe('helpdesk and notices in a real browser', () => {
  it('a customer asks for a reboot at 3 a.m.; NOC does it; the customer sees the measured times against the targets', async () => {
    const customer = await browser.newPage();
    await logIn(customer, server.url, 'alice');
    await customer.waitForURL(/\/portal$/);
    await customer.getByTestId('nav-my-tickets').click();
    await customer.getByTestId('ticket-open').click();
    await chooseOption(customer, customer.locator('#serverId'), 'HY-7XK2Q93');
    await customer.locator('#subject').fill('夜间重启 HY-7XK2Q93');
    await customer.locator('.ant-modal-footer .ant-btn-primary').click();
    const row = customer.locator('.ant-table-row', { hasText: '夜间重启 HY-7XK2Q93' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/ 03:0\d(?!:)/); // opened at night, Beijing time (to the minute)
    expect(await row.getByTestId('sla-running').count()).toBe(2); // both targets still running

    const noc = await browser.newPage();
    await logIn(noc, server.url, 'noc');
    await noc.waitForURL(/\/console$/);
    await noc.getByTestId('nav-tickets').click();
    await noc.locator('.ant-table td', { hasText: '夜间重启 HY-7XK2Q93' }).click();
    await noc.getByTestId('ticket-reply').fill('已重启，服务器已恢复');
    await noc.getByTestId('ticket-reply-send').click();
    await noc.locator('.ant-drawer .ant-list-item', { hasText: '已重启，服务器已恢复' }).waitFor();
    await noc.getByTestId('ticket-status-resolved').click();
    await noc.locator('.ant-drawer .ant-tag', { hasText: '已解决' }).waitFor();
    await shot(noc, 'helpdesk-noc-resolved');

    // the month's report counts the reboot and draws it; the CSV is one click away
    await noc.keyboard.press('Escape'); // close the ticket drawer
    await noc.getByTestId('nav-ticket-reports').click();
    const reportRow = noc.locator('.ant-table-row', { hasText: '重启' }).first();
    await reportRow.waitFor();
    expect(await reportRow.textContent()).toContain('100% (1/1)');
    await noc.getByTestId('report-chart').waitFor();
    const csv = await noc.evaluate(async (href) => (await fetch(href!)).text(), await noc.getByTestId('report-csv').getAttribute('href'));
    expect(csv).toMatch(/\r\n\d{4}-\d{2},reboot,1,/);
    await shot(noc, 'helpdesk-report');

    await customer.reload();
    await customer.locator('.ant-table td', { hasText: '夜间重启 HY-7XK2Q93' }).click();
    await customer.locator('.ant-drawer .ant-list-item', { hasText: '已重启，服务器已恢复' }).waitFor();
    expect(await customer.getByTestId('ticket-first-response').textContent()).toMatch(/^\d+ 分钟$/);
    expect(await customer.getByTestId('ticket-resolution').textContent()).toMatch(/^\d+ 分钟$/);
    expect(await customer.locator('.ant-drawer').getByTestId('sla-met').count()).toBe(2);
    await shot(customer, 'helpdesk-customer-measured');
    await noc.close();
    await customer.close();
  });

  it('a roster change in the portal becomes a notice to the provider, in the register and in the mailbox', async () => {
    const customer = await browser.newPage();
    await logIn(customer, server.url, 'alice');
    await customer.waitForURL(/\/portal$/);
    await customer.getByTestId('nav-my-roster').click();
    await customer.waitForURL(/\/portal\/roster$/);
    await customer.getByTestId('roster-add-customer').click();
    await chooseOption(customer, customer.locator('#role'), '服务器管理');
    await customer.getByTestId('roster-name').fill('夜班孙工');
    await customer.getByTestId('roster-mobile').fill('13811112222');
    await customer.locator('.ant-modal-footer .ant-btn-primary').click();
    await customer.locator('.ant-table td', { hasText: '夜班孙工' }).first().waitFor();

    // the jobs turn the change into a notice and mail it (each runs every minute)
    const mail = await waitFor(async () => {
      for (const m of smtp.received) {
        const parsed = await simpleParser(m.raw);
        if (parsed.text?.includes('夜班孙工')) return { to: m.to, subject: parsed.subject };
      }
      return undefined;
    }, 170_000);
    expect(mail.to).toEqual(['notice@yunqiao-idc.example']);
    expect(mail.subject).toBe('甲方人员名单变更通知（第 5.10 / 6.5 条）');

    const staff = await browser.newPage();
    await logIn(staff, server.url, 'sales');
    await staff.waitForURL(/\/console$/);
    await staff.getByTestId('nav-notices').click();
    await staff.locator('.ant-table-row').first().waitFor();
    // open the roster notices' bodies (an opened row's icon is no longer "collapsed")
    const collapsed = staff.locator('.ant-table-row', { hasText: '人员名单变更通知' }).locator('.ant-table-row-expand-icon-collapsed');
    while ((await collapsed.count()) > 0) await collapsed.first().click();
    const body = staff.locator('.ant-table-expanded-row', { hasText: '夜班孙工' });
    await body.waitFor();
    // issue 19: the demo's rosters came on the form each customer handed over — received from it, in
    // words, how it came and by which document, and nothing waiting to be sent
    const received = staff.locator('.ant-table-row', { hasText: '甲方来函（乙方代为登记）' }).first();
    await received.waitFor();
    expect(await received.textContent()).toContain('当面递交');
    expect(await received.textContent()).toContain('《甲方人员名单及联系方式》');
    expect(await received.textContent()).not.toContain('待发送');
    await shot(staff, 'helpdesk-notice-register');

    // 第九条 proof: the postal receipt of the provider's letter to the customer, uploaded by staff, marks it delivered
    const noticeRow = staff.locator('.ant-table-row', { hasText: '人员名单变更通知' }).filter({ has: staff.locator('[data-testid^="notice-proof-"]') }).first();
    const chooser = staff.waitForEvent('filechooser');
    await noticeRow.locator('[data-testid^="notice-proof-"]').first().click();
    await (await chooser).setFiles({ name: 'EMS-receipt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n') });
    await staff.locator('.ant-table-row a', { hasText: '回执' }).first().waitFor();

    // the portal's preferences page lists the new person; a 24-hour contact's incidents cannot be unticked
    await customer.getByTestId('nav-my-notice-preferences').click();
    await customer.locator('.ant-table td', { hasText: '夜班孙工' }).first().waitFor();
    // columns: incident, maintenance, billing, contract, roster, tickets, general
    const bob = () => customer.locator('.ant-table-row', { hasText: 'bob@huanyu.example' }).locator('input[type=checkbox]');
    expect(await bob().nth(0).isChecked()).toBe(true);
    expect(await bob().nth(0).isDisabled()).toBe(true);
    await bob().nth(5).click(); // saved at once, shown checked once the server answers
    await customer.locator('.ant-message', { hasText: '已保存' }).waitFor();
    await customer.reload();
    await customer.locator('.ant-table td', { hasText: '夜班孙工' }).first().waitFor();
    expect(await bob().nth(5).isChecked()).toBe(true);
    await shot(customer, 'helpdesk-notice-preferences');

    // sales sees the same choices in the console, per customer
    await staff.getByTestId('nav-notice-preferences').click();
    await staff.locator('.ant-select').first().click();
    await staff.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '北京寰宇网络科技有限公司' }).click();
    await staff.locator('.ant-table-row', { hasText: 'bob@huanyu.example' }).locator('input[type=checkbox]').nth(5).and(staff.locator(':checked')).waitFor();
    await staff.close();
    await customer.close();
  }, 240_000);
});
