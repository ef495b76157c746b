import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildServices } from '../src/app.js';
import { systemClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config.js';
import { randomIds } from '../src/core/ids.js';
import { systemScope } from '../src/core/scope.js';
import { migrate } from '../src/db/migrate.js';
import { addDays, DEFAULT_CONTRACT_TERMS, shanghaiDate } from '../src/rules/index.js';
import { figure, withScratchDatabase, type BenchFigure } from './harness.js';

const N = 100_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * At 100k contracts on PostgreSQL (bulk-loaded with SQL): the daily sweep against one full scan of
 * the contracts table as the application reads it, and one contract PDF against Chromium printing
 * the same HTML as a static page.
 */
export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const ran = await withScratchDatabase('contracts', 10, async (database) => {
    await migrate(database);
    const config = parseConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'rackpact-bench-')) });
    const services = buildServices({ config, database, clock: systemClock, ids: randomIds, sessionSecret: 'bench-secret-0123456789abcdef0123' });
    const system = systemScope('bench');
    await services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
    const site = await services.floor.createSite(system, { code: 'BJ', name: '北京机房', address: '北京', accessPoint: '牛街庄电信机房' });
    const today = shanghaiDate(new Date());
    await database.raw.exec(`
      INSERT INTO customers (id, name, name_initials, status, contact_phone, version, created_at, updated_at)
      SELECT gen_random_uuid(), '客户' || g || '有限公司', 'kh' || g, 'active', '138' || lpad(g::text, 8, '0'), 1, now(), now() FROM generate_series(1, 2000) g;
      -- terms end evenly over the year: each day ~274 renew, ~822 are 60/30/7 days from their end
      INSERT INTO contracts (id, number, year, sequence, customer_id, site_id, provider_version, template_version, terms, term_months, annual_fee_fen, signing_place, signing_date, status,
                             security_letter_signed, user_undertaking_signed, activation_date, term_start, term_end, compensation_hours, renewal_count, version, created_at, updated_at)
      SELECT gen_random_uuid(), 'RP-2025-' || lpad(g::text, 6, '0'), 2025, g, c.ids[1 + g % 2000], '${site.id}', 1, 'colocation-v1', '${JSON.stringify(DEFAULT_CONTRACT_TERMS)}'::jsonb, 12, 3600000, '北京',
             e.term_end - 370, 'active', true, true, (e.term_end - interval '1 year' + interval '1 day')::date, (e.term_end - interval '1 year' + interval '1 day')::date, e.term_end, 0, 0, 1, now(), now()
      FROM generate_series(1, ${N}) g
      CROSS JOIN (SELECT array_agg(id ORDER BY name) AS ids FROM customers) c
      CROSS JOIN LATERAL (SELECT ('${today}'::date - 1 + g % 365) AS term_end) e;
      INSERT INTO contract_number_counters (year, last_number) VALUES (2025, ${N});
      -- this term's invoice, paid — except a tenth of those that fell due yesterday
      INSERT INTO invoices (id, number, year, sequence, contract_id, customer_id, period_start, period_end, amount_fen, issued_on, due_on, paid_on, status, paid_fen, credit_applied_fen, created_at)
      SELECT gen_random_uuid(), 'INV-2025-' || lpad(c.sequence::text, 6, '0'), 2025, c.sequence, c.id, c.customer_id, c.term_start, c.term_end, c.annual_fee_fen, c.term_start, c.term_start + 7,
             CASE WHEN u.unpaid THEN NULL ELSE c.term_start + 3 END, CASE WHEN u.unpaid THEN 'unpaid' ELSE 'paid' END, CASE WHEN u.unpaid THEN 0 ELSE c.annual_fee_fen END, 0, now()
      FROM contracts c CROSS JOIN LATERAL (SELECT (c.term_start + 7 = '${today}'::date - 1 AND c.sequence % 7 = 0) AS unpaid) u;
      INSERT INTO invoice_number_counters (year, last_number) VALUES (2025, ${N});
      -- the expiry reminders of earlier days were sent
      INSERT INTO expiry_reminders (contract_id, customer_id, term_end, days_ahead, due_on, notice_id, created_at)
      SELECT c.id, c.customer_id, c.term_end, d, c.term_end - d, NULL, now() FROM contracts c CROSS JOIN unnest('{60,30,7}'::int[]) d
      WHERE c.term_end - d < '${today}'::date AND c.term_end - d >= c.term_start;
      -- yesterday was swept: today's run is one ordinary day
      INSERT INTO daily_sweeps (day, ran_at, result) VALUES ('${addDays(today, -1)}', now(), '{}');
      ANALYZE;
    `);

    // one full scan of the contracts table, as the application reads it (every row to the client)
    await database.raw.query('SELECT * FROM contracts');
    const scans: number[] = [];
    for (let i = 0; i < 3; i++) scans.push(await timed(() => database.raw.query('SELECT * FROM contracts')));
    const scan = median(scans);
    let result: Awaited<ReturnType<typeof services.billing.sweep>> = [];
    const sweep = await timed(async () => (result = await services.billing.sweep()));
    const day = result[0];
    console.log(`sweep of ${day?.day}: renewed ${day?.renewed}, overdue ${day?.overdue.length}, reminders ${day?.reminders.length}, expiry reminders ${day?.expiryReminders.length}`);
    figures.push(
      figure({
        name: `contracts: daily sweep @ 100k (renewed ${day?.renewed}, overdue ${day?.overdue.length}, reminders ${(day?.reminders.length ?? 0) + (day?.expiryReminders.length ?? 0)})`,
        baseline: 'one full scan of contracts (SELECT * to the client)',
        unit: 'ms',
        value: sweep,
        baselineValue: scan,
        target: '≤ 5',
        ok: sweep / scan <= 5,
      }),
    );

    // one contract PDF (database, template, Chromium) against Chromium printing the same HTML as a static page
    const [contract] = await database.raw.query<{ id: string }>('SELECT id FROM contracts ORDER BY sequence LIMIT 1');
    const html = (await services.contracts.document(system, contract.id, 'html')).bytes.toString();
    await services.pdf.render(html);
    const docs: number[] = [];
    const statics: number[] = [];
    for (let i = 0; i < 5; i++) {
      docs.push(await timed(() => services.contracts.document(system, contract.id, 'pdf')));
      statics.push(await timed(() => services.pdf.render(html, { footerLabel: 'RP-2025-000001' })));
    }
    const doc = median(docs);
    const stat = median(statics);
    figures.push(figure({ name: `contracts: one contract PDF (${Math.round(html.length / 1024)} KiB of HTML)`, baseline: 'Chromium printing the same HTML, static', unit: 'ms', value: doc, baselineValue: stat, target: '≤ 1.5', ok: doc / stat <= 1.5 }));
    await services.pdf.close();
  });
  return ran === null ? [] : figures;
}
