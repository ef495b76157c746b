import { bigint, boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DOCUMENT_TYPES } from '../../files/sniff.js';
import { COMPLAINT_CATEGORIES, DECLARABLE_SERVICES, DOMAIN_USES, VERIFICATION_METHODS, VIOLATION_CLAUSE_LIST } from '../../rules/index.js';

// the agreement's value lists live in the rules core, shared with the UI
export { COMPLAINT_CATEGORIES, DOMAIN_USES, VERIFICATION_METHODS };

export const DOMAIN_STATUSES = ['submitted', 'verified', 'suspended', 'revoked'] as const;
export const GATE_OUTCOMES = ['applied', 'test_failed', 'reload_failed', 'write_failed'] as const;
export const COMPLAINT_STATUSES = ['open', 'notified', 'confirmed', 'dismissed', 'resolved'] as const;
/** The clauses a violation may cite (the rules core's list). */
export const VIOLATION_CLAUSES = VIOLATION_CLAUSE_LIST;

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** 域名清单 — the domain list, with each domain's filing (备案) or licence. */
export const complianceDomains = pgTable('compliance_domains', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  serverId: uuid('server_id').notNull(),
  domain: text('domain').notNull(),
  domainUnicode: text('domain_unicode').notNull(),
  address: text('address').notNull(),
  use: text('use', { enum: DOMAIN_USES }).notNull(),
  filingNumber: text('filing_number').notNull(),
  psbNumber: text('psb_number'),
  evidenceSha256: text('evidence_sha256'),
  evidenceFileName: text('evidence_file_name'),
  evidenceContentType: text('evidence_content_type', { enum: DOCUMENT_TYPES }),
  status: text('status', { enum: DOMAIN_STATUSES }).notNull(),
  statusReason: text('status_reason'),
  verifiedAt: ts('verified_at'),
  verifiedBy: uuid('verified_by'),
  verifier: text('verifier'),
  verificationMethod: text('verification_method', { enum: VERIFICATION_METHODS }),
  verificationNote: text('verification_note'),
  reverifyDueOn: date('reverify_due_on', { mode: 'string' }),
  version: integer('version').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  /** four eyes (issue 18 §6): who put the evidence on file cannot verify it */
  evidenceUploadedBy: uuid('evidence_uploaded_by'),
});

export const complianceGateApplies = pgTable('compliance_gate_applies', {
  id: uuid('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  startedAt: ts('started_at').notNull(),
  finishedAt: ts('finished_at').notNull(),
  outcome: text('outcome', { enum: GATE_OUTCOMES }).notNull(),
  fingerprint: text('fingerprint').notNull(),
  domainCount: integer('domain_count').notNull(),
  output: text('output').notNull(),
  triggeredBy: text('triggered_by').notNull(),
  /** the gate version (compliance_gate_state) the files were rendered at (issue 23 §3) */
  gateVersion: bigint('gate_version', { mode: 'number' }),
});

/** One row: the gate version, moved by triggers in the transaction of every change the gate renders (migration 0035). */
export const complianceGateState = pgTable('compliance_gate_state', {
  id: boolean('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
  checkedVersion: bigint('checked_version', { mode: 'number' }).notNull(),
});

export const complianceServices = pgTable('compliance_services', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  serverId: uuid('server_id').notNull(),
  kind: text('kind', { enum: DECLARABLE_SERVICES }).notNull(),
  description: text('description').notNull(),
  agreementSha256: text('agreement_sha256'),
  agreementFileName: text('agreement_file_name'),
  agreementContentType: text('agreement_content_type', { enum: DOCUMENT_TYPES }),
  agreementUploadedAt: ts('agreement_uploaded_at'),
  declaredAt: ts('declared_at').notNull(),
  declaredBy: uuid('declared_by'),
  withdrawnAt: ts('withdrawn_at'),
});

export const complianceLogAttestations = pgTable('compliance_log_attestations', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  location: text('location').notNull(),
  retentionMonths: integer('retention_months').notNull(),
  attestedOn: date('attested_on', { mode: 'string' }).notNull(),
  validUntil: date('valid_until', { mode: 'string' }).notNull(),
  attestedBy: uuid('attested_by'),
  remindedAt: ts('reminded_at'),
  createdAt: ts('created_at').notNull(),
  /** received on paper (issue 18): the signed scan, who at the provider received it, and the day */
  scanSha256: text('scan_sha256'),
  scanFileName: text('scan_file_name'),
  scanContentType: text('scan_content_type', { enum: DOCUMENT_TYPES }),
  receivedBy: text('received_by'),
  receivedOn: date('received_on', { mode: 'string' }),
});

export const complianceComplaints = pgTable('compliance_complaints', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  customerId: uuid('customer_id').notNull(),
  serverId: uuid('server_id'),
  domainId: uuid('domain_id'),
  source: text('source').notNull(),
  category: text('category', { enum: COMPLAINT_CATEGORIES }).notNull(),
  description: text('description').notNull(),
  ip: text('ip'),
  domain: text('domain'),
  evidenceSha256: text('evidence_sha256'),
  evidenceFileName: text('evidence_file_name'),
  evidenceContentType: text('evidence_content_type', { enum: DOCUMENT_TYPES }),
  status: text('status', { enum: COMPLAINT_STATUSES }).notNull(),
  receivedAt: ts('received_at').notNull(),
  noticeId: uuid('notice_id'),
  deadlineAt: ts('deadline_at'),
  clause: text('clause', { enum: VIOLATION_CLAUSES }),
  decidedAt: ts('decided_at'),
  decidedBy: uuid('decided_by'),
  decisionNote: text('decision_note'),
  resolvedAt: ts('resolved_at'),
});

export const complianceSuspensions = pgTable('compliance_suspensions', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  serverId: uuid('server_id').notNull(),
  complaintId: uuid('complaint_id'),
  clause: text('clause', { enum: VIOLATION_CLAUSES }).notNull(),
  reason: text('reason').notNull(),
  portInstruction: text('port_instruction').notNull(),
  suspendedAt: ts('suspended_at').notNull(),
  suspendedBy: uuid('suspended_by'),
  restoredAt: ts('restored_at'),
  restoredBy: uuid('restored_by'),
  restoreNote: text('restore_note'),
});

export const complianceInspections = pgTable('compliance_inspections', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  serverId: uuid('server_id').notNull(),
  authority: text('authority').notNull(),
  documentNumber: text('document_number').notNull(),
  documentSha256: text('document_sha256').notNull(),
  documentFileName: text('document_file_name').notNull(),
  documentContentType: text('document_content_type', { enum: DOCUMENT_TYPES }).notNull(),
  inspectedAt: ts('inspected_at').notNull(),
  scope: text('scope').notNull(),
  staffPresent: text('staff_present').notNull(),
  withheld: boolean('withheld').notNull(),
  withheldReason: text('withheld_reason'),
  recordedBy: uuid('recorded_by'),
  createdAt: ts('created_at').notNull(),
});
