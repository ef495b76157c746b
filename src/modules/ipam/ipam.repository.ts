import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { ipAllocations, ipPools, ipReservedRanges } from './ipam.schema.js';

export type PoolRow = typeof ipPools.$inferSelect;
export type ReservedRow = typeof ipReservedRanges.$inferSelect;
export type AllocationRow = typeof ipAllocations.$inferSelect;

/**
 * Issue 22 (the regulator's IP-segment records): the addresses held, as runs of consecutive addresses of one
 * pool held by one customer in one state (live, or resting in quarantine), plus the pools' reserved ranges.
 * Gaps and islands: an address's offset in its pool minus its rank in the run is constant along a run.
 * One statement, so a benchmark can COPY exactly the rows the register reads.
 */
export const registerSegmentsSql = (now: Date) => sql`
  SELECT r.pool_id::text AS pool_id, p.name AS pool_name, p.site_id::text AS site_id, host(min(r.address)) AS first_address, host(max(r.address)) AS last_address,
         count(*)::int AS addresses, r.customer_id::text AS customer_id, r.live, to_char(min(r.allocated_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS allocated_on,
         bool_and(r.server_id IS NOT NULL) AS with_server, NULL::text AS reason
    FROM (SELECT a.pool_id, a.customer_id, a.address, a.allocated_at, a.server_id, a.released_at IS NULL AS live,
                 (a.address - network(p.prefix)) - row_number() OVER (PARTITION BY a.pool_id, a.customer_id, a.released_at IS NULL ORDER BY a.address) AS island
            FROM ip_allocations a JOIN ip_pools p ON p.id = a.pool_id
           WHERE a.released_at IS NULL OR a.held_until > ${now.toISOString()}::timestamptz) r
    JOIN ip_pools p ON p.id = r.pool_id
   GROUP BY r.pool_id, p.name, p.site_id, r.customer_id, r.live, r.island
  UNION ALL
  SELECT x.pool_id::text, p.name, p.site_id::text, host(x.first_address), host(x.last_address), (x.last_address - x.first_address + 1)::int, NULL, false, NULL, false, x.reason
    FROM ip_reserved_ranges x JOIN ip_pools p ON p.id = x.pool_id
   ORDER BY 1, 4`;

export interface RegisterSegmentRow {
  pool_id: string;
  pool_name: string;
  site_id: string | null;
  first_address: string;
  last_address: string;
  addresses: number;
  customer_id: string | null;
  live: boolean;
  allocated_on: string | null;
  with_server: boolean;
  reason: string | null;
}

