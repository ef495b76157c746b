import { sql } from 'drizzle-orm';
import { rowsOf, type DeskContext, type DeskItem } from '../../core/desk.js';
import type { Scope } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import { endOfDayShanghai, type CalendarDate } from '../../rules/dates.js';

/**
 * The regulator's view on the desk (issue 22): open reconciliation findings with their deadlines, and the
 * change register's rows still to report (pending, or refused by the regulator), one item per deadline day.
 * Staff only (compliance): a customer sees what becomes of a finding as a complaint, not the finding.
 */
export function makeRegulatorDesk(db: Db) {
  return {
    area: 'regulator',
    async items(scope: Scope, _ctx: DeskContext): Promise<DeskItem[]> {
      if (scope.kind === 'customer') return [];
      const rows = rowsOf<{ kind: string; id: string; label: string; hits: number; due_on: string; customer_id: string | null; customer_name: string | null }>(
        await db.execute(sql`
          SELECT 'regulator.finding.' || f.kind AS kind, f.id::text AS id, f.subject AS label, f.hits::int AS hits, f.due_on::text AS due_on, f.customer_id::text AS customer_id, c.name AS customer_name
            FROM regulator_findings f LEFT JOIN customers c ON c.id = f.customer_id
           WHERE f.status = 'open'
          UNION ALL
          SELECT 'regulator.changesDue', 'changes-' || x.due_on::text, x.status, count(*)::int, x.due_on::text, NULL, NULL
            FROM regulator_changes x
           WHERE x.status IN ('pending', 'rejected')
           GROUP BY x.due_on, x.status
          LIMIT 2000`),
      );
      return rows.map((r): DeskItem => ({
        kind: r.kind,
        area: 'compliance' as const,
        subjectId: r.kind === 'regulator.changesDue' ? `${r.id}-${r.label}` : r.id,
        titleKey: `desk.kind.${r.kind}`,
        params: r.kind === 'regulator.changesDue' ? { count: Number(r.hits), status: r.label, date: r.due_on } : ({ label: r.label, count: Number(r.hits), date: r.due_on } as Record<string, string | number>),
        dueAt: endOfDayShanghai(r.due_on as CalendarDate),
        clause: r.kind === 'regulator.finding.unfiled_host' || r.kind === 'regulator.finding.unfiled_sni' || r.kind === 'regulator.finding.filing_not_resolving' ? '5.6' : null,
        customerId: r.customer_id,
        customerName: r.customer_name,
        link: r.kind === 'regulator.changesDue' ? '/console/regulator' : '/console/regulator?tab=findings',
        roles: ['compliance'] as const,
        forCustomer: false,
      }));
    },
  };
}

export type RegulatorDesk = ReturnType<typeof makeRegulatorDesk>;
