import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { t, type Locale } from '../../core/i18n/index.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { AuditService } from '../audit/audit.service.js';
import { renderElevation, type ElevationSlot } from './elevation.js';
import type { CabinetRow, FloorRepository } from './floor.repository.js';
import { parseURange } from './u-range.js';

export type { SiteRow, RoomRow, CabinetRow } from './floor.repository.js';

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
      const row = { id: ids.uuid(), ...input, createdAt: clock.now() };
      await (tx ?? repo.db).transaction(async (tx) => {
        await repo.insertSite(tx, row);
        await audit.record(tx, scope, { action: 'site.create', entity: 'site', entityId: row.id, after: row });
      });
      return row;
    },
    async createRoom(scope: Scope, input: { siteId: string; name: string }, tx?: Executor) {
      requirePermission(scope, 'room.create');
      if (!(await repo.findSite(input.siteId, tx))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'siteId', key: 'field.invalid' }]);
      const row = { id: ids.uuid(), ...input, createdAt: clock.now() };
      await (tx ?? repo.db).transaction(async (tx) => {
        await repo.insertRoom(tx, row);
        await audit.record(tx, scope, { action: 'room.create', entity: 'room', entityId: row.id, after: row });
      });
      return row;
    },
    async createCabinet(scope: Scope, input: { roomId: string; code: string; heightU?: number; powerBudgetW?: number; status?: CabinetRow['status'] }, tx?: Executor) {
      requirePermission(scope, 'cabinet.create');
      if (!(await repo.findRoom(input.roomId, tx))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'roomId', key: 'field.invalid' }]);
      const row: CabinetRow = { id: ids.uuid(), roomId: input.roomId, code: input.code, heightU: input.heightU ?? 42, powerBudgetW: input.powerBudgetW ?? 4400, status: input.status ?? 'active', createdAt: clock.now() };
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
