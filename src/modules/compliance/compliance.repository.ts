import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerNames } from '../customers/customers.read.js';
import {
  complianceComplaints,
  complianceDomains,
  complianceGateApplies,
  complianceGateState,
  complianceInspections,
  complianceLogAttestations,
  complianceServices,
  complianceSuspensions,
} from './compliance.schema.js';

export type DomainRow = typeof complianceDomains.$inferSelect;
export type GateApplyRow = typeof complianceGateApplies.$inferSelect;
export type ServiceRow = typeof complianceServices.$inferSelect;
export type AttestationRow = typeof complianceLogAttestations.$inferSelect;
export type ComplaintRow = typeof complianceComplaints.$inferSelect;
export type SuspensionRow = typeof complianceSuspensions.$inferSelect;
export type InspectionRow = typeof complianceInspections.$inferSelect;

/**
 * Issue 22: the regulator's service records — one per customer and filing (ICP 备案号 or licence), with the
 * verified domains it covers and the addresses they are served from; one statement, for COPY in the benchmark.
 */
export const registerServicesSql = sql`
  SELECT d.customer_id::text AS customer_id, d.filing_number, d.use, min(d.psb_number) AS psb_number,
         string_agg(d.domain, ',' ORDER BY d.domain) AS domains,
         string_agg(DISTINCT d.address, ',') AS addresses,
         to_char(min(d.verified_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS verified_on
    FROM compliance_domains d
   WHERE d.status = 'verified'
   GROUP BY d.customer_id, d.filing_number, d.use
   ORDER BY d.customer_id, d.filing_number`;

export interface RegisterServiceRow {
  customer_id: string;
  filing_number: string;
  use: 'commercial' | 'non_commercial';
  psb_number: string | null;
  domains: string;
  addresses: string;
  verified_on: string | null;
}

/** Names and addresses an authority ordered closed (issue 22 §4): kept off the gate whatever their filing says. */
export interface GateBlocks {
  domains: string[];
  addresses: string[];
}

