import type { Clock } from '../../core/clock.js';
import { toCsv } from '../../core/csv.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, systemScope, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import {
  checkAccessSettings,
  checkIdLast4,
  checkVisitWindow,
  DEFAULT_ACCESS_SETTINGS,
  formatShanghai,
  mayAuthoriseEquipment,
  releaseHolds,
  shanghaiDate,
  windowTouchesDay,
  withinCheckInWindow,
  type AccessSettings,
  type IdDocumentType,
  type VisitPurpose,
} from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { BillingService } from '../billing/billing.service.js';
import type { ComplaintsService } from '../compliance/complaints.service.js';
import type { InspectionsService } from '../compliance/inspections.service.js';
import type { RosterService } from '../customers/roster.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { FloorService } from '../facility/floor.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { NoticesService } from '../notices/notices.service.js';
import type { AccessRepository, MovementRow, VisitFilter, VisitPersonRow, VisitRow } from './access.repository.js';

export interface NewVisit {
  customerId?: string;
  roomId: string;
  purpose: VisitPurpose;
  startsAt: Date;
  endsAt: Date;
  memberIds: string[];
  serverIds: string[];
  note?: string | null;
}

export interface CheckIn {
  idDocumentType: IdDocumentType;
  idLast4: string;
  escort?: string | null;
}

type Member = Awaited<ReturnType<RosterService['peopleNow']>>[number];

const ROSTER_CLAUSE = '5.10';

/**
 * Issue 21: site access. Visits to the machine room (进出机房申请) and equipment in and out (设备进出单),
 * gated by the customer's 5.10 roster as it stands now, and kept with who was on it at the time.
 */
