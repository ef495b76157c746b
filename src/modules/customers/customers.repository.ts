import { and, asc, count, desc, eq, ilike, isNull, like, or, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerChangeRequests, customers, noticeOutbox, staffTasks } from './customers.schema.js';

export type CustomerRow = typeof customers.$inferSelect;
export type ChangeRequestRow = typeof customerChangeRequests.$inferSelect;
export type OutboxRow = typeof noticeOutbox.$inferSelect;
export type StaffTaskRow = typeof staffTasks.$inferSelect;

export interface CustomerFilter {
  q?: string;
  status?: CustomerRow['status'];
  page: number;
  pageSize: number;
}

/** LIKE patterns treat % and _ as wildcards; a search for "50%" means the characters. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function searchCondition(q: string | undefined): SQL | undefined {
  const term = q?.trim();
  if (!term) return undefined;
  const e = escapeLike(term);
  return or(
    ilike(customers.name, `%${e}%`),
    like(customers.nameInitials, `${escapeLike(term.toLowerCase())}%`),
    like(customers.uscc, `${escapeLike(term.toUpperCase())}%`),
    like(customers.contactPhone, `${e.replace(/[\s-]/g, '')}%`),
  );
}

export function makeCustomersRepository(db: Db) {
  return {
    db,

    async find(scope: Scope, id: string, tx: Executor = db): Promise<CustomerRow | undefined> {
      const [row] = await tx
        .select()
        .from(customers)
        .where(and(eq(customers.id, id), tenantFilter(scope, customers.id)));
      return row;
    },

    async list(scope: Scope, f: CustomerFilter) {
      const where = and(tenantFilter(scope, customers.id), searchCondition(f.q), f.status ? eq(customers.status, f.status) : undefined);
      const [items, [{ total }]] = await Promise.all([
        db
          .select()
          .from(customers)
          .where(where)
          .orderBy(asc(customers.name), asc(customers.id))
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
        db.select({ total: count() }).from(customers).where(where),
      ]);
      return { items, total };
    },

    /** Every matching customer, a batch at a time (CSV export). */
    async *iterate(scope: Scope, f: Omit<CustomerFilter, 'page' | 'pageSize'>, batch = 1000): AsyncGenerator<CustomerRow[]> {
      const where = and(tenantFilter(scope, customers.id), searchCondition(f.q), f.status ? eq(customers.status, f.status) : undefined);
      for (let offset = 0; ; offset += batch) {
        const rows = await db.select().from(customers).where(where).orderBy(asc(customers.name), asc(customers.id)).limit(batch).offset(offset);
        if (rows.length) yield rows;
        if (rows.length < batch) return;
      }
    },

    async insert(tx: Executor, row: CustomerRow): Promise<void> {
      await tx.insert(customers).values(row);
    },

    /** Optimistic concurrency: updates only the version the caller read; undefined when it is stale. */
    async update(tx: Executor, id: string, expectedVersion: number, patch: Partial<CustomerRow>): Promise<CustomerRow | undefined> {
      const [row] = await tx
        .update(customers)
        .set({ ...patch, version: expectedVersion + 1 })
        .where(and(eq(customers.id, id), eq(customers.version, expectedVersion)))
        .returning();
      return row;
    },

    // ── change requests ───────────────────────────────────────────────
    async insertChangeRequest(tx: Executor, row: ChangeRequestRow): Promise<void> {
      await tx.insert(customerChangeRequests).values(row);
    },

    async findChangeRequest(scope: Scope, id: string, tx: Executor = db): Promise<ChangeRequestRow | undefined> {
      const [row] = await tx
        .select()
        .from(customerChangeRequests)
        .where(and(eq(customerChangeRequests.id, id), tenantFilter(scope, customerChangeRequests.customerId)));
      return row;
    },

    async listChangeRequests(scope: Scope, f: { customerId?: string; status?: ChangeRequestRow['status'] }) {
      return db
        .select({ request: customerChangeRequests, customerName: customers.name })
        .from(customerChangeRequests)
        .innerJoin(customers, eq(customers.id, customerChangeRequests.customerId))
        .where(
          and(
            tenantFilter(scope, customerChangeRequests.customerId),
            f.customerId ? eq(customerChangeRequests.customerId, f.customerId) : undefined,
            f.status ? eq(customerChangeRequests.status, f.status) : undefined,
          ),
        )
        .orderBy(desc(customerChangeRequests.requestedAt))
        .limit(500);
    },

    async decideChangeRequest(tx: Executor, id: string, patch: Partial<ChangeRequestRow>): Promise<ChangeRequestRow | undefined> {
      const [row] = await tx
        .update(customerChangeRequests)
        .set(patch)
        .where(and(eq(customerChangeRequests.id, id), eq(customerChangeRequests.status, 'pending')))
        .returning();
      return row;
    },

    // ── outbox ────────────────────────────────────────────────────────
    async insertOutbox(tx: Executor, row: OutboxRow): Promise<void> {
      await tx.insert(noticeOutbox).values(row);
    },

    async pendingOutbox(limit: number): Promise<OutboxRow[]> {
      return db.select().from(noticeOutbox).where(isNull(noticeOutbox.drainedAt)).orderBy(asc(noticeOutbox.createdAt)).limit(limit);
    },

    async markOutboxDrained(tx: Executor, id: string, at: Date): Promise<boolean> {
      const rows = await tx
        .update(noticeOutbox)
        .set({ drainedAt: at })
        .where(and(eq(noticeOutbox.id, id), isNull(noticeOutbox.drainedAt)))
        .returning({ id: noticeOutbox.id });
      return rows.length === 1;
    },

    async listOutbox(scope: Scope, customerId?: string): Promise<OutboxRow[]> {
      return db
        .select()
        .from(noticeOutbox)
        .where(and(tenantFilter(scope, noticeOutbox.customerId), customerId ? eq(noticeOutbox.customerId, customerId) : undefined))
        .orderBy(desc(noticeOutbox.createdAt))
        .limit(200);
    },

    // ── staff tasks ───────────────────────────────────────────────────
    /** Inserts a task unless the same (kind, subject, due date) exists; true when it was new. */
    async insertTaskOnce(tx: Executor, row: StaffTaskRow): Promise<boolean> {
      const rows = await tx.insert(staffTasks).values(row).onConflictDoNothing().returning({ id: staffTasks.id });
      return rows.length === 1;
    },

    async openTasks(role?: StaffTaskRow['role']): Promise<StaffTaskRow[]> {
      return db
        .select()
        .from(staffTasks)
        .where(and(isNull(staffTasks.doneAt), role ? eq(staffTasks.role, role) : undefined))
        .orderBy(asc(staffTasks.dueOn))
        .limit(500);
    },

    async completeTask(tx: Executor, id: string, by: string | null, at: Date): Promise<StaffTaskRow | undefined> {
      const [row] = await tx
        .update(staffTasks)
        .set({ doneAt: at, doneBy: by })
        .where(and(eq(staffTasks.id, id), isNull(staffTasks.doneAt)))
        .returning();
      return row;
    },
  };
}

export type CustomersRepository = ReturnType<typeof makeCustomersRepository>;
