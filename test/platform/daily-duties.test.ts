import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/core/scope.js';
import { dailyDuties, dueDay } from '../../src/jobs/duties.js';
import { JOBS } from '../../src/jobs/definitions.js';
import { jobHandlers } from '../../src/jobs/handlers.js';
import { startBackground } from '../../src/jobs/runner.js';
import { makeTestApp, type TestApp } from '../harness/app.js';
import { makeActivationReadyCustomer } from '../harness/factories.js';

// issue 23 §8: the daily duties follow the application's clock and a missed midnight is caught up at once
const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };
const quiet = { info: () => undefined, error: () => undefined, debug: () => undefined };

let t: TestApp;
let siteId: string;
let cabinetId: string;
let customerId: string;
let serial = 0;

async function activeContract(termMonths: number) {
  const s = await t.services.servers.createServer(system, { customerId, brand: 'Dell', model: 'R750', serialNumber: `DUTY-${++serial}`, heightU: 1 });
  await t.services.servers.inspect(system, s.id, OK);
  const c = await t.services.contracts.create(system, { customerId, siteId, serverIds: [s.id], annualFee: '1200', termMonths });
  await t.services.contracts.sign(system, c.id, { signingDate: '2026-09-28', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
  await t.services.servers.rack(system, s.id, { cabinetId, lowestU: serial, face: 'front' });
  return c.id;
}

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-09-30T02:00:00Z', env: { GATE_APPLY: 'off' } });
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工商银行北京分行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
  const site = await t.services.floor.createSite(system, { code: 'DD', name: '机房', address: '北京', accessPoint: '电信机房' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'A' });
  cabinetId = (await t.services.floor.createCabinet(system, { roomId: room.id, code: 'A01', heightU: 47 })).id;
  siteId = site.id;
  customerId = (await makeActivationReadyCustomer(t.services, '每日任务客户')).id;
});
afterAll(() => t.close());

describe('daily duties', () => {
  it('are due from their time of day in Beijing, on the application clock', () => {
    expect(dueDay({ at: '00:00' }, new Date('2026-10-29T16:00:00Z'))).toBe('2026-10-30');
    expect(dueDay({ at: '08:05' }, new Date('2026-10-29T23:59:00Z'))).toBe('2026-10-29'); // 07:59 Beijing
    expect(dueDay({ at: '08:05' }, new Date('2026-10-30T00:05:00Z'))).toBe('2026-10-30');
    // the sweep first, the digest and reminders after it, as the day runs
    expect(dailyDuties(jobHandlers(t.services)).map((d) => d.name).slice(0, 2)).toEqual([JOBS.contractRenewals.name, JOBS.auditAnchor.name]);
  });

  it('a server started after a missed midnight renews one term and ends the objected one at once, each duty once across two processes', async () => {
    const renewing = await activeContract(1); // 2026-09-30 … 2026-10-29: renews on 10-30
    const objected = await activeContract(1);
    await t.services.contracts.objectToRenewal(system, objected); // ends on 10-30
    // a first start on 09-30 does the day's duties
    const first = await startBackground(t, jobHandlers(t.services), quiet);
    expect((await first.caughtUp).map((r) => r.day)).toContain('2026-09-30');
    await first.stop();

    // down over the night of 10-29; started again five minutes after midnight (the old schedule said 00:10)
    t.clock.set('2026-10-29T16:05:00Z');
    const other = await t.sibling();
    const [a, b] = [await startBackground(t, jobHandlers(t.services), quiet), await startBackground({ ...t, database: t.database }, jobHandlers(other.services), quiet)];
    await Promise.all([a.caughtUp, b.caughtUp]);
    await a.stop();
    await b.stop();
    // (a pass may also have come from the per-minute job: what was done is read from the ledger)
    expect((await a.duties.doneDays(JOBS.contractRenewals.name)).slice(0, 2)).toEqual(['2026-10-30', '2026-09-30']);
    // the anchor is due at 00:30: the one for 10-29 (missed overnight) ran, not yet 10-30's
    expect((await a.duties.doneDays(JOBS.auditAnchor.name)).slice(0, 2)).toEqual(['2026-10-29', '2026-09-30']);

    expect(await t.services.contracts.get(system, renewing)).toMatchObject({ status: 'active', termStart: '2026-10-30', termEnd: '2026-11-29', renewalCount: 1 });
    expect((await t.services.contracts.get(system, objected)).status).toBe('ended');
    // every day between was swept, in order
    const swept = (await t.services.billing.sweeps(system, 60)).map((s) => s.day).sort();
    expect(swept.at(-1)).toBe('2026-10-30');
    expect(swept.filter((d) => d >= '2026-09-30')).toHaveLength(31);

    // the application clock passes 08:05: the per-minute pass runs the morning's duties, once
    t.clock.set('2026-10-30T00:06:00Z');
    const c = await startBackground(t, jobHandlers(t.services), quiet);
    await c.caughtUp;
    for (const duty of [JOBS.auditAnchor.name, JOBS.deskDigest.name, JOBS.kycExpiryReminders.name]) expect((await c.duties.doneDays(duty))[0], duty).toBe('2026-10-30');
    expect((await c.duties.doneDays(JOBS.calendarNextYear.name))[0]).toBe('2026-10-29'); // 08:30: not yet
    expect(await c.duties.runDue()).toEqual([]);
    await c.stop();
  });
});
