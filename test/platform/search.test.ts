import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope, type Scope } from '../../src/core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../harness/app.js';
import { makeActivationReadyCustomer, makeCustomerUser, makeStaff } from '../harness/factories.js';
import { fillSearchData, searchAddress, searchCabinetCode, searchContractNumber, searchCustomerName, searchDomain, searchInvoiceNumber, searchSerial } from '../harness/search-fill.js';
import { classify, kindsOf, type SearchKind } from '../../src/modules/search/search.classify.js';
import { makeSearchRepository } from '../../src/modules/search/search.repository.js';
import { TEST_DB } from '../harness/env.js';
import type { SearchResult } from '../../src/modules/search/search.service.js';

/**
 * The global search (issue 20 §3) on both databases: every kind of query finds its row with the chain
 * IP → server → cabinet → customer → contract; a customer finds only its own; and every kind is an index
 * lookup on tables of a few thousand rows (plans, not timings: a missing index fails here, a slow machine does not).
 */
const system = systemScope('test');
const SIZE = { customers: 3000, servers: 4000, addresses: 20_000, domains: 8000, perCabinet: 2 };
let t: TestApp;
let a: { customerId: string; serverId: string; cabinetId: string; contractId: string; contractNumber: string; invoiceNumber: string; address: string; domainId: string };
let b: { customerId: string; serverId: string; contractNumber: string; invoiceNumber: string; address: string };
let aScope: Scope;
let asA: ApiClient;
let asStaff: ApiClient;

beforeAll(async () => {
  t = await makeTestApp();
  await fillSearchData(t.services, t.database, SIZE);
  // two customers made the ordinary way, each with a server racked under a signed contract, an address and a domain
  const site = await t.services.floor.createSite(system, { code: 'HZ-1', name: '杭州机房', address: 'x', accessPoint: 'x' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'R1' });
  const pool = await t.services.ipam.createPool(system, { name: 'P', prefix: '203.0.113.0/24' });
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const make = async (name: string, serial: string, cabinetCode: string, address: string, domain: string) => {
    const customer = await makeActivationReadyCustomer(t.services, name);
    const cabinet = await t.services.floor.createCabinet(system, { roomId: room.id, code: cabinetCode });
    const server = await t.services.servers.createServer(system, { customerId: customer.id, brand: 'Inspur', model: 'NF5280', serialNumber: serial, heightU: 2 });
    await t.services.servers.inspect(system, server.id, { powerSupplies: true, rails: true, interfaces: true, labelling: true });
    const contract = await t.services.contracts.create(system, { customerId: customer.id, siteId: site.id, serverIds: [server.id], annualFee: '12000' });
    await t.services.contracts.sign(system, contract.id, { signingDate: '2026-03-01', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: pdf });
    await t.services.servers.rack(system, server.id, { cabinetId: cabinet.id, lowestU: 10, face: 'full' });
    const detail = await t.services.contracts.get(system, contract.id);
    const ip = await t.services.ipam.allocate(system, { poolId: pool.id, serverId: server.id, address });
    const d = await t.services.domains.add(system, { customerId: customer.id, serverId: server.id, domain, use: 'non_commercial', filingNumber: '浙ICP备2021012345号' });
    return { customerId: customer.id, serverId: server.id, cabinetId: cabinet.id, contractId: contract.id, contractNumber: contract.number, invoiceNumber: detail.invoices[0].number, address: ip.address, domainId: d.id };
  };
  a = await make('杭州蓝鲸智算有限公司', 'LJ-2288-XQ', 'HZ01', '203.0.113.10', 'www.lanjing-ai.cn');
  b = await make('北京寰宇网络科技有限公司', 'HY-7731-ZZ', 'HZ02', '203.0.113.20', 'api.huanyu.cn');
  await t.services.roster.upsert(system, a.customerId, { side: 'customer', role: 'network_admin', name: '周工', mobile: '13755556666', available24h: false });
  await t.database.raw.exec('ANALYZE');
  await makeCustomerUser(t.services, 'a-owner', a.customerId);
  await makeStaff(t.services, 'noc', ['noc']);
  aScope = { kind: 'customer', userId: 'u-a', login: 'a-owner', customerId: a.customerId, roles: ['owner'] };
  asA = await t.login('a-owner');
  asStaff = await t.login('noc');
}, 300_000);
afterAll(() => t?.close());

const search = (q: string, scope: Scope = system) => t.services.search.search(scope, q);
const labels = (r: SearchResult, kind: string) => r.groups.find((g) => g.kind === kind)?.hits.map((h) => h.label) ?? [];
const chainOf = (r: SearchResult, kind: string) => r.groups.find((g) => g.kind === kind)?.hits[0]?.chain.map((c) => `${c.kind}:${c.label}`);

