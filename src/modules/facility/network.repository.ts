import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerNames } from '../customers/customers.read.js';
import { portAssignments, servers, switchPorts, switches } from './facility.schema.js';
import { looksLikeUuid } from './u-range.js';

export type SwitchRow = typeof switches.$inferSelect;
export type PortRow = typeof switchPorts.$inferSelect;
export type PortAssignmentRow = typeof portAssignments.$inferSelect;

/** The network (6.1): switches, their ports, and which server interface uses which port. */
export function makeNetworkRepository(db: Db) {
  return {
    db,

    insertSwitch: (tx: Executor, row: SwitchRow) => tx.insert(switches).values(row),
    insertPorts: (tx: Executor, rows: PortRow[]) => tx.insert(switchPorts).values(rows),
    listSwitches: () => db.select().from(switches).orderBy(asc(switches.name)),
    portsOfSwitch: (switchId: string) =>
      db
        .select({ port: switchPorts, assignment: portAssignments })
        .from(switchPorts)
        .leftJoin(portAssignments, and(eq(portAssignments.portId, switchPorts.id), isNull(portAssignments.releasedAt)))
        .where(eq(switchPorts.switchId, switchId))
        .orderBy(asc(switchPorts.name)),
    async findPort(id: string, tx: Executor = db) {
      const [row] = await tx.select({ port: switchPorts, switch: switches }).from(switchPorts).innerJoin(switches, eq(switches.id, switchPorts.switchId)).where(eq(switchPorts.id, id));
      return row;
    },
    insertAssignment: (tx: Executor, row: PortAssignmentRow) => tx.insert(portAssignments).values(row),
    async releaseAssignment(tx: Executor, scope: Scope, id: string, at: Date): Promise<PortAssignmentRow | undefined> {
      const [row] = await tx
        .update(portAssignments)
        .set({ releasedAt: at })
        .where(and(eq(portAssignments.id, id), isNull(portAssignments.releasedAt), tenantFilter(scope, portAssignments.customerId)))
        .returning();
      return row;
    },
    async releaseAssignmentsOfServer(tx: Executor, serverId: string, at: Date) {
      await tx.update(portAssignments).set({ releasedAt: at }).where(and(eq(portAssignments.serverId, serverId), isNull(portAssignments.releasedAt)));
    },
    assignmentsOf: (scope: Scope, f: { serverId?: string; customerIds?: string[] }) =>
      db
        .select({ assignment: portAssignments, portName: switchPorts.name, switchName: switches.name, uplinkMbps: switches.uplinkMbps })
        .from(portAssignments)
        .innerJoin(switchPorts, eq(switchPorts.id, portAssignments.portId))
        .innerJoin(switches, eq(switches.id, switchPorts.switchId))
        .where(
          and(
            isNull(portAssignments.releasedAt),
            tenantFilter(scope, portAssignments.customerId),
            f.serverId ? eq(portAssignments.serverId, f.serverId) : undefined,
            f.customerIds ? inArray(portAssignments.customerId, f.customerIds) : undefined,
          ),
        ),
    // ── edit and retire (issue 18) ──
    async findSwitch(id: string, tx: Executor = db): Promise<SwitchRow | undefined> {
      const [row] = await tx.select().from(switches).where(eq(switches.id, id));
      return row;
    },
    async lockSwitch(tx: Executor, id: string): Promise<SwitchRow | undefined> {
      const [row] = await tx.select().from(switches).where(eq(switches.id, id)).for('update');
      return row;
    },
    async updateSwitch(tx: Executor, id: string, version: number, patch: Partial<SwitchRow>): Promise<SwitchRow | undefined> {
      const [row] = await tx.update(switches).set({ ...patch, version: version + 1 }).where(and(eq(switches.id, id), eq(switches.version, version))).returning();
      return row;
    },
    async updatePort(tx: Executor, id: string, patch: Partial<PortRow>): Promise<PortRow | undefined> {
      const [row] = await tx.update(switchPorts).set(patch).where(eq(switchPorts.id, id)).returning();
      return row;
    },
    portNames: (switchId: string, tx: Executor = db) => tx.select({ name: switchPorts.name }).from(switchPorts).where(eq(switchPorts.switchId, switchId)),
    /** Servers connected to a switch's ports now. */
    serversOnSwitch: (switchId: string, tx: Executor = db) =>
      tx
        .selectDistinct({ serialNumber: servers.serialNumber })
        .from(portAssignments)
        .innerJoin(switchPorts, eq(switchPorts.id, portAssignments.portId))
        .innerJoin(servers, eq(servers.id, portAssignments.serverId))
        .where(and(eq(switchPorts.switchId, switchId), isNull(portAssignments.releasedAt)))
        .orderBy(asc(servers.serialNumber)),
    async switchByIdOrName(key: string, tx: Executor = db) {
      const rows = await tx.select({ id: switches.id }).from(switches).where(looksLikeUuid(key) ? eq(switches.id, key) : eq(switches.name, key));
      return rows.length === 1 ? rows[0].id : undefined;
    },
    /** Every port with its switch and the live assignment, for exports. */
    portInventory: () =>
      db
        .select({ port: switchPorts, switchName: switches.name, assignment: portAssignments, serverSerial: servers.serialNumber, customerName: customerNames.name })
        .from(switchPorts)
        .innerJoin(switches, eq(switches.id, switchPorts.switchId))
        .leftJoin(portAssignments, and(eq(portAssignments.portId, switchPorts.id), isNull(portAssignments.releasedAt)))
        .leftJoin(servers, eq(servers.id, portAssignments.serverId))
        .leftJoin(customerNames, eq(customerNames.id, portAssignments.customerId))
        .orderBy(asc(switches.name), asc(switchPorts.name)),
  };
}

export type NetworkRepository = ReturnType<typeof makeNetworkRepository>;
