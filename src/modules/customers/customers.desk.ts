import { sql } from 'drizzle-orm';
import { deskCustomerOf, rowsOf, type DeskContext, type DeskItem } from '../../core/desk.js';
import type { Scope, StaffRole } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import { addDays, endOfDayShanghai, shanghaiDate, type CalendarDate } from '../../rules/dates.js';
import { KYC_REMINDER_DAYS } from './kyc.service.js';

/**
 * The customers area on the desk (issue 20): verified licences and IDs expiring within the KYC
 * window (5.10), the open staff tasks other areas file here (the calendar's next-year item), and
 * the active-customer count. SQL only; the desk module merges.
 */
export function makeCustomersDesk(db: Db) {
  return {
    area: 'kyc',
    async items(scope: Scope, ctx: DeskContext): Promise<DeskItem[]> {
      const cid = deskCustomerOf(scope);
      const today = shanghaiDate(ctx.now);
      const until = addDays(today, KYC_REMINDER_DAYS);
      const kyc = rowsOf<{ id: string; kind: string; holder_name: string; expires_on: string; customer_id: string; customer_name: string }>(
        await db.execute(sql`
          SELECT k.id, k.kind, k.holder_name, k.expires_on::text AS expires_on, k.customer_id, c.name AS customer_name
            FROM kyc_documents k JOIN customers c ON c.id = k.customer_id
           WHERE k.status = 'verified' AND k.expires_on IS NOT NULL AND k.expires_on <= ${until}::date
             AND (${cid}::uuid IS NULL OR k.customer_id = ${cid}::uuid)
           ORDER BY k.expires_on LIMIT 500`),
      );
      const items: DeskItem[] = kyc.map((r) => ({
        kind: 'kyc.expiring',
        area: 'kyc',
        subjectId: r.id,
        titleKey: 'desk.kind.kyc.expiring',
        params: { docKind: r.kind, holder: r.holder_name, date: r.expires_on },
        dueAt: endOfDayShanghai(r.expires_on as CalendarDate),
        clause: '5.10',
        customerId: r.customer_id,
        customerName: r.customer_name,
        link: `/console/customers/${r.customer_id}`,
        roles: ['sales', 'compliance'],
        forCustomer: true,
        portalLink: '/portal/documents',
      }));
      if (cid) return items;
      // tasks other areas file for staff (the calendar's next year); KYC is counted from its table above
      const tasks = rowsOf<{ id: string; kind: string; role: StaffRole; due_on: string; payload: Record<string, unknown>; customer_id: string | null; customer_name: string | null }>(
        await db.execute(sql`
          SELECT t.id, t.kind, t.role, t.due_on::text AS due_on, t.payload, t.customer_id, c.name AS customer_name
            FROM staff_tasks t LEFT JOIN customers c ON c.id = t.customer_id
           WHERE t.done_at IS NULL AND t.kind <> 'kyc.expiring'
           ORDER BY t.due_on LIMIT 500`),
      );
      for (const t of tasks) {
        const calendar = t.kind.startsWith('calendar.');
        items.push({
          kind: t.kind,
          area: calendar ? 'calendar' : 'kyc',
          subjectId: t.id,
          titleKey: `desk.kind.${t.kind}`,
          params: Object.fromEntries(Object.entries(t.payload ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>,
          dueAt: endOfDayShanghai(t.due_on as CalendarDate),
          clause: null,
          customerId: t.customer_id,
          customerName: t.customer_name,
          link: calendar ? '/console/calendar' : t.customer_id ? `/console/customers/${t.customer_id}` : '/console/tasks',
          roles: [t.role],
          forCustomer: false,
        });
      }
      return items;
    },

    /** Customers by status, counted by the database. */
    async figures(): Promise<{ activeCustomers: number }> {
      const [r] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM customers WHERE status = 'active'`));
      return { activeCustomers: Number(r?.n ?? 0) };
    },
  };
}
export type CustomersDesk = ReturnType<typeof makeCustomersDesk>;
