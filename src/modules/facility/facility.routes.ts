import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { sendCsv } from '../../http/csv.js';
import { readUpload, UPLOAD_MAX_BYTES } from '../../http/upload.js';
import { toErrorResponse } from '../../http/errors.js';
import { FileBody, IdParams, NoContent } from '../../http/dto.js';
import {
  AddPortsBody,
  AddedPorts,
  AssignPortBody,
  CabinetUtilisationList,
  Elevation,
  RoomUtilisationList,
  UpdateCabinetBody,
  UpdatePortBody,
  UpdateRoomBody,
  UpdateSiteBody,
  UpdateSwitchBody,
  UtilisationQuery,
  BandwidthList,
  BandwidthQuery,
  Cabinet,
  CabinetList,
  CabinetQuery,
  CreateCabinetBody,
  CreateRoomBody,
  CreateServerBody,
  CreateSiteBody,
  CreateSwitchBody,
  CreatedSwitch,
  ElevationSvg,
  Inspection,
  ImportServersBody,
  ServerImportReport,
  InspectionBody,
  InspectionPhoto,
  InspectionPhotoParams,
  PortAssignment,
  PortList,
  RackBody,
  Room,
  RoomList,
  RoomQuery,
  Server,
  ServerDetail,
  ServerFilterQuery,
  ServerList,
  ServerListQuery,
  ServerStatusBody,
  Site,
  SiteList,
  SwitchList,
  Switch,
  SwitchPort,
} from './facility.dto.js';
import type { FloorService } from './floor.service.js';
import type { NetworkService } from './network.service.js';
import type { ServersService } from './servers.service.js';
import { contentDisposition } from '../../http/download.js';

/** The Fastify instance a zod-typed plugin is handed. */
type App = Parameters<FastifyPluginAsyncZod>[0];
interface Deps {
  floor: FloorService;
  servers: ServersService;
  network: NetworkService;
}
const tags = ['facility'];

