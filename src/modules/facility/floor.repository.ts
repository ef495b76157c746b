import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { customerNames } from '../customers/customers.read.js';
import { cabinets, rooms, serverPlacements, servers, sites, switches } from './facility.schema.js';
import { looksLikeUuid } from './u-range.js';

export type SiteRow = typeof sites.$inferSelect;
export type RoomRow = typeof rooms.$inferSelect;
export type CabinetRow = typeof cabinets.$inferSelect;
interface CabinetUtilisationRow {
  cabinet_id: string;
  code: string;
  room_id: string;
  height_u: number;
  power_budget_w: number;
  rated_current_a: number | null;
  position_row: string | null;
  position_column: number | null;
  status: CabinetRow['status'];
  used_u: number | string;
  power_w: number | string;
  servers: number | string;
}
interface RoomUtilisationRow {
  room_id: string;
  name: string;
  site_id: string;
  site_name: string;
  cabinets: number | string;
  total_u: number | string;
  used_u: number | string;
  power_budget_w: number | string;
  power_w: number | string;
}

/** The floor: sites (机房), rooms and cabinets (机柜) — the provider's, not tenant data. */
export function makeFloorRepository(db: Db) {
  return {
    db,

    insertSite: (tx: Executor, row: SiteRow) => tx.insert(sites).values(row),
    insertRoom: (tx: Executor, row: RoomRow) => tx.insert(rooms).values(row),
    insertCabinet: (tx: Executor, row: CabinetRow) => tx.insert(cabinets).values(row),
    listSites: () => db.select().from(sites).orderBy(asc(sites.code)),
    listRooms: (siteId?: string) => db.select().from(rooms).where(siteId ? eq(rooms.siteId, siteId) : undefined).orderBy(asc(rooms.name)),
    async findSite(id: string, tx: Executor = db) {
      const [row] = await tx.select().from(sites).where(eq(sites.id, id));
      return row;
    },
    async findRoom(id: string, tx: Executor = db) {
      const [row] = await tx.select().from(rooms).where(eq(rooms.id, id));
      return row;
    },
    async findCabinet(id: string, tx: Executor = db) {
      const [row] = await tx
        .select({ cabinet: cabinets, room: rooms, site: sites })
        .from(cabinets)
        .innerJoin(rooms, eq(rooms.id, cabinets.roomId))
        .innerJoin(sites, eq(sites.id, rooms.siteId))
        .where(eq(cabinets.id, id));
      return row;
    },
    listCabinets: (roomId?: string) =>
      db
        .select({ cabinet: cabinets, roomName: rooms.name, siteId: rooms.siteId })
        .from(cabinets)
        .innerJoin(rooms, eq(rooms.id, cabinets.roomId))
        .where(roomId ? eq(cabinets.roomId, roomId) : undefined)
        .orderBy(asc(cabinets.code)),
    /** Cabinets where a customer has a live placement (what a customer may look at). */
    async cabinetIdsOfCustomer(customerId: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ id: serverPlacements.cabinetId })
        .from(serverPlacements)
        .where(and(eq(serverPlacements.customerId, customerId), isNull(serverPlacements.removedAt)));
      return rows.map((r) => r.id);
    },
    /** Who sits in a cabinet now (the elevation). */
    cabinetOccupancy: (cabinetId: string, tx: Executor = db) =>
      tx
        .select({ placement: serverPlacements, server: servers, customerName: customerNames.name })
        .from(serverPlacements)
        .innerJoin(servers, eq(servers.id, serverPlacements.serverId))
        .innerJoin(customerNames, eq(customerNames.id, serverPlacements.customerId))
        .where(and(eq(serverPlacements.cabinetId, cabinetId), isNull(serverPlacements.removedAt))),

    // ── lookups by natural key (imports, alerts) and the inventory (exports) ───
    async siteByName(name: string, tx: Executor = db) {
      const [row] = await tx.select().from(sites).where(eq(sites.name, name)).orderBy(asc(sites.code)).limit(1);
      return row;
    },
    async roomByName(siteId: string, name: string, tx: Executor = db) {
      const [row] = await tx.select().from(rooms).where(and(eq(rooms.siteId, siteId), eq(rooms.name, name)));
      return row;
    },
    cabinetsInSite: (siteId: string, code: string, tx: Executor = db) =>
      tx
        .select({ cabinet: cabinets, roomName: rooms.name })
        .from(cabinets)
        .innerJoin(rooms, eq(rooms.id, cabinets.roomId))
        .where(and(eq(rooms.siteId, siteId), eq(cabinets.code, code))),
    async cabinetByIdOrCode(key: string, tx: Executor = db) {
      const rows = await tx.select({ id: cabinets.id }).from(cabinets).where(looksLikeUuid(key) ? eq(cabinets.id, key) : eq(cabinets.code, key));
      return rows.length === 1 ? rows[0].id : undefined; // a cabinet code is unique per room only
    },
    // ── edit and retire (issue 18): a row version guards each update ───────
    async updateSite(tx: Executor, id: string, version: number, patch: Partial<SiteRow>): Promise<SiteRow | undefined> {
      const [row] = await tx.update(sites).set({ ...patch, version: version + 1 }).where(and(eq(sites.id, id), eq(sites.version, version))).returning();
      return row;
    },
    async updateRoom(tx: Executor, id: string, version: number, patch: Partial<RoomRow>): Promise<RoomRow | undefined> {
      const [row] = await tx.update(rooms).set({ ...patch, version: version + 1 }).where(and(eq(rooms.id, id), eq(rooms.version, version))).returning();
      return row;
    },
    async updateCabinet(tx: Executor, id: string, version: number, patch: Partial<CabinetRow>): Promise<CabinetRow | undefined> {
      const [row] = await tx.update(cabinets).set({ ...patch, version: version + 1 }).where(and(eq(cabinets.id, id), eq(cabinets.version, version))).returning();
      return row;
    },
    /** A row locked for its retirement: nothing can be put into it while we look at what is inside. */
    async lockSite(tx: Executor, id: string) {
      const [row] = await tx.select().from(sites).where(eq(sites.id, id)).for('update');
      return row;
    },
    async lockRoom(tx: Executor, id: string) {
      const [row] = await tx.select().from(rooms).where(eq(rooms.id, id)).for('update');
      return row;
    },
    async lockCabinet(tx: Executor, id: string) {
      const [row] = await tx.select().from(cabinets).where(eq(cabinets.id, id)).for('update');
      return row;
    },
    /** What still lives in a site: its rooms not retired. */
    liveRoomsOfSite: (siteId: string, tx: Executor = db) => tx.select({ name: rooms.name }).from(rooms).where(and(eq(rooms.siteId, siteId), isNull(rooms.retiredAt))).orderBy(asc(rooms.name)),
    liveCabinetsOfRoom: (roomId: string, tx: Executor = db) => tx.select({ code: cabinets.code }).from(cabinets).where(and(eq(cabinets.roomId, roomId), isNull(cabinets.retiredAt))).orderBy(asc(cabinets.code)),
    liveSwitchesOfRoom: (roomId: string, tx: Executor = db) => tx.select({ name: switches.name }).from(switches).where(and(eq(switches.roomId, roomId), isNull(switches.retiredAt))).orderBy(asc(switches.name)),
    /** Servers racked in a cabinet now (one row per server). */
    serversInCabinet: (cabinetId: string, tx: Executor = db) =>
      tx
        .selectDistinct({ serialNumber: servers.serialNumber })
        .from(serverPlacements)
        .innerJoin(servers, eq(servers.id, serverPlacements.serverId))
        .where(and(eq(serverPlacements.cabinetId, cabinetId), isNull(serverPlacements.removedAt)))
        .orderBy(asc(servers.serialNumber)),

    /**
     * U and power used per cabinet, summed by the database: each live server once (a full-depth one
     * has a front and a rear placement), its U from the placement's range and its power as registered.
     */
    async cabinetUtilisation(filter: { roomId?: string; cabinetId?: string; minUsedPercent?: number }) {
      const result = await db.execute(sql`
        SELECT c.id AS cabinet_id, c.code, c.room_id, c.height_u, c.power_budget_w, c.rated_current_a, c.position_row, c.position_column, c.status,
               coalesce(sum(p.u), 0)::int AS used_u, coalesce(sum(p.power_w), 0)::int AS power_w, count(p.server_id)::int AS servers
          FROM cabinets c
          LEFT JOIN (
            SELECT DISTINCT ON (sp.cabinet_id, sp.server_id) sp.cabinet_id, sp.server_id, upper(sp.u_range) - lower(sp.u_range) AS u, s.power_w
              FROM server_placements sp JOIN servers s ON s.id = sp.server_id
             WHERE sp.removed_at IS NULL
          ) p ON p.cabinet_id = c.id
         WHERE (${filter.roomId ?? null}::uuid IS NULL OR c.room_id = ${filter.roomId ?? null}::uuid)
           AND (${filter.cabinetId ?? null}::uuid IS NULL OR c.id = ${filter.cabinetId ?? null}::uuid)
         GROUP BY c.id
        HAVING (${filter.minUsedPercent ?? null}::int IS NULL OR (c.height_u > 0 AND coalesce(sum(p.u), 0) * 100 >= ${filter.minUsedPercent ?? null}::int * c.height_u))
         ORDER BY c.position_row NULLS LAST, c.position_column NULLS LAST, c.code`);
      return (result as unknown as { rows: CabinetUtilisationRow[] }).rows.map((r) => ({
        cabinetId: r.cabinet_id,
        code: r.code,
        roomId: r.room_id,
        heightU: r.height_u,
        powerBudgetW: r.power_budget_w,
        ratedCurrentA: r.rated_current_a,
        positionRow: r.position_row,
        positionColumn: r.position_column,
        status: r.status,
        usedU: Number(r.used_u),
        powerW: Number(r.power_w),
        servers: Number(r.servers),
      }));
    },
    /** The same per room (cabinets not retired), with its site, summed by the database. */
    async roomUtilisation(siteId?: string) {
      const result = await db.execute(sql`
        SELECT r.id AS room_id, r.name, r.site_id, st.name AS site_name,
               count(c.id)::int AS cabinets, coalesce(sum(c.height_u), 0)::int AS total_u, coalesce(sum(c.power_budget_w), 0)::int AS power_budget_w,
               coalesce(sum(u.used_u), 0)::int AS used_u, coalesce(sum(u.power_w), 0)::int AS power_w
          FROM rooms r
          JOIN sites st ON st.id = r.site_id
          LEFT JOIN cabinets c ON c.room_id = r.id AND c.retired_at IS NULL
          LEFT JOIN (
            SELECT p.cabinet_id, sum(p.u) AS used_u, sum(p.power_w) AS power_w
              FROM (SELECT DISTINCT ON (sp.cabinet_id, sp.server_id) sp.cabinet_id, upper(sp.u_range) - lower(sp.u_range) AS u, s.power_w
                      FROM server_placements sp JOIN servers s ON s.id = sp.server_id WHERE sp.removed_at IS NULL) p
             GROUP BY p.cabinet_id
          ) u ON u.cabinet_id = c.id
         WHERE r.retired_at IS NULL AND (${siteId ?? null}::uuid IS NULL OR r.site_id = ${siteId ?? null}::uuid)
         GROUP BY r.id, st.name
         ORDER BY st.name, r.name`);
      return (result as unknown as { rows: RoomUtilisationRow[] }).rows.map((r) => ({
        roomId: r.room_id,
        name: r.name,
        siteId: r.site_id,
        siteName: r.site_name,
        cabinets: Number(r.cabinets),
        totalU: Number(r.total_u),
        usedU: Number(r.used_u),
        powerBudgetW: Number(r.power_budget_w),
        powerW: Number(r.power_w),
      }));
    },

    /** Every cabinet with its room and site, for exports. */
    cabinetInventory: () =>
      db
        .select({ cabinet: cabinets, roomName: rooms.name, siteName: sites.name, siteCode: sites.code })
        .from(cabinets)
        .innerJoin(rooms, eq(rooms.id, cabinets.roomId))
        .innerJoin(sites, eq(sites.id, rooms.siteId))
        .orderBy(asc(sites.code), asc(rooms.name), asc(cabinets.code)),
  };
}

export type FloorRepository = ReturnType<typeof makeFloorRepository>;