export function makeIpamRepository(db: Db) {
  return {
    db,
    async registerSegments(now: Date): Promise<RegisterSegmentRow[]> {
      return ((await db.execute(registerSegmentsSql(now))) as unknown as { rows: RegisterSegmentRow[] }).rows as RegisterSegmentRow[];
    },
    /**
     * The same rows, `batch` at a time, through a cursor in a read-only transaction: a register of a million
     * segments is never whole in memory. The next batch is fetched while `onBatch` works on this one; `onBatch`
     * must not query the database (on the embedded database the transaction holds its one connection).
     */
    async eachRegisterSegments(now: Date, batch: number, onBatch: (rows: RegisterSegmentRow[]) => Promise<void> | void): Promise<void> {
      await db.transaction(
        async (tx) => {
          await tx.execute(sql`DECLARE register_segments NO SCROLL CURSOR FOR ${registerSegmentsSql(now)}`);
          const fetch = async () => ((await tx.execute(sql`FETCH ${sql.raw(String(Math.trunc(batch)))} FROM register_segments`)) as unknown as { rows: RegisterSegmentRow[] }).rows;
          let next = fetch();
          for (;;) {
            const rows = await next;
            if (rows.length === 0) break;
            next = fetch();
            // a failure in onBatch leaves the prefetch to settle with the rolled-back transaction
            next.catch(() => undefined);
            await onBatch(rows);
          }
          await tx.execute(sql`CLOSE register_segments`);
        },
        { accessMode: 'read only' },
      );
    },
    /** Live allocations no server holds any more (reconciliation, issue 22 §3). */
    allocationsWithoutServer: () =>
      db.select({ id: ipAllocations.id, address: ipAllocations.address, customerId: ipAllocations.customerId }).from(ipAllocations).where(and(isNull(ipAllocations.releasedAt), isNull(ipAllocations.serverId))),

    insertPool: (tx: Executor, row: PoolRow) => tx.insert(ipPools).values(row),
    insertReserved: (tx: Executor, rows: ReservedRow[]) => tx.insert(ipReservedRanges).values(rows),
    listPools: () => db.select().from(ipPools).orderBy(asc(ipPools.name)),
    async findPool(id: string, tx: Executor = db): Promise<PoolRow | undefined> {
      const [row] = await tx.select().from(ipPools).where(eq(ipPools.id, id));
      return row;
    },
    /** The per-pool lock: allocations in one pool queue up; other pools are not held back. */
    async lockPool(tx: Executor, id: string): Promise<PoolRow | undefined> {
      const [row] = await tx.select().from(ipPools).where(eq(ipPools.id, id)).for('update');
      return row;
    },
    async updatePool(tx: Executor, id: string, version: number, patch: Partial<PoolRow>): Promise<PoolRow | undefined> {
      const [row] = await tx.update(ipPools).set({ ...patch, version: version + 1 }).where(and(eq(ipPools.id, id), eq(ipPools.version, version))).returning();
      return row;
    },
    replaceReserved: async (tx: Executor, poolId: string, rows: ReservedRow[]) => {
      await tx.delete(ipReservedRanges).where(eq(ipReservedRanges.poolId, poolId));
      if (rows.length) await tx.insert(ipReservedRanges).values(rows);
    },
    /** Addresses allocated now (not those in quarantine), lowest first. */
    liveInPool: (poolId: string, tx: Executor = db) =>
      tx.select({ address: ipAllocations.address }).from(ipAllocations).where(and(eq(ipAllocations.poolId, poolId), isNull(ipAllocations.releasedAt))).orderBy(sql`${ipAllocations.address}`),
    reserved: (poolId: string, tx: Executor = db) => tx.select().from(ipReservedRanges).where(eq(ipReservedRanges.poolId, poolId)),
    /** Addresses held at an instant: allocated, or released but still in quarantine. */
    held: (poolId: string, at: Date, tx: Executor = db) =>
      tx
        .select({ address: ipAllocations.address, releasedAt: ipAllocations.releasedAt })
        .from(ipAllocations)
        .where(and(eq(ipAllocations.poolId, poolId), or(isNull(ipAllocations.heldUntil), gt(ipAllocations.heldUntil, at)))),
    insertAllocation: (tx: Executor, row: AllocationRow) => tx.insert(ipAllocations).values(row),
    /**
     * Allocates the lowest free address of a pool under the pool's lock, in one round trip (the
     * database function ip_allocate_next, migration 0016, which says why it is two statements).
     * `pool` is undefined when there is no such pool; `row` when the pool is full.
     */
    async allocateNext(tx: Executor, row: Omit<AllocationRow, 'address' | 'releasedAt' | 'heldUntil'>): Promise<{ pool?: string; row?: AllocationRow }> {
      const result = await tx.execute(
        sql`SELECT allocated_in, allocated_address FROM ip_allocate_next(${row.poolId}::uuid, ${row.id}::uuid, ${row.serverId}::uuid, ${row.customerId}::uuid, ${row.allocatedAt.toISOString()}::timestamptz)`,
      );
      const [found] = (result as unknown as { rows: { allocated_in: string; allocated_address: string | null }[] }).rows;
      if (!found) return {};
      return { pool: found.allocated_in, row: found.allocated_address ? { ...row, address: found.allocated_address, releasedAt: null, heldUntil: null } : undefined };
    },
    async release(tx: Executor, scope: Scope, id: string, at: Date, heldUntil: Date): Promise<AllocationRow | undefined> {
      const [row] = await tx
        .update(ipAllocations)
        .set({ releasedAt: at, heldUntil })
        .where(and(eq(ipAllocations.id, id), isNull(ipAllocations.releasedAt), tenantFilter(scope, ipAllocations.customerId)))
        .returning();
      return row;
    },
    async findAllocation(scope: Scope, id: string, tx: Executor = db): Promise<AllocationRow | undefined> {
      const [row] = await tx.select().from(ipAllocations).where(and(eq(ipAllocations.id, id), tenantFilter(scope, ipAllocations.customerId)));
      return row;
    },
    activeOfServer: (serverId: string, tx: Executor = db) =>
      tx.select().from(ipAllocations).where(and(eq(ipAllocations.serverId, serverId), isNull(ipAllocations.releasedAt))),
    list: (scope: Scope, f: { serverId?: string; customerId?: string; poolId?: string; activeOnly?: boolean }, limit = 5000) =>
      db
        .select({ allocation: ipAllocations, poolName: ipPools.name, gateway: ipPools.gateway, prefix: ipPools.prefix, vlan: ipPools.vlan })
        .from(ipAllocations)
        .innerJoin(ipPools, eq(ipPools.id, ipAllocations.poolId))
        .where(
          and(
            tenantFilter(scope, ipAllocations.customerId),
            f.serverId ? eq(ipAllocations.serverId, f.serverId) : undefined,
            f.customerId ? eq(ipAllocations.customerId, f.customerId) : undefined,
            f.poolId ? eq(ipAllocations.poolId, f.poolId) : undefined,
            f.activeOnly ? isNull(ipAllocations.releasedAt) : undefined,
          ),
        )
        .orderBy(sql`${ipAllocations.address}`)
        .limit(limit),

    // ── for the compliance gate and complaint intake ──
    /** Every live allocation as (server, address), unbounded: the gate needs all of them. */
    activeAddresses: () => db.select({ serverId: ipAllocations.serverId, address: ipAllocations.address }).from(ipAllocations).where(isNull(ipAllocations.releasedAt)),
    async activeByAddress(address: string, tx: Executor = db): Promise<typeof ipAllocations.$inferSelect | undefined> {
      const [row] = await tx.select().from(ipAllocations).where(and(eq(ipAllocations.address, address), isNull(ipAllocations.releasedAt)));
      return row;
    },
    // ── incident scope ──
    /** The server an address is allocated to now (an IP-scoped incident). */
    serverOfAddress: (address: string, tx: Executor = db) =>
      tx.select({ serverId: ipAllocations.serverId }).from(ipAllocations).where(and(sql`${ipAllocations.address} = ${address}::inet`, isNull(ipAllocations.releasedAt))),
  };
}

export type IpamRepository = ReturnType<typeof makeIpamRepository>;
