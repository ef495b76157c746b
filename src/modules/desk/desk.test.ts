import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_AREAS, rowsOf, type DeskItem } from '../../core/desk.js';
import type { Scope } from '../../core/scope.js';
import { systemScope } from '../../core/scope.js';
import { DEMO_CUSTOMERS, seedDemo } from '../../demo/seed.js';
import { makeTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness/app.js';
import { lastTwelveMonths } from './desk.service.js';
import { startSmtp, type SmtpReceiver } from '../../../test/harness/smtp.js';

const system = systemScope('test');
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
let t: TestApp;
let items: DeskItem[];
let smtp: SmtpReceiver;
const staffScope = (roles: string[]): Scope => ({ kind: 'staff', userId: '00000000-0000-4000-8000-00000000ffff', login: 'x', roles: roles as never });

/** One number from SQL, the test's own count to hold the dashboard's against. */
async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [r] = rowsOf<{ n: number | string }>(await t.database.db.execute(query));
  return Number(r.n);
}

beforeAll(async () => {
  // 15 October 2026, 10:00 in Beijing: next year's holiday arrangement is not out yet (the calendar's to-do)
  smtp = await startSmtp();
  t = await makeTestApp({ now: '2026-10-15T02:00:00Z', env: { SMTP_URL: smtp.url } });
  await seedDemo(t.services, t.clock);
  const s = t.services;
  const [hy, ls] = [DEMO_CUSTOMERS[0], DEMO_CUSTOMERS[1]];
  const customers = (await s.customers.list(system, { page: 1, pageSize: 50 })).items;
  const hyId = customers.find((c) => c.name === hy.name)!.id;
  const lsId = customers.find((c) => c.name === ls.name)!.id;
  // KYC (5.10): the legal representative's new ID expires within 30 days
  const id = await s.kyc.upload(system, hyId, { kind: 'legal_representative_id', holderName: hy.legalRepresentative, idType: 'resident_id', idNumber: hy.legalRepresentativeId, issuedOn: '2006-11-01', expiresOn: '2026-11-01', fileName: 'id.pdf', bytes: pdf });
  await s.kyc.review(system, id.id, { verify: true });
  // contracts: one sent and awaiting signature, one active for a month (第十三条: ends within 60 days)
  const site = (await s.floor.sites(system))[0];
  const cabinet = (await s.floor.cabinets(system))[0];
  const newServer = async (serial: string) => {
    const server = await s.servers.createServer(system, { customerId: lsId, brand: 'Lenovo', model: 'SR650', serialNumber: serial, heightU: 1, powerW: 500 });
    await s.servers.inspect(system, server.id, { powerSupplies: true, rails: true, interfaces: true, labelling: true });
    return server;
  };
  const a = await newServer('DESK-0001');
  const sent = await s.contracts.create(system, { customerId: lsId, siteId: site.id, serverIds: [a.id], annualFee: '12000' });
  await s.contracts.send(system, sent.id);
  const b = await newServer('DESK-0002');
  const short = await s.contracts.create(system, { customerId: lsId, siteId: site.id, serverIds: [b.id], annualFee: '6000', termMonths: 1 });
  await s.contracts.send(system, short.id);
  await s.contracts.sign(system, short.id, { signingDate: '2026-10-15', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: pdf });
  await s.servers.rack(system, b.id, { cabinetId: cabinet.cabinet.id, lowestU: 40, face: 'full' });
  // a reboot ticket (6.1), a line fault (6.3) and a complaint (5.4)
  const [lsServer] = (await s.servers.servers(system, {})).filter((x) => x.serialNumber === 'LS-2102313');
  await s.tickets.open(system, { customerId: lsId, serverId: lsServer.id, type: 'reboot', priority: 'urgent', subject: '请重启服务器', description: '' });
  await s.incidents.open(system, { title: '光缆中断', cause: 'provider_fault', lineFault: true, scope: [{ kind: 'server', target: lsServer.id }], startedAt: new Date('2026-10-15T01:00:00Z') });
  const [domain] = (await s.domains.list(system, { customerId: hyId })).filter((d) => d.status === 'verified');
  await s.complaints.intake(system, { source: 'CNCERT', category: 'spam', description: '垃圾邮件投诉', domain: domain.domain });
  // the calendar (issue 16): next year not loaded by October
  await s.calendar.remindNextYear();
  // site access (issue 21): a visit request waiting for NOC's decision
  const options = await s.access.bookingOptions(system, hyId);
  const soon = t.clock.now().getTime() + 3_600_000;
  await s.access.book(system, { customerId: hyId, roomId: options.rooms[0].roomId, purpose: 'emergency', startsAt: new Date(soon), endsAt: new Date(soon + 3_600_000), memberIds: [options.people[0].memberId], serverIds: [] });
  items = await s.desk.todo(system);
}, 180_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('the to-do list (待办)', () => {
  it('holds items from every area, sorted by deadline, each with its clause where the agreement sets one', () => {
    const areas = new Set(items.map((i) => i.area));
    expect([...DESK_AREAS].filter((a) => !areas.has(a))).toEqual([]);
    const kinds = new Set(items.map((i) => i.kind));
    for (const k of ['kyc.expiring', 'contract.awaitingSignature', 'contract.renewing', 'commissioning.due', 'invoice.due', 'fapiao.requested', 'domain.awaitingVerification', 'complaint.open', 'ticket.reboot', 'incident.lineFault', 'calendar.nextYearProvisional', 'visit.pending']) {
      expect(kinds, k).toContain(k);
    }
    expect(items.some((i) => i.area === 'maintenance')).toBe(true);
    const dues = items.map((i) => i.dueAt?.getTime() ?? Infinity);
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    expect(items.find((i) => i.kind === 'commissioning.due')!.clause).toBe('5.1');
    expect(items.find((i) => i.kind === 'incident.lineFault')).toMatchObject({ clause: '6.3', dueAt: new Date('2026-10-16T01:00:00Z') });
    expect(items.find((i) => i.kind === 'contract.renewing')).toMatchObject({ clause: '第十三条', customerName: DEMO_CUSTOMERS[1].name });
  });

  it("gives each role its own items (admins all) and a customer user only its own customer's", async () => {
    const noc = await t.services.desk.todo(staffScope(['noc']));
    expect(new Set(noc.map((i) => i.area))).toEqual(new Set(['commissioning', 'tickets', 'incidents', 'maintenance', 'calendar', 'access']));
    const finance = await t.services.desk.todo(staffScope(['finance']));
    expect(new Set(finance.map((i) => i.area))).toEqual(new Set(['billing', 'contracts']));
    expect((await t.services.desk.todo(staffScope(['admin']))).length).toBe(items.length);

    const ls = await t.login('carol', 'rackpact-demo');
    const res = await ls.get('/api/v1/desk/todo');
    expect(res.statusCode).toBe(200);
    const mine = res.json().items as { customerName: string; kind: string; link: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((i) => i.customerName))).toEqual(new Set([DEMO_CUSTOMERS[1].name]));
    expect(mine.map((i) => i.kind)).toContain('contract.awaitingSignature');
    expect(mine.every((i) => i.link.startsWith('/portal'))).toBe(true);
  });
});

