import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { ipAllocations, ipPools, ipReservedRanges } from './ipam.schema.js';

export type PoolRow = typeof ipPools.$inferSelect;
export type ReservedRow = typeof ipReservedRanges.$inferSelect;
export type AllocationRow = typeof ipAllocations.$inferSelect;

export function makeIpamRepository(db: Db) {
  return {
    db,
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
    reserved: (poolId: string, tx: Executor = db) => tx.select().from(ipReservedRanges).where(eq(ipReservedRanges.poolId, poolId)),
    /** Addresses held at an instant: allocated, or released but still in quarantine. */
    held: (poolId: string, at: Date, tx: Executor = db) =>
      tx
        .select({ address: ipAllocations.address, releasedAt: ipAllocations.releasedAt })
        .from(ipAllocations)
        .where(and(eq(ipAllocations.poolId, poolId), or(isNull(ipAllocations.heldUntil), gt(ipAllocations.heldUntil, at)))),
    insertAllocation: (tx: Executor, row: AllocationRow) => tx.insert(ipAllocations).values(row),
    /**
     * Allocates the lowest free address of a pool in one statement: the lowest free address is the
     * first usable one or sits right after something unusable (a held address, a reserved range, the
     * gateway), so only those edges are candidates. Skips network/broadcast (IPv4 wider than /31),
     * the IPv6 subnet-router anycast, the gateway, reserved ranges and every address held now
     * (allocated or in quarantine). Returns undefined when the pool is full.
     * Call after lockPool, as a statement of its own: under READ COMMITTED a statement's snapshot is
     * taken before it waits for a lock, so a FOR UPDATE inside this statement would not see the
     * address the previous lock holder just inserted (the 200-request test catches exactly that).
     */
    async allocateNext(tx: Executor, row: Omit<AllocationRow, 'address' | 'releasedAt' | 'heldUntil'>): Promise<AllocationRow | undefined> {
      const result = await tx.execute(sql`
        WITH pool AS (
          SELECT prefix, gateway, family(prefix) AS fam, host(network(prefix))::inet AS net, host(broadcast(prefix))::inet AS bcast
          FROM ip_pools WHERE id = ${row.poolId}
        ),
        held AS (
          SELECT address FROM ip_allocations
          WHERE pool_id = ${row.poolId} AND (held_until IS NULL OR held_until > ${row.allocatedAt.toISOString()}::timestamptz)
        ),
        reserved AS (SELECT first_address AS s, last_address AS e FROM ip_reserved_ranges WHERE pool_id = ${row.poolId}),
        edges AS (
          -- UNION ALL: a duplicate candidate is harmless under ORDER BY … LIMIT 1, deduplicating is not free
          SELECT net AS a FROM pool
          UNION ALL SELECT net + 1 FROM pool
          UNION ALL SELECT address + 1 FROM held
          UNION ALL SELECT e + 1 FROM reserved
          UNION ALL SELECT gateway + 1 FROM pool WHERE gateway IS NOT NULL
        )
        INSERT INTO ip_allocations (id, pool_id, address, server_id, customer_id, allocated_at)
        SELECT ${row.id}::uuid, ${row.poolId}::uuid, c.a, ${row.serverId}::uuid, ${row.customerId}::uuid, ${row.allocatedAt.toISOString()}::timestamptz
        FROM edges c, pool p
        WHERE c.a <<= p.prefix
          AND NOT (c.a = p.net AND (p.fam = 6 OR masklen(p.prefix) < 31))
          AND NOT (p.fam = 4 AND masklen(p.prefix) < 31 AND c.a = p.bcast)
          AND c.a IS DISTINCT FROM p.gateway
          AND NOT EXISTS (SELECT 1 FROM reserved r WHERE c.a BETWEEN r.s AND r.e)
          AND NOT EXISTS (SELECT 1 FROM held h WHERE h.address = c.a)
        ORDER BY c.a
        LIMIT 1
        RETURNING host(address) AS address`);
      const rows = (result as unknown as { rows: { address: string }[] }).rows;
      return rows[0] ? { ...row, address: rows[0].address, releasedAt: null, heldUntil: null } : undefined;
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
    async activeByAddress(address: string): Promise<typeof ipAllocations.$inferSelect | undefined> {
      const [row] = await db.select().from(ipAllocations).where(and(eq(ipAllocations.address, address), isNull(ipAllocations.releasedAt)));
      return row;
    },
    // ── incident scope ──
    /** The server an address is allocated to now (an IP-scoped incident). */
    serverOfAddress: (address: string, tx: Executor = db) =>
      tx.select({ serverId: ipAllocations.serverId }).from(ipAllocations).where(and(sql`${ipAllocations.address} = ${address}::inet`, isNull(ipAllocations.releasedAt))),
  };
}

export type IpamRepository = ReturnType<typeof makeIpamRepository>;
