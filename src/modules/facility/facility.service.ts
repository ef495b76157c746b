import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import type { Locale } from '../../core/i18n/index.js';
import { requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { violates } from '../../db/pg-errors.js';
import type { Emitter } from '../../core/reactions.js';
import type { AuditService } from '../audit/audit.service.js';
import { renderElevation, type ElevationSlot } from './elevation.js';
import { parseURange, type FacilityRepository, type PortAssignmentRow, type ServerRow } from './facility.repository.js';

/** Which status may follow which (racking and removal have their own calls). */
const TRANSITIONS: Record<ServerRow['status'], ServerRow['status'][]> = {
  expected: [],
  racked: ['commissioning', 'in_service'],
  commissioning: ['in_service'],
  in_service: ['suspended'],
  suspended: ['in_service'],
  removed: [],
};

/** A server as the facility module hands it to other modules (contracts commission and release servers). */
export type { ServerRow } from './facility.repository.js';

export type Face = 'front' | 'rear' | 'full';

const uRange = (lowest: number, heightU: number) => `[${lowest},${lowest + heightU})`;
export function makeFacilityService(deps: {
  repo: FacilityRepository;
  customers: { exists(scope: Scope, id: string, tx?: Executor): Promise<boolean> };
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
  /** emits facility.serverRacked / facility.serverRemoved (facility.events.ts) inside the change's transaction */
  bus: Emitter<Executor>;
}) {
  const { repo, audit, clock, ids } = deps;

  async function loadServer(scope: Scope, id: string, tx?: Executor): Promise<ServerRow> {
    const row = await repo.findServer(scope, id, tx);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'server' });
    return row;
  }

  async function loadCabinet(scope: Scope, id: string) {
    const found = await repo.findCabinet(id);
    if (!found) throw new AppError('NOT_FOUND', { entity: 'cabinet' });
    if (scope.kind === 'customer' && !(await repo.cabinetIdsOfCustomer(scope.customerId)).includes(id)) throw new AppError('NOT_FOUND', { entity: 'cabinet' });
    return found;
  }

  /** The 409 names the range and, for staff, the occupant; a customer learns only "occupied". */
  async function occupiedError(scope: Scope, cabinetCode: string, cabinetId: string, face: 'front' | 'rear', lowest: number, heightU: number, tx?: Executor): Promise<AppError> {
    const [hit] = await repo.overlapping(cabinetId, face, uRange(lowest, heightU), tx);
    const range = hit ? parseURange(hit.placement.uRange) : { lowest, highest: lowest + heightU - 1 };
    const occupant = hit && scope.kind !== 'customer' ? `：${hit.customerName} ${hit.server.brand} ${hit.server.model} (${hit.server.serialNumber})` : '';
    return new AppError('U_RANGE_OCCUPIED', { cabinet: cabinetCode, face, range: `U${range.lowest}–U${range.highest}`, occupant }, [{ path: 'lowestU', key: 'U_RANGE_OCCUPIED', params: { cabinet: cabinetCode, face, range: `U${range.lowest}–U${range.highest}`, occupant } }]);
  }

  return {
    // ── sites, rooms, cabinets ─────────────────────────────────────────
    // `tx`: an importer's transaction to join (a savepoint inside it); by default a transaction of its own
    async createSite(scope: Scope, input: { code: string; name: string; address: string; accessPoint: string }, tx?: Executor) {
      requireStaff(scope, 'noc');
      const row = { id: ids.uuid(), ...input, createdAt: clock.now() };
      await (tx ?? repo.db).transaction(async (tx) => {
        await repo.insertSite(tx, row);
        await audit.record(tx, scope, { action: 'site.create', entity: 'site', entityId: row.id, after: row });
      });
      return row;
    },
    async createRoom(scope: Scope, input: { siteId: string; name: string }, tx?: Executor) {
      requireStaff(scope, 'noc');
      if (!(await repo.findSite(input.siteId, tx))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'siteId', key: 'field.invalid' }]);
      const row = { id: ids.uuid(), ...input, createdAt: clock.now() };
      await (tx ?? repo.db).transaction(async (tx) => {
        await repo.insertRoom(tx, row);
        await audit.record(tx, scope, { action: 'room.create', entity: 'room', entityId: row.id, after: row });
      });
      return row;
    },
    async createCabinet(scope: Scope, input: { roomId: string; code: string; heightU?: number; powerBudgetW?: number; status?: 'active' | 'reserved' | 'retired' }, tx?: Executor) {
      requireStaff(scope, 'noc');
      if (!(await repo.findRoom(input.roomId, tx))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'roomId', key: 'field.invalid' }]);
      const row = { id: ids.uuid(), roomId: input.roomId, code: input.code, heightU: input.heightU ?? 42, powerBudgetW: input.powerBudgetW ?? 4400, status: input.status ?? ('active' as const), createdAt: clock.now() };
      await (tx ?? repo.db).transaction(async (tx) => {
        await repo.insertCabinet(tx, row);
        await audit.record(tx, scope, { action: 'cabinet.create', entity: 'cabinet', entityId: row.id, after: row });
      });
      return row;
    },
    async sites(scope: Scope) {
      requireReader(scope);
      return repo.listSites();
    },
    async site(scope: Scope, id: string) {
      requireReader(scope);
      const row = await repo.findSite(id);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'site' });
      return row;
    },
    async rooms(scope: Scope, siteId?: string) {
      requireStaff(scope);
      return repo.listRooms(siteId);
    },
    async cabinets(scope: Scope, roomId?: string) {
      requireReader(scope);
      const rows = await repo.listCabinets(roomId);
      if (scope.kind !== 'customer') return rows;
      const mine = new Set(await repo.cabinetIdsOfCustomer(scope.customerId));
      return rows.filter((r) => mine.has(r.cabinet.id));
    },

    // ── servers (第二条) ─────────────────────────────────────────────────
    async createServer(scope: Scope, input: { customerId: string; brand: string; model: string; serialNumber: string; heightU: number; powerW?: number; contractId?: string | null; name?: string | null }, tx?: Executor) {
      requireStaff(scope, 'noc', 'sales');
      if (!(await deps.customers.exists(scope, input.customerId, tx))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.unknownCustomer' }]);
      const now = clock.now();
      const row: ServerRow = {
        id: ids.uuid(),
        customerId: input.customerId,
        contractId: input.contractId ?? null,
        brand: input.brand.trim(),
        model: input.model.trim(),
        serialNumber: input.serialNumber.trim().toUpperCase(),
        name: input.name?.trim() || null,
        heightU: input.heightU,
        powerW: input.powerW ?? 300,
        status: 'expected',
        rackedAt: null,
        removedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await (tx ?? repo.db).transaction(async (tx) => {
        await repo.insertServer(tx, row);
        await audit.record(tx, scope, { action: 'server.create', entity: 'server', entityId: row.id, customerId: row.customerId, after: row });
      });
      return row;
    },

    async servers(scope: Scope, filter: { customerId?: string; status?: ServerRow['status'] }) {
      requireReader(scope);
      return (await repo.serverRows(scope, filter)).map((r) => ({ ...r.server, customerName: r.customerName }));
    },
    /** One page of servers and the total (a customer's own only). */
    async serverPage(scope: Scope, filter: { customerId?: string; status?: ServerRow['status'] }, page: { page: number; pageSize: number }) {
      requireReader(scope);
      const [rows, total] = await Promise.all([repo.serverRows(scope, filter, page), repo.countServers(scope, filter)]);
      return { items: rows.map((r) => ({ ...r.server, customerName: r.customerName })), total };
    },

    async server(scope: Scope, id: string) {
      requireReader(scope);
      const server = await loadServer(scope, id);
      await audit.recordRead(scope, { entity: 'server', entityId: id, customerId: server.customerId });
      const placements = await repo.livePlacements(id);
      const located = placements[0] ? await repo.findCabinet(placements[0].cabinetId) : undefined;
      return {
        ...server,
        placement: located
          ? {
              cabinetId: located.cabinet.id,
              cabinetCode: located.cabinet.code,
              roomName: located.room.name,
              siteName: located.site.name,
              faces: placements.map((p) => p.face),
              ...parseURange(placements[0].uRange),
            }
          : null,
        ports: (await repo.assignmentsOf(scope, { serverId: id })).map((a) => ({ ...a.assignment, portName: a.portName, switchName: a.switchName })),
        inspections: await repo.inspections(scope, id),
      };
    },

    /** 5.2: recorded at intake; a failed inspection blocks racking until a later one passes. */
    async inspect(scope: Scope, serverId: string, checklist: { powerSupplies: boolean; rails: boolean; interfaces: boolean; labelling: boolean; notes?: string | null }, tx?: Executor) {
      requireStaff(scope, 'noc');
      const server = await loadServer(scope, serverId, tx);
      const row = {
        id: ids.uuid(),
        serverId,
        customerId: server.customerId,
        inspectorId: scope.kind === 'staff' ? scope.userId : null,
        ...checklist,
        notes: checklist.notes ?? null,
        passed: checklist.powerSupplies && checklist.rails && checklist.interfaces && checklist.labelling,
        inspectedAt: clock.now(),
      };
      await (tx ?? repo.db).transaction(async (tx) => {
        await repo.insertInspection(tx, row);
        await audit.record(tx, scope, { action: 'server.inspect', entity: 'server', entityId: serverId, customerId: server.customerId, after: row });
      });
      return row;
    },

    /**
     * 7.1: the racking day is the activation date. The database refuses an overlapping U range
     * (EXCLUDE), so two NOC engineers racking into the same slot at once cannot both succeed.
     */
    async rack(scope: Scope, serverId: string, input: { cabinetId: string; lowestU: number; face: Face }, outer?: Executor) {
      requireStaff(scope, 'noc');
      const found = await repo.findCabinet(input.cabinetId, outer);
      if (!found) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'cabinetId', key: 'field.invalid' }]);
      const { cabinet } = found;
      const faces: ('front' | 'rear')[] = input.face === 'full' ? ['front', 'rear'] : [input.face];
      try {
        return await (outer ?? repo.db).transaction(async (tx) => {
          const server = await repo.lockServer(tx, serverId);
          if (!server || (scope.kind === 'customer' && server.customerId !== scope.customerId)) throw new AppError('NOT_FOUND', { entity: 'server' });
          if (server.status !== 'expected') throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: 'racked' });
          if (input.lowestU < 1 || input.lowestU + server.heightU - 1 > cabinet.heightU) {
            throw new AppError('U_RANGE_OUTSIDE_CABINET', { height: cabinet.heightU }, [{ path: 'lowestU', key: 'U_RANGE_OUTSIDE_CABINET', params: { height: cabinet.heightU } }]);
          }
          if (!(await repo.latestInspection(serverId, tx))?.passed) throw new AppError('INSPECTION_REQUIRED');
          const now = clock.now();
          for (const face of faces) {
            await repo.insertPlacement(tx, { id: ids.uuid(), serverId, customerId: server.customerId, cabinetId: cabinet.id, face, uRange: uRange(input.lowestU, server.heightU), placedAt: now, removedAt: null });
          }
          const after = await repo.updateServer(tx, serverId, { status: 'racked', rackedAt: now, updatedAt: now, version: server.version + 1 });
          await deps.bus.emit(tx, scope, 'facility.serverRacked', after);
          await audit.record(tx, scope, { action: 'server.rack', entity: 'server', entityId: serverId, customerId: server.customerId, before: server, after: { ...after, cabinet: cabinet.code, lowestU: input.lowestU, faces } });
          return after;
        });
      } catch (err) {
        if (violates(err, 'server_placements_no_overlap')) {
          const server = await repo.findServer(scope, serverId, outer);
          for (const face of faces) {
            const e = await occupiedError(scope, cabinet.code, cabinet.id, face, input.lowestU, server?.heightU ?? 1, outer);
            if ((await repo.overlapping(cabinet.id, face, uRange(input.lowestU, server?.heightU ?? 1), outer)).length) throw e;
          }
        }
        throw err;
      }
    },

    async setStatus(scope: Scope, serverId: string, status: ServerRow['status']) {
      requireStaff(scope, 'noc');
      return repo.db.transaction(async (tx) => {
        const server = await repo.lockServer(tx, serverId);
        if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
        if (!TRANSITIONS[server.status].includes(status)) throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: status });
        const after = await repo.updateServer(tx, serverId, { status, updatedAt: clock.now(), version: server.version + 1 });
        await audit.record(tx, scope, { action: 'server.status', entity: 'server', entityId: serverId, customerId: server.customerId, before: server, after });
        return after;
      });
    },

    /** Off the rack: its U and ports are released; the reactions to facility.serverRemoved release its addresses and domains. */
    async remove(scope: Scope, serverId: string) {
      requireStaff(scope, 'noc');
      return repo.db.transaction(async (tx) => {
        const server = await repo.lockServer(tx, serverId);
        if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
        if (server.status === 'removed') throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: 'removed' });
        const now = clock.now();
        await repo.removePlacements(tx, serverId, now);
        await repo.releaseAssignmentsOfServer(tx, serverId, now);
        const after = await repo.updateServer(tx, serverId, { status: 'removed', removedAt: now, updatedAt: now, version: server.version + 1 });
        await deps.bus.emit(tx, scope, 'facility.serverRemoved', after);
        await audit.record(tx, scope, { action: 'server.remove', entity: 'server', entityId: serverId, customerId: server.customerId, before: server, after });
        return after;
      });
    },

    /** For other modules (IP allocation, tickets): the server if the scope may see it. */
    findServer: (scope: Scope, id: string, tx?: Executor) => repo.findServer(scope, id, tx),

    /** The contracts module records which contract a server is placed under (第二条). */
    async linkContract(tx: Executor, serverId: string, contractId: string) {
      await repo.updateServer(tx, serverId, { contractId });
    },

    // ── switches and ports (6.1) ────────────────────────────────────────
    async createSwitch(scope: Scope, input: { roomId: string; cabinetId?: string | null; name: string; model: string; uplinkMbps?: number; portCount: number; portSpeedMbps?: number }) {
      requireStaff(scope, 'noc');
      if (!(await repo.findRoom(input.roomId))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'roomId', key: 'field.invalid' }]);
      const row = { id: ids.uuid(), roomId: input.roomId, cabinetId: input.cabinetId ?? null, name: input.name, model: input.model, uplinkMbps: input.uplinkMbps ?? 1000, createdAt: clock.now() };
      const ports = Array.from({ length: input.portCount }, (_, i) => ({ id: ids.uuid(), switchId: row.id, name: `GE1/0/${i + 1}`, speedMbps: input.portSpeedMbps ?? 1000 }));
      await repo.db.transaction(async (tx) => {
        await repo.insertSwitch(tx, row);
        if (ports.length) await repo.insertPorts(tx, ports);
        await audit.record(tx, scope, { action: 'switch.create', entity: 'switch', entityId: row.id, after: { ...row, ports: ports.length } });
      });
      return { ...row, ports };
    },
    async switches(scope: Scope) {
      requireStaff(scope);
      return repo.listSwitches();
    },
    async ports(scope: Scope, switchId: string) {
      requireStaff(scope);
      return (await repo.portsOfSwitch(switchId)).map((r) => ({ ...r.port, assignment: r.assignment }));
    },

    /** One server interface per port, never two servers on one port (a unique index). */
    async assignPort(scope: Scope, serverId: string, input: { portId: string; interfaceName: string; bandwidthMbps?: number }) {
      requireStaff(scope, 'noc');
      const server = await loadServer(scope, serverId);
      if (server.status === 'removed') throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: 'port' });
      if (!(await repo.findPort(input.portId))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'portId', key: 'field.invalid' }]);
      const row: PortAssignmentRow = {
        id: ids.uuid(),
        portId: input.portId,
        serverId,
        customerId: server.customerId,
        interfaceName: input.interfaceName,
        bandwidthMbps: input.bandwidthMbps ?? 100,
        shared: true,
        assignedAt: clock.now(),
        releasedAt: null,
      };
      try {
        await repo.db.transaction(async (tx) => {
          await repo.insertAssignment(tx, row);
          await audit.record(tx, scope, { action: 'port.assign', entity: 'server', entityId: serverId, customerId: server.customerId, after: row });
        });
      } catch (err) {
        if (violates(err, 'port_assignments_one_server_per_port')) throw new AppError('PORT_IN_USE', {}, [{ path: 'portId', key: 'PORT_IN_USE' }]);
        if (violates(err, 'port_assignments_one_port_per_interface')) throw new AppError('CONFLICT', { detail: input.interfaceName }, [{ path: 'interfaceName', key: 'field.invalid' }]);
        throw err;
      }
      return row;
    },
    async releasePort(scope: Scope, assignmentId: string) {
      requireStaff(scope, 'noc');
      await repo.db.transaction(async (tx) => {
        const row = await repo.releaseAssignment(tx, scope, assignmentId, clock.now());
        if (!row) throw new AppError('NOT_FOUND', { entity: 'port_assignment' });
        await audit.record(tx, scope, { action: 'port.release', entity: 'server', entityId: row.serverId, customerId: row.customerId, after: row });
      });
    },

    /** Bandwidth per customer: its ports and their shared speeds. */
    async bandwidth(scope: Scope, customerId?: string) {
      requireReader(scope);
      const rows = await repo.assignmentsOf(scope, { customerIds: customerId ? [customerId] : undefined });
      const byCustomer = new Map<string, { customerId: string; ports: number; portMbps: number; uplinkMbps: number }>();
      for (const r of rows) {
        const entry = byCustomer.get(r.assignment.customerId) ?? { customerId: r.assignment.customerId, ports: 0, portMbps: 0, uplinkMbps: 0 };
        entry.ports += 1;
        entry.portMbps += r.assignment.bandwidthMbps;
        entry.uplinkMbps = Math.max(entry.uplinkMbps, r.uplinkMbps);
        byCustomer.set(entry.customerId, entry);
      }
      return [...byCustomer.values()];
    },

    // ── rack elevation ───────────────────────────────────────────────────
    async elevation(scope: Scope, cabinetId: string, locale: Locale): Promise<string> {
      requireReader(scope);
      const { cabinet, room, site } = await loadCabinet(scope, cabinetId);
      const occupancy = await repo.cabinetOccupancy(cabinetId);
      const slots: ElevationSlot[] = occupancy.map(({ placement, server, customerName }) => {
        const visible = scope.kind !== 'customer' || placement.customerId === scope.customerId;
        return {
          face: placement.face,
          ...parseURange(placement.uRange),
          label: visible ? `${server.brand} ${server.model}` : null,
          detail: visible ? (scope.kind === 'customer' ? server.serialNumber : customerName) : null,
          own: scope.kind === 'customer' && placement.customerId === scope.customerId,
        };
      });
      const zh = locale === 'zh-CN';
      return renderElevation({
        title: `${site.name} ${room.name} ${zh ? '机柜' : 'cabinet'} ${cabinet.code} (${cabinet.heightU}U)`,
        heightU: cabinet.heightU,
        slots,
        faces: zh ? { front: '正面', rear: '背面' } : { front: 'Front', rear: 'Rear' },
        occupied: zh ? '已占用' : 'occupied',
      });
    },

    // ── lookups for imports (join the importer's transaction) ─────────────
    siteByName: (scope: Scope, name: string, tx?: Executor) => (requireStaff(scope), repo.siteByName(name, tx)),
    roomByName: (scope: Scope, siteId: string, name: string, tx?: Executor) => (requireStaff(scope), repo.roomByName(siteId, name, tx)),
    cabinetsInSite: (scope: Scope, siteId: string, code: string, tx?: Executor) => (requireStaff(scope), repo.cabinetsInSite(siteId, code, tx)),
    serverByName: (scope: Scope, name: string, tx?: Executor) => (requireReader(scope), repo.serverByName(scope, name, tx)),

    // ── inventories for CSV exports; a staff export is audited as one read ─
    async cabinetInventory(scope: Scope) {
      requireStaff(scope);
      await audit.recordRead(scope, { entity: 'cabinet_export' });
      return repo.cabinetInventory();
    },
    async serverInventory(scope: Scope, filter: { customerId?: string; status?: ServerRow['status'] }) {
      requireReader(scope);
      await audit.recordRead(scope, { entity: 'server_export', entityId: JSON.stringify({ customerId: filter.customerId ?? null, status: filter.status ?? null }), customerId: filter.customerId });
      const byServer = new Map<string, { server: ServerRow; customerName: string; cabinetCode: string | null; roomName: string | null; siteName: string | null; lowest: number | null; highest: number | null; faces: string[] }>();
      for (const r of await repo.serverInventory(scope, filter)) {
        const entry = byServer.get(r.server.id) ?? { server: r.server, customerName: r.customerName, cabinetCode: r.cabinetCode, roomName: r.roomName, siteName: r.siteName, lowest: null, highest: null, faces: [] };
        if (r.placement) {
          Object.assign(entry, parseURange(r.placement.uRange));
          entry.faces.push(r.placement.face);
        }
        byServer.set(r.server.id, entry);
      }
      return [...byServer.values()];
    },
    async portInventory(scope: Scope) {
      requireStaff(scope);
      await audit.recordRead(scope, { entity: 'port_export' });
      return repo.portInventory();
    },

    // ── incidents (6.3): scope resolution and suspension, in the caller's transaction ──
    /** Servers affected by a scope entry; staff/system only (the NOC's view of the floor). */
    serversInScope(tx: Executor, kind: 'site' | 'room' | 'cabinet' | 'switch' | 'port' | 'server', id: string) {
      return repo.serversInScope(kind, id, tx);
    },
    /** Resolves an Alertmanager label value (id, serial, cabinet code, switch name) to an id. */
    async lookup(tx: Executor, kind: 'server' | 'cabinet' | 'switch', key: string): Promise<string | undefined> {
      if (kind === 'server') return repo.serverByIdOrSerial(key, tx);
      if (kind === 'cabinet') return repo.cabinetByIdOrCode(key, tx);
      return repo.switchByIdOrName(key, tx);
    },
    /** setStatus inside another module's transaction (suspension for a destabilising server, 6.3). */
    async setStatusIn(tx: Executor, scope: Scope, serverId: string, status: ServerRow['status'], reason: string) {
      requireStaff(scope, 'noc');
      const server = await repo.lockServer(tx, serverId);
      if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
      if (!TRANSITIONS[server.status].includes(status)) throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: status });
      const after = await repo.updateServer(tx, serverId, { status, updatedAt: clock.now(), version: server.version + 1 });
      await audit.record(tx, scope, { action: 'server.status', entity: 'server', entityId: serverId, customerId: server.customerId, before: server, after: { ...after, reason } });
      return after;
    },
  };
}

export type FacilityService = ReturnType<typeof makeFacilityService>;
