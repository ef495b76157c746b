import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerNames } from '../customers/customers.read.js';
import {
  alertEvents,
  calendarFeedTokens,
  compensationLedgers,
  compensationRecomputeRuns,
  compensationLines,
  incidentScope,
  incidentUpdates,
  incidents,
  interruptions,
  maintenanceConsents,
  maintenanceScope,
  maintenanceWindows,
  unmatchedAlerts,
} from './incidents.schema.js';

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentUpdateRow = typeof incidentUpdates.$inferSelect;
export type InterruptionRow = typeof interruptions.$inferSelect;
export type AlertEventRow = typeof alertEvents.$inferSelect;
export type UnmatchedAlertRow = typeof unmatchedAlerts.$inferSelect;
export type LedgerLineRow = typeof compensationLines.$inferSelect;
export type WindowRow = typeof maintenanceWindows.$inferSelect;
export type ConsentRow = typeof maintenanceConsents.$inferSelect;
/** One interval of the compensation feed, instants in epoch ms (consent and notice may be null). */
export interface FeedRow {
  contract_id: string;
  incident_id: string;
  start_ms: number;
  end_ms: number;
  consent_ms: number | null;
  cause: (typeof incidents.$inferSelect)['cause'];
  notice_ms: number | null;
}
/**
 * The compensation feed as the rules core needs it, pre-aggregated: rows that are the same in every
 * fact the rules read (incident, interval, consent) are one group with its count. Instants in epoch
 * ms as the database computes them (float8), so ordering and rounding match the per-row feed.
 */
export interface FeedGroup {
  incidentId: string;
  cause: (typeof incidents.$inferSelect)['cause'];
  noticeMs: number | null;
  startMs: number;
  endMs: number;
  consentMs: number | null;
  /** how many recorded interruptions (servers) share these facts */
  count: number;
}
export type ScopeEntry = { kind: (typeof incidentScope.$inferSelect)['kind']; target: string };

export type RecomputeRunRow = typeof compensationRecomputeRuns.$inferSelect;

