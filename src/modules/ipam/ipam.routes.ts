import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { sendCsv } from '../../http/csv.js';
import { IdParams, Timestamp } from '../../http/dto.js';
import type { IpamService } from './ipam.service.js';

const Pool = z
  .object({
    id: z.uuid(),
    name: z.string(),
    siteId: z.uuid().nullable(),
    prefix: z.string(),
    gateway: z.string().nullable(),
    vlan: z.number().nullable(),
    quarantineDays: z.number(),
    createdAt: Timestamp,
    usage: z.object({ usable: z.string(), allocated: z.number(), quarantined: z.number(), free: z.string() }).optional(),
  })
  .meta({ id: 'IpPool' });
const Allocation = z
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

export function ipamRoutes(deps: { ipam: IpamService }): FastifyPluginAsyncZod {
  const { ipam } = deps;
  return async (app) => {
    app.get('/ip-pools', { schema: { tags: ['ipam'], summary: 'IP pools with their usage', response: { 200: z.object({ items: z.array(Pool) }) } } }, async (request) => ({ items: await ipam.pools(scopeOf(request)) }));
    app.post(
      '/ip-pools',
      {
        schema: {
          tags: ['ipam'],
          summary: 'Create an IPv4 or IPv6 pool (NOC); overlapping prefixes are refused by the database',
          body: z.object({
            name: z.string().trim().min(1).max(50),
            prefix: z.string().trim().min(3).max(50),
            gateway: z.string().trim().max(50).nullable().optional(),
            vlan: z.number().int().min(1).max(4094).nullable().optional(),
            quarantineDays: z.number().int().min(0).max(365).optional(),
            siteId: z.uuid().nullable().optional(),
            reserved: z.array(z.object({ first: z.string(), last: z.string(), reason: z.string().trim().min(1).max(100) })).max(100).optional(),
          }),
          response: { 201: Pool },
        },
      },
      async (request, reply) => reply.status(201).send(await ipam.createPool(scopeOf(request), request.body)),
    );
    app.get(
      '/ip-allocations',
      {
        schema: {
          tags: ['ipam'],
          summary: 'IP allocations (a customer sees its own)',
          querystring: z.object({ serverId: z.uuid().optional(), customerId: z.uuid().optional(), poolId: z.uuid().optional(), activeOnly: z.enum(['true', 'false']).optional() }),
          response: { 200: z.object({ items: z.array(Allocation) }) },
        },
      },
      async (request) => ({ items: await ipam.allocations(scopeOf(request), { ...request.query, activeOnly: request.query.activeOnly !== 'false' }) }),
    );
    app.post(
      '/ip-allocations',
      {
        schema: {
          tags: ['ipam'],
          summary: 'Allocate the next free address of a pool, or a chosen one, to a server (6.1)',
          body: z.object({ poolId: z.uuid(), serverId: z.uuid(), address: z.string().trim().max(50).nullable().optional() }),
          response: { 201: Allocation },
        },
      },
      async (request, reply) => reply.status(201).send(await ipam.allocate(scopeOf(request), request.body)),
    );
    app.delete('/ip-allocations/:id', { schema: { tags: ['ipam'], summary: 'Release into quarantine', params: IdParams, response: { 200: Allocation } } }, async (request) =>
      ipam.release(scopeOf(request), request.params.id),
    );

    // ── CSV exports (UTF-8 with BOM for Excel) ──
    app.get('/ip-pools/export.csv', { schema: { tags: ['ipam'], summary: 'IP pools with their usage as CSV (staff)' } }, async (request, reply) =>
      sendCsv(
        reply,
        'ip-pools.csv',
        ['name', 'prefix', 'gateway', 'vlan', 'quarantineDays', 'usable', 'allocated', 'quarantined', 'free'],
        (await ipam.pools(scopeOf(request))).map((p) => [p.name, p.prefix, p.gateway, p.vlan, p.quarantineDays, p.usage.usable, p.usage.allocated, p.usage.quarantined, p.usage.free]),
      ),
    );
    app.get(
      '/ip-allocations/export.csv',
      { schema: { tags: ['ipam'], summary: 'IP allocations as CSV (a customer gets its own; staff exports are audited)', querystring: z.object({ serverId: z.uuid().optional(), customerId: z.uuid().optional(), poolId: z.uuid().optional(), activeOnly: z.enum(['true', 'false']).optional() }) } },
      async (request, reply) => {
        const rows = await ipam.allocationsExport(scopeOf(request), { ...request.query, activeOnly: request.query.activeOnly !== 'false' });
        return sendCsv(reply, 'ip-allocations.csv', ['address', 'pool', 'prefix', 'serverId', 'customerId', 'allocatedAt', 'releasedAt', 'heldUntil'], rows.map((a) => [a.address, a.poolName, a.prefix, a.serverId, a.customerId, a.allocatedAt, a.releasedAt, a.heldUntil]));
      },
    );
  };
}
