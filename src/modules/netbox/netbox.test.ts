import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvObjects } from '../../core/csv.js';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeStaff } from '../../../test/harness/factories.js';
import { kindOfFileName } from './netbox.columns.js';

const system = systemScope('test');
const fixtureDir = (dir: string) => new URL(`../../../test/fixtures/${dir}/`, import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtureDir('netbox')), 'utf8');
/** A directory of NetBox CSV as the request's fields (sites, racks, …), by file name as the CLI reads it. */
const filesIn = (dir: string) => Object.fromEntries(readdirSync(fixtureDir(dir)).flatMap((f) => (kindOfFileName(f) ? [[kindOfFileName(f)!, readFileSync(new URL(f, fixtureDir(dir)), 'utf8')]] : [])));
const FILES = { sites: 'sites.csv', racks: 'racks.csv', devices: 'devices.csv', ipAddresses: 'ip-addresses.csv' } as const;
const sample = () => Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, fixture(f)]));

let t: TestApp;
let noc: ApiClient;
let huanyu: string;
let lanshan: string;

interface Row {
  line: number;
  status: string;
  ref: string;
  note?: string;
  code?: string;
  reason?: string;
  fields?: { path: string; message: string }[];
}
type Counts = Record<'create' | 'unchanged' | 'ignored' | 'refused', number>;
interface Report {
  dryRun: boolean;
  counts: Counts;
  files: { kind: string; file: string; counts: Counts; rows: Row[] }[];
  roles: { role: string; devices: number; action: string }[];
  tenants: { tenant: string; rows: number; customerId: string | null; customerName: string | null }[];
}
const fileOf = (r: Report, kind: string) => r.files.find((f) => f.kind === kind)!;
const rowOf = (r: Report, kind: string, ref: string) => fileOf(r, kind).rows.find((x) => x.ref === ref)!;
const statuses = (r: Report, kind: string) => fileOf(r, kind).rows.map((x) => `${x.ref}:${x.status}`);

/** A fresh database per describe: the two customers the fixtures name as tenants, and a NOC user. */
function freshApp() {
  beforeAll(async () => {
    t = await makeTestApp();
    await makeStaff(t.services, 'nb-noc', ['noc']);
    noc = await t.login('nb-noc');
    huanyu = (await makeCustomer(t.services, { name: '北京寰宇网络科技有限公司' })).id;
    lanshan = (await makeCustomer(t.services, { name: '上海蓝山数据有限公司' })).id;
  });
  afterAll(() => t.close());
}

