import type { Clock } from '../../core/clock.js';
import { AppError, someNames } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { t, type Locale } from '../../core/i18n/index.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { AuditService } from '../audit/audit.service.js';
import { renderElevation, type ElevationSlot } from './elevation.js';
import type { CabinetRow, FloorRepository, RoomRow, SiteRow } from './floor.repository.js';
import { parseURange } from './u-range.js';

export type { SiteRow, RoomRow, CabinetRow } from './floor.repository.js';

/** What a cabinet form may set besides its room and code. */
interface CabinetInput {
  heightU?: number;
  powerBudgetW?: number;
  ratedCurrentA?: number | null;
  positionRow?: string | null;
  positionColumn?: number | null;
}

/** A few names for a refusal ("A01、A02 等 5 个" is said by the message around it). */

/** The floor: sites (机房), rooms and cabinets (机柜), and the rack elevation drawn from what sits in a cabinet. */
export function makeFloorService(deps: { repo: FloorRepository; audit: Pick<AuditService, 'record' | 'recordRead'>; clock: Clock; ids: IdGenerator }) {
  const { repo, audit, clock, ids } = deps;

  /** A customer may look only at cabinets where it has a live placement; others are "not found". */
  async function loadCabinet(scope: Scope, id: string) {
    const found = await repo.findCabinet(id);
    if (!found) throw new AppError('NOT_FOUND', { entity: 'cabinet' });
    if (scope.kind === 'customer' && !(await repo.cabinetIdsOfCustomer(scope.customerId)).includes(id)) throw new AppError('NOT_FOUND', { entity: 'cabinet' });
    return found;
  }

  return {
    // `tx`: an importer's transaction to join (a savepoint inside it); by default a transaction of its own
    async createSite(scope: Scope, input: { code: string; name: string; address: string; accessPoint: string }, tx?: Executor) {
      requirePermission(scope, 'site.create');
      const row: SiteRow = { id: ids.uuid(), code: input.code, name: input.name, address: input.address, accessPoint: input.accessPoint, createdAt: clock.now(), version: 1, retiredAt: null };
      await (tx ?? repo.db).transaction(async (tx) => {
        await repo.insertSite(tx, row);
        await audit.record(tx, scope, { action: 'site.create', entity: 'site', entityId: row.id, after: row });
      });
      return row;
    },
    async createRoom(scope: Scope, input: { siteId: string; name: string }, tx?: Executor) {
      requirePermission(scope, 'room.create');
      const site = await repo.findSite(input.siteId, tx);
      if (!site) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'siteId', key: 'field.invalid' }]);
      if (site.retiredAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'siteId', key: 'inventory.parentRetired', params: { name: site.name } }]);
      const row: RoomRow = { id: ids.uuid(), siteId: input.siteId, name: input.name, createdAt: clock.now(), version: 1, retiredAt: null };
      await (tx ?? repo.db).transaction(async (tx) => {
        await repo.insertRoom(tx, row);
        await audit.record(tx, scope, { action: 'room.create', entity: 'room', entityId: row.id, after: row });
      });
      return row;
    },
    async createCabinet(scope: Scope, input: CabinetInput & { roomId: string; code: string; status?: CabinetRow['status'] }, tx?: Executor) {
      requirePermission(scope, 'cabinet.create');
      const room = await repo.findRoom(input.roomId, tx);
      if (!room) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'roomId', key: 'field.invalid' }]);
      if (room.retiredAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'roomId', key: 'inventory.parentRetired', params: { name: room.name } }]);
      const status = input.status ?? 'active';
      const row: CabinetRow = {
        id: ids.uuid(),
        roomId: input.roomId,
        code: input.code,
        heightU: input.heightU ?? 42,
        powerBudgetW: input.powerBudgetW ?? 4400,
        status,
        createdAt: clock.now(),
        version: 1,
        positionRow: input.positionRow?.trim() || null,
        positionColumn: input.positionColumn ?? null,
        ratedCurrentA: input.ratedCurrentA ?? null,
        retiredAt: status === 'retired' ? clock.now() : null, // an import may bring a retired rack
      };
      await (tx ?? repo.db).transaction(async (tx) => {
        await repo.insertCabinet(tx, row);
        await audit.record(tx, scope, { action: 'cabinet.create', entity: 'cabinet', entityId: row.id, after: row });
      });
      return row;
    },
    // ── edit and retire (issue 18) ──────────────────────────────────────
    async updateSite(scope: Scope, id: string, input: { version: number; code?: string; name?: string; address?: string; accessPoint?: string }) {
      requirePermission(scope, 'site.update');
      const { version, ...patch } = input;
      return repo.db.transaction(async (tx) => {
        const before = await repo.findSite(id, tx);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'site' });
        const after = await repo.updateSite(tx, id, version, patch);
        if (!after) throw new AppError('STALE_VERSION', {}, [{ path: 'version', key: 'STALE_VERSION' }]);
        await audit.record(tx, scope, { action: 'site.update', entity: 'site', entityId: id, before, after });
        return after;
      });
    },
    /** A site is retired once nothing lives in it: every room retired first. */
    async retireSite(scope: Scope, id: string) {
      requirePermission(scope, 'site.retire');
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockSite(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'site' });
        if (before.retiredAt) return before;
        const live = await repo.liveRoomsOfSite(id, tx);
        if (live.length) throw new AppError('SITE_HAS_ROOMS', { site: before.name, count: live.length, names: someNames(live.map((r) => r.name)) });
        const after = (await repo.updateSite(tx, id, before.version, { retiredAt: clock.now() }))!;
        await audit.record(tx, scope, { action: 'site.retire', entity: 'site', entityId: id, before, after });
        return after;
      });
    },
    async updateRoom(scope: Scope, id: string, input: { version: number; name?: string }) {
      requirePermission(scope, 'room.update');
      const { version, ...patch } = input;
      return repo.db.transaction(async (tx) => {
        const before = await repo.findRoom(id, tx);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'room' });
        const after = await repo.updateRoom(tx, id, version, patch);
        if (!after) throw new AppError('STALE_VERSION', {}, [{ path: 'version', key: 'STALE_VERSION' }]);
        await audit.record(tx, scope, { action: 'room.update', entity: 'room', entityId: id, before, after });
        return after;
      });
    },
    /** A room is retired once its cabinets and switches are. */
    async retireRoom(scope: Scope, id: string) {
      requirePermission(scope, 'room.retire');
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockRoom(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'room' });
        if (before.retiredAt) return before;
        const cabinets = await repo.liveCabinetsOfRoom(id, tx);
        const switches = await repo.liveSwitchesOfRoom(id, tx);
        if (cabinets.length || switches.length) {
          throw new AppError('ROOM_IN_USE', { room: before.name, cabinets: cabinets.length, switches: switches.length, names: someNames([...cabinets.map((c) => c.code), ...switches.map((w) => w.name)]) });
        }
        const after = (await repo.updateRoom(tx, id, before.version, { retiredAt: clock.now() }))!;
        await audit.record(tx, scope, { action: 'room.retire', entity: 'room', entityId: id, before, after });
        return after;
      });
    },
    /** Code, height, rated power and current, position, active or reserved (retiring has its own call). */
    async updateCabinet(scope: Scope, id: string, input: CabinetInput & { version: number; code?: string; status?: 'active' | 'reserved' }) {
      requirePermission(scope, 'cabinet.update');
      const { version, ...patch } = input;
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockCabinet(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'cabinet' });
        if (before.version !== version) throw new AppError('STALE_VERSION', {}, [{ path: 'version', key: 'STALE_VERSION' }]);
        if (before.retiredAt) throw new AppError('RETIRED', { entity: 'cabinet', name: before.code });
        if (patch.heightU !== undefined && patch.heightU < before.heightU) {
          // a lower cabinet must still hold every server racked in it
          const [top] = (await repo.cabinetOccupancy(id, tx)).map((o) => parseURange(o.placement.uRange).highest).sort((a, b) => b - a);
          if (top !== undefined && top > patch.heightU) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'heightU', key: 'inventory.heightBelowServers', params: { top } }]);
        }
        const after = (await repo.updateCabinet(tx, id, version, { ...patch, positionRow: patch.positionRow === undefined ? undefined : patch.positionRow?.trim() || null }))!;
        await audit.record(tx, scope, { action: 'cabinet.update', entity: 'cabinet', entityId: id, before, after });
        return after;
      });
    },
    /** A cabinet is retired once no server is racked in it. */
    async retireCabinet(scope: Scope, id: string) {
      requirePermission(scope, 'cabinet.retire');
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockCabinet(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'cabinet' });
        if (before.retiredAt) return before;
        const racked = await repo.serversInCabinet(id, tx);
        if (racked.length) throw new AppError('CABINET_OCCUPIED', { cabinet: before.code, count: racked.length, names: someNames(racked.map((r) => r.serialNumber)) });
        const after = (await repo.updateCabinet(tx, id, before.version, { status: 'retired', retiredAt: clock.now() }))!;
        await audit.record(tx, scope, { action: 'cabinet.retire', entity: 'cabinet', entityId: id, before, after });
        return after;
      });
    },

    /** U and power used per cabinet (of a room), summed by the database. */
    async cabinetUtilisation(scope: Scope, roomId?: string, minUsedPercent?: number) {
      requireStaff(scope);
      return repo.cabinetUtilisation({ roomId, minUsedPercent });
    },
    /** U and power used per room (of a site), summed by the database. */
    async roomUtilisation(scope: Scope, siteId?: string) {
      requireStaff(scope);
      return repo.roomUtilisation(siteId);
    },

    /**
     * The elevation as data, for the page to draw: both faces, each placement with its server and
     * customer (a customer sees its own, and others' only as occupied), and the cabinet's utilisation.
     */
    async elevationData(scope: Scope, cabinetId: string) {
      requireReader(scope);
      const { cabinet, room, site } = await loadCabinet(scope, cabinetId);
      const occupancy = await repo.cabinetOccupancy(cabinetId);
      const [utilisation] = await repo.cabinetUtilisation({ cabinetId });
      const slots = occupancy.map(({ placement, server, customerName }) => {
        const visible = scope.kind !== 'customer' || placement.customerId === scope.customerId;
        return {
          face: placement.face,
          ...parseURange(placement.uRange),
          serverId: visible ? server.id : null,
          customerName: visible ? customerName : null,
          brand: visible ? server.brand : null,
          model: visible ? server.model : null,
          serialNumber: visible ? server.serialNumber : null,
          name: visible ? server.name : null,
          powerW: visible ? server.powerW : null,
          own: scope.kind === 'customer' && placement.customerId === scope.customerId,
        };
      });
      return {
        cabinet: { ...cabinet, roomName: room.name, siteId: site.id },
        siteName: site.name,
        slots,
        usedU: utilisation?.usedU ?? 0,
        powerW: utilisation?.powerW ?? 0,
      };
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

    /** Both faces of a cabinet as SVG; a customer sees its own servers and only "occupied" for the others'. */
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
      return renderElevation({
        title: t(locale, 'facility.elevation.title', { site: site.name, room: room.name, cabinet: cabinet.code, height: cabinet.heightU }),
        heightU: cabinet.heightU,
        slots,
        faces: { front: t(locale, 'facility.face.front'), rear: t(locale, 'facility.face.rear') },
        occupied: t(locale, 'facility.elevation.occupied'),
      });
    },

    // ── lookups for imports (join the importer's transaction) and alerts ──
    siteByName: (scope: Scope, name: string, tx?: Executor) => (requireStaff(scope), repo.siteByName(name, tx)),
    roomByName: (scope: Scope, siteId: string, name: string, tx?: Executor) => (requireStaff(scope), repo.roomByName(siteId, name, tx)),
    cabinetsInSite: (scope: Scope, siteId: string, code: string, tx?: Executor) => (requireStaff(scope), repo.cabinetsInSite(siteId, code, tx)),
    /** Resolves an Alertmanager `cabinet` label (id or code, when the code names one cabinet) to an id. */
    cabinetIdByLabel: (tx: Executor, key: string) => repo.cabinetByIdOrCode(key, tx),

    /** Every cabinet for the CSV export; audited as one read. */
    async cabinetInventory(scope: Scope) {
      requireStaff(scope);
      await audit.recordRead(scope, { entity: 'cabinet_export' });
      return repo.cabinetInventory();
    },
  };
}

export type FloorService = ReturnType<typeof makeFloorService>;
