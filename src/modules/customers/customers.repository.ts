import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customers } from './customers.schema.js';

export type CustomerRow = typeof customers.$inferSelect;

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

    async list(scope: Scope, f: { q?: string; page: number; pageSize: number }) {
      const where = and(
        tenantFilter(scope, customers.id),
        f.q ? or(ilike(customers.name, `%${f.q}%`), ilike(customers.uscc, `%${f.q}%`)) : undefined,
      );
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

    async insert(tx: Executor, row: CustomerRow): Promise<void> {
      await tx.insert(customers).values(row);
    },
  };
}

export type CustomersRepository = ReturnType<typeof makeCustomersRepository>;
