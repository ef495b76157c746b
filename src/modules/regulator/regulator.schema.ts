import { bigint, date, inet, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The record kinds of the ISMS basic-data interface (YD/T 2248/2405/2406), in the order they are written. */
export const RECORD_KINDS = ['operator', 'house', 'gateway', 'frame', 'ip_segment', 'user', 'service', 'occupied'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const CHANGE_ACTIONS = ['add', 'update', 'delete'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
export const CHANGE_STATUSES = ['pending', 'exported', 'acknowledged', 'rejected'] as const;
export const EXPORT_MODES = ['full', 'incremental'] as const;
export const EXPORT_STATUSES = ['exported', 'acknowledged', 'rejected'] as const;
export const HOUSE_NATURES = ['self_built', 'leased', 'other'] as const;
export const FINDING_KINDS = ['unfiled_host', 'unfiled_sni', 'unallocated_ip', 'allocation_no_user', 'filing_not_resolving'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_STATUSES = ['open', 'converted', 'dismissed', 'cleared'] as const;

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const regulatorSettings = pgTable('regulator_settings', {
  id: integer('id').primaryKey(),
  licenceNumber: text('licence_number').notNull() /* 经营许可证编号 */,
  province: text('province').notNull(),
  houseNature: text('house_nature', { enum: HOUSE_NATURES }).notNull(),
  houseOfficer: text('house_officer').notNull() /* 机房负责人 */,
  houseOfficerPhone: text('house_officer_phone').notNull(),
  updatedAt: ts('updated_at'),
});

export const regulatorProvinceDays = pgTable('regulator_province_days', {
  province: text('province').primaryKey(),
  workingDays: integer('working_days').notNull(),
});

export const regulatorExports = pgTable('regulator_exports', {
  id: uuid('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  mode: text('mode', { enum: EXPORT_MODES }).notNull(),
  since: ts('since'),
  afterSeq: bigint('after_seq', { mode: 'number' }).notNull(),
  throughSeq: bigint('through_seq', { mode: 'number' }).notNull(),
  fileName: text('file_name').notNull(),
  sha256: text('archive_digest') /* the zip's SHA-256; the zip is written to the operator's directory, not the file store */.notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  recordCounts: jsonb('record_counts').notNull().$type<Record<string, number>>(),
  changeCount: integer('change_count').notNull(),
  status: text('status', { enum: EXPORT_STATUSES }).notNull(),
  resultCode: text('result_code'),
  rejectReason: text('reject_reason'),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  decidedBy: text('decided_by'),
  decidedAt: ts('decided_at'),
});

/** The change register: a row per change to a basic-data record, in the change's own transaction. */
export const regulatorChanges = pgTable('regulator_changes', {
  id: uuid('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  kind: text('kind', { enum: RECORD_KINDS }).notNull(),
  recordKey: text('record_key').notNull(),
  action: text('action', { enum: CHANGE_ACTIONS }).notNull(),
  cause: text('cause').notNull(),
  customerId: uuid('customer_id'),
  detail: jsonb('detail').notNull().$type<Record<string, unknown>>(),
  occurredAt: ts('occurred_at').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull() /* 报送期限 */,
  status: text('status', { enum: CHANGE_STATUSES }).notNull(),
  exportId: uuid('export_id').references(() => regulatorExports.id),
  resultCode: text('result_code'),
  rejectReason: text('reject_reason'),
});

export const regulatorReconRuns = pgTable('regulator_recon_runs', {
  day: date('day', { mode: 'string' }).primaryKey(),
  ranAt: ts('ran_at').notNull(),
  logLines: integer('log_lines').notNull(),
  findings: integer('findings').notNull(),
});

export const regulatorFindings = pgTable('regulator_findings', {
  id: uuid('id').primaryKey(),
  kind: text('kind', { enum: FINDING_KINDS }).notNull(),
  subject: text('subject').notNull(),
  serverIp: inet('server_ip'),
  customerId: uuid('customer_id'),
  serverId: uuid('server_id'),
  hits: bigint('hits', { mode: 'number' }).notNull(),
  detail: jsonb('detail').notNull().$type<Record<string, unknown>>(),
  firstSeenOn: date('first_seen_on', { mode: 'string' }).notNull(),
  lastSeenOn: date('last_seen_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  status: text('status', { enum: FINDING_STATUSES }).notNull(),
  complaintId: uuid('complaint_id'),
  closedBy: text('closed_by'),
  closedAt: ts('closed_at'),
});
