import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerNames } from '../customers/customers.read.js';
import { ticketAttachments, ticketComments, ticketMailOutbox, tickets, ticketSlaTargets, type TICKET_QUEUE_ORDERS, type TicketType } from './tickets.schema.js';

export type TicketRow = typeof tickets.$inferSelect;
export type CommentRow = typeof ticketComments.$inferSelect;
export type AttachmentRow = typeof ticketAttachments.$inferSelect;
export type TicketMailRow = typeof ticketMailOutbox.$inferSelect;
export type SlaTargetRow = typeof ticketSlaTargets.$inferSelect;

export interface TicketFilter {
  status?: TicketRow['status'];
  /** only tickets not yet resolved or closed: the working queue */
  active?: boolean;
  type?: TicketType;
  customerId?: string;
  assigneeId?: string;
  unassigned?: boolean;
  sort?: (typeof TICKET_QUEUE_ORDERS)[number];
}

export function makeTicketsRepository(db: Db) {
  return {
    db,
    insert: (tx: Executor, row: TicketRow) => tx.insert(tickets).values(row),
    async find(scope: Scope, id: string, tx: Executor = db): Promise<TicketRow | undefined> {
      const [row] = await tx.select().from(tickets).where(and(eq(tickets.id, id), tenantFilter(scope, tickets.customerId)));
      return row;
    },
    async lock(tx: Executor, id: string): Promise<TicketRow | undefined> {
      const [row] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update');
      return row;
    },
    list: (scope: Scope, f: TicketFilter) =>
      db
        .select({ ticket: tickets, customerName: customerNames.name })
        .from(tickets)
        .innerJoin(customerNames, eq(customerNames.id, tickets.customerId))
        .where(
          and(
            tenantFilter(scope, tickets.customerId),
            f.status ? eq(tickets.status, f.status) : undefined,
            f.active ? notInArray(tickets.status, ['resolved', 'closed']) : undefined,
            f.type ? eq(tickets.type, f.type) : undefined,
            f.customerId ? eq(tickets.customerId, f.customerId) : undefined,
            f.assigneeId ? eq(tickets.assigneeId, f.assigneeId) : undefined,
            f.unassigned ? isNull(tickets.assigneeId) : undefined,
          ),
        )
        .orderBy(f.sort === 'age' ? asc(tickets.openedAt) : desc(tickets.openedAt))
        .limit(500),
    async update(tx: Executor, id: string, patch: Partial<TicketRow>): Promise<TicketRow> {
      const [row] = await tx.update(tickets).set(patch).where(eq(tickets.id, id)).returning();
      return row;
    },
    insertComment: (tx: Executor, row: CommentRow) => tx.insert(ticketComments).values(row),
    async findComment(tx: Executor, ticketId: string, id: string): Promise<CommentRow | undefined> {
      const [row] = await tx.select().from(ticketComments).where(and(eq(ticketComments.id, id), eq(ticketComments.ticketId, ticketId)));
      return row;
    },
    comments: (ticketId: string, withInternal: boolean) =>
      db
        .select()
        .from(ticketComments)
        .where(and(eq(ticketComments.ticketId, ticketId), withInternal ? undefined : eq(ticketComments.internal, false)))
        .orderBy(asc(ticketComments.createdAt), asc(ticketComments.id)),

    // ── response targets ──────────────────────────────────────────────────
    slaTargets: (tx: Executor = db) => tx.select().from(ticketSlaTargets).orderBy(asc(ticketSlaTargets.type)),
    async updateSlaTarget(tx: Executor, type: TicketType, patch: Pick<SlaTargetRow, 'firstResponseMinutes' | 'resolutionMinutes' | 'updatedBy' | 'updatedAt'>): Promise<{ before: SlaTargetRow | undefined; after: SlaTargetRow }> {
      const [before] = await tx.select().from(ticketSlaTargets).where(eq(ticketSlaTargets.type, type)).for('update');
      const [after] = await tx
        .insert(ticketSlaTargets)
        .values({ type, ...patch })
        .onConflictDoUpdate({ target: ticketSlaTargets.type, set: patch })
        .returning();
      return { before, after };
    },
    /** The timed fields of tickets opened in [from, to), for the response-time report. */
    timings: (from: Date, to: Date) =>
      db
        .select({ type: tickets.type, openedAt: tickets.openedAt, firstResponseAt: tickets.firstResponseAt, resolvedAt: tickets.resolvedAt })
        .from(tickets)
        .where(and(gte(tickets.openedAt, from), lt(tickets.openedAt, to))),

    // ── attachments ───────────────────────────────────────────────────────
    insertAttachment: (tx: Executor, row: AttachmentRow) => tx.insert(ticketAttachments).values(row),
    attachments: (ticketId: string, withInternal: boolean) =>
      db
        .select()
        .from(ticketAttachments)
        .where(and(eq(ticketAttachments.ticketId, ticketId), withInternal ? undefined : eq(ticketAttachments.internal, false)))
        .orderBy(asc(ticketAttachments.uploadedAt), asc(ticketAttachments.id)),
    async findAttachment(scope: Scope, ticketId: string, id: string): Promise<AttachmentRow | undefined> {
      const [row] = await db
        .select()
        .from(ticketAttachments)
        .where(and(eq(ticketAttachments.id, id), eq(ticketAttachments.ticketId, ticketId), tenantFilter(scope, ticketAttachments.customerId)));
      return row;
    },

    // ── mail outbox ───────────────────────────────────────────────────────
    insertMails: (tx: Executor, rows: TicketMailRow[]) => (rows.length ? tx.insert(ticketMailOutbox).values(rows).onConflictDoNothing() : Promise.resolve()),
    /** Claims the mail due first (lease + attempt counted); SKIP LOCKED lets two workers claim different rows. */
    async claimDueMail(tx: Executor, now: Date, claimedUntil: Date): Promise<TicketMailRow | undefined> {
      const [due] = await tx
        .select({ id: ticketMailOutbox.id })
        .from(ticketMailOutbox)
        .where(
          and(
            eq(ticketMailOutbox.status, 'pending'),
            lte(ticketMailOutbox.nextAttemptAt, now),
            or(isNull(ticketMailOutbox.claimedUntil), lte(ticketMailOutbox.claimedUntil, now)),
          ),
        )
        .orderBy(asc(ticketMailOutbox.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return undefined;
      const [mail] = await tx
        .update(ticketMailOutbox)
        .set({ claimedUntil, attempts: sql`${ticketMailOutbox.attempts} + 1` })
        .where(eq(ticketMailOutbox.id, due.id))
        .returning();
      return mail;
    },
    /** The claimed attempt's outcome; written only while the claim is still this sender's. */
    recordMailOutcome: (id: string, claimedUntil: Date, outcome: Partial<TicketMailRow>) =>
      db
        .update(ticketMailOutbox)
        .set(outcome)
        .where(and(eq(ticketMailOutbox.id, id), eq(ticketMailOutbox.claimedUntil, claimedUntil))),
    mailsOf: (ticketIds: string[]) => (ticketIds.length ? db.select().from(ticketMailOutbox).where(inArray(ticketMailOutbox.ticketId, ticketIds)).orderBy(asc(ticketMailOutbox.createdAt)) : Promise.resolve([])),
  };
}

export type TicketsRepository = ReturnType<typeof makeTicketsRepository>;
