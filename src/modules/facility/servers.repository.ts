import { and, asc, desc, eq, inArray, isNull, ne, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgSelect, PgSelectBase, SelectedFields } from 'drizzle-orm/pg-core';
import type { Db, Executor } from '../../db/client.js';
import { preparedTenantFilter, tenantFilter, tenantParams } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerNames } from '../customers/customers.read.js';
import { cabinets, intakeInspectionItems, intakeInspectionPhotos, intakeInspections, portAssignments, rooms, serverPlacements, servers, sites, switchPorts } from './facility.schema.js';
import { looksLikeUuid } from './u-range.js';

export type ServerRow = typeof servers.$inferSelect;
export type PlacementRow = typeof serverPlacements.$inferSelect;
export type InspectionRow = typeof intakeInspections.$inferSelect;
export type InspectionItemRow = typeof intakeInspectionItems.$inferSelect;
export type InspectionPhotoRow = typeof intakeInspectionPhotos.$inferSelect;

export interface ServerFilter {
  customerId?: string;
  status?: ServerRow['status'];
}
/** An unpaged server list stops here. */
const LIST_LIMIT = 1000;
type Param<T> = T | Placeholder;

/** After the chain below: the server and its customer always there; the placement and all above it null when unracked. */
type WhereTheySit = { servers: 'not-null'; customer_names: 'not-null'; server_placements: 'nullable'; cabinets: 'nullable'; rooms: 'nullable'; sites: 'nullable' };

/**
 * Servers with where they sit — the customer's name, and the live placement → cabinet → room → site (nulls
 * when unracked), one row per live placement face — selecting `fields`: the chain the register and the
 * inventory share. Drizzle cannot type a join chain on a generic selection, so the joins run untyped and the
 * result is typed as drizzle types it for a concrete selection (WhereTheySit is its nullability map).
 */
function serversWhereTheySit<T extends SelectedFields>(db: Db, fields: T): PgSelectBase<'servers', T, 'partial', WhereTheySit> {
  const from = db.select(fields).from(servers) as unknown as PgSelect;
  return from
    .innerJoin(customerNames, eq(customerNames.id, servers.customerId))
    .leftJoin(serverPlacements, and(eq(serverPlacements.serverId, servers.id), isNull(serverPlacements.removedAt)))
    .leftJoin(cabinets, eq(cabinets.id, serverPlacements.cabinetId))
    .leftJoin(rooms, eq(rooms.id, cabinets.roomId))
    .leftJoin(sites, eq(sites.id, rooms.siteId)) as unknown as PgSelectBase<'servers', T, 'partial', WhereTheySit>;
}
/** The inventory's order: customer name, serial number, face. */
const INVENTORY_ORDER = [asc(customerNames.name), asc(servers.serialNumber), asc(serverPlacements.face)];

/**
 * The regulator's occupied-space records (issue 22 §1): servers not removed, with the site and cabinet they
 * stand in and when they were racked — the columns the register uses, in the inventory's order (customer
 * name, serial number, face), one row per live placement face (none when unracked). A function of the
 * database so the regulator bench can COPY the very statement.
 */
export const registerServersQuery = (db: Db) =>
  serversWhereTheySit(db, { id: servers.id, customerId: servers.customerId, status: servers.status, siteName: sites.name, cabinetCode: cabinets.code, rackedAt: servers.rackedAt })
    .where(ne(servers.status, 'removed'))
    .orderBy(...INVENTORY_ORDER);