describe('classifying the query', () => {
  it.each([
    ['203.0.113.10', { ip: '203.0.113.10/32' }],
    ['203.0.113', { ip: '203.0.113.0/24' }],
    ['10.1.', { ip: '10.1.0.0/16' }],
    ['10.0.0.0/8', { ip: '10.0.0.0/8' }],
    ['2001:db8::1', { ip: '2001:db8::1/128' }],
    ['rp-2026-0001', { contractPrefix: 'RP-2026-0001' }],
    ['inv2026', { invoicePrefix: 'INV-2026' }],
    ['WWW.Example.CN.', { domain: 'www.example.cn' }],
    ['例子.中国', { domain: 'xn--fsqu00a.xn--fiqs8s' }],
    ['LJ-2288', { serialPrefix: 'LJ-2288', cabinetPrefix: 'LJ-2288', customerTerm: 'LJ-2288' }],
    ['蓝鲸', { customerTerm: '蓝鲸' }],
    ['Zebra Hosting', { customerTerm: 'Zebra Hosting' }],
    ['x', {}],
  ])('%s', (q, plan) => expect(classify(q)).toEqual(plan));
});

describe('each kind of query, with its chain', () => {
  it('an address, and a prefix, lead to the server, its cabinet, the customer and the contract', async () => {
    const r = await search('203.0.113.10');
    expect(r.kinds).toEqual(['ip']);
    expect(labels(r, 'ip')).toEqual(['203.0.113.10']);
    expect(chainOf(r, 'ip')).toEqual(['server:LJ-2288-XQ', 'cabinet:HZ01', 'customer:杭州蓝鲸智算有限公司', `contract:${a.contractNumber}`]);
    expect(labels(await search('203.0.113.0/24'), 'ip')).toEqual(['203.0.113.10', '203.0.113.20']);
    expect(labels(await search('203.0.113'), 'ip')).toEqual(['203.0.113.10', '203.0.113.20']);
    // the bulk data: address 12 345 is 10.0.48.57, on server 12 345 mod 4 000
    const bulk = await search(searchAddress(12_345));
    expect(chainOf(bulk, 'ip')).toEqual([`server:${searchSerial(345)}`, `cabinet:${searchCabinetCode(Math.floor(345 / 2))}`, `customer:${searchCustomerName(345)}`, `contract:${searchContractNumber(345)}`]);
  });

  it('a domain by its name, or the parent domain, with the chain of its server', async () => {
    const r = await search('WWW.LANJING-AI.CN');
    expect(r.kinds).toEqual(['domain']);
    expect(labels(r, 'domain')).toEqual(['www.lanjing-ai.cn']);
    expect(chainOf(r, 'domain')).toEqual(['server:LJ-2288-XQ', 'cabinet:HZ01', 'customer:杭州蓝鲸智算有限公司', `contract:${a.contractNumber}`]);
    expect(labels(await search('lanjing-ai.cn'), 'domain')).toEqual(['www.lanjing-ai.cn']);
    expect(labels(await search(searchDomain(4321)), 'domain')).toEqual([searchDomain(4321)]);
  });

  it('a serial number (or its start, in either case) and a cabinet code', async () => {
    const r = await search('lj-2288');
    expect(labels(r, 'server')).toEqual(['LJ-2288-XQ']);
    expect(chainOf(r, 'server')).toEqual(['cabinet:HZ01', 'customer:杭州蓝鲸智算有限公司', `contract:${a.contractNumber}`]);
    expect(labels(await search(searchSerial(1234)), 'server')).toEqual([searchSerial(1234)]);
    const cabinet = await search('hz0');
    expect(labels(cabinet, 'cabinet')).toEqual(['HZ01', 'HZ02']);
    expect(cabinet.groups.find((g) => g.kind === 'cabinet')!.hits[0].detail).toBe('杭州机房 · R1');
    expect(labels(await search(searchCabinetCode(77)), 'cabinet')).toEqual([searchCabinetCode(77)]);
  });

  it('a contract number and an invoice number, with their customer', async () => {
    const c = await search(a.contractNumber.toLowerCase());
    expect(c.kinds).toEqual(['contract']);
    expect(labels(c, 'contract')).toEqual([a.contractNumber]);
    expect(chainOf(c, 'contract')).toEqual(['customer:杭州蓝鲸智算有限公司']);
    const i = await search(a.invoiceNumber);
    expect(labels(i, 'invoice')).toEqual([a.invoiceNumber]);
    expect(chainOf(i, 'invoice')).toEqual(['customer:杭州蓝鲸智算有限公司', `contract:${a.contractNumber}`]);
    expect(labels(await search(searchInvoiceNumber(2999)), 'invoice')).toEqual([searchInvoiceNumber(2999)]);
  });

  it('a customer by a Chinese fragment, full pinyin or initials anywhere in the name, or a phone', async () => {
    for (const q of ['蓝鲸', '蓝鲸智算', 'lanjing', 'jingzhisuan', 'LanJingZhi', 'ljzs', 'hzlj', '137 5555', '1375555666']) {
      expect(labels(await search(q), 'customer'), q).toEqual(['杭州蓝鲸智算有限公司']);
    }
    // the bulk customers' pinyin came from the fill; a renamed customer's is rewritten
    expect(labels(await search('2718youxian'), 'customer')).toEqual([searchCustomerName(2718)]);
    const renamed = await t.services.customers.get(system, b.customerId);
    await t.services.customers.update(system, b.customerId, { version: renamed.version, name: '北京鲲鹏网络科技有限公司' });
    expect(labels(await search('kunpeng'), 'customer')).toEqual(['北京鲲鹏网络科技有限公司']);
    expect(labels(await search('bjhywlkjyxgs'), 'customer')).toEqual([]); // the old name's initials (the bulk names have digits inside)
  });

  it('fills the pinyin of customers that have none (rows from before migration 0029) at start', async () => {
    await t.database.raw.exec(`UPDATE customers SET name_pinyin = NULL WHERE id = '${a.customerId}'`);
    expect(labels(await search('lanjing'), 'customer')).toEqual([]);
    expect(await t.services.customers.fillPinyin()).toBe(1);
    expect(labels(await search('lanjing'), 'customer')).toEqual(['杭州蓝鲸智算有限公司']);
  });
});

