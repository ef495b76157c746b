import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { addDays, agingBucket, outstanding, type CalendarDate } from '../../rules/index.js';
import { demoSealPng } from '../provider/demo-seal.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { makeActivationReadyCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

/** The finance desk (issue 20 item 4) and the payment notice (issue 19 item 4). */
const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };
const PROVIDER = '北京云桥数据科技有限公司';
const ACCOUNT = '0200004509200123456';

let t: TestApp;
let siteId: string;
let cabinetId: string;
let alpha: string;
let beta: string;
let nextU = 1;
let serial = 0;

async function activeContract(customer: string, annualFee: string) {
  const s = await t.services.servers.createServer(system, { customerId: customer, brand: 'Dell', model: 'R750', serialNumber: `FIN-${++serial}`, heightU: 1 });
  await t.services.servers.inspect(system, s.id, OK);
  const c = await t.services.contracts.create(system, { customerId: customer, siteId, serverIds: [s.id], annualFee });
  await t.services.contracts.sign(system, c.id, { signingDate: '2026-09-28', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
  await t.services.servers.rack(system, s.id, { cabinetId, lowestU: nextU++, face: 'front' });
  const detail = await t.services.contracts.get(system, c.id);
  return { contractId: c.id, number: c.number, invoice: detail.invoices[0] };
}

const paymentCount = async () => Number((await t.database.raw.query<{ n: string }>('SELECT count(*) AS n FROM payments'))[0].n);

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-09-30T02:00:00Z' });
  await makeStaff(t.services, 'f-finance', ['finance']);
  await makeStaff(t.services, 'f-sales', ['sales']);
  await t.services.provider.update(system, { legalName: PROVIDER, uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工商银行北京分行', bankAccount: ACCOUNT, signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
  await t.services.provider.setSeal(system, demoSealPng());
  const site = await t.services.floor.createSite(system, { code: 'BJ', name: '北京机房', address: '北京', accessPoint: '牛街庄电信机房' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'A' });
  cabinetId = (await t.services.floor.createCabinet(system, { roomId: room.id, code: 'A01', heightU: 47 })).id;
  siteId = site.id;
  alpha = (await makeActivationReadyCustomer(t.services, '阿尔法科技（北京）有限公司')).id;
  beta = (await makeActivationReadyCustomer(t.services, '贝塔网络有限公司')).id;
  await makeCustomerUser(t.services, 'f-alpha', alpha);
  await makeCustomerUser(t.services, 'f-beta', beta);
});
afterAll(() => t.close());

describe('receivables with aging (computed by the database)', () => {
  it('puts an invoice in its bucket by days past its due date, the boundaries included', async () => {
    const a = await activeContract(alpha, '1200');
    const finance = await t.login('f-finance');
    const due = a.invoice.dueOn as CalendarDate;
    const expected: [number, string][] = [[-3, 'not_due'], [0, 'not_due'], [1, 'd1_30'], [30, 'd1_30'], [31, 'd31_60'], [60, 'd31_60'], [61, 'd61_90'], [90, 'd61_90'], [91, 'over_90'], [400, 'over_90']];
    for (const [days, bucket] of expected) {
      const asOf = addDays(due, days);
      const res = (await finance.get(`/api/v1/billing/receivables?customerId=${alpha}&asOf=${asOf}`)).json();
      const item = res.items.find((i: { invoiceId: string }) => i.invoiceId === a.invoice.id);
      expect([days, item.bucket, item.daysPastDue]).toEqual([days, bucket, days]);
      expect(agingBucket(days)).toBe(bucket); // the rules say the same as the SQL
      expect(res.buckets.map((b: { bucket: string }) => b.bucket)).toEqual(['not_due', 'd1_30', 'd31_60', 'd61_90', 'over_90']);
      expect(res.buckets.find((b: { bucket: string }) => b.bucket === bucket)).toMatchObject({ invoices: 1, outstandingFen: 120_000 });
      // the bucket filter is applied in SQL: the other buckets list nothing
      const other = bucket === 'not_due' ? 'over_90' : 'not_due';
      expect((await finance.get(`/api/v1/billing/receivables?customerId=${alpha}&asOf=${asOf}&bucket=${other}`)).json().items).toEqual([]);
      // overdue (the dashboards' 逾期应收): every bucket past the due date, never the one not yet due
      const overdue = (await finance.get(`/api/v1/billing/receivables?customerId=${alpha}&asOf=${asOf}&bucket=overdue`)).json().items;
      expect(overdue.map((i: { invoiceId: string }) => i.invoiceId)).toEqual(bucket === 'not_due' ? [] : [a.invoice.id]);
    }
  });

  it('lists what is still owed across customers, filtered by customer; paid invoices leave it; staff outside finance and customers are refused', async () => {
    const b = await activeContract(beta, '3000');
    await t.services.billing.recordPayment(system, b.invoice.id, { amount: '1000', receivedOn: '2026-09-30', bankReference: 'BETA-PART-1' });
    const finance = await t.login('f-finance');
    const all = (await finance.get('/api/v1/billing/receivables')).json();
    expect(all.items.map((i: { customerName: string }) => i.customerName).sort()).toEqual(['贝塔网络有限公司', '阿尔法科技（北京）有限公司'].sort());
    expect(all.items.find((i: { invoiceId: string }) => i.invoiceId === b.invoice.id)).toMatchObject({ outstandingFen: 200_000, contractNumber: b.number, bucket: 'not_due' });
    expect(all.totalFen).toBe(120_000 + 200_000);
    expect((await finance.get(`/api/v1/billing/receivables?customerId=${beta}`)).json().items).toHaveLength(1);
    expect((await (await t.login('f-sales')).get('/api/v1/billing/receivables')).statusCode).toBe(403);
    expect((await (await t.login('f-alpha')).get('/api/v1/billing/receivables')).statusCode).toBe(403);
  });
});

describe('the customer statement', () => {
  it('adds up: opening + invoiced − received = closing, periods chain, and closing = what is owed − credit', async () => {
    const c = await activeContract(alpha, '500');
    t.clock.set('2026-10-20T02:00:00Z');
    await t.services.billing.recordPayment(system, c.invoice.id, { amount: '800', receivedOn: '2026-10-20', bankReference: 'ALPHA-OVER-1' }); // 300 over: credit
    const owner = await t.login('f-alpha');
    const whole = (await owner.get(`/api/v1/customers/${alpha}/statement?from=2026-01-01&to=2026-10-20`)).json();
    expect(whole.openingBalanceFen).toBe(0);
    expect(whole.closingBalanceFen).toBe(whole.openingBalanceFen + whole.invoicedFen - whole.receivedFen);
    expect(whole.lines.at(-1).balanceFen).toBe(whole.closingBalanceFen);
    const open = (await t.services.billing.invoices(system, { customerId: alpha })).filter((i) => i.status !== 'void').reduce((s, i) => s + outstanding(i), 0);
    const credit = (await t.services.billing.credit(system, alpha)).balanceFen;
    expect(credit).toBe(30_000);
    expect(whole.closingBalanceFen).toBe(open - credit);
    expect(whole.closingCreditFen).toBe(credit);
    const first = (await owner.get(`/api/v1/customers/${alpha}/statement?from=2026-01-01&to=2026-10-01`)).json();
    const second = (await owner.get(`/api/v1/customers/${alpha}/statement?from=2026-10-02&to=2026-10-20`)).json();
    expect(second.openingBalanceFen).toBe(first.closingBalanceFen);
    expect(second.closingBalanceFen).toBe(whole.closingBalanceFen);
    expect(second.lines.map((l: { kind: string; creditFen: number }) => [l.kind, l.creditFen])).toEqual([['payment', 80_000]]);
    // a customer sees only its own statement
    expect((await owner.get(`/api/v1/customers/${beta}/statement`)).statusCode).toBe(404);
    expect((await owner.get(`/api/v1/customers/${beta}/statement/document`)).statusCode).toBe(404);
    const pdf = await owner.get(`/api/v1/customers/${alpha}/statement/document?from=2026-01-01&to=2026-10-20`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'statement-'));
    writeFileSync(join(dir, 's.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 's.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['对账单', '期初余额', '期末余额', PROVIDER, c.invoice.number, 'ALPHA-OVER-1']) expect(text, s).toContain(s);
    expect(execFileSync('pdfimages', ['-list', join(dir, 's.pdf')], { encoding: 'utf8' }).split('\n').length).toBeGreaterThan(3); // the seal
    t.clock.set('2026-09-30T02:00:00Z');
  });
});

describe('bank-statement import', () => {
  it('matches lines for review and records nothing; records only the confirmed lines, each once', async () => {
    t.clock.set('2026-10-21T02:00:00Z');
    const owing = (await t.services.billing.invoices(system, { customerId: beta })).find((i) => i.status !== 'paid')!;
    const alphaOwing = (await t.services.billing.invoices(system, { customerId: alpha })).find((i) => i.amountFen === 120_000)!;
    const csv = [
      '交易日期,贷方金额,对方户名,附言',
      `2026-10-19,"2,000.00",贝塔网络有限公司,货款 ${owing.number}`,
      '2026/10/20,1200.00,阿尔法科技(北京)有限公司,托管费',
      '20261020,99.00,不认识的公司,其他',
      'bad-date,1.00,x,y',
    ].join('\n');
    const finance = await t.login('f-finance');
    const before = await paymentCount();
    const preview = (await finance.post('/api/v1/billing/bank-import/preview', { csv })).json();
    expect(await paymentCount()).toBe(before); // the preview records nothing
    expect(preview.lines.map((l: { line: number; confidence: string; invoice: { id: string } | null; error: string | null }) => [l.line, l.confidence, l.invoice?.id ?? null, l.error])).toEqual([
      [2, 'high', owing.id, null],
      [3, 'medium', alphaOwing.id, null],
      [4, 'none', null, null],
      [5, 'none', null, 'finance.bankDate'],
    ]);
    expect(preview.lines[0].reasons).toEqual(['invoiceNumber', 'amountEqualsOutstanding', 'payerIsCustomer']);
    // sales may not import; the reviewer confirms line 2 only
    expect((await (await t.login('f-sales')).post('/api/v1/billing/bank-import/record', { csv, confirmed: [{ line: 2, invoiceId: owing.id }] })).statusCode).toBe(403);
    const recorded = (await finance.post('/api/v1/billing/bank-import/record', { csv, confirmed: [{ line: 2, invoiceId: owing.id }] })).json();
    expect(recorded.results).toMatchObject([{ line: 2, status: 'recorded' }]);
    expect(await paymentCount()).toBe(before + 1);
    expect(await t.services.billing.invoice(system, owing.id)).toMatchObject({ status: 'paid', paidFen: 300_000 });
    // the same file again (and the same line twice in one request) records nothing more
    const again = (await finance.post('/api/v1/billing/bank-import/record', { csv, confirmed: [{ line: 2, invoiceId: owing.id }, { line: 2, invoiceId: owing.id }, { line: 5, invoiceId: owing.id }] })).json();
    expect(again.results.map((r: { status: string }) => r.status)).toEqual(['alreadyRecorded', 'alreadyRecorded', 'refused']);
    expect(await paymentCount()).toBe(before + 1);
    expect((await finance.post('/api/v1/billing/bank-import/preview', { csv })).json().lines[0].alreadyRecorded).toBe(true);
    // two transfers with the same 附言 are told apart by the bank's serial, which the payment keeps as its reference
    const alphaOpen = (await t.services.billing.invoices(system, { customerId: alpha })).find((i) => i.status !== 'paid' && outstanding(i) > 200)!;
    const serials = ['date,amount,payer,reference,serial', '2026-10-20,1.00,阿尔法科技（北京）有限公司,托管费,ICBC-0001', '2026-10-20,1.00,阿尔法科技（北京）有限公司,托管费,ICBC-0002'].join('\n');
    const both = (await finance.post('/api/v1/billing/bank-import/record', { csv: serials, confirmed: [{ line: 2, invoiceId: alphaOpen.id }, { line: 3, invoiceId: alphaOpen.id }] })).json();
    expect(both.results.map((r: { status: string }) => r.status)).toEqual(['recorded', 'recorded']);
    expect((await t.services.billing.invoice(system, alphaOpen.id)).payments.map((p) => p.bankReference)).toEqual(expect.arrayContaining(['ICBC-0001', 'ICBC-0002']));
    // the database refuses a second record of the line even past the service
    await expect(t.database.raw.query(`INSERT INTO bank_import_lines (line_hash, received_on, amount_fen, payer_name, reference, invoice_id, payment_id, recorded_at) SELECT line_hash, received_on, amount_fen, payer_name, reference, invoice_id, payment_id, recorded_at FROM bank_import_lines`)).rejects.toThrow();
    // the payments list says who recorded it, from the import, and the CSV carries the bank reference
    const payments = (await finance.get(`/api/v1/billing/payments?customerId=${beta}`)).json().items;
    expect(payments.find((p: { imported: boolean }) => p.imported)).toMatchObject({ invoiceNumber: owing.number, amountFen: 200_000, bankReference: `货款 ${owing.number}`, recordedByName: expect.any(String) });
    const exported = await finance.get('/api/v1/billing/payments/export.csv');
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body).toContain(`货款 ${owing.number}`);
    expect(exported.body).toContain('BETA-PART-1');
    t.clock.set('2026-09-30T02:00:00Z');
  });
});

describe('the payment notice (缴费通知单)', () => {
  it('names the payee account, the amount in 大写, the 附言, the 4.2 reading and the contract, under the seal', async () => {
    const d = await activeContract(beta, '12345.60');
    // paid in part: the notice lists the payment and stays one page with its seal whole
    await t.services.billing.recordPayment(system, d.invoice.id, { amount: '345.60', receivedOn: '2026-09-30', bankReference: 'BETA-NOTICE-1' });
    const owner = await t.login('f-beta');
    const pdf = await owner.get(`/api/v1/invoices/${d.invoice.id}/document`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'notice-'));
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'payment-notice.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    for (const s of ['缴费通知单', `户名${PROVIDER}`, `账号${ACCOUNT}`, '开户银行工商银行北京分行', '￥12,345.60（大写壹万贰仟叁佰肆拾伍元陆角）', `合同编号${d.number}`, `汇款附言`, d.invoice.number, '第四条4.2', '尚未申请发票', 'BETA-NOTICE-1', '尚欠金额￥12,000.00（大写壹万贰仟元整）']) {
      expect(text, s).toContain(s);
    }
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l)).length).toBeGreaterThanOrEqual(1);
  });
});
