import { z } from 'zod';
import { IdParams, ItemsOf, RowVersion, Timestamp } from '../../http/dto.js';

export { IdParams };
export const Pool = z
  .object({
    id: z.uuid(),
    name: z.string(),
    siteId: z.uuid().nullable(),
    prefix: z.string(),
    gateway: z.string().nullable(),
    vlan: z.number().nullable(),
    quarantineDays: z.number(),
    createdAt: Timestamp,
    version: z.number(),
    retiredAt: Timestamp,
  })
  .meta({ id: 'IpPool' });
export const Allocation = z
  .object({
    id: z.uuid(),
    poolId: z.uuid(),
    address: z.string(),
    serverId: z.uuid().nullable(),
    customerId: z.uuid(),
    allocatedAt: Timestamp,
    releasedAt: Timestamp,
    heldUntil: Timestamp,
    poolName: z.string().optional(),
    gateway: z.string().nullable().optional(),
    prefix: z.string().optional(),
    vlan: z.number().nullable().optional(),
  })
  .meta({ id: 'IpAllocation' });

/** A pool as listed: with how full it is (usable, allocated, in quarantine, free). */
export const PoolWithUsage = Pool.extend({ usage: z.object({ usable: z.string(), allocated: z.number(), quarantined: z.number(), free: z.string() }) }).meta({ id: 'IpPoolWithUsage' });
export const PoolList = ItemsOf(PoolWithUsage);
const ReservedRange = z.object({ first: z.string(), last: z.string(), reason: z.string().trim().min(1).max(100) }).meta({ id: 'IpReservedRange' });
const PoolFields = {
  gateway: z.string().trim().max(50).nullable().optional(),
  vlan: z.number().int().min(1).max(4094).nullable().optional(),
  quarantineDays: z.number().int().min(0).max(365).optional(),
  siteId: z.uuid().nullable().optional(),
  reserved: z.array(ReservedRange).max(100).optional(),
};
export const CreatePoolBody = z.object({ name: z.string().trim().min(1).max(50), prefix: z.string().trim().min(3).max(50), ...PoolFields });
/** The prefix stays; reserved ranges, when given, replace the pool's. */
export const UpdatePoolBody = z.object({ name: z.string().trim().min(1).max(50).optional(), ...PoolFields, version: RowVersion });
export const ReservedList = ItemsOf(ReservedRange);
export const AllocateNextBody = z.object({ poolId: z.uuid(), serverId: z.uuid(), count: z.number().int().min(1).max(256) });
export const AllocationQuery = z.object({ serverId: z.uuid().optional(), customerId: z.uuid().optional(), poolId: z.uuid().optional(), activeOnly: z.enum(['true', 'false']).optional() });
export const AllocationList = ItemsOf(Allocation);
export const AllocateBody = z.object({ poolId: z.uuid(), serverId: z.uuid(), address: z.string().trim().max(50).nullable().optional() });
