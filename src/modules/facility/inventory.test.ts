import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, multipart, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

/** Issue 18 §1, §9: the data centre kept through the API the inventory pages use. */
const CHECKLIST_OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

let t: TestApp;
let noc: ApiClient;
let sales: ApiClient;
let customerA: string;
let customerB: string;
let siteId: string;
let roomId: string;
let cabinetId: string;

async function rackedServer(customerId: string, serialNumber: string, lowestU: number, heightU = 2, face = 'full', powerW = 400) {
  const id = (await noc.post('/api/v1/servers', { customerId, brand: 'Dell', model: 'R750', serialNumber, heightU, powerW })).json().id as string;
  expect((await noc.post(`/api/v1/servers/${id}/inspections`, CHECKLIST_OK)).statusCode).toBe(201);
  expect((await noc.post(`/api/v1/servers/${id}/rack`, { cabinetId, lowestU, face })).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await makeTestApp();
  await makeStaff(t.services, 'i-noc', ['noc']);
  await makeStaff(t.services, 'i-sales', ['sales']);
  customerA = (await makeCustomer(t.services, { name: '甲公司' })).id;
  customerB = (await makeCustomer(t.services, { name: '乙公司' })).id;
  await makeCustomerUser(t.services, 'i-a', customerA);
  noc = await t.login('i-noc');
  sales = await t.login('i-sales');
  siteId = (await noc.post('/api/v1/sites', { code: 'SH-1', name: '上海一号机房', address: '上海市浦东新区', accessPoint: '外高桥电信' })).json().id;
  roomId = (await noc.post('/api/v1/rooms', { siteId, name: 'B 区' })).json().id;
  const cabinet = await noc.post('/api/v1/cabinets', { roomId, code: 'B01', heightU: 42, powerBudgetW: 6000, ratedCurrentA: 32, positionRow: 'B', positionColumn: 1 });
  expect(cabinet.statusCode).toBe(201);
  expect(cabinet.json()).toMatchObject({ positionRow: 'B', positionColumn: 1, ratedCurrentA: 32, version: 1, retiredAt: null });
  cabinetId = cabinet.json().id;
});
afterAll(() => t.close());

