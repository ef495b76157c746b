import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { sendCsv } from '../../http/csv.js';
import { IdParams, Timestamp } from '../../http/dto.js';
import { SERVER_STATUSES } from './facility.schema.js';
import type { FloorService } from './floor.service.js';
import type { NetworkService } from './network.service.js';
import type { ServersService } from './servers.service.js';

const name = (max = 100) => z.string().trim().min(1).max(max);

const Server = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    contractId: z.uuid().nullable(),
    brand: z.string(),
    model: z.string(),
    serialNumber: z.string(),
    name: z.string().nullable().optional(),
    heightU: z.number(),
    powerW: z.number(),
    status: z.enum(SERVER_STATUSES),
    rackedAt: Timestamp,
    removedAt: Timestamp,
    version: z.number(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Server' });

const Site = z.object({ id: z.uuid(), code: z.string(), name: z.string(), address: z.string(), accessPoint: z.string(), createdAt: Timestamp }).meta({ id: 'Site' });
const Cabinet = z.object({ id: z.uuid(), roomId: z.uuid(), roomName: z.string().optional(), siteId: z.uuid().optional(), code: z.string(), heightU: z.number(), powerBudgetW: z.number(), status: z.string(), createdAt: Timestamp }).meta({ id: 'Cabinet' });
const Inspection = z.object({ id: z.uuid(), serverId: z.uuid(), powerSupplies: z.boolean(), rails: z.boolean(), interfaces: z.boolean(), labelling: z.boolean(), passed: z.boolean(), notes: z.string().nullable(), inspectedAt: Timestamp });
const PortAssignment = z.object({ id: z.uuid(), portId: z.uuid(), serverId: z.uuid(), customerId: z.uuid(), interfaceName: z.string(), bandwidthMbps: z.number(), shared: z.boolean(), assignedAt: Timestamp, releasedAt: Timestamp, portName: z.string().optional(), switchName: z.string().optional() });
const ServerDetail = Server.extend({
  placement: z.object({ cabinetId: z.uuid(), cabinetCode: z.string(), roomName: z.string(), siteName: z.string(), faces: z.array(z.string()), lowest: z.number(), highest: z.number() }).nullable(),
  ports: z.array(PortAssignment),
  inspections: z.array(Inspection.passthrough()),
});

export function facilityRoutes(deps: { floor: FloorService; servers: ServersService; network: NetworkService }): FastifyPluginAsyncZod {
  const { floor, servers, network } = deps;
  return async (app) => {
    app.get('/sites', { schema: { tags: ['facility'], summary: 'Sites (机房)', response: { 200: z.object({ items: z.array(Site) }) } } }, async (request) => ({ items: await floor.sites(scopeOf(request)) }));
    app.post(
      '/sites',
      { schema: { tags: ['facility'], summary: 'Create a site (NOC)', body: z.object({ code: z.string().regex(/^[A-Z0-9-]{2,20}$/), name: name(), address: name(200), accessPoint: name() }), response: { 201: Site } } },
      async (request, reply) => reply.status(201).send(await floor.createSite(scopeOf(request), request.body)),
    );
    app.get(
      '/rooms',
      { schema: { tags: ['facility'], summary: 'Rooms', querystring: z.object({ siteId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), siteId: z.uuid(), name: z.string(), createdAt: Timestamp })) }) } } },
      async (request) => ({ items: await floor.rooms(scopeOf(request), request.query.siteId) }),
    );
    app.post(
      '/rooms',
      { schema: { tags: ['facility'], summary: 'Create a room (NOC)', body: z.object({ siteId: z.uuid(), name: name() }), response: { 201: z.object({ id: z.uuid(), siteId: z.uuid(), name: z.string(), createdAt: Timestamp }) } } },
      async (request, reply) => reply.status(201).send(await floor.createRoom(scopeOf(request), request.body)),
    );
    app.get(
      '/cabinets',
      { schema: { tags: ['facility'], summary: 'Cabinets (a customer sees those holding its servers)', querystring: z.object({ roomId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(Cabinet) }) } } },
      async (request) => ({ items: (await floor.cabinets(scopeOf(request), request.query.roomId)).map((r) => ({ ...r.cabinet, roomName: r.roomName, siteId: r.siteId })) }),
    );
    app.post(
      '/cabinets',
      { schema: { tags: ['facility'], summary: 'Create a cabinet (NOC)', body: z.object({ roomId: z.uuid(), code: name(20), heightU: z.number().int().min(1).max(60).optional(), powerBudgetW: z.number().int().min(1).optional() }), response: { 201: Cabinet } } },
      async (request, reply) => reply.status(201).send(await floor.createCabinet(scopeOf(request), request.body)),
    );
    app.get('/cabinets/:id/elevation.svg', { schema: { tags: ['facility'], summary: 'Rack elevation, both faces (SVG)', params: IdParams } }, async (request, reply) => {
      const svg = await floor.elevation(scopeOf(request), request.params.id, request.locale);
      return reply.type('image/svg+xml; charset=utf-8').header('x-content-type-options', 'nosniff').send(svg);
    });

    app.get(
      '/servers',
      {
        schema: {
          tags: ['facility'],
          summary: 'Servers (a customer sees its own); with page/pageSize one page and the total',
          querystring: z.object({ customerId: z.uuid().optional(), status: z.enum(SERVER_STATUSES).optional(), page: z.coerce.number().int().min(1).optional(), pageSize: z.coerce.number().int().min(1).max(200).optional() }),
          response: { 200: z.object({ items: z.array(Server), total: z.number().optional() }) },
        },
      },
      async (request) => {
        const { page, pageSize, ...filter } = request.query;
        if (page === undefined && pageSize === undefined) return { items: await servers.servers(scopeOf(request), filter) };
        return servers.serverPage(scopeOf(request), filter, { page: page ?? 1, pageSize: pageSize ?? 50 });
      },
    );
    app.post(
      '/servers',
      {
        schema: {
          tags: ['facility'],
          summary: 'Register a customer server, expected at the site (第二条)',
          body: z.object({ customerId: z.uuid(), brand: name(50), model: name(50), serialNumber: name(60), name: name(64).nullable().optional(), heightU: z.number().int().min(1).max(10), powerW: z.number().int().min(1).max(10_000).optional(), contractId: z.uuid().nullable().optional() }),
          response: { 201: Server },
        },
      },
      async (request, reply) => reply.status(201).send(await servers.createServer(scopeOf(request), request.body)),
    );
    app.get('/servers/:id', { schema: { tags: ['facility'], summary: 'One server with its placement, ports and inspections', params: IdParams, response: { 200: ServerDetail } } }, async (request) =>
      servers.server(scopeOf(request), request.params.id),
    );
    app.post(
      '/servers/:id/inspections',
      {
        schema: {
          tags: ['facility'],
          summary: 'Record the intake inspection (5.2)',
          params: IdParams,
          body: z.object({ powerSupplies: z.boolean(), rails: z.boolean(), interfaces: z.boolean(), labelling: z.boolean(), notes: z.string().max(500).nullable().optional() }),
          response: { 201: Inspection.passthrough() },
        },
      },
      async (request, reply) => reply.status(201).send(await servers.inspect(scopeOf(request), request.params.id, request.body)),
    );
    app.post(
      '/servers/:id/rack',
      {
        schema: {
          tags: ['facility'],
          summary: 'Rack a server: sets the activation date (7.1); 409 when the U range is occupied',
          params: IdParams,
          body: z.object({ cabinetId: z.uuid(), lowestU: z.number().int().min(1).max(60), face: z.enum(['front', 'rear', 'full']) }),
          response: { 200: Server },
        },
      },
      async (request) => servers.rack(scopeOf(request), request.params.id, request.body),
    );
    app.post(
      '/servers/:id/status',
      { schema: { tags: ['facility'], summary: 'Move a server to commissioning, in service or suspended', params: IdParams, body: z.object({ status: z.enum(['commissioning', 'in_service', 'suspended']) }), response: { 200: Server } } },
      async (request) => servers.setStatus(scopeOf(request), request.params.id, request.body.status),
    );
    app.post('/servers/:id/remove', { schema: { tags: ['facility'], summary: 'Take a server off the rack (U, ports and IPs released)', params: IdParams, response: { 200: Server } } }, async (request) =>
      servers.remove(scopeOf(request), request.params.id),
    );

    app.get(
      '/switches',
      { schema: { tags: ['facility'], summary: 'Switches', response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), roomId: z.uuid(), cabinetId: z.uuid().nullable(), name: z.string(), model: z.string(), uplinkMbps: z.number(), createdAt: Timestamp })) }) } } },
      async (request) => ({ items: await network.switches(scopeOf(request)) }),
    );
    app.post(
      '/switches',
      {
        schema: {
          tags: ['facility'],
          summary: 'Create a switch with its ports',
          body: z.object({ roomId: z.uuid(), cabinetId: z.uuid().nullable().optional(), name: name(50), model: name(50), uplinkMbps: z.number().int().min(1).optional(), portCount: z.number().int().min(0).max(96), portSpeedMbps: z.number().int().min(1).optional() }),
          response: { 201: z.object({ id: z.uuid(), name: z.string(), ports: z.array(z.object({ id: z.uuid(), name: z.string(), speedMbps: z.number() })) }) },
        },
      },
      async (request, reply) => reply.status(201).send(await network.createSwitch(scopeOf(request), request.body)),
    );
    app.get(
      '/switches/:id/ports',
      { schema: { tags: ['facility'], summary: 'Ports of a switch and who uses them', params: IdParams, response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), speedMbps: z.number(), assignment: PortAssignment.nullable() })) }) } } },
      async (request) => ({ items: await network.ports(scopeOf(request), request.params.id) }),
    );
    app.post(
      '/servers/:id/ports',
      { schema: { tags: ['facility'], summary: 'Connect a server interface to a port (100M shared by default, 6.1)', params: IdParams, body: z.object({ portId: z.uuid(), interfaceName: name(30), bandwidthMbps: z.number().int().min(1).optional() }), response: { 201: PortAssignment } } },
      async (request, reply) => reply.status(201).send(await network.assignPort(scopeOf(request), request.params.id, request.body)),
    );
    app.delete('/port-assignments/:id', { schema: { tags: ['facility'], summary: 'Disconnect', params: IdParams, response: { 204: z.null() } } }, async (request, reply) => {
      await network.releasePort(scopeOf(request), request.params.id);
      return reply.status(204).send(null);
    });
    app.get(
      '/bandwidth',
      { schema: { tags: ['facility'], summary: 'Bandwidth per customer (ports and shared speeds)', querystring: z.object({ customerId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(z.object({ customerId: z.uuid(), ports: z.number(), portMbps: z.number(), uplinkMbps: z.number() })) }) } } },
      async (request) => ({ items: await network.bandwidth(scopeOf(request), request.query.customerId) }),
    );

    // ── CSV exports of every list (UTF-8 with BOM for Excel); staff exports of customer data are audited ──
    const csvSchema = (summary: string, querystring?: z.ZodObject) => ({ schema: { tags: ['facility'], summary, ...(querystring ? { querystring } : {}) } });
    app.get('/sites/export.csv', csvSchema('Sites as CSV'), async (request, reply) =>
      sendCsv(reply, 'sites.csv', ['code', 'name', 'address', 'accessPoint', 'createdAt'], (await floor.sites(scopeOf(request))).map((s) => [s.code, s.name, s.address, s.accessPoint, s.createdAt])),
    );
    app.get('/cabinets/export.csv', csvSchema('Cabinets as CSV (staff)'), async (request, reply) =>
      sendCsv(
        reply,
        'cabinets.csv',
        ['site', 'room', 'code', 'heightU', 'powerBudgetW', 'status'],
        (await floor.cabinetInventory(scopeOf(request))).map((c) => [c.siteName, c.roomName, c.cabinet.code, c.cabinet.heightU, c.cabinet.powerBudgetW, c.cabinet.status]),
      ),
    );
    app.get('/servers/export.csv', csvSchema('Servers with their placement as CSV (a customer gets its own)', z.object({ customerId: z.uuid().optional(), status: z.enum(SERVER_STATUSES).optional() })), async (request, reply) => {
      const rows = await servers.serverInventory(scopeOf(request), request.query as { customerId?: string; status?: (typeof SERVER_STATUSES)[number] });
      return sendCsv(
        reply,
        'servers.csv',
        ['customer', 'name', 'brand', 'model', 'serialNumber', 'heightU', 'powerW', 'status', 'site', 'room', 'cabinet', 'lowestU', 'highestU', 'faces', 'rackedAt'],
        rows.map((s) => [s.customerName, s.server.name, s.server.brand, s.server.model, s.server.serialNumber, s.server.heightU, s.server.powerW, s.server.status, s.siteName, s.roomName, s.cabinetCode, s.lowest, s.highest, s.faces.join('+'), s.server.rackedAt]),
      );
    });
    app.get('/switches/export.csv', csvSchema('Switches as CSV (staff)'), async (request, reply) =>
      sendCsv(reply, 'switches.csv', ['name', 'model', 'uplinkMbps', 'createdAt'], (await network.switches(scopeOf(request))).map((s) => [s.name, s.model, s.uplinkMbps, s.createdAt])),
    );
    app.get('/switch-ports/export.csv', csvSchema('Every switch port and who uses it, as CSV (staff)'), async (request, reply) =>
      sendCsv(
        reply,
        'switch-ports.csv',
        ['switch', 'port', 'speedMbps', 'customer', 'serverSerial', 'interface', 'bandwidthMbps', 'shared', 'assignedAt'],
        (await network.portInventory(scopeOf(request))).map((p) => [p.switchName, p.port.name, p.port.speedMbps, p.customerName, p.serverSerial, p.assignment?.interfaceName, p.assignment?.bandwidthMbps, p.assignment ? p.assignment.shared : null, p.assignment?.assignedAt]),
      ),
    );
  };
}