describe("a customer's search", () => {
  it('finds its own objects of every kind', async () => {
    expect(labels(await search('203.0.113', aScope), 'ip')).toEqual(['203.0.113.10']);
    expect(labels(await search('lanjing-ai.cn', aScope), 'domain')).toEqual(['www.lanjing-ai.cn']);
    expect(labels(await search('LJ-2288', aScope), 'server')).toEqual(['LJ-2288-XQ']);
    expect(labels(await search('HZ0', aScope), 'cabinet')).toEqual(['HZ01']);
    expect(labels(await search(a.contractNumber, aScope), 'contract')).toEqual([a.contractNumber]);
    expect(labels(await search(a.invoiceNumber, aScope), 'invoice')).toEqual([a.invoiceNumber]);
    expect(labels(await search('蓝鲸', aScope), 'customer')).toEqual(['杭州蓝鲸智算有限公司']);
  });

  it("never finds another customer's, through the service or over HTTP", async () => {
    for (const q of [b.address, '203.0.113.20/32', 'api.huanyu.cn', 'huanyu.cn', 'HY-7731', 'HZ02', b.contractNumber, b.invoiceNumber, '鲲鹏', 'kunpeng', searchAddress(5), searchSerial(5), searchCustomerName(5), searchContractNumber(5), searchCabinetCode(5)]) {
      expect((await search(q, aScope)).groups, q).toEqual([]);
      const res = await asA.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().groups, q).toEqual([]);
    }
    // staff see it
    const res = await asStaff.get(`/api/v1/search?q=${encodeURIComponent(b.address)}`);
    expect(res.json().groups[0].hits[0].chain.map((c: { label: string }) => c.label).join(' → ')).toEqual(['HY-7731-ZZ', 'HZ02', '北京鲲鹏网络科技有限公司', b.contractNumber].join(' → '));
  });
});

