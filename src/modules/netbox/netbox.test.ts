import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvObjects } from '../../core/csv.js';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/netbox/${name}`, import.meta.url), 'utf8');
const FILES = { sites: 'sites.csv', racks: 'racks.csv', devices: 'devices.csv', ipAddresses: 'ip-addresses.csv' } as const;
const sample = () => Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, fixture(f)]));

let t: TestApp;
let noc: ApiClient;

interface Report {
  dryRun: boolean;
  ok: number;
  rejected: number;
  files: { kind: string; file: string; rows: { line: number; status: string; ref: string; code?: string; reason?: string; fields?: { path: string; message: string }[] }[] }[];
}
const rowsOf = (r: Report, kind: string) => r.files.find((f) => f.kind === kind)!.rows;

beforeAll(async () => {
  t = await makeTestApp();
  await makeStaff(t.services, 'nb-noc', ['noc']);
  noc = await t.login('nb-noc');
  await makeCustomer(t.services, { name: '北京寰宇网络科技有限公司' });
  await makeCustomer(t.services, { name: '上海蓝山数据有限公司' });
  await t.services.ipam.createPool(system, { name: 'v4', prefix: '203.0.113.0/24', gateway: '203.0.113.1' });
  await t.services.ipam.createPool(system, { name: 'v6', prefix: '2001:db8:300::/48' });
});
afterAll(() => t.close());

describe('NetBox CSV import', () => {
  it('dry-runs the sample: every row ok, nothing written', async () => {
    const res = await noc.post('/api/v1/netbox/import', { dryRun: true, ...sample() });
    expect(res.statusCode).toBe(200);
    const report = res.json() as Report;
    expect(report).toMatchObject({ dryRun: true, ok: 13, rejected: 0 });
    expect(rowsOf(report, 'devices').map((r) => [r.line, r.status, r.ref])).toEqual([
      [2, 'ok', 'hy-web-01'],
      [3, 'ok', 'hy-db-01'],
      [4, 'ok', 'ls-app-01'],
      [5, 'ok', 'hy-spare-01'],
    ]);
    expect((await noc.get('/api/v1/sites')).json().items).toEqual([]);
    expect((await noc.get('/api/v1/servers')).json().items).toEqual([]);
  });

  it('names every bad row with its line and reason, in a dry run and when applying, and imports the good ones', async () => {
    const files = {
      sites: 'name,slug,status,facility,physical_address\n测试机房,t-1,active,测试接入点,北京\n坏编码机房,bad slug!,active,x,北京\n退役机房,t-2,retired,x,北京\n',
      racks: 'site,location,name,status,u_height\n测试机房,,T01,active,42\n不存在机房,,T02,active,42\n测试机房,,T03,active,99\n',
      devices: [
        'name,device_role,manufacturer,device_type,serial,site,rack,position,face,status,tenant,u_height',
        't-ok,server,Dell,R650,T-SN-1,测试机房,T01,1,front,active,北京寰宇网络科技有限公司,2',
        't-overlap,server,Dell,R650,T-SN-2,测试机房,T01,2,front,active,北京寰宇网络科技有限公司,2',
        't-switch,switch,H3C,S5130,T-SN-3,测试机房,T01,40,front,active,北京寰宇网络科技有限公司,1',
        't-nobody,server,Dell,R650,T-SN-4,测试机房,T01,20,front,active,无此公司,1',
        't-dupserial,server,Dell,R650,T-SN-1,,,,,planned,北京寰宇网络科技有限公司,1',
      ].join('\n'),
      ipAddresses: 'address,status,dns_name,tenant,device\n203.0.113.50/24,active,t.example.cn,,t-ok\n203.0.113.50/24,active,,,t-ok\n192.0.2.9/24,active,,,t-ok\n203.0.113.51/24,active,,,t-ghost\n',
    };
    for (const dryRun of [true, false]) {
      const report = (await noc.post('/api/v1/netbox/import', { dryRun, ...files }, { 'accept-language': 'en' })).json() as Report;
      expect(report).toMatchObject({ dryRun, ok: 4, rejected: 11 });
      const bad = report.files.flatMap((f) => f.rows.filter((r) => r.status === 'error').map((r) => `${f.file}:${r.line} ${r.code} ${r.fields?.[0]?.path ?? ''}`));
      expect(bad).toEqual([
        'sites.csv:3 VALIDATION_FAILED slug',
        'sites.csv:4 VALIDATION_FAILED status',
        'racks.csv:3 VALIDATION_FAILED site',
        'racks.csv:4 VALIDATION_FAILED u_height',
        'devices.csv:3 U_RANGE_OCCUPIED lowestU',
        'devices.csv:4 VALIDATION_FAILED device_role',
        'devices.csv:5 VALIDATION_FAILED tenant',
        'devices.csv:6 CONFLICT serialNumber',
        'ip-addresses.csv:3 IP_ALREADY_ALLOCATED address',
        'ip-addresses.csv:4 VALIDATION_FAILED address',
        'ip-addresses.csv:5 VALIDATION_FAILED device',
      ]);
      const overlap = rowsOf(report, 'devices').find((r) => r.line === 3)!;
      expect(overlap.reason).toMatch(/^U1–U2 on the front of cabinet T01 is occupied/);
      expect(rowsOf(report, 'devices').find((r) => r.line === 5)!.fields![0].message).toBe('No customer named “无此公司”; create the customer first');
      expect(rowsOf(report, 'ipAddresses').find((r) => r.line === 5)).toMatchObject({ status: 'error', fields: [{ path: 'device' }] });
    }
    // applied: the good rows are there, the refused ones left nothing behind
    const servers = (await noc.get('/api/v1/servers')).json().items.map((s: { serialNumber: string; status: string }) => `${s.serialNumber}:${s.status}`);
    expect(servers).toEqual(['T-SN-1:racked']);
    const ptr = (await noc.get('/api/v1/dns/reverse-zones/113.0.203.in-addr.arpa/zonefile')).body;
    expect(ptr).toContain('50 IN PTR t.example.cn.');
  });

  it('imports the sample and exports it back in the same columns (round trip)', async () => {
    const report = (await noc.post('/api/v1/netbox/import', { dryRun: false, ...sample() })).json() as Report;
    expect(report).toMatchObject({ dryRun: false, ok: 13, rejected: 0 });
    for (const [, file] of Object.entries(FILES)) {
      const res = await noc.get(`/api/v1/netbox/export/${file}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      const exported = csvObjects(res.body);
      const original = csvObjects(fixture(file));
      expect(exported.header, file).toEqual(original.header);
      const keyed = (rows: { values: Record<string, string> }[]) => rows.map((r) => original.header.map((h) => r.values[h]).join('|')).sort();
      // the export holds the earlier test's rows as well; every sample row comes back unchanged
      expect(keyed(exported.rows), file).toEqual(expect.arrayContaining(keyed(original.rows)));
    }
    const web = (await noc.get('/api/v1/servers')).json().items.find((s: { name: string }) => s.name === 'hy-web-01');
    const detail = (await noc.get(`/api/v1/servers/${web.id}`)).json();
    expect(detail.placement).toMatchObject({ cabinetCode: 'A01', lowest: 10, highest: 11, faces: ['front'] });
    expect(detail.inspections[0].notes).toMatch(/NetBox/);
  });

  it('is staff (NOC) work', async () => {
    const [customer] = (await noc.get('/api/v1/customers')).json().items;
    const { makeCustomerUser } = await import('../../../test/harness/factories.js');
    await makeCustomerUser(t.services, 'nb-owner', customer.id);
    const owner = await t.login('nb-owner');
    expect((await owner.post('/api/v1/netbox/import', { dryRun: true, ...sample() })).statusCode).toBe(403);
    expect((await owner.get('/api/v1/netbox/export/devices.csv')).statusCode).toBe(403);
  });
});

