import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { makeActivationReadyCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };

let t: TestApp;
let siteId: string;
let cabinetId: string;
let customerId: string;
let otherCustomerId: string;
let nextU = 1;
let serial = 0;

async function readyCustomer(name: string) {
  return (await makeActivationReadyCustomer(t.services, name)).id;
}

/** A signed contract on one inspected server, not yet racked. */
async function signedContract(customer: string, annualFee: string, termMonths = 12) {
  const s = await t.services.facility.createServer(system, { customerId: customer, brand: 'Dell', model: 'R750', serialNumber: `BILL-${++serial}`, heightU: 1 });
  await t.services.facility.inspect(system, s.id, OK);
  const c = await t.services.contracts.create(system, { customerId: customer, siteId, serverIds: [s.id], annualFee, termMonths });
  await t.services.contracts.sign(system, c.id, { signingDate: '2026-09-28', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
  return { contractId: c.id, number: c.number, serverId: s.id };
}

async function activeContract(customer: string, annualFee: string, termMonths = 12) {
  const c = await signedContract(customer, annualFee, termMonths);
  await t.services.facility.rack(system, c.serverId, { cabinetId, lowestU: nextU++, face: 'front' });
  const detail = await t.services.contracts.get(system, c.contractId);
  return { ...c, invoice: detail.invoices[0] };
}

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-09-30T02:00:00Z' });
  await makeStaff(t.services, 'b-finance', ['finance']);
  await makeStaff(t.services, 'b-sales', ['sales']);
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工商银行北京分行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
  const site = await t.services.facility.createSite(system, { code: 'BJ', name: '北京机房', address: '北京', accessPoint: '牛街庄电信机房' });
  const room = await t.services.facility.createRoom(system, { siteId: site.id, name: 'A' });
  cabinetId = (await t.services.facility.createCabinet(system, { roomId: room.id, code: 'A01', heightU: 47 })).id;
  siteId = site.id;
  customerId = await readyCustomer('账单客户');
  otherCustomerId = await readyCustomer('另一客户');
  await makeCustomerUser(t.services, 'b-owner', customerId);
  await makeCustomerUser(t.services, 'b-billing', customerId, ['billing']);
  await makeCustomerUser(t.services, 'b-tech', customerId, ['technical']);
});
afterAll(() => t.close());

describe('numbering under concurrency', () => {
  it('gives concurrent drafts continuous contract numbers; a refused draft takes none', async () => {
    const servers = [];
    for (let i = 0; i < 16; i++) {
      const s = await t.services.facility.createServer(system, { customerId, brand: 'Dell', model: 'R650', serialNumber: `CONC-${i}`, heightU: 1 });
      servers.push(s.id);
    }
    // every fifth names a site that does not exist: it fails inside its transaction, after taking a number
    const attempts = servers.map((id, i) => t.services.contracts.create(system, { customerId, siteId: i % 5 === 4 ? '00000000-0000-4000-8000-000000000000' : siteId, serverIds: [id], annualFee: '1000' }));
    const settled = await Promise.allSettled(attempts);
    const numbers = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value.sequence] : [])).sort((a, b) => a - b);
    expect(settled.filter((r) => r.status === 'rejected')).toHaveLength(3);
    expect(numbers).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('numbers invoices INV-YYYY-NNNNNN across all contracts, continuous under concurrent activations', async () => {
    const contracts = [];
    for (let i = 0; i < 12; i++) contracts.push(await signedContract(i % 2 ? customerId : otherCustomerId, '1200'));
    // rack them all at once: each activation issues an invoice in its own transaction
    const racked = await Promise.allSettled(contracts.map((c, i) => t.services.facility.rack(system, c.serverId, { cabinetId, lowestU: 30 + i, face: 'front' })));
    expect(racked.filter((r) => r.status === 'rejected')).toEqual([]);
    const invoices = await t.services.billing.invoices(system, {});
    expect(invoices.map((i) => i.number).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `INV-2026-${String(i + 1).padStart(6, '0')}`));
    expect(new Set(invoices.map((i) => i.contractId)).size).toBe(12);
  });
});

