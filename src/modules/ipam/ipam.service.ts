import type { Clock } from '../../core/clock.js';
import { AppError, someNames, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { violates } from '../../db/pg-errors.js';
import { cidrContains, cidrSize, formatIp, parseCidr, parseIp, type Cidr, type IpAddress } from '../../rules/index.js';
import type { Emitter } from '../../core/reactions.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { AllocationRow, IpamRepository, PoolRow, RegisterSegmentRow, ReservedRow } from './ipam.repository.js';

const DAY = 86_400_000;

/** Addresses a pool never hands out: network and broadcast (IPv4 wider than /31), the gateway, reserved ranges. */
function unusable(pool: Cidr, gateway: IpAddress | null, reserved: { first: bigint; last: bigint }[], v: bigint): boolean {
  const size = cidrSize(pool);
  if (pool.version === 4 && size > 2n && (v === pool.network || v === pool.network + size - 1n)) return true;
  if (pool.version === 6 && v === pool.network) return true; // the subnet-router anycast address
  if (gateway && gateway.value === v) return true;
  return reserved.some((r) => v >= r.first && v <= r.last);
}

/** What a pool form may set besides its name and prefix. */
interface PoolInput {
  gateway?: string | null;
  vlan?: number | null;
  quarantineDays?: number;
  siteId?: string | null;
  reserved?: { first: string; last: string; reason: string }[];
}

export function makeIpamService(deps: {
  repo: IpamRepository;
  servers: Pick<ServersService, 'findServer'>;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
  /** emits ipam.addressReleased (ipam.events.ts) inside the release's transaction */
  bus: Emitter<Executor>;
}) {
  const { repo, audit, clock, ids, bus } = deps;

  function poolCidr(pool: PoolRow): Cidr {
    const c = parseCidr(pool.prefix);
    if ('error' in c) throw new Error(`pool ${pool.name} has an invalid prefix ${pool.prefix}`);
    return c;
  }
  const reservedRanges = (rows: ReservedRow[]) => rows.map((r) => ({ first: parseIp(r.firstAddress)!.value, last: parseIp(r.lastAddress)!.value }));

  async function usage(pool: PoolRow) {
    const cidr = poolCidr(pool);
    const reserved = reservedRanges(await repo.reserved(pool.id));
    const held = await repo.held(pool.id, clock.now());
    const size = cidrSize(cidr);
    let unusableCount = 0n;
    if (cidr.version === 4 && size > 2n) unusableCount += 2n;
    if (cidr.version === 6) unusableCount += 1n;
    if (pool.gateway) unusableCount += 1n;
    for (const r of reserved) unusableCount += r.last - r.first + 1n;
    const usable = size - unusableCount;
    const allocated = held.filter((h) => h.releasedAt === null).length;
    const quarantined = held.length - allocated;
    return { usable: usable.toString(), allocated, quarantined, free: (usable - BigInt(held.length)).toString() };
  }

  /** The gateway and reserved ranges checked against the prefix; every wrong one named at its field. */
  function checkPoolInput(cidr: Cidr | null, input: { gateway?: string | null; reserved?: { first: string; last: string; reason: string }[] }, fields: FieldError[]) {
    const gateway = input.gateway ? parseIp(input.gateway) : null;
    if (input.gateway && (!gateway || (cidr !== null && !cidrContains(cidr, gateway)))) fields.push({ path: 'gateway', key: 'ipam.gatewayOutside' });
    const reserved = (input.reserved ?? []).map((r, i) => {
      const first = parseIp(r.first);
      const last = parseIp(r.last);
      if (!first || !last || cidr === null || !cidrContains(cidr, first) || !cidrContains(cidr, last) || first.value > last.value) fields.push({ path: `reserved.${i}`, key: 'ipam.rangeOutside' });
      return { first, last, reason: r.reason };
    });
    if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
    return { gateway: gateway ? formatIp(gateway) : null, reserved: reserved.map((r) => ({ firstAddress: formatIp(r.first!), lastAddress: formatIp(r.last!), reason: r.reason })) };
  }

  const service = {
    async createPool(scope: Scope, input: PoolInput & { name: string; prefix: string }, outer?: Executor) {
      requirePermission(scope, 'ipPool.create');
      const cidr = parseCidr(input.prefix);
      const checked = checkPoolInput('error' in cidr ? null : cidr, input, 'error' in cidr ? [{ path: 'prefix', key: cidr.error }] : []);
      const c = cidr as Cidr;
      const pool: PoolRow = {
        id: ids.uuid(),
        name: input.name.trim(),
        siteId: input.siteId ?? null,
        prefix: `${formatIp({ version: c.version, value: c.network })}/${c.prefix}`,
        gateway: checked.gateway,
        vlan: input.vlan ?? null,
        quarantineDays: input.quarantineDays ?? 30,
        createdAt: clock.now(),
        version: 1,
        retiredAt: null,
      };
      try {
        await (outer ?? repo.db).transaction(async (tx) => {
          await repo.insertPool(tx, pool);
          if (checked.reserved.length) await repo.insertReserved(tx, checked.reserved.map((r) => ({ ...r, id: ids.uuid(), poolId: pool.id })));
          await audit.record(tx, scope, { action: 'ipPool.create', entity: 'ip_pool', entityId: pool.id, after: { ...pool, reserved: input.reserved ?? [] } });
        });
      } catch (err) {
        if (violates(err, 'ip_pools_no_overlap')) throw new AppError('IP_POOL_OVERLAP', {}, [{ path: 'prefix', key: 'IP_POOL_OVERLAP' }]);
        if (violates(err, 'ip_pools_name_key')) throw new AppError('CONFLICT', { detail: input.name }, [{ path: 'name', key: 'inventory.nameTaken' }]);
        throw err;
      }
      return pool;
    },

    /**
     * Name, gateway, VLAN, quarantine, site and the reserved ranges (replaced as a whole); the prefix
     * stays. A gateway or reserved range may not cover an address allocated now.
     */
    async updatePool(scope: Scope, id: string, input: PoolInput & { version: number; name?: string }) {
      requirePermission(scope, 'ipPool.update');
      try {
        return await repo.db.transaction(async (tx) => {
          const before = await repo.lockPool(tx, id);
          if (!before) throw new AppError('NOT_FOUND', { entity: 'ip_pool' });
          if (before.version !== input.version) throw new AppError('STALE_VERSION', {}, [{ path: 'version', key: 'STALE_VERSION' }]);
          if (before.retiredAt) throw new AppError('RETIRED', { entity: 'ip_pool', name: before.name });
          const cidr = poolCidr(before);
          const checked = checkPoolInput(cidr, { gateway: input.gateway === undefined ? before.gateway : input.gateway, reserved: input.reserved }, []);
          const live = (await repo.liveInPool(id, tx)).map((a) => parseIp(a.address)!);
          const fields: FieldError[] = [];
          const gw = checked.gateway ? parseIp(checked.gateway) : null;
          const hit = gw && live.find((a) => a.value === gw.value);
          if (hit && input.gateway !== undefined) fields.push({ path: 'gateway', key: 'ipam.coversAllocated', params: { address: formatIp(hit) } });
          checked.reserved.forEach((r, i) => {
            const first = parseIp(r.firstAddress)!.value;
            const last = parseIp(r.lastAddress)!.value;
            const held = live.find((a) => a.value >= first && a.value <= last);
            if (held) fields.push({ path: `reserved.${i}`, key: 'ipam.coversAllocated', params: { address: formatIp(held) } });
          });
          if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
          const after = (await repo.updatePool(tx, id, before.version, {
            name: input.name?.trim(),
            gateway: checked.gateway,
            vlan: input.vlan,
            quarantineDays: input.quarantineDays,
            siteId: input.siteId,
          }))!;
          if (input.reserved) await repo.replaceReserved(tx, id, checked.reserved.map((r) => ({ ...r, id: ids.uuid(), poolId: id })));
          await audit.record(tx, scope, { action: 'ipPool.update', entity: 'ip_pool', entityId: id, before, after: { ...after, ...(input.reserved ? { reserved: input.reserved } : {}) } });
          return after;
        });
      } catch (err) {
        if (violates(err, 'ip_pools_name_key')) throw new AppError('CONFLICT', { detail: input.name }, [{ path: 'name', key: 'inventory.nameTaken' }]);
        throw err;
      }
    },

    /** A pool is retired once none of its addresses is allocated (quarantined ones may rest). */
    async retirePool(scope: Scope, id: string) {
      requirePermission(scope, 'ipPool.retire');
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockPool(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'ip_pool' });
        if (before.retiredAt) return before;
        const live = await repo.liveInPool(id, tx);
        if (live.length) throw new AppError('IP_POOL_IN_USE', { pool: before.name, count: live.length, names: someNames(live.map((a) => formatIp(parseIp(a.address)!))) });
        const after = (await repo.updatePool(tx, id, before.version, { retiredAt: clock.now() }))!;
        await audit.record(tx, scope, { action: 'ipPool.retire', entity: 'ip_pool', entityId: id, before, after });
        return after;
      });
    },

    /** The reserved ranges of a pool (the edit form shows them). */
    async reservedOf(scope: Scope, poolId: string) {
      requireStaff(scope);
      return (await repo.reserved(poolId)).map((r) => ({ first: r.firstAddress, last: r.lastAddress, reason: r.reason }));
    },

    async pools(scope: Scope) {
      requireStaff(scope);
      return Promise.all((await repo.listPools()).map(async (p) => ({ ...p, usage: await usage(p) })));
    },

    /**
     * 6.1's dedicated IP: the next free address of the pool, or a chosen one. The pool row is
     * locked for the transaction (allocations in other pools go on), and the database's EXCLUDE
     * constraint is the last word: an address is never held twice, nor reused in quarantine.
     */
    async allocate(scope: Scope, input: { poolId: string; serverId: string; address?: string | null }, outer?: Executor): Promise<AllocationRow> {
      requirePermission(scope, 'ip.allocate');
      const server = await deps.servers.findServer(scope, input.serverId, outer);
      if (!server) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'serverId', key: 'field.invalid' }]);
      if (server.status === 'removed') throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: 'ip' });
      const wanted = input.address ? parseIp(input.address) : null;
      if (input.address && !wanted) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'address', key: 'IP_FORMAT' }]);
      const target = await repo.findPool(input.poolId, outer);
      if (target?.retiredAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'poolId', key: 'inventory.parentRetired', params: { name: target.name } }]);
      try {
        return await (outer ?? repo.db).transaction(async (tx) => {
          const now = clock.now();
          let row: AllocationRow;
          if (wanted) {
            const pool = await repo.lockPool(tx, input.poolId);
            if (!pool) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'poolId', key: 'field.invalid' }]);
            const cidr = poolCidr(pool);
            const gateway = pool.gateway ? parseIp(pool.gateway) : null;
            const reserved = reservedRanges(await repo.reserved(pool.id, tx));
            if (!cidrContains(cidr, wanted) || unusable(cidr, gateway, reserved, wanted.value)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'address', key: 'ipam.notAllocatable' }]);
            row = { id: ids.uuid(), poolId: pool.id, address: formatIp(wanted), serverId: server.id, customerId: server.customerId, allocatedAt: now, releasedAt: null, heldUntil: null };
            await repo.insertAllocation(tx, row);
          } else {
            // the lowest free address, found and inserted by the database under the pool's lock
            const next = await repo.allocateNext(tx, { id: ids.uuid(), poolId: input.poolId, serverId: server.id, customerId: server.customerId, allocatedAt: now });
            if (next.pool === undefined) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'poolId', key: 'field.invalid' }]);
            if (!next.row) throw new AppError('IP_POOL_EXHAUSTED', { pool: next.pool });
            row = { ...next.row, address: formatIp(parseIp(next.row.address)!) };
          }
          await bus.emit(tx, scope, 'ipam.addressAllocated', row);
          await audit.record(tx, scope, { action: 'ip.allocate', entity: 'server', entityId: server.id, customerId: server.customerId, after: row });
          return row;
        });
      } catch (err) {
        if (violates(err, 'ip_allocations_never_twice')) {
          const address = wanted ? formatIp(wanted) : '';
          throw new AppError('IP_ALREADY_ALLOCATED', { address }, [{ path: 'address', key: 'IP_ALREADY_ALLOCATED', params: { address } }]);
        }
        throw err;
      }
    },

    /** 6.1 in bulk: the next `count` free addresses of a pool to one server — all of them, or none (the pool too small). */
    async allocateNext(scope: Scope, input: { poolId: string; serverId: string; count: number }): Promise<AllocationRow[]> {
      requirePermission(scope, 'ip.allocate');
      return repo.db.transaction(async (tx) => {
        const rows: AllocationRow[] = [];
        for (let i = 0; i < input.count; i += 1) rows.push(await service.allocate(scope, { poolId: input.poolId, serverId: input.serverId }, tx));
        return rows;
      });
    },

    /** Released addresses rest in quarantine (the pool's days) before anyone gets them again. */
    async release(scope: Scope, allocationId: string, tx?: Executor) {
      requirePermission(scope, 'ip.release');
      const run = async (t: Executor) => {
        const current = await repo.findAllocation(scope, allocationId, t);
        if (!current) throw new AppError('NOT_FOUND', { entity: 'ip_allocation' });
        const pool = await repo.findPool(current.poolId, t);
        const now = clock.now();
        const row = await repo.release(t, scope, allocationId, now, new Date(now.getTime() + (pool?.quarantineDays ?? 30) * DAY));
        if (!row) throw new AppError('NOT_FOUND', { entity: 'ip_allocation' });
        await bus.emit(t, scope, 'ipam.addressReleased', row);
        await audit.record(t, scope, { action: 'ip.release', entity: 'server', entityId: row.serverId, customerId: row.customerId, after: row });
        return row;
      };
      return tx ? run(tx) : repo.db.transaction(run);
    },

    /** A server left (facility.serverRemoved, see reactions.ts): every live address of it goes to quarantine. */
    async releaseForServer(tx: Executor, scope: Scope, serverId: string) {
      const now = clock.now();
      for (const a of await repo.activeOfServer(serverId, tx)) {
        const pool = await repo.findPool(a.poolId, tx);
        const row = await repo.release(tx, scope, a.id, now, new Date(now.getTime() + (pool?.quarantineDays ?? 30) * DAY));
        if (!row) continue;
        await bus.emit(tx, scope, 'ipam.addressReleased', row);
        await audit.record(tx, scope, { action: 'ip.release', entity: 'server', entityId: serverId, customerId: row.customerId, after: row });
      }
    },

    /** A live allocation the scope may see, with its pool's prefix (for reverse DNS). */
    async liveAllocation(scope: Scope, id: string, tx?: Executor): Promise<(AllocationRow & { prefix: string }) | undefined> {
      requireReader(scope);
      const row = await repo.findAllocation(scope, id, tx);
      if (!row || row.releasedAt) return undefined;
      const pool = await repo.findPool(row.poolId, tx);
      return pool ? { ...row, prefix: pool.prefix } : undefined;
    },

    /** Every pool's prefix (reverse zones are derived from them); the provider's data, staff only. */
    async prefixes(scope: Scope) {
      requireStaff(scope);
      return (await repo.listPools()).map((p) => ({ id: p.id, name: p.name, prefix: p.prefix }));
    },

    /** Every allocation matching the filter, for the CSV export; a staff export is audited as one read. */
    async allocationsExport(scope: Scope, filter: { serverId?: string; customerId?: string; poolId?: string; activeOnly?: boolean }) {
      requireReader(scope);
      await audit.recordRead(scope, { entity: 'ip_allocation_export', entityId: JSON.stringify(filter), customerId: filter.customerId });
      return (await repo.list(scope, filter, 10_000_000)).map((r) => ({ ...r.allocation, poolName: r.poolName, prefix: r.prefix }));
    },

    /** Issue 19 §3 (doc-versions): a server's live addresses, read in the caller's transaction (the racking's). */
    async addressesIn(tx: Executor, serverId: string): Promise<string[]> {
      return (await repo.activeOfServer(serverId, tx)).map((a) => a.address).sort();
    },

    async allocations(scope: Scope, filter: { serverId?: string; customerId?: string; poolId?: string; activeOnly?: boolean }) {
      requireReader(scope);
      return (await repo.list(scope, filter)).map((r) => ({ ...r.allocation, poolName: r.poolName, gateway: r.gateway, prefix: r.prefix, vlan: r.vlan }));
    },

    // ── NetBox import: an address NetBox knows but no server of ours holds (a gateway, a switch, a VM, a reservation) ──
    /** Reserves one address of a pool, in the importer's transaction; 'exists' when a reserved range already covers it. */
    async reserveAddress(scope: Scope, input: { poolId: string; address: string; reason: string }, tx: Executor): Promise<'created' | 'exists'> {
      requirePermission(scope, 'ipPool.create');
      const ip = parseIp(input.address);
      const pool = await repo.lockPool(tx, input.poolId);
      if (!ip || !pool || !cidrContains(poolCidr(pool), ip)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'address', key: 'ipam.rangeOutside' }]);
      if (reservedRanges(await repo.reserved(pool.id, tx)).some((r) => ip.value >= r.first && ip.value <= r.last)) return 'exists';
      const row = { id: ids.uuid(), poolId: pool.id, firstAddress: formatIp(ip), lastAddress: formatIp(ip), reason: input.reason };
      await repo.insertReserved(tx, [row]);
      await audit.record(tx, scope, { action: 'ipPool.reserve', entity: 'ip_pool', entityId: pool.id, after: row });
      return 'created';
    },

    // ── for the regulator module (issue 22) ──
    /** The IP-segment records: runs of addresses per pool, holder and state, and the reserved ranges. */
    async registerSegments(scope: Scope) {
      requireStaff(scope, 'compliance', 'auditor');
      return repo.registerSegments(clock.now());
    },
    /** The same records `batch` at a time (a register too large to hold whole); `onBatch` must not query the database. */
    async eachRegisterSegment(scope: Scope, batch: number, onBatch: (rows: RegisterSegmentRow[]) => Promise<void> | void) {
      requireStaff(scope, 'compliance', 'auditor');
      await repo.eachRegisterSegments(clock.now(), batch, onBatch);
    },
    /** Live allocations with no server (the server's row gone): an address held for nobody. */
    async allocationsWithoutServer(scope: Scope) {
      requireStaff(scope, 'compliance', 'auditor');
      return repo.allocationsWithoutServer();
    },

    // ── for the compliance module (gate, complaint intake) ──
    /** All live (server, address) pairs: the gate passes a domain only to an address its server still holds. */
    async activeAddresses(scope: Scope) {
      requireStaff(scope, 'compliance', 'noc');
      return repo.activeAddresses();
    },
    /** Who holds an address now (5.4 complaints name an IP): the allocation, or null. */
    /** Who holds an address now; `tx` when the caller is inside a transaction (the embedded database has one connection). */
    async holderOf(scope: Scope, address: string, tx?: Executor) {
      requireStaff(scope, 'compliance', 'noc');
      const ip = parseIp(address);
      if (!ip) return null;
      return (await repo.activeByAddress(formatIp(ip), tx)) ?? null;
    },
    // ── incidents: an IP-scoped incident resolves to the server holding the address ──
    async serverOfAddress(tx: Executor, address: string): Promise<string | undefined> {
      const [row] = await repo.serverOfAddress(address, tx);
      return row?.serverId ?? undefined;
    },
  };
  return service;
}

export type IpamService = ReturnType<typeof makeIpamService>;
