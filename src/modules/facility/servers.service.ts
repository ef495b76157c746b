import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { csvObjects } from '../../core/csv.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { violates } from '../../db/pg-errors.js';
import type { Emitter } from '../../core/reactions.js';
import type { AuditService } from '../audit/audit.service.js';
import { INSPECTION_ITEMS, type Face, type InspectionItem } from './facility.schema.js';
import type { FloorRepository } from './floor.repository.js';
import type { NetworkRepository } from './network.repository.js';
import type { InspectionPhotoRow, InspectionRow, ServerRow, ServersRepository } from './servers.repository.js';
import { sniffDocumentType } from '../../files/sniff.js';
import type { FileStore } from '../../files/file-store.js';
import { needsCompletion } from './placeholders.js';
import { parseURange, uRange } from './u-range.js';

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
export type { ServerRow } from './servers.repository.js';
export { RACKING_FACES, type Face } from './facility.schema.js';

/**
 * Customers' servers (第二条): intake and inspection (5.2), racking (7.1), status, removal, and the
 * views other modules need (incident scope, suspension, the contract link).
 */
export function makeServersService(deps: {
  repo: ServersRepository;
  /** where a server is racked: the cabinet, its room and site */
  cabinets: Pick<FloorRepository, 'findCabinet'>;
  /** a server's ports: shown with it, released when it leaves */
  ports: Pick<NetworkRepository, 'assignmentsOf' | 'releaseAssignmentsOfServer'>;
  customers: { exists(scope: Scope, id: string, tx?: Executor): Promise<boolean> };
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  /** photos of the intake checklist (content-addressed, like KYC copies) */
  files: Pick<FileStore, 'put' | 'get'>;
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

  /** The 409 names the range and, for staff, the occupant; a customer learns only "occupied". */
  async function occupiedError(scope: Scope, cabinetCode: string, cabinetId: string, face: 'front' | 'rear', lowest: number, heightU: number, tx?: Executor): Promise<AppError> {
    const [hit] = await repo.overlapping(cabinetId, face, uRange(lowest, heightU), tx);
    const range = hit ? parseURange(hit.placement.uRange) : { lowest, highest: lowest + heightU - 1 };
    const occupant = hit && scope.kind !== 'customer' ? `：${hit.customerName} ${hit.server.brand} ${hit.server.model} (${hit.server.serialNumber})` : '';
    return new AppError('U_RANGE_OCCUPIED', { cabinet: cabinetCode, face, range: `U${range.lowest}–U${range.highest}`, occupant }, [{ path: 'lowestU', key: 'U_RANGE_OCCUPIED', params: { cabinet: cabinetCode, face, range: `U${range.lowest}–U${range.highest}`, occupant } }]);
  }

  /** A server's inspections, newest first, each with its items, notes and photos. */
  async function inspectionsWithItems(scope: Scope, serverId: string) {
    const rows = await repo.inspections(scope, serverId);
    const inspectionIds = rows.map((r) => r.id);
    const [items, photos] = await Promise.all([repo.inspectionItems(inspectionIds), repo.inspectionPhotos(inspectionIds)]);
    return rows.map((r) => ({
      ...r,
      items: INSPECTION_ITEMS.map((item) => {
        const found = items.find((i) => i.inspectionId === r.id && i.item === item);
        return {
          item,
          ok: found?.ok ?? r[item],
          note: found?.note ?? null,
          photos: photos.filter((p) => p.inspectionId === r.id && p.item === item).map((p) => ({ id: p.id, item: p.item, fileName: p.fileName, contentType: p.contentType, sizeBytes: p.sizeBytes, createdAt: p.createdAt })),
        };
      }),
    }));
  }

  const service = {
    async createServer(scope: Scope, input: { customerId: string; brand: string; model: string; serialNumber: string; heightU: number; powerW?: number; contractId?: string | null; name?: string | null }, tx?: Executor) {
      requirePermission(scope, 'server.register');
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

    /**
     * Several servers of one customer from a CSV (brand, model, serial, height_u, power_w, name): each
     * row registered on its own (one transaction per row, so a row is whole or absent), and a report
     * per row — the server created, or the refusal to be worded in the user's language.
     */
    async importServers(scope: Scope, input: { customerId: string; csv: string }) {
      requirePermission(scope, 'server.register');
      if (!(await deps.customers.exists(scope, input.customerId))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.unknownCustomer' }]);
      const { header, rows } = csvObjects(input.csv.replace(/^\uFEFF/, ''));
      const col = (...names: string[]) => names.find((n) => header.includes(n));
      const columns = { brand: col('brand', '品牌'), model: col('model', '型号'), serial: col('serial', 'serialnumber', 'serial_number', '序列号'), height: col('height_u', 'heightu', 'u', '高度'), power: col('power_w', 'powerw', '功率'), name: col('name', '名称') };
      const missing = (['brand', 'model', 'serial', 'height'] as const).filter((k) => !columns[k]);
      if (missing.length) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'csv', key: 'facility.csvColumns', params: { columns: 'brand, model, serial, height_u' } }]);
      const report: { line: number; serialNumber: string; server?: ServerRow; error?: unknown }[] = [];
      for (const row of rows) {
        const v = (k: keyof typeof columns) => (columns[k] ? row.values[columns[k]!] : '') ?? '';
        const serialNumber = v('serial');
        try {
          const fields: FieldError[] = [];
          for (const [k, path] of [['brand', 'brand'], ['model', 'model'], ['serial', 'serialNumber']] as const) if (!v(k)) fields.push({ path, key: 'field.required' });
          const heightU = Number(v('height'));
          if (!Number.isInteger(heightU) || heightU < 1 || heightU > 10) fields.push({ path: 'heightU', key: 'facility.csvHeight' });
          const powerW = v('power') ? Number(v('power')) : undefined;
          if (powerW !== undefined && (!Number.isInteger(powerW) || powerW < 1 || powerW > 10_000)) fields.push({ path: 'powerW', key: 'facility.csvPower' });
          if (row.extra) fields.push({ path: 'csv', key: 'facility.csvExtraCells' });
          if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
          const server = await service.createServer(scope, { customerId: input.customerId, brand: v('brand'), model: v('model'), serialNumber, heightU, powerW, name: v('name') || null });
          report.push({ line: row.line, serialNumber: server.serialNumber, server });
        } catch (error) {
          report.push({ line: row.line, serialNumber, error });
        }
      }
      return report;
    },

    async servers(scope: Scope, filter: { customerId?: string; status?: ServerRow['status'] }) {
      requireReader(scope);
      return (await repo.serverRows(scope, filter)).map((r) => ({ ...r.server, customerName: r.customerName, needsCompletion: needsCompletion(r.server) }));
    },
    /** One page of servers and the total (a customer's own only). */
    async serverPage(scope: Scope, filter: { customerId?: string; status?: ServerRow['status'] }, page: { page: number; pageSize: number }) {
      requireReader(scope);
      const [rows, total] = await Promise.all([repo.serverRows(scope, filter, page), repo.countServers(scope, filter)]);
      return { items: rows.map((r) => ({ ...r.server, customerName: r.customerName, needsCompletion: needsCompletion(r.server) })), total };
    },

    async server(scope: Scope, id: string) {
      requireReader(scope);
      const server = await loadServer(scope, id);
      await audit.recordRead(scope, { entity: 'server', entityId: id, customerId: server.customerId });
      const placements = await repo.livePlacements(id);
      const located = placements[0] ? await deps.cabinets.findCabinet(placements[0].cabinetId) : undefined;
      return {
        ...server,
        needsCompletion: needsCompletion(server),
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
        ports: (await deps.ports.assignmentsOf(scope, { serverId: id })).map((a) => ({ ...a.assignment, portName: a.portName, switchName: a.switchName })),
        inspections: await inspectionsWithItems(scope, id),
      };
    },

    /**
     * 5.2: recorded at intake, item by item with the inspector's note; a failed inspection blocks
     * racking until a later one passes.
     */
    async inspect(scope: Scope, serverId: string, checklist: Record<InspectionItem, boolean> & { notes?: string | null; itemNotes?: Partial<Record<InspectionItem, string | null>> }, tx?: Executor) {
      requirePermission(scope, 'server.inspect');
      const server = await loadServer(scope, serverId, tx);
      const row: InspectionRow = {
        id: ids.uuid(),
        serverId,
        customerId: server.customerId,
        inspectorId: scope.kind === 'staff' ? scope.userId : null,
        powerSupplies: checklist.powerSupplies,
        rails: checklist.rails,
        interfaces: checklist.interfaces,
        labelling: checklist.labelling,
        notes: checklist.notes?.trim() || null,
        passed: INSPECTION_ITEMS.every((item) => checklist[item]),
        inspectedAt: clock.now(),
      };
      const items = INSPECTION_ITEMS.map((item) => ({ inspectionId: row.id, item, ok: checklist[item], note: checklist.itemNotes?.[item]?.trim() || null }));
      await (tx ?? repo.db).transaction(async (tx) => {
        await repo.insertInspection(tx, row);
        await repo.insertInspectionItems(tx, items);
        await audit.record(tx, scope, { action: 'server.inspect', entity: 'server', entityId: serverId, customerId: server.customerId, after: { ...row, items } });
      });
      return { ...row, items: items.map((i) => ({ item: i.item, ok: i.ok, note: i.note, photos: [] })) };
    },

    /** A photo of one checklist item (JPEG or PNG, recognised by its bytes), kept in the file store. */
    async addInspectionPhoto(scope: Scope, serverId: string, inspectionId: string, input: { item: string; bytes: Buffer; fileName: string }) {
      requirePermission(scope, 'server.inspect');
      const inspection = await repo.findInspection(scope, inspectionId);
      if (!inspection || inspection.serverId !== serverId) throw new AppError('NOT_FOUND', { entity: 'server' });
      const item = INSPECTION_ITEMS.find((i) => i === input.item);
      if (!item) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'item', key: 'field.invalid' }]);
      if (input.bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'kyc.fileEmpty' }]);
      const type = sniffDocumentType(input.bytes);
      if (type !== 'image/jpeg' && type !== 'image/png') throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'facility.photoType' }]);
      const stored = deps.files.put(input.bytes);
      const row: InspectionPhotoRow = {
        id: ids.uuid(),
        inspectionId,
        customerId: inspection.customerId,
        item,
        fileSha256: stored.sha256,
        fileName: input.fileName.slice(0, 200),
        contentType: type,
        sizeBytes: stored.size,
        uploadedBy: scope.kind === 'staff' ? scope.userId : null,
        createdAt: clock.now(),
      };
      await repo.db.transaction(async (tx) => {
        await repo.insertInspectionPhoto(tx, row);
        await audit.record(tx, scope, { action: 'server.inspectionPhoto', entity: 'server', entityId: serverId, customerId: inspection.customerId, after: { ...row } });
      });
      return { id: row.id, item: row.item, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, createdAt: row.createdAt };
    },

    /** A checklist photo, for staff and the server's own customer. */
    async inspectionPhoto(scope: Scope, photoId: string) {
      requireReader(scope);
      const row = await repo.findInspectionPhoto(scope, photoId);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'server' });
      await audit.recordRead(scope, { entity: 'inspection_photo', entityId: photoId, customerId: row.customerId });
      return { bytes: deps.files.get(row.fileSha256), contentType: row.contentType, fileName: row.fileName };
    },

    /**
     * 7.1: the racking day is the activation date. The database refuses an overlapping U range
     * (EXCLUDE), so two NOC engineers racking into the same slot at once cannot both succeed.
     */
    async rack(scope: Scope, serverId: string, input: { cabinetId: string; lowestU: number; face: Face }, outer?: Executor) {
      requirePermission(scope, 'server.rack');
      const found = await deps.cabinets.findCabinet(input.cabinetId, outer);
      if (!found) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'cabinetId', key: 'field.invalid' }]);
      const { cabinet } = found;
      if (cabinet.retiredAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'cabinetId', key: 'inventory.parentRetired', params: { name: cabinet.code } }]);
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
      requirePermission(scope, 'server.setStatus');
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
    async remove(scope: Scope, serverId: string, outer?: Executor) {
      requirePermission(scope, 'server.remove');
      // issue 21: a 设备进出单 takes the server out in its own transaction (outer)
      return (outer ?? repo.db).transaction(async (tx) => {
        const server = await repo.lockServer(tx, serverId);
        if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
        if (server.status === 'removed') throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: 'removed' });
        const now = clock.now();
        await repo.removePlacements(tx, serverId, now);
        await deps.ports.releaseAssignmentsOfServer(tx, serverId, now);
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

    // ── lookups for imports (join the importer's transaction) ─────────────
    serverByName: (scope: Scope, name: string, tx?: Executor) => (requireReader(scope), repo.serverByName(scope, name, tx)),

    /** Servers with where they sit, for the CSV exports; a staff export is audited as one read. */
    /** Issue 22: the servers the regulator's register reports (not removed), each once, with where it stands. */
    async registerServers(scope: Scope) {
      requireStaff(scope, 'compliance', 'auditor');
      const byServer = new Map<string, Awaited<ReturnType<ServersRepository['registerServers']>>[number]>();
      // the first placement face in the inventory's order names the cabinet, as in serverInventory
      for (const r of await repo.registerServers()) if (!byServer.has(r.id)) byServer.set(r.id, r);
      return [...byServer.values()];
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
    /**
     * Issue 18: what the onboarding checklist and the contract page show of a customer's servers — where each
     * sits, whether its latest intake inspection passed (5.2), how many ports it has — without auditing a
     * read per server (the caller's own read is audited where it is made).
     */
    async facts(scope: Scope, filter: { customerId?: string; contractId?: string }) {
      requireReader(scope);
      const rows = (await repo.serverRows(scope, { customerId: filter.customerId })).filter((r) => r.server.status !== 'removed' && (!filter.contractId || r.server.contractId === filter.contractId));
      return Promise.all(
        rows.map(async ({ server }) => {
          const [placement] = await repo.livePlacements(server.id);
          const located = placement ? await deps.cabinets.findCabinet(placement.cabinetId) : undefined;
          const latest = await repo.latestInspection(server.id);
          return {
            id: server.id,
            customerId: server.customerId,
            contractId: server.contractId,
            brand: server.brand,
            model: server.model,
            serialNumber: server.serialNumber,
            heightU: server.heightU,
            status: server.status,
            inspected: latest?.passed ?? false,
            inspectionFailed: latest ? !latest.passed : false,
            placement: located && placement ? { cabinetId: located.cabinet.id, cabinetCode: located.cabinet.code, roomId: located.room.id, roomName: located.room.name, siteName: located.site.name, ...parseURange(placement.uRange) } : null,
            ports: (await deps.ports.assignmentsOf(scope, { serverId: server.id })).length,
          };
        }),
      );
    },
    /**
     * Issue 19 §3 (doc-versions): where a server sits, read in the caller's transaction — the racking's,
     * so the 开通确认单 records the placement the racking just made. Null when the server is not racked.
     */
    async placementIn(tx: Executor, serverId: string) {
      const placements = await repo.livePlacements(serverId, tx);
      const located = placements[0] ? await deps.cabinets.findCabinet(placements[0].cabinetId, tx) : undefined;
      if (!located) return null;
      return { siteName: located.site.name, roomName: located.room.name, cabinetCode: located.cabinet.code, faces: placements.map((p) => p.face), ...parseURange(placements[0].uRange) };
    },
    // ── incidents (6.3): scope resolution and suspension, in the caller's transaction ──
    /** Servers affected by a scope entry; staff/system only (the NOC's view of the floor). */
    serversInScope(tx: Executor, kind: 'site' | 'room' | 'cabinet' | 'switch' | 'port' | 'server', id: string) {
      return repo.serversInScope(kind, id, tx);
    },
    /** Resolves an Alertmanager `server` label (id or serial number) to an id. */
    serverIdByLabel: (tx: Executor, key: string) => repo.serverByIdOrSerial(key, tx),
    /** setStatus inside another module's transaction (suspension for a destabilising server, 6.3). */
    async setStatusIn(tx: Executor, scope: Scope, serverId: string, status: ServerRow['status'], reason: string) {
      requirePermission(scope, 'server.setStatus');
      const server = await repo.lockServer(tx, serverId);
      if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
      if (!TRANSITIONS[server.status].includes(status)) throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: status });
      const after = await repo.updateServer(tx, serverId, { status, updatedAt: clock.now(), version: server.version + 1 });
      await audit.record(tx, scope, { action: 'server.status', entity: 'server', entityId: serverId, customerId: server.customerId, before: server, after: { ...after, reason } });
      return after;
    },
  };
  return service;
}

export type ServersService = ReturnType<typeof makeServersService>;