describe('every kind is an index lookup', () => {
  /**
   * The GENERIC plan of the statement search() sends for these kinds of this query: the plan PostgreSQL caches for
   * the named statement and runs from its sixth execution on (the values reach it as parameters, never as constants).
   */
  async function plan(q: string, kinds: SearchKind[], scope: Scope = system): Promise<string> {
    const { text, params } = makeSearchRepository(t.database.raw).statement(scope, classify(q), kinds);
    return t.database.withSession(async (session) => {
      await session.exec('SET plan_cache_mode = force_generic_plan');
      try {
        await session.exec(`PREPARE search_plan AS ${text}`);
        // EXECUTE takes its values as SQL literals (a utility statement has no parameters of its own)
        const literals = params.map((v) => `'${String(v).replaceAll("'", "''")}'`);
        const rows = await session.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE search_plan(${literals.join(', ')})`);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      } finally {
        await session.exec('DEALLOCATE search_plan; RESET plan_cache_mode');
      }
    });
  }
  const BIG = /Seq Scan on (customers|servers|server_placements|cabinets|ip_allocations|compliance_domains|contracts|invoices)\b/;

  // staff's search by the prefix's index; a customer's may start from its own rows instead (bounded by what it owns)
  it.each([
    ['an address', searchAddress(12_345), ['ip'], /ip_allocations_address_live_idx/, /ip_allocations_customer_address_live_idx/],
    ['a prefix', '10.0.48.0/24', ['ip'], /ip_allocations_address_live_idx/, /ip_allocations_customer_address_live_idx/],
    ['a domain or its parent', 'c17.cn', ['domain'], /compliance_domains_reverse_idx/, /compliance_domains_(reverse|customer)_idx/],
    ['a domain name', searchDomain(17), ['domain'], /compliance_domains_domain_search_idx/, /compliance_domains_(domain_search|customer)_idx/],
    ['a serial number', searchSerial(17), ['server'], /servers_serial_search_idx/, /servers_(serial_search|customer)_idx/],
    ['a cabinet code', searchCabinetCode(17), ['cabinet'], /cabinets_code_search_idx/, /cabinets_code_search_idx|server_placements_customer_idx/],
    ['a contract number', searchContractNumber(17), ['contract'], /contracts_number_search_idx/, /contracts_(number_search|customer)_idx/],
    ['an invoice number', searchInvoiceNumber(17), ['invoice'], /invoices_number_search_idx/, /invoices_(number_search|customer_issued)_idx/],
  ] as const)('%s, with its chain', async (_, q, kinds, staffIndex, customerIndex) => {
    for (const [scope, index] of [[system, staffIndex], [aScope, customerIndex]] as const) {
      const text = await plan(q, [...kinds], scope);
      expect(text, text).not.toMatch(BIG);
      expect(text, text).toMatch(index);
    }
  });

  it('a domain: the name and the parent are each an ordered range that stops at ten, never a LIMIT over their OR', async () => {
    const text = await plan('c17.cn', ['domain']);
    expect(text, text).toMatch(/compliance_domains_domain_search_idx/);
    expect(text, text).toMatch(/compliance_domains_reverse_idx/);
    expect(text, text).not.toMatch(/Seq Scan on compliance_domains/);
  });

  it.runIf(TEST_DB === 'postgres')('PostgreSQL keeps each statement\'s generic plan: planned once per connection, not at every search', async () => {
    const queries: [string, (i: number) => string][] = [
      ['address', (i) => searchAddress(i * 101)],
      ['prefix', (i) => `${searchAddress(i * 256)}/24`],
      ['domain', (i) => searchDomain(i * 37)],
      ['serial', (i) => searchSerial(i * 13)],
      ['contract', (i) => searchContractNumber(i * 7)],
      ['invoice', (i) => searchInvoiceNumber(i * 7)],
      ['name', (i) => searchCustomerName(i * 11)],
      ['pinyin', (i) => `${i * 11 + 100}youxian`],
      ['phone', (i) => `138${String(i * 11).padStart(8, '0')}`],
    ];
    await t.database.withSession(async (session) => {
      const repo = makeSearchRepository(session);
      for (const [kind, query] of queries) {
        const name = repo.statement(system, classify(query(0)), kindsOf(classify(query(0)))).name;
        for (let i = 0; i < 8; i += 1) {
          const p = classify(query(i));
          expect(repo.statement(system, p, kindsOf(p)).name, kind).toBe(name);
          await repo.search(system, p, kindsOf(p));
        }
        const [row] = await session.query<{ generic_plans: string; custom_plans: string }>('SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1', [name]);
        // the first five executions are planned for their values; then the generic plan is the one kept
        expect(Number(row.generic_plans), kind).toBeGreaterThanOrEqual(3);
      }
    });
  });

  it('every kind a serial-shaped query can be, in one statement', async () => {
    const q = searchSerial(17);
    expect(kindsOf(classify(q))).toEqual(['server', 'cabinet', 'customer']);
    const text = await plan(q, ['server', 'cabinet', 'customer']);
    expect(text, text).not.toMatch(BIG);
    for (const index of [/servers_serial_search_idx/, /cabinets_code_search_idx/, /customers_initials_idx/]) expect(text, text).toMatch(index);
  });

  it.each([
    ['蓝鲸智算', /customers_name_trgm_idx/],
    ['蓝鲸', /customers_name_bigrams_idx/],
    ['jingzhisuan', /customers_name_pinyin_trgm_idx/],
    ['ljzs', /customers_name_pinyin_trgm_idx/],
    ['13755556666', /customers_phone_idx/],
  ])('a customer: %s', async (q, index) => {
    const text = await plan(q, ['customer']);
    expect(text, text).not.toMatch(BIG);
    expect(text, text).toMatch(index);
  });
});
