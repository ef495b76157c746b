import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServices } from '../src/app.js';
import { systemClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config.js';
import { randomIds } from '../src/core/ids.js';
import { systemScope } from '../src/core/scope.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { nameInitials } from '../src/modules/customers/customers.service.js';
import { figure, throughput, type BenchFigure } from './harness.js';

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '重庆'];
const WORDS = ['寰宇', '蓝山', '星河', '云桥', '天成', '华信', '易联', '金石', '海纳', '恒通', '博远', '中科'];
const TRADES = ['网络科技', '数据', '信息技术', '云计算', '软件', '通信'];

async function seeded(n: number) {
  const database = await openDatabase({});
  await migrate(database);
  const config = parseConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'rackpact-bench-')) });
  const services = buildServices({ config, database, clock: systemClock, ids: randomIds, sessionSecret: 'bench-secret-0123456789abcdef0123' });
  const rows: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const name = `${CITIES[i % 10]}${WORDS[(i * 7) % 12]}${TRADES[(i * 5) % 6]}${i}有限公司`;
    rows.push(`(gen_random_uuid(), '${name}', '${nameInitials(name)}', 'active', '138${String(i).padStart(8, '0')}', 1, now(), now())`);
  }
  for (let i = 0; i < rows.length; i += 2000) {
    await database.raw.exec(`INSERT INTO customers (id, name, name_initials, status, contact_phone, version, created_at, updated_at) VALUES ${rows.slice(i, i + 2000).join(',')}`);
  }
  await database.raw.exec('ANALYZE customers');
  return { database, services };
}

/** Customer lists and searches at 20,000 customers against the same at 1,000. */
export async function run(): Promise<BenchFigure[]> {
  const scope = systemScope('bench');
  const small = await seeded(1_000);
  const large = await seeded(20_000);
  const figures: BenchFigure[] = [];
  // target: the first page is an index range (≥ 0.2 of the 1k speed); the total count, deep pages and
  // searches read every row (a scan of 20k rows, ≥ 0.05 — i.e. sublinear in 20× the data)
  const cases: [string, number, (s: typeof small.services, n: number) => Promise<unknown>][] = [
    ['list, first page', 0.2, (s) => s.customers.list(scope, { page: 1, pageSize: 20 })],
    ['list, last page', 0.05, (s, n) => s.customers.list(scope, { page: Math.floor(n / 20), pageSize: 20 })],
    ['search by pinyin initials', 0.05, (s) => s.customers.list(scope, { q: 'bjhy', page: 1, pageSize: 20 })],
    ['search by phone prefix', 0.05, (s) => s.customers.list(scope, { q: '1380000', page: 1, pageSize: 20 })],
    ['search by a two-character name fragment', 0.05, (s) => s.customers.list(scope, { q: '星河', page: 1, pageSize: 20 })],
    ['search by a longer name fragment', 0.05, (s) => s.customers.list(scope, { q: '星河云计算', page: 1, pageSize: 20 })],
  ];
  for (const [name, target, op] of cases) {
    const base = await throughput(() => op(small.services, 1_000), { ms: 1500, concurrency: 1, maxOps: 5000 });
    const big = await throughput(() => op(large.services, 20_000), { ms: 1500, concurrency: 1, maxOps: 5000 });
    figures.push(figure({ name: `customers: ${name} @ 20k`, baseline: 'same @ 1k', unit: 'ops/s', value: big, baselineValue: base, target: `≥ ${target}`, ok: big / base >= target }));
  }
  await small.database.close();
  await large.database.close();
  return figures;
}