describe('rackpact import netbox (CLI)', () => {
  it('dry-runs a directory against the demo data, one line per row, exit 1 when a row is refused', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const { runCli } = await import('../../../test/harness/cli.js');
    const { emptyPostgresDatabase } = await import('../../../test/harness/db.js');
    const { TEST_DB } = await import('../../../test/harness/env.js');
    const pg = TEST_DB === 'postgres' ? await emptyPostgresDatabase() : undefined;
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'rackpact-nb-')), DATABASE_URL: pg?.url };
    const dir = fileURLToPath(new URL('../../../test/fixtures/netbox/', import.meta.url));
    try {
      expect((await runCli(['demo', 'seed'], env)).code).toBe(0);
      for (let i = 0; i < 2; i += 1) {
        // twice: a dry run writes nothing, so the second finds the sites still free
        const res = await runCli(['import', 'netbox', '--dry-run', dir], env);
        expect(res.code).toBe(1);
        const lines = res.out.split('\n');
        expect(lines).toContain('sites.csv:2\tok\t北京亦庄机房');
        expect(lines).toContain('devices.csv:2\tok\thy-web-01');
        // the demo has no pool for 2001:db8:300::/48
        expect(lines.find((l) => l.startsWith('ip-addresses.csv:4\terror\t2001:db8:300::10/48'))).toMatch(/No pool contains this address/);
        expect(lines.at(-1)).toMatch(/^dry run, nothing written: \d+ rows ok, [1-9]\d* rejected$/);
      }
      expect((await runCli(['import', 'netbox'], env)).code).toBe(2);
    } finally {
      await pg?.drop();
    }
  }, 120_000);
});
