import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerNames } from '../customers/customers.read.js';
import { commissioningOrders, contractNumberCounters, contractServers, contracts, contractTemplates } from './contracts.schema.js';

export type ContractRow = typeof contracts.$inferSelect;
export type CommissioningRow = typeof commissioningOrders.$inferSelect;

export function makeContractsRepository(db: Db) {
  return {
    db,

    /** The next number of a year, in the caller's transaction: a rollback gives it back, so numbers stay continuous. */
    async nextNumber(tx: Executor, year: number): Promise<number> {
      const [row] = await tx
        .insert(contractNumberCounters)
        .values({ year, lastNumber: 1 })
        .onConflictDoUpdate({ target: contractNumberCounters.year, set: { lastNumber: sql`${contractNumberCounters.lastNumber} + 1` } })
        .returning({ n: contractNumberCounters.lastNumber });
      return row.n;
    },
    insert: (tx: Executor, row: ContractRow) => tx.insert(contracts).values(row),
    insertServers: (tx: Executor, rows: { contractId: string; serverId: string; customerId: string }[]) => tx.insert(contractServers).values(rows),
    async find(scope: Scope, id: string, tx: Executor = db): Promise<ContractRow | undefined> {
      const [row] = await tx.select().from(contracts).where(and(eq(contracts.id, id), tenantFilter(scope, contracts.customerId)));
      return row;
    },
    async lock(tx: Executor, id: string): Promise<ContractRow | undefined> {
      const [row] = await tx.select().from(contracts).where(eq(contracts.id, id)).for('update');
      return row;
    },
    async ofServer(tx: Executor, serverId: string): Promise<ContractRow | undefined> {
      const [row] = await tx.select({ c: contracts }).from(contractServers).innerJoin(contracts, eq(contracts.id, contractServers.contractId)).where(eq(contractServers.serverId, serverId));
      return row?.c;
    },
    /** The customer's name, from the customers module's read model. */
    customerName: async (customerId: string) => (await db.select({ name: customerNames.name }).from(customerNames).where(eq(customerNames.id, customerId)))[0]?.name ?? '',
    /** Every contract status of one customer, in the caller's transaction (the customer's status follows them). */
    statusesOfCustomer: async (tx: Executor, customerId: string) => (await tx.select({ status: contracts.status }).from(contracts).where(eq(contracts.customerId, customerId))).map((r) => r.status),
    serverIds: async (contractId: string) => (await db.select({ id: contractServers.serverId }).from(contractServers).where(eq(contractServers.contractId, contractId))).map((r) => r.id),
    list: (scope: Scope, f: { customerId?: string; status?: ContractRow['status'] }) =>
      db
        .select({ contract: contracts, customerName: customerNames.name })
        .from(contracts)
        .innerJoin(customerNames, eq(customerNames.id, contracts.customerId))
        .where(and(tenantFilter(scope, contracts.customerId), f.customerId ? eq(contracts.customerId, f.customerId) : undefined, f.status ? eq(contracts.status, f.status) : undefined))
        .orderBy(desc(contracts.year), desc(contracts.sequence))
        .limit(1000),
    async update(tx: Executor, id: string, patch: Partial<ContractRow>): Promise<ContractRow> {
      const [row] = await tx.update(contracts).set(patch).where(eq(contracts.id, id)).returning();
      return row;
    },
    /** Active contracts whose term ended before `day` (renewal scan), oldest end first. */
    expiredBefore: (day: string, tx: Executor = db) =>
      tx.select({ id: contracts.id }).from(contracts).where(and(eq(contracts.status, 'active'), lt(contracts.termEnd, day))).orderBy(asc(contracts.termEnd), asc(contracts.id)),

    // templates: versions after the shipped one
    templates: () => db.select().from(contractTemplates).orderBy(asc(contractTemplates.sequence)),
    async template(version: string, tx: Executor = db) {
      const [row] = await tx.select().from(contractTemplates).where(eq(contractTemplates.version, version));
      return row;
    },
    async latestTemplate(tx: Executor = db) {
      const [row] = await tx.select().from(contractTemplates).orderBy(desc(contractTemplates.sequence)).limit(1);
      return row;
    },
    insertTemplate: (tx: Executor, row: typeof contractTemplates.$inferInsert) => tx.insert(contractTemplates).values(row),

    insertCommissioning: (tx: Executor, row: CommissioningRow) => tx.insert(commissioningOrders).values(row),
    commissioning: (scope: Scope, f: { contractId?: string }) =>
      db.select().from(commissioningOrders).where(and(tenantFilter(scope, commissioningOrders.customerId), f.contractId ? eq(commissioningOrders.contractId, f.contractId) : undefined)).orderBy(desc(commissioningOrders.createdAt)),
    async findCommissioning(scope: Scope, id: string): Promise<CommissioningRow | undefined> {
      const [row] = await db.select().from(commissioningOrders).where(and(eq(commissioningOrders.id, id), tenantFilter(scope, commissioningOrders.customerId)));
      return row;
    },
    async updateCommissioning(tx: Executor, id: string, patch: Partial<CommissioningRow>): Promise<CommissioningRow> {
      const [row] = await tx.update(commissioningOrders).set(patch).where(eq(commissioningOrders.id, id)).returning();
      return row;
    },
    /** Open orders whose deadline day ended before `today` (breach scan). */
    overdueCommissioning: (today: string) =>
      db.select().from(commissioningOrders).where(and(isNull(commissioningOrders.completedAt), isNull(commissioningOrders.breachedAt), lt(commissioningOrders.dueOn, today))),

    /** Issue 20 §5: open orders whose deadline is `today` — the last day of 5.1's two working days — with the contract's number. */
    commissioningDueToday: (today: string) =>
      db
        .select({ order: commissioningOrders, contractNumber: contracts.number })
        .from(commissioningOrders)
        .innerJoin(contracts, eq(contracts.id, commissioningOrders.contractId))
        .where(and(isNull(commissioningOrders.completedAt), isNull(commissioningOrders.breachedAt), eq(commissioningOrders.dueOn, today)))
        .orderBy(asc(commissioningOrders.id)),

    // ── issue 16: orders computed on a provisional calendar year, still open, locked for recomputation ──
    /** Commissioning orders neither completed nor breached, with their contract's terms, in id order. */
    lockOpenProvisionalCommissioning: (tx: Executor) =>
      tx
        .select({ order: commissioningOrders, terms: contracts.terms, contractNumber: contracts.number })
        .from(commissioningOrders)
        .innerJoin(contracts, eq(contracts.id, commissioningOrders.contractId))
        .where(and(eq(commissioningOrders.dueOnProvisional, true), isNull(commissioningOrders.completedAt), isNull(commissioningOrders.breachedAt)))
        .orderBy(asc(commissioningOrders.id))
        .for('update', { of: commissioningOrders }),
    // ── the compensation ledger (incidents module) reads many contracts at once ──
    /** Read only: the caller rechecks under lockMany before it writes. */
    findMany: (tx: Executor, ids: string[]) => (ids.length ? tx.select().from(contracts).where(inArray(contracts.id, ids)) : Promise.resolve([])),
    /** Locked in id order, so two recomputations of overlapping sets queue instead of deadlocking. */
    lockMany: (tx: Executor, ids: string[]) => (ids.length ? tx.select().from(contracts).where(inArray(contracts.id, ids)).orderBy(asc(contracts.id)).for('update') : Promise.resolve([])),
  };
}

export type ContractsRepository = ReturnType<typeof makeContractsRepository>;
