import { sql } from 'drizzle-orm';
import { deskCustomerOf, instantOf, rowsOf, type DeskContext, type DeskItem } from '../../core/desk.js';
import type { Scope, StaffRole } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import { DEFAULT_SLA_TARGET } from '../../rules/sla.js';
import type { TicketType } from './tickets.schema.js';

/** Who answers a ticket of each type (the desk puts it on their list). */
const ROLES_BY_TYPE: Record<TicketType, StaffRole[]> = {
  reboot: ['noc'],
  hands_on: ['noc'],
  network: ['noc'],
  filing_assistance: ['compliance'],
  abuse_reply: ['compliance'],
  compensation_dispute: ['sales'],
  billing: ['finance'],
  general: ['sales'],
  // issue 22 §7: a person's request to delete or correct their data
  personal_data: ['compliance'],
};

/**
 * The helpdesk on the desk (issue 20): open tickets against their response target (6.1; unlimited
 * reboots answered within the first-response target), the deadline being the first response until
 * one is given, then the resolution target when the type has one.
 */
export function makeTicketsDesk(db: Db) {
  const target = sql.raw(`coalesce(t.first_response_minutes, ${DEFAULT_SLA_TARGET.firstResponseMinutes})`);
  return {
    area: 'tickets',
    async items(scope: Scope, ctx: DeskContext): Promise<DeskItem[]> {
      void ctx;
      const cid = deskCustomerOf(scope);
      if (cid) return []; // the customer's own tickets are on its tickets page; the deadline is the provider's
      const rows = rowsOf<{ id: string; number: string; type: TicketType; priority: string; due_ms: number | null; responded: boolean; customer_id: string; customer_name: string }>(
        await db.execute(sql`
          SELECT k.id, k.number, k.type, k.priority, k.first_response_at IS NOT NULL AS responded, k.customer_id, c.name AS customer_name,
                 extract(epoch FROM CASE WHEN k.first_response_at IS NULL THEN k.opened_at + make_interval(mins => ${target})
                                         WHEN t.resolution_minutes IS NOT NULL THEN k.opened_at + make_interval(mins => t.resolution_minutes) END)::float8 * 1000 AS due_ms
            FROM tickets k JOIN customers c ON c.id = k.customer_id
            LEFT JOIN ticket_sla_targets t ON t.type = k.type
           WHERE k.status IN ('open', 'acknowledged', 'in_progress')
           ORDER BY k.opened_at LIMIT 1000`),
      );
      return rows.map((r) => ({
        kind: r.type === 'reboot' ? 'ticket.reboot' : 'ticket.open',
        area: 'tickets' as const,
        subjectId: r.id,
        titleKey: r.responded ? 'desk.kind.ticket.resolve' : 'desk.kind.ticket.respond',
        params: { number: r.number, type: r.type, priority: r.priority },
        dueAt: instantOf(r.due_ms),
        clause: '6.1',
        customerId: r.customer_id,
        customerName: r.customer_name,
        link: `/console/tickets?type=${r.type}&open=1`,
        roles: ROLES_BY_TYPE[r.type] ?? ['noc'],
        forCustomer: false,
      }));
    },

    /** Open reboot tickets and those past their target (first response, then resolution), counted in SQL. */
    async figures(ctx: DeskContext) {
      const [r] = rowsOf<Record<string, number>>(
        await db.execute(sql`
          SELECT count(*)::int AS reboots,
                 count(*) FILTER (WHERE CASE WHEN k.first_response_at IS NULL THEN k.opened_at + make_interval(mins => ${target})
                                             WHEN t.resolution_minutes IS NOT NULL THEN k.opened_at + make_interval(mins => t.resolution_minutes) END < ${ctx.now.toISOString()}::timestamptz)::int AS late
            FROM tickets k LEFT JOIN ticket_sla_targets t ON t.type = k.type
           WHERE k.type = 'reboot' AND k.status IN ('open', 'acknowledged', 'in_progress')`),
      );
      return { rebootTicketsOpen: Number(r?.reboots ?? 0), rebootTicketsLate: Number(r?.late ?? 0) };
    },
  };
}
export type TicketsDesk = ReturnType<typeof makeTicketsDesk>;
