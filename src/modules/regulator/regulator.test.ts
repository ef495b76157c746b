import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { on, type EventName } from '../../core/reactions.js';
import { AppError } from '../../core/errors.js';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { makeActivationReadyCustomer, makeCustomer } from '../../../test/harness/factories.js';
import { makeRegulatorRepository } from './regulator.repository.js';
import { makeRegulatorService } from './regulator.service.js';

const system = systemScope('test');
const OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
let t: TestApp;
let customerId: string;
let cabinetId: string;
let poolId: string;
let serial = 0;
/** When set, a reaction subscribed after the regulator's throws on this event: the change must roll back whole. */
let failOn: EventName | null = null;

const changes = async () =>
  t.database.raw.query<{ seq: number; kind: string; record_key: string; action: string; cause: string; status: string; due_on: string }>(
    'SELECT seq::int, kind, record_key, action, cause, status, due_on::text FROM regulator_changes ORDER BY seq',
  );
const count = async () => (await changes()).length;

/** The change happens and leaves exactly one register row of this kind; the same change failing later in its transaction leaves none. */
async function provesSameTransaction<T>(event: EventName, kind: string, action: string, change: () => Promise<T>, undo?: () => Promise<unknown>): Promise<T> {
  const before = await count();
  failOn = event;
  await expect(change()).rejects.toThrow('injected failure');
  failOn = null;
  expect(await count()).toBe(before);
  await undo?.();
  const result = await change();
  const after = await changes();
  const added = after.slice(before);
  expect(added.some((c) => c.kind === kind && c.action === action && c.status === 'pending')).toBe(true);
  return result;
}

async function newServer(customer: string) {
  const s = await t.services.servers.createServer(system, { customerId: customer, brand: 'Dell', model: 'R750', serialNumber: `REG-${++serial}`, heightU: 1 });
  await t.services.servers.inspect(system, s.id, OK);
  return s.id;
}

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-04-01T02:00:00Z' });
  // a reaction after the regulator's, failing on demand: proves the register row shares the change's transaction
  for (const e of ['customers.identityVerified', 'ipam.addressAllocated', 'ipam.addressReleased', 'compliance.domainStatusChanged', 'facility.serverRacked', 'facility.serverRemoved'] as const) {
    t.services.bus.subscribe(
      on(e, 'test: injected failure', async () => {
        if (failOn === e) throw new Error('injected failure');
      }),
    );
  }
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京市丰台区', domicileCourt: '北京市丰台区人民法院', bankName: '工商银行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: '010-62345678', noticeEmail: 'idc@example.cn', noticeFax: null, postalAddress: '北京', sealFile: null });
  const site = await t.services.floor.createSite(system, { code: 'BJ1', name: '北京一号机房', address: '北京市丰台区', accessPoint: '牛街庄电信机房' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'A' });
  cabinetId = (await t.services.floor.createCabinet(system, { roomId: room.id, code: 'A01', heightU: 47 })).id;
  poolId = (await t.services.ipam.createPool(system, { name: 'P', prefix: '203.0.113.0/24', siteId: site.id })).id;
});
afterAll(() => t.close());

