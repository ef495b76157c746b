import { sql } from 'drizzle-orm';
import { deskCustomerOf, rowsOf, type DeskContext, type DeskItem, type DeskSeriesPoint } from '../../core/desk.js';
import type { Scope } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import { expiryBucket } from '../../rules/billing.js';
import { addDays, daysBetween, endOfDayShanghai, shanghaiDate, type CalendarDate } from '../../rules/dates.js';

/** 第十三条: the desk looks this far ahead for expiring contracts (the first reminder). */
const EXPIRY_HORIZON_DAYS = 60;

/**
 * The contracts area on the desk (issue 20): contracts awaiting signature, contracts expiring in
 * 60/30/7 days with the non-renewal window (第十三条: an objection is possible until the term
 * ends), and commissioning orders against their 2-working-day deadline (5.1). Figures for the
 * sales pipeline and the admin's contract counts, all counted in SQL.
 */
export function makeContractsDesk(db: Db) {
  return {
    area: 'contracts',
    async items(scope: Scope, ctx: DeskContext): Promise<DeskItem[]> {
      const cid = deskCustomerOf(scope);
      const today = shanghaiDate(ctx.now);
      const rows = rowsOf<{ id: string; number: string; status: string; term_end: string | null; objected: boolean; customer_id: string; customer_name: string }>(
        await db.execute(sql`
          SELECT k.id, k.number, k.status, k.term_end::text AS term_end, k.non_renewal_noticed_at IS NOT NULL AS objected, k.customer_id, c.name AS customer_name
            FROM contracts k JOIN customers c ON c.id = k.customer_id
           WHERE (k.status = 'sent' OR (k.status = 'active' AND k.term_end BETWEEN ${today}::date AND ${addDays(today, EXPIRY_HORIZON_DAYS)}::date))
             AND (${cid}::uuid IS NULL OR k.customer_id = ${cid}::uuid)
           ORDER BY k.term_end NULLS LAST LIMIT 1000`),
      );
      const items: DeskItem[] = rows.map((r): DeskItem =>
        r.status === 'sent'
          ? {
              kind: 'contract.awaitingSignature',
              area: 'contracts',
              subjectId: r.id,
              titleKey: 'desk.kind.contract.awaitingSignature',
              params: { number: r.number },
              dueAt: null,
              clause: null,
              customerId: r.customer_id,
              customerName: r.customer_name,
              link: `/console/contracts/${r.id}`,
              roles: ['sales'],
              forCustomer: true,
              portalLink: '/portal/contracts',
            }
          : {
              kind: r.objected ? 'contract.ending' : 'contract.renewing',
              area: 'contracts',
              subjectId: r.id,
              titleKey: r.objected ? 'desk.kind.contract.ending' : 'desk.kind.contract.renewing',
              params: {
                number: r.number,
                date: r.term_end!,
                days: daysBetween(today, r.term_end as CalendarDate),
                bucket: expiryBucket(r.term_end as CalendarDate, today) ?? EXPIRY_HORIZON_DAYS,
              },
              // the non-renewal window closes when the term ends: that is the deadline either way
              dueAt: endOfDayShanghai(r.term_end as CalendarDate),
              clause: '第十三条',
              customerId: r.customer_id,
              customerName: r.customer_name,
              link: `/console/expiring?within=${expiryBucket(r.term_end as CalendarDate, today) ?? EXPIRY_HORIZON_DAYS}`,
              roles: ['sales', 'finance'],
              forCustomer: true,
              portalLink: '/portal/expiring',
            },
      );
      const orders = rowsOf<{ id: string; contract_id: string; number: string; serial: string; due_on: string; breached: boolean; customer_id: string; customer_name: string }>(
        await db.execute(sql`
          SELECT o.id, o.contract_id, k.number, s.serial_number AS serial, o.due_on::text AS due_on, o.breached_at IS NOT NULL AS breached, o.customer_id, c.name AS customer_name
            FROM commissioning_orders o
            JOIN contracts k ON k.id = o.contract_id
            JOIN servers s ON s.id = o.server_id
            JOIN customers c ON c.id = o.customer_id
           WHERE o.completed_at IS NULL AND (${cid}::uuid IS NULL OR o.customer_id = ${cid}::uuid)
           ORDER BY o.due_on LIMIT 1000`),
      );
      for (const o of orders) {
        items.push({
          kind: 'commissioning.due',
          area: 'commissioning',
          subjectId: o.id,
          titleKey: 'desk.kind.commissioning.due',
          params: { number: o.number, serial: o.serial, date: o.due_on },
          dueAt: endOfDayShanghai(o.due_on as CalendarDate),
          clause: '5.1',
          customerId: o.customer_id,
          customerName: o.customer_name,
          link: `/console/contracts/${o.contract_id}`,
          roles: ['noc'],
          forCustomer: false,
        });
      }
      return items;
    },

    /** Contract counts and sums for the dashboards, each one SQL aggregate. */
    async figures(ctx: DeskContext) {
      const today = shanghaiDate(ctx.now);
      const [rr, or] = await Promise.all([
        db.execute(sql`
          SELECT count(*) FILTER (WHERE status = 'active')::int AS active,
                 coalesce(sum(annual_fee_fen) FILTER (WHERE status = 'active'), 0)::float8 AS annual_fen,
                 count(*) FILTER (WHERE status = 'draft')::int AS draft,
                 count(*) FILTER (WHERE status = 'sent')::int AS sent,
                 count(*) FILTER (WHERE status = 'signed')::int AS signed,
                 count(*) FILTER (WHERE status = 'active' AND term_end BETWEEN ${today}::date AND ${addDays(today, 7)}::date)::int AS expiring7,
                 count(*) FILTER (WHERE status = 'active' AND term_end BETWEEN ${today}::date AND ${addDays(today, 30)}::date)::int AS expiring30,
                 count(*) FILTER (WHERE status = 'active' AND term_end BETWEEN ${today}::date AND ${addDays(today, 60)}::date)::int AS expiring60,
                 count(*) FILTER (WHERE status = 'active' AND term_end BETWEEN ${today}::date AND ${addDays(today, 60)}::date AND non_renewal_noticed_at IS NOT NULL)::int AS objected60
            FROM contracts`),
        db.execute(sql`
          SELECT count(*)::int AS open, count(*) FILTER (WHERE due_on < ${today}::date)::int AS late,
                 count(*) FILTER (WHERE due_on = ${today}::date AND breached_at IS NULL)::int AS due_today
            FROM commissioning_orders WHERE completed_at IS NULL`),
      ]);
      const [r] = rowsOf<Record<string, number>>(rr);
      const [o] = rowsOf<Record<string, number>>(or);
      const n = (x: unknown) => Number(x ?? 0);
      return {
        activeContracts: n(r.active),
        annualContractValueFen: n(r.annual_fen),
        draft: n(r.draft),
        sent: n(r.sent),
        signed: n(r.signed),
        expiring7: n(r.expiring7),
        expiring30: n(r.expiring30),
        expiring60: n(r.expiring60),
        objected60: n(r.objected60),
        commissioningOpen: n(o.open),
        commissioningLate: n(o.late),
        commissioningDueToday: n(o.due_today),
      };
    },

    /** New contracts per month (by signing date) over the 12 months ending with this one. */
    async newPerMonth(ctx: DeskContext, from: CalendarDate): Promise<DeskSeriesPoint[]> {
      void ctx;
      const rows = rowsOf<{ month: string; n: number }>(
        await db.execute(sql`
          SELECT to_char(signing_date, 'YYYY-MM') AS month, count(*)::int AS n
            FROM contracts WHERE signing_date >= ${from}::date GROUP BY 1 ORDER BY 1`),
      );
      return rows.map((r) => ({ label: r.month, series: 'newContracts', value: Number(r.n) }));
    },
  };
}
export type ContractsDesk = ReturnType<typeof makeContractsDesk>;