export function makeIncidentsRepository(db: Db) {
  return {
    db,

    // ── the recomputation started from the web (issue 20 §6) ──
    insertRecomputeRun: (tx: Executor, row: RecomputeRunRow) => tx.insert(compensationRecomputeRuns).values(row),
    async recomputeRun(id: string): Promise<RecomputeRunRow | undefined> {
      const [row] = await db.select().from(compensationRecomputeRuns).where(eq(compensationRecomputeRuns.id, id));
      return row;
    },
    async latestRecomputeRun(): Promise<RecomputeRunRow | undefined> {
      const [row] = await db.select().from(compensationRecomputeRuns).orderBy(desc(compensationRecomputeRuns.requestedAt)).limit(1);
      return row;
    },
    /** How far a run got; only while it is unfinished (a late write never reopens a finished run). */
    progressRecomputeRun: (id: string, p: { step: 'check' | 'recompute'; done: number; total: number }, at: Date) =>
      db
        .update(compensationRecomputeRuns)
        .set({ step: p.step, done: p.done, total: p.total, heartbeatAt: at })
        .where(and(eq(compensationRecomputeRuns.id, id), isNull(compensationRecomputeRuns.finishedAt))),
    finishRecomputeRun: (id: string, end: { contracts: number; changed: number } | { error: string }, at: Date) =>
      db
        .update(compensationRecomputeRuns)
        .set('error' in end ? { step: 'failed', error: end.error, heartbeatAt: at, finishedAt: at } : { step: 'done', done: sql`${compensationRecomputeRuns.total}`, contracts: end.contracts, changed: end.changed, heartbeatAt: at, finishedAt: at })
        .where(eq(compensationRecomputeRuns.id, id)),
    /** Runs whose process stopped writing before `before` (it died mid-run): given up, so a new one may start. */
    abandonStaleRecomputeRuns: (before: Date, at: Date) =>
      db
        .update(compensationRecomputeRuns)
        .set({ step: 'failed', error: 'abandoned: no progress since the heartbeat', finishedAt: at })
        .where(and(isNull(compensationRecomputeRuns.finishedAt), lte(compensationRecomputeRuns.heartbeatAt, before))),

    // ── incidents ───────────────────────────────────────────────────────
    insert: (tx: Executor, row: IncidentRow) => tx.insert(incidents).values(row),
    insertScope: (tx: Executor, incidentId: string, entries: ScopeEntry[]) =>
      entries.length ? tx.insert(incidentScope).values(entries.map((e) => ({ incidentId, ...e }))).onConflictDoNothing() : Promise.resolve(),
    scopeOf: (incidentId: string, tx: Executor = db) => tx.select({ kind: incidentScope.kind, target: incidentScope.target }).from(incidentScope).where(eq(incidentScope.incidentId, incidentId)),
    async lock(tx: Executor, id: string): Promise<IncidentRow | undefined> {
      const [row] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update');
      return row;
    },
    async openByFingerprint(tx: Executor, fingerprint: string): Promise<IncidentRow | undefined> {
      const [row] = await tx.select().from(incidents).where(and(eq(incidents.fingerprint, fingerprint), eq(incidents.status, 'open'))).for('update');
      return row;
    },
    async update(tx: Executor, id: string, patch: Partial<IncidentRow>): Promise<IncidentRow> {
      const [row] = await tx.update(incidents).set(patch).where(eq(incidents.id, id)).returning();
      return row;
    },
    /** A customer sees an incident only when one of its servers was interrupted by it. */
    async find(scope: Scope, id: string, tx: Executor = db): Promise<IncidentRow | undefined> {
      const [row] = await tx
        .select()
        .from(incidents)
        .where(
          and(
            eq(incidents.id, id),
            scope.kind === 'customer'
              ? sql`EXISTS (SELECT 1 FROM ${interruptions} WHERE ${interruptions.incidentId} = ${incidents.id} AND ${interruptions.customerId} = ${scope.customerId})`
              : undefined,
          ),
        );
      return row;
    },
    list: (scope: Scope, f: { status?: IncidentRow['status']; customerId?: string; limit?: number }) => {
      const customerId = scope.kind === 'customer' ? scope.customerId : f.customerId;
      return db
        .select()
        .from(incidents)
        .where(
          and(
            f.status ? eq(incidents.status, f.status) : undefined,
            customerId ? sql`EXISTS (SELECT 1 FROM ${interruptions} WHERE ${interruptions.incidentId} = ${incidents.id} AND ${interruptions.customerId} = ${customerId})` : undefined,
          ),
        )
        .orderBy(desc(incidents.startedAt))
        .limit(f.limit ?? 500);
    },
    /** Open line faults whose 24-hour clock ran out before `deadlineBefore` and are not yet flagged. */
    overdueLineFaults: (reportedBefore: Date) =>
      db
        .select()
        .from(incidents)
        .where(and(eq(incidents.status, 'open'), eq(incidents.lineFault, true), isNull(incidents.lineFaultBreachedAt), lte(incidents.reportedAt, reportedBefore))),

    insertUpdate: (tx: Executor, row: IncidentUpdateRow) => tx.insert(incidentUpdates).values(row),
    updates: (incidentId: string) => db.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, incidentId)).orderBy(asc(incidentUpdates.createdAt), asc(incidentUpdates.id)),

    // ── interruptions ───────────────────────────────────────────────────
    /** Idempotent: the same server interrupted by the same incident from the same instant is one row. */
    async insertInterruptions(tx: Executor, rows: InterruptionRow[]): Promise<InterruptionRow[]> {
      if (!rows.length) return [];
      return tx.insert(interruptions).values(rows).onConflictDoNothing().returning();
    },
    interruptionsOf: (scope: Scope, incidentId: string, tx: Executor = db) =>
      tx.select().from(interruptions).where(and(eq(interruptions.incidentId, incidentId), tenantFilter(scope, interruptions.customerId))).orderBy(asc(interruptions.startedAt)),
    /** Closes the open intervals of an incident (all, or those begun at one instant) at `at`; returns their contracts. */
    async closeInterruptions(tx: Executor, incidentId: string, at: Date, startedAt?: Date): Promise<InterruptionRow[]> {
      return tx
        .update(interruptions)
        .set({ endedAt: at })
        .where(and(eq(interruptions.incidentId, incidentId), isNull(interruptions.endedAt), startedAt ? eq(interruptions.startedAt, startedAt) : undefined))
        .returning();
    },
    async shiftInterruptions(tx: Executor, incidentId: string, patch: { fromStart?: Date; toStart?: Date; end?: Date | null }): Promise<InterruptionRow[]> {
      const set: Partial<InterruptionRow> = {};
      if (patch.end !== undefined) set.endedAt = patch.end;
      if (patch.toStart) set.startedAt = patch.toStart;
      return tx
        .update(interruptions)
        .set(set)
        .where(and(eq(interruptions.incidentId, incidentId), patch.fromStart ? eq(interruptions.startedAt, patch.fromStart) : undefined))
        .returning();
    },
    /**
     * What the rules core needs, for many contracts in one read: each closed interval with its
     * incident's cause, notice and consent, instants as epoch milliseconds (cheap to read by the
     * million). Unordered: a sort of a million rows costs more in the database than per contract in the caller.
     */
    async feedOfContracts(tx: Executor, contractIds: string[]): Promise<FeedRow[]> {
      const ms = (c: unknown) => sql`(extract(epoch from ${c}) * 1000)::float8`;
      const result = await tx.execute(sql`
        SELECT ${interruptions.contractId} AS contract_id, ${interruptions.incidentId} AS incident_id,
               ${ms(interruptions.startedAt)} AS start_ms, ${ms(interruptions.endedAt)} AS end_ms, ${ms(interruptions.consentAt)} AS consent_ms,
               ${incidents.cause} AS cause, ${ms(incidents.noticeGivenAt)} AS notice_ms
        FROM ${interruptions} JOIN ${incidents} ON ${incidents.id} = ${interruptions.incidentId}
        WHERE ${inArray(interruptions.contractId, contractIds)} AND ${interruptions.endedAt} IS NOT NULL`);
      return (result as unknown as { rows: FeedRow[] }).rows;
    },
    /**
     * The feed of many contracts, grouped in the database: the servers of one contract hit by one
     * incident share its interval, and so do the contracts it hit, so a million interruptions arrive
     * as a few thousand entries. One row per incident, its entries packed in one text column
     * ("contract ordinals,start,end,count[,consent];…": the contracts with exactly `count` rows of
     * that interval and consent); parsing one string is far cheaper in Node than a row per group.
     * Returned per contract, in the order of `contractIds`, unordered within a contract; one entry's
     * group object is shared by its contracts (read-only).
     */
    async groupedFeedOfContracts(tx: Executor, contractIds: string[]): Promise<FeedGroup[][]> {
      const out: FeedGroup[][] = contractIds.map(() => []);
      if (!contractIds.length) return out;
      const ids = `{${contractIds.join(',')}}`;
      const ms = (c: unknown) => sql`(extract(epoch from ${c}) * 1000)::float8`;
      const result = await tx.execute(sql`
        WITH grouped AS (
          SELECT i.incident_id, i.contract_id, i.started_at, i.ended_at, i.consent_at, count(*) AS n
          FROM ${interruptions} i
          WHERE i.contract_id = ANY(${ids}::uuid[]) AND i.ended_at IS NOT NULL
          GROUP BY i.incident_id, i.contract_id, i.started_at, i.ended_at, i.consent_at
        ),
        batch AS (SELECT id, k - 1 AS k FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS b(id, k)),
        shared AS (
          SELECT g.incident_id, g.started_at, g.ended_at, g.consent_at, g.n, string_agg(b.k::text, ' ') AS ks
          FROM grouped g JOIN batch b ON b.id = g.contract_id
          GROUP BY g.incident_id, g.started_at, g.ended_at, g.consent_at, g.n
        )
        SELECT n.id AS incident_id, n.cause, ${ms(sql`n.notice_given_at`)} AS notice_ms,
               string_agg(concat_ws(',', s.ks, ${ms(sql`s.started_at`)}, ${ms(sql`s.ended_at`)}, s.n, ${ms(sql`s.consent_at`)}), ';') AS feed
        FROM shared s JOIN ${incidents} n ON n.id = s.incident_id
        GROUP BY n.id`);
      for (const row of (result as unknown as { rows: { incident_id: string; cause: FeedGroup['cause']; notice_ms: number | null; feed: string }[] }).rows) {
        for (const entry of row.feed.split(';')) {
          const f = entry.split(',');
          const group: FeedGroup = { incidentId: row.incident_id, cause: row.cause, noticeMs: row.notice_ms, startMs: Number(f[1]), endMs: Number(f[2]), count: Number(f[3]), consentMs: f.length > 4 ? Number(f[4]) : null };
          for (const k of f[0].split(' ')) out[Number(k)].push(group);
        }
      }
      return out;
    },
    /**
     * For a transaction that reads feeds in ranges (the whole recomputation): its aggregates fit in
     * memory, and compiling them (JIT) would cost more than running them.
     */
    async tuneForFeedRanges(tx: Executor): Promise<void> {
      await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
      await tx.execute(sql`SET LOCAL jit = off`);
    },
    /** Every contract with closed interruptions, in id order: one index probe per contract (a loose index scan). */
    async contractsWithFeed(tx: Executor): Promise<string[]> {
      const result = await tx.execute(sql`
        WITH RECURSIVE c AS (
          (SELECT contract_id AS id FROM ${interruptions} WHERE ended_at IS NOT NULL AND contract_id IS NOT NULL ORDER BY contract_id LIMIT 1)
          UNION ALL
          SELECT (SELECT i.contract_id FROM ${interruptions} i WHERE i.contract_id > c.id AND i.ended_at IS NOT NULL ORDER BY i.contract_id LIMIT 1) FROM c WHERE c.id IS NOT NULL
        )
        SELECT id FROM c WHERE id IS NOT NULL`);
      return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    },
    /**
     * The grouped feed of a run of contracts in id order, every one of which has closed
     * interruptions (contractsWithFeed, read in the same repeatable-read snapshot). As
     * groupedFeedOfContracts, but the rows come from one range scan of interruptions_feed_idx, which
     * hands them over grouped, and a row is one interval of one incident with the contracts it hit
     * that many times, each named by its rank in the run (a few digits, not 36 characters). Rows come
     * in the order ledgerOfFeed sorts a feed by, so each contract's feed arrives sorted.
     */
    async groupedFeedOfRun(tx: Executor, contractIds: string[]): Promise<FeedGroup[][]> {
      const out: FeedGroup[][] = contractIds.map(() => []);
      if (!contractIds.length) return out;
      const ms = (c: unknown) => sql`(extract(epoch from ${c}) * 1000)::float8`;
      const result = await tx.execute(sql`
        WITH grouped AS (
          SELECT i.contract_id, i.incident_id, i.started_at, i.ended_at, i.consent_at, count(*)::int AS n
          FROM ${interruptions} i
          WHERE i.contract_id BETWEEN ${contractIds[0]} AND ${contractIds[contractIds.length - 1]} AND i.ended_at IS NOT NULL
          GROUP BY i.contract_id, i.incident_id, i.started_at, i.ended_at, i.consent_at
        ),
        ranked AS (SELECT g.*, dense_rank() OVER (ORDER BY g.contract_id) - 1 AS k FROM grouped g),
        shared AS (
          SELECT r.incident_id, r.started_at, r.ended_at, r.consent_at, r.n, string_agg(r.k::text, ' ') AS ks
          FROM ranked r
          GROUP BY r.incident_id, r.started_at, r.ended_at, r.consent_at, r.n
        )
        SELECT s.incident_id, n.cause, ${ms(sql`n.notice_given_at`)} AS notice_ms, ${ms(sql`s.started_at`)} AS start_ms, ${ms(sql`s.ended_at`)} AS end_ms,
               ${ms(sql`s.consent_at`)} AS consent_ms, s.n, s.ks
        FROM shared s JOIN ${incidents} n ON n.id = s.incident_id
        ORDER BY s.started_at, s.incident_id, s.ended_at, s.consent_at NULLS FIRST`);
      type Row = { incident_id: string; cause: FeedGroup['cause']; notice_ms: number | null; start_ms: number; end_ms: number; consent_ms: number | null; n: number; ks: string };
      for (const row of (result as unknown as { rows: Row[] }).rows) {
        const group: FeedGroup = { incidentId: row.incident_id, cause: row.cause, noticeMs: row.notice_ms, startMs: row.start_ms, endMs: row.end_ms, consentMs: row.consent_ms, count: row.n };
        for (const key of row.ks.split(' ')) {
          const k = Number(key);
          if (!(k < out.length)) throw new Error(`feed rank ${k} outside a run of ${out.length} contracts (not read in one snapshot?)`);
          out[k].push(group);
        }
      }
      return out;
    },
    /** Ledger headers of these contracts, or of every contract that has one. */
    async ledgerHeaders(tx: Executor, contractIds?: string[]): Promise<Map<string, { hours: number; digest: string }>> {
      if (contractIds && !contractIds.length) return new Map();
      const rows = await tx
        .select({ contractId: compensationLedgers.contractId, hours: compensationLedgers.hours, digest: compensationLedgers.digest })
        .from(compensationLedgers)
        .where(contractIds ? inArray(compensationLedgers.contractId, contractIds) : undefined);
      return new Map(rows.map((r) => [r.contractId, { hours: r.hours, digest: r.digest }]));
    },
    contractsOfIncident: async (tx: Executor, incidentId: string) =>
      (await tx.selectDistinct({ id: interruptions.contractId }).from(interruptions).where(and(eq(interruptions.incidentId, incidentId), sql`${interruptions.contractId} IS NOT NULL`))).map((r) => r.id!),
    customersOfIncident: async (tx: Executor, incidentId: string) =>
      (await tx.selectDistinct({ id: interruptions.customerId }).from(interruptions).where(eq(interruptions.incidentId, incidentId))).map((r) => r.id),
    /** Intervals of a contract for the outage chart. */
    timelineOfContract: (scope: Scope, contractId: string) =>
      db
        .select({ start: interruptions.startedAt, end: interruptions.endedAt, cause: incidents.cause, number: incidents.number })
        .from(interruptions)
        .innerJoin(incidents, eq(incidents.id, interruptions.incidentId))
        .where(and(eq(interruptions.contractId, contractId), tenantFilter(scope, interruptions.customerId)))
        .orderBy(asc(interruptions.startedAt)),

    // ── alerts ──────────────────────────────────────────────────────────
    async insertAlert(tx: Executor, row: AlertEventRow): Promise<boolean> {
      const rows = await tx.insert(alertEvents).values(row).onConflictDoNothing().returning({ id: alertEvents.id });
      return rows.length === 1;
    },
    async findAlert(tx: Executor, fingerprint: string, startsAt: Date): Promise<AlertEventRow | undefined> {
      const [row] = await tx.select().from(alertEvents).where(and(eq(alertEvents.fingerprint, fingerprint), eq(alertEvents.startsAt, startsAt))).for('update');
      return row;
    },
    /** Which of these alerts are already recorded (one read for a whole webhook delivery). */
    async knownAlerts(keys: { fingerprint: string; startsAt: Date }[]): Promise<Map<string, { incidentId: string; endsAt: Date | null }>> {
      if (!keys.length) return new Map();
      const rows = await db
        .select({ fingerprint: alertEvents.fingerprint, startsAt: alertEvents.startsAt, incidentId: alertEvents.incidentId, endsAt: alertEvents.endsAt })
        .from(alertEvents)
        .where(or(...keys.map((k) => and(eq(alertEvents.fingerprint, k.fingerprint), eq(alertEvents.startsAt, k.startsAt)))));
      return new Map(rows.map((r) => [`${r.fingerprint}|${r.startsAt.getTime()}`, { incidentId: r.incidentId, endsAt: r.endsAt }]));
    },
    // ── alerts that matched nothing (issue 15) ──
    /** Records an unmatched alert once per (fingerprint, startsAt); a repeat leaves the row as it is. */
    async insertUnmatched(tx: Executor, row: UnmatchedAlertRow): Promise<UnmatchedAlertRow> {
      await tx.insert(unmatchedAlerts).values(row).onConflictDoNothing();
      const [stored] = await tx.select().from(unmatchedAlerts).where(and(eq(unmatchedAlerts.fingerprint, row.fingerprint), eq(unmatchedAlerts.startsAt, row.startsAt))).for('update');
      return stored;
    },
    async lockUnmatched(tx: Executor, id: string): Promise<UnmatchedAlertRow | undefined> {
      const [row] = await tx.select().from(unmatchedAlerts).where(eq(unmatchedAlerts.id, id)).for('update');
      return row;
    },
    updateUnmatched: (tx: Executor, id: string, patch: Partial<UnmatchedAlertRow>) => tx.update(unmatchedAlerts).set(patch).where(eq(unmatchedAlerts.id, id)),
    /** Unmatched alerts, the waiting ones first (newest first), then the mapped ones of the last days. */
    listUnmatched: (f: { waiting?: boolean; limit: number }) =>
      db
        .select()
        .from(unmatchedAlerts)
        .where(f.waiting ? isNull(unmatchedAlerts.mappedAt) : undefined)
        .orderBy(sql`${unmatchedAlerts.mappedAt} IS NOT NULL`, desc(unmatchedAlerts.receivedAt))
        .limit(f.limit),
    async resolveAlert(tx: Executor, id: string, endsAt: Date, at: Date) {
      await tx.update(alertEvents).set({ endsAt, resolvedReceivedAt: at }).where(eq(alertEvents.id, id));
    },
    async firingAlertsOf(tx: Executor, incidentId: string): Promise<number> {
      const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(alertEvents).where(and(eq(alertEvents.incidentId, incidentId), isNull(alertEvents.endsAt)));
      return row.n;
    },
    async latestAlertEnd(tx: Executor, incidentId: string): Promise<Date | null> {
      const [row] = await tx.select({ at: sql<string | null>`max(${alertEvents.endsAt})` }).from(alertEvents).where(eq(alertEvents.incidentId, incidentId));
      return row.at ? new Date(row.at) : null;
    },

    // ── the ledger ──────────────────────────────────────────────────────
    ledgerOf: (scope: Scope, contractId: string, tx: Executor = db) =>
      tx.select().from(compensationLines).where(and(eq(compensationLines.contractId, contractId), tenantFilter(scope, compensationLines.customerId))).orderBy(asc(compensationLines.fromAt), asc(compensationLines.kind)),
    /** The closed interruptions of a contract (one per server and incident): which servers a ledger line stands for. */
    closedInterruptionsOf: (contractId: string) =>
      db
        .select({ incidentId: interruptions.incidentId, serverId: interruptions.serverId, startedAt: interruptions.startedAt, endedAt: interruptions.endedAt })
        .from(interruptions)
        .where(and(eq(interruptions.contractId, contractId), isNotNull(interruptions.endedAt))),
    ledgerOfCustomer: (scope: Scope, customerId: string) =>
      db.select().from(compensationLines).where(and(eq(compensationLines.customerId, customerId), tenantFilter(scope, compensationLines.customerId))).orderBy(desc(compensationLines.fromAt)).limit(1000),
    async findLine(scope: Scope, id: string): Promise<LedgerLineRow | undefined> {
      const [row] = await db.select().from(compensationLines).where(and(eq(compensationLines.id, id), tenantFilter(scope, compensationLines.customerId)));
      return row;
    },
    async replaceLedger(tx: Executor, header: typeof compensationLedgers.$inferSelect, rows: LedgerLineRow[]) {
      await tx.delete(compensationLines).where(eq(compensationLines.contractId, header.contractId));
      for (let i = 0; i < rows.length; i += 1000) await tx.insert(compensationLines).values(rows.slice(i, i + 1000));
      await tx
        .insert(compensationLedgers)
        .values(header)
        .onConflictDoUpdate({ target: compensationLedgers.contractId, set: { hours: header.hours, lineCount: header.lineCount, digest: header.digest, computedAt: header.computedAt } });
    },

    // ── planned work ────────────────────────────────────────────────────
    insertWindow: (tx: Executor, row: WindowRow) => tx.insert(maintenanceWindows).values(row),
    insertWindowScope: (tx: Executor, windowId: string, entries: ScopeEntry[]) =>
      entries.length ? tx.insert(maintenanceScope).values(entries.map((e) => ({ windowId, ...e }))).onConflictDoNothing() : Promise.resolve(),
    windowScope: (windowId: string, tx: Executor = db) => tx.select({ kind: maintenanceScope.kind, target: maintenanceScope.target }).from(maintenanceScope).where(eq(maintenanceScope.windowId, windowId)),
    async lockWindow(tx: Executor, id: string): Promise<WindowRow | undefined> {
      const [row] = await tx.select().from(maintenanceWindows).where(eq(maintenanceWindows.id, id)).for('update');
      return row;
    },
    async updateWindow(tx: Executor, id: string, patch: Partial<WindowRow>): Promise<WindowRow> {
      const [row] = await tx.update(maintenanceWindows).set(patch).where(eq(maintenanceWindows.id, id)).returning();
      return row;
    },
    /** A customer sees the windows it is affected by (it has a consent row). */
    async findWindow(scope: Scope, id: string): Promise<WindowRow | undefined> {
      const [row] = await db
        .select()
        .from(maintenanceWindows)
        .where(
          and(
            eq(maintenanceWindows.id, id),
            scope.kind === 'customer'
              ? sql`EXISTS (SELECT 1 FROM ${maintenanceConsents} WHERE ${maintenanceConsents.windowId} = ${maintenanceWindows.id} AND ${maintenanceConsents.customerId} = ${scope.customerId})`
              : undefined,
          ),
        );
      return row;
    },
    listWindows: (scope: Scope, f: { upcomingFrom?: Date; customerId?: string }) => {
      const customerId = scope.kind === 'customer' ? scope.customerId : f.customerId;
      return db
        .select()
        .from(maintenanceWindows)
        .where(
          and(
            f.upcomingFrom ? and(gte(maintenanceWindows.endsAt, f.upcomingFrom), eq(maintenanceWindows.status, 'scheduled')) : undefined,
            customerId
              ? sql`EXISTS (SELECT 1 FROM ${maintenanceConsents} WHERE ${maintenanceConsents.windowId} = ${maintenanceWindows.id} AND ${maintenanceConsents.customerId} = ${customerId})`
              : undefined,
          ),
        )
        .orderBy(asc(maintenanceWindows.startsAt))
        .limit(500);
    },
    insertConsents: (tx: Executor, rows: ConsentRow[]) => (rows.length ? tx.insert(maintenanceConsents).values(rows) : Promise.resolve()),
    consentsOf: (scope: Scope, windowIds: string[], tx: Executor = db) =>
      windowIds.length
        ? tx
            .select({ consent: maintenanceConsents, customerName: customerNames.name })
            .from(maintenanceConsents)
            .innerJoin(customerNames, eq(customerNames.id, maintenanceConsents.customerId))
            .where(and(inArray(maintenanceConsents.windowId, windowIds), tenantFilter(scope, maintenanceConsents.customerId)))
        : Promise.resolve([]),
    async decide(tx: Executor, windowId: string, customerId: string, patch: Partial<ConsentRow>): Promise<ConsentRow | undefined> {
      const [row] = await tx
        .update(maintenanceConsents)
        .set(patch)
        .where(and(eq(maintenanceConsents.windowId, windowId), eq(maintenanceConsents.customerId, customerId), or(eq(maintenanceConsents.decision, 'pending'), eq(maintenanceConsents.decision, 'accepted'), eq(maintenanceConsents.decision, 'declined'))))
        .returning();
      return row;
    },

    // ── calendar feed tokens ────────────────────────────────────────────
    async setFeedToken(tx: Executor, customerId: string, tokenHash: string, at: Date) {
      await tx.insert(calendarFeedTokens).values({ customerId, tokenHash, createdAt: at }).onConflictDoUpdate({ target: calendarFeedTokens.customerId, set: { tokenHash, createdAt: at } });
    },
    async customerOfFeedToken(tokenHash: string): Promise<string | undefined> {
      const [row] = await db.select({ id: calendarFeedTokens.customerId }).from(calendarFeedTokens).where(eq(calendarFeedTokens.tokenHash, tokenHash));
      return row?.id;
    },
  };
}

export type IncidentsRepository = ReturnType<typeof makeIncidentsRepository>;
