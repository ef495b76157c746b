import type { Services } from '../../src/app.js';
import { systemScope } from '../../src/core/scope.js';
import type { Database, RawSession } from '../../src/db/client.js';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONTRACT_TERMS } from '../../src/rules/index.js';
import { namePinyin } from '../../src/modules/customers/customers.service.js';

/**
 * The global search's data set, loaded with generate_series (the data is the point, not its history):
 * customers with Chinese names and their pinyin, one contract and invoice each, cabinets of 20 servers,
 * addresses in 10.0.0.0/8 spread over the servers, domains spread over the servers. The search test loads
 * a few thousand rows to read the plans; the benchmark loads issue 20's scale.
 */
export interface SearchFillSize {
  customers: number;
  servers: number;
  addresses: number;
  domains: number;
  /** servers to a cabinet (20 at scale; the search test packs fewer to have thousands of cabinets) */
  perCabinet?: number;
}

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '重庆'];
const WORDS = ['寰宇', '星河', '云桥', '天成', '华信', '易联', '金石', '海纳', '恒通', '博远', '中科', '东方'];
const TRADES = ['网络科技', '数据', '信息技术', '云计算', '软件', '通信'];
const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;
// the pinyin of each word, from the application's own function, so the SQL composes what create() would write
const full = (w: string) => namePinyin(w).split(' ')[0];
const initials = (w: string) => namePinyin(w).split(' ')[1];

/** customer i's name, as the SQL below writes it */
export const searchCustomerName = (i: number) => `${CITIES[i % 10]}${WORDS[(i * 7) % 12]}${TRADES[(i * 5) % 6]}${i}有限公司`;
export const searchSerial = (i: number) => `SN${String(i).padStart(8, '0')}`;
/** server i sits in cabinet i / perCabinet */
export const searchCabinetCode = (k: number) => `${String.fromCharCode(65 + (k % 26))}${String(k).padStart(5, '0')}`;
export const searchAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
export const searchDomain = (i: number) => `site${i}.c${i % 997}.cn`;
export const searchContractNumber = (i: number) => `RP-2025-${String(i).padStart(6, '0')}`;
export const searchInvoiceNumber = (i: number) => `INV-2025-${String(i).padStart(6, '0')}`;

