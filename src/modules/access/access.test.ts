import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeActivationReadyCustomer, makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

/**
 * Issue 21 (site access), medium: through HTTP on a real database (PGlite, or PostgreSQL with TEST_DB=postgres).
 * The clock starts on Monday 2026-03-02 09:00 in Beijing.
 */
const system = systemScope('test');
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
const bj = (hhmm: string, day = '02') => `2026-03-${day}T${hhmm}:00+08:00`;

let t: TestApp;
let owner: ApiClient;
let noc: ApiClient;
let admin: ApiClient;
let customerId: string;
let roomId: string;
let emptyRoomId: string;
let serverId: string;
let secondServerId: string;
let secondServerIp: string;
const member: Record<string, string> = {};

async function rosterAdd(role: string, name: string) {
  const m = await t.services.roster.upsert(system, customerId, { side: 'customer', role: role as never, name, mobile: '13900000000' });
  member[name] = m.memberId;
  return m.memberId;
}

async function auditActions(entityId: string) {
  const rows = await t.database.raw.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq', [entityId]);
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-03-02T01:00:00Z' });
  await makeStaff(t.services, 'a-noc', ['noc']);
  await makeStaff(t.services, 'a-admin', ['admin']);
  const c = await makeActivationReadyCustomer(t.services, '进出客户有限公司');
  customerId = c.id;
  await makeCustomerUser(t.services, 'a-owner', customerId);
  const roster = await t.services.roster.current(system, customerId);
  member['法人'] = roster.find((m) => m.role === 'legal_representative')!.memberId;
  member['技术'] = roster.find((m) => m.role === 'technical_lead')!.memberId;
  await rosterAdd('server_admin', '张三');
  await rosterAdd('device_admin', '李四');
  await t.services.provider.update(system, { legalName: '乙方', uscc: '91110106MA00YQ8D7K', address: 'x', domicileCourt: 'x', bankName: 'x', bankAccount: '1234567890', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: 'x', sealFile: null });
  const site = await t.services.floor.createSite(system, { code: 'AC-1', name: '亦庄机房', address: 'x', accessPoint: 'x' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'A区' });
  const empty = await t.services.floor.createRoom(system, { siteId: site.id, name: 'B区' });
  roomId = room.id;
  emptyRoomId = empty.id;
  const cabinet = await t.services.floor.createCabinet(system, { roomId: room.id, code: 'A01' });
  const checklist = { powerSupplies: true, rails: true, interfaces: true, labelling: true };
  const s1 = await t.services.servers.createServer(system, { customerId, brand: 'Dell', model: 'R750', serialNumber: 'AC-SN-1', heightU: 2 });
  const s2 = await t.services.servers.createServer(system, { customerId, brand: 'Dell', model: 'R650', serialNumber: 'AC-SN-2', heightU: 1 });
  serverId = s1.id;
  secondServerId = s2.id;
  const contract = await t.services.contracts.create(system, { customerId, siteId: site.id, serverIds: [s1.id, s2.id], annualFee: '12000' });
  await t.services.contracts.sign(system, contract.id, { signingDate: '2026-03-01', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: pdf });
  await t.services.servers.inspect(system, s1.id, checklist);
  await t.services.servers.rack(system, s1.id, { cabinetId: cabinet.id, lowestU: 10, face: 'full' });
  await t.services.servers.inspect(system, s2.id, checklist);
  const pool = await t.services.ipam.createPool(system, { name: 'P', prefix: '203.0.113.0/24' });
  owner = await t.login('a-owner');
  noc = await t.login('a-noc');
  admin = await t.login('a-admin');
  // the second server is brought in through a 设备进出单 (7.1: its racking day)
  const brought = await noc.post('/api/v1/access/equipment/in', { serverId: s2.id, cabinetId: cabinet.id, lowestU: 20, face: 'front' });
  expect(brought.statusCode).toBe(201);
  expect(brought.json()).toMatchObject({ direction: 'in', status: 'completed' });
  expect(brought.json().inspectionId).toBeTruthy();
  expect((await t.services.servers.findServer(system, s2.id))!.status).toBe('racked');
  secondServerIp = (await t.services.ipam.allocate(system, { poolId: pool.id, serverId: s2.id })).address;
});
afterAll(() => t.close());

