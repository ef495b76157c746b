import { and, asc, count, desc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { auditLog } from './audit.schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

/** Serialises writers of the chain; held until the surrounding transaction ends. */
const AUDIT_CHAIN_LOCK_KEY = 727_002;

export interface AuditFilter {
  actorId?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  customerId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export function makeAuditRepository(db: Db) {
  return {
    async lockChainAndGetHead(tx: Executor): Promise<{ seq: number; hash: string } | null> {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
      const [head] = await tx
        .select({ seq: auditLog.seq, hash: auditLog.hash })
        .from(auditLog)
        .orderBy(desc(auditLog.seq))
        .limit(1);
      return head ?? null;
    },

    async insert(tx: Executor, row: AuditRow): Promise<void> {
      await tx.insert(auditLog).values(row);
    },

    async list(scope: Scope, f: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
      const conditions: (SQL | undefined)[] = [
        tenantFilter(scope, auditLog.customerId),
        f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.entity ? eq(auditLog.entity, f.entity) : undefined,
        f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
        f.customerId ? eq(auditLog.customerId, f.customerId) : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lte(auditLog.at, f.to) : undefined,
      ];
      const where = and(...conditions);
      const [items, [{ total }]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.seq))
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
        db.select({ total: count() }).from(auditLog).where(where),
      ]);
      return { items, total };
    },

    /** The last committed row's seq and hash, without taking the chain lock (for anchors). */
    async head(): Promise<{ seq: number; hash: string } | null> {
      const [head] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
      return head ?? null;
    },

    /** Rows in chain order, a batch at a time, for verification. */
    async batchAfter(seq: number, size: number): Promise<AuditRow[]> {
      return db.select().from(auditLog).where(gt(auditLog.seq, seq)).orderBy(asc(auditLog.seq)).limit(size);
    },
  };
}

export type AuditRepository = ReturnType<typeof makeAuditRepository>;