describe('payments, credit and 发票 (第四条)', () => {
  let a: Awaited<ReturnType<typeof activeContract>>;

  it('records partial payments by bank transfer, finance only, each reference once', async () => {
    a = await activeContract(customerId, '10000');
    expect(a.invoice).toMatchObject({ amountFen: 1_000_000, status: 'unpaid', issuedOn: '2026-09-30', dueOn: '2026-10-08' });
    const sales = await t.login('b-sales');
    expect((await sales.post(`/api/v1/invoices/${a.invoice.id}/payments`, { amount: '1', receivedOn: '2026-09-30', bankReference: 'X' })).statusCode).toBe(403);
    const finance = await t.login('b-finance');
    const bad = await finance.post(`/api/v1/invoices/${a.invoice.id}/payments`, { amount: '0', receivedOn: '2026-10-31', bankReference: 'X' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['amount', 'receivedOn']);
    const first = await finance.post(`/api/v1/invoices/${a.invoice.id}/payments`, { amount: '4,000.00', receivedOn: '2026-09-30', bankReference: 'ICBC-20260930-0001' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'partially_paid', paidFen: 400_000, outstandingFen: 600_000, paidOn: null, payment: { appliedFen: 400_000, creditedFen: 0 } });
    const again = await finance.post(`/api/v1/invoices/${a.invoice.id}/payments`, { amount: '1', receivedOn: '2026-09-30', bankReference: 'ICBC-20260930-0001' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].path).toBe('bankReference');
    expect((await t.services.billing.invoice(system, a.invoice.id)).paidFen).toBe(400_000);
  });

  it('dates an invoice overdue when paid in part after its due date, before the sweep has marked it', async () => {
    const late = await activeContract(otherCustomerId, '500');
    t.clock.set('2026-10-09T01:00:00Z'); // due 10-08; no sweep has run
    const paid = (await (await t.login('b-finance')).post(`/api/v1/invoices/${late.invoice.id}/payments`, { amount: '100', receivedOn: '2026-10-09', bankReference: 'LATE-1' })).json();
    expect(paid).toMatchObject({ status: 'overdue', overdueSince: '2026-10-09', paidFen: 10_000 });
    t.clock.set('2026-09-30T02:00:00Z');
  });

  it('keeps an overpayment as credit and applies it to the next invoice', async () => {
    const finance = await t.login('b-finance');
    const paid = (await finance.post(`/api/v1/invoices/${a.invoice.id}/payments`, { amount: '6500', receivedOn: '2026-09-30', bankReference: 'ICBC-20260930-0002' })).json();
    expect(paid).toMatchObject({ status: 'paid', paidFen: 1_000_000, paidOn: '2026-09-30', outstandingFen: 0, payment: { amountFen: 650_000, appliedFen: 600_000, creditedFen: 50_000 } });
    const owner = await t.login('b-owner');
    expect((await owner.get(`/api/v1/customers/${customerId}/credit`)).json()).toMatchObject({ balanceFen: 50_000, entries: [{ amountFen: 50_000, invoiceNumber: a.invoice.number }] });
    // a payment on a paid invoice is all credit
    expect((await finance.post(`/api/v1/invoices/${a.invoice.id}/payments`, { amount: '100', receivedOn: '2026-09-30', bankReference: 'ICBC-20260930-0003' })).json()).toMatchObject({ status: 'paid', payment: { appliedFen: 0, creditedFen: 10_000 } });
    const next = await activeContract(customerId, '400');
    expect(next.invoice).toMatchObject({ amountFen: 40_000, creditAppliedFen: 40_000, status: 'paid', paidOn: '2026-09-30' });
    const credit = (await owner.get(`/api/v1/customers/${customerId}/credit`)).json();
    expect(credit.balanceFen).toBe(20_000);
    expect(credit.entries.map((e: { amountFen: number }) => e.amountFen)).toEqual(expect.arrayContaining([50_000, 10_000, -40_000]));
    expect((await owner.get(`/api/v1/customers/${otherCustomerId}/credit`)).statusCode).toBe(404);
  });

  it('takes 发票 details from the customer and the 发票 number from finance', async () => {
    const tech = await t.login('b-tech');
    const body = { title: '账单客户', taxNumber: '91350100m000100y43', type: 'special' };
    expect((await tech.put(`/api/v1/invoices/${a.invoice.id}/fapiao-request`, body)).statusCode).toBe(403);
    const billing = await t.login('b-billing');
    expect((await billing.put(`/api/v1/invoices/${a.invoice.id}/fapiao-request`, { ...body, taxNumber: '123' })).json().error.fields[0].path).toBe('taxNumber');
    const finance = await t.login('b-finance');
    expect((await finance.post(`/api/v1/invoices/${a.invoice.id}/fapiao`, { fapiaoNumber: '12345678', issuedOn: '2026-09-30' })).json().error.fields[0]).toMatchObject({ path: 'fapiaoNumber', message: expect.stringContaining('开票信息') });
    expect((await billing.put(`/api/v1/invoices/${a.invoice.id}/fapiao-request`, body)).json()).toMatchObject({ fapiaoTitle: '账单客户', fapiaoTaxNumber: '91350100M000100Y43', fapiaoType: 'special', fapiaoNumber: null });
    expect((await finance.post(`/api/v1/invoices/${a.invoice.id}/fapiao`, { fapiaoNumber: '1234567', issuedOn: '2026-09-30' })).json().error.fields[0].path).toBe('fapiaoNumber');
    expect((await finance.post(`/api/v1/invoices/${a.invoice.id}/fapiao`, { fapiaoNumber: '26112000000000123456', issuedOn: '2026-09-30' })).json()).toMatchObject({ fapiaoNumber: '26112000000000123456', fapiaoIssuedOn: '2026-09-30' });
    expect((await billing.put(`/api/v1/invoices/${a.invoice.id}/fapiao-request`, body)).statusCode).toBe(409);
  });

  it('renders the invoice PDF with the amount in figures and 大写, for staff and the customer', async () => {
    const owner = await t.login('b-owner');
    const pdf = await owner.get(`/api/v1/invoices/${a.invoice.id}/document`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'invoice-'));
    writeFileSync(join(dir, 'i.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'i.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of [a.invoice.number, a.number, '账单客户', '北京云桥数据科技有限公司', '￥10,000.00（大写壹万元整）', '起2026年9月30日至2027年9月29日', '2026年10月8日前', 'ICBC-20260930-0001', '26112000000000123456', '增值税专用发票（专票）', '0200004509200123456']) {
      expect(text, s).toContain(s);
    }
    expect((await (await t.login('b-finance')).get(`/api/v1/invoices/${a.invoice.id}/document?format=html`)).body).toContain('大写 零元整');
  });
});

describe('dunning, expiry and the daily sweep', () => {
  let a: Awaited<ReturnType<typeof activeContract>>;
  let b: Awaited<ReturnType<typeof activeContract>>;
  let c: Awaited<ReturnType<typeof activeContract>>;

  it('after 30 days without a run, the next run performs every due transition once, in order, with the dates they were due', async () => {
    t.clock.set('2026-09-30T02:00:00Z');
    a = await activeContract(otherCustomerId, '36000'); // never paid: overdue from 10-09, reminders on 10-09, 10-15, 10-23
    b = await activeContract(otherCustomerId, '1200', 1); // a one-month term ending 10-29: renews 10-30
    c = await activeContract(otherCustomerId, '2400'); // paid in part
    await t.services.billing.recordPayment(system, b.invoice.id, { amount: '1200', receivedOn: '2026-09-30', bankReference: 'B-1' });
    await t.services.billing.recordPayment(system, c.invoice.id, { amount: '400', receivedOn: '2026-09-30', bankReference: 'C-1' });
    await t.services.contracts.objectToRenewal(system, c.contractId); // so c ends rather than renews in a later test
    // earlier days were swept already (the test app's own earlier activity needs none)
    expect((await t.services.billing.sweep()).map((r) => r.day)).toEqual(['2026-09-30']);
    t.clock.set('2026-10-01T02:00:00Z');
    expect((await t.services.billing.sweep()).map((r) => r.day)).toEqual(['2026-10-01']);

    t.clock.set('2026-10-31T01:00:00Z'); // 09:00 in Beijing, 30 days later
    const run = await t.services.billing.sweep();
    expect(run.map((r) => r.day)).toEqual(Array.from({ length: 30 }, (_, i) => `2026-10-${String(i + 2).padStart(2, '0')}`));
    const busy = Object.fromEntries(run.filter((r) => r.renewed || r.ended || r.overdue.length || r.reminders.length || r.proposals.length || r.expiryReminders.length).map((r) => [r.day, r]));
    const overdueNow = (await t.services.billing.invoices(system, {})).filter((i) => i.dueOn === '2026-10-08' && i.status === 'overdue').map((i) => i.number);
    expect(overdueNow).toEqual(expect.arrayContaining([a.invoice.number, c.invoice.number]));
    expect(Object.keys(busy)).toEqual(['2026-10-09', '2026-10-15', '2026-10-22', '2026-10-23', '2026-10-30']);
    expect(busy['2026-10-09'].overdue).toEqual(expect.arrayContaining([a.invoice.number, c.invoice.number]));
    expect(busy['2026-10-09'].reminders).toEqual(expect.arrayContaining([`${a.invoice.number}#1@2026-10-09`, `${c.invoice.number}#1@2026-10-09`]));
    expect(busy['2026-10-15'].reminders).toEqual(expect.arrayContaining([`${a.invoice.number}#2@2026-10-15`]));
    expect(busy['2026-10-22'].expiryReminders).toEqual([`${b.number}-7@2026-10-22`]);
    expect(busy['2026-10-23'].reminders).toEqual(expect.arrayContaining([`${a.invoice.number}#3@2026-10-23`]));
    // the renewal on 10-30 and, after it, the renewed term's 30-day reminder
    expect(busy['2026-10-30']).toMatchObject({ renewed: 1, ended: 0, expiryReminders: [`${b.number}-30@2026-10-30`] });

    const renewed = await t.services.contracts.get(system, b.contractId);
    expect(renewed).toMatchObject({ termStart: '2026-10-30', termEnd: '2026-11-29', renewalCount: 1 });
    const renewalInvoice = renewed.invoices.find((i) => i.periodStart === '2026-10-30')!;
    expect(renewalInvoice).toMatchObject({ issuedOn: '2026-10-30', dueOn: '2026-11-06', status: 'unpaid' });
    const overdueA = await t.services.billing.invoice(system, a.invoice.id);
    expect(overdueA).toMatchObject({ status: 'overdue', overdueSince: '2026-10-09' });
    expect(overdueA.dunning.map((d) => [d.kind, d.step, d.dueOn]).sort()).toEqual([
      ['reminder', 1, '2026-10-09'],
      ['reminder', 2, '2026-10-15'],
      ['reminder', 3, '2026-10-23'],
    ]);
    // the reminders are formal notices, in the order they fell due
    const notices = (await t.services.notices.list(system, otherCustomerId)).filter((n) => n.relatedId === a.invoice.id);
    expect(notices.map((n) => n.type)).toEqual(['billing.overdueReminder', 'billing.overdueReminder', 'billing.overdueReminder']);
    expect(notices.map((n) => n.bodyZh.match(/截至 (\S+) /)![1]).sort()).toEqual(['2026-10-09', '2026-10-15', '2026-10-23']);
    expect(notices[0].bodyZh).toContain('大写 叁万陆仟元整');

    // exactly once: running again changes nothing
    const audits = (await t.services.audit.list(system, { page: 1, pageSize: 1 })).total;
    expect(await t.services.billing.sweep()).toEqual([]);
    expect((await t.services.audit.list(system, { page: 1, pageSize: 1 })).total).toBe(audits);
  });

  it('proposes suspension after the policy days; staff confirm or dismiss; the contract is never terminated', async () => {
    const finance = await t.login('b-finance');
    expect((await finance.put('/api/v1/billing/dunning-policy', { reminderDays: [0], suspensionProposalDays: 30 })).json().error.fields[0].path).toBe('reminderDays');
    expect((await finance.put('/api/v1/billing/dunning-policy', { reminderDays: [15, 1, 7, 35], suspensionProposalDays: 40 })).json()).toMatchObject({ reminderDays: [1, 7, 15, 35], suspensionProposalDays: 40 });
    t.clock.set('2026-11-17T01:00:00Z'); // due 10-08 + 40 = 11-17
    const days = await t.services.billing.sweep();
    const finance2 = await t.login('b-finance'); // the clock moved past the first session's expiry
    expect(days.filter((d) => d.proposals.length).map((d) => d.day)).toEqual(['2026-11-17']);
    expect(days.find((d) => d.day === '2026-11-12')!.reminders).toEqual(expect.arrayContaining([`${a.invoice.number}#4@2026-11-12`]));
    const listed = await finance2.get('/api/v1/billing/dunning?decision=proposed');
    expect(listed.statusCode, listed.body).toBe(200);
    const proposals = listed.json().items;
    expect(proposals.map((p: { invoiceNumber: string }) => p.invoiceNumber)).toEqual(expect.arrayContaining([a.invoice.number, c.invoice.number]));
    const pa = proposals.find((p: { invoiceId: string }) => p.invoiceId === a.invoice.id);
    const pc = proposals.find((p: { invoiceId: string }) => p.invoiceId === c.invoice.id);
    expect((await (await t.login('b-sales')).post(`/api/v1/billing/dunning/${pa.id}/decision`, { decision: 'confirmed' })).statusCode).toBe(403);
    expect((await finance2.post(`/api/v1/billing/dunning/${pa.id}/decision`, { decision: 'confirmed', note: '欠费暂停' })).json()).toMatchObject({ decision: 'confirmed', dueOn: '2026-11-17' });
    expect((await finance2.post(`/api/v1/billing/dunning/${pa.id}/decision`, { decision: 'dismissed' })).statusCode).toBe(409);
    expect((await finance2.post(`/api/v1/billing/dunning/${pc.id}/decision`, { decision: 'dismissed' })).json().decision).toBe('dismissed');
    const suspension = (await t.services.notices.list(system, otherCustomerId)).filter((n) => n.type === 'billing.suspension');
    expect(suspension).toHaveLength(1);
    expect(suspension[0].bodyZh).toContain('不构成解除合同');
    expect((await t.services.contracts.get(system, a.contractId)).status).toBe('active');
  });

  it('stops dunning once paid; two sweeps at once still sweep each day once', async () => {
    const finance = await t.login('b-finance');
    const paid = await finance.post(`/api/v1/invoices/${c.invoice.id}/payments`, { amount: '2000', receivedOn: '2026-11-17', bankReference: 'C-2' });
    expect(paid.json()).toMatchObject({ status: 'paid', paidOn: '2026-11-17', outstandingFen: 0 });
    const overdue = await finance.post(`/api/v1/invoices/${a.invoice.id}/payments`, { amount: '1000', receivedOn: '2026-11-17', bankReference: 'A-1' });
    expect(overdue.json()).toMatchObject({ status: 'overdue', paidFen: 100_000 });
    const before = (await t.services.billing.dunning(system, { invoiceId: c.invoice.id })).length;
    await finance.put('/api/v1/billing/dunning-policy', { reminderDays: [1, 7, 15, 35, 41], suspensionProposalDays: 40 });
    t.clock.set('2026-11-20T01:00:00Z');
    const [one, two] = await Promise.all([t.services.billing.sweep(), t.services.billing.sweep()]);
    expect([...one, ...two].map((r) => r.day).sort()).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
    // a's fifth reminder (due + 41 = 11-18) went out once; c, paid, got none
    const reminders = [...one, ...two].flatMap((r) => r.reminders);
    expect(reminders.filter((r) => r.startsWith(a.invoice.number))).toEqual([`${a.invoice.number}#5@2026-11-18`]);
    expect((await t.services.billing.dunning(system, { invoiceId: c.invoice.id })).length).toBe(before);
  });

  it('lists expiring contracts 60/30/7 days ahead, to staff and (its own) to the customer', async () => {
    t.clock.set('2027-08-01T02:00:00Z');
    const staff = (await (await t.login('b-sales')).get('/api/v1/contracts/expiring')).json().items;
    const byNumber = Object.fromEntries(staff.map((x: { number: string }) => [x.number, x]));
    expect(byNumber[a.number]).toMatchObject({ termEnd: '2027-09-29', daysLeft: 59, bucket: 60, renews: true });
    expect(byNumber[c.number]).toMatchObject({ bucket: 60, renews: false });
    expect((await (await t.login('b-sales')).get('/api/v1/contracts/expiring?withinDays=30')).json().items.map((x: { number: string }) => x.number)).not.toContain(a.number);
    const own = (await (await t.login('b-owner')).get('/api/v1/contracts/expiring')).json().items;
    expect(own.every((x: { customerId: string }) => x.customerId === customerId)).toBe(true);
  });
});
