import { sql } from 'drizzle-orm';
import { deskCustomerOf, instantOf, rowsOf, type DeskContext, type DeskItem } from '../../core/desk.js';
import type { Scope } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import { addDays, endOfDayShanghai, shanghaiDate, type CalendarDate } from '../../rules/dates.js';

/** Attestations and re-verifications come on the desk this many days ahead (5.5's reminder). */
const HORIZON_DAYS = 30;

/**
 * The compliance area on the desk (issue 20): filings awaiting verification (5.6), re-verifications
 * due, complaints against their deadline (5.4/5.8), log-retention attestations lapsing (5.5); and the
 * compliance figures, each one SQL aggregate.
 */
export function makeComplianceDesk(db: Db) {
  return {
    area: 'compliance',
    async items(scope: Scope, ctx: DeskContext): Promise<DeskItem[]> {
      const cid = deskCustomerOf(scope);
      const today = shanghaiDate(ctx.now);
      const until = addDays(today, HORIZON_DAYS);
      const rows = rowsOf<{ kind: string; id: string; label: string; due_on: string | null; due_ms: number | null; clause: string | null; customer_id: string; customer_name: string }>(
        await db.execute(sql`
          SELECT 'domain.awaitingVerification' AS kind, d.id, d.domain_unicode AS label, NULL::text AS due_on, NULL::float8 AS due_ms, '5.6' AS clause, d.customer_id, c.name AS customer_name
            FROM compliance_domains d JOIN customers c ON c.id = d.customer_id
           WHERE d.status = 'submitted' AND (${cid}::uuid IS NULL OR d.customer_id = ${cid}::uuid)
          UNION ALL
          SELECT 'domain.reverify', d.id, d.domain_unicode, d.reverify_due_on::text, NULL, '5.6', d.customer_id, c.name
            FROM compliance_domains d JOIN customers c ON c.id = d.customer_id
           WHERE d.status = 'verified' AND d.reverify_due_on <= ${until}::date AND (${cid}::uuid IS NULL OR d.customer_id = ${cid}::uuid)
          UNION ALL
          SELECT 'complaint.open', k.id, k.number, NULL, extract(epoch FROM k.deadline_at)::float8 * 1000, coalesce(k.clause, '5.4'), k.customer_id, c.name
            FROM compliance_complaints k JOIN customers c ON c.id = k.customer_id
           WHERE k.status IN ('open', 'notified') AND (${cid}::uuid IS NULL OR k.customer_id = ${cid}::uuid)
          UNION ALL
          SELECT 'attestation.expiring', a.id, a.location, a.valid_until::text, NULL, '5.5', a.customer_id, c.name
            FROM (SELECT DISTINCT ON (customer_id) * FROM compliance_log_attestations ORDER BY customer_id, valid_until DESC) a
            JOIN customers c ON c.id = a.customer_id
           WHERE a.valid_until <= ${until}::date AND c.status = 'active' AND (${cid}::uuid IS NULL OR a.customer_id = ${cid}::uuid)
          LIMIT 2000`),
      );
      const portal: Record<string, string | undefined> = { 'complaint.open': '/portal/conduct', 'attestation.expiring': '/portal/domains', 'domain.reverify': '/portal/domains' };
      const links: Record<string, string> = {
        'domain.awaitingVerification': '/console/domains?status=submitted',
        'domain.reverify': '/console/domains?status=verified',
        'complaint.open': '/console/conduct?status=open',
        'attestation.expiring': '/console/compliance',
      };
      return rows.map((r) => ({
        kind: r.kind,
        area: 'compliance' as const,
        subjectId: r.id,
        titleKey: `desk.kind.${r.kind}`,
        params: { label: r.label, ...(r.due_on ? { date: r.due_on } : {}) },
        dueAt: r.due_on ? endOfDayShanghai(r.due_on as CalendarDate) : instantOf(r.due_ms),
        clause: r.clause,
        customerId: r.customer_id,
        customerName: r.customer_name,
        link: links[r.kind],
        roles: ['compliance'] as const,
        forCustomer: r.kind !== 'domain.awaitingVerification',
        portalLink: portal[r.kind],
      }));
    },

    /** Filings by status, for the compliance chart. */
    async domainsByStatus(): Promise<{ label: string; series: string; value: number }[]> {
      const rows = rowsOf<{ status: string; n: number }>(await db.execute(sql`SELECT status, count(*)::int AS n FROM compliance_domains GROUP BY status ORDER BY status`));
      return rows.map((r) => ({ label: r.status, series: 'domains', value: Number(r.n) }));
    },

    async figures(ctx: DeskContext) {
      const today = shanghaiDate(ctx.now);
      const [r] = rowsOf<Record<string, number>>(
        await db.execute(sql`
          SELECT (SELECT count(*) FROM compliance_domains WHERE status = 'submitted')::int AS submitted,
                 (SELECT count(*) FROM compliance_domains WHERE status IN ('suspended', 'revoked'))::int AS refused,
                 (SELECT count(*) FROM compliance_complaints WHERE status IN ('open', 'notified'))::int AS complaints,
                 (SELECT count(*) FROM compliance_complaints WHERE status IN ('open', 'notified') AND deadline_at < ${ctx.now.toISOString()}::timestamptz)::int AS complaints_late,
                 (SELECT count(*) FROM (SELECT DISTINCT ON (customer_id) customer_id, valid_until FROM compliance_log_attestations ORDER BY customer_id, valid_until DESC) a
                   JOIN customers c ON c.id = a.customer_id WHERE c.status = 'active' AND a.valid_until <= ${addDays(today, HORIZON_DAYS)}::date)::int AS attestations,
                 (SELECT count(*) FROM compliance_inspections WHERE inspected_at >= ${`${today.slice(0, 4)}-01-01`}::date)::int AS inspections`),
      );
      const n = (x: unknown) => Number(x ?? 0);
      return {
        filingsAwaiting: n(r.submitted),
        domainsRefused: n(r.refused),
        complaintsOpen: n(r.complaints),
        complaintsLate: n(r.complaints_late),
        attestationsExpiring: n(r.attestations),
        inspectionsThisYear: n(r.inspections),
      };
    },
  };
}
export type ComplianceDesk = ReturnType<typeof makeComplianceDesk>;