describe('the dashboards', () => {
  const figuresOf = async (role: 'admin' | 'sales' | 'noc' | 'compliance' | 'finance') =>
    Object.fromEntries((await t.services.desk.dashboard(system, role)).figures.map((f) => [f.key, f.value]));

  it('admin: the figures agree with SQL and with the lists they link to', async () => {
    const f = await figuresOf('admin');
    expect(f.activeContracts).toBe(await count(sql`SELECT count(*) AS n FROM contracts WHERE status = 'active'`));
    expect(f.activeContracts).toBe((await t.services.contracts.list(system, { status: 'active' })).length);
    expect(f.activeCustomers).toBe((await t.services.customers.list(system, { status: 'active', page: 1, pageSize: 100 })).total);
    expect(f.annualContractValue).toBe(await count(sql`SELECT sum(annual_fee_fen) AS n FROM contracts WHERE status = 'active'`));
    const open = (await t.services.billing.invoices(system, {})).filter((i) => ['unpaid', 'partially_paid', 'overdue'].includes(i.status));
    expect(f.receivable).toBe(open.reduce((sum, i) => sum + i.amountFen - i.paidFen - i.creditAppliedFen, 0));
    expect(f.receivable).toBeGreaterThan(0);
    expect(f.renewals30).toBe((await t.services.billing.expiring(system, 30)).length);
    expect(f.renewals30).toBe(1);
    expect(f.incidentsOpen).toBe((await t.services.incidents.list(system, { status: 'open' })).length);
    expect(f.compensationHoursThisYear).toBe(2); // the demo's 42-minute outage, doubled and rounded up (7.2)
    const dash = await t.services.desk.dashboard(system, 'admin');
    expect(dash.charts.map((c) => c.key)).toEqual(['newContracts', 'revenue', 'compensationHours', 'roomUtilisation']);
    const newContracts = dash.charts[0].points;
    expect(newContracts.map((p) => p.label)).toEqual(lastTwelveMonths('2026-10-15' as never));
    expect(newContracts.at(-1)!.value).toBe(await count(sql`SELECT count(*) AS n FROM contracts WHERE signing_date >= '2026-10-01'`));
  });

  it('sales, NOC, compliance and finance: each figure is the count of the list behind it', async () => {
    const sales = await figuresOf('sales');
    expect(sales.awaitingSignature).toBe((await t.services.contracts.list(system, { status: 'sent' })).length);
    expect(sales.awaitingSignature).toBe(1);
    expect(sales.expiring60).toBe((await t.services.billing.expiring(system, 60)).length);

    const noc = await figuresOf('noc');
    const byKind = (k: string) => items.filter((i) => i.kind === k).length;
    expect(noc.commissioningOpen).toBe(byKind('commissioning.due'));
    expect(noc.commissioningOpen).toBe(await count(sql`SELECT count(*) AS n FROM commissioning_orders WHERE completed_at IS NULL`));
    expect(noc.rebootTicketsOpen).toBe((await t.services.tickets.list(system, { type: 'reboot', active: true, sort: 'age' })).length);
    expect(noc.rebootTicketsOpen).toBe(1);
    expect(noc.lineFaultsOpen).toBe(byKind('incident.lineFault'));
    expect(noc.maintenanceNext7).toBe(items.filter((i) => i.area === 'maintenance').length);

    const compliance = await figuresOf('compliance');
    expect(compliance.filingsAwaiting).toBe((await t.services.domains.list(system, { status: 'submitted' })).length);
    expect(compliance.complaintsOpen).toBe(byKind('complaint.open'));
    expect(compliance.complaintsOpen).toBe(1);

    const finance = await figuresOf('finance');
    expect(finance.agingNotDue + finance.aging1to30 + finance.aging31to60 + finance.aging61to90 + finance.agingOver90).toBe(finance.receivable);
    expect(finance.fapiaoWaiting).toBe(byKind('fapiao.requested'));
    expect(finance.dunningDue).toBe((await t.services.billing.dunning(system, { decision: 'proposed' })).length);
    expect(finance.paymentsThisMonth).toBe(await count(sql`SELECT coalesce(sum(amount_fen), 0) AS n FROM payments WHERE received_on >= '2026-10-01'`));
  });

  it('opens a dashboard to its role, admins and auditors only', async () => {
    const noc = await t.login('noc', 'rackpact-demo');
    expect((await noc.get('/api/v1/desk/dashboards/noc')).statusCode).toBe(200);
    expect((await noc.get('/api/v1/desk/dashboards/finance')).statusCode).toBe(403);
    const auditor = await t.login('auditor', 'rackpact-demo');
    expect((await auditor.get('/api/v1/desk/dashboards/finance')).statusCode).toBe(200);
    const carol = await t.login('carol', 'rackpact-demo');
    expect((await carol.get('/api/v1/desk/dashboards/admin')).statusCode).toBe(403);
  });
});

