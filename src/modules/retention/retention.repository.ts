import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Scope } from '../../core/scope.js';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { RetentionKind } from '../../rules/retention.js';
import { retentionHolds, retentionPolicies, retentionRedactions, retentionRequests } from './retention.schema.js';

export type PolicyRow = typeof retentionPolicies.$inferSelect;
export type HoldRow = typeof retentionHolds.$inferSelect;
export type RedactionRow = typeof retentionRedactions.$inferSelect;
export type RequestRow = typeof retentionRequests.$inferSelect;

export function makeRetentionRepository(db: Db) {
  return {
    db,
    policies: (tx: Executor = db) => tx.select().from(retentionPolicies).orderBy(asc(retentionPolicies.kind)),
    async setPolicy(tx: Executor, kind: RetentionKind, patch: Partial<PolicyRow>): Promise<PolicyRow> {
      const [row] = await tx.update(retentionPolicies).set(patch).where(eq(retentionPolicies.kind, kind)).returning();
      return row;
    },
    liveHolds: (scope: Scope, customerId: string, tx: Executor = db) =>
      tx.select().from(retentionHolds).where(and(tenantFilter(scope, retentionHolds.customerId), eq(retentionHolds.customerId, customerId), isNull(retentionHolds.releasedAt))),
    insertHold: (tx: Executor, row: HoldRow) => tx.insert(retentionHolds).values(row),
    async releaseHold(tx: Executor, id: string, at: Date, by: string | null): Promise<HoldRow | undefined> {
      const [row] = await tx.update(retentionHolds).set({ releasedAt: at, releasedBy: by }).where(and(eq(retentionHolds.id, id), isNull(retentionHolds.releasedAt))).returning();
      return row;
    },
    insertRedactions: (tx: Executor, rows: RedactionRow[]) => (rows.length ? tx.insert(retentionRedactions).values(rows).onConflictDoNothing() : Promise.resolve()),
    redactions: (scope: Scope, customerId: string) =>
      db.select().from(retentionRedactions).where(and(tenantFilter(scope, retentionRedactions.customerId), eq(retentionRedactions.customerId, customerId))).orderBy(desc(retentionRedactions.redactedAt)),
    insertRequest: (tx: Executor, row: RequestRow) => tx.insert(retentionRequests).values(row),
    async lockRequest(tx: Executor, id: string): Promise<RequestRow | undefined> {
      const [row] = await tx.select().from(retentionRequests).where(eq(retentionRequests.id, id)).for('update');
      return row;
    },
    async updateRequest(tx: Executor, id: string, patch: Partial<RequestRow>): Promise<RequestRow> {
      const [row] = await tx.update(retentionRequests).set(patch).where(eq(retentionRequests.id, id)).returning();
      return row;
    },
    requests: (scope: Scope, f: { customerId?: string; status?: RequestRow['status'] }) =>
      db
        .select()
        .from(retentionRequests)
        .where(and(tenantFilter(scope, retentionRequests.customerId), f.customerId ? eq(retentionRequests.customerId, f.customerId) : undefined, f.status ? eq(retentionRequests.status, f.status) : undefined))
        .orderBy(asc(retentionRequests.answerDueOn))
        .limit(500),
  };
}

export type RetentionRepository = ReturnType<typeof makeRetentionRepository>;