describe('the change register (issue 22 §1)', () => {
  let serverId: string;
  let allocationId: string;
  let domainId: string;

  it('a customer verified: a user row, in the verification’s transaction, due in 5 working days', async () => {
    const c = await makeCustomer(t.services, { name: '寰宇网络' });
    customerId = c.id;
    const d = await t.services.kyc.upload(system, c.id, { kind: 'business_licence', holderName: '北京寰宇网络科技有限公司', idType: 'uscc', idNumber: '91350100M000100Y43', fileName: 'l.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await provesSameTransaction('customers.identityVerified', 'user', 'add', () => t.services.kyc.review(system, d.id, { verify: true }));
    const [row] = (await changes()).filter((x) => x.kind === 'user');
    expect(row).toMatchObject({ record_key: c.id, cause: 'kyc.verified' });
    // Wednesday 2026-04-01 + 5 working days: Qingming (4–6 April) is off → Monday 13 April? The calendar decides; it is after the change
    expect(row.due_on > '2026-04-01').toBe(true);
  });

  it('a server racked (moved into a cabinet): an occupied-space row', async () => {
    serverId = await newServer(customerId);
    await provesSameTransaction('facility.serverRacked', 'occupied', 'add', () => t.services.servers.rack(system, serverId, { cabinetId, lowestU: 1, face: 'front' }));
  });

  it('an IP allocated and released: an IP-segment row each', async () => {
    const a = await provesSameTransaction('ipam.addressAllocated', 'ip_segment', 'add', () => t.services.ipam.allocate(system, { poolId, serverId, address: '203.0.113.10' }));
    allocationId = a.id;
    const b = await t.services.ipam.allocate(system, { poolId, serverId, address: '203.0.113.11' });
    await provesSameTransaction('ipam.addressReleased', 'ip_segment', 'delete', () => t.services.ipam.release(system, b.id));
    expect((await changes()).filter((x) => x.kind === 'ip_segment').map((x) => [x.record_key, x.action])).toEqual([
      ['203.0.113.10', 'add'],
      ['203.0.113.11', 'add'],
      ['203.0.113.11', 'delete'],
    ]);
  });

  it('a domain verified and revoked: a service row each', async () => {
    const d = await t.services.domains.add(system, { customerId, serverId, domain: 'www.huanyu.cn', use: 'non_commercial', filingNumber: '京ICP备2021012345号-2' });
    domainId = d.id;
    const before = await count();
    await t.services.domains.uploadEvidence(system, d.id, { fileName: 'miit.png', bytes: PNG });
    expect(await count()).toBe(before); // adding an entry is not a register change until it is verified
    await provesSameTransaction('compliance.domainStatusChanged', 'service', 'add', () => t.services.domains.verify(system, d.id, { method: 'miit_lookup', note: '工信部查询' }));
    const other = await t.services.domains.add(system, { customerId, serverId, domain: 'old.huanyu.cn', use: 'non_commercial', filingNumber: '京ICP备2021012345号-3' });
    await t.services.domains.uploadEvidence(system, other.id, { fileName: 'miit.png', bytes: PNG });
    await t.services.domains.verify(system, other.id, { method: 'miit_lookup', note: '工信部查询' });
    await provesSameTransaction('compliance.domainStatusChanged', 'service', 'delete', () => t.services.domains.revoke(system, other.id, '备案注销'));
    const rows = (await changes()).filter((x) => x.kind === 'service');
    expect(rows.map((x) => [x.record_key, x.action, x.cause])).toEqual([
      [`${customerId}/京ICP备2021012345号-2`, 'add', 'domain.verified'],
      [`${customerId}/京ICP备2021012345号-3`, 'add', 'domain.verified'],
      [`${customerId}/京ICP备2021012345号-3`, 'delete', 'domain.revoked'],
    ]);
  });

  it('a server removed: its space, its addresses and its domains leave the register in the removal’s transaction', async () => {
    const gone = await newServer(customerId);
    await t.services.servers.rack(system, gone, { cabinetId, lowestU: 5, face: 'front' });
    await t.services.ipam.allocate(system, { poolId, serverId: gone, address: '203.0.113.30' });
    const before = await count();
    await provesSameTransaction('facility.serverRemoved', 'occupied', 'delete', () => t.services.servers.remove(system, gone));
    const added = (await changes()).slice(before);
    expect(added.map((x) => [x.kind, x.action, x.cause])).toEqual([
      ['ip_segment', 'delete', 'ipam.released'],
      ['occupied', 'delete', 'server.removed'],
    ]);
    expect(domainId && allocationId).toBeTruthy();
  });

  it('the reporting deadline follows the province’s working days', async () => {
    await t.services.regulator.updateSettings(system, { licenceNumber: 'B1.B2-20180001', province: '110000', workingDays: 1 });
    const due = await t.database.db.transaction((tx) => t.services.regulatorChanges.dueOn(tx, new Date('2026-04-03T02:00:00Z')));
    // Friday 3 April 2026: the next working day after the Qingming days off
    expect(due).toBe('2026-04-07');
    await t.services.regulator.updateSettings(system, { workingDays: 5 });
  });
});

describe('the export (issue 22 §2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rackpact-regulator-'));

  function read(path: string) {
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { files: { name: string; sha256: string }[]; counts: Record<string, number> };
    for (const f of manifest.files) expect(createHash('sha256').update(files[f.name]).digest('hex')).toBe(f.sha256);
    return { files, manifest, changes: strFromU8(files['changes.csv']).trim().split('\r\n').slice(1) };
  }

  it('refuses a register that fails a check, listing every failure of each kind, and writes nothing', async () => {
    await t.services.regulator.updateSettings(system, { licenceNumber: '' });
    // an unverified customer holding an address
    const bare = await makeCustomer(t.services, { name: '未实名' });
    const s = await newServer(bare.id);
    await t.services.ipam.allocate(system, { poolId, serverId: s, address: '203.0.113.50' });
    // a filing number gone bad underneath (an import or an old entry): written straight into the table
    const ready = await makeActivationReadyCustomer(t.services, '已实名');
    const rs = await newServer(ready.id);
    await t.services.ipam.allocate(system, { poolId, serverId: rs, address: '203.0.113.60' });
    const d = await t.services.domains.add(system, { customerId: ready.id, serverId: rs, domain: 'bad.example.cn', use: 'non_commercial', filingNumber: '京ICP备2021099999号' });
    await t.services.domains.uploadEvidence(system, d.id, { fileName: 'miit.png', bytes: PNG });
    await t.services.domains.verify(system, d.id, { method: 'miit_lookup', note: 'x' });
    await t.database.raw.query("UPDATE compliance_domains SET filing_number = 'ICP-12345' WHERE id = $1", [d.id]);

    const failures = await t.services.regulator.validate(system);
    expect(failures.map((f) => [f.kind, f.reason]).sort()).toEqual(
      [
        ['ip_segment', 'segment.noUser'],
        ['operator', 'operator.licenceMissing'],
        ['service', 'service.filingInvalid'],
        ['user', 'user.notVerified'],
      ].sort(),
    );
    const err = await t.services.regulator.export(system, { mode: 'full', dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('REGULATOR_EXPORT_INVALID');
    expect((err as AppError).fields.map((f) => f.key).sort()).toEqual(failures.map((f) => `regulator.failure.${f.reason}`).sort());
    expect(readdirSync(dir)).toEqual([]);
    expect(await t.database.raw.query('SELECT 1 FROM regulator_exports')).toHaveLength(0);

    // put it right: licence set, the customer verified, the filing corrected
    await t.services.regulator.updateSettings(system, { licenceNumber: 'B1.B2-20180001' });
    const k = await t.services.kyc.upload(system, bare.id, { kind: 'business_licence', holderName: '未实名有限公司', idType: 'uscc', idNumber: '91110106MA00YQ8D7K', fileName: 'l.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await t.services.kyc.review(system, k.id, { verify: true });
    await t.database.raw.query("UPDATE compliance_domains SET filing_number = '京ICP备2021099999号' WHERE id = $1", [d.id]);
    expect(await t.services.regulator.validate(system)).toEqual([]);
  });

  let fullId: string;
  it('a full snapshot: every record kind as XML and CSV, a manifest of SHA-256 hashes, every open change covered', async () => {
    const pending = (await changes()).filter((c) => c.status === 'pending').length;
    const r = await t.services.regulator.export(system, { mode: 'full', dir });
    fullId = r.export.id;
    const { files, manifest, changes: lines } = read(r.path);
    for (const kind of ['operator', 'house', 'gateway', 'frame', 'ip_segment', 'user', 'service', 'occupied']) {
      expect(files[`${kind}.xml`], kind).toBeDefined();
      expect(files[`${kind}.csv`], kind).toBeDefined();
    }
    expect(manifest.counts.house).toBe(1);
    expect(strFromU8(files['operator.csv'])).toContain('B1.B2-20180001,北京云桥数据科技有限公司,91110106MA00YQ8D7K');
    const seg = strFromU8(files['ip_segment.csv']);
    expect(seg).toContain(',203.0.113.10,203.0.113.10,1,static,');
    expect(seg).toMatch(/,203\.0\.113\.11,203\.0\.113\.11,1,reserved,,,,,[0-9-]+,quarantine/);
    expect(strFromU8(files['service.xml'])).toContain('<filingNumber>京ICP备2021012345号-2</filingNumber>');
    // occupied space lists its user's ranges in that house (the reserved .11 has no user)
    expect(strFromU8(files['occupied.csv'])).toMatch(/,"?203\.0\.113\.10-203\.0\.113\.10[,"]/);
    expect(strFromU8(files['occupied.csv'])).not.toContain('203.0.113.11');
    expect(lines).toHaveLength(pending);
    expect(r.export.sha256).toBe(createHash('sha256').update(readFileSync(r.path)).digest('hex'));
  });

  it('an incremental file holds exactly the changes since the last acknowledged export', async () => {
    await t.services.regulator.decide(system, fullId, { accepted: true, resultCode: '0' });
    expect((await changes()).every((c) => c.status === 'acknowledged')).toBe(true);
    await expect(t.services.regulator.decide(system, fullId, { accepted: true, resultCode: '0' })).rejects.toMatchObject({ code: 'REGULATOR_EXPORT_DECIDED' });

    const s = await newServer(customerId);
    await t.services.servers.rack(system, s, { cabinetId, lowestU: 10, face: 'front' });
    await t.services.ipam.allocate(system, { poolId, serverId: s, address: '203.0.113.70' });
    const first = await t.services.regulator.export(system, { mode: 'incremental', dir });
    const seqs1 = read(first.path).changes.map((l) => Number(l.split(',')[0]));
    const expected1 = (await changes()).filter((c) => c.status === 'exported').map((c) => c.seq);
    expect(seqs1).toEqual(expected1);
    expect(seqs1).toHaveLength(2);

    // not acknowledged yet: the next incremental still starts after the full export
    const a = await t.services.ipam.allocate(system, { poolId, serverId: s, address: '203.0.113.71' });
    const second = await t.services.regulator.export(system, { mode: 'incremental', dir });
    const seqs2 = read(second.path).changes.map((l) => Number(l.split(',')[0]));
    expect(seqs2).toEqual([...seqs1, seqs1[1] + 1]);

    // refused: the reason is recorded on the export and its changes
    await expect(t.services.regulator.decide(system, second.export.id, { accepted: false, resultCode: 'E102' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await t.services.regulator.decide(system, second.export.id, { accepted: false, resultCode: 'E102', reason: '字段缺失' });
    expect((await changes()).filter((c) => c.status === 'rejected').map((c) => c.seq)).toEqual(seqs2);

    // resent and acknowledged; then the next incremental holds only what came after
    const third = await t.services.regulator.export(system, { mode: 'incremental', dir });
    expect(read(third.path).changes.map((l) => Number(l.split(',')[0]))).toEqual(seqs2);
    await t.services.regulator.decide(system, third.export.id, { accepted: true, resultCode: '0' });
    await t.services.ipam.release(system, a.id);
    const fourth = await t.services.regulator.export(system, { mode: 'incremental', dir });
    const last = read(fourth.path).changes;
    expect(last).toHaveLength(1);
    expect(last[0]).toContain(',ip_segment,203.0.113.71,delete,ipam.released,');

    // --since: the changes from an instant on, whatever was acknowledged
    const since = await t.services.regulator.export(system, { mode: 'incremental', dir, since: new Date('2026-01-01T00:00:00Z') });
    expect(read(since.path).changes.length).toBe(await count());
  });

  it('a full export whose sources fail after the segments’ cursor was opened ends that cursor’s transaction and writes nothing', async () => {
    // the customers' identities cannot be read (a lost connection, say) while the cursor, opened first on
    // PostgreSQL, waits for its reader: the export fails with that error, no file, no export row, and no
    // transaction left open on the database
    const broken = makeRegulatorService({
      ...t.services,
      kyc: { registerUsers: () => Promise.reject(new Error('users unreadable')) },
      clock: t.clock,
      ids: { uuid: () => crypto.randomUUID() },
      repo: makeRegulatorRepository(t.database.db),
      changes: t.services.regulatorChanges,
      gateLog: join(dir, 'no-gate.log'),
      resolver: { resolve4: () => Promise.resolve([]), resolve6: () => Promise.resolve([]) },
      overlapReads: t.database.kind === 'postgres',
    });
    const exports = (await t.database.raw.query('SELECT 1 FROM regulator_exports')).length;
    const zips = readdirSync(dir).length;
    await expect(broken.export(system, { mode: 'full', dir })).rejects.toThrow('users unreadable');
    expect(readdirSync(dir)).toHaveLength(zips);
    expect(await t.database.raw.query('SELECT 1 FROM regulator_exports')).toHaveLength(exports);
    if (t.database.kind === 'postgres') {
      const open = await t.database.raw.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
      expect(open).toHaveLength(0);
    }
    // and the service's own export still goes through
    const r = await t.services.regulator.export(system, { mode: 'full', dir });
    expect(r.export.recordCounts.ip_segment).toBeGreaterThan(0);
  });
});