/** Sites, rooms, cabinets and the rack elevation. */
function floorRoutes(app: App, { floor }: Deps) {
  app.get('/sites', { schema: { tags, summary: 'Sites (机房)', response: { 200: SiteList } } }, async (request) => ({ items: await floor.sites(scopeOf(request)) }));
  app.post('/sites', { schema: { tags, summary: 'Create a site (NOC)', body: CreateSiteBody, response: { 201: Site } } }, async (request, reply) =>
    reply.status(201).send(await floor.createSite(scopeOf(request), request.body)),
  );
  app.get('/rooms', { schema: { tags, summary: 'Rooms', querystring: RoomQuery, response: { 200: RoomList } } }, async (request) => ({ items: await floor.rooms(scopeOf(request), request.query.siteId) }));
  app.post('/rooms', { schema: { tags, summary: 'Create a room (NOC)', body: CreateRoomBody, response: { 201: Room } } }, async (request, reply) =>
    reply.status(201).send(await floor.createRoom(scopeOf(request), request.body)),
  );
  app.get('/cabinets', { schema: { tags, summary: 'Cabinets (a customer sees those holding its servers)', querystring: CabinetQuery, response: { 200: CabinetList } } }, async (request) => ({
    items: (await floor.cabinets(scopeOf(request), request.query.roomId)).map((r) => ({ ...r.cabinet, roomName: r.roomName, siteId: r.siteId })),
  }));
  app.post('/cabinets', { schema: { tags, summary: 'Create a cabinet (NOC)', body: CreateCabinetBody, response: { 201: Cabinet } } }, async (request, reply) =>
    reply.status(201).send(await floor.createCabinet(scopeOf(request), request.body)),
  );
  // ── edit and retire (issue 18); retiring is refused while something still lives inside ──
  app.patch('/sites/:id', { schema: { tags, summary: 'Edit a site (NOC); 409 STALE_VERSION when someone saved first', params: IdParams, body: UpdateSiteBody, response: { 200: Site } } }, async (request) =>
    floor.updateSite(scopeOf(request), request.params.id, request.body),
  );
  app.post('/sites/:id/retire', { schema: { tags, summary: 'Retire a site (NOC); refused while a room in it is not retired', params: IdParams, response: { 200: Site } } }, async (request) =>
    floor.retireSite(scopeOf(request), request.params.id),
  );
  app.patch('/rooms/:id', { schema: { tags, summary: 'Rename a room (NOC)', params: IdParams, body: UpdateRoomBody, response: { 200: Room } } }, async (request) =>
    floor.updateRoom(scopeOf(request), request.params.id, request.body),
  );
  app.post('/rooms/:id/retire', { schema: { tags, summary: 'Retire a room (NOC); refused while a cabinet or switch in it is not retired', params: IdParams, response: { 200: Room } } }, async (request) =>
    floor.retireRoom(scopeOf(request), request.params.id),
  );
  app.patch('/cabinets/:id', { schema: { tags, summary: 'Edit a cabinet: code, height, rated power and current, position, active/reserved (NOC)', params: IdParams, body: UpdateCabinetBody, response: { 200: Cabinet } } }, async (request) =>
    floor.updateCabinet(scopeOf(request), request.params.id, request.body),
  );
  app.post('/cabinets/:id/retire', { schema: { tags, summary: 'Retire a cabinet (NOC); refused while a server is racked in it', params: IdParams, response: { 200: Cabinet } } }, async (request) =>
    floor.retireCabinet(scopeOf(request), request.params.id),
  );
  app.get('/cabinets/utilisation', { schema: { tags, summary: 'U and power used per cabinet, summed by the database (staff)', querystring: UtilisationQuery, response: { 200: CabinetUtilisationList } } }, async (request) => ({
    items: await floor.cabinetUtilisation(scopeOf(request), request.query.roomId, request.query.minUsedPercent),
  }));
  app.get('/rooms/utilisation', { schema: { tags, summary: 'U and power used per room, summed by the database (staff)', querystring: UtilisationQuery, response: { 200: RoomUtilisationList } } }, async (request) => ({
    items: await floor.roomUtilisation(scopeOf(request), request.query.siteId),
  }));
  app.get('/cabinets/:id/elevation', { schema: { tags, summary: 'Rack elevation as data: both faces, who sits where, utilisation', params: IdParams, response: { 200: Elevation } } }, async (request) =>
    floor.elevationData(scopeOf(request), request.params.id),
  );
  app.get('/cabinets/:id/elevation.svg', { schema: { tags, summary: 'Rack elevation, both faces (SVG)', params: IdParams, produces: ['image/svg+xml'], response: { 200: ElevationSvg } } }, async (request, reply) => {
    const svg = await floor.elevation(scopeOf(request), request.params.id, request.locale);
    return reply.type('image/svg+xml; charset=utf-8').header('x-content-type-options', 'nosniff').send(svg);
  });
}