export function makeComplianceRepository(db: Db) {
  return {
    db,

    // ── domains ──
    async findDomain(scope: Scope, id: string, tx: Executor = db): Promise<DomainRow | undefined> {
      const [row] = await tx.select().from(complianceDomains).where(and(eq(complianceDomains.id, id), tenantFilter(scope, complianceDomains.customerId)));
      return row;
    },
    async lockDomain(tx: Executor, scope: Scope, id: string): Promise<DomainRow | undefined> {
      const [row] = await tx.select().from(complianceDomains).where(and(eq(complianceDomains.id, id), tenantFilter(scope, complianceDomains.customerId))).for('update');
      return row;
    },
    async liveDomainByName(domain: string, tx: Executor = db): Promise<DomainRow | undefined> {
      const [row] = await tx.select().from(complianceDomains).where(and(eq(complianceDomains.domain, domain), ne(complianceDomains.status, 'revoked')));
      return row;
    },
    /** The customers holding a live entry for one of these names (a name and its parents). */
    domainHolders: async (names: string[]): Promise<string[]> =>
      names.length
        ? (await db.selectDistinct({ customerId: complianceDomains.customerId }).from(complianceDomains).where(and(inArray(complianceDomains.domain, names), ne(complianceDomains.status, 'revoked')))).map((r) => r.customerId)
        : [],
    async registerServices(): Promise<RegisterServiceRow[]> {
      return ((await db.execute(registerServicesSql)) as unknown as { rows: RegisterServiceRow[] }).rows as RegisterServiceRow[];
    },
    /** Verified domains with the address they are served from (reconciliation: does the name still resolve to us). */
    verifiedDomains: () =>
      db.select({ id: complianceDomains.id, domain: complianceDomains.domain, address: complianceDomains.address, customerId: complianceDomains.customerId, serverId: complianceDomains.serverId, filingNumber: complianceDomains.filingNumber }).from(complianceDomains).where(eq(complianceDomains.status, 'verified')),
    listDomains: (scope: Scope, f: { customerId?: string; serverId?: string; status?: DomainRow['status'] }) =>
      db
        .select({ domain: complianceDomains, customerName: customerNames.name })
        .from(complianceDomains)
        .innerJoin(customerNames, eq(customerNames.id, complianceDomains.customerId))
        .where(
          and(
            tenantFilter(scope, complianceDomains.customerId),
            f.customerId ? eq(complianceDomains.customerId, f.customerId) : undefined,
            f.serverId ? eq(complianceDomains.serverId, f.serverId) : undefined,
            f.status ? eq(complianceDomains.status, f.status) : undefined,
          ),
        )
        .orderBy(asc(complianceDomains.domain))
        .limit(2000),
    /** Filings waiting for a compliance user: new or edited ones, and verified ones past their yearly date. */
    verificationQueue: (today: string) =>
      db
        .select({ domain: complianceDomains, customerName: customerNames.name })
        .from(complianceDomains)
        .innerJoin(customerNames, eq(customerNames.id, complianceDomains.customerId))
        .where(sql`${complianceDomains.status} = 'submitted' OR (${complianceDomains.status} = 'verified' AND ${complianceDomains.reverifyDueOn} <= ${today})`)
        .orderBy(asc(complianceDomains.updatedAt))
        .limit(500),
    domainsOfServer: (serverId: string, tx: Executor = db) =>
      tx.select().from(complianceDomains).where(and(eq(complianceDomains.serverId, serverId), ne(complianceDomains.status, 'revoked'))),
    insertDomain: (tx: Executor, row: DomainRow) => tx.insert(complianceDomains).values(row),
    async updateDomain(tx: Executor, id: string, patch: Partial<DomainRow>): Promise<DomainRow> {
      const [row] = await tx.update(complianceDomains).set(patch).where(eq(complianceDomains.id, id)).returning();
      return row;
    },

    /**
     * What the gate may let through, as the map text itself: verified domains whose server has no
     * live suspension, at an address the server still holds (`held`, from IPAM). The database
     * writes the lines (see mapLine), so 500k domains cost about what a COPY of them does.
     */
    async gateMap(held: { serverId: string | null; address: string }[], blocked: GateBlocks = { domains: [], addresses: [] }, tx: Executor = db): Promise<{ count: number; text: string }> {
      // one parameter for any number of addresses (drizzle would spread an array into a list)
      const json = JSON.stringify(held.filter((h) => h.serverId).map((h) => ({ s: h.serverId, a: h.address })));
      const blockedNames = JSON.stringify(blocked.domains);
      const blockedAddresses = JSON.stringify(blocked.addresses);
      const result = await tx.execute(sql`
        WITH held (server_id, address) AS (SELECT s, a FROM jsonb_to_recordset(${json}::jsonb) AS r(s uuid, a text))
        SELECT count(*)::int AS n,
               coalesce(string_agg(d.domain || ' ' || CASE WHEN position(':' IN d.address) > 0 THEN '[' || d.address || ']' ELSE d.address END || E';\n', '' ORDER BY d.domain COLLATE "C"), '') AS t
        FROM compliance_domains d JOIN held h ON h.server_id = d.server_id AND h.address = d.address
        WHERE d.status = 'verified'
          AND NOT EXISTS (SELECT 1 FROM compliance_suspensions s WHERE s.server_id = d.server_id AND s.restored_at IS NULL)
          AND d.domain NOT IN (SELECT jsonb_array_elements_text(${blockedNames}::jsonb))
          AND d.address NOT IN (SELECT jsonb_array_elements_text(${blockedAddresses}::jsonb))`);
      const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { n: number; t: string }[];
      return { count: rows[0]?.n ?? 0, text: rows[0]?.t ?? '' };
    },

    // ── gate version (issue 23 §3) ──
    /** The current version and the one the last check covered: one row, one index lookup. */
    async gateState(): Promise<{ version: number; checkedVersion: number }> {
      const [row] = await db.select({ version: complianceGateState.version, checkedVersion: complianceGateState.checkedVersion }).from(complianceGateState);
      return row ?? { version: 1, checkedVersion: 0 };
    },
    /** Moves the version in the caller's transaction (and wakes the apply at its commit). */
    async bumpGateVersion(tx: Executor): Promise<number> {
      const result = await tx.execute(sql`SELECT compliance_gate_bump()::int8 AS v`);
      const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { v: string | number }[];
      return Number(rows[0]?.v);
    },
    /** The last check covered `version` (never moves back: two checks may finish out of order). */
    markGateChecked: (version: number, tx: Executor = db) =>
      tx.update(complianceGateState).set({ checkedVersion: sql`greatest(${complianceGateState.checkedVersion}, ${version})` }).where(eq(complianceGateState.id, true)),

    // ── gate applies ──
    insertApply: (tx: Executor, row: Omit<GateApplyRow, 'seq'>) => tx.insert(complianceGateApplies).values(row),
    recentApplies: (limit: number) => db.select().from(complianceGateApplies).orderBy(desc(complianceGateApplies.seq)).limit(limit),
    async lastApplied(): Promise<GateApplyRow | undefined> {
      const [row] = await db.select().from(complianceGateApplies).where(eq(complianceGateApplies.outcome, 'applied')).orderBy(desc(complianceGateApplies.seq)).limit(1);
      return row;
    },

    // ── declared services ──
    liveServices: (scope: Scope, f: { customerId?: string; serverId?: string }, tx: Executor = db) =>
      tx
        .select()
        .from(complianceServices)
        .where(and(tenantFilter(scope, complianceServices.customerId), isNull(complianceServices.withdrawnAt), f.customerId ? eq(complianceServices.customerId, f.customerId) : undefined, f.serverId ? eq(complianceServices.serverId, f.serverId) : undefined))
        .orderBy(asc(complianceServices.serverId), asc(complianceServices.kind)),
    async findService(scope: Scope, id: string, tx: Executor = db): Promise<ServiceRow | undefined> {
      const [row] = await tx.select().from(complianceServices).where(and(eq(complianceServices.id, id), tenantFilter(scope, complianceServices.customerId)));
      return row;
    },
    insertService: (tx: Executor, row: ServiceRow) => tx.insert(complianceServices).values(row),
    async updateService(tx: Executor, id: string, patch: Partial<ServiceRow>): Promise<ServiceRow> {
      const [row] = await tx.update(complianceServices).set(patch).where(eq(complianceServices.id, id)).returning();
      return row;
    },

    // ── log-retention attestations ──
    attestations: (scope: Scope, customerId: string, tx: Executor = db) =>
      tx
        .select()
        .from(complianceLogAttestations)
        .where(and(tenantFilter(scope, complianceLogAttestations.customerId), eq(complianceLogAttestations.customerId, customerId)))
        .orderBy(desc(complianceLogAttestations.validUntil), desc(complianceLogAttestations.createdAt)),
    async findAttestation(scope: Scope, id: string): Promise<AttestationRow | undefined> {
      const [row] = await db.select().from(complianceLogAttestations).where(and(eq(complianceLogAttestations.id, id), tenantFilter(scope, complianceLogAttestations.customerId)));
      return row;
    },
    insertAttestation: (tx: Executor, row: AttestationRow) => tx.insert(complianceLogAttestations).values(row),
    /** Each customer's latest attestation (for the queue and the reminders). */
    latestAttestations: () =>
      db
        .selectDistinctOn([complianceLogAttestations.customerId], { attestation: complianceLogAttestations, customerName: customerNames.name })
        .from(complianceLogAttestations)
        .innerJoin(customerNames, eq(customerNames.id, complianceLogAttestations.customerId))
        .orderBy(complianceLogAttestations.customerId, desc(complianceLogAttestations.validUntil), desc(complianceLogAttestations.createdAt)),
    markReminded: (tx: Executor, id: string, at: Date) => tx.update(complianceLogAttestations).set({ remindedAt: at }).where(eq(complianceLogAttestations.id, id)),

    // ── complaints ──
    async findComplaint(scope: Scope, id: string, tx: Executor = db): Promise<ComplaintRow | undefined> {
      const [row] = await tx.select().from(complianceComplaints).where(and(eq(complianceComplaints.id, id), tenantFilter(scope, complianceComplaints.customerId)));
      return row;
    },
    async lockComplaint(tx: Executor, id: string): Promise<ComplaintRow | undefined> {
      const [row] = await tx.select().from(complianceComplaints).where(eq(complianceComplaints.id, id)).for('update');
      return row;
    },
    listComplaints: (scope: Scope, f: { customerId?: string; status?: ComplaintRow['status'][] }) =>
      db
        .select({ complaint: complianceComplaints, customerName: customerNames.name })
        .from(complianceComplaints)
        .innerJoin(customerNames, eq(customerNames.id, complianceComplaints.customerId))
        .where(and(tenantFilter(scope, complianceComplaints.customerId), f.customerId ? eq(complianceComplaints.customerId, f.customerId) : undefined, f.status?.length ? inArray(complianceComplaints.status, f.status) : undefined))
        .orderBy(desc(complianceComplaints.receivedAt))
        .limit(500),
    insertComplaint: (tx: Executor, row: ComplaintRow) => tx.insert(complianceComplaints).values(row),
    async updateComplaint(tx: Executor, id: string, patch: Partial<ComplaintRow>): Promise<ComplaintRow> {
      const [row] = await tx.update(complianceComplaints).set(patch).where(eq(complianceComplaints.id, id)).returning();
      return row;
    },

    // ── suspensions ──
    suspensions: (scope: Scope, f: { customerId?: string; serverId?: string; liveOnly?: boolean }, tx: Executor = db) =>
      tx
        .select()
        .from(complianceSuspensions)
        .where(and(tenantFilter(scope, complianceSuspensions.customerId), f.customerId ? eq(complianceSuspensions.customerId, f.customerId) : undefined, f.serverId ? eq(complianceSuspensions.serverId, f.serverId) : undefined, f.liveOnly ? isNull(complianceSuspensions.restoredAt) : undefined))
        .orderBy(desc(complianceSuspensions.suspendedAt)),
    async findSuspension(scope: Scope, id: string, tx: Executor = db): Promise<SuspensionRow | undefined> {
      const [row] = await tx.select().from(complianceSuspensions).where(and(eq(complianceSuspensions.id, id), tenantFilter(scope, complianceSuspensions.customerId)));
      return row;
    },
    insertSuspension: (tx: Executor, row: SuspensionRow) => tx.insert(complianceSuspensions).values(row),
    async updateSuspension(tx: Executor, id: string, patch: Partial<SuspensionRow>): Promise<SuspensionRow> {
      const [row] = await tx.update(complianceSuspensions).set(patch).where(eq(complianceSuspensions.id, id)).returning();
      return row;
    },

    // ── inspections ──
    /** A customer never sees a withheld record, nor learns that one exists. */
    inspections: (scope: Scope, f: { customerId?: string }) =>
      db
        .select()
        .from(complianceInspections)
        .where(and(tenantFilter(scope, complianceInspections.customerId), scope.kind === 'customer' ? eq(complianceInspections.withheld, false) : undefined, f.customerId ? eq(complianceInspections.customerId, f.customerId) : undefined))
        .orderBy(desc(complianceInspections.inspectedAt)),
    async findInspection(scope: Scope, id: string, tx: Executor = db): Promise<InspectionRow | undefined> {
      const [row] = await tx
        .select()
        .from(complianceInspections)
        .where(and(eq(complianceInspections.id, id), tenantFilter(scope, complianceInspections.customerId), scope.kind === 'customer' ? eq(complianceInspections.withheld, false) : undefined));
      return row;
    },
    insertInspection: (tx: Executor, row: InspectionRow) => tx.insert(complianceInspections).values(row),
    async updateInspection(tx: Executor, id: string, patch: Partial<InspectionRow>): Promise<InspectionRow> {
      const [row] = await tx.update(complianceInspections).set(patch).where(eq(complianceInspections.id, id)).returning();
      return row;
    },
  };
}

export type ComplianceRepository = ReturnType<typeof makeComplianceRepository>;