describe('NetBox 4.2 export (All data CSV, the column titles NetBox writes)', () => {
  freshApp();
  it('previews: what each row would become, the roles and tenants found with their likely mapping, nothing written', async () => {
    const res = await noc.post('/api/v1/netbox/import', { dryRun: true, ...filesIn('netbox-4.x') }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    const report = res.json() as Report;
    expect(report.roles).toEqual([
      { role: 'Server', devices: 7, action: 'server' },
      { role: 'Access Switch', devices: 1, action: 'switch' },
      { role: 'Core Switch', devices: 1, action: 'switch' },
      { role: 'PDU', devices: 1, action: 'ignore' },
      { role: 'Console Server', devices: 1, action: 'ignore' },
      { role: 'Router', devices: 1, action: 'ignore' },
    ]);
    expect(report.tenants).toEqual([
      { tenant: '北京寰宇网络科技有限公司', rows: 10, customerId: huanyu, customerName: '北京寰宇网络科技有限公司' },
      { tenant: '上海蓝山数据有限公司', rows: 2, customerId: lanshan, customerName: '上海蓝山数据有限公司' },
      { tenant: "Jimbob's Banking & Trust", rows: 2, customerId: null, customerName: null },
    ]);
    expect(statuses(report, 'sites')).toEqual(['北京亦庄机房:create', '上海外高桥机房:create', '广州南沙机房:create', 'DM-Scranton:ignored']);
    expect(rowOf(report, 'sites', '广州南沙机房').note).toBe('No address; to be completed');
    expect(fileOf(report, 'racks').counts).toEqual({ create: 5, unchanged: 0, ignored: 0, refused: 0 });
    expect(statuses(report, 'prefixes')).toEqual(['198.51.100.0/22:ignored', '198.51.100.0/24:create', '198.51.101.0/24:create', '2001:db8:300::/48:create', '10.0.0.0/8:ignored']);
    expect(rowOf(report, 'prefixes', '198.51.100.0/24').note).toBe('Gateway 198.51.100.1');
    expect(statuses(report, 'devices')).toEqual([
      'hy-web-01:create',
      'hy-db-01:create',
      'TBD-netbox-103:create',
      'ls-app-01:create',
      'hy-spare-01:create',
      "jb-app-01:refused",
      'yz-a01-tor:create',
      'yz-core-01:create',
      'yz-a01-pdu1:ignored',
      'yz-con-01:ignored',
      'yz-edge-rtr01:ignored',
      'hy-old-01:ignored',
    ]);
    expect(rowOf(report, 'devices', 'TBD-netbox-103').note).toBe('No name, serial: a placeholder was generated; to be completed');
    expect(rowOf(report, 'devices', 'jb-app-01').fields).toEqual([{ path: 'tenant', message: "Tenant “Jimbob's Banking & Trust” maps to no customer; choose one in the preview’s mapping (create the customer first)" }]);
    expect(rowOf(report, 'devices', 'yz-a01-tor').note).toBe('Switch with 5 ports');
    expect(fileOf(report, 'interfaces').counts).toEqual({ create: 6, unchanged: 0, ignored: 3, refused: 0 });
    expect(statuses(report, 'ipAddresses')).toEqual([
      '198.51.100.1/24:create',
      '198.51.100.10/24:create',
      '198.51.100.11/24:create',
      '198.51.100.12/24:create',
      '198.51.100.20/24:create',
      '198.51.100.21/24:create',
      '198.51.101.2/24:create',
      '198.51.101.3/24:create',
      '198.51.100.30/24:refused',
      '2001:db8:300::10/48:create',
      '203.0.113.99/24:refused',
      '198.51.100.50/24:ignored',
      '198.51.100.40/24:create',
    ]);
    expect(rowOf(report, 'ipAddresses', '198.51.100.12/24').note).toBe('Allocated to TBD-netbox-103');
    expect(rowOf(report, 'ipAddresses', '198.51.100.21/24').note).toBe('Assigned to no device: reserved in its pool');
    expect(rowOf(report, 'ipAddresses', '198.51.101.3/24').note).toBe('Used by yz-a01-pdu1 (not a customer server): reserved in its pool');
    expect(rowOf(report, 'ipAddresses', '198.51.100.40/24').note).toBe('“vm-ci-01” is not a server here: reserved in its pool');
    expect(report.counts.refused).toBe(3);
    // nothing written
    expect((await noc.get('/api/v1/sites')).json().items).toEqual([]);
    expect((await noc.get('/api/v1/ip-pools')).json().items).toEqual([]);
  });

  it('refusals read in Chinese too', async () => {
    const report = (await noc.post('/api/v1/netbox/import', { dryRun: true, ...filesIn('netbox-4.x') }, { 'accept-language': 'zh-CN' })).json() as Report;
    expect(rowOf(report, 'devices', 'jb-app-01').fields![0].message).toBe("租户“Jimbob's Banking & Trust”未对应任何客户；请在预览的映射表中选择客户（客户须先建档）");
    expect(rowOf(report, 'ipAddresses', '198.51.100.30/24').fields![0].message).toBe('设备“jb-app-01”本次被拒绝，地址不能分配给它');
    expect(rowOf(report, 'ipAddresses', '203.0.113.99/24').fields![0].message).toBe('没有包含该地址的地址池');
    expect(rowOf(report, 'devices', 'TBD-netbox-103').note).toBe('缺少 name, serial，已生成占位值，待补全');
  });

  it('imports with the operator’s mapping, and a re-run finds every row unchanged', async () => {
    const jimbob = (await makeCustomer(t.services, { name: '吉姆银行（北京）' })).id;
    const mapping = { roles: [{ role: 'Core Switch', action: 'ignore' }], tenants: [{ tenant: "Jimbob's Banking & Trust", customerId: jimbob }] };
    const report = (await noc.post('/api/v1/netbox/import', { dryRun: false, ...filesIn('netbox-4.x'), ...mapping }, { 'accept-language': 'en' })).json() as Report;
    expect(report.roles.find((r) => r.role === 'Core Switch')!.action).toBe('ignore');
    expect(report.tenants.find((x) => x.tenant === "Jimbob's Banking & Trust")).toMatchObject({ customerId: jimbob, customerName: '吉姆银行（北京）' });
    expect(rowOf(report, 'devices', 'jb-app-01').status).toBe('create');
    expect(rowOf(report, 'devices', 'yz-core-01').status).toBe('ignored');
    expect(report.files.flatMap((f) => f.rows.filter((r) => r.status === 'refused').map((r) => `${f.file}:${r.ref}`))).toEqual(['ip-addresses.csv:203.0.113.99/24']);

    // servers: the unnamed one carries placeholders and is flagged, in the list and the detail
    const list = (await noc.get('/api/v1/servers')).json().items as { id: string; name: string; serialNumber: string; status: string; customerId: string; needsCompletion: boolean }[];
    expect(list.map((s) => `${s.name}:${s.serialNumber}:${s.status}:${s.needsCompletion}`).sort()).toEqual([
      'TBD-netbox-103:TBD-NETBOX-103:racked:true',
      'hy-db-01:INSP20260001:racked:false',
      'hy-spare-01:LNV-SR650-9:expected:false',
      'hy-web-01:CN7WX12345:racked:false',
      'jb-app-01:SM1029P77:racked:false',
      'ls-app-01:HW2288H0007:racked:false',
    ]);
    const placeholder = list.find((s) => s.name === 'TBD-netbox-103')!;
    expect(placeholder.customerId).toBe(huanyu);
    const detail = (await noc.get(`/api/v1/servers/${placeholder.id}`)).json();
    expect(detail).toMatchObject({ needsCompletion: true, placement: { cabinetCode: 'A01', lowest: 20, faces: ['rear'] } });
    // the site without an address is there, its address empty
    expect((await noc.get('/api/v1/sites')).json().items.find((s: { name: string }) => s.name === '广州南沙机房')).toMatchObject({ address: '', code: 'GZ-NS' });
    // the switch with its physical interfaces as ports
    const switches = (await noc.get('/api/v1/switches')).json().items as { id: string; name: string }[];
    expect(switches.map((s) => s.name)).toEqual(['yz-a01-tor']);
    const ports = (await noc.get(`/api/v1/switches/${switches[0].id}/ports`)).json().items as { name: string }[];
    expect(ports.map((p) => p.name).sort()).toEqual(['GigabitEthernet1/0/1', 'GigabitEthernet1/0/2', 'GigabitEthernet1/0/3', 'GigabitEthernet1/0/4', 'Ten-GigabitEthernet1/0/49']);
    // pools from the prefixes, with the VRRP address as gateway and the VLAN; unassigned addresses reserved
    const pools = await t.services.ipam.pools(system);
    expect(pools.map((p) => `${p.prefix} ${p.name} gw=${p.gateway} vlan=${p.vlan}`).sort()).toEqual([
      '198.51.100.0/24 亦庄客户网段 gw=198.51.100.1 vlan=100',
      '198.51.101.0/24 亦庄管理网 gw=null vlan=10',
      '2001:db8:300::/48 外高桥 IPv6 gw=null vlan=null',
    ]);
    const customerPool = pools.find((p) => p.prefix === '198.51.100.0/24')!;
    // 254 usable less the gateway and three reserved (.20 .21 .40); four allocated (.10 .11 .12, and .30 now that its tenant is mapped)
    expect(customerPool.usage).toMatchObject({ usable: '250', allocated: 4 });
    const allocations = await t.services.ipam.allocations(system, { activeOnly: true });
    expect(allocations.map((a) => a.address).sort()).toEqual(['198.51.100.10', '198.51.100.11', '198.51.100.12', '198.51.100.30', '2001:db8:300::10']);
    expect((await noc.get('/api/v1/dns/reverse-zones/100.51.198.in-addr.arpa/zonefile')).body).toContain('10 IN PTR web1.huanyu.example.cn.');

    // the same files again: every row that went in is unchanged, nothing is refused for being there already
    const again = (await noc.post('/api/v1/netbox/import', { dryRun: false, ...filesIn('netbox-4.x'), ...mapping }, { 'accept-language': 'en' })).json() as Report;
    expect(again.counts).toEqual({ create: 0, unchanged: report.counts.create, ignored: report.counts.ignored, refused: 1 });
    expect(again.files.flatMap((f) => f.rows.filter((r) => r.status === 'refused').map((r) => r.ref))).toEqual(['203.0.113.99/24']);
    expect((await noc.get('/api/v1/servers')).json().items).toHaveLength(6);
  });
});

describe('NetBox 3.x import columns (device_role)', () => {
  freshApp();
  beforeAll(async () => {
    await t.services.ipam.createPool(system, { name: 'v4', prefix: '203.0.113.0/24', gateway: '203.0.113.1' });
    await t.services.ipam.createPool(system, { name: 'v6', prefix: '2001:db8:300::/48' });
  });

  it('dry-runs the sample: every row to create, nothing written', async () => {
    const res = await noc.post('/api/v1/netbox/import', { dryRun: true, ...sample() });
    expect(res.statusCode).toBe(200);
    const report = res.json() as Report;
    expect(report.counts).toEqual({ create: 13, unchanged: 0, ignored: 0, refused: 0 });
    expect(statuses(report, 'devices')).toEqual(['hy-web-01:create', 'hy-db-01:create', 'ls-app-01:create', 'hy-spare-01:create']);
    expect(report.roles).toEqual([{ role: 'server', devices: 4, action: 'server' }]);
  });

  it('names every bad row with its line and reason, in a preview and when applying, and imports the good ones', async () => {
    const files = {
      sites: 'name,slug,status,facility,physical_address\n测试机房,t-1,active,测试接入点,北京\n坏编码机房,!,active,x,北京\n退役机房,t-2,retired,x,北京\n',
      racks: 'site,location,name,status,u_height\n测试机房,,T01,active,42\n不存在机房,,T02,active,42\n测试机房,,T03,active,99\n',
      devices: [
        'name,device_role,manufacturer,device_type,serial,site,rack,position,face,status,tenant,u_height',
        't-ok,server,Dell,R650,T-SN-1,测试机房,T01,1,front,active,北京寰宇网络科技有限公司,2',
        't-overlap,server,Dell,R650,T-SN-2,测试机房,T01,2,front,active,北京寰宇网络科技有限公司,2',
        't-switch,switch,H3C,S5130,T-SN-3,测试机房,T01,40,front,active,北京寰宇网络科技有限公司,1',
        't-nobody,server,Dell,R650,T-SN-4,测试机房,T01,20,front,active,无此公司,1',
        't-dupserial,server,Dell,R650,T-SN-1,,,,,planned,北京寰宇网络科技有限公司,1',
        't-half,server,Dell,R650,T-SN-5,测试机房,T01,30.5,front,active,北京寰宇网络科技有限公司,1',
      ].join('\n'),
      ipAddresses: 'address,status,dns_name,tenant,device\n203.0.113.50/24,active,t.example.cn,,t-ok\n203.0.113.50/24,active,,,t-ok\n192.0.2.9/24,active,,,t-ok\n203.0.113.51/24,active,,上海蓝山数据有限公司,t-ok\n',
    };
    for (const dryRun of [true, false]) {
      const report = (await noc.post('/api/v1/netbox/import', { dryRun, ...files, roles: [{ role: 'switch', action: 'switch' }] }, { 'accept-language': 'en' })).json() as Report;
      const bad = report.files.flatMap((f) => f.rows.filter((r) => r.status === 'refused').map((r) => `${f.file}:${r.line} ${r.code} ${r.fields?.[0]?.path ?? ''}`));
      expect(bad).toEqual([
        'sites.csv:3 VALIDATION_FAILED slug',
        'racks.csv:3 VALIDATION_FAILED site',
        'racks.csv:4 VALIDATION_FAILED u_height',
        'devices.csv:3 U_RANGE_OCCUPIED lowestU',
        'devices.csv:5 VALIDATION_FAILED tenant',
        'devices.csv:6 CONFLICT serialNumber',
        'devices.csv:7 VALIDATION_FAILED position',
        'ip-addresses.csv:4 VALIDATION_FAILED address',
        'ip-addresses.csv:5 VALIDATION_FAILED tenant',
      ]);
      expect(statuses(report, 'sites')).toContain('退役机房:ignored');
      // the second copy of an address already held by the same server is unchanged, not an error
      expect(fileOf(report, 'ipAddresses').rows.map((r) => r.status)).toEqual(['create', 'unchanged', 'refused', 'refused']);
      const overlap = fileOf(report, 'devices').rows.find((r) => r.line === 3)!;
      expect(overlap.reason).toMatch(/^U1–U2 on the front of cabinet T01 is occupied/);
      expect(fileOf(report, 'devices').rows.find((r) => r.line === 5)!.fields![0].message).toBe('Tenant “无此公司” maps to no customer; choose one in the preview’s mapping (create the customer first)');
      expect(fileOf(report, 'devices').rows.find((r) => r.line === 7)!.fields![0].message).toBe('Only whole rack units can be used');
      // no database detail in any refusal
      expect(JSON.stringify(report)).not.toMatch(/duplicate key|violates|constraint|SQLSTATE/i);
    }
    const servers = (await noc.get('/api/v1/servers')).json().items.map((s: { serialNumber: string; status: string }) => `${s.serialNumber}:${s.status}`);
    expect(servers).toContain('T-SN-1:racked');
    expect(servers).not.toContain('T-SN-2:racked');
    const ptr = (await noc.get('/api/v1/dns/reverse-zones/113.0.203.in-addr.arpa/zonefile')).body;
    expect(ptr).toContain('50 IN PTR t.example.cn.');
  });

  it('imports the sample and exports it back in the same columns (round trip)', async () => {
    const report = (await noc.post('/api/v1/netbox/import', { dryRun: false, ...sample() })).json() as Report;
    expect(report.counts).toMatchObject({ create: 13, refused: 0 });
    for (const [, file] of Object.entries(FILES)) {
      const res = await noc.get(`/api/v1/netbox/export/${file}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      const exported = csvObjects(res.body);
      const original = csvObjects(fixture(file));
      expect(exported.header, file).toEqual(original.header);
      const keyed = (rows: { values: Record<string, string> }[]) => rows.map((r) => original.header.map((h) => r.values[h]).join('|')).sort();
      // the export holds the earlier tests' rows as well; every sample row comes back unchanged
      expect(keyed(exported.rows), file).toEqual(expect.arrayContaining(keyed(original.rows)));
    }
    const web = (await noc.get('/api/v1/servers')).json().items.find((s: { name: string }) => s.name === 'hy-web-01');
    const detail = (await noc.get(`/api/v1/servers/${web.id}`)).json();
    expect(detail.placement).toMatchObject({ cabinetCode: 'A01', lowest: 10, highest: 11, faces: ['front'] });
    expect(detail.inspections[0].notes).toMatch(/NetBox/);
  });

  it('is staff (NOC) work', async () => {
    const { makeCustomerUser } = await import('../../../test/harness/factories.js');
    await makeCustomerUser(t.services, 'nb-owner', huanyu);
    const owner = await t.login('nb-owner');
    expect((await owner.post('/api/v1/netbox/import', { dryRun: true, ...sample() })).statusCode).toBe(403);
    expect((await owner.get('/api/v1/netbox/export/devices.csv')).statusCode).toBe(403);
  });
});

describe('rackpact import netbox (CLI)', () => {
  it('takes a NetBox 4.2 export directory and a mapping file; a re-run reports every row unchanged and exits 0', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const { runCli } = await import('../../../test/harness/cli.js');
    const { emptyPostgresDatabase } = await import('../../../test/harness/db.js');
    const { TEST_DB } = await import('../../../test/harness/env.js');
    const pg = TEST_DB === 'postgres' ? await emptyPostgresDatabase() : undefined;
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'rackpact-nb-')), DATABASE_URL: pg?.url };
    // the export without the one tenant the demo has no customer for
    const dir = mkdtempSync(join(tmpdir(), 'netbox-4.2-'));
    for (const f of readdirSync(fixtureDir('netbox-4.x'))) {
      const text = readFileSync(new URL(f, fixtureDir('netbox-4.x')), 'utf8');
      writeFileSync(join(dir, f), text.split('\r\n').filter((l) => !l.includes('Jimbob')).join('\r\n'));
    }
    const mappingFile = join(dir, 'mapping.json');
    writeFileSync(mappingFile, JSON.stringify({ roles: [{ role: 'Core Switch', action: 'ignore' }] }));
    try {
      expect((await runCli(['demo', 'seed'], env)).code).toBe(0);
      const preview = await runCli(['import', 'netbox', '--mapping', mappingFile, '--dry-run', dir], env);
      expect(preview.code, preview.out).toBe(0);
      const lines = preview.out.split('\n');
      expect(lines).toContain('role\tCore Switch\t1\tignore');
      expect(lines).toContain('tenant\t北京寰宇网络科技有限公司\t10\t北京寰宇网络科技有限公司');
      expect(lines).toContain('devices.csv:4\tcreate\tTBD-netbox-103\tNo name, serial: a placeholder was generated; to be completed');
      expect(lines).toContain('devices.csv:8\tignored\tyz-core-01\tRole “Core Switch” is mapped to ignore');
      expect(lines.at(-1)).toMatch(/^preview, nothing written: \d+ to create, 0 unchanged, \d+ ignored, 0 refused$/);

      const applied = await runCli(['import', 'netbox', '--mapping', mappingFile, dir], env);
      expect(applied.code, applied.out).toBe(0);
      const created = Number(/imported: (\d+) created/.exec(applied.out)![1]);
      expect(created).toBeGreaterThan(20);

      const rerun = await runCli(['import', 'netbox', '--mapping', mappingFile, dir], env);
      expect(rerun.code, rerun.out).toBe(0);
      expect(rerun.out.split('\n').at(-1)).toBe(`imported: 0 created, ${created} unchanged, ${/(\d+) ignored/.exec(applied.out)![1]} ignored, 0 refused`);
      expect(rerun.out).not.toMatch(/duplicate key|violates|constraint/i);

      // the NetBox 3.x sample over it: the same sites, racks and servers are unchanged; the demo holds 203.0.113.10 for another server
      const old = await runCli(['import', 'netbox', '--dry-run', fileURLToPath(fixtureDir('netbox'))], env);
      expect(old.code, old.out).toBe(1);
      const oldLines = old.out.split('\n');
      expect(oldLines).toContain('sites.csv:2\tunchanged\t北京亦庄机房');
      expect(oldLines).toContain('devices.csv:2\tunchanged\thy-web-01');
      expect(oldLines.find((l) => l.startsWith('ip-addresses.csv:2\trefused\t203.0.113.10/24'))).toMatch(/allocated or still in quarantine/);
      expect((await runCli(['import', 'netbox'], env)).code).toBe(2);
    } finally {
      await pg?.drop();
    }
  }, 240_000);
});
