import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildServices } from '../src/app.js';
import { systemClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config.js';
import { randomIds } from '../src/core/ids.js';
import { systemScope } from '../src/core/scope.js';
import { migrate } from '../src/db/migrate.js';
import { DEFAULT_CONTRACT_TERMS, shanghaiDate } from '../src/rules/index.js';
import { figure, withScratchDatabase, type BenchFigure } from './harness.js';

const CUSTOMERS = 20_000;
const CONTRACTS = 100_000;
const SERVERS = 100_000;
const ROUNDS = 9;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

interface Captured {
  text: string;
  values: unknown[];
}

/**
 * The dashboards at a realistic scale on PostgreSQL (issue 20): 20k customers, 100k contracts over a
 * year, 100k invoices and their payments, 100k servers racked in 2,000 cabinets, 5k incidents with
 * their compensation lines. Each role's dashboard is loaded through the service; its statements are
 * captured on the way (pg.Pool#query) and each is then run alone — the dashboard's time is held
 * against the slowest of them (target ≤ 2: the page costs little more than its largest aggregate).
 */
export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  // statements the dashboard sends, recorded while `capture` is set
  let capture: Captured[] | null = null;
  const originalQuery = pg.Pool.prototype.query;
  pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
    const q = args[0] as string | { text: string; values?: unknown[] };
    if (capture) capture.push(typeof q === 'string' ? { text: q, values: (args[1] as unknown[]) ?? [] } : { text: q.text, values: q.values ?? (args[1] as unknown[]) ?? [] });
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Pool.prototype.query;
  const ran = await withScratchDatabase('desk', 10, async (database) => {
  try {
    await migrate(database);
    const config = parseConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'rackpact-bench-')) });
    const services = buildServices({ config, database, clock: systemClock, ids: randomIds, sessionSecret: 'bench-secret-0123456789abcdef0123' });
    const system = systemScope('bench');
    await services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
    const today = shanghaiDate(new Date());
    const load = performance.now();
    await database.raw.exec(`
      INSERT INTO customers (id, name, name_initials, status, contact_phone, version, created_at, updated_at)
        SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, '客户' || g || '有限公司', 'kh', CASE WHEN g % 10 = 0 THEN 'prospect' ELSE 'active' END,
               '138' || lpad(g::text, 8, '0'), 1, now(), now() FROM generate_series(0, ${CUSTOMERS - 1}) g;
      INSERT INTO sites (id, code, name, address, access_point, created_at) SELECT gen_random_uuid(), 'S-' || i, '机房' || i, '北京', '接入点' || i, now() FROM generate_series(0, 9) i;
      INSERT INTO rooms (id, site_id, name, created_at) SELECT gen_random_uuid(), s.id, 'R' || r, now() FROM sites s, generate_series(0, 9) r;
      INSERT INTO cabinets (id, room_id, code, created_at) SELECT gen_random_uuid(), r.id, 'C' || k, now() FROM rooms r, generate_series(0, 19) k;
      CREATE TEMP TABLE bcab AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM cabinets;
      -- contracts: a year of signings; most active with terms ending evenly over the next year, the rest on their way
      INSERT INTO contracts (id, number, year, sequence, customer_id, site_id, provider_version, template_version, terms, term_months, annual_fee_fen, signing_place, signing_date, status,
                             security_letter_signed, user_undertaking_signed, activation_date, term_start, term_end, compensation_hours, non_renewal_noticed_at, renewal_count, version, created_at, updated_at)
        SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, 'RP-B-' || g, 2026, g + 1, ('00000000-0000-4000-8000-' || lpad(to_hex(g % ${CUSTOMERS}), 12, '0'))::uuid,
               (SELECT id FROM sites LIMIT 1), 1, 'colocation-v1', '${JSON.stringify(DEFAULT_CONTRACT_TERMS)}'::jsonb, 12, 1200000 + (g % 50) * 100000, '北京',
               CASE WHEN st IN ('draft', 'sent') THEN NULL ELSE '${today}'::date - (g % 365) END, st, true, true,
               CASE WHEN st = 'active' THEN e - 364 END, CASE WHEN st = 'active' THEN e - 364 END, CASE WHEN st = 'active' THEN e END,
               0, CASE WHEN st = 'active' AND g % 17 = 0 THEN now() END, 0, 1, now(), now()
          FROM generate_series(0, ${CONTRACTS - 1}) g
          CROSS JOIN LATERAL (SELECT (CASE g % 20 WHEN 0 THEN 'draft' WHEN 1 THEN 'sent' WHEN 2 THEN 'signed' WHEN 3 THEN 'ended' ELSE 'active' END) AS st,
                                     '${today}'::date + (g * 7 % 365) AS e) x;
      -- servers, racked two to a U across the cabinets, the first thousand awaiting commissioning
      INSERT INTO servers (id, customer_id, contract_id, brand, model, serial_number, height_u, power_w, status, racked_at, version, created_at, updated_at)
        SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(g), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(g % ${CUSTOMERS}), 12, '0'))::uuid,
               ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Dell', 'R650', 'SN' || g, 1, 400, 'in_service', now(), 1, now(), now()
          FROM generate_series(0, ${SERVERS - 1}) g;
      INSERT INTO server_placements (id, server_id, customer_id, cabinet_id, face, u_range, placed_at)
        SELECT gen_random_uuid(), ('00000000-0000-4000-a000-' || lpad(to_hex(g), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(g % ${CUSTOMERS}), 12, '0'))::uuid,
               bcab.id, CASE WHEN g % 50 < 25 THEN 'front' ELSE 'rear' END, int4range(g % 25 + 1, g % 25 + 2), now()
          FROM generate_series(0, ${SERVERS - 1}) g JOIN bcab ON bcab.n = g / 50;
      INSERT INTO commissioning_orders (id, contract_id, server_id, customer_id, racked_on, due_on, created_at)
        SELECT gen_random_uuid(), ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, ('00000000-0000-4000-a000-' || lpad(to_hex(g), 12, '0'))::uuid,
               ('00000000-0000-4000-8000-' || lpad(to_hex(g % ${CUSTOMERS}), 12, '0'))::uuid, '${today}'::date - (g % 5), '${today}'::date - (g % 5) + 2, now()
          FROM generate_series(0, 999) g;
      -- one invoice per signed-or-later contract over the last year; the older ones paid, the recent ones open or overdue
      INSERT INTO invoices (id, number, year, sequence, contract_id, customer_id, period_start, period_end, amount_fen, issued_on, due_on, paid_on, status, paid_fen, credit_applied_fen, overdue_since, created_at)
        SELECT gen_random_uuid(), 'INV-B-' || c.sequence, 2026, c.sequence, c.id, c.customer_id, c.signing_date, c.signing_date + 364, c.annual_fee_fen, c.signing_date, c.signing_date + 7,
               CASE WHEN p.paid THEN c.signing_date + 5 END,
               CASE WHEN p.paid THEN 'paid' WHEN c.signing_date + 7 < '${today}'::date THEN 'overdue' ELSE 'unpaid' END,
               CASE WHEN p.paid THEN c.annual_fee_fen ELSE 0 END, 0,
               CASE WHEN NOT p.paid AND c.signing_date + 7 < '${today}'::date THEN c.signing_date + 8 END, now()
          FROM contracts c CROSS JOIN LATERAL (SELECT (c.sequence % 9 <> 0 AND c.signing_date < '${today}'::date - 20) AS paid) p
         WHERE c.signing_date IS NOT NULL;
      INSERT INTO payments (id, invoice_id, customer_id, amount_fen, applied_fen, credited_fen, received_on, bank_reference, created_at)
        SELECT gen_random_uuid(), i.id, i.customer_id, i.amount_fen, i.amount_fen, 0, i.paid_on, 'B' || i.sequence, now() FROM invoices i WHERE i.status = 'paid';
      -- 5,000 incidents over the year (a few still open, some line faults), each credited to one contract
      INSERT INTO incidents (id, number, title, cause, line_fault, source, status, reported_at, started_at, resolved_at, created_at, updated_at, version)
        SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(g), 12, '0'))::uuid, 'INC-B-' || g, 'bench', 'provider_fault', g % 10 = 0, 'noc',
               CASE WHEN g < 20 THEN 'open' ELSE 'resolved' END, t, t, CASE WHEN g < 20 THEN NULL ELSE t + interval '40 minutes' END, now(), now(), 1
          FROM generate_series(0, 4999) g CROSS JOIN LATERAL (SELECT now() - (g * 105) * interval '1 minute' AS t) x;
      INSERT INTO compensation_lines (id, contract_id, customer_id, kind, from_at, to_at, minutes, hours, reasons, incident_ids, breach, computed_at)
        SELECT gen_random_uuid(), ('00000000-0000-4000-9000-' || lpad(to_hex(g * 19 % ${CONTRACTS}), 12, '0'))::uuid,
               ('00000000-0000-4000-8000-' || lpad(to_hex(g * 19 % ${CONTRACTS} % ${CUSTOMERS}), 12, '0'))::uuid, 'credited', i.started_at, i.started_at + interval '40 minutes', 40, 2,
               '{PROVIDER_FAULT}', ARRAY[i.id], false, now()
          FROM generate_series(20, 4999) g JOIN incidents i ON i.id = ('00000000-0000-4000-b000-' || lpad(to_hex(g), 12, '0'))::uuid;
      ANALYZE;
    `);
    console.log(`desk.bench.ts: loaded in ${((performance.now() - load) / 1000).toFixed(1)} s`);

    for (const role of ['admin', 'finance', 'noc', 'sales', 'compliance'] as const) {
      // warm (plans, caches), then capture the statements of one load
      await services.desk.dashboard(system, role);
      capture = [];
      await services.desk.dashboard(system, role);
      const statements = capture;
      capture = null;
      const pages: number[] = [];
      const largest: number[] = [];
      let largestText = '';
      for (let round = 0; round < ROUNDS; round++) {
        pages.push(await timed(() => services.desk.dashboard(system, role)));
        // each statement alone, one after another; the slowest is this round's baseline
        let worst = 0;
        for (const q of statements) {
          const ms = await timed(() => database.raw.query(q.text, q.values as never));
          if (ms > worst) [worst, largestText] = [ms, q.text];
        }
        largest.push(worst);
      }
      const page = median(pages);
      const big = median(largest);
      console.log(`${role}: ${statements.length} statements; the slowest: ${largestText.replace(/\s+/g, ' ').slice(0, 140)}…`);
      figures.push(
        figure({
          name: `desk: ${role} dashboard, ${statements.length} aggregates @ 100k contracts, 100k invoices, 100k servers`,
          baseline: 'its largest single aggregate query alone',
          unit: 'ms',
          value: page,
          baselineValue: big,
          target: role === 'admin' ? '≤ 2' : undefined,
          ok: role === 'admin' ? page / big <= 2 : undefined,
        }),
      );
    }
  } finally {
    pg.Pool.prototype.query = originalQuery;
  }
  });
  return ran === null ? [] : figures;
}
