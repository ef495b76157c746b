import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customers } from '../customers/customers.schema.js';
import { ticketComments, tickets } from './tickets.schema.js';

export type TicketRow = typeof tickets.$inferSelect;
export type CommentRow = typeof ticketComments.$inferSelect;

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
    list: (scope: Scope, f: { status?: TicketRow['status']; customerId?: string }) =>
      db
        .select({ ticket: tickets, customerName: customers.name })
        .from(tickets)
        .innerJoin(customers, eq(customers.id, tickets.customerId))
        .where(and(tenantFilter(scope, tickets.customerId), f.status ? eq(tickets.status, f.status) : undefined, f.customerId ? eq(tickets.customerId, f.customerId) : undefined))
        .orderBy(desc(tickets.openedAt))
        .limit(500),
    async update(tx: Executor, id: string, patch: Partial<TicketRow>): Promise<TicketRow> {
      const [row] = await tx.update(tickets).set(patch).where(eq(tickets.id, id)).returning();
      return row;
    },
    insertComment: (tx: Executor, row: CommentRow) => tx.insert(ticketComments).values(row),
    comments: (ticketId: string) => db.select().from(ticketComments).where(eq(ticketComments.ticketId, ticketId)).orderBy(asc(ticketComments.createdAt)),
  };
}

export type TicketsRepository = ReturnType<typeof makeTicketsRepository>;