/** Customers' servers: intake, inspection, racking, status, removal. */
function serverRoutes(app: App, { servers }: Deps) {
  app.get('/servers', { schema: { tags, summary: 'Servers (a customer sees its own); with page/pageSize one page and the total', querystring: ServerListQuery, response: { 200: ServerList } } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    if (page === undefined && pageSize === undefined) return { items: await servers.servers(scopeOf(request), filter) };
    return servers.serverPage(scopeOf(request), filter, { page: page ?? 1, pageSize: pageSize ?? 50 });
  });
  app.post('/servers', { schema: { tags, summary: 'Register a customer server, expected at the site (第二条)', body: CreateServerBody, response: { 201: Server } } }, async (request, reply) =>
    reply.status(201).send(await servers.createServer(scopeOf(request), request.body)),
  );
  app.post('/servers/import', { schema: { tags, summary: "Register several of a customer's servers from a CSV; a report per row (created, or refused with the reason)", body: ImportServersBody, response: { 200: ServerImportReport } } }, async (request) => {
    const rows = (await servers.importServers(scopeOf(request), request.body)).map((r) => {
      if (r.server) return { line: r.line, serialNumber: r.serialNumber, status: 'created' as const, serverId: r.server.id, message: null, fields: [] };
      const { body } = toErrorResponse(r.error, request.locale, request.id);
      return { line: r.line, serialNumber: r.serialNumber, status: 'refused' as const, serverId: null, message: body.error.message, fields: body.error.fields };
    });
    return { created: rows.filter((r) => r.status === 'created').length, refused: rows.filter((r) => r.status === 'refused').length, rows };
  });
  app.get('/servers/:id', { schema: { tags, summary: 'One server with its placement, ports and inspections', params: IdParams, response: { 200: ServerDetail } } }, async (request) =>
    servers.server(scopeOf(request), request.params.id),
  );
  app.post('/servers/:id/inspections', { schema: { tags, summary: 'Record the intake inspection (5.2)', params: IdParams, body: InspectionBody, response: { 201: Inspection } } }, async (request, reply) =>
    reply.status(201).send(await servers.inspect(scopeOf(request), request.params.id, request.body)),
  );
  app.post(
    '/servers/:id/inspections/:inspectionId/photos',
    { schema: { tags, summary: 'A photo of one checklist item (multipart: item, file — JPEG/PNG ≤ 10 MB)', params: InspectionPhotoParams, consumes: ['multipart/form-data'], response: { 201: InspectionPhoto } } },
    async (request, reply) => {
      const { bytes, fileName, fields } = await readUpload(request, UPLOAD_MAX_BYTES);
      return reply.status(201).send(await servers.addInspectionPhoto(scopeOf(request), request.params.id, request.params.inspectionId, { item: fields.item ?? '', bytes, fileName }));
    },
  );
  app.get('/inspection-photos/:id', { schema: { tags, summary: 'A checklist photo', params: IdParams, produces: ['image/jpeg', 'image/png'], response: { 200: FileBody } } }, async (request, reply) => {
    const f = await servers.inspectionPhoto(scopeOf(request), request.params.id);
    reply.header('content-type', f.contentType).header('content-disposition', contentDisposition(f.fileName, 'inline')).header('x-content-type-options', 'nosniff');
    return f.bytes;
  });
  app.post('/servers/:id/rack', { schema: { tags, summary: 'Rack a server: sets the activation date (7.1); 409 when the U range is occupied', params: IdParams, body: RackBody, response: { 200: Server } } }, async (request) =>
    servers.rack(scopeOf(request), request.params.id, request.body),
  );
  app.post('/servers/:id/status', { schema: { tags, summary: 'Move a server to commissioning, in service or suspended', params: IdParams, body: ServerStatusBody, response: { 200: Server } } }, async (request) =>
    servers.setStatus(scopeOf(request), request.params.id, request.body.status),
  );
  app.post('/servers/:id/remove', { schema: { tags, summary: 'Take a server off the rack (U, ports and IPs released)', params: IdParams, response: { 200: Server } } }, async (request) =>
    servers.remove(scopeOf(request), request.params.id),
  );
}

/** Switches, ports and which server uses them (6.1). */
function networkRoutes(app: App, { network }: Deps) {
  app.get('/switches', { schema: { tags, summary: 'Switches', response: { 200: SwitchList } } }, async (request) => ({ items: await network.switches(scopeOf(request)) }));
  app.post('/switches', { schema: { tags, summary: 'Create a switch with its ports', body: CreateSwitchBody, response: { 201: CreatedSwitch } } }, async (request, reply) =>
    reply.status(201).send(await network.createSwitch(scopeOf(request), request.body)),
  );
  app.patch('/switches/:id', { schema: { tags, summary: 'Edit a switch (NOC)', params: IdParams, body: UpdateSwitchBody, response: { 200: Switch } } }, async (request) =>
    network.updateSwitch(scopeOf(request), request.params.id, request.body),
  );
  app.post('/switches/:id/retire', { schema: { tags, summary: 'Retire a switch (NOC); refused while a server is connected to it', params: IdParams, response: { 200: Switch } } }, async (request) =>
    network.retireSwitch(scopeOf(request), request.params.id),
  );
  app.post('/switches/:id/ports', { schema: { tags, summary: 'Add ports to a switch (NOC)', params: IdParams, body: AddPortsBody, response: { 201: AddedPorts } } }, async (request, reply) =>
    reply.status(201).send({ items: await network.addPorts(scopeOf(request), request.params.id, request.body) }),
  );
  app.patch('/switch-ports/:id', { schema: { tags, summary: "Rename a port or change its speed (NOC)", params: IdParams, body: UpdatePortBody, response: { 200: SwitchPort } } }, async (request) =>
    network.updatePort(scopeOf(request), request.params.id, request.body),
  );
  app.get('/switches/:id/ports', { schema: { tags, summary: 'Ports of a switch and who uses them', params: IdParams, response: { 200: PortList } } }, async (request) => ({
    items: await network.ports(scopeOf(request), request.params.id),
  }));
  app.post('/servers/:id/ports', { schema: { tags, summary: 'Connect a server interface to a port (100M shared by default, 6.1)', params: IdParams, body: AssignPortBody, response: { 201: PortAssignment } } }, async (request, reply) =>
    reply.status(201).send(await network.assignPort(scopeOf(request), request.params.id, request.body)),
  );
  app.delete('/port-assignments/:id', { schema: { tags, summary: 'Disconnect', params: IdParams, response: { 204: NoContent } } }, async (request, reply) => {
    await network.releasePort(scopeOf(request), request.params.id);
    return reply.status(204).send(null);
  });
  app.get('/bandwidth', { schema: { tags, summary: 'Bandwidth per customer (ports and shared speeds)', querystring: BandwidthQuery, response: { 200: BandwidthList } } }, async (request) => ({
    items: await network.bandwidth(scopeOf(request), request.query.customerId),
  }));
}

