import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
