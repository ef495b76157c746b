import { and, asc, eq, gt, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { rosterMembers } from './customers.schema.js';

export type RosterRow = typeof rosterMembers.$inferSelect;
export type RosterSide = RosterRow['side'];

export function makeRosterRepository(db: Db) {
  return {
    db,

    /** The roster as it stood at an instant: the versions whose validity contains it. */
    async asOf(scope: Scope, customerId: string, at: Date, side?: RosterSide, tx: Executor = db): Promise<RosterRow[]> {
      return tx
        .select()
        .from(rosterMembers)
        .where(
          and(
            tenantFilter(scope, rosterMembers.customerId),
            eq(rosterMembers.customerId, customerId),
            side ? eq(rosterMembers.side, side) : undefined,
            lte(rosterMembers.validFrom, at),
            or(isNull(rosterMembers.validTo), gt(rosterMembers.validTo, at)),
          ),
        )
        .orderBy(asc(rosterMembers.side), asc(rosterMembers.role), asc(rosterMembers.name));
    },

    async history(scope: Scope, customerId: string): Promise<RosterRow[]> {
      return db
        .select()
        .from(rosterMembers)
        .where(and(tenantFilter(scope, rosterMembers.customerId), eq(rosterMembers.customerId, customerId)))
        .orderBy(asc(rosterMembers.validFrom), asc(rosterMembers.name));
    },

    async currentVersion(scope: Scope, memberId: string, tx: Executor = db): Promise<RosterRow | undefined> {
      const [row] = await tx
        .select()
        .from(rosterMembers)
        .where(and(tenantFilter(scope, rosterMembers.customerId), eq(rosterMembers.memberId, memberId), isNull(rosterMembers.validTo)))
        .for('update');
      return row;
    },

    async close(tx: Executor, id: string, at: Date): Promise<void> {
      await tx.update(rosterMembers).set({ validTo: at }).where(and(eq(rosterMembers.id, id), isNull(rosterMembers.validTo)));
    },

    /** Rewrites a version in place (used when it has not yet lasted a measurable instant). */
    async rewrite(tx: Executor, id: string, patch: Partial<RosterRow>): Promise<void> {
      await tx.update(rosterMembers).set(patch).where(eq(rosterMembers.id, id));
    },

    async insert(tx: Executor, row: RosterRow): Promise<void> {
      await tx.insert(rosterMembers).values(row);
    },

    /** Issue 22 §7: replaced versions, not yet redacted, that ended before an instant (the retention sweep). */
    endedBefore: (cutoff: Date, limit: number, tx: Executor = db) =>
      tx
        .select()
        .from(rosterMembers)
        .where(and(isNotNull(rosterMembers.validTo), lt(rosterMembers.validTo, cutoff), isNull(rosterMembers.redactedAt)))
        .orderBy(asc(rosterMembers.validTo))
        .limit(limit),
    async findVersion(tx: Executor, id: string): Promise<RosterRow | undefined> {
      const [row] = await tx.select().from(rosterMembers).where(eq(rosterMembers.id, id)).for('update');
      return row;
    },
    async redact(tx: Executor, id: string, patch: Pick<RosterRow, 'mobile' | 'landline' | 'email' | 'redactedAt'>): Promise<void> {
      await tx.update(rosterMembers).set(patch).where(and(eq(rosterMembers.id, id), isNotNull(rosterMembers.validTo)));
    },
  };
}

export type RosterRepository = ReturnType<typeof makeRosterRepository>;
