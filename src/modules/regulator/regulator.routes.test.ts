/**
 * Issue 22 §1–3 over HTTP: the console's routes of the regulator's view — who may read and act, bad input
 * named by field, an export refused with every failure and nothing written, a full export downloaded and its
 * manifest checked, acknowledged, then an incremental file holding only what changed after; the change
 * register's deadlines; findings reconciled from the gate's log, turned into a complaint in one transaction,
 * or dismissed with a note.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeActivationReadyCustomer, makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
const OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };
const SETTINGS = { licenceNumber: 'B1.B2-20180001', province: '110000', houseNature: 'self_built', houseOfficer: '王运维', houseOfficerPhone: '010-62345678', workingDays: 5 };
const EN = { 'accept-language': 'en' };

let t: TestApp;
let compliance: ApiClient;
let auditor: ApiClient;
let noc: ApiClient;
let owner: ApiClient;
let customerId: string;
let cabinetId: string;
let poolId: string;
let serial = 0;

const exportDir = () => join(t.dataDir, 'regulator');
const fieldsOf = (body: string) => (JSON.parse(body) as { error: { code: string; fields: { path: string; message: string }[] } }).error;

/** Signs everyone in (again: a session ends when the clock jumps days ahead). */
async function signIn() {
  compliance = await t.login('reg-compliance');
  auditor = await t.login('reg-auditor');
  noc = await t.login('reg-noc');
  owner = await t.login('reg-owner');
}

/** The clock moves on; everyone signs in again. */
async function setClock(at: Date) {
  t.clock.set(at);
  await signIn();
}

async function newServer(customer: string, lowestU: number) {
  const s = await t.services.servers.createServer(system, { customerId: customer, brand: 'Dell', model: 'R750', serialNumber: `RW-${++serial}`, heightU: 1 });
  await t.services.servers.inspect(system, s.id, OK);
  await t.services.servers.rack(system, s.id, { cabinetId, lowestU, face: 'front' });
  return s.id;
}

/** The zip's files, every one checked against the manifest's SHA-256, and the change register's seqs it carries. */
function readZip(bytes: Buffer) {
  const files = unzipSync(new Uint8Array(bytes));
  const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { mode: string; exportId: string; files: { name: string; sha256: string; bytes: number }[]; counts: Record<string, number> };
  for (const f of manifest.files) {
    expect(files[f.name], f.name).toBeDefined();
    expect(createHash('sha256').update(files[f.name]).digest('hex'), f.name).toBe(f.sha256);
    expect(files[f.name].byteLength).toBe(f.bytes);
  }
  const sums = strFromU8(files.SHA256SUMS).trim().split('\n');
  expect(sums).toHaveLength(manifest.files.length);
  const seqs = strFromU8(files['changes.csv']).trim().split('\r\n').slice(1).filter(Boolean).map((l) => Number(l.split(',')[0]));
  return { files, manifest, seqs };
}

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-04-01T02:00:00Z' });
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京市丰台区', domicileCourt: '北京市丰台区人民法院', bankName: '工商银行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: '010-62345678', noticeEmail: 'idc@example.cn', noticeFax: null, postalAddress: '北京', sealFile: null });
  const site = await t.services.floor.createSite(system, { code: 'BJ1', name: '北京一号机房', address: '北京市丰台区', accessPoint: '牛街庄电信机房' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'A' });
  cabinetId = (await t.services.floor.createCabinet(system, { roomId: room.id, code: 'A01', heightU: 47 })).id;
  poolId = (await t.services.ipam.createPool(system, { name: 'P', prefix: '203.0.113.0/24', siteId: site.id })).id;
  const c = await makeActivationReadyCustomer(t.services, '寰宇网络');
  customerId = c.id;
  const s = await newServer(customerId, 1);
  await t.services.ipam.allocate(system, { poolId, serverId: s, address: '203.0.113.10' });
  await makeStaff(t.services, 'reg-compliance', ['compliance']);
  await makeStaff(t.services, 'reg-auditor', ['auditor']);
  await makeStaff(t.services, 'reg-noc', ['noc']);
  await makeCustomerUser(t.services, 'reg-owner', customerId, ['owner']);
  await signIn();
}, 120_000);
afterAll(() => t?.close());

