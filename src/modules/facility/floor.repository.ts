import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { customerNames } from '../customers/customers.read.js';
import { cabinets, rooms, serverPlacements, servers, sites } from './facility.schema.js';
import { looksLikeUuid } from './u-range.js';

export type SiteRow = typeof sites.$inferSelect;
export type RoomRow = typeof rooms.$inferSelect;
export type CabinetRow = typeof cabinets.$inferSelect;

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
    cabinetOccupancy: (cabinetId: string) =>
      db
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