describe('editing the floor', () => {
  it('edits a cabinet with its row version and refuses a stale one, audited', async () => {
    const res = await noc.request('PATCH', `/api/v1/cabinets/${cabinetId}`, { version: 1, powerBudgetW: 8000, positionColumn: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ powerBudgetW: 8000, positionColumn: 2, positionRow: 'B', version: 2 });
    const stale = await noc.request('PATCH', `/api/v1/cabinets/${cabinetId}`, { version: 1, heightU: 45 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const audit = await t.database.db.execute(sql`SELECT action FROM audit_log WHERE entity_id = ${cabinetId} ORDER BY seq`);
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual(['cabinet.create', 'cabinet.update']);
  });

  it('refuses a second cabinet on the same place in the room, and a sales user, with the same errors as the API', async () => {
    const clash = await noc.post('/api/v1/cabinets', { roomId, code: 'B02', positionRow: 'B', positionColumn: 2 });
    expect(clash.statusCode).toBe(409);
    expect((await sales.post('/api/v1/cabinets', { roomId, code: 'B09' })).statusCode).toBe(403);
    const badSite = await noc.request('PATCH', `/api/v1/sites/${siteId}`, { version: 1, code: 'lower case' });
    expect(badSite.statusCode).toBe(400);
    expect(badSite.json().error.fields[0].path).toBe('code');
  });
});

describe('retiring', () => {
  it('refuses to retire a cabinet while a server is racked in it, naming it, and retires it once empty', async () => {
    const id = await rackedServer(customerA, 'RET-1', 1);
    const refused = await noc.post(`/api/v1/cabinets/${cabinetId}/retire`, {}, { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'CABINET_OCCUPIED', message: 'Cabinet B01 still holds 1 server(s) (RET-1); take them off the rack first' });
    // the room and the site refuse too, each naming what is still in use
    expect((await noc.post(`/api/v1/rooms/${roomId}/retire`)).json().error.code).toBe('ROOM_IN_USE');
    expect((await noc.post(`/api/v1/sites/${siteId}/retire`)).json().error.code).toBe('SITE_HAS_ROOMS');
    expect((await noc.post(`/api/v1/servers/${id}/remove`)).statusCode).toBe(200);
    const spare = (await noc.post('/api/v1/cabinets', { roomId, code: 'B99' })).json();
    const retired = await noc.post(`/api/v1/cabinets/${spare.id}/retire`);
    expect(retired.json()).toMatchObject({ status: 'retired' });
    expect(retired.json().retiredAt).not.toBeNull();
    // nothing goes into a retired cabinet
    const late = (await noc.post('/api/v1/servers', { customerId: customerA, brand: 'Dell', model: 'R650', serialNumber: 'LATE-1', heightU: 1 })).json().id;
    await noc.post(`/api/v1/servers/${late}/inspections`, CHECKLIST_OK);
    const rack = await noc.post(`/api/v1/servers/${late}/rack`, { cabinetId: spare.id, lowestU: 1, face: 'front' });
    expect(rack.statusCode).toBe(400);
    expect(rack.json().error.fields[0].path).toBe('cabinetId');
  });

  it('refuses to retire a pool with an allocated address; allocates the next N all or none', async () => {
    const pool = (await noc.post('/api/v1/ip-pools', { name: '测试池', prefix: '198.51.100.0/29', gateway: '198.51.100.1' })).json();
    const server = await rackedServer(customerB, 'IP-1', 20, 1, 'front');
    const three = await noc.post('/api/v1/ip-allocations/next', { poolId: pool.id, serverId: server, count: 3 });
    expect(three.statusCode).toBe(201);
    expect(three.json().items.map((a: { address: string }) => a.address)).toEqual(['198.51.100.2', '198.51.100.3', '198.51.100.4']);
    // /29: .2–.6 usable, two left; asking for three gives none
    const tooMany = await noc.post('/api/v1/ip-allocations/next', { poolId: pool.id, serverId: server, count: 3 });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error.code).toBe('IP_POOL_EXHAUSTED');
    expect((await noc.get(`/api/v1/ip-allocations?poolId=${pool.id}`)).json().items).toHaveLength(3);
    const refused = await noc.post(`/api/v1/ip-pools/${pool.id}/retire`);
    expect(refused.json().error).toMatchObject({ code: 'IP_POOL_IN_USE' });
    expect(refused.json().error.message).toContain('198.51.100.2');
    // a reserved range over an allocated address is refused at its field
    const reserve = await noc.request('PATCH', `/api/v1/ip-pools/${pool.id}`, { version: 1, reserved: [{ first: '198.51.100.3', last: '198.51.100.3', reason: 'x' }] });
    expect(reserve.statusCode).toBe(400);
    expect(reserve.json().error.fields[0].path).toBe('reserved.0');
  });

  it('retires a switch only when nothing is connected', async () => {
    const sw = (await noc.post('/api/v1/switches', { roomId, name: 'SW-B', model: 'H3C', portCount: 2 })).json();
    const more = await noc.post(`/api/v1/switches/${sw.id}/ports`, { count: 2 });
    expect(more.json().items.map((p: { name: string }) => p.name)).toEqual(['GE1/0/3', 'GE1/0/4']);
    const server = await rackedServer(customerA, 'SW-SRV', 25, 1, 'front');
    await noc.post(`/api/v1/servers/${server}/ports`, { portId: sw.ports[0].id, interfaceName: 'eth0' });
    expect((await noc.post(`/api/v1/switches/${sw.id}/retire`)).json().error.code).toBe('SWITCH_IN_USE');
  });
});

describe('utilisation and the elevation (summed by the database)', () => {
  it('counts each server once per cabinet and room, whatever its faces', async () => {
    const cab = (await noc.post('/api/v1/cabinets', { roomId, code: 'B10', heightU: 10, powerBudgetW: 2000 })).json();
    const save = cabinetId;
    cabinetId = cab.id;
    await rackedServer(customerA, 'U-FULL', 1, 2, 'full', 500); // both faces, counted once
    await rackedServer(customerB, 'U-FRONT', 5, 1, 'front', 300);
    cabinetId = save;
    const [row] = (await noc.get(`/api/v1/cabinets/utilisation?roomId=${roomId}`)).json().items.filter((c: { code: string }) => c.code === 'B10');
    expect(row).toMatchObject({ usedU: 3, powerW: 800, servers: 2, heightU: 10 });
    // the NOC desk's "nearly full" list is picked by the database: B10 has 30 % of its U in use
    const atLeast = async (percent: number) => (await noc.get(`/api/v1/cabinets/utilisation?roomId=${roomId}&minUsedPercent=${percent}`)).json().items.map((c: { code: string }) => c.code);
    expect(await atLeast(30)).toContain('B10');
    expect(await atLeast(31)).not.toContain('B10');
    expect((await noc.get('/api/v1/cabinets/utilisation?minUsedPercent=101')).statusCode).toBe(400);
    const room = (await noc.get(`/api/v1/rooms/utilisation?siteId=${siteId}`)).json().items[0];
    const cabinets = (await noc.get(`/api/v1/cabinets/utilisation?roomId=${roomId}`)).json().items.filter((c: { status: string }) => c.status !== 'retired');
    expect(room.usedU).toBe(cabinets.reduce((n: number, c: { usedU: number }) => n + c.usedU, 0));
    expect(room.totalU).toBe(cabinets.reduce((n: number, c: { heightU: number }) => n + c.heightU, 0));

    const staff = (await noc.get(`/api/v1/cabinets/${cab.id}/elevation`)).json();
    expect(staff).toMatchObject({ usedU: 3, powerW: 800 });
    expect(staff.slots.map((s: { serialNumber: string }) => s.serialNumber).sort()).toEqual(['U-FRONT', 'U-FULL', 'U-FULL']);
    const mine = (await (await t.login('i-a')).get(`/api/v1/cabinets/${cab.id}/elevation`)).json();
    const other = mine.slots.find((s: { lowest: number }) => s.lowest === 5);
    expect(other).toMatchObject({ serverId: null, customerName: null, serialNumber: null, own: false });
    expect(JSON.stringify(mine)).not.toContain('乙公司');
    expect((await (await t.login('i-a')).get('/api/v1/rooms/utilisation')).statusCode).toBe(403);
  });
});

describe('registering servers from a CSV', () => {
  it('registers the good rows and reports each refused one with its reason in the user language', async () => {
    const csv = ['brand,model,serial,height_u,power_w', 'Inspur,NF5280,CSV-1,2,450', 'Inspur,NF5280,,2,450', 'Inspur,NF5280,CSV-3,12,', 'Inspur,NF5280,CSV-1,2,'].join('\n');
    const res = await noc.post('/api/v1/servers/import', { customerId: customerA, csv }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ created: 1, refused: 3 });
    expect(report.rows.map((r: { status: string }) => r.status)).toEqual(['created', 'refused', 'refused', 'refused']);
    expect(report.rows[1].fields).toEqual([{ path: 'serialNumber', message: expect.any(String) }]);
    expect(report.rows[2].fields[0]).toEqual({ path: 'heightU', message: 'The height must be a whole number of U from 1 to 10' });
    expect(report.rows[3].message).toMatch(/conflict|exist/i);
    const mine = (await noc.get(`/api/v1/servers?customerId=${customerA}`)).json().items.map((s: { serialNumber: string }) => s.serialNumber);
    expect(mine.filter((s: string) => s.startsWith('CSV-'))).toEqual(['CSV-1']);
  });
});

