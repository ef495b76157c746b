import { and, asc, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { alertChannels, alertDeliveries, alertSubscriptions, type AlertEventKind } from './alerting.schema.js';

export type AlertChannelRow = typeof alertChannels.$inferSelect;
export type AlertSubscriptionRow = typeof alertSubscriptions.$inferSelect;
export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect;

/** Alert channels are provider configuration, not customer data: no tenancy filter applies (admin-only service). */
export function makeAlertingRepository(db: Db) {
  return {
    db,
    channels: () => db.select().from(alertChannels).orderBy(asc(alertChannels.name)),
    async channel(id: string, tx: Executor = db): Promise<AlertChannelRow | undefined> {
      const [row] = await tx.select().from(alertChannels).where(eq(alertChannels.id, id));
      return row;
    },
    insertChannel: (tx: Executor, row: AlertChannelRow) => tx.insert(alertChannels).values(row),
    async updateChannel(tx: Executor, id: string, patch: Partial<AlertChannelRow>): Promise<AlertChannelRow> {
      const [row] = await tx.update(alertChannels).set(patch).where(eq(alertChannels.id, id)).returning();
      return row;
    },
    async lockChannel(tx: Executor, id: string): Promise<AlertChannelRow | undefined> {
      const [row] = await tx.select().from(alertChannels).where(eq(alertChannels.id, id)).for('update');
      return row;
    },

    subscriptions: (tx: Executor = db) => tx.select().from(alertSubscriptions).orderBy(asc(alertSubscriptions.eventKind), asc(alertSubscriptions.role)),
    async replaceSubscriptions(tx: Executor, rows: AlertSubscriptionRow[]) {
      await tx.delete(alertSubscriptions);
      if (rows.length) await tx.insert(alertSubscriptions).values(rows);
    },
    /** The enabled channels some role routes `kind` to, each once. */
    channelsFor: (tx: Executor, kind: AlertEventKind) =>
      tx
        .selectDistinct({ id: alertChannels.id })
        .from(alertSubscriptions)
        .innerJoin(alertChannels, eq(alertChannels.id, alertSubscriptions.channelId))
        .where(and(eq(alertSubscriptions.eventKind, kind), eq(alertChannels.enabled, true))),

    /** false when this event already reached this channel's outbox (the same event raised again). */
    async insertDelivery(tx: Executor, row: AlertDeliveryRow): Promise<boolean> {
      const rows = await tx
        .insert(alertDeliveries)
        .values(row)
        .onConflictDoNothing({ target: [alertDeliveries.eventKind, alertDeliveries.eventKey, alertDeliveries.channelId] })
        .returning({ id: alertDeliveries.id });
      return rows.length === 1;
    },
    deliveries: (f: { channelId?: string; limit: number }) =>
      db
        .select({ delivery: alertDeliveries, channelName: alertChannels.name, channelKind: alertChannels.kind })
        .from(alertDeliveries)
        .innerJoin(alertChannels, eq(alertChannels.id, alertDeliveries.channelId))
        .where(f.channelId ? eq(alertDeliveries.channelId, f.channelId) : undefined)
        .orderBy(desc(alertDeliveries.createdAt), desc(alertDeliveries.id))
        .limit(f.limit),
    async delivery(id: string): Promise<AlertDeliveryRow | undefined> {
      const [row] = await db.select().from(alertDeliveries).where(eq(alertDeliveries.id, id));
      return row;
    },

    /**
     * Claims the delivery due first on an enabled channel, as the notice e-mails are claimed: SKIP LOCKED
     * lets two workers take different rows; the lease keeps the row out of every other claim while the
     * request is on the wire, and lapses if the sender dies (at least once, never lost; the delivery id
     * lets the receiver drop a repeat).
     */
    async claimDue(now: Date, claimedUntil: Date): Promise<{ delivery: AlertDeliveryRow; channel: AlertChannelRow } | undefined> {
      return db.transaction(async (tx) => {
        const [due] = await tx
          .select({ id: alertDeliveries.id })
          .from(alertDeliveries)
          .innerJoin(alertChannels, eq(alertChannels.id, alertDeliveries.channelId))
          .where(
            and(
              eq(alertDeliveries.status, 'pending'),
              eq(alertChannels.enabled, true),
              lte(alertDeliveries.nextAttemptAt, now),
              or(isNull(alertDeliveries.claimedUntil), lte(alertDeliveries.claimedUntil, now)),
            ),
          )
          .orderBy(asc(alertDeliveries.nextAttemptAt), asc(alertDeliveries.createdAt))
          .limit(1)
          .for('update', { of: alertDeliveries, skipLocked: true });
        if (!due) return undefined;
        const [delivery] = await tx
          .update(alertDeliveries)
          .set({ claimedUntil, attempts: sql`${alertDeliveries.attempts} + 1` })
          .where(eq(alertDeliveries.id, due.id))
          .returning();
        const [channel] = await tx.select().from(alertChannels).where(eq(alertChannels.id, delivery.channelId));
        return { delivery, channel };
      });
    },
    /** The claimed attempt's outcome; written only while the claim is still this sender's. */
    recordOutcome: (id: string, claimedUntil: Date, outcome: Partial<AlertDeliveryRow>) =>
      db
        .update(alertDeliveries)
        .set(outcome)
        .where(and(eq(alertDeliveries.id, id), eq(alertDeliveries.claimedUntil, claimedUntil))),
  };
}

export type AlertingRepository = ReturnType<typeof makeAlertingRepository>;
