import { sql } from 'drizzle-orm';
import { deskCustomerOf, instantOf, rowsOf, type DeskContext, type DeskItem } from '../../core/desk.js';
import type { Scope } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import { shanghaiDate } from '../../rules/index.js';

/**
 * Site access on the desk (issue 21): visit requests waiting for a decision (due by the window's start),
 * and today's expected visitors for the front desk (NOC), each due at its window's start.
 */
export function makeAccessDesk(db: Db) {
  return {
    area: 'access',
    async items(scope: Scope, ctx: DeskContext): Promise<DeskItem[]> {
      const cid = deskCustomerOf(scope);
      const dayStart = new Date(`${shanghaiDate(ctx.now)}T00:00:00+08:00`);
      const dayEnd = new Date(dayStart.getTime() + 86_400_000);
      const rows = rowsOf<{ id: string; number: string; status: 'pending' | 'approved'; starts_ms: number; people: number; customer_id: string; customer_name: string }>(
        await db.execute(sql`
          SELECT v.id, v.number, v.status, extract(epoch FROM v.starts_at)::float8 * 1000 AS starts_ms, v.customer_id, c.name AS customer_name,
                 (SELECT count(*) FROM visit_people p WHERE p.visit_id = v.id AND p.checked_in_at IS NULL AND p.refused_at IS NULL)::int AS people
            FROM visits v JOIN customers c ON c.id = v.customer_id
           WHERE (${cid}::uuid IS NULL OR v.customer_id = ${cid}::uuid)
             AND ((v.status = 'pending' AND v.ends_at > ${ctx.now.toISOString()}::timestamptz)
               OR (v.status = 'approved' AND v.starts_at < ${dayEnd.toISOString()}::timestamptz AND v.ends_at > ${dayStart.toISOString()}::timestamptz))
           ORDER BY v.starts_at LIMIT 1000`),
      );
      return rows
        .filter((r) => r.status === 'pending' || r.people > 0)
        .map((r) => ({
          kind: r.status === 'pending' ? 'visit.pending' : 'visit.expected',
          area: 'access' as const,
          subjectId: r.id,
          titleKey: r.status === 'pending' ? 'desk.kind.visit.pending' : 'desk.kind.visit.expected',
          params: { number: r.number, people: r.people },
          dueAt: instantOf(r.starts_ms),
          clause: '5.10',
          customerId: r.customer_id,
          customerName: r.customer_name,
          link: r.status === 'pending' ? '/console/visits' : '/console/front-desk',
          roles: ['noc'],
          forCustomer: false,
        }));
    },
  };
}
export type AccessDesk = ReturnType<typeof makeAccessDesk>;
