import { sql } from 'drizzle-orm';
import { deskCustomerOf, instantOf, rowsOf, type DeskContext, type DeskItem, type DeskSeriesPoint } from '../../core/desk.js';
import type { Scope } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import { NOTICE_BOUND_KINDS } from '../../rules/incidents.js';
import { shanghaiDate, startOfDayShanghai, type CalendarDate } from '../../rules/dates.js';

/** 6.3: a line fault is to be cleared within 24 hours. */
const LINE_FAULT_HOURS = 24;
/** 6.3 / 7.3: planned work is given 48 hours' notice. */
const NOTICE_HOURS = 48;
/** Planned work this many days ahead is on the desk. */
const MAINTENANCE_HORIZON_DAYS = 7;

/**
 * Incidents and planned work on the desk (issue 20): open incidents (line faults against the
 * 24-hour clock of 6.3), maintenance in the next 7 days with its notice status (48 hours ahead for
 * expansion, relocation and cut-overs; 6.3/7.3), and the compensation hours granted (7.2).
 */
export function makeIncidentsDesk(db: Db) {
  const noticeBound = sql.raw(NOTICE_BOUND_KINDS.map((k) => `'${k}'`).join(', '));
  return {
    area: 'incidents',
    async items(scope: Scope, ctx: DeskContext): Promise<DeskItem[]> {
      const cid = deskCustomerOf(scope);
      if (cid) return []; // customers follow incidents and planned work on their status page
      const now = ctx.now.toISOString();
      const rows = rowsOf<{ kind: string; id: string; number: string; title: string; line_fault: boolean; noticed: boolean; due_ms: number | null; starts_ms: number | null }>(
        await db.execute(sql`
          SELECT 'incident' AS kind, i.id, i.number, i.title, i.line_fault, false AS noticed,
                 CASE WHEN i.line_fault THEN extract(epoch FROM i.started_at + make_interval(hours => ${LINE_FAULT_HOURS}))::float8 * 1000 END AS due_ms, NULL::float8 AS starts_ms
            FROM incidents i WHERE i.status = 'open'
          UNION ALL
          SELECT 'maintenance', m.id, m.number, m.title, false, m.noticed_at IS NOT NULL,
                 extract(epoch FROM CASE WHEN m.noticed_at IS NULL AND m.kind IN (${noticeBound}) THEN m.starts_at - make_interval(hours => ${NOTICE_HOURS}) ELSE m.starts_at END)::float8 * 1000,
                 extract(epoch FROM m.starts_at)::float8 * 1000
            FROM maintenance_windows m
           WHERE m.status = 'scheduled' AND m.starts_at >= ${now}::timestamptz AND m.starts_at < ${now}::timestamptz + make_interval(days => ${MAINTENANCE_HORIZON_DAYS})
          UNION ALL
          -- issue 22 §6: a 较大-or-graver security event not yet reported, against its 4 h / 1 h clock
          SELECT 'security', i.id, i.number, i.title, false, false, extract(epoch FROM r.report_due_at)::float8 * 1000, NULL
            FROM incident_security_reports r JOIN incidents i ON i.id = r.incident_id
           WHERE r.reported_at IS NULL AND r.report_due_at IS NOT NULL
          LIMIT 1000`),
      );
      return rows.map((r) =>
        r.kind === 'security'
          ? {
              kind: 'incident.securityReport',
              area: 'incidents' as const,
              subjectId: r.id,
              titleKey: 'desk.kind.incident.securityReport',
              params: { number: r.number, title: r.title },
              dueAt: instantOf(r.due_ms),
              clause: null,
              customerId: null,
              customerName: null,
              link: `/console/incidents/${r.id}`,
              roles: ['noc', 'compliance'] as const,
              forCustomer: false,
            }
          : r.kind === 'incident'
          ? {
              kind: r.line_fault ? 'incident.lineFault' : 'incident.open',
              area: 'incidents' as const,
              subjectId: r.id,
              titleKey: r.line_fault ? 'desk.kind.incident.lineFault' : 'desk.kind.incident.open',
              params: { number: r.number, title: r.title },
              dueAt: instantOf(r.due_ms),
              clause: r.line_fault ? '6.3' : '7.2',
              customerId: null,
              customerName: null,
              link: '/console/incidents?status=open',
              roles: ['noc'] as const,
              forCustomer: false,
            }
          : {
              kind: r.noticed ? 'maintenance.upcoming' : 'maintenance.notice',
              area: 'maintenance' as const,
              subjectId: r.id,
              titleKey: r.noticed ? 'desk.kind.maintenance.upcoming' : 'desk.kind.maintenance.notice',
              params: { number: r.number, title: r.title },
              dueAt: instantOf(r.due_ms),
              clause: '7.3',
              customerId: null,
              customerName: null,
              link: '/console/incidents?tab=maintenance',
              roles: ['noc'] as const,
              forCustomer: false,
            },
      );
    },

    async figures(ctx: DeskContext) {
      const now = ctx.now.toISOString();
      const yearStart = startOfDayShanghai(`${shanghaiDate(ctx.now).slice(0, 4)}-01-01` as CalendarDate).toISOString();
      const [r] = rowsOf<Record<string, number>>(
        await db.execute(sql`
          SELECT (SELECT count(*) FROM incidents WHERE status = 'open')::int AS open,
                 (SELECT count(*) FROM incidents WHERE status = 'open' AND line_fault)::int AS line_faults,
                 (SELECT count(*) FROM incidents WHERE status = 'open' AND line_fault AND started_at + make_interval(hours => ${LINE_FAULT_HOURS}) < ${now}::timestamptz)::int AS line_faults_late,
                 (SELECT count(*) FROM maintenance_windows WHERE status = 'scheduled' AND starts_at >= ${now}::timestamptz AND starts_at < ${now}::timestamptz + make_interval(days => ${MAINTENANCE_HORIZON_DAYS}))::int AS maintenance,
                 (SELECT count(*) FROM maintenance_windows WHERE status = 'scheduled' AND noticed_at IS NULL AND kind IN (${noticeBound}) AND starts_at >= ${now}::timestamptz AND starts_at < ${now}::timestamptz + make_interval(days => ${MAINTENANCE_HORIZON_DAYS}))::int AS unnoticed,
                 (SELECT coalesce(sum(hours), 0) FROM compensation_lines WHERE kind = 'credited' AND from_at >= ${yearStart}::timestamptz)::int AS compensation_hours`),
      );
      const n = (x: unknown) => Number(x ?? 0);
      return {
        incidentsOpen: n(r.open),
        lineFaultsOpen: n(r.line_faults),
        lineFaultsLate: n(r.line_faults_late),
        maintenanceNext7: n(r.maintenance),
        maintenanceUnnoticed: n(r.unnoticed),
        compensationHoursThisYear: n(r.compensation_hours),
      };
    },

    /** Compensation hours granted per month (by the interruption's start) since `from` (Shanghai months). */
    async compensationPerMonth(from: CalendarDate): Promise<DeskSeriesPoint[]> {
      const rows = rowsOf<{ month: string; hours: number }>(
        await db.execute(sql`
          SELECT to_char(from_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, sum(hours)::int AS hours
            FROM compensation_lines WHERE kind = 'credited' AND from_at >= ${startOfDayShanghai(from).toISOString()}::timestamptz GROUP BY 1 ORDER BY 1`),
      );
      return rows.map((r) => ({ label: r.month, series: 'compensationHours', value: Number(r.hours) }));
    },
  };
}
export type IncidentsDesk = ReturnType<typeof makeIncidentsDesk>;