const book = (who: ApiClient, patch: Record<string, unknown> = {}) =>
  who.post('/api/v1/access/visits', { roomId, purpose: 'maintenance', startsAt: bj('10:00'), endsAt: bj('12:00'), memberIds: [member['张三']], serverIds: [serverId], ...patch });

describe('visit requests gated by the roster (5.10)', () => {
  it('books a visit for people on the roster now, and refuses anyone else naming the clause', async () => {
    const res = await book(owner);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', roomName: 'A区', siteName: '亦庄机房', people: [{ name: '张三', role: 'server_admin' }] });
    const other = await makeCustomer(t.services, { name: '别家' });
    const stranger = (await t.services.roster.upsert(system, other.id, { side: 'customer', role: 'technical_lead', name: '外人', mobile: '13900000001' })).memberId;
    const refused = await book(owner, { memberIds: [member['张三'], stranger] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ path: 'memberIds.1', message: expect.stringContaining('5.10') }]);
  });

  it.each([
    ['a window in the past', { startsAt: bj('08:00'), endsAt: bj('09:30') }, 'startsAt'],
    ['longer than the maximum', { startsAt: bj('09:30', '03'), endsAt: bj('18:00', '03') }, 'endsAt'],
    ['outside opening hours for a non-emergency', { startsAt: bj('21:00'), endsAt: bj('22:00') }, 'startsAt'],
    ['a room without the customer\'s servers', { roomId: '' }, 'roomId'],
  ])('refuses %s with 400 naming the field', async (_, patch, field) => {
    const res = await book(owner, (patch as Record<string, string>).roomId === '' ? { roomId: emptyRoomId, serverIds: [] } : patch);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it('lets an emergency come outside the hours', async () => {
    expect((await book(owner, { purpose: 'emergency', startsAt: bj('22:00'), endsAt: bj('23:00') })).statusCode).toBe(201);
  });

  it('staff refuse with a reason, approve, and the customer is told by notice', async () => {
    const visit = (await book(owner, { startsAt: bj('13:00'), endsAt: bj('14:00') })).json();
    expect((await noc.post(`/api/v1/access/visits/${visit.id}/decision`, { approve: false })).json().error.fields[0].path).toBe('reason');
    expect((await noc.post(`/api/v1/access/visits/${visit.id}/decision`, { approve: false, reason: '当日机房停电检修' })).json()).toMatchObject({ status: 'refused', decisionReason: '当日机房停电检修' });
    expect((await noc.post(`/api/v1/access/visits/${visit.id}/decision`, { approve: true })).statusCode).toBe(409);
    expect((await owner.post(`/api/v1/access/visits/${visit.id}/decision`, { approve: true })).statusCode).toBe(403);
    const notices = await t.services.notices.list(system, customerId);
    expect(notices.map((n) => n.type)).toContain('visit.refused');
    expect(notices.find((n) => n.type === 'visit.refused')!.bodyZh).toContain('当日机房停电检修');
  });
});

describe('at the door', () => {
  let visitId: string;
  let zhang: string;
  let tech: string;
  beforeAll(async () => {
    const visit = (await book(owner, { memberIds: [member['张三'], member['技术']] })).json();
    visitId = visit.id;
    zhang = visit.people.find((p: { name: string }) => p.name === '张三').id;
    tech = visit.people.find((p: { name: string }) => p.name === '技术').id;
    expect((await noc.post(`/api/v1/access/visits/${visitId}/decision`, { approve: true })).json().status).toBe('approved');
    expect((await t.services.notices.list(system, customerId)).map((n) => n.type)).toContain('visit.approved');
  });

  it("lists today's expected visitors for the front desk", async () => {
    const desk = (await noc.get('/api/v1/access/front-desk')).json();
    expect(desk.date).toBe('2026-03-02');
    expect(desk.visits.map((v: { id: string }) => v.id)).toContain(visitId);
    expect((await owner.get('/api/v1/access/front-desk')).statusCode).toBe(403);
  });

  it('checks in with the ID type and last 4 only; 409 on a second check-in or a check-out first', async () => {
    t.clock.set('2026-03-02T01:55:00Z'); // 09:55
    expect((await noc.post(`/api/v1/access/visits/${visitId}/people/${tech}/check-out`, {})).statusCode).toBe(409);
    const full = await noc.post(`/api/v1/access/visits/${visitId}/people/${tech}/check-in`, { idDocumentType: 'resident_id', idLast4: '11010519491231002X' });
    expect(full.statusCode).toBe(400);
    expect(full.json().error.fields[0].path).toBe('idLast4');
    const ok = await noc.post(`/api/v1/access/visits/${visitId}/people/${tech}/check-in`, { idDocumentType: 'resident_id', idLast4: '002x', escort: '王工' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().people.find((p: { id: string }) => p.id === tech)).toMatchObject({ idDocumentType: 'resident_id', idLast4: '002X', escort: '王工', checkedInAt: '2026-03-02T01:55:00.000Z' });
    expect((await noc.post(`/api/v1/access/visits/${visitId}/people/${tech}/check-in`, { idDocumentType: 'resident_id', idLast4: '002X' })).statusCode).toBe(409);
    const rows = await t.database.raw.query<{ id_last4: string }>('SELECT id_last4 FROM visit_people WHERE id = $1', [tech]);
    expect(rows[0].id_last4).toBe('002X');
    t.clock.set('2026-03-02T03:30:00Z');
    expect((await noc.post(`/api/v1/access/visits/${visitId}/people/${tech}/check-out`, {})).json().people.find((p: { id: string }) => p.id === tech).checkedOutAt).toBe('2026-03-02T03:30:00.000Z');
    expect((await noc.post(`/api/v1/access/visits/${visitId}/people/${tech}/check-out`, {})).statusCode).toBe(409);
  });

  it('refuses and flags a person removed from the roster after booking', async () => {
    await t.services.roster.remove(system, customerId, member['张三'], { how: 'email', documentName: '人员变更函' });
    const res = await noc.post(`/api/v1/access/visits/${visitId}/people/${zhang}/check-in`, { idDocumentType: 'passport', idLast4: '1234' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('VISITOR_NOT_ON_ROSTER');
    const visit = (await owner.get(`/api/v1/access/visits/${visitId}`)).json();
    const person = visit.people.find((p: { id: string }) => p.id === zhang);
    expect(person).toMatchObject({ checkedInAt: null, refusal: 'not_on_roster', onRosterNow: false });
    expect(person.refusedAt).toBeTruthy();
    // the history: the technical lead was on the roster at the visit's time (the check-in)
    expect(visit.people.find((p: { id: string }) => p.id === tech)).toMatchObject({ onRosterAtVisit: true });
    expect(await auditActions(visitId)).toEqual(expect.arrayContaining(['visit.request', 'visit.approve', 'visit.checkIn', 'visit.checkOut', 'visit.refusedAtDoor']));
    // and a new booking for him is refused from the moment of removal
    expect((await book(owner, { startsAt: bj('10:00', '03'), endsAt: bj('11:00', '03') })).json().error.fields[0].path).toBe('memberIds.0');
  });

  it('the customer sees its visit records and can export them', async () => {
    const items = (await owner.get('/api/v1/access/visits')).json().items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    const csv = await owner.get('/api/v1/access/visits/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('居民身份证 ****002X');
    expect(csv.body).not.toContain('11010519491231002X');
    const report = (await noc.get('/api/v1/access/reports/visits?from=2026-03-01&to=2026-03-31')).json();
    expect(report.rooms).toEqual([expect.objectContaining({ roomName: 'A区', siteName: '亦庄机房' })]);
    expect(report.customers.find((c: { customerId: string }) => c.customerId === customerId).visits).toBeGreaterThanOrEqual(3);
  });
});

describe('equipment out (设备进出单)', () => {
  it('requires a release authorised by a roster person authorised for equipment', async () => {
    const byDeviceAdmin = await owner.post('/api/v1/access/equipment/releases', { serverId, memberId: member['李四'] });
    expect(byDeviceAdmin.statusCode).toBe(400);
    expect(byDeviceAdmin.json().error.fields[0].path).toBe('memberId');
    const byRemoved = await owner.post('/api/v1/access/equipment/releases', { serverId, memberId: member['张三'] });
    expect(byRemoved.json().error.fields[0]).toMatchObject({ path: 'memberId', message: expect.stringContaining('5.10') });
    const ok = await owner.post('/api/v1/access/equipment/releases', { serverId, memberId: member['法人'] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ direction: 'out', status: 'released', authorisedName: '法人', authorisedRole: 'legal_representative' });
    expect((await owner.post('/api/v1/access/equipment/releases', { serverId, memberId: member['技术'] })).statusCode).toBe(409);
  });

  it('is blocked by an unpaid invoice past due; staff override with a reason (admin, audited) and it is unracked', async () => {
    const list = await owner.get(`/api/v1/access/equipment?serverId=${serverId}&status=released`);
    const [release] = list.json().items;
    t.clock.set('2026-05-01T02:00:00Z'); // the activation invoice is past due and unpaid
    [owner, noc, admin] = [await t.login('a-owner'), await t.login('a-noc'), await t.login('a-admin')]; // sessions lapse in two months
    const holdsRes = await noc.get(`/api/v1/access/equipment/${release.id}/holds`);
    const holds = holdsRes.json().items;
    expect(holds.map((h: { kind: string }) => h.kind)).toEqual(['unpaid_invoice']);
    const blocked = await noc.post(`/api/v1/access/equipment/${release.id}/take-out`, {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('RELEASE_BLOCKED');
    expect((await noc.post(`/api/v1/access/equipment/${release.id}/take-out`, { overrideReason: '客户已承诺付款' })).statusCode).toBe(403);
    const done = await admin.post(`/api/v1/access/equipment/${release.id}/take-out`, { overrideReason: '法院执行裁定，允许搬出' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', overrideReason: '法院执行裁定，允许搬出', holds: [{ kind: 'unpaid_invoice' }] });
    const server = await t.services.servers.server(system, serverId);
    expect(server.status).toBe('removed');
    expect(server.placement).toBeNull();
    expect(await auditActions(release.id)).toEqual(expect.arrayContaining(['equipment.release', 'equipment.overrideHold', 'equipment.out']));
    expect((await admin.post(`/api/v1/access/equipment/${release.id}/take-out`, {})).statusCode).toBe(409);
  });

  it('is blocked by an open complaint with evidence, and refused once the authoriser has left the roster', async () => {
    const release = (await owner.post('/api/v1/access/equipment/releases', { serverId: secondServerId, memberId: member['技术'] })).json();
    const complaint = await t.services.complaints.intake(system, { source: '网信办', category: 'spam', description: '垃圾邮件', ip: secondServerIp });
    expect(complaint.customerId).toBe(customerId);
    expect((await noc.get(`/api/v1/access/equipment/${release.id}/holds`)).json().items.map((h: { kind: string }) => h.kind)).toEqual(['unpaid_invoice']);
    await t.services.complaints.complaintEvidence(system, complaint.id, { fileName: 'e.pdf', bytes: pdf });
    expect((await noc.get(`/api/v1/access/equipment/${release.id}/holds`)).json().items.map((h: { kind: string }) => h.kind)).toEqual(['unpaid_invoice', 'complaint_evidence']);
    expect((await noc.post(`/api/v1/access/equipment/${release.id}/take-out`, {})).json().error.message).toContain(complaint.number);
    await t.services.roster.remove(system, customerId, member['技术'], { how: 'email', documentName: '人员变更函' });
    const res = await admin.post(`/api/v1/access/equipment/${release.id}/take-out`, { overrideReason: '复核后放行' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('RELEASE_AUTHORISER_REMOVED');
    expect((await t.services.servers.findServer(system, secondServerId))!.status).not.toBe('removed');
  });

  it('shows the log to the customer and exports it', async () => {
    const items = (await owner.get('/api/v1/access/equipment')).json().items;
    expect(items.map((m: { direction: string; status: string }) => `${m.direction}:${m.status}`).sort()).toEqual(['in:completed', 'out:completed', 'out:released']);
    const csv = await owner.get('/api/v1/access/equipment/export.csv');
    expect(csv.body).toContain('AC-SN-1');
    expect(csv.body).toContain('法院执行裁定');
  });
});
