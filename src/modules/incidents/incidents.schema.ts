import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CONSENT_BOUND_KINDS, INCIDENT_CAUSES, MAINTENANCE_KINDS, NOTICE_BOUND_KINDS, SCOPE_KINDS, type IncidentCause, type MaintenanceKind, type ScopeKind } from '../../rules/incidents.js';
import { SECURITY_GRADES } from '../../rules/security-report.js';

// the agreement's value lists live in the rules core, shared with the UI
export { CONSENT_BOUND_KINDS, INCIDENT_CAUSES, MAINTENANCE_KINDS, NOTICE_BOUND_KINDS, SCOPE_KINDS, type IncidentCause, type MaintenanceKind, type ScopeKind };

export const INCIDENT_SOURCES = ['noc', 'alertmanager', 'suspension', 'maintenance'] as const;
export const INCIDENT_STATUSES = ['open', 'resolved'] as const;
export const UPDATE_KINDS = ['opened', 'note', 'reclassified', 'resolved', 'reopened', 'alert', 'suspended', 'restored', 'line_fault_breach', 'edited'] as const;

export const WINDOW_STATUSES = ['scheduled', 'performed', 'cancelled'] as const;
/** 7.3: a customer's answer to provider work; work that needs none is 'not_required'. */
export const CONSENT_DECISIONS = ['not_required', 'pending', 'accepted', 'declined'] as const;
/** A ledger line earns hours ('credited') or says why it earns none ('excluded'). */
export const LEDGER_LINE_KINDS = ['credited', 'excluded'] as const;

export const maintenanceWindows = pgTable('maintenance_windows', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  title: text('title').notNull(),
  kind: text('kind', { enum: MAINTENANCE_KINDS }).notNull(),
  description: text('description').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  noticedAt: timestamp('noticed_at', { withTimezone: true }).notNull(),
  status: text('status', { enum: WINDOW_STATUSES }).notNull(),
  performedIncidentId: uuid('performed_incident_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull(),
});

export const maintenanceScope = pgTable(
  'maintenance_scope',
  { windowId: uuid('window_id').notNull(), kind: text('kind', { enum: SCOPE_KINDS }).notNull(), target: text('target').notNull() },
  (t) => [primaryKey({ columns: [t.windowId, t.kind, t.target] })],
);

export const maintenanceConsents = pgTable('maintenance_consents', {
  id: uuid('id').primaryKey(),
  windowId: uuid('window_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  decision: text('decision', { enum: CONSENT_DECISIONS }).notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedBy: uuid('decided_by'),
});

export const incidents = pgTable('incidents', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  title: text('title').notNull(),
  cause: text('cause', { enum: INCIDENT_CAUSES }).notNull(),
  causeEvidence: text('cause_evidence'),
  lineFault: boolean('line_fault').notNull(),
  source: text('source', { enum: INCIDENT_SOURCES }).notNull(),
  fingerprint: text('fingerprint'),
  status: text('status', { enum: INCIDENT_STATUSES }).notNull(),
  reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  lineFaultBreachedAt: timestamp('line_fault_breached_at', { withTimezone: true }),
  maintenanceId: uuid('maintenance_id'),
  noticeGivenAt: timestamp('notice_given_at', { withTimezone: true }),
  openedBy: uuid('opened_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull(),
});

export const incidentScope = pgTable(
  'incident_scope',
  { incidentId: uuid('incident_id').notNull(), kind: text('kind', { enum: SCOPE_KINDS }).notNull(), target: text('target').notNull() },
  (t) => [primaryKey({ columns: [t.incidentId, t.kind, t.target] })],
);

export const incidentUpdates = pgTable('incident_updates', {
  id: uuid('id').primaryKey(),
  incidentId: uuid('incident_id').notNull(),
  kind: text('kind', { enum: UPDATE_KINDS }).notNull(),
  body: text('body').notNull(),
  authorId: uuid('author_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const interruptions = pgTable('interruptions', {
  id: uuid('id').primaryKey(),
  incidentId: uuid('incident_id').notNull(),
  serverId: uuid('server_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  contractId: uuid('contract_id'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
  consentAt: timestamp('consent_at', { withTimezone: true }),
});

export const alertEvents = pgTable('alert_events', {
  id: uuid('id').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }),
  incidentId: uuid('incident_id').notNull(),
  alertname: text('alertname').notNull(),
  labels: jsonb('labels').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  resolvedReceivedAt: timestamp('resolved_received_at', { withTimezone: true }),
});

/** An alert whose labels matched nothing (migration 0021): kept with its labels until the NOC maps it. */
export const unmatchedAlerts = pgTable('unmatched_alerts', {
  id: uuid('id').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }),
  alertname: text('alertname').notNull(),
  labels: jsonb('labels').$type<Record<string, string>>().notNull(),
  annotations: jsonb('annotations').$type<Record<string, string>>().notNull(),
  generatorUrl: text('generator_url'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  mappedAt: timestamp('mapped_at', { withTimezone: true }),
  mappedBy: uuid('mapped_by'),
  incidentId: uuid('incident_id'),
});

