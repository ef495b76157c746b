import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid, customType } from 'drizzle-orm/pg-core';

/** A cabinet in use, held back for a customer, or out of service. */
export const CABINET_STATUSES = ['active', 'reserved', 'retired'] as const;
/** The faces of a cabinet a placement occupies (a full-depth server holds both). */
export const RACK_FACES = ['front', 'rear'] as const;
/** Racking asks for one face or the full depth. */
export const RACKING_FACES = ['front', 'rear', 'full'] as const;
export type Face = (typeof RACKING_FACES)[number];

/** PostgreSQL int4range for U positions, as [lowest, highest + 1) — read and written as its text form. */
export const int4range = customType<{ data: string; driverData: string }>({ dataType: () => 'int4range' });

export const sites = pgTable('sites', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull() /* 机房 */,
  address: text('address').notNull(),
  accessPoint: text('access_point').notNull() /* 接入点 */,
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const rooms = pgTable('rooms', {
  id: uuid('id').primaryKey(),
  siteId: uuid('site_id').notNull(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const cabinets = pgTable('cabinets', {
  id: uuid('id').primaryKey(),
  roomId: uuid('room_id').notNull(),
  code: text('code').notNull() /* 机柜编号 */,
  heightU: integer('height_u').notNull(),
  powerBudgetW: integer('power_budget_w').notNull(),
  status: text('status', { enum: CABINET_STATUSES }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull(),
  /** where it stands in the room: row (A, B…) and column (1, 2…) */
  positionRow: text('position_row'),
  positionColumn: integer('position_column'),
  /** the feed's rated current (A); the rated power is powerBudgetW */
  ratedCurrentA: integer('rated_current_a'),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const SERVER_STATUSES = ['expected', 'racked', 'commissioning', 'in_service', 'suspended', 'removed'] as const;
export type ServerStatus = (typeof SERVER_STATUSES)[number];

/** 第二条: the customer's own server. */
export const servers = pgTable('servers', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  contractId: uuid('contract_id'),
  brand: text('brand').notNull(),
  model: text('model').notNull(),
  serialNumber: text('serial_number').notNull(),
  /** the device name (NetBox's `name`, the label on the chassis) */
  name: text('name'),
  heightU: integer('height_u').notNull(),
  powerW: integer('power_w').notNull(),
  status: text('status', { enum: SERVER_STATUSES }).notNull(),
  rackedAt: timestamp('racked_at', { withTimezone: true }) /* 7.1 上架 = 开通 */,
  removedAt: timestamp('removed_at', { withTimezone: true }),
  version: integer('version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const serverPlacements = pgTable('server_placements', {
  id: uuid('id').primaryKey(),
  serverId: uuid('server_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  cabinetId: uuid('cabinet_id').notNull(),
  face: text('face', { enum: RACK_FACES }).notNull(),
  uRange: int4range('u_range').notNull(),
  placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
  removedAt: timestamp('removed_at', { withTimezone: true }),
});

export const intakeInspections = pgTable('intake_inspections', {
  id: uuid('id').primaryKey(),
  serverId: uuid('server_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  inspectorId: uuid('inspector_id'),
  powerSupplies: boolean('power_supplies').notNull(),
  rails: boolean('rails').notNull(),
  interfaces: boolean('interfaces').notNull(),
  labelling: boolean('labelling').notNull(),
  passed: boolean('passed').notNull(),
  notes: text('notes'),
  inspectedAt: timestamp('inspected_at', { withTimezone: true }).notNull(),
});

/** 5.2: the intake checklist's items, in the order they are checked. */
export const INSPECTION_ITEMS = ['powerSupplies', 'rails', 'interfaces', 'labelling'] as const;
export type InspectionItem = (typeof INSPECTION_ITEMS)[number];

export const intakeInspectionItems = pgTable(
  'intake_inspection_items',
  {
    inspectionId: uuid('inspection_id').notNull(),
    item: text('item', { enum: INSPECTION_ITEMS }).notNull(),
    ok: boolean('ok').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.item] })],
);

export const intakeInspectionPhotos = pgTable('intake_inspection_photos', {
  id: uuid('id').primaryKey(),
  inspectionId: uuid('inspection_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  item: text('item', { enum: INSPECTION_ITEMS }).notNull(),
  fileSha256: text('file_sha256').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type', { enum: ['image/jpeg', 'image/png'] }).notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const switches = pgTable('switches', {
  id: uuid('id').primaryKey(),
  roomId: uuid('room_id').notNull(),
  cabinetId: uuid('cabinet_id'),
  name: text('name').notNull(),
  model: text('model').notNull(),
  uplinkMbps: integer('uplink_mbps').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const switchPorts = pgTable('switch_ports', {
  id: uuid('id').primaryKey(),
  switchId: uuid('switch_id').notNull(),
  name: text('name').notNull(),
  speedMbps: integer('speed_mbps').notNull(),
});

export const portAssignments = pgTable('port_assignments', {
  id: uuid('id').primaryKey(),
  portId: uuid('port_id').notNull(),
  serverId: uuid('server_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  interfaceName: text('interface_name').notNull(),
  bandwidthMbps: integer('bandwidth_mbps').notNull(),
  shared: boolean('shared').notNull(),
  assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  releasedAt: timestamp('released_at', { withTimezone: true }),
});

