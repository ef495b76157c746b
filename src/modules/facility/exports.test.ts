/** CSV export of every facility, IPAM and DNS list: Excel-ready, tenant-filtered, staff reads audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvObjects } from '../../core/csv.js';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
let t: TestApp;
let noc: ApiClient;
let owner: ApiClient;
let mine: string;
let theirs: string;

beforeAll(async () => {
  t = await makeTestApp();
  await makeStaff(t.services, 'x-noc', ['noc']);
  mine = (await makeCustomer(t.services, { name: '导出甲公司' })).id;
  theirs = (await makeCustomer(t.services, { name: '导出乙公司' })).id;
  await makeCustomerUser(t.services, 'x-owner', mine);
  noc = await t.login('x-noc');
  owner = await t.login('x-owner');
  const site = await t.services.floor.createSite(system, { code: 'EX-1', name: '导出机房', address: '北京市海淀区, "中关村"', accessPoint: '=HYPERLINK("x")' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'A 区' });
  const cabinet = await t.services.floor.createCabinet(system, { roomId: room.id, code: 'E01' });
  const sw = await t.services.network.createSwitch(system, { roomId: room.id, name: 'SW-EX', model: 'H3C', portCount: 2 });
  const pool = await t.services.ipam.createPool(system, { name: 'ex-v4', prefix: '198.51.100.0/24' });
  for (const [customerId, serial, u] of [[mine, 'MINE-1', 1], [theirs, 'THEIRS-1', 5]] as const) {
    const s = await t.services.servers.createServer(system, { customerId, brand: 'Dell', model: 'R650', serialNumber: serial, heightU: 2 });
    await t.services.servers.inspect(system, s.id, { powerSupplies: true, rails: true, interfaces: true, labelling: true });
    await t.services.servers.rack(system, s.id, { cabinetId: cabinet.id, lowestU: u, face: 'full' });
    await t.services.network.assignPort(system, s.id, { portId: sw.ports[customerId === mine ? 0 : 1].id, interfaceName: 'eth0' });
    await t.services.ipam.allocate(system, { poolId: pool.id, serverId: s.id });
    const zone = await t.services.dns.createZone(system, { customerId, domain: `${serial.toLowerCase()}.example.cn` });
    await t.services.dns.addRecord(system, zone.id, { name: 'www', type: 'A', value: '198.51.100.1' });
  }
});
afterAll(() => t.close());

async function csv(client: ApiClient, url: string) {
  const res = await client.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
  expect(res.body.startsWith('\uFEFF')).toBe(true);
  expect(res.body).toMatch(/\r\n$/);
  return csvObjects(res.body);
}

describe('CSV exports', () => {
  it.each([
    ['/api/v1/sites/export.csv', 'code', ['EX-1']],
    ['/api/v1/cabinets/export.csv', 'code', ['E01']],
    ['/api/v1/servers/export.csv', 'serialNumber', ['MINE-1', 'THEIRS-1']],
    ['/api/v1/switches/export.csv', 'name', ['SW-EX']],
    ['/api/v1/switch-ports/export.csv', 'serverserial', ['MINE-1', 'THEIRS-1']],
    ['/api/v1/ip-pools/export.csv', 'name', ['ex-v4']],
    ['/api/v1/ip-allocations/export.csv', 'address', ['198.51.100.1', '198.51.100.2']],
    ['/api/v1/dns/zones/export.csv', 'domain', ['mine-1.example.cn', 'theirs-1.example.cn']],
    ['/api/v1/dns/records/export.csv', 'zone', ['mine-1.example.cn', 'theirs-1.example.cn']],
  ])('staff: %s', async (url, column, values) => {
    const { rows } = await csv(noc, url);
    expect(rows.map((r) => r.values[column.toLowerCase()]).sort()).toEqual(values);
  });

  it('quotes commas and quotes and defuses formulas', async () => {
    const { rows } = await csv(noc, '/api/v1/sites/export.csv');
    expect(rows[0].values).toMatchObject({ address: '北京市海淀区, "中关村"', accesspoint: `'=HYPERLINK("x")` });
  });

  it('gives a customer its own rows only, and nothing of the provider-only lists', async () => {
    for (const url of ['/api/v1/servers/export.csv', '/api/v1/ip-allocations/export.csv', '/api/v1/dns/zones/export.csv', '/api/v1/dns/records/export.csv']) {
      const { rows } = await csv(owner, url);
      expect(rows.length, url).toBe(1);
      expect(JSON.stringify(rows), url).not.toMatch(/THEIRS|theirs|导出乙/);
    }
    const server = (await csv(owner, '/api/v1/servers/export.csv')).rows[0].values;
    expect(server).toMatchObject({ cabinet: 'E01', lowestu: '1', highestu: '2', faces: 'front+rear', status: 'racked' });
    for (const url of ['/api/v1/cabinets/export.csv', '/api/v1/switches/export.csv', '/api/v1/switch-ports/export.csv', '/api/v1/ip-pools/export.csv']) {
      expect((await owner.get(url)).statusCode, url).toBe(403);
    }
  });

  it('audits a staff export of customer data as one read with its filter', async () => {
    await noc.get(`/api/v1/servers/export.csv?customerId=${theirs}`);
    const reads = async (entity: string) => (await t.services.audit.list(system, { entity, action: 'read', page: 1, pageSize: 10 })).items.map((r) => [r.actorLogin, r.entityId]);
    expect(await reads('server_export')).toEqual([
      ['x-noc', `{"customerId":"${theirs}","status":null}`],
      ['x-noc', '{"customerId":null,"status":null}'],
    ]);
    for (const entity of ['ip_allocation_export', 'dns_zone_export', 'dns_record_export', 'port_export', 'cabinet_export']) expect((await reads(entity)).length, entity).toBeGreaterThan(0);
  });
});

describe('paged server list', () => {
  it('gives one page and the total, a customer its own only', async () => {
    const first = (await noc.get('/api/v1/servers?page=1&pageSize=1')).json();
    const second = (await noc.get('/api/v1/servers?page=2&pageSize=1')).json();
    expect([first.total, first.items.length, second.items.length]).toEqual([2, 1, 1]);
    expect(first.items[0].id).not.toBe(second.items[0].id);
    expect((await owner.get('/api/v1/servers?page=1&pageSize=50')).json()).toMatchObject({ total: 1, items: [{ serialNumber: 'MINE-1' }] });
    expect((await noc.get('/api/v1/servers?page=0')).statusCode).toBe(400);
  });
});