export const compensationLines = pgTable('compensation_lines', {
  id: uuid('id').primaryKey(),
  contractId: uuid('contract_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  kind: text('kind', { enum: LEDGER_LINE_KINDS }).notNull(),
  fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
  toAt: timestamp('to_at', { withTimezone: true }).notNull(),
  minutes: integer('minutes').notNull(),
  hours: integer('hours').notNull(),
  reasons: text('reasons').array().notNull(),
  incidentIds: uuid('incident_ids').array().notNull(),
  breach: boolean('breach').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});

export const compensationLedgers = pgTable('compensation_ledgers', {
  contractId: uuid('contract_id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  hours: integer('hours').notNull(),
  lineCount: integer('line_count').notNull(),
  digest: text('digest').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});

export const calendarFeedTokens = pgTable('calendar_feed_tokens', {
  customerId: uuid('customer_id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

// ── issue 22 §6: a network-security event's grade and its report (国家网络安全事件报告管理办法) ──
export const incidentSecurityReports = pgTable('incident_security_reports', {
  incidentId: uuid('incident_id').primaryKey(),
  grade: text('grade', { enum: SECURITY_GRADES }).notNull(),
  classifiedAt: timestamp('classified_at', { withTimezone: true }).notNull(),
  classifiedBy: uuid('classified_by'),
  criticalInfrastructure: boolean('critical_infrastructure').notNull(),
  reportDueAt: timestamp('report_due_at', { withTimezone: true }),
  unit: text('unit') /* 报告单位 */,
  occurredAt: timestamp('occurred_at', { withTimezone: true }) /* 发生时间 */,
  place: text('place') /* 地点 */,
  eventType: text('event_type') /* 事件类型 */,
  impact: text('impact') /* 影响 */,
  measures: text('measures') /* 已采取的措施 */,
  reportedAt: timestamp('reported_at', { withTimezone: true }),
  reportedBy: uuid('reported_by'),
  reportedTo: text('reported_to'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One row: whether the provider is a critical-information-infrastructure operator (1 h instead of 4 h). */
export const securityReportSettings = pgTable('security_report_settings', {
  id: boolean('id').primaryKey(),
  criticalInfrastructure: boolean('critical_infrastructure').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Issue 20 §6: a compensation recomputation started from the web, and how far it got (0040). */
export const RECOMPUTE_STEPS = ['queued', 'check', 'recompute', 'done', 'failed'] as const;
export const compensationRecomputeRuns = pgTable('compensation_recompute_runs', {
  id: uuid('id').primaryKey(),
  requestedBy: uuid('requested_by'),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  step: text('step', { enum: RECOMPUTE_STEPS }).notNull(),
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  contracts: integer('contracts'),
  changed: integer('changed'),
  error: text('error'),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
