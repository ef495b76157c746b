import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { TEST_DB } from '../../../test/harness/env.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
const CHECKLIST_OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };

let t: TestApp;
let noc: ApiClient;
let cabinetId: string;
let roomId: string;
let customerA: string;
let customerB: string;

async function expectedServer(customerId: string, serialNumber: string, heightU = 2) {
  const res = await noc.post('/api/v1/servers', { customerId, brand: 'Dell', model: 'R750', serialNumber, heightU });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function inspectedServer(customerId: string, serialNumber: string, heightU = 2) {
  const id = await expectedServer(customerId, serialNumber, heightU);
  expect((await noc.post(`/api/v1/servers/${id}/inspections`, CHECKLIST_OK)).json().passed).toBe(true);
  return id;
}

beforeAll(async () => {
  t = await makeTestApp();
  await makeStaff(t.services, 'f-noc', ['noc']);
  await makeStaff(t.services, 'f-sales', ['sales']);
  customerA = (await makeCustomer(t.services, { name: '甲公司' })).id;
  customerB = (await makeCustomer(t.services, { name: '乙公司' })).id;
  await makeCustomerUser(t.services, 'f-a', customerA);
  await makeCustomerUser(t.services, 'f-b', customerB);
  noc = await t.login('f-noc');
  const site = (await noc.post('/api/v1/sites', { code: 'BJ-1', name: '北京一号机房', address: '北京市丰台区', accessPoint: '牛街庄电信机房' })).json();
  roomId = (await noc.post('/api/v1/rooms', { siteId: site.id, name: 'A 区' })).json().id;
  cabinetId = (await noc.post('/api/v1/cabinets', { roomId, code: 'A01' })).json().id;
});
afterAll(() => t.close());

describe('racking (第二条, 5.2, 7.1)', () => {
  it('refuses to rack a server that has not passed its intake inspection', async () => {
    const id = await expectedServer(customerA, 'SN-UNCHECKED');
    const res = await noc.post(`/api/v1/servers/${id}/rack`, { cabinetId, lowestU: 1, face: 'front' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INSPECTION_REQUIRED');
    const failed = await noc.post(`/api/v1/servers/${id}/inspections`, { ...CHECKLIST_OK, rails: false, notes: '缺导轨' });
    expect(failed.json().passed).toBe(false);
    expect((await noc.post(`/api/v1/servers/${id}/rack`, { cabinetId, lowestU: 1, face: 'front' })).json().error.code).toBe('INSPECTION_REQUIRED');
  });

  it('racks a server: the racking instant and the placement are recorded', async () => {
    const id = await inspectedServer(customerA, 'SN-A1');
    const res = await noc.post(`/api/v1/servers/${id}/rack`, { cabinetId, lowestU: 10, face: 'full' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'racked', rackedAt: t.clock.now().toISOString() });
    const detail = (await noc.get(`/api/v1/servers/${id}`)).json();
    expect(detail.placement).toMatchObject({ cabinetCode: 'A01', lowest: 10, highest: 11, faces: ['front', 'rear'] });
  });

  it('answers an overlapping U range with 409 naming the range and, for staff, the occupant', async () => {
    const id = await inspectedServer(customerB, 'SN-B1');
    const res = await noc.post(`/api/v1/servers/${id}/rack`, { cabinetId, lowestU: 11, face: 'rear' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('U_RANGE_OCCUPIED');
    expect(res.json().error.message).toBe('U10–U11 on the rear of cabinet A01 is occupied：甲公司 Dell R750 (SN-A1)');
    expect((await noc.get(`/api/v1/servers/${id}`)).json().status).toBe('expected');
    // the other face of a half-depth server is free
    const front = await noc.post(`/api/v1/servers/${id}/rack`, { cabinetId, lowestU: 20, face: 'front' });
    expect(front.statusCode).toBe(200);
    const behind = await inspectedServer(customerA, 'SN-A-REAR', 1);
    expect((await noc.post(`/api/v1/servers/${behind}/rack`, { cabinetId, lowestU: 20, face: 'rear' })).statusCode).toBe(200);
  });

  it('refuses a position outside the cabinet', async () => {
    const id = await inspectedServer(customerA, 'SN-TOP');
    const res = await noc.post(`/api/v1/servers/${id}/rack`, { cabinetId, lowestU: 42, face: 'front' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('lowestU');
  });

  it.runIf(TEST_DB === 'postgres')('lets exactly one of many simultaneous rackings into the same U win', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => inspectedServer(i % 2 ? customerA : customerB, `SN-RACE-${i}`)));
    const results = await Promise.allSettled(ids.map((id) => t.services.facility.rack(system, id, { cabinetId, lowestU: 30, face: 'front' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason.code).toBe('U_RANGE_OCCUPIED');
  });

  it('moves through commissioning and service, refusing jumps', async () => {
    const [server] = (await noc.get(`/api/v1/servers?customerId=${customerA}&status=racked`)).json().items;
    expect((await noc.post(`/api/v1/servers/${server.id}/status`, { status: 'suspended' })).json().error.code).toBe('INVALID_TRANSITION');
    expect((await noc.post(`/api/v1/servers/${server.id}/status`, { status: 'commissioning' })).json().status).toBe('commissioning');
    expect((await noc.post(`/api/v1/servers/${server.id}/status`, { status: 'in_service' })).json().status).toBe('in_service');
  });
});

describe('rack elevation', () => {
  it("shows staff every server with its customer, and a customer its own and others' as plain occupied", async () => {
    const staffSvg = (await noc.get(`/api/v1/cabinets/${cabinetId}/elevation.svg`)).body;
    expect(staffSvg).toMatch(/^<svg/);
    expect(staffSvg).toContain('甲公司');
    expect(staffSvg).toContain('乙公司');
    const aSvg = await (await t.login('f-a')).get(`/api/v1/cabinets/${cabinetId}/elevation.svg`);
    expect(aSvg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(aSvg.body).toContain('SN-A1');
    expect(aSvg.body).not.toContain('乙公司');
    expect(aSvg.body).not.toContain('SN-B1');
    expect(aSvg.body).toContain('已占用');
  });
});

describe('switch ports (6.1)', () => {
  it('gives each interface a port, never two servers one port', async () => {
    const sw = (await noc.post('/api/v1/switches', { roomId, name: 'SW-1', model: 'H3C S5130', portCount: 4 })).json();
    const [a, b] = (await noc.get(`/api/v1/servers?status=racked`)).json().items;
    const first = await noc.post(`/api/v1/servers/${a.id}/ports`, { portId: sw.ports[0].id, interfaceName: 'eth0' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ bandwidthMbps: 100, shared: true });
    const clash = await noc.post(`/api/v1/servers/${b.id}/ports`, { portId: sw.ports[0].id, interfaceName: 'eth0' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('PORT_IN_USE');
    const ports = (await noc.get(`/api/v1/switches/${sw.id}/ports`)).json().items;
    expect(ports[0].assignment.serverId).toBe(a.id);
    const bw = (await noc.get(`/api/v1/bandwidth?customerId=${a.customerId}`)).json().items;
    expect(bw).toEqual([{ customerId: a.customerId, ports: 1, portMbps: 100, uplinkMbps: 1000 }]);
  });
});

describe('IP pools and allocation', () => {
  let poolId: string;
  let serverId: string;

  it('refuses overlapping pools and gateways outside the prefix', async () => {
    poolId = (await noc.post('/api/v1/ip-pools', { name: 'v4', prefix: '203.0.113.0/24', gateway: '203.0.113.1', reserved: [{ first: '203.0.113.2', last: '203.0.113.4', reason: '设备' }] })).json().id;
    expect((await noc.post('/api/v1/ip-pools', { name: 'overlap', prefix: '203.0.113.128/25' })).json().error.code).toBe('IP_POOL_OVERLAP');
    expect((await noc.post('/api/v1/ip-pools', { name: 'gw', prefix: '198.51.100.0/24', gateway: '192.0.2.1' })).json().error.fields[0].path).toBe('gateway');
    expect((await noc.post('/api/v1/ip-pools', { name: 'bits', prefix: '198.51.100.7/24' })).json().error.fields[0].path).toBe('prefix');
  });

  it('hands out the next free address, skipping network, gateway and reserved ones', async () => {
    serverId = (await noc.get(`/api/v1/servers?customerId=${customerA}&status=in_service`)).json().items[0].id;
    const first = await noc.post('/api/v1/ip-allocations', { poolId, serverId });
    expect(first.json().address).toBe('203.0.113.5');
    expect((await noc.post('/api/v1/ip-allocations', { poolId, serverId })).json().address).toBe('203.0.113.6');
    const chosen = await noc.post('/api/v1/ip-allocations', { poolId, serverId, address: '203.0.113.200' });
    expect(chosen.json().address).toBe('203.0.113.200');
    const again = await noc.post('/api/v1/ip-allocations', { poolId, serverId, address: '203.0.113.200' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('IP_ALREADY_ALLOCATED');
    for (const bad of ['203.0.113.1', '203.0.113.3', '203.0.113.0', '203.0.113.255', '198.51.100.1']) {
      expect((await noc.post('/api/v1/ip-allocations', { poolId, serverId, address: bad })).statusCode, bad).toBe(400);
    }
    const usage = (await noc.get('/api/v1/ip-pools')).json().items.find((p: { id: string }) => p.id === poolId).usage;
    expect(usage).toEqual({ usable: '250', allocated: 3, quarantined: 0, free: '247' });
  });

  it('quarantines a released address for 30 days before anyone gets it again', async () => {
    const [allocation] = (await noc.get(`/api/v1/ip-allocations?serverId=${serverId}`)).json().items;
    expect(allocation.address).toBe('203.0.113.5');
    const released = await noc.delete(`/api/v1/ip-allocations/${allocation.id}`);
    expect(released.json().heldUntil).toBe(new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString());
    expect((await noc.post('/api/v1/ip-allocations', { poolId, serverId })).json().address).toBe('203.0.113.7');
    expect((await noc.post('/api/v1/ip-allocations', { poolId, serverId, address: '203.0.113.5' })).json().error.code).toBe('IP_ALREADY_ALLOCATED');
    t.clock.advance(30 * 86_400_000 + 1000);
    noc = await t.login('f-noc');
    expect((await noc.post('/api/v1/ip-allocations', { poolId, serverId })).json().address).toBe('203.0.113.5');
  });

  it('never allocates one address twice, even under many concurrent requests', async () => {
    const pool = await t.services.ipam.createPool(system, { name: 'race', prefix: '198.51.100.0/26' });
    const results = await Promise.allSettled(Array.from({ length: 24 }, () => t.services.ipam.allocate(system, { poolId: pool.id, serverId })));
    const addresses = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ address: string }>).value.address);
    expect(addresses).toHaveLength(24);
    expect(new Set(addresses).size).toBe(24);
  });

  it('allocates from IPv6 pools too', async () => {
    const v6 = await t.services.ipam.createPool(system, { name: 'v6', prefix: '2001:db8:100::/48', gateway: '2001:db8:100::1' });
    const a = await t.services.ipam.allocate(system, { poolId: v6.id, serverId });
    expect(a.address).toBe('2001:db8:100::2');
  });

  it('releases every address of a removed server into quarantine, with its U and ports', async () => {
    const before = (await noc.get(`/api/v1/ip-allocations?serverId=${serverId}`)).json().items.length;
    expect(before).toBeGreaterThan(0);
    const removed = await noc.post(`/api/v1/servers/${serverId}/remove`);
    expect(removed.json().status).toBe('removed');
    expect((await noc.get(`/api/v1/ip-allocations?serverId=${serverId}`)).json().items).toEqual([]);
    const held = (await noc.get(`/api/v1/ip-allocations?serverId=${serverId}&activeOnly=false`)).json().items;
    expect(held.every((a: { heldUntil: string | null }) => a.heldUntil !== null)).toBe(true);
    expect((await noc.get(`/api/v1/servers/${serverId}`)).json().placement).toBeNull();
  });

  it("lets a customer see its own addresses and servers only", async () => {
    const b = await t.login('f-b');
    const servers = (await b.get('/api/v1/servers')).json().items;
    expect(servers.every((s: { customerId: string }) => s.customerId === customerB)).toBe(true);
    expect((await b.get(`/api/v1/servers/${serverId}`)).statusCode).toBe(404);
    expect((await b.get('/api/v1/ip-pools')).statusCode).toBe(403);
  });
});
