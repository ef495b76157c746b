import { boolean, integer, pgTable, text, timestamp, uuid, customType } from 'drizzle-orm/pg-core';

/** PostgreSQL int4range for U positions, as [lowest, highest + 1) — read and written as its text form. */
export const int4range = customType<{ data: string; driverData: string }>({ dataType: () => 'int4range' });

export const sites = pgTable('sites', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull() /* 机房 */,
  address: text('address').notNull(),
  accessPoint: text('access_point').notNull() /* 接入点 */,
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const rooms = pgTable('rooms', {
  id: uuid('id').primaryKey(),
  siteId: uuid('site_id').notNull(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const cabinets = pgTable('cabinets', {
  id: uuid('id').primaryKey(),
  roomId: uuid('room_id').notNull(),
  code: text('code').notNull() /* 机柜编号 */,
  heightU: integer('height_u').notNull(),
  powerBudgetW: integer('power_budget_w').notNull(),
  status: text('status', { enum: ['active', 'reserved', 'retired'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
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
  face: text('face', { enum: ['front', 'rear'] }).notNull(),
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

export const switches = pgTable('switches', {
  id: uuid('id').primaryKey(),
  roomId: uuid('room_id').notNull(),
  cabinetId: uuid('cabinet_id'),
  name: text('name').notNull(),
  model: text('model').notNull(),
  uplinkMbps: integer('uplink_mbps').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
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

