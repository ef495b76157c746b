import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { makeCustomersRepository, phonePrefixes } from './customers.repository.js';
import { nameInitials } from './customers.service.js';

/**
 * Search at 20,000 customers: the answers, and the plans. Plans rather than timings, so the test
 * fails on a missing or unusable index, never on a slow machine.
 */
const system = systemScope('test');
const N = 20_000;
let t: TestApp;
let repo: ReturnType<typeof makeCustomersRepository>;
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '重庆'];
const WORDS = ['寰宇', '星河', '云桥', '天成', '华信', '易联', '金石', '海纳', '恒通', '博远', '中科', '东方'];
const TRADES = ['网络科技', '数据', '信息技术', '云计算', '软件', '通信'];
const generatedName = (i: number) => `${CITIES[i % 10]}${WORDS[(i * 7) % 12]}${TRADES[(i * 5) % 7 % 6]}${i}有限公司`;

beforeAll(async () => {
  t = await makeTestApp();
  repo = makeCustomersRepository(t.database.db);
  const rows: string[] = [];
  for (let i = 0; i < N; i += 1) {
    const name = generatedName(i);
    rows.push(`(gen_random_uuid(), '${name}', '${nameInitials(name)}', '9111${String(i).padStart(14, '0')}', 'active', '138${String(i).padStart(8, '0')}', 1, now(), now())`);
  }
  for (let i = 0; i < rows.length; i += 2000) {
    await t.database.raw.exec(`INSERT INTO customers (id, name, name_initials, uscc, status, contact_phone, version, created_at, updated_at) VALUES ${rows.slice(i, i + 2000).join(',')}`);
  }
  // the rare ones a search must find, made through the service like any customer
  const lanjing = await t.services.customers.create(system, { name: '杭州蓝鲸智算有限公司', uscc: '91310115MA1H7XYN30', contactPhone: '0571-87654321' });
  await t.services.customers.create(system, { name: 'Zebra Hosting 北京有限公司', contactPhone: '+86 139 1234 5678' });
  await t.services.roster.upsert(system, lanjing.id, { side: 'customer', role: 'technical_lead', name: '周工', mobile: '13755556666', available24h: true });
  await t.database.raw.exec('ANALYZE customers; ANALYZE roster_members');
}, 120_000);
afterAll(() => t.close());

async function names(q: string) {
  return (await t.services.customers.list(system, { q, page: 1, pageSize: 50 })).items.map((c) => c.name);
}

async function plan(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
  const { sql, params } = query.toSQL();
  const rows = await t.database.raw.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('customer search at 20k customers', () => {
  it('finds by a two-character name fragment, a longer one, pinyin initials, USCC prefix, contact phone and a roster phone', async () => {
    expect(await names('蓝鲸')).toEqual(['杭州蓝鲸智算有限公司']);
    expect(await names('蓝鲸智算')).toEqual(['杭州蓝鲸智算有限公司']);
    expect(await names('hzljzs')).toEqual(['杭州蓝鲸智算有限公司']);
    expect(await names('HZLJ')).toEqual(['杭州蓝鲸智算有限公司']);
    expect(await names('91310115ma')).toEqual(['杭州蓝鲸智算有限公司']);
    expect(await names('zebra')).toEqual(['Zebra Hosting 北京有限公司']); // latin names: case-insensitive
    expect(await names('139 1234')).toEqual(['Zebra Hosting 北京有限公司']);
    expect(await names('057187654321')).toEqual(['杭州蓝鲸智算有限公司']); // landline typed without its dash
    expect(await names('0571-8765')).toEqual(['杭州蓝鲸智算有限公司']);
    expect(await names('1375555')).toEqual(['杭州蓝鲸智算有限公司']); // the technical lead's mobile
    // a common fragment: the total counts every hit, the page holds the first ten by name
    const common = await t.services.customers.list(system, { q: '星河云计算', page: 1, pageSize: 10 });
    const all = Array.from({ length: N }, (_, i) => generatedName(i)).filter((n) => n.includes('星河云计算')).sort();
    expect(all.length).toBeGreaterThan(100);
    expect(common.total).toBe(all.length);
    expect(common.items.map((c) => c.name)).toEqual(all.slice(0, 10));
  });

  it('answers each kind of search from an index, not by reading every customer', async () => {
    for (const [q, index] of [
      ['蓝鲸', /customers_name_bigrams_idx/],
      ['蓝鲸智算', /customers_name_trgm_idx/],
      ['hzljzs', /customers_initials_idx/],
      // under the C collation (the embedded database) the unique key serves a prefix as well
      ['91310115ma', /customers_uscc_(prefix_idx|key)/],
      ['0571-8765', /customers_phone_idx/],
      ['1375555', /customers_pkey/], // the ids come from roster_members_mobile_idx first
    ] as [string, RegExp][]) {
      const queries = await repo.listQueries(system, { q, page: 1, pageSize: 20 });
      for (const [which, text] of [['page', await plan(queries.page())], ['total', await plan(queries.total())]]) {
        expect(text, `${q} ${which}:\n${text}`).not.toMatch(/Seq Scan on customers/);
        expect(text, `${q} ${which}:\n${text}`).toMatch(index);
      }
    }
  });

  it('pages the unfiltered list along the name index, without sorting 20k rows', async () => {
    const text = await plan((await repo.listQueries(system, { page: 3, pageSize: 20 })).page());
    expect(text).toContain('customers_name_idx');
    expect(text).not.toMatch(/Sort|Seq Scan/);
  });

  it('reads a typed phone number the way the rules core stores it', () => {
    expect(phonePrefixes('+86 139 1234 5678')).toEqual(['13912345678']);
    expect(phonePrefixes('(010) 6234 5678')).toEqual(['01062345678', '010-62345678', '0106-2345678']);
    expect(phonePrefixes('蓝鲸')).toEqual([]);
    expect(phonePrefixes('12')).toEqual([]);
  });
});