describe('settings: compliance sets, auditors read, bad input named by field', () => {
  it('who may read and who may set', async () => {
    expect((await auditor.get('/api/v1/regulator/settings')).statusCode).toBe(200);
    expect((await noc.get('/api/v1/regulator/settings')).statusCode).toBe(403);
    expect((await owner.get('/api/v1/regulator/settings')).statusCode).toBe(403);
    expect((await auditor.request('PUT', '/api/v1/regulator/settings', SETTINGS)).statusCode).toBe(403);
    const r = await compliance.request('PUT', '/api/v1/regulator/settings', SETTINGS);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject(SETTINGS);
    expect((await auditor.get('/api/v1/regulator/settings')).json()).toMatchObject(SETTINGS);
  });

  it.each([
    ['province', { province: '11' }],
    ['workingDays', { workingDays: 0 }],
    ['houseNature', { houseNature: 'castle' }],
    ['licenceNumber', { licenceNumber: '  ' }],
  ])('refuses a bad %s (400 naming it)', async (field, patch) => {
    const r = await compliance.request('PUT', '/api/v1/regulator/settings', { ...SETTINGS, ...patch }, EN);
    expect(r.statusCode).toBe(400);
    expect(fieldsOf(r.body).fields.map((f) => f.path)).toEqual([field]);
  });
});

