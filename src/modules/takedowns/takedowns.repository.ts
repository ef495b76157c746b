import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerNames } from '../customers/customers.read.js';
import { takedownOrders, takedownProofs, takedownTargets } from './takedowns.schema.js';

export type TakedownRow = typeof takedownOrders.$inferSelect;
export type TakedownTargetRow = typeof takedownTargets.$inferSelect;
export type TakedownProofRow = typeof takedownProofs.$inferSelect;

export function makeTakedownsRepository(db: Db) {
  return {
    db,
    insertOrder: (tx: Executor, row: TakedownRow) => tx.insert(takedownOrders).values(row),
    insertTargets: (tx: Executor, rows: TakedownTargetRow[]) => (rows.length ? tx.insert(takedownTargets).values(rows) : Promise.resolve()),
    async find(scope: Scope, id: string, tx: Executor = db): Promise<TakedownRow | undefined> {
      const [row] = await tx.select().from(takedownOrders).where(and(eq(takedownOrders.id, id), tenantFilter(scope, takedownOrders.customerId)));
      return row;
    },
    async lock(tx: Executor, id: string): Promise<TakedownRow | undefined> {
      const [row] = await tx.select().from(takedownOrders).where(eq(takedownOrders.id, id)).for('update');
      return row;
    },
    async update(tx: Executor, id: string, patch: Partial<TakedownRow>): Promise<TakedownRow> {
      const [row] = await tx.update(takedownOrders).set(patch).where(eq(takedownOrders.id, id)).returning();
      return row;
    },
    targets: (orderIds: string[], tx: Executor = db) =>
      orderIds.length ? tx.select().from(takedownTargets).where(inArray(takedownTargets.orderId, orderIds)).orderBy(asc(takedownTargets.kind), asc(takedownTargets.value)) : Promise.resolve([] as TakedownTargetRow[]),
    list: (scope: Scope, f: { customerId?: string; status?: TakedownRow['status'][] }) =>
      db
        .select({ order: takedownOrders, customerName: customerNames.name })
        .from(takedownOrders)
        .innerJoin(customerNames, eq(customerNames.id, takedownOrders.customerId))
        .where(and(tenantFilter(scope, takedownOrders.customerId), f.customerId ? eq(takedownOrders.customerId, f.customerId) : undefined, f.status?.length ? inArray(takedownOrders.status, f.status) : undefined))
        .orderBy(desc(takedownOrders.registeredAt))
        .limit(500),
    insertProof: (tx: Executor, row: TakedownProofRow) => tx.insert(takedownProofs).values(row),
    async proof(orderId: string, tx: Executor = db): Promise<TakedownProofRow | undefined> {
      const [row] = await tx.select().from(takedownProofs).where(eq(takedownProofs.orderId, orderId));
      return row;
    },
    /** What the gate must keep closed: the names and addresses of every executed order not lifted. */
    async inForce(tx: Executor = db): Promise<{ domains: string[]; addresses: string[] }> {
      const rows = await tx
        .select({ kind: takedownTargets.kind, value: takedownTargets.value })
        .from(takedownTargets)
        .innerJoin(takedownOrders, eq(takedownOrders.id, takedownTargets.orderId))
        .where(and(eq(takedownOrders.status, 'executed'), ne(takedownTargets.kind, 'server')));
      return { domains: rows.filter((r) => r.kind === 'domain').map((r) => r.value), addresses: rows.filter((r) => r.kind === 'ip').map((r) => r.value) };
    },
    /** Customers with an order not lifted (a legal hold on their personal data). */
    async holding(customerIds: string[]): Promise<{ customerId: string; id: string; number: string }[]> {
      if (!customerIds.length) return [];
      return db
        .select({ customerId: takedownOrders.customerId, id: takedownOrders.id, number: takedownOrders.number })
        .from(takedownOrders)
        .where(and(inArray(takedownOrders.customerId, customerIds), ne(takedownOrders.status, 'lifted')));
    },
    nextSeq: async (tx: Executor, day: string): Promise<number> => {
      const r = await tx.execute(sql`SELECT count(*)::int AS n FROM takedown_orders WHERE number LIKE ${`CZ${day}-%`}`);
      const rows = (Array.isArray(r) ? r : (r as unknown as { rows: { n: number }[] }).rows) as { n: number }[];
      return Number(rows[0]?.n ?? 0) + 1;
    },
  };
}

export type TakedownsRepository = ReturnType<typeof makeTakedownsRepository>;
