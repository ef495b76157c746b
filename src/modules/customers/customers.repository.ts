import { and, asc, count, desc, eq, ilike, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { phonePrefixes } from '../../rules/validators/phone.js';
import { customerChangeRequests, customers, noticeOutbox, rosterMembers, staffTasks } from './customers.schema.js';

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

export { phonePrefixes };

/**
 * One index-backed arm per way of finding a customer, and only the arms the term's shape can match,
 * so the planner answers with a BitmapOr of index scans rather than reading every customer:
 * - name fragment of three characters or more: the trigram index (0002);
 * - two characters: the generated name_bigrams column (0008), whose GIN index holds every pair;
 * - a single character matches too many names to be worth an index: the name-ordered walk stops at a page;
 * - pinyin initials and USCC: btree prefix (text_pattern_ops);
 * - a phone number: the customer's contact phone, or a current person on its roster (ids looked up first).
 */
function searchArms(term: string, rosterCustomerIds: string[]): SQL | undefined {
  const lower = term.toLowerCase();
  const arms: (SQL | undefined)[] = [];
  if ([...lower].length === 2) arms.push(sql`"customers"."name_bigrams" @> ARRAY[${lower}]::text[]`);
  else arms.push(ilike(customers.name, `%${escapeLike(term)}%`));
  if (/^[a-z0-9]+$/.test(lower)) arms.push(like(customers.nameInitials, `${lower}%`));
  // full pinyin or initials anywhere in the name (0029's trigram index; below three letters a trigram cannot help)
  if (/^[a-z0-9]{3,}$/.test(lower) && /[a-z]/.test(lower)) arms.push(like(customers.namePinyin, `%${lower}%`));
  if (/^[0-9a-z]{2,18}$/.test(lower)) arms.push(like(customers.uscc, `${term.toUpperCase()}%`));
  for (const prefix of phonePrefixes(term)) arms.push(like(customers.contactPhone, `${prefix}%`));
  if (rosterCustomerIds.length) arms.push(inArray(customers.id, rosterCustomerIds));
  return or(...arms);
}

export function makeCustomersRepository(db: Db) {
  /**
   * The page and the total of a search, as query builders (the search-plan test explains them).
   * A phone-shaped term first finds the customers whose current roster has that number.
   */
  async function listQueries(scope: Scope, f: Omit<CustomerFilter, 'page' | 'pageSize'> & { page?: number; pageSize?: number }) {
    const term = f.q?.trim();
    let rosterIds: string[] = [];
    const phones = term ? phonePrefixes(term) : [];
    if (phones.length) {
      const rows = await db
        .selectDistinct({ customerId: rosterMembers.customerId })
        .from(rosterMembers)
        .where(
          and(
            tenantFilter(scope, rosterMembers.customerId),
            isNull(rosterMembers.validTo),
            eq(rosterMembers.side, 'customer'),
            or(...phones.flatMap((p) => [like(rosterMembers.mobile, `${p}%`), like(rosterMembers.landline, `${p}%`)])),
          ),
        )
        .limit(500);
      rosterIds = rows.map((r) => r.customerId);
    }
    const where = and(tenantFilter(scope, customers.id), term ? searchArms(term, rosterIds) : undefined, f.status ? eq(customers.status, f.status) : undefined);
    const pageSize = f.pageSize ?? 1000;
    // Unfiltered, a page is a range of the (name, id) index. Searching, the same order would tempt the
    // planner to walk that index filtering row by row — all 20k of them when the term is rare, because
    // it cannot know how rare; ordering by an expression of the name makes it collect the hits from
    // the search indexes and sort only those (a top-N sort, bounded by the page).
    const byName = term ? sql`${customers.name} || ''` : customers.name;
    return {
      page: (page = f.page ?? 1) =>
        db
          .select()
          .from(customers)
          .where(where)
          .orderBy(asc(byName), asc(customers.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
      total: () => db.select({ total: count() }).from(customers).where(where),
    };
  }

  return {
    db,

    async find(scope: Scope, id: string, tx: Executor = db): Promise<CustomerRow | undefined> {
      const [row] = await tx
        .select()
        .from(customers)
        .where(and(eq(customers.id, id), tenantFilter(scope, customers.id)));
      return row;
    },

    /** Issue 22 §5: the customers with this USCC (the evidence pack is asked for by id or USCC). */
    async idsByUscc(scope: Scope, uscc: string): Promise<string[]> {
      const rows = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.uscc, uscc), tenantFilter(scope, customers.id)));
      return rows.map((r) => r.id);
    },

    listQueries,

    async list(scope: Scope, f: CustomerFilter) {
      const q = await listQueries(scope, f);
      const [items, [{ total }]] = await Promise.all([q.page(), q.total()]);
      return { items, total };
    },

    /** Every matching customer, a batch at a time (CSV export). */
    async *iterate(scope: Scope, f: Omit<CustomerFilter, 'page' | 'pageSize'>, batch = 1000): AsyncGenerator<CustomerRow[]> {
      const q = await listQueries(scope, { ...f, pageSize: batch });
      for (let page = 1; ; page += 1) {
        const rows = await q.page(page);
        if (rows.length) yield rows;
        if (rows.length < batch) return;
      }
    },

    /** Customers whose name_pinyin is not written yet (rows from before 0029, or inserted by SQL). */
    withoutPinyin: (limit: number) => db.select({ id: customers.id, name: customers.name }).from(customers).where(isNull(customers.namePinyin)).limit(limit),

    async setPinyin(rows: { id: string; namePinyin: string }[]): Promise<void> {
      if (!rows.length) return;
      await db.execute(
        sql`UPDATE customers AS c SET name_pinyin = v.p FROM unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.namePinyin))}::text[]) AS v(id, p) WHERE c.id = v.id`,
      );
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

    /** Customers a provider-wide notice goes to: those with a running relationship (active or suspended). */
    /** The row locked for the caller's transaction (a reaction that moves the status reads and writes under it). */
    /**
     * The customer's row for a status change. NO KEY UPDATE, not UPDATE: concurrent activations of the
     * same customer's contracts already hold KEY SHARE on it (their rows' foreign keys) when they get
     * here after taking the invoice counter, and FOR UPDATE would wait on those: a deadlock (seen on PostgreSQL).
     */
    async lock(tx: Executor, id: string): Promise<CustomerRow | undefined> {
      const [row] = await tx.select().from(customers).where(eq(customers.id, id)).for('no key update');
      return row;
    },

    async idsUnderContract(tx: Executor = db): Promise<string[]> {
      const rows = await tx.select({ id: customers.id }).from(customers).where(inArray(customers.status, ['active', 'suspended'])).orderBy(asc(customers.id));
      return rows.map((r) => r.id);
    },

    // ── outbox ────────────────────────────────────────────────────────
    async insertOutbox(tx: Executor, row: OutboxRow): Promise<void> {
      await tx.insert(noticeOutbox).values(row);
    },

    async insertOutboxMany(tx: Executor, rows: OutboxRow[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) await tx.insert(noticeOutbox).values(rows.slice(i, i + 1000));
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

    /** Staff work across customers (the service admits staff only). */
    async openTasks(role?: StaffTaskRow['role']) {
      return db
        .select({ task: staffTasks, customerName: customers.name })
        .from(staffTasks)
        .leftJoin(customers, eq(customers.id, staffTasks.customerId))
        .where(and(isNull(staffTasks.doneAt), role ? eq(staffTasks.role, role) : undefined))
        .orderBy(asc(staffTasks.dueOn))
        .limit(500);
    },

    /** Closes the open tasks about these subjects (e.g. reminders for a document that was replaced). */
    async completeTasksAbout(tx: Executor, kind: string, subjectIds: string[], by: string | null, at: Date): Promise<StaffTaskRow[]> {
      if (!subjectIds.length) return [];
      return tx
        .update(staffTasks)
        .set({ doneAt: at, doneBy: by })
        .where(and(eq(staffTasks.kind, kind), inArray(staffTasks.subjectId, subjectIds), isNull(staffTasks.doneAt)))
        .returning();
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