describe('the intake checklist (5.2, §9)', () => {
  it('keeps a note per item and photos, shown on the server; a non-image is refused', async () => {
    const id = (await noc.post('/api/v1/servers', { customerId: customerA, brand: 'Dell', model: 'R750', serialNumber: 'CHECK-1', heightU: 2 })).json().id;
    const res = await noc.post(`/api/v1/servers/${id}/inspections`, { ...CHECKLIST_OK, rails: false, itemNotes: { rails: '缺左侧导轨', labelling: '标签已补贴' } });
    expect(res.statusCode).toBe(201);
    const inspection = res.json();
    expect(inspection.passed).toBe(false);
    const photo = multipart({ item: 'rails' }, { name: 'rails.png', bytes: PNG });
    const up = await noc.request('POST', `/api/v1/servers/${id}/inspections/${inspection.id}/photos`, photo.body, photo.headers);
    expect(up.statusCode).toBe(201);
    const pdf = multipart({ item: 'rails' }, { name: 'x.pdf', bytes: Buffer.from('%PDF-1.4\n') });
    expect((await noc.request('POST', `/api/v1/servers/${id}/inspections/${inspection.id}/photos`, pdf.body, pdf.headers)).statusCode).toBe(400);
    const detail = (await noc.get(`/api/v1/servers/${id}`)).json();
    const rails = detail.inspections[0].items.find((i: { item: string }) => i.item === 'rails');
    expect(rails).toMatchObject({ ok: false, note: '缺左侧导轨', photos: [{ fileName: 'rails.png', contentType: 'image/png' }] });
    const file = await (await t.login('i-a')).get(`/api/v1/inspection-photos/${up.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.rawPayload, PNG)).toBe(0);
  });
});
