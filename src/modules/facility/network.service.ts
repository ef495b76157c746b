import type { Clock } from '../../core/clock.js';
import { AppError, someNames } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { violates } from '../../db/pg-errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FloorRepository } from './floor.repository.js';
import type { NetworkRepository, PortAssignmentRow, PortRow, SwitchRow } from './network.repository.js';
import type { ServersService } from './servers.service.js';

/** The network (6.1): switches and their ports, which server interface uses which port, bandwidth per customer. */
export function makeNetworkService(deps: {
  repo: NetworkRepository;
  /** a switch stands in a room */
  rooms: Pick<FloorRepository, 'findRoom'>;
  /** a port is assigned to a server the scope may see */
  servers: Pick<ServersService, 'findServer'>;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;

  return {
    // `portNames` (a NetBox import: the switch's own interface names) instead of GE1/0/1…; `outer`: the importer's transaction
    async createSwitch(scope: Scope, input: { roomId: string; cabinetId?: string | null; name: string; model: string; uplinkMbps?: number; portCount: number; portSpeedMbps?: number; portNames?: string[] }, outer?: Executor) {
      requirePermission(scope, 'switch.create');
      const room = await deps.rooms.findRoom(input.roomId, outer);
      if (!room) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'roomId', key: 'field.invalid' }]);
      if (room.retiredAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'roomId', key: 'inventory.parentRetired', params: { name: room.name } }]);
      const row: SwitchRow = { id: ids.uuid(), roomId: input.roomId, cabinetId: input.cabinetId ?? null, name: input.name, model: input.model, uplinkMbps: input.uplinkMbps ?? 1000, createdAt: clock.now(), version: 1, retiredAt: null };
      const portNames = input.portNames ?? Array.from({ length: input.portCount }, (_, i) => `GE1/0/${i + 1}`);
      const ports = portNames.map((name) => ({ id: ids.uuid(), switchId: row.id, name, speedMbps: input.portSpeedMbps ?? 1000 }));
      try {
        await (outer ?? repo.db).transaction(async (tx) => {
          await repo.insertSwitch(tx, row);
          if (ports.length) await repo.insertPorts(tx, ports);
          await audit.record(tx, scope, { action: 'switch.create', entity: 'switch', entityId: row.id, after: { ...row, ports: ports.length } });
        });
      } catch (err) {
        if (violates(err, 'switches_name_key')) throw new AppError('CONFLICT', { detail: input.name }, [{ path: 'name', key: 'inventory.nameTaken' }]);
        throw err;
      }
      return { ...row, ports };
    },
    /** Name, model, uplink and the cabinet it stands in. */
    async updateSwitch(scope: Scope, id: string, input: { version: number; name?: string; model?: string; uplinkMbps?: number; cabinetId?: string | null }) {
      requirePermission(scope, 'switch.update');
      const { version, ...patch } = input;
      try {
        return await repo.db.transaction(async (tx) => {
          const before = await repo.lockSwitch(tx, id);
          if (!before) throw new AppError('NOT_FOUND', { entity: 'switch' });
          if (before.retiredAt) throw new AppError('RETIRED', { entity: 'switch', name: before.name });
          const after = await repo.updateSwitch(tx, id, version, patch);
          if (!after) throw new AppError('STALE_VERSION', {}, [{ path: 'version', key: 'STALE_VERSION' }]);
          await audit.record(tx, scope, { action: 'switch.update', entity: 'switch', entityId: id, before, after });
          return after;
        });
      } catch (err) {
        if (violates(err, 'switches_name_key')) throw new AppError('CONFLICT', { detail: input.name }, [{ path: 'name', key: 'inventory.nameTaken' }]);
        throw err;
      }
    },
    /** A switch is retired once no server is connected to it. */
    async retireSwitch(scope: Scope, id: string) {
      requirePermission(scope, 'switch.retire');
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockSwitch(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'switch' });
        if (before.retiredAt) return before;
        const connected = await repo.serversOnSwitch(id, tx);
        if (connected.length) throw new AppError('SWITCH_IN_USE', { switch: before.name, count: connected.length, names: someNames(connected.map((c) => c.serialNumber)) });
        const after = (await repo.updateSwitch(tx, id, before.version, { retiredAt: clock.now() }))!;
        await audit.record(tx, scope, { action: 'switch.retire', entity: 'switch', entityId: id, before, after });
        return after;
      });
    },
    /** More ports on a switch, numbered on from the highest GE1/0/n it has. */
    async addPorts(scope: Scope, switchId: string, input: { count: number; speedMbps?: number }) {
      requirePermission(scope, 'switch.addPorts');
      return repo.db.transaction(async (tx) => {
        const sw = await repo.lockSwitch(tx, switchId);
        if (!sw) throw new AppError('NOT_FOUND', { entity: 'switch' });
        if (sw.retiredAt) throw new AppError('RETIRED', { entity: 'switch', name: sw.name });
        const taken = new Set((await repo.portNames(switchId, tx)).map((p) => p.name));
        const ports: PortRow[] = [];
        for (let n = 1; ports.length < input.count; n += 1) {
          if (!taken.has(`GE1/0/${n}`)) ports.push({ id: ids.uuid(), switchId, name: `GE1/0/${n}`, speedMbps: input.speedMbps ?? 1000 });
        }
        await repo.insertPorts(tx, ports);
        await audit.record(tx, scope, { action: 'switch.addPorts', entity: 'switch', entityId: switchId, after: { ports: ports.map((p) => p.name) } });
        return ports;
      });
    },
    /** A port's name or speed. */
    async updatePort(scope: Scope, portId: string, input: { name?: string; speedMbps?: number }) {
      requirePermission(scope, 'port.update');
      try {
        return await repo.db.transaction(async (tx) => {
          const before = await repo.findPort(portId, tx);
          if (!before) throw new AppError('NOT_FOUND', { entity: 'port' });
          const after = (await repo.updatePort(tx, portId, input))!;
          await audit.record(tx, scope, { action: 'port.update', entity: 'switch', entityId: before.switch.id, before: before.port, after });
          return after;
        });
      } catch (err) {
        if (violates(err, 'switch_ports_switch_id_name_key')) throw new AppError('CONFLICT', { detail: input.name }, [{ path: 'name', key: 'inventory.nameTaken' }]);
        throw err;
      }
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
      requirePermission(scope, 'port.assign');
      const server = await deps.servers.findServer(scope, serverId);
      if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
      if (server.status === 'removed') throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: 'port' });
      const port = await repo.findPort(input.portId);
      if (!port) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'portId', key: 'field.invalid' }]);
      if (port.switch.retiredAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'portId', key: 'inventory.parentRetired', params: { name: port.switch.name } }]);
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
      requirePermission(scope, 'port.release');
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

    /** Resolves an Alertmanager `switch` label (id or name, when the name is unique) to an id. */
    switchIdByLabel: (tx: Executor, key: string) => repo.switchByIdOrName(key, tx),

    /** Every port and who uses it, for the CSV export; audited as one read. */
    async portInventory(scope: Scope) {
      requireStaff(scope);
      await audit.recordRead(scope, { entity: 'port_export' });
      return repo.portInventory();
    },

  };
}

export type NetworkService = ReturnType<typeof makeNetworkService>;