export async function fillSearchData(services: Services, database: Database, size: SearchFillSize, log?: (line: string) => void): Promise<void> {
  const system = systemScope('search-fill');
  await services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
  const site = await services.floor.createSite(system, { code: 'SRCH', name: '搜索机房', address: '北京', accessPoint: '接入点' });
  const room = await services.floor.createRoom(system, { siteId: site.id, name: 'R1' });
  const pool = await services.ipam.createPool(system, { name: 'search', prefix: '10.0.0.0/8' });
  const per = size.perCabinet ?? 20;
  const cabinets = Math.ceil(size.servers / per);
  const { customers: C, servers: S, addresses: A, domains: D } = size;
  const idOf = (kind: string, i: string) => `md5('${kind}' || ${i})::uuid`;
  // Loading into bare tables and building their indexes and constraints afterwards is what makes a million
  // rows take a few minutes rather than twenty: one sorted build per index instead of a million insertions
  // into each (the EXCLUDE constraints' GiST above all), one join per foreign key instead of a lookup per row.
  // Every index and constraint comes back as it was (its definition read from the catalog), checked on the
  // data; only the primary keys and unique constraints stay in place throughout.
  const tables = ['customers', 'contracts', 'invoices', 'cabinets', 'servers', 'server_placements', 'ip_allocations', 'compliance_domains'];
  const list = tables.map((t) => `'${t}'::regclass`).join(', ');
  const constraints = await database.raw.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE conrelid IN (${list}) AND contype IN ('f', 'x') ORDER BY contype DESC, conname`,
  );
  const indexes = await database.raw.query<{ name: string; def: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def FROM pg_index i
     WHERE indrelid IN (${list}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)`,
  );
  const step = async (session: RawSession, name: string, sql: string) => {
    const t0 = performance.now();
    await session.exec(sql);
    log?.(`${name} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  };
  // one connection throughout (the setting is the session's)
  await database.withSession(async (session) => {
    await session.exec(`
      SET maintenance_work_mem = '256MB';
      ${constraints.map((c) => `ALTER TABLE ${c.tbl} DROP CONSTRAINT "${c.name}";`).join('\n')}
      ${indexes.map((i) => `DROP INDEX ${i.name};`).join('\n')}
    `);
    await step(session, 'rows', `
      INSERT INTO customers (id, name, name_initials, name_pinyin, status, contact_phone, version, created_at, updated_at)
      SELECT ${idOf('c', 'i')}, c[1 + i % 10] || w[1 + (i * 7) % 12] || t[1 + (i * 5) % 6] || i || '有限公司',
             ci[1 + i % 10] || wi[1 + (i * 7) % 12] || ti[1 + (i * 5) % 6] || i || 'yxgs',
             cp[1 + i % 10] || wp[1 + (i * 7) % 12] || tp[1 + (i * 5) % 6] || i || 'youxiangongsi ' || ci[1 + i % 10] || wi[1 + (i * 7) % 12] || ti[1 + (i * 5) % 6] || i || 'yxgs',
             'active', '138' || lpad(i::text, 8, '0'), 1, now(), now()
      FROM generate_series(0, ${C - 1}) i,
           (SELECT ${sqlArray(CITIES)} c, ${sqlArray(WORDS)} w, ${sqlArray(TRADES)} t,
                   ${sqlArray(CITIES.map(full))} cp, ${sqlArray(WORDS.map(full))} wp, ${sqlArray(TRADES.map(full))} tp,
                   ${sqlArray(CITIES.map(initials))} ci, ${sqlArray(WORDS.map(initials))} wi, ${sqlArray(TRADES.map(initials))} ti) v;
      INSERT INTO contracts (id, number, year, sequence, customer_id, site_id, provider_version, template_version, terms, term_months, annual_fee_fen, signing_place, signing_date, status,
                             security_letter_signed, user_undertaking_signed, activation_date, term_start, term_end, compensation_hours, renewal_count, version, created_at, updated_at)
      SELECT ${idOf('k', 'i')}, 'RP-2025-' || lpad(i::text, 6, '0'), 2025, i + 1, ${idOf('c', 'i')}, '${site.id}', 1, 'colocation-v1', '${JSON.stringify(DEFAULT_CONTRACT_TERMS)}'::jsonb, 12, 3600000, '北京',
             '2025-01-01', 'active', true, true, '2025-01-02', '2025-01-02', '2026-01-01', 0, 0, 1, now(), now()
      FROM generate_series(0, ${C - 1}) i;
      INSERT INTO contract_number_counters (year, last_number) VALUES (2025, ${C});
      INSERT INTO invoices (id, number, year, sequence, contract_id, customer_id, period_start, period_end, amount_fen, issued_on, due_on, paid_on, status, paid_fen, credit_applied_fen, created_at)
      SELECT ${idOf('v', 'i')}, 'INV-2025-' || lpad(i::text, 6, '0'), 2025, i + 1, ${idOf('k', 'i')}, ${idOf('c', 'i')}, '2025-01-02', '2026-01-01', 3600000, '2025-01-02', '2025-01-09', '2025-01-05', 'paid', 3600000, 0, now()
      FROM generate_series(0, ${C - 1}) i;
      INSERT INTO invoice_number_counters (year, last_number) VALUES (2025, ${C});
      INSERT INTO cabinets (id, room_id, code, created_at)
      SELECT ${idOf('r', 'k')}, '${room.id}', chr(65 + k % 26) || lpad(k::text, 5, '0'), now() FROM generate_series(0, ${cabinets - 1}) k;
      INSERT INTO servers (id, customer_id, contract_id, brand, model, serial_number, height_u, status, racked_at, created_at, updated_at)
      SELECT ${idOf('s', 'i')}, ${idOf('c', `(i % ${C})`)}, ${idOf('k', `(i % ${C})`)}, 'Dell', 'R750', 'SN' || lpad(i::text, 8, '0'), 2, 'in_service', now(), now(), now()
      FROM generate_series(0, ${S - 1}) i;
      INSERT INTO server_placements (id, server_id, customer_id, cabinet_id, face, u_range, placed_at)
      SELECT ${idOf('p', 'i')}, ${idOf('s', 'i')}, ${idOf('c', `(i % ${C})`)}, ${idOf('r', `(i / ${per})`)}, 'front', int4range(1 + 2 * (i % ${per}), 3 + 2 * (i % ${per})), now()
      FROM generate_series(0, ${S - 1}) i;
      -- allocated a second apart: a GiST (the never-twice EXCLUDE) over a million identical ranges splits badly and builds slowly
      INSERT INTO ip_allocations (id, pool_id, address, server_id, customer_id, allocated_at)
      SELECT ${idOf('a', 'i')}, '${pool.id}', '10.0.0.0'::inet + i, ${idOf('s', `(i % ${S})`)}, ${idOf('c', `((i % ${S}) % ${C})`)}, now() - i * interval '1 second'
      FROM generate_series(0, ${A - 1}) i;
      INSERT INTO compliance_domains (id, customer_id, server_id, domain, domain_unicode, address, use, filing_number, status, verified_at, verifier, verification_method, reverify_due_on, version, created_at, updated_at)
      SELECT ${idOf('d', 'i')}, ${idOf('c', `((i % ${S}) % ${C})`)}, ${idOf('s', `(i % ${S})`)}, 'site' || i || '.c' || (i % 997) || '.cn', 'site' || i || '.c' || (i % 997) || '.cn',
             host('10.0.0.0'::inet + (i % ${S})), 'non_commercial', '京ICP备12345678号', 'verified', now(), 'fill', 'miit_lookup', current_date + 365, 1, now(), now()
      FROM generate_series(0, ${D - 1}) i;
    `);
    await step(session, 'indexes', indexes.map((i) => `${i.def};`).join('\n'));
    for (const c of constraints) await step(session, c.name, `ALTER TABLE ${c.tbl} ADD CONSTRAINT "${c.name}" ${c.def};`);
    await step(session, 'analyze', 'RESET maintenance_work_mem; ANALYZE;');
  });
}
