import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';
import { nextSerial, txtStrings } from './zone-file.js';

let t: TestApp;
let noc: ApiClient;
let owner: ApiClient;
let zoneId: string;
let customerId: string;

/** BIND's own checker (Debian bind9-utils, installed by the test script) reads the exported zone. */
function namedCheckzone(origin: string, text: string): { status: number | null; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'zone-')), 'db.zone');
  writeFileSync(file, text);
  const r = spawnSync('named-checkzone', [origin, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`named-checkzone is not installed (apt-get install bind9-utils): ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-03-02T02:00:00Z' });
  await makeStaff(t.services, 'd-noc', ['noc']);
  customerId = (await makeCustomer(t.services, { name: '解析客户' })).id;
  const other = await makeCustomer(t.services, { name: '别家' });
  await makeCustomerUser(t.services, 'd-owner', customerId);
  await makeCustomerUser(t.services, 'd-other', other.id);
  noc = await t.login('d-noc');
  owner = await t.login('d-owner');
});
afterAll(() => t.close());

describe('DNS zones (6.1)', () => {
  it('hosts an internationalised domain in punycode and refuses a bad one', async () => {
    const res = await owner.post('/api/v1/dns/zones', { customerId, domain: '寰宇网络.中国' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ domain: 'xn--29s7iz17gmna.xn--fiqs8s', serial: 2026030201 });
    zoneId = (await owner.post('/api/v1/dns/zones', { customerId, domain: 'Huanyu.example.cn' })).json().id;
    expect((await owner.post('/api/v1/dns/zones', { customerId, domain: 'bad_domain..cn' })).json().error.fields[0].path).toBe('domain');
    expect((await owner.post('/api/v1/dns/zones', { customerId, domain: 'huanyu.example.cn' })).statusCode).toBe(409);
  });

  it('checks record data by type, keeps a CNAME alone, and bumps the serial on every change', async () => {
    const add = (body: object) => owner.post(`/api/v1/dns/zones/${zoneId}/records`, body);
    expect((await add({ name: '@', type: 'A', value: '203.0.113.10' })).statusCode).toBe(201);
    expect((await add({ name: 'www', type: 'CNAME', value: 'huanyu.example.cn' })).json().value).toBe('huanyu.example.cn.');
    expect((await add({ name: 'v6', type: 'AAAA', value: '2001:db8:100::2' })).statusCode).toBe(201);
    expect((await add({ name: '@', type: 'MX', value: 'mx.huanyu.example.cn', priority: 10 })).statusCode).toBe(201);
    expect((await add({ name: '@', type: 'TXT', value: `v=spf1 ip4:203.0.113.10 -all "quoted" ${'x'.repeat(300)}` })).statusCode).toBe(201);
    const bad: [object, string][] = [
      [{ name: 'x', type: 'A', value: '2001:db8::1' }, 'value'],
      [{ name: 'x', type: 'AAAA', value: '203.0.113.1' }, 'value'],
      [{ name: 'www', type: 'A', value: '203.0.113.11' }, 'name'],
      [{ name: '@', type: 'CNAME', value: 'elsewhere.cn' }, 'name'],
      [{ name: 'mail', type: 'MX', value: 'mx.example.cn' }, 'priority'],
      [{ name: 'x', type: 'CNAME', value: 'not a host' }, 'value'],
    ];
    for (const [body, path] of bad) {
      const res = await add(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const zone = (await owner.get(`/api/v1/dns/zones/${zoneId}`)).json();
    expect(zone.records).toHaveLength(5);
    expect(zone.serial).toBe(2026030206);
  });

  it('exports a zone file that BIND accepts, with the provider as SOA and NS', async () => {
    const res = await owner.get(`/api/v1/dns/zones/${zoneId}/zonefile`);
    expect(res.headers['content-type']).toMatch(/text\/dns/);
    expect(res.body).toContain('@ IN SOA ns1.yunqiao-idc.example. hostmaster.yunqiao-idc.example. ( 2026030206');
    expect(res.body).toContain('@ IN NS ns2.yunqiao-idc.example.');
    expect(res.body).toContain('@ IN MX 10 mx.huanyu.example.cn.');
    const check = namedCheckzone('huanyu.example.cn', res.body);
    expect(check.output).toMatch(/OK/);
    expect(check.status).toBe(0);
  });

  it('keeps other customers out, and lets staff in (audited)', async () => {
    const other = await t.login('d-other');
    expect((await other.get(`/api/v1/dns/zones/${zoneId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/dns/zones/${zoneId}/zonefile`)).statusCode).toBe(404);
    expect((await noc.get(`/api/v1/dns/zones/${zoneId}`)).statusCode).toBe(200);
  });

  it('deletes a record and bumps the serial', async () => {
    const zone = (await owner.get(`/api/v1/dns/zones/${zoneId}`)).json();
    const v6 = zone.records.find((r: { type: string }) => r.type === 'AAAA');
    expect((await owner.delete(`/api/v1/dns/records/${v6.id}`)).statusCode).toBe(204);
    expect((await owner.get(`/api/v1/dns/zones/${zoneId}`)).json().serial).toBe(zone.serial + 1);
  });
});

describe('zone file pieces', () => {
  it('splits TXT data into quoted strings of 255 bytes, escaping quotes', () => {
    expect(txtStrings('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(txtStrings('x'.repeat(300))).toBe(`"${'x'.repeat(255)}" "${'x'.repeat(45)}"`);
  });

  it.each([
    [0, '2026-03-02', 2026030201],
    [2026030201, '2026-03-02', 2026030202],
    [2026030299, '2026-03-02', 2026030300],
    [2026030205, '2026-03-03', 2026030301],
    [2027010101, '2026-03-03', 2027010102],
  ])('serial after %i on %s is %i', (current, date, next) => expect(nextSerial(current, date)).toBe(next));
});

describe("PTR records in the provider's reverse zones (6.1)", () => {
  const system = systemScope('test');
  let v4Allocation: string;
  let v6Allocation: string;

  beforeAll(async () => {
    const server = await t.services.servers.createServer(system, { customerId, brand: 'Dell', model: 'R650', serialNumber: 'PTR-1', heightU: 1 });
    const v4 = await t.services.ipam.createPool(system, { name: 'ptr-v4', prefix: '203.0.112.0/23', gateway: '203.0.112.1' });
    const v6 = await t.services.ipam.createPool(system, { name: 'ptr-v6', prefix: '2001:db8:200::/48' });
    v4Allocation = (await t.services.ipam.allocate(system, { poolId: v4.id, serverId: server.id, address: '203.0.113.9' })).id;
    v6Allocation = (await t.services.ipam.allocate(system, { poolId: v6.id, serverId: server.id })).id;
  });

  it('derives the reverse zones from the pools', async () => {
    const zones = (await noc.get('/api/v1/dns/reverse-zones')).json().items.map((z: { origin: string; pools: string[] }) => [z.origin, z.pools]);
    expect(zones).toEqual([
      ['0.0.2.0.8.b.d.0.1.0.0.2.ip6.arpa', ['ptr-v6']],
      ['112.0.203.in-addr.arpa', ['ptr-v4']],
      ['113.0.203.in-addr.arpa', ['ptr-v4']],
    ]);
    expect((await owner.get('/api/v1/dns/reverse-zones')).statusCode).toBe(403);
  });

  it("lets the customer point its own address at a valid host name, and refuses a bad one", async () => {
    const bad = await owner.put(`/api/v1/dns/ptr-records/${v4Allocation}`, { hostname: 'not a host' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('hostname');
    const ok = await owner.put(`/api/v1/dns/ptr-records/${v4Allocation}`, { hostname: 'Web1.Huanyu.example.cn' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ origin: '113.0.203.in-addr.arpa', name: '9', hostname: 'web1.huanyu.example.cn.' });
    expect((await owner.put(`/api/v1/dns/ptr-records/${v6Allocation}`, { hostname: 'web1.huanyu.example.cn.', ttl: 3600 })).json().name).toBe(`1${'.0'.repeat(19)}`);
    expect((await (await t.login('d-other')).put(`/api/v1/dns/ptr-records/${v4Allocation}`, { hostname: 'evil.example.cn' })).statusCode).toBe(404);
    expect((await owner.get('/api/v1/dns/ptr-records')).json().items).toHaveLength(2);
  });

  it('exports reverse zones that BIND accepts, serial bumped on every change', async () => {
    for (const origin of ['113.0.203.in-addr.arpa', '112.0.203.in-addr.arpa', '0.0.2.0.8.b.d.0.1.0.0.2.ip6.arpa']) {
      const res = await noc.get(`/api/v1/dns/reverse-zones/${origin}/zonefile`);
      expect(res.statusCode).toBe(200);
      const check = namedCheckzone(origin, res.body);
      expect(check.output, res.body).toMatch(/OK/);
      expect(check.status).toBe(0);
    }
    const v4zone = (await noc.get('/api/v1/dns/reverse-zones/113.0.203.in-addr.arpa/zonefile')).body;
    expect(v4zone).toContain('9 IN PTR web1.huanyu.example.cn.');
    expect(v4zone).toContain('( 2026030201');
    await owner.put(`/api/v1/dns/ptr-records/${v4Allocation}`, { hostname: 'web2.huanyu.example.cn' });
    const after = (await noc.get('/api/v1/dns/reverse-zones/113.0.203.in-addr.arpa/zonefile')).body;
    expect(after).toContain('( 2026030202');
    expect(after).toContain('9 IN PTR web2.huanyu.example.cn.');
    expect((await noc.get('/api/v1/dns/reverse-zones/1.0.0.10.in-addr.arpa/zonefile')).statusCode).toBe(404);
  });

  it('drops the PTR when the address is released into quarantine', async () => {
    await noc.delete(`/api/v1/ip-allocations/${v4Allocation}`);
    const zone = (await noc.get('/api/v1/dns/reverse-zones/113.0.203.in-addr.arpa/zonefile')).body;
    expect(zone).not.toContain('PTR');
    expect(zone).toContain('( 2026030203');
    expect(namedCheckzone('113.0.203.in-addr.arpa', zone).status).toBe(0);
    expect((await owner.put(`/api/v1/dns/ptr-records/${v4Allocation}`, { hostname: 'web1.huanyu.example.cn' })).statusCode).toBe(404);
  });
});