describe('the register, its checks and the export', () => {
  it('shows one record kind a page at a time, in the file’s field order, with every kind’s count', async () => {
    const r = await auditor.get('/api/v1/regulator/register/frame?page=1&pageSize=1');
    expect(r.statusCode).toBe(200);
    const body = r.json() as { fields: string[]; items: Record<string, unknown>[]; total: number; counts: Record<string, number> };
    expect(body.fields.slice(0, 3)).toEqual(['frameId', 'houseId', 'room']);
    expect(body.items).toEqual([{ frameId: 'BJ1/A01', houseId: 'BJ1', room: 'A', code: 'A01', heightU: 47, status: 'active', occupied: true }]);
    expect(body.counts).toMatchObject({ operator: 1, house: 1, frame: 1, user: 1, ip_segment: 1, occupied: 1 });
    expect((await auditor.get('/api/v1/regulator/register/user?page=2&pageSize=20')).json()).toMatchObject({ items: [], total: 1 });
    const bad = await auditor.get('/api/v1/regulator/register/bogus', EN);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body).fields[0].path).toBe('kind');
    expect((await noc.get('/api/v1/regulator/register/user')).statusCode).toBe(403);
  });

  it('lists every failure (kind, record, reason in words) and refuses the export with them, writing nothing', async () => {
    await t.services.regulator.updateSettings(system, { licenceNumber: '' });
    const bare = await makeCustomer(t.services, { name: '未实名公司' });
    const s = await newServer(bare.id, 3);
    await t.services.ipam.allocate(system, { poolId, serverId: s, address: '203.0.113.50' });

    const v = await auditor.get('/api/v1/regulator/validation', EN);
    expect(v.statusCode).toBe(200);
    const body = v.json() as { valid: boolean; failures: { kind: string; recordKey: string; reason: string; message: string }[] };
    expect(body.valid).toBe(false);
    expect(body.failures.map((f) => [f.kind, f.reason]).sort()).toEqual([
      ['ip_segment', 'segment.noUser'],
      ['operator', 'operator.licenceMissing'],
      ['user', 'user.notVerified'],
    ]);
    expect(body.failures.find((f) => f.kind === 'user')).toMatchObject({ recordKey: bare.id, message: `User ${bare.id} (未实名公司) has no verified real identity (business licence not verified)` });
    expect(body.failures.every((f) => !f.message.startsWith('regulator.'))).toBe(true);
    const zh = (await auditor.get('/api/v1/regulator/validation', { 'accept-language': 'zh-CN' })).json() as typeof body;
    expect(zh.failures.find((f) => f.kind === 'operator')?.message).toBe('未填写经营许可证编号（监管报送设置）');

    expect((await auditor.post('/api/v1/regulator/exports', { mode: 'full' })).statusCode).toBe(403);
    const refused = await compliance.post('/api/v1/regulator/exports', { mode: 'full' }, EN);
    expect(refused.statusCode).toBe(422);
    const err = fieldsOf(refused.body);
    expect(err.code).toBe('REGULATOR_EXPORT_INVALID');
    expect(err.fields).toHaveLength(3);
    expect(err.fields.map((f) => f.path).sort()).toEqual(body.failures.map((f) => `${f.kind}:${f.recordKey}`).sort());
    expect(err.fields.map((f) => f.message).sort()).toEqual(body.failures.map((f) => f.message).sort());
    expect(existsSync(exportDir()) ? readdirSync(exportDir()) : []).toEqual([]);
    expect((await auditor.get('/api/v1/regulator/exports')).json()).toEqual({ items: [] });

    // put right: the licence number, and the customer's business licence verified
    expect((await compliance.request('PUT', '/api/v1/regulator/settings', SETTINGS)).statusCode).toBe(200);
    const k = await t.services.kyc.upload(system, bare.id, { kind: 'business_licence', holderName: '未实名有限公司', idType: 'uscc', idNumber: '91110106MA00YQ8D7K', fileName: 'l.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await t.services.kyc.review(system, k.id, { verify: true });
    expect((await auditor.get('/api/v1/regulator/validation')).json()).toEqual({ valid: true, failures: [] });
  });

  it.each([
    ['mode', { mode: 'partial' }],
    ['since', { mode: 'incremental', since: '2026-02-30T00:00:00Z' }],
    ['since', { mode: 'full', since: '2026-03-01T00:00:00+08:00' }],
  ])('refuses an export request with a bad %s (400)', async (field, body) => {
    const r = await compliance.post('/api/v1/regulator/exports', body, EN);
    expect(r.statusCode).toBe(400);
    expect(fieldsOf(r.body).fields.map((f) => f.path)).toEqual([field]);
  });

  let fullId: string;
  it('a full export, downloaded: every record kind, a manifest whose hashes hold, the zip’s own SHA-256 as recorded', async () => {
    const pending = ((await auditor.get('/api/v1/regulator/changes?status=pending')).json() as { items: unknown[] }).items.length;
    expect(pending).toBeGreaterThan(0);
    // with an Idempotency-Key, as the console sends it: the export's read-only cursor transaction must not try to mark it
    const r = await compliance.post('/api/v1/regulator/exports', { mode: 'full' }, { 'idempotency-key': 'full-export-from-the-console-1' });
    expect(r.statusCode, r.body).toBe(201);
    const made = r.json() as { export: { id: string; fileName: string; sha256: string; status: string; changeCount: number }; files: { name: string }[] };
    fullId = made.export.id;
    expect(made.export).toMatchObject({ status: 'exported', changeCount: pending });
    expect(readdirSync(exportDir())).toEqual([made.export.fileName]);

    // an auditor may download it (and the read is audited)
    const zip = await auditor.get(`/api/v1/regulator/exports/${fullId}/zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(String(zip.headers['content-disposition'])).toContain(made.export.fileName);
    expect(createHash('sha256').update(zip.rawPayload).digest('hex')).toBe(made.export.sha256);
    const { files, manifest, seqs } = readZip(zip.rawPayload);
    expect(manifest).toMatchObject({ mode: 'full', exportId: fullId });
    for (const kind of ['operator', 'house', 'gateway', 'frame', 'ip_segment', 'user', 'service', 'occupied']) expect(files[`${kind}.csv`], kind).toBeDefined();
    expect(manifest.files.map((f) => f.name).sort()).toEqual(made.files.map((f) => f.name).sort());
    expect(strFromU8(files['operator.csv'])).toContain('B1.B2-20180001,北京云桥数据科技有限公司');
    expect(seqs).toHaveLength(pending);
    const reads = await t.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'read' AND entity = 'regulator_export' AND entity_id = $1", [fullId]);
    expect(reads[0].n).toBe(1);
    expect((await noc.get(`/api/v1/regulator/exports/${fullId}/zip`)).statusCode).toBe(403);
    expect((await auditor.get('/api/v1/regulator/exports/00000000-0000-4000-8000-000000000099/zip')).statusCode).toBe(404);
  });

  it('acknowledged with the result code; then an incremental export holds only the changes after it', async () => {
    expect((await auditor.post(`/api/v1/regulator/exports/${fullId}/acknowledge`, { resultCode: '0' })).statusCode).toBe(403);
    const blank = await compliance.post(`/api/v1/regulator/exports/${fullId}/acknowledge`, { resultCode: ' ' }, EN);
    expect(blank.statusCode).toBe(400);
    expect(fieldsOf(blank.body).fields.map((f) => f.path)).toEqual(['resultCode']);
    const ack = await compliance.post(`/api/v1/regulator/exports/${fullId}/acknowledge`, { resultCode: '0' });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', resultCode: '0', decidedBy: 'reg-compliance' });
    expect((await compliance.post(`/api/v1/regulator/exports/${fullId}/acknowledge`, { resultCode: '0' })).statusCode).toBe(409);
    const all = (await auditor.get('/api/v1/regulator/changes')).json() as { items: { seq: number; status: string; resultCode: string | null }[] };
    expect(all.items.every((c) => c.status === 'acknowledged' && c.resultCode === '0')).toBe(true);

    // later: one more address allocated
    const s = await newServer(customerId, 5);
    await t.services.ipam.allocate(system, { poolId, serverId: s, address: '203.0.113.70' });
    const later = ((await auditor.get('/api/v1/regulator/changes?status=pending')).json() as { items: { seq: number; kind: string }[] }).items.map((c) => c.seq).sort((a, b) => a - b);
    expect(later).toHaveLength(2); // the racking and the address
    const r = await compliance.post('/api/v1/regulator/exports', { mode: 'incremental' });
    expect(r.statusCode).toBe(201);
    const inc = (r.json() as { export: { id: string; afterSeq: number } }).export;
    const { manifest, seqs, files } = readZip((await compliance.get(`/api/v1/regulator/exports/${inc.id}/zip`)).rawPayload);
    expect(manifest.mode).toBe('incremental');
    expect(seqs).toEqual(later);
    expect(files['user.csv']).toBeUndefined(); // an incremental file carries the changes only
    expect(Math.min(...seqs)).toBeGreaterThan(Math.max(...all.items.map((c) => c.seq)));

    // refused: code and reason required, recorded on the export and its changes
    const noReason = await compliance.post(`/api/v1/regulator/exports/${inc.id}/reject`, { resultCode: 'E102' }, EN);
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason.body).fields.map((f) => f.path)).toEqual(['reason']);
    expect((await compliance.post(`/api/v1/regulator/exports/${inc.id}/reject`, { resultCode: 'E102', reason: '字段缺失' })).json()).toMatchObject({ status: 'rejected', rejectReason: '字段缺失' });
    const rejected = (await auditor.get('/api/v1/regulator/changes?status=rejected')).json() as { items: { seq: number; rejectReason: string }[] };
    expect(rejected.items.map((c) => c.seq).sort((a, b) => a - b)).toEqual(later);
    const bad = await auditor.get('/api/v1/regulator/changes?status=lost', EN);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body).fields[0].path).toBe('status');
  });

  it('flags a change still to report once its deadline has passed', async () => {
    const before = (await auditor.get('/api/v1/regulator/changes?status=rejected')).json() as { items: { dueOn: string; overdue: boolean }[] };
    expect(before.items.every((c) => !c.overdue)).toBe(true);
    const due = before.items[0].dueOn;
    await setClock(new Date(`${due}T20:00:00+08:00`)); // the deadline day itself: not yet late
    expect(((await auditor.get('/api/v1/regulator/changes?status=rejected')).json() as typeof before).items.every((c) => !c.overdue)).toBe(true);
    await setClock(new Date(new Date(`${due}T00:00:00+08:00`).getTime() + 86_400_000 + 3_600_000));
    expect(((await auditor.get('/api/v1/regulator/changes?status=rejected')).json() as typeof before).items.every((c) => c.overdue)).toBe(true);
    // acknowledged rows are never overdue
    expect(((await auditor.get('/api/v1/regulator/changes?status=acknowledged')).json() as typeof before).items.every((c) => !c.overdue)).toBe(true);
  });

  it('refuses to hand out a zip changed or gone since it was written', async () => {
    const list = (await auditor.get('/api/v1/regulator/exports')).json() as { items: { id: string; fileName: string }[] };
    const [latest] = list.items;
    const path = join(exportDir(), latest.fileName);
    writeFileSync(path, Buffer.from('not the export'));
    const altered = await auditor.get(`/api/v1/regulator/exports/${latest.id}/zip`, EN);
    expect(altered.statusCode).toBe(409);
    expect(fieldsOf(altered.body).code).toBe('REGULATOR_EXPORT_FILE_ALTERED');
    unlinkSync(path);
    const gone = await auditor.get(`/api/v1/regulator/exports/${latest.id}/zip`, EN);
    expect(gone.statusCode).toBe(410);
    expect(JSON.parse(gone.body).error.message).toContain(latest.fileName);
  });
});

describe('findings: reconciled from the gate’s log, turned into a complaint in one step, or dismissed', () => {
  type FindingBody = { id: string; kind: string; subject: string; status: string; customerName: string | null; complaintId: string | null; overdue: boolean };
  const complaints = async () => (await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM compliance_complaints'))[0].n;

  beforeAll(() => {
    // the gate refused two unfiled names: one on our customer's address, one on an address nobody holds
    const gate = join(t.dataDir, 'gate');
    mkdirSync(gate, { recursive: true });
    const at = (new Date('2026-04-20T03:00:00Z').getTime() / 1000).toFixed(3);
    writeFileSync(
      join(gate, 'gate-access.log'),
      [`rackpact-gate http ${at} 203.0.113.10 451 - unfiled.example.cn`, `rackpact-gate http ${at} 203.0.113.10 451 - unfiled.example.cn`, `rackpact-gate tls ${at} 203.0.113.200 - - stray.example.cn`, ''].join('\n'),
    );
  });

  it('reconciles on request (compliance only); the findings are listed with whose address it is', async () => {
    await setClock(new Date('2026-04-21T02:00:00Z'));
    expect((await auditor.post('/api/v1/regulator/reconcile', {})).statusCode).toBe(403);
    const bad = await compliance.post('/api/v1/regulator/reconcile', { through: '2026-04-31' }, EN);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body).fields[0].path).toBe('through');
    const r = await compliance.post('/api/v1/regulator/reconcile', {});
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ days: ['2026-04-20'] });
    const list = (await auditor.get('/api/v1/regulator/findings?status=open')).json() as { items: FindingBody[] };
    expect(list.items.map((f) => [f.kind, f.subject, f.customerName]).filter(([k]) => k !== 'allocation_no_user')).toEqual(
      expect.arrayContaining([
        ['unfiled_host', 'unfiled.example.cn@203.0.113.10', '寰宇网络'],
        ['unfiled_sni', 'stray.example.cn@203.0.113.200', null],
      ]),
    );
    const onlySni = (await auditor.get('/api/v1/regulator/findings?kind=unfiled_sni')).json() as { items: FindingBody[] };
    expect(onlySni.items.map((f) => f.kind)).toEqual(['unfiled_sni']);
    const badKind = await auditor.get('/api/v1/regulator/findings?kind=ghost', EN);
    expect(badKind.statusCode).toBe(400);
  });

  it('a finding on nobody’s address cannot become a complaint: refused whole, the finding stays open', async () => {
    const [f] = ((await auditor.get('/api/v1/regulator/findings?kind=unfiled_sni')).json() as { items: FindingBody[] }).items;
    const before = await complaints();
    const r = await compliance.post(`/api/v1/regulator/findings/${f.id}/convert`, undefined, EN);
    expect(r.statusCode).toBe(422);
    expect(fieldsOf(r.body).code).toBe('COMPLAINT_UNMAPPED');
    expect(await complaints()).toBe(before);
    expect(((await auditor.get('/api/v1/regulator/findings?kind=unfiled_sni')).json() as { items: FindingBody[] }).items[0].status).toBe('open');

    // dismissed instead, with a note (required)
    const noNote = await compliance.post(`/api/v1/regulator/findings/${f.id}/dismiss`, { note: '' }, EN);
    expect(noNote.statusCode).toBe(400);
    expect(fieldsOf(noNote.body).fields.map((x) => x.path)).toEqual(['note']);
    expect((await auditor.post(`/api/v1/regulator/findings/${f.id}/dismiss`, { note: 'x' })).statusCode).toBe(403);
    const d = await compliance.post(`/api/v1/regulator/findings/${f.id}/dismiss`, { note: '扫描流量，非我方客户' });
    expect(d.statusCode).toBe(200);
    expect(d.json()).toMatchObject({ status: 'dismissed', closedBy: 'reg-compliance', detail: { dismissNote: '扫描流量，非我方客户' } });
    expect((await compliance.post(`/api/v1/regulator/findings/${f.id}/dismiss`, { note: 'again' })).statusCode).toBe(409);
  });

  it('an unfiled site on our customer’s address becomes a 5.6 complaint and the finding points at it — one transaction, once', async () => {
    const [f] = ((await auditor.get('/api/v1/regulator/findings?kind=unfiled_host')).json() as { items: FindingBody[] }).items;
    expect((await auditor.post(`/api/v1/regulator/findings/${f.id}/convert`)).statusCode).toBe(403);
    const before = await complaints();
    const r = await compliance.post(`/api/v1/regulator/findings/${f.id}/convert`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as { finding: FindingBody; complaint: { id: string; number: string; customerId: string } };
    expect(body.complaint.customerId).toBe(customerId);
    expect(body.finding).toMatchObject({ status: 'converted', complaintId: body.complaint.id, customerName: '寰宇网络' });
    expect(await complaints()).toBe(before + 1);
    const [row] = await t.database.raw.query<{ category: string; ip: string }>('SELECT category, ip::text AS ip FROM compliance_complaints WHERE id = $1', [body.complaint.id]);
    expect(row).toEqual({ category: 'unfiled_site', ip: '203.0.113.10' });
    // both writes audited in the same transaction: the complaint's intake and the finding's mark
    const audited = await t.database.raw.query<{ action: string }>("SELECT action FROM audit_log WHERE action IN ('complaint.intake', 'regulator.finding.convert') ORDER BY seq");
    expect(audited.map((a) => a.action)).toEqual(['complaint.intake', 'regulator.finding.convert']);
    const again = await compliance.post(`/api/v1/regulator/findings/${f.id}/convert`);
    expect(again.statusCode).toBe(409);
    expect(await complaints()).toBe(before + 1);
    expect((await compliance.post('/api/v1/regulator/findings/00000000-0000-4000-8000-000000000099/convert')).statusCode).toBe(404);
  });
});
