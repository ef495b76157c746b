import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ID_DOCUMENT_TYPES, VISIT_PURPOSES, type ReleaseHold } from '../../rules/access.js';

/** Issue 21: site access — visits (进出机房申请) and equipment movements (设备进出单). */
export const VISIT_STATUSES = ['pending', 'approved', 'refused'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const MOVEMENT_DIRECTIONS = ['in', 'out'] as const;
export const MOVEMENT_STATUSES = ['released', 'completed'] as const;

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** The site's opening hours, the longest visit, the roster roles that may authorise equipment (one row). */
export const accessSettings = pgTable('access_settings', {
  id: boolean('id').primaryKey(),
  opensMinute: integer('opens_minute').notNull(),
  closesMinute: integer('closes_minute').notNull(),
  maxVisitMinutes: integer('max_visit_minutes').notNull(),
  equipmentRoles: text('equipment_roles').array().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at'),
});

export const visits = pgTable('visits', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  customerId: uuid('customer_id').notNull(),
  roomId: uuid('room_id').notNull(),
  purpose: text('purpose', { enum: VISIT_PURPOSES }).notNull(),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  note: text('note'),
  status: text('status', { enum: VISIT_STATUSES }).notNull(),
  requestedBy: uuid('requested_by'),
  requestedAt: ts('requested_at').notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  decisionReason: text('decision_reason'),
});

export const visitServers = pgTable(
  'visit_servers',
  {
    visitId: uuid('visit_id').notNull(),
    serverId: uuid('server_id').notNull(),
    customerId: uuid('customer_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.serverId] })],
);

export const visitPeople = pgTable('visit_people', {
  id: uuid('id').primaryKey(),
  visitId: uuid('visit_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  memberId: uuid('member_id').notNull(),
  rosterVersionId: uuid('roster_version_id').notNull(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  /** the ID document the front desk checked: its type and last four characters only */
  idDocumentType: text('id_document_type', { enum: ID_DOCUMENT_TYPES }),
  idLast4: text('id_last4'),
  escort: text('escort'),
  checkedInAt: ts('checked_in_at'),
  checkedInBy: uuid('checked_in_by'),
  checkedOutAt: ts('checked_out_at'),
  checkedOutBy: uuid('checked_out_by'),
  refusedAt: ts('refused_at'),
  refusal: text('refusal'),
});

export const equipmentMovements = pgTable('equipment_movements', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  customerId: uuid('customer_id').notNull(),
  serverId: uuid('server_id').notNull(),
  direction: text('direction', { enum: MOVEMENT_DIRECTIONS }).notNull(),
  status: text('status', { enum: MOVEMENT_STATUSES }).notNull(),
  visitId: uuid('visit_id'),
  inspectionId: uuid('inspection_id'),
  authorisedMemberId: uuid('authorised_member_id'),
  authorisedVersionId: uuid('authorised_version_id'),
  authorisedName: text('authorised_name'),
  authorisedRole: text('authorised_role'),
  note: text('note'),
  holds: jsonb('holds').$type<ReleaseHold[]>().notNull(),
  overrideReason: text('override_reason'),
  overrideBy: uuid('override_by'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  completedBy: uuid('completed_by'),
  completedAt: ts('completed_at'),
});
