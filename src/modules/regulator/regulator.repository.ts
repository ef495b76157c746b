import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { customerNames } from '../customers/customers.read.js';
import {
  regulatorChanges,
  regulatorExports,
  regulatorFindings,
  regulatorProvinceDays,
  regulatorReconRuns,
  regulatorSettings,
  type FindingKind,
} from './regulator.schema.js';

export type RegulatorSettingsRow = typeof regulatorSettings.$inferSelect;
export type ChangeRow = typeof regulatorChanges.$inferSelect;
export type ExportRow = typeof regulatorExports.$inferSelect;
export type FindingRow = typeof regulatorFindings.$inferSelect;
export type NewChange = Omit<ChangeRow, 'seq'>;
export type NewExport = Omit<ExportRow, 'seq'>;

/** The regulator module's own tables; the register's records are read through the other modules' services. */
export function makeRegulatorRepository(db: Db) {
  return {
    db,
    async settings(tx: Executor = db): Promise<RegulatorSettingsRow> {
      const [row] = await tx.select().from(regulatorSettings).where(eq(regulatorSettings.id, 1));
      return row;
    },
    async updateSettings(tx: Executor, patch: Partial<RegulatorSettingsRow>): Promise<RegulatorSettingsRow> {
      const [row] = await tx.update(regulatorSettings).set(patch).where(eq(regulatorSettings.id, 1)).returning();
      return row;
    },
    async workingDays(tx: Executor, province: string): Promise<number | undefined> {
      const [row] = await tx.select().from(regulatorProvinceDays).where(eq(regulatorProvinceDays.province, province));
      return row?.workingDays;
    },
    setWorkingDays: (tx: Executor, province: string, workingDays: number) =>
      tx.insert(regulatorProvinceDays).values({ province, workingDays }).onConflictDoUpdate({ target: regulatorProvinceDays.province, set: { workingDays } }),

    insertChange: (tx: Executor, row: NewChange) => tx.insert(regulatorChanges).values(row),
    changes: (f: { status?: ChangeRow['status']; exportId?: string; limit: number }) =>
      db
        .select()
        .from(regulatorChanges)
        .where(and(f.status ? eq(regulatorChanges.status, f.status) : undefined, f.exportId ? eq(regulatorChanges.exportId, f.exportId) : undefined))
        .orderBy(desc(regulatorChanges.seq))
        .limit(f.limit),
    /** The register's rows after `afterSeq` (and since an instant, when given), oldest first. */
    changesAfter: (tx: Executor, afterSeq: number, since?: Date) =>
      tx
        .select()
        .from(regulatorChanges)
        .where(and(gt(regulatorChanges.seq, afterSeq), since ? gte(regulatorChanges.occurredAt, since) : undefined))
        .orderBy(asc(regulatorChanges.seq)),
    /** The customers the register's rows in (afterSeq, throughSeq] are about (since an instant, when given). */
    async changeCustomerIds(afterSeq: number, throughSeq: number, since?: Date): Promise<string[]> {
      const rows = await db
        .selectDistinct({ id: regulatorChanges.customerId })
        .from(regulatorChanges)
        .where(and(gt(regulatorChanges.seq, afterSeq), lte(regulatorChanges.seq, throughSeq), since ? gte(regulatorChanges.occurredAt, since) : undefined, isNotNull(regulatorChanges.customerId)));
      return rows.map((r) => r.id!);
    },
    async maxChangeSeq(tx: Executor): Promise<number> {
      const [row] = await tx.select({ max: sql<string | null>`max(${regulatorChanges.seq})` }).from(regulatorChanges);
      return Number(row.max ?? 0);
    },
    /** The changes an export carried are now 'exported' (a later export of the same change takes it over). */
    async markExported(tx: Executor, exportId: string, afterSeq: number, throughSeq: number, since?: Date) {
      await tx
        .update(regulatorChanges)
        .set({ status: 'exported', exportId, resultCode: null, rejectReason: null })
        .where(
          and(
            gt(regulatorChanges.seq, afterSeq),
            lte(regulatorChanges.seq, throughSeq),
            since ? gte(regulatorChanges.occurredAt, since) : undefined,
            inArray(regulatorChanges.status, ['pending', 'exported', 'rejected']),
          ),
        );
    },
    decideChanges: (tx: Executor, exportId: string, patch: Pick<ChangeRow, 'status' | 'resultCode' | 'rejectReason'>) =>
      tx.update(regulatorChanges).set(patch).where(and(eq(regulatorChanges.exportId, exportId), eq(regulatorChanges.status, 'exported'))),

    insertExport: async (tx: Executor, row: NewExport): Promise<ExportRow> => {
      const [r] = await tx.insert(regulatorExports).values(row).returning();
      return r;
    },
    async findExport(id: string, tx: Executor = db): Promise<ExportRow | undefined> {
      const [row] = await tx.select().from(regulatorExports).where(eq(regulatorExports.id, id));
      return row;
    },
    async lockExport(tx: Executor, id: string): Promise<ExportRow | undefined> {
      const [row] = await tx.select().from(regulatorExports).where(eq(regulatorExports.id, id)).for('update');
      return row;
    },
    async updateExport(tx: Executor, id: string, patch: Partial<ExportRow>): Promise<ExportRow> {
      const [row] = await tx.update(regulatorExports).set(patch).where(eq(regulatorExports.id, id)).returning();
      return row;
    },
    exports: (limit: number) => db.select().from(regulatorExports).orderBy(desc(regulatorExports.seq)).limit(limit),
    /** The high-water mark of the last export the regulator acknowledged: an incremental export starts after it. */
    async lastAcknowledgedSeq(tx: Executor): Promise<number> {
      const [row] = await tx.select({ max: sql<string | null>`max(${regulatorExports.throughSeq})` }).from(regulatorExports).where(eq(regulatorExports.status, 'acknowledged'));
      return Number(row.max ?? 0);
    },
    /** Exports are made one at a time (the change register's high-water marks must not interleave). */
    lockExports: (tx: Executor) => tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('rackpact.regulator.export'))`),

    // ── reconciliation ──
    async reconRun(day: string, tx: Executor = db) {
      const [row] = await tx.select().from(regulatorReconRuns).where(eq(regulatorReconRuns.day, day));
      return row;
    },
    async lastReconDay(): Promise<string | undefined> {
      const [row] = await db.select({ day: regulatorReconRuns.day }).from(regulatorReconRuns).orderBy(desc(regulatorReconRuns.day)).limit(1);
      return row?.day;
    },
    /** false when another process reconciled the day first. */
    async claimReconDay(tx: Executor, row: typeof regulatorReconRuns.$inferInsert): Promise<boolean> {
      const r = await tx.insert(regulatorReconRuns).values(row).onConflictDoNothing().returning({ day: regulatorReconRuns.day });
      return r.length === 1;
    },
    setReconFindings: (tx: Executor, day: string, findings: number) => tx.update(regulatorReconRuns).set({ findings }).where(eq(regulatorReconRuns.day, day)),
    /** A sighting: a new open finding, or more hits and a later last-seen day on the open one. */
    async upsertFinding(tx: Executor, row: FindingRow): Promise<void> {
      await tx
        .insert(regulatorFindings)
        .values(row)
        .onConflictDoUpdate({
          target: [regulatorFindings.kind, regulatorFindings.subject],
          targetWhere: sql`status = 'open'`,
          set: { hits: sql`${regulatorFindings.hits} + excluded.hits`, lastSeenOn: sql`greatest(${regulatorFindings.lastSeenOn}, excluded.last_seen_on)`, detail: sql`excluded.detail` },
        });
    },
    openFindings: (tx: Executor, kind: FindingKind) => tx.select().from(regulatorFindings).where(and(eq(regulatorFindings.kind, kind), eq(regulatorFindings.status, 'open'))),
    /** Findings with the name of the customer they concern (the customers module's read model), soonest deadline first. */
    findings: async (f: { status?: FindingRow['status']; kind?: FindingKind; id?: string; limit: number }): Promise<(FindingRow & { customerName: string | null })[]> =>
      (
        await db
          .select({ finding: regulatorFindings, customerName: customerNames.name })
          .from(regulatorFindings)
          .leftJoin(customerNames, eq(customerNames.id, regulatorFindings.customerId))
          .where(and(f.status ? eq(regulatorFindings.status, f.status) : undefined, f.kind ? eq(regulatorFindings.kind, f.kind) : undefined, f.id ? eq(regulatorFindings.id, f.id) : undefined))
          .orderBy(asc(regulatorFindings.dueOn), asc(regulatorFindings.subject))
          .limit(f.limit)
      ).map((r) => ({ ...r.finding, customerName: r.customerName })),
    async lockFinding(tx: Executor, id: string): Promise<FindingRow | undefined> {
      const [row] = await tx.select().from(regulatorFindings).where(eq(regulatorFindings.id, id)).for('update');
      return row;
    },
    async updateFinding(tx: Executor, id: string, patch: Partial<FindingRow>): Promise<FindingRow> {
      const [row] = await tx.update(regulatorFindings).set(patch).where(eq(regulatorFindings.id, id)).returning();
      return row;
    },
  };
}

export type RegulatorRepository = ReturnType<typeof makeRegulatorRepository>;