export function makeAccessService(deps: {
  repo: AccessRepository;
  roster: Pick<RosterService, 'peopleNow' | 'current'>;
  customers: Pick<CustomersService, 'exists'>;
  floor: Pick<FloorService, 'rooms' | 'sites'>;
  servers: Pick<ServersService, 'facts' | 'findServer' | 'server' | 'rack' | 'remove'>;
  billing: Pick<BillingService, 'invoices'>;
  complaints: Pick<ComplaintsService, 'complaints'>;
  inspections: Pick<InspectionsService, 'inspections'>;
  notices: Pick<NoticesService, 'register'>;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;
  const system = systemScope('access');
  const actorId = (scope: Scope) => (scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null);
  const numberOf = (prefix: string, id: string) => `${prefix}${shanghaiDate(clock.now()).replace(/-/g, '')}-${id.replace(/-/g, '').slice(-6).toUpperCase()}`;

  async function settingsIn(tx?: Executor): Promise<AccessSettings> {
    const row = await repo.settings(tx);
    return row ? { opensMinute: row.opensMinute, closesMinute: row.closesMinute, maxVisitMinutes: row.maxVisitMinutes, equipmentRoles: row.equipmentRoles } : DEFAULT_ACCESS_SETTINGS;
  }

  /** Rooms by id with their site's name (the floor service's lists; a few rows). */
  async function roomNames(): Promise<Map<string, { roomName: string; siteName: string }>> {
    const [rooms, sites] = await Promise.all([deps.floor.rooms(system), deps.floor.sites(system)]);
    const siteName = new Map(sites.map((s) => [s.id, s.name]));
    return new Map(rooms.map((r) => [r.id, { roomName: r.name, siteName: siteName.get(r.siteId) ?? '' }]));
  }

  function customerOf(scope: Scope, customerId: string | undefined): string {
    if (scope.kind === 'customer') return scope.customerId;
    if (!customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.required' }]);
    return customerId;
  }

  async function loadVisit(scope: Scope, id: string, tx?: Executor): Promise<VisitRow> {
    const row = await repo.findVisit(scope, id, tx);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'visit' });
    return row;
  }

  /** Visits with their people and servers, rooms named. */
  async function present(rows: { visit: VisitRow; customerName: string }[]) {
    const visitIds = rows.map((r) => r.visit.id);
    const [people, servers, rooms] = await Promise.all([repo.peopleOf(visitIds), repo.serversOf(visitIds), roomNames()]);
    return rows.map(({ visit, customerName }) => ({
      ...visit,
      customerName,
      roomName: rooms.get(visit.roomId)?.roomName ?? '',
      siteName: rooms.get(visit.roomId)?.siteName ?? '',
      people: people.filter((p) => p.visitId === visit.id).map(publicPerson),
      serverIds: servers.filter((s) => s.visitId === visit.id).map((s) => s.serverId),
    }));
  }

  const publicPerson = (p: VisitPersonRow) => ({
    id: p.id,
    memberId: p.memberId,
    name: p.name,
    role: p.role,
    idDocumentType: p.idDocumentType,
    idLast4: p.idLast4,
    escort: p.escort,
    checkedInAt: p.checkedInAt,
    checkedOutAt: p.checkedOutAt,
    refusedAt: p.refusedAt,
    refusal: p.refusal,
  });

  async function holdsFor(scope: Scope, customerId: string, serverId: string) {
    const [invoices, complaints, inspections] = await Promise.all([
      deps.billing.invoices(system, { customerId }),
      deps.complaints.complaints(system, { customerId, status: ['open', 'notified', 'confirmed'] }),
      deps.inspections.inspections(system, { customerId }),
    ]);
    void scope;
    return releaseHolds({
      today: shanghaiDate(clock.now()),
      serverId,
      invoices: invoices.map((i) => ({ number: i.number, status: i.status, dueOn: i.dueOn })),
      complaints: complaints.map((c) => ({ number: c.number, status: c.status, hasEvidence: c.hasEvidence, serverId: c.serverId })),
      inspections: inspections.map((i) => ({ id: i.id, serverId: i.serverId, withheld: i.withheld, documentNumber: i.documentNumber })),
    });
  }

  const service = {
    // ── settings ──────────────────────────────────────────────────────────
    async settings(scope: Scope) {
      requireReader(scope);
      const s = await settingsIn();
      return { ...s, equipmentRoles: [...s.equipmentRoles] };
    },

    async setSettings(scope: Scope, input: AccessSettings) {
      requirePermission(scope, 'access.settings');
      const findings = checkAccessSettings(input);
      if (findings.length) throw new AppError('VALIDATION_FAILED', {}, findings);
      return repo.db.transaction(async (tx) => {
        const before = await settingsIn(tx);
        const row = await repo.saveSettings(tx, { ...input, equipmentRoles: [...input.equipmentRoles], updatedBy: actorId(scope), updatedAt: clock.now() });
        await audit.record(tx, scope, { action: 'access.settings', entity: 'access_settings', entityId: 'site', before, after: row });
        return { opensMinute: row.opensMinute, closesMinute: row.closesMinute, maxVisitMinutes: row.maxVisitMinutes, equipmentRoles: row.equipmentRoles };
      });
    },

    /** What a booking form offers a customer: the rooms holding its servers, its servers, its roster now. */
    async bookingOptions(scope: Scope, customerIdIn?: string) {
      requireReader(scope);
      const customerId = customerOf(scope, customerIdIn);
      if (!(await deps.customers.exists(scope, customerId))) throw new AppError('NOT_FOUND', { entity: 'customer' });
      const [servers, people, settings] = await Promise.all([deps.servers.facts(scope, { customerId }), deps.roster.peopleNow(repo.db, customerId, 'customer'), settingsIn()]);
      const rooms = new Map<string, { roomId: string; roomName: string; siteName: string }>();
      for (const s of servers) if (s.placement) rooms.set(s.placement.roomId, { roomId: s.placement.roomId, roomName: s.placement.roomName, siteName: s.placement.siteName });
      return {
        rooms: [...rooms.values()],
        servers: servers.map((s) => ({ id: s.id, serialNumber: s.serialNumber, brand: s.brand, model: s.model, status: s.status, roomId: s.placement?.roomId ?? null, cabinetCode: s.placement?.cabinetCode ?? null })),
        people: people.map((p) => ({ memberId: p.memberId, name: p.name, role: p.role, mayAuthoriseEquipment: mayAuthoriseEquipment(p.role, settings) })),
        settings: { ...settings, equipmentRoles: [...settings.equipmentRoles] },
      };
    },

    // ── visits ────────────────────────────────────────────────────────────
    /**
     * 进出机房申请: the window checked against the site's rules, the room must hold the customer's servers
     * (or, for an installation, the servers named must be waiting to be brought in), and every person must
     * be on the customer's roster now (5.10).
     */
    async book(scope: Scope, input: NewVisit) {
      requirePermission(scope, 'visit.request');
      const customerId = customerOf(scope, input.customerId);
      if (!(await deps.customers.exists(scope, customerId))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.unknownCustomer' }]);
      const settings = await settingsIn();
      const now = clock.now();
      const fields: FieldError[] = checkVisitWindow(input, now, settings);
      const servers = await deps.servers.facts(system, { customerId });
      const byId = new Map(servers.map((s) => [s.id, s]));
      // a server that is not this customer's is not found (as a ticket's server), whoever asks
      if (input.serverIds.some((id) => !byId.has(id))) throw new AppError('NOT_FOUND', { entity: 'server' });
      const rooms = await roomNames();
      if (!rooms.has(input.roomId)) fields.push({ path: 'roomId', key: 'field.invalid' });
      else {
        const inRoom = servers.some((s) => s.placement?.roomId === input.roomId);
        const installing = input.purpose === 'installation' && input.serverIds.length > 0 && input.serverIds.every((id) => byId.get(id)?.status === 'expected');
        if (!inRoom && !installing) fields.push({ path: 'roomId', key: 'access.roomWithoutServers' });
        input.serverIds.forEach((id, i) => {
          const s = byId.get(id);
          if (s?.placement && s.placement.roomId !== input.roomId) fields.push({ path: `serverIds.${i}`, key: 'access.serverNotInRoom' });
        });
      }
      if (!input.memberIds.length) fields.push({ path: 'memberIds', key: 'field.required' });
      if (new Set(input.memberIds).size !== input.memberIds.length) fields.push({ path: 'memberIds', key: 'field.invalid' });
      const people = await deps.roster.peopleNow(repo.db, customerId, 'customer');
      const onRoster = new Map(people.map((p) => [p.memberId, p]));
      input.memberIds.forEach((id, i) => {
        if (!onRoster.has(id)) fields.push({ path: `memberIds.${i}`, key: 'access.notOnRoster', params: { clause: ROSTER_CLAUSE } });
      });
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      const id = ids.uuid();
      const row: VisitRow = {
        id,
        number: numberOf('V', id),
        customerId,
        roomId: input.roomId,
        purpose: input.purpose,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        note: input.note?.trim() || null,
        status: 'pending',
        requestedBy: actorId(scope),
        requestedAt: now,
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
      };
      const personRows: VisitPersonRow[] = input.memberIds.map((memberId) => {
        const m = onRoster.get(memberId) as Member;
        return { id: ids.uuid(), visitId: id, customerId, memberId, rosterVersionId: m.versionId, name: m.name, role: m.role, idDocumentType: null, idLast4: null, escort: null, checkedInAt: null, checkedInBy: null, checkedOutAt: null, checkedOutBy: null, refusedAt: null, refusal: null };
      });
      await repo.db.transaction(async (tx) => {
        await repo.insertVisit(tx, row);
        await repo.insertVisitServers(tx, input.serverIds.map((serverId) => ({ visitId: id, serverId, customerId })));
        await repo.insertVisitPeople(tx, personRows);
        await audit.record(tx, scope, { action: 'visit.request', entity: 'visit', entityId: id, customerId, after: { ...row, people: personRows, serverIds: input.serverIds } });
      });
      return service.visit(scope, id);
    },

    async visits(scope: Scope, filter: VisitFilter) {
      requireReader(scope);
      return present(await repo.listVisits(scope, filter));
    },

    /** One visit; each person with whether they were on the roster at the time of the visit (5.10's former employees). */
    async visit(scope: Scope, id: string) {
      requireReader(scope);
      const visit = await loadVisit(scope, id);
      await audit.recordRead(scope, { entity: 'visit', entityId: id, customerId: visit.customerId });
      const [detail] = await present([{ visit, customerName: await repo.customerName(visit.customerId) }]);
      const at = detail.people.map((p) => p.checkedInAt).find(Boolean) ?? visit.startsAt;
      const rosterThen = new Set((await deps.roster.current(system, visit.customerId, at)).filter((m) => m.side === 'customer').map((m) => m.memberId));
      const rosterNow = new Set((await deps.roster.peopleNow(repo.db, visit.customerId, 'customer')).map((m) => m.memberId));
      return { ...detail, rosterAt: at, people: detail.people.map((p) => ({ ...p, onRosterAtVisit: rosterThen.has(p.memberId), onRosterNow: rosterNow.has(p.memberId) })) };
    },

    /** Staff approve or refuse (a refusal says why); the customer is told through the notices it chose (第九条). */
    async decide(scope: Scope, id: string, input: { approve: boolean; reason?: string | null }) {
      requirePermission(scope, 'visit.decide');
      const reason = input.reason?.trim() || null;
      if (!input.approve && !reason) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'reason', key: 'access.refusalReason' }]);
      const rooms = await roomNames();
      await repo.db.transaction(async (tx) => {
        const before = await repo.lockVisit(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'visit' });
        const status = input.approve ? 'approved' : 'refused';
        if (before.status !== 'pending') throw new AppError('INVALID_TRANSITION', { entity: 'visit', from: before.status, to: status });
        const after = await repo.updateVisit(tx, id, { status, decidedBy: actorId(scope), decidedAt: clock.now(), decisionReason: reason });
        await audit.record(tx, scope, { action: input.approve ? 'visit.approve' : 'visit.refuse', entity: 'visit', entityId: id, customerId: before.customerId, before, after });
        const people = await repo.peopleOf([id], tx);
        const room = rooms.get(before.roomId);
        await deps.notices.register(tx, scope, {
          customerId: before.customerId,
          direction: 'provider_to_customer',
          type: input.approve ? 'visit.approved' : 'visit.refused',
          payload: { number: before.number, room: room ? `${room.siteName} ${room.roomName}` : '', startsAt: formatShanghai(before.startsAt), endsAt: formatShanghai(before.endsAt), purpose: before.purpose, people: people.map((p) => p.name).join('、'), reason },
          relatedEntity: 'visit',
          relatedId: id,
        });
      });
      return service.visit(scope, id);
    },

    /** The front desk: approved visits touching today (Asia/Shanghai), each person with whether they are on the roster now. */
    async frontDesk(scope: Scope, date?: string) {
      requirePermission(scope, 'visit.frontDesk');
      const day = date ?? shanghaiDate(clock.now());
      const from = new Date(`${day}T00:00:00+08:00`);
      const to = new Date(from.getTime() + 86_400_000);
      const rows = (await repo.listVisits(scope, { status: 'approved', from, to })).filter((r) => windowTouchesDay(r.visit, day));
      const visits = await present(rows.reverse());
      const byCustomer = new Map<string, Set<string>>();
      for (const v of visits) if (!byCustomer.has(v.customerId)) byCustomer.set(v.customerId, new Set((await deps.roster.peopleNow(repo.db, v.customerId, 'customer')).map((m) => m.memberId)));
      return { date: day, visits: visits.map((v) => ({ ...v, people: v.people.map((p) => ({ ...p, onRosterNow: byCustomer.get(v.customerId)!.has(p.memberId) })) })) };
    },

    /**
     * At the door: the visit approved and in its window, the person on the roster NOW (one removed since the
     * booking is turned away, and that is recorded), the ID document checked (type and last four only).
     */
    async checkIn(scope: Scope, visitId: string, personId: string, input: CheckIn) {
      requirePermission(scope, 'visit.frontDesk');
      const last4 = checkIdLast4(input.idLast4);
      if (!last4.ok) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'idLast4', key: last4.key }]);
      const refused = await repo.db.transaction(async (tx) => {
        const visit = await repo.lockVisit(tx, visitId);
        const person = visit ? await repo.lockPerson(tx, visitId, personId) : undefined;
        if (!visit || !person) throw new AppError('NOT_FOUND', { entity: 'visit' });
        if (visit.status !== 'approved') throw new AppError('VISIT_NOT_APPROVED', { entity: 'visit', from: visit.status });
        if (person.checkedInAt) throw new AppError('VISIT_ALREADY_CHECKED_IN', { name: person.name });
        const now = clock.now();
        if (!withinCheckInWindow(visit, now)) throw new AppError('VISIT_OUTSIDE_WINDOW', { startsAt: formatShanghai(visit.startsAt), endsAt: formatShanghai(visit.endsAt) });
        const onRoster = (await deps.roster.peopleNow(tx, visit.customerId, 'customer')).some((m) => m.memberId === person.memberId);
        if (!onRoster) {
          const after = await repo.updatePerson(tx, person.id, { refusedAt: now, refusal: 'not_on_roster' });
          await audit.record(tx, scope, { action: 'visit.refusedAtDoor', entity: 'visit', entityId: visitId, customerId: visit.customerId, before: person, after });
          return person.name;
        }
        const after = await repo.updatePerson(tx, person.id, { idDocumentType: input.idDocumentType, idLast4: last4.last4, escort: input.escort?.trim() || null, checkedInAt: now, checkedInBy: actorId(scope) });
        await audit.record(tx, scope, { action: 'visit.checkIn', entity: 'visit', entityId: visitId, customerId: visit.customerId, before: person, after });
        return null;
      });
      // the refusal is kept (its own committed transaction); the door stays shut
      if (refused) throw new AppError('VISITOR_NOT_ON_ROSTER', { name: refused, clause: ROSTER_CLAUSE });
      return service.visit(scope, visitId);
    },

    async checkOut(scope: Scope, visitId: string, personId: string) {
      requirePermission(scope, 'visit.frontDesk');
      await repo.db.transaction(async (tx) => {
        const visit = await repo.lockVisit(tx, visitId);
        const person = visit ? await repo.lockPerson(tx, visitId, personId) : undefined;
        if (!visit || !person) throw new AppError('NOT_FOUND', { entity: 'visit' });
        if (!person.checkedInAt) throw new AppError('VISIT_NOT_CHECKED_IN', { name: person.name });
        if (person.checkedOutAt) throw new AppError('VISIT_ALREADY_CHECKED_OUT', { name: person.name });
        const after = await repo.updatePerson(tx, person.id, { checkedOutAt: clock.now(), checkedOutBy: actorId(scope) });
        await audit.record(tx, scope, { action: 'visit.checkOut', entity: 'visit', entityId: visitId, customerId: visit.customerId, before: person, after });
      });
      return service.visit(scope, visitId);
    },

    // ── equipment ─────────────────────────────────────────────────────────
    async movements(scope: Scope, filter: { customerId?: string; serverId?: string; status?: MovementRow['status']; from?: Date; to?: Date }) {
      requireReader(scope);
      const rows = await repo.listMovements(scope, filter);
      const servers = new Map<string, { serialNumber: string; brand: string; model: string }>();
      for (const r of rows) {
        if (servers.has(r.movement.serverId)) continue;
        const s = await deps.servers.findServer(system, r.movement.serverId);
        if (s) servers.set(s.id, { serialNumber: s.serialNumber, brand: s.brand, model: s.model });
      }
      return rows.map((r) => ({ ...r.movement, customerName: r.customerName, server: servers.get(r.movement.serverId) ?? null }));
    },

    /**
     * A server brought in (设备进出单 · 入): it must have passed its intake inspection (5.2); it is racked
     * through the facility flow in the same transaction, and the racking day starts the term (7.1).
     */
    async bringIn(scope: Scope, input: { serverId: string; cabinetId: string; lowestU: number; face: 'front' | 'rear' | 'full'; visitId?: string | null; note?: string | null }) {
      requirePermission(scope, 'equipment.move');
      const server = await deps.servers.findServer(scope, input.serverId);
      if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
      if (input.visitId) {
        const visit = await repo.findVisit(scope, input.visitId);
        if (!visit || visit.customerId !== server.customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'visitId', key: 'field.invalid' }]);
      }
      const [inspection] = (await deps.servers.server(scope, input.serverId)).inspections;
      if (!inspection?.passed) throw new AppError('INSPECTION_REQUIRED');
      const id = ids.uuid();
      await repo.db.transaction(async (tx) => {
        await deps.servers.rack(scope, input.serverId, { cabinetId: input.cabinetId, lowestU: input.lowestU, face: input.face }, tx);
        const now = clock.now();
        const row: MovementRow = { id, number: numberOf('E', id), customerId: server.customerId, serverId: server.id, direction: 'in', status: 'completed', visitId: input.visitId ?? null, inspectionId: inspection.id, authorisedMemberId: null, authorisedVersionId: null, authorisedName: null, authorisedRole: null, note: input.note?.trim() || null, holds: [], overrideReason: null, overrideBy: null, createdBy: actorId(scope), createdAt: now, completedBy: actorId(scope), completedAt: now };
        await repo.insertMovement(tx, row);
        await audit.record(tx, scope, { action: 'equipment.in', entity: 'equipment_movement', entityId: id, customerId: server.customerId, after: row });
      });
      return (await service.movements(scope, { serverId: input.serverId })).find((m) => m.id === id)!;
    },

    /**
     * A release (设备进出单 · 出) authorised by a roster person whom the roster marks as authorised for
     * equipment (the legal representative or the technical lead by default): entered by the customer's user
     * or by staff on the customer's written word.
     */
    async authoriseRelease(scope: Scope, input: { serverId: string; memberId: string; visitId?: string | null; note?: string | null }) {
      requirePermission(scope, 'equipment.release');
      const server = await deps.servers.findServer(scope, input.serverId);
      if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
      if (server.status === 'removed' || server.status === 'expected') throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: 'removed' });
      const settings = await settingsIn();
      const member = (await deps.roster.peopleNow(repo.db, server.customerId, 'customer')).find((m) => m.memberId === input.memberId);
      if (!member) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'memberId', key: 'access.notOnRoster', params: { clause: ROSTER_CLAUSE } }]);
      if (!mayAuthoriseEquipment(member.role, settings)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'memberId', key: 'access.notAuthorisedForEquipment', params: { clause: ROSTER_CLAUSE } }]);
      if (input.visitId) {
        const visit = await repo.findVisit(scope, input.visitId);
        if (!visit || visit.customerId !== server.customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'visitId', key: 'field.invalid' }]);
      }
      const id = ids.uuid();
      const row: MovementRow = { id, number: numberOf('E', id), customerId: server.customerId, serverId: server.id, direction: 'out', status: 'released', visitId: input.visitId ?? null, inspectionId: null, authorisedMemberId: member.memberId, authorisedVersionId: member.versionId, authorisedName: member.name, authorisedRole: member.role, note: input.note?.trim() || null, holds: [], overrideReason: null, overrideBy: null, createdBy: actorId(scope), createdAt: clock.now(), completedBy: null, completedAt: null };
      await repo.db.transaction(async (tx) => {
        await repo.insertMovement(tx, row);
        await audit.record(tx, scope, { action: 'equipment.release', entity: 'equipment_movement', entityId: id, customerId: server.customerId, after: row });
      });
      return (await service.movements(scope, { serverId: server.id })).find((m) => m.id === id)!;
    },

    /** What would stop a release being carried out now. */
    async releaseHolds(scope: Scope, movementId: string) {
      requireReader(scope);
      const m = await repo.findMovement(scope, movementId);
      if (!m) throw new AppError('NOT_FOUND', { entity: 'equipment_movement' });
      return holdsFor(scope, m.customerId, m.serverId);
    },

    /**
     * The server leaves: the release's authoriser must still be on the roster (refused from the moment of
     * removal), no unpaid invoice past due or legal hold may block it unless staff override with a reason
     * (audited), and it is unracked through the facility flow — U, ports, then addresses and domains by the
     * reactions to facility.serverRemoved — in the same transaction.
     */
    async takeOut(scope: Scope, movementId: string, input: { overrideReason?: string | null }) {
      requirePermission(scope, 'equipment.move');
      const overrideReason = input.overrideReason?.trim() || null;
      // overriding a hold is an act of its own (admin), asked for by giving its reason
      if (overrideReason) requirePermission(scope, 'equipment.overrideHold');
      const found = await repo.findMovement(scope, movementId);
      if (!found) throw new AppError('NOT_FOUND', { entity: 'equipment_movement' });
      const holds = await holdsFor(scope, found.customerId, found.serverId);
      if (holds.length && !overrideReason) throw new AppError('RELEASE_BLOCKED', { holds: holds.map((h) => h.ref).join('、') }, [{ path: 'overrideReason', key: 'access.holdsBlock', params: { holds: holds.map((h) => h.ref).join('、') } }]);
      await repo.db.transaction(async (tx) => {
        const m = await repo.lockMovement(tx, movementId);
        if (!m) throw new AppError('NOT_FOUND', { entity: 'equipment_movement' });
        if (m.direction !== 'out' || m.status !== 'released') throw new AppError('INVALID_TRANSITION', { entity: 'equipment_movement', from: m.status, to: 'completed' });
        const stillOnRoster = (await deps.roster.peopleNow(tx, m.customerId, 'customer')).some((p) => p.memberId === m.authorisedMemberId);
        if (!stillOnRoster) throw new AppError('RELEASE_AUTHORISER_REMOVED', { name: m.authorisedName ?? '', clause: ROSTER_CLAUSE });
        await deps.servers.remove(scope, m.serverId, tx);
        const now = clock.now();
        const after = await repo.updateMovement(tx, m.id, { status: 'completed', holds, overrideReason: holds.length ? overrideReason : null, overrideBy: holds.length ? actorId(scope) : null, completedBy: actorId(scope), completedAt: now });
        if (holds.length) await audit.record(tx, scope, { action: 'equipment.overrideHold', entity: 'equipment_movement', entityId: m.id, customerId: m.customerId, before: { holds }, after: { reason: overrideReason } });
        await audit.record(tx, scope, { action: 'equipment.out', entity: 'equipment_movement', entityId: m.id, customerId: m.customerId, before: m, after });
      });
      return (await service.movements(scope, { serverId: found.serverId })).find((x) => x.id === movementId)!;
    },

    // ── reports ───────────────────────────────────────────────────────────
    /** Visits per customer and per room in [from, to) (Asia/Shanghai dates). */
    async visitReport(scope: Scope, range: { from: string; to: string }) {
      requireReader(scope);
      const from = new Date(`${range.from}T00:00:00+08:00`);
      const to = new Date(new Date(`${range.to}T00:00:00+08:00`).getTime() + 86_400_000);
      const [rows, rooms] = await Promise.all([repo.visitCounts(scope, from, to), roomNames()]);
      const customers = new Map<string, { customerId: string; customerName: string; visits: number; approved: number; people: number }>();
      const byRoom = new Map<string, { roomId: string; roomName: string; siteName: string; visits: number; approved: number; people: number }>();
      for (const r of rows) {
        const c = customers.get(r.customerId) ?? { customerId: r.customerId, customerName: r.customerName, visits: 0, approved: 0, people: 0 };
        c.visits += Number(r.visits);
        c.people += Number(r.people);
        if (r.status === 'approved') c.approved += Number(r.visits);
        customers.set(r.customerId, c);
        const room = byRoom.get(r.roomId) ?? { roomId: r.roomId, roomName: rooms.get(r.roomId)?.roomName ?? '', siteName: rooms.get(r.roomId)?.siteName ?? '', visits: 0, approved: 0, people: 0 };
        room.visits += Number(r.visits);
        room.people += Number(r.people);
        if (r.status === 'approved') room.approved += Number(r.visits);
        byRoom.set(r.roomId, room);
      }
      return { from: range.from, to: range.to, customers: [...customers.values()], rooms: [...byRoom.values()] };
    },

    /** The visit log as CSV: one line per person per visit, times in Beijing time, roster standing at the visit. */
    async visitsCsv(scope: Scope, filter: VisitFilter) {
      requireReader(scope);
      await audit.recordRead(scope, { entity: 'visit_export', entityId: JSON.stringify({ customerId: filter.customerId ?? null }), customerId: filter.customerId });
      const visits = await present(await repo.listVisits(scope, filter, 5000));
      const t = (d: Date | null) => (d ? formatShanghai(d) : '');
      const lines = visits.flatMap((v) =>
        v.people.map((p) => [v.number, v.customerName, `${v.siteName} ${v.roomName}`.trim(), PURPOSE_ZH[v.purpose], STATUS_ZH[v.status], t(v.startsAt), t(v.endsAt), p.name, ROLE_ZH[p.role] ?? p.role, p.idDocumentType ? `${ID_ZH[p.idDocumentType]} ****${p.idLast4}` : '', p.escort ?? '', t(p.checkedInAt), t(p.checkedOutAt), p.refusedAt ? `拒绝入场 ${t(p.refusedAt)}` : '', v.decisionReason ?? '']),
      );
      return toCsv(['编号', '客户', '机房', '事由', '状态', '预约开始', '预约结束', '人员', '名单角色', '查验证件', '陪同', '入场时间', '离场时间', '备注', '审批说明'], lines, { bom: true });
    },

    async movementsCsv(scope: Scope, filter: { customerId?: string }) {
      requireReader(scope);
      await audit.recordRead(scope, { entity: 'equipment_export', entityId: JSON.stringify({ customerId: filter.customerId ?? null }), customerId: filter.customerId });
      const rows = await service.movements(scope, filter);
      const t = (d: Date | null) => (d ? formatShanghai(d) : '');
      return toCsv(
        ['编号', '客户', '方向', '状态', '服务器序列号', '品牌型号', '授权人', '授权人角色', '登记时间', '完成时间', '阻止事项', '强制放行理由'],
        rows.map((m) => [m.number, m.customerName, m.direction === 'in' ? '进' : '出', m.status === 'completed' ? '已完成' : '已授权待出', m.server?.serialNumber ?? '', m.server ? `${m.server.brand} ${m.server.model}` : '', m.authorisedName ?? '', m.authorisedRole ? (ROLE_ZH[m.authorisedRole] ?? m.authorisedRole) : '', t(m.createdAt), t(m.completedAt), m.holds.map((h) => h.ref).join('、'), m.overrideReason ?? '']),
        { bom: true },
      );
    },

  };
  return service;
}

const PURPOSE_ZH: Record<string, string> = { installation: '上架安装', maintenance: '维护', inspection: '巡检', removal: '下架搬出', emergency: '紧急' };
const STATUS_ZH: Record<string, string> = { pending: '待审批', approved: '已批准', refused: '已拒绝' };
const ID_ZH: Record<string, string> = { resident_id: '居民身份证', passport: '护照', hk_macau_permit: '港澳通行证', taiwan_permit: '台胞证', other: '其他证件' };
const ROLE_ZH: Record<string, string> = { legal_representative: '法定代表人', technical_lead: '技术负责人', network_admin: '网络管理', device_admin: '设备管理', server_admin: '服务器管理', contract_contact: '合同联系人' };

export type AccessService = ReturnType<typeof makeAccessService>;