/** Customers' servers (第二条): the list, placements on the rack, intake inspections, and where a server sits. */
export function makeServersRepository(db: Db) {
  // ── the server list (every listing and page of the servers screen and API) ──
  const serverWhere = (tenant: SQL | undefined, f: { customerId?: Param<string>; status?: Param<ServerRow['status']> }) =>
    and(tenant, f.customerId ? eq(servers.customerId, f.customerId) : undefined, f.status ? eq(servers.status, f.status) : undefined);
  const serverList = (tenant: SQL | undefined, f: { customerId?: Param<string>; status?: Param<ServerRow['status']> }, limit: Param<number>, offset: Param<number>) =>
    db
      .select({ server: servers, customerName: customerNames.name })
      .from(servers)
      .innerJoin(customerNames, eq(customerNames.id, servers.customerId))
      .where(serverWhere(tenant, f))
      .orderBy(asc(customerNames.name), asc(servers.serialNumber))
      .limit(limit)
      .offset(offset);
  /**
   * The list and its count, built once per kind of scope and filter (at most 16) and prepared:
   * drizzle does not rebuild the SQL on every request, and PostgreSQL parses it once per connection.
   */
  const buildServerQueries = (kind: Scope['kind'], f: ServerFilter) => {
    const name = `facility_servers_${kind}${f.customerId ? '_customer' : ''}${f.status ? '_status' : ''}`;
    const tenant = preparedTenantFilter(kind, servers.customerId);
    const where = { customerId: f.customerId ? sql.placeholder('customerId') : undefined, status: f.status ? sql.placeholder('status') : undefined };
    return {
      list: serverList(tenant, where, sql.placeholder('limit'), sql.placeholder('offset')).prepare(name),
      count: db.select({ n: sql<number>`count(*)::int` }).from(servers).where(serverWhere(tenant, where)).prepare(`${name}_count`),
    };
  };
  const serverQueries = new Map<string, ReturnType<typeof buildServerQueries>>();
  const preparedServerQueries = (kind: Scope['kind'], f: ServerFilter) => {
    const key = `${kind}:${Boolean(f.customerId)}:${Boolean(f.status)}`;
    let queries = serverQueries.get(key);
    if (!queries) serverQueries.set(key, (queries = buildServerQueries(kind, f)));
    return queries;
  };

  return {
    db,

    // ── servers ─────────────────────────────────────────────────────────
    async findServer(scope: Scope, id: string, tx: Executor = db): Promise<ServerRow | undefined> {
      const [row] = await tx.select().from(servers).where(and(eq(servers.id, id), tenantFilter(scope, servers.customerId)));
      return row;
    },
    async lockServer(tx: Executor, id: string): Promise<ServerRow | undefined> {
      const [row] = await tx.select().from(servers).where(eq(servers.id, id)).for('update');
      return row;
    },
    /**
     * The server list's query with values in it: what serverRows runs as a prepared statement (its
     * SQL is the same), for toSQL() and the bench's bare baseline.
     */
    listServers: (scope: Scope, f: ServerFilter, page?: { page: number; pageSize: number }) =>
      serverList(tenantFilter(scope, servers.customerId), f, page ? page.pageSize : LIST_LIMIT, page ? (page.page - 1) * page.pageSize : 0),
    /** Servers with their customer's name in list order: one page, or the first LIST_LIMIT. */
    serverRows: (scope: Scope, f: ServerFilter, page?: { page: number; pageSize: number }) =>
      preparedServerQueries(scope.kind, f).list.execute({
        ...tenantParams(scope),
        customerId: f.customerId,
        status: f.status,
        limit: page ? page.pageSize : LIST_LIMIT,
        offset: page ? (page.page - 1) * page.pageSize : 0,
      }),
    async countServers(scope: Scope, f: ServerFilter): Promise<number> {
      const [row] = await preparedServerQueries(scope.kind, f).count.execute({ ...tenantParams(scope), customerId: f.customerId, status: f.status });
      return row.n;
    },
    insertServer: (tx: Executor, row: ServerRow) => tx.insert(servers).values(row),
    async updateServer(tx: Executor, id: string, patch: Partial<ServerRow>): Promise<ServerRow> {
      const [row] = await tx.update(servers).set(patch).where(eq(servers.id, id)).returning();
      return row;
    },

    // ── placements ──────────────────────────────────────────────────────
    insertPlacement: (tx: Executor, row: PlacementRow) => tx.insert(serverPlacements).values(row),
    livePlacements: (serverId: string, tx: Executor = db) =>
      tx.select().from(serverPlacements).where(and(eq(serverPlacements.serverId, serverId), isNull(serverPlacements.removedAt))),
    async removePlacements(tx: Executor, serverId: string, at: Date) {
      await tx.update(serverPlacements).set({ removedAt: at }).where(and(eq(serverPlacements.serverId, serverId), isNull(serverPlacements.removedAt)));
    },
    /** Who sits on a U range of a cabinet face (for the 409 answer). */
    overlapping: (cabinetId: string, face: 'front' | 'rear', range: string, tx: Executor = db) =>
      tx
        .select({ placement: serverPlacements, server: servers, customerName: customerNames.name })
        .from(serverPlacements)
        .innerJoin(servers, eq(servers.id, serverPlacements.serverId))
        .innerJoin(customerNames, eq(customerNames.id, serverPlacements.customerId))
        .where(and(eq(serverPlacements.cabinetId, cabinetId), eq(serverPlacements.face, face), isNull(serverPlacements.removedAt), sql`${serverPlacements.uRange} && ${range}::int4range`)),

    // ── inspections ─────────────────────────────────────────────────────
    insertInspection: (tx: Executor, row: InspectionRow) => tx.insert(intakeInspections).values(row),
    insertInspectionItems: (tx: Executor, rows: InspectionItemRow[]) => tx.insert(intakeInspectionItems).values(rows),
    insertInspectionPhoto: (tx: Executor, row: InspectionPhotoRow) => tx.insert(intakeInspectionPhotos).values(row),
    async findInspection(scope: Scope, id: string, tx: Executor = db): Promise<InspectionRow | undefined> {
      const [row] = await tx.select().from(intakeInspections).where(and(eq(intakeInspections.id, id), tenantFilter(scope, intakeInspections.customerId)));
      return row;
    },
    inspectionItems: (inspectionIds: string[]) =>
      inspectionIds.length ? db.select().from(intakeInspectionItems).where(inArray(intakeInspectionItems.inspectionId, inspectionIds)) : Promise.resolve([] as InspectionItemRow[]),
    inspectionPhotos: (inspectionIds: string[]) =>
      inspectionIds.length
        ? db.select().from(intakeInspectionPhotos).where(inArray(intakeInspectionPhotos.inspectionId, inspectionIds)).orderBy(asc(intakeInspectionPhotos.createdAt))
        : Promise.resolve([] as InspectionPhotoRow[]),
    async findInspectionPhoto(scope: Scope, id: string): Promise<InspectionPhotoRow | undefined> {
      const [row] = await db.select().from(intakeInspectionPhotos).where(and(eq(intakeInspectionPhotos.id, id), tenantFilter(scope, intakeInspectionPhotos.customerId)));
      return row;
    },
    async latestInspection(serverId: string, tx: Executor = db): Promise<InspectionRow | undefined> {
      const [row] = await tx.select().from(intakeInspections).where(eq(intakeInspections.serverId, serverId)).orderBy(desc(intakeInspections.inspectedAt)).limit(1);
      return row;
    },
    inspections: (scope: Scope, serverId: string) =>
      db.select().from(intakeInspections).where(and(eq(intakeInspections.serverId, serverId), tenantFilter(scope, intakeInspections.customerId))).orderBy(desc(intakeInspections.inspectedAt)),

    // ── lookups by natural key (imports, alerts) and the inventory (exports) ───
    async serverByName(scope: Scope, name: string, tx: Executor = db): Promise<ServerRow | undefined> {
      const [row] = await tx.select().from(servers).where(and(eq(servers.name, name), tenantFilter(scope, servers.customerId)));
      return row;
    },
    registerServers: () => registerServersQuery(db),
    /** Servers with where they sit (one row per live placement face; none when unracked), for exports. */
    serverInventory: (scope: Scope, f: { customerId?: string; status?: ServerRow['status'] }) =>
      serversWhereTheySit(db, { server: servers, customerName: customerNames.name, placement: serverPlacements, cabinetCode: cabinets.code, roomName: rooms.name, siteName: sites.name })
        .where(and(tenantFilter(scope, servers.customerId), f.customerId ? eq(servers.customerId, f.customerId) : undefined, f.status ? eq(servers.status, f.status) : undefined))
        .orderBy(...INVENTORY_ORDER),

    // ── incident scope (read by the incidents module) ──────────────────
    /** Servers on the rack or behind the port now, for a site, room, cabinet, switch, port or server; removed servers are out of scope. */
    serversInScope(kind: 'site' | 'room' | 'cabinet' | 'switch' | 'port' | 'server', id: string, tx: Executor = db) {
      const pick = { id: servers.id, customerId: servers.customerId, contractId: servers.contractId, serialNumber: servers.serialNumber };
      const live = sql`${servers.status} <> 'removed'`;
      if (kind === 'server') return tx.select(pick).from(servers).where(and(eq(servers.id, id), live));
      if (kind === 'switch' || kind === 'port') {
        return tx
          .selectDistinct(pick)
          .from(portAssignments)
          .innerJoin(switchPorts, eq(switchPorts.id, portAssignments.portId))
          .innerJoin(servers, eq(servers.id, portAssignments.serverId))
          .where(and(isNull(portAssignments.releasedAt), kind === 'port' ? eq(portAssignments.portId, id) : eq(switchPorts.switchId, id), live));
      }
      const where = kind === 'cabinet' ? eq(serverPlacements.cabinetId, id) : kind === 'room' ? eq(cabinets.roomId, id) : eq(rooms.siteId, id);
      return tx
        .selectDistinct(pick)
        .from(serverPlacements)
        .innerJoin(cabinets, eq(cabinets.id, serverPlacements.cabinetId))
        .innerJoin(rooms, eq(rooms.id, cabinets.roomId))
        .innerJoin(servers, eq(servers.id, serverPlacements.serverId))
        .where(and(isNull(serverPlacements.removedAt), where, live));
    },
    /** A server by id or serial number (Alertmanager labels carry either). */
    async serverByIdOrSerial(key: string, tx: Executor = db) {
      const [row] = await tx.select({ id: servers.id }).from(servers).where(looksLikeUuid(key) ? eq(servers.id, key) : eq(servers.serialNumber, key));
      return row?.id;
    },
  };
}

export type ServersRepository = ReturnType<typeof makeServersRepository>;