/** CSV exports of every list (UTF-8 with BOM for Excel); staff exports of customer data are audited. */
function exportRoutes(app: App, { floor, servers, network }: Deps) {
  const csv = <Q extends z.ZodObject>(summary: string, querystring?: Q) => ({ schema: { tags, summary, ...(querystring ? { querystring } : {}), produces: ['text/csv'], response: { 200: FileBody } } });
  app.get('/sites/export.csv', csv('Sites as CSV'), async (request, reply) =>
    sendCsv(reply, 'sites.csv', ['code', 'name', 'address', 'accessPoint', 'createdAt'], (await floor.sites(scopeOf(request))).map((s) => [s.code, s.name, s.address, s.accessPoint, s.createdAt])),
  );
  app.get('/cabinets/export.csv', csv('Cabinets as CSV (staff)'), async (request, reply) =>
    sendCsv(
      reply,
      'cabinets.csv',
      ['site', 'room', 'code', 'heightU', 'powerBudgetW', 'status'],
      (await floor.cabinetInventory(scopeOf(request))).map((c) => [c.siteName, c.roomName, c.cabinet.code, c.cabinet.heightU, c.cabinet.powerBudgetW, c.cabinet.status]),
    ),
  );
  app.get('/servers/export.csv', csv('Servers with their placement as CSV (a customer gets its own)', ServerFilterQuery), async (request, reply) => {
    const rows = await servers.serverInventory(scopeOf(request), ServerFilterQuery.parse(request.query));
    return sendCsv(
      reply,
      'servers.csv',
      ['customer', 'name', 'brand', 'model', 'serialNumber', 'heightU', 'powerW', 'status', 'site', 'room', 'cabinet', 'lowestU', 'highestU', 'faces', 'rackedAt'],
      rows.map((s) => [s.customerName, s.server.name, s.server.brand, s.server.model, s.server.serialNumber, s.server.heightU, s.server.powerW, s.server.status, s.siteName, s.roomName, s.cabinetCode, s.lowest, s.highest, s.faces.join('+'), s.server.rackedAt]),
    );
  });
  app.get('/switches/export.csv', csv('Switches as CSV (staff)'), async (request, reply) =>
    sendCsv(reply, 'switches.csv', ['name', 'model', 'uplinkMbps', 'createdAt'], (await network.switches(scopeOf(request))).map((s) => [s.name, s.model, s.uplinkMbps, s.createdAt])),
  );
  app.get('/switch-ports/export.csv', csv('Every switch port and who uses it, as CSV (staff)'), async (request, reply) =>
    sendCsv(
      reply,
      'switch-ports.csv',
      ['switch', 'port', 'speedMbps', 'customer', 'serverSerial', 'interface', 'bandwidthMbps', 'shared', 'assignedAt'],
      (await network.portInventory(scopeOf(request))).map((p) => [p.switchName, p.port.name, p.port.speedMbps, p.customerName, p.serverSerial, p.assignment?.interfaceName, p.assignment?.bandwidthMbps, p.assignment ? p.assignment.shared : null, p.assignment?.assignedAt]),
    ),
  );
}

export function facilityRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    floorRoutes(app, deps);
    serverRoutes(app, deps);
    networkRoutes(app, deps);
    exportRoutes(app, deps);
  };
}
