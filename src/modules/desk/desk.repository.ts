import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { deskDigestOptouts, deskDigestOutbox } from './desk.schema.js';

export type DigestRow = typeof deskDigestOutbox.$inferSelect;

/** The desk's own tables: the digest outbox and the opt-outs. The to-do items are the areas' SQL. */
export function makeDeskRepository(db: Db) {
  return {
    db,
    /** One digest per person and day: a second run the same day adds nothing (catch-up safe). */
    async queueDigest(row: DigestRow): Promise<boolean> {
      const rows = await db.insert(deskDigestOutbox).values(row).onConflictDoNothing().returning({ id: deskDigestOutbox.id });
      return rows.length > 0;
    },
    async optedOut(): Promise<Set<string>> {
      const rows = await db.select({ userId: deskDigestOptouts.userId }).from(deskDigestOptouts);
      return new Set(rows.map((r) => r.userId));
    },
    async isOptedOut(userId: string): Promise<boolean> {
      const [row] = await db.select().from(deskDigestOptouts).where(eq(deskDigestOptouts.userId, userId));
      return !!row;
    },
    async setOptOut(userId: string, optOut: boolean, at: Date): Promise<void> {
      if (optOut) await db.insert(deskDigestOptouts).values({ userId, optedOutAt: at }).onConflictDoNothing();
      else await db.delete(deskDigestOptouts).where(eq(deskDigestOptouts.userId, userId));
    },
    async claimDue(tx: Executor, now: Date, claimedUntil: Date): Promise<DigestRow | undefined> {
      const [due] = await tx
        .select({ id: deskDigestOutbox.id })
        .from(deskDigestOutbox)
        .where(and(eq(deskDigestOutbox.status, 'pending'), lte(deskDigestOutbox.nextAttemptAt, now), or(isNull(deskDigestOutbox.claimedUntil), lte(deskDigestOutbox.claimedUntil, now))))
        .orderBy(asc(deskDigestOutbox.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return undefined;
      const [mail] = await tx
        .update(deskDigestOutbox)
        .set({ claimedUntil, attempts: sql`${deskDigestOutbox.attempts} + 1` })
        .where(eq(deskDigestOutbox.id, due.id))
        .returning();
      return mail;
    },
    recordOutcome: (id: string, claimedUntil: Date, outcome: Partial<DigestRow>) =>
      db
        .update(deskDigestOutbox)
        .set(outcome)
        .where(and(eq(deskDigestOutbox.id, id), eq(deskDigestOutbox.claimedUntil, claimedUntil))),
    digestsOf: (day: string) => db.select().from(deskDigestOutbox).where(eq(deskDigestOutbox.day, day)).orderBy(asc(deskDigestOutbox.recipient)),
  };
}
export type DeskRepository = ReturnType<typeof makeDeskRepository>;
