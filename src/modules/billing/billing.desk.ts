import { sql } from 'drizzle-orm';
import { deskCustomerOf, rowsOf, type DeskContext, type DeskItem, type DeskSeriesPoint } from '../../core/desk.js';
import type { Scope } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import { addDays, endOfDayShanghai, shanghaiDate, type CalendarDate } from '../../rules/dates.js';

/** Invoices come on the desk this many days before they fall due. */
const INVOICE_HORIZON_DAYS = 7;
/** What is still owed on an open invoice, in fen (第四条). */
const OWED = sql.raw('(i.amount_fen - i.paid_fen - i.credit_applied_fen)');
const OPEN = sql.raw(`i.status IN ('unpaid', 'partially_paid', 'overdue')`);

/**
 * The billing area on the desk (issue 20): invoices due within a week or overdue (第四条), dunning
 * suspension proposals awaiting a decision, 发票 requests waiting; and the finance figures —
 * receivables with aging buckets, payments this month — each one SQL aggregate.
 */
export function makeBillingDesk(db: Db) {
  return {
    area: 'billing',
    async items(scope: Scope, ctx: DeskContext): Promise<DeskItem[]> {
      const cid = deskCustomerOf(scope);
      const today = shanghaiDate(ctx.now);
      const invoices = rowsOf<{ id: string; number: string; contract_id: string; due_on: string; owed: number; overdue: boolean; fapiao_waiting: boolean; customer_id: string; customer_name: string }>(
        await db.execute(sql`
          SELECT i.id, i.number, i.contract_id, i.due_on::text AS due_on, ${OWED}::float8 AS owed, i.due_on < ${today}::date AS overdue,
                 false AS fapiao_waiting, i.customer_id, c.name AS customer_name
            FROM invoices i JOIN customers c ON c.id = i.customer_id
           WHERE ${OPEN} AND i.due_on <= ${addDays(today, INVOICE_HORIZON_DAYS)}::date AND (${cid}::uuid IS NULL OR i.customer_id = ${cid}::uuid)
          UNION ALL
          SELECT i.id, i.number, i.contract_id, i.due_on::text, 0, false, true, i.customer_id, c.name
            FROM invoices i JOIN customers c ON c.id = i.customer_id
           WHERE i.fapiao_requested_at IS NOT NULL AND i.fapiao_number IS NULL AND (${cid}::uuid IS NULL OR i.customer_id = ${cid}::uuid)
           LIMIT 2000`),
      );
      const items: DeskItem[] = invoices.map((r): DeskItem =>
        r.fapiao_waiting
          ? {
              kind: 'fapiao.requested',
              area: 'billing',
              subjectId: r.id,
              titleKey: 'desk.kind.fapiao.requested',
              params: { number: r.number },
              dueAt: null,
              clause: '第四条',
              customerId: r.customer_id,
              customerName: r.customer_name,
              link: `/console/contracts/${r.contract_id}`,
              roles: ['finance'],
              forCustomer: false,
            }
          : {
              kind: r.overdue ? 'invoice.overdue' : 'invoice.due',
              area: 'billing',
              subjectId: r.id,
              titleKey: r.overdue ? 'desk.kind.invoice.overdue' : 'desk.kind.invoice.due',
              params: { number: r.number, date: r.due_on, amountFen: Number(r.owed) },
              dueAt: endOfDayShanghai(r.due_on as CalendarDate),
              clause: '第四条',
              customerId: r.customer_id,
              customerName: r.customer_name,
              link: `/console/contracts/${r.contract_id}`,
              roles: ['finance'],
              forCustomer: true,
              portalLink: '/portal/contracts',
            },
      );
      if (cid) return items;
      const dunning = rowsOf<{ id: string; number: string; due_on: string; customer_id: string; customer_name: string }>(
        await db.execute(sql`
          SELECT d.id, i.number, d.due_on::text AS due_on, d.customer_id, c.name AS customer_name
            FROM dunning_actions d JOIN invoices i ON i.id = d.invoice_id JOIN customers c ON c.id = d.customer_id
           WHERE d.decision = 'proposed' ORDER BY d.due_on LIMIT 1000`),
      );
      for (const d of dunning) {
        items.push({
          kind: 'dunning.decide',
          area: 'billing',
          subjectId: d.id,
          titleKey: 'desk.kind.dunning.decide',
          params: { number: d.number, date: d.due_on },
          dueAt: endOfDayShanghai(d.due_on as CalendarDate),
          clause: '第四条',
          customerId: d.customer_id,
          customerName: d.customer_name,
          link: '/console/dunning?decision=proposed',
          roles: ['finance'],
          forCustomer: false,
        });
      }
      return items;
    },

    /** Receivables and their aging (days past due), payments this month, 发票 and dunning waiting. */
    async figures(ctx: DeskContext) {
      const today = shanghaiDate(ctx.now);
      const monthStart = `${today.slice(0, 7)}-01`;
      // three statements at once (each on its own pooled connection on PostgreSQL)
      const [rr, pr, wr] = await Promise.all([
        db.execute(sql`
          SELECT coalesce(sum(${OWED}), 0)::float8 AS receivable,
                 coalesce(sum(${OWED}) FILTER (WHERE i.due_on < ${today}::date), 0)::float8 AS overdue,
                 coalesce(sum(${OWED}) FILTER (WHERE i.due_on >= ${today}::date), 0)::float8 AS not_due,
                 coalesce(sum(${OWED}) FILTER (WHERE ${today}::date - i.due_on BETWEEN 1 AND 30), 0)::float8 AS d30,
                 coalesce(sum(${OWED}) FILTER (WHERE ${today}::date - i.due_on BETWEEN 31 AND 60), 0)::float8 AS d60,
                 coalesce(sum(${OWED}) FILTER (WHERE ${today}::date - i.due_on BETWEEN 61 AND 90), 0)::float8 AS d90,
                 coalesce(sum(${OWED}) FILTER (WHERE ${today}::date - i.due_on > 90), 0)::float8 AS d90plus,
                 count(*) FILTER (WHERE i.due_on < ${today}::date)::int AS overdue_count,
                 count(*)::int AS open_count
            FROM invoices i WHERE ${OPEN}`),
        db.execute(sql`SELECT coalesce(sum(amount_fen), 0)::float8 AS fen, count(*)::int AS n FROM payments WHERE received_on >= ${monthStart}::date AND received_on <= ${today}::date`),
        db.execute(sql`
          SELECT (SELECT count(*) FROM invoices WHERE fapiao_requested_at IS NOT NULL AND fapiao_number IS NULL)::int AS fapiao,
                 (SELECT count(*) FROM dunning_actions WHERE decision = 'proposed')::int AS dunning`),
      ]);
      const [r] = rowsOf<Record<string, number>>(rr);
      const [p] = rowsOf<Record<string, number>>(pr);
      const [w] = rowsOf<Record<string, number>>(wr);
      const n = (x: unknown) => Number(x ?? 0);
      return {
        receivableFen: n(r.receivable),
        overdueFen: n(r.overdue),
        overdueInvoices: n(r.overdue_count),
        openInvoices: n(r.open_count),
        agingNotDueFen: n(r.not_due),
        aging1to30Fen: n(r.d30),
        aging31to60Fen: n(r.d60),
        aging61to90Fen: n(r.d90),
        agingOver90Fen: n(r.d90plus),
        paymentsThisMonthFen: n(p.fen),
        paymentsThisMonth: n(p.n),
        fapiaoWaiting: n(w.fapiao),
        dunningDue: n(w.dunning),
      };
    },

    /** Invoiced (by issue date) and received (by receipt date) per month since `from`, in fen. */
    async revenuePerMonth(from: CalendarDate): Promise<DeskSeriesPoint[]> {
      const rows = rowsOf<{ month: string; series: string; fen: number }>(
        await db.execute(sql`
          SELECT to_char(issued_on, 'YYYY-MM') AS month, 'invoiced' AS series, sum(amount_fen)::float8 AS fen
            FROM invoices WHERE issued_on >= ${from}::date AND status <> 'void' GROUP BY 1
          UNION ALL
          SELECT to_char(received_on, 'YYYY-MM'), 'received', sum(amount_fen)::float8
            FROM payments WHERE received_on >= ${from}::date GROUP BY 1
          ORDER BY 1, 2`),
      );
      return rows.map((r) => ({ label: r.month, series: r.series, value: Number(r.fen) }));
    },
  };
}
export type BillingDesk = ReturnType<typeof makeBillingDesk>;
