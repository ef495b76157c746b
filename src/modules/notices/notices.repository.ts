import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { noticeDeliveries, noticePreferences, notices, type NoticeCategory } from './notices.schema.js';

export type NoticeRow = typeof notices.$inferSelect;
export type DeliveryRow = typeof noticeDeliveries.$inferSelect;
export type PreferenceRow = typeof noticePreferences.$inferSelect;

export function makeNoticesRepository(db: Db) {
  return {
    db,
    /** false when the outbox item was already turned into a notice */
    async insert(tx: Executor, row: NoticeRow): Promise<boolean> {
      const rows = await tx.insert(notices).values(row).onConflictDoNothing({ target: notices.sourceOutboxId }).returning({ id: notices.id });
      return rows.length === 1;
    },
    insertDeliveries: (tx: Executor, rows: DeliveryRow[]) => tx.insert(noticeDeliveries).values(rows),
    list: (scope: Scope, f: { customerId?: string }) =>
      db
        .select()
        .from(notices)
        .where(and(tenantFilter(scope, notices.customerId), f.customerId ? eq(notices.customerId, f.customerId) : undefined))
        .orderBy(desc(notices.createdAt))
        .limit(500),
    async find(scope: Scope, id: string): Promise<NoticeRow | undefined> {
      const [row] = await db.select().from(notices).where(and(eq(notices.id, id), tenantFilter(scope, notices.customerId)));
      return row;
    },
    deliveriesOf: (noticeIds: string[]) =>
      noticeIds.length ? db.select().from(noticeDeliveries).where(inArray(noticeDeliveries.noticeId, noticeIds)).orderBy(asc(noticeDeliveries.channel)) : Promise.resolve([]),
    /**
     * Claims the e-mail delivery due first: not sent, its retry time reached and no live claim on it.
     * SKIP LOCKED lets two workers claim different rows; the lease keeps the row out of every other
     * claim after this transaction commits, while the mail is on the wire.
     */
    async claimDueEmail(tx: Executor, now: Date, claimedUntil: Date): Promise<{ delivery: DeliveryRow; notice: NoticeRow } | undefined> {
      const [due] = await tx
        .select({ id: noticeDeliveries.id })
        .from(noticeDeliveries)
        .where(
          and(
            eq(noticeDeliveries.status, 'pending'),
            eq(noticeDeliveries.channel, 'email'),
            lte(noticeDeliveries.nextAttemptAt, now),
            or(isNull(noticeDeliveries.claimedUntil), lte(noticeDeliveries.claimedUntil, now)),
          ),
        )
        .orderBy(asc(noticeDeliveries.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return undefined;
      const [delivery] = await tx
        .update(noticeDeliveries)
        .set({ claimedUntil, attempts: sql`${noticeDeliveries.attempts} + 1` })
        .where(eq(noticeDeliveries.id, due.id))
        .returning();
      const [notice] = await tx.select().from(notices).where(eq(notices.id, delivery.noticeId));
      return { delivery, notice };
    },
    /** The claimed attempt's outcome; written only while the claim is still this sender's. */
    recordEmailOutcome: (id: string, claimedUntil: Date, outcome: Partial<DeliveryRow>) =>
      db
        .update(noticeDeliveries)
        .set(outcome)
        .where(and(eq(noticeDeliveries.id, id), eq(noticeDeliveries.claimedUntil, claimedUntil))),
    updateDelivery: (tx: Executor, id: string, patch: Partial<DeliveryRow>) => tx.update(noticeDeliveries).set(patch).where(eq(noticeDeliveries.id, id)),
    async lockDelivery(tx: Executor, noticeId: string, id: string): Promise<DeliveryRow | undefined> {
      const [row] = await tx.select().from(noticeDeliveries).where(and(eq(noticeDeliveries.id, id), eq(noticeDeliveries.noticeId, noticeId))).for('update');
      return row;
    },
    async delivery(noticeId: string, id: string): Promise<DeliveryRow | undefined> {
      const [row] = await db.select().from(noticeDeliveries).where(and(eq(noticeDeliveries.id, id), eq(noticeDeliveries.noticeId, noticeId)));
      return row;
    },

    // ── notification preferences of the customer's roster people ──────────
    preferences: (scope: Scope, customerId: string, tx: Executor = db) =>
      tx
        .select()
        .from(noticePreferences)
        .where(and(tenantFilter(scope, noticePreferences.customerId), eq(noticePreferences.customerId, customerId))),
    async replacePreferences(tx: Executor, customerId: string, memberId: string, categories: NoticeCategory[], by: string | null, at: Date) {
      await tx.delete(noticePreferences).where(and(eq(noticePreferences.customerId, customerId), eq(noticePreferences.memberId, memberId)));
      if (categories.length) await tx.insert(noticePreferences).values(categories.map((category) => ({ customerId, memberId, category, updatedBy: by, updatedAt: at })));
    },
  };
}

export type NoticesRepository = ReturnType<typeof makeNoticesRepository>;
