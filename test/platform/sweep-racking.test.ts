import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/core/scope.js';
import { makeTestApp, type TestApp } from '../harness/app.js';
import { makeActivationReadyCustomer } from '../harness/factories.js';

/**
 * Issue 23 §9: a racking (activation, its invoice, the audit rows) once waited over 30 s in the full
 * browser run. Both it and the daily sweep append to the audit chain, which one transaction at a time
 * holds (pg_advisory_xact_lock) until it commits, and both lock contracts and number invoices. Here a
 * sweep with a month of work (renewals, overdue invoices, reminders) runs while servers are racked, on
 * connections whose lock_timeout is one second: any lock wait longer than that fails the statement,
 * and a lock-order deadlock fails one side — either shows as a rejected promise.
 */
const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };

let t: TestApp;
let siteId: string;
let cabinetId: string;
let customerId: string;
let serial = 0;
let nextU = 1;

async function signedContract(services: TestApp['services'], termMonths: number) {
  const s = await services.servers.createServer(system, { customerId, brand: 'Dell', model: 'R750', serialNumber: `SWEEP-${++serial}`, heightU: 1 });
  await services.servers.inspect(system, s.id, OK);
  const c = await services.contracts.create(system, { customerId, siteId, serverIds: [s.id], annualFee: '1200', termMonths });
  await services.contracts.sign(system, c.id, { signingDate: '2026-09-28', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
  return { contractId: c.id, serverId: s.id };
}

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-09-30T02:00:00Z', env: { GATE_APPLY: 'off' } });
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工商银行北京分行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
  const site = await t.services.floor.createSite(system, { code: 'SW', name: '机房', address: '北京', accessPoint: '电信机房' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'A' });
  cabinetId = (await t.services.floor.createCabinet(system, { roomId: room.id, code: 'A01', heightU: 47 })).id;
  siteId = site.id;
  customerId = (await makeActivationReadyCustomer(t.services, '并发客户')).id;
});
afterAll(() => t.close());

describe('the daily sweep and a racking at the same time', () => {
  it('neither waits more than a second for the other', async () => {
    // twelve one-month terms, never paid: a month later they renew, fell overdue and were reminded
    for (let i = 0; i < 12; i++) {
      const c = await signedContract(t.services, 1);
      await t.services.servers.rack(system, c.serverId, { cabinetId, lowestU: nextU++, face: 'front' });
    }
    await t.services.billing.sweep();
    const waiting = [];
    for (let i = 0; i < 6; i++) waiting.push(await signedContract(t.services, 12));
    t.clock.set('2026-10-31T01:00:00Z');

    // connections that give up on any lock held for more than a second
    let services = t.services;
    if (t.url) {
      const [{ db }] = await t.database.raw.query<{ db: string }>('SELECT current_database() AS db');
      await t.database.raw.query(`ALTER DATABASE "${db}" SET lock_timeout = '1s'`);
      services = (await t.sibling()).services; // a pool of its own, opened after the setting
    } else await t.database.raw.query("SET lock_timeout = '1s'");

    const sweep = services.billing.sweep();
    const rackings = waiting.map((c) => services.servers.rack(system, c.serverId, { cabinetId, lowestU: nextU++, face: 'front' }));
    const settled = await Promise.allSettled([sweep, ...rackings]);
    expect(settled.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);

    const days = (await sweep).map((d) => d.day);
    expect(days).toHaveLength(31);
    expect((await sweep).reduce((n, d) => n + d.renewed, 0)).toBe(12);
    for (const c of waiting) expect((await t.services.contracts.get(system, c.contractId)).status).toBe('active');
  });
});