describe('the daily digest', () => {
  it('queues one e-mail per staff member with an address and something to do, once a day, not to those who opted out', async () => {
    const s = t.services;
    const noc = await s.users.create(system, { login: 'noc2', displayName: '值班 NOC', email: 'noc2@idc.example', kind: 'staff', roles: ['noc'], password: TEST_PASSWORD });
    const fin = await s.users.create(system, { login: 'fin2', displayName: '财务 2', email: 'fin2@idc.example', kind: 'staff', roles: ['finance'], password: TEST_PASSWORD });
    await s.users.create(system, { login: 'cmp2', displayName: '合规 2', email: 'cmp2@idc.example', kind: 'staff', roles: ['compliance'], password: TEST_PASSWORD });
    await s.desk.setDigestPreference({ kind: 'staff', userId: fin.id, login: 'fin2', roles: ['finance'] }, true);
    expect(await s.desk.queueDigests()).toBe(2);
    expect(await s.desk.queueDigests()).toBe(0);
    const digests = await s.desk.digestsOf('2026-10-15');
    expect(digests.map((d) => d.recipient)).toEqual(['cmp2@idc.example', 'noc2@idc.example']);
    const mail = digests.find((d) => d.userId === noc.id)!;
    expect(mail.subject).toContain('今日待办');
    expect(mail.body).toContain('线路故障');
    expect(mail.body).toContain('Line fault');
    expect(mail.itemCount).toBe((await s.desk.todo(staffScope(['noc']))).length);

    // sent through SMTP once; the outbox remembers it
    expect(await s.desk.deliverDigests()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(await s.desk.deliverDigests()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['cmp2@idc.example', 'noc2@idc.example']);
    expect((await s.desk.digestsOf('2026-10-15')).map((d) => d.status)).toEqual(['sent', 'sent']);
  });
});
