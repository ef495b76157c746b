import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { sendCsv } from '../../http/csv.js';
import { FileBody } from '../../http/dto.js';
import { AllocateBody, AllocateNextBody, Allocation, AllocationList, AllocationQuery, CreatePoolBody, IdParams, Pool, PoolList, ReservedList, UpdatePoolBody } from './ipam.dto.js';
import type { IpamService } from './ipam.service.js';

export function ipamRoutes(deps: { ipam: IpamService }): FastifyPluginAsyncZod {
  const { ipam } = deps;
  return async (app) => {
    app.get('/ip-pools', { schema: { tags: ['ipam'], summary: 'IP pools with their usage', response: { 200: PoolList } } }, async (request) => ({ items: await ipam.pools(scopeOf(request)) }));
    app.post(
      '/ip-pools',
      {
        schema: {
          tags: ['ipam'],
          summary: 'Create an IPv4 or IPv6 pool (NOC); overlapping prefixes are refused by the database',
          body: CreatePoolBody,
          response: { 201: Pool },
        },
      },
      async (request, reply) => reply.status(201).send(await ipam.createPool(scopeOf(request), request.body)),
    );
    app.patch('/ip-pools/:id', { schema: { tags: ['ipam'], summary: 'Edit a pool: name, gateway, VLAN, quarantine, site, reserved ranges (NOC); the prefix stays', params: IdParams, body: UpdatePoolBody, response: { 200: Pool } } }, async (request) =>
      ipam.updatePool(scopeOf(request), request.params.id, request.body),
    );
    app.post('/ip-pools/:id/retire', { schema: { tags: ['ipam'], summary: 'Retire a pool (NOC); refused while an address of it is allocated', params: IdParams, response: { 200: Pool } } }, async (request) =>
      ipam.retirePool(scopeOf(request), request.params.id),
    );
    app.get('/ip-pools/:id/reserved', { schema: { tags: ['ipam'], summary: "A pool's reserved ranges (staff)", params: IdParams, response: { 200: ReservedList } } }, async (request) => ({
      items: await ipam.reservedOf(scopeOf(request), request.params.id),
    }));
    app.post('/ip-allocations/next', { schema: { tags: ['ipam'], summary: 'Allocate the next N free addresses of a pool to a server, all or none (6.1)', body: AllocateNextBody, response: { 201: AllocationList } } }, async (request, reply) =>
      reply.status(201).send({ items: await ipam.allocateNext(scopeOf(request), request.body) }),
    );
    app.get(
      '/ip-allocations',
      {
        schema: {
          tags: ['ipam'],
          summary: 'IP allocations (a customer sees its own)',
          querystring: AllocationQuery,
          response: { 200: AllocationList },
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
          body: AllocateBody,
          response: { 201: Allocation },
        },
      },
      async (request, reply) => reply.status(201).send(await ipam.allocate(scopeOf(request), request.body)),
    );
    app.delete('/ip-allocations/:id', { schema: { tags: ['ipam'], summary: 'Release into quarantine', params: IdParams, response: { 200: Allocation } } }, async (request) =>
      ipam.release(scopeOf(request), request.params.id),
    );

    // ── CSV exports (UTF-8 with BOM for Excel) ──
    app.get('/ip-pools/export.csv', { schema: { tags: ['ipam'], summary: 'IP pools with their usage as CSV (staff)', produces: ['text/csv'], response: { 200: FileBody } } }, async (request, reply) =>
      sendCsv(
        reply,
        'ip-pools.csv',
        ['name', 'prefix', 'gateway', 'vlan', 'quarantineDays', 'usable', 'allocated', 'quarantined', 'free'],
        (await ipam.pools(scopeOf(request))).map((p) => [p.name, p.prefix, p.gateway, p.vlan, p.quarantineDays, p.usage.usable, p.usage.allocated, p.usage.quarantined, p.usage.free]),
      ),
    );
    app.get(
      '/ip-allocations/export.csv',
      { schema: { tags: ['ipam'], summary: 'IP allocations as CSV (a customer gets its own; staff exports are audited)', querystring: AllocationQuery, produces: ['text/csv'], response: { 200: FileBody } } },
      async (request, reply) => {
        const rows = await ipam.allocationsExport(scopeOf(request), { ...request.query, activeOnly: request.query.activeOnly !== 'false' });
        return sendCsv(reply, 'ip-allocations.csv', ['address', 'pool', 'prefix', 'serverId', 'customerId', 'allocatedAt', 'releasedAt', 'heldUntil'], rows.map((a) => [a.address, a.poolName, a.prefix, a.serverId, a.customerId, a.allocatedAt, a.releasedAt, a.heldUntil]));
      },
    );
  };
}
