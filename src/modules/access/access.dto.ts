import { z } from 'zod';
import { CalendarDate, Instant, ItemsOf, Timestamp } from '../../http/dto.js';
import { ID_DOCUMENT_TYPES, VISIT_PURPOSES } from '../../rules/access.js';
import { ROSTER_ROLES } from '../customers/customers.dto.js';
import { MOVEMENT_DIRECTIONS, MOVEMENT_STATUSES, VISIT_STATUSES } from './access.schema.js';

// ── requests ──────────────────────────────────────────────────────────────
export const PersonParams = z.object({ id: z.uuid(), personId: z.uuid() });

export const VisitQuery = z.object({
  customerId: z.uuid().optional(),
  status: z.enum(VISIT_STATUSES).optional(),
  roomId: z.uuid().optional(),
  /** Shanghai dates: windows touching [from, to] */
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});

export const BookVisitBody = z.object({
  /** staff name the customer; a customer's own id comes from its session */
  customerId: z.uuid().optional(),
  roomId: z.uuid(),
  purpose: z.enum(VISIT_PURPOSES),
  startsAt: Instant,
  endsAt: Instant,
  /** roster people (member ids) of the customer's side */
  memberIds: z.array(z.uuid()).max(20),
  serverIds: z.array(z.uuid()).max(50).default([]),
  note: z.string().trim().max(1000).nullable().optional(),
});

export const DecideVisitBody = z.object({ approve: z.boolean(), reason: z.string().trim().max(1000).nullable().optional() });

export const CheckInBody = z.object({
  idDocumentType: z.enum(ID_DOCUMENT_TYPES),
  /** the last four characters of the ID number only */
  idLast4: z.string().max(40),
  escort: z.string().trim().max(200).nullable().optional(),
});

export const FrontDeskQuery = z.object({ date: CalendarDate.optional() });
export const CustomerQuery = z.object({ customerId: z.uuid().optional() });
export const ReportRangeQuery = z.object({ from: CalendarDate, to: CalendarDate });

export const AccessSettingsBody = z
  .object({
    opensMinute: z.number().int(),
    closesMinute: z.number().int(),
    maxVisitMinutes: z.number().int(),
    equipmentRoles: z.array(z.enum(ROSTER_ROLES)).max(ROSTER_ROLES.length),
  });
export const AccessSettingsView = z
  .object({ opensMinute: z.number().int(), closesMinute: z.number().int(), maxVisitMinutes: z.number().int(), equipmentRoles: z.array(z.string()) })
  .meta({ id: 'AccessSettings' });

export const BringInBody = z.object({
  serverId: z.uuid(),
  cabinetId: z.uuid(),
  lowestU: z.number().int().min(1).max(60),
  face: z.enum(['front', 'rear', 'full']),
  visitId: z.uuid().nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});

export const ReleaseBody = z.object({
  serverId: z.uuid(),
  /** the roster person authorising the release (legal representative or technical lead by default) */
  memberId: z.uuid(),
  visitId: z.uuid().nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});

export const TakeOutBody = z.object({ overrideReason: z.string().trim().max(1000).nullable().optional() });

export const MovementQuery = z.object({ customerId: z.uuid().optional(), serverId: z.uuid().optional(), status: z.enum(MOVEMENT_STATUSES).optional() });

// ── responses ─────────────────────────────────────────────────────────────
export const VisitPerson = z
  .object({
    id: z.uuid(),
    memberId: z.uuid(),
    name: z.string(),
    role: z.string(),
    idDocumentType: z.enum(ID_DOCUMENT_TYPES).nullable(),
    idLast4: z.string().nullable(),
    escort: z.string().nullable(),
    checkedInAt: Timestamp,
    checkedOutAt: Timestamp,
    refusedAt: Timestamp,
    refusal: z.string().nullable(),
    onRosterAtVisit: z.boolean().optional(),
    onRosterNow: z.boolean().optional(),
  })
  .meta({ id: 'VisitPerson' });

export const Visit = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    roomId: z.uuid(),
    roomName: z.string(),
    siteName: z.string(),
    purpose: z.enum(VISIT_PURPOSES),
    startsAt: Timestamp,
    endsAt: Timestamp,
    note: z.string().nullable(),
    status: z.enum(VISIT_STATUSES),
    requestedAt: Timestamp,
    decidedAt: Timestamp,
    decisionReason: z.string().nullable(),
    serverIds: z.array(z.uuid()),
    people: z.array(VisitPerson),
    /** the instant the roster standing of each person is read at (check-in, else the window's start) */
    rosterAt: Timestamp.optional(),
  })
  .meta({ id: 'Visit' });
export const VisitList = ItemsOf(Visit).meta({ id: 'VisitList' });
export const FrontDesk = z.object({ date: z.string(), visits: z.array(Visit) }).meta({ id: 'FrontDesk' });

export const BookingOptions = z
  .object({
    rooms: z.array(z.object({ roomId: z.uuid(), roomName: z.string(), siteName: z.string() })),
    servers: z.array(z.object({ id: z.uuid(), serialNumber: z.string(), brand: z.string(), model: z.string(), status: z.string(), roomId: z.uuid().nullable(), cabinetCode: z.string().nullable() })),
    people: z.array(z.object({ memberId: z.uuid(), name: z.string(), role: z.string(), mayAuthoriseEquipment: z.boolean() })),
    settings: AccessSettingsView,
  })
  .meta({ id: 'VisitBookingOptions' });

const Hold = z.object({ kind: z.enum(['unpaid_invoice', 'complaint_evidence', 'inspection']), ref: z.string() }).meta({ id: 'ReleaseHold' });
export const HoldList = ItemsOf(Hold).meta({ id: 'ReleaseHoldList' });

export const Movement = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    serverId: z.uuid(),
    server: z.object({ serialNumber: z.string(), brand: z.string(), model: z.string() }).nullable(),
    direction: z.enum(MOVEMENT_DIRECTIONS),
    status: z.enum(MOVEMENT_STATUSES),
    visitId: z.uuid().nullable(),
    inspectionId: z.uuid().nullable(),
    authorisedMemberId: z.uuid().nullable(),
    authorisedName: z.string().nullable(),
    authorisedRole: z.string().nullable(),
    note: z.string().nullable(),
    holds: z.array(Hold),
    overrideReason: z.string().nullable(),
    createdAt: Timestamp,
    completedAt: Timestamp,
  })
  .meta({ id: 'EquipmentMovement' });
export const MovementList = ItemsOf(Movement).meta({ id: 'EquipmentMovementList' });

export const VisitReport = z
  .object({
    from: z.string(),
    to: z.string(),
    customers: z.array(z.object({ customerId: z.uuid(), customerName: z.string(), visits: z.number().int(), approved: z.number().int(), people: z.number().int() })),
    rooms: z.array(z.object({ roomId: z.uuid(), roomName: z.string(), siteName: z.string(), visits: z.number().int(), approved: z.number().int(), people: z.number().int() })),
  })
  .meta({ id: 'VisitReport' });
