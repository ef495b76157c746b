import { z } from 'zod';
import { DOCUMENT_TYPES } from '../../files/sniff.js';
import { CalendarDate, InstantString, ItemsOf, RowVersion, Timestamp } from '../../http/dto.js';
import { ATTESTATION_STATES, DECLARABLE_SERVICES } from '../../rules/index.js';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, DOMAIN_STATUSES, DOMAIN_USES, GATE_OUTCOMES, VERIFICATION_METHODS, VIOLATION_CLAUSES } from './compliance.schema.js';

/** A query flag as a link writes it ('true' | 'false'), read as a boolean. */
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

// ── requests ──────────────────────────────────────────────────────────────
export const Note = z.object({ note: z.string().trim().min(1).max(2000) });
export const Reason = z.object({ reason: z.string().trim().min(1).max(2000) });

export const DomainQuery = z.object({ customerId: z.uuid().optional(), serverId: z.uuid().optional(), status: z.enum(DOMAIN_STATUSES).optional() });
export const AddDomainBody = z.object({
  customerId: z.uuid().optional(),
  serverId: z.uuid(),
  domain: z.string().trim().min(1).max(300),
  address: z.string().trim().max(45).nullable().optional(),
  use: z.enum(DOMAIN_USES),
  filingNumber: z.string().trim().min(1).max(60),
  psbNumber: z.string().trim().max(60).nullable().optional(),
});
export const EditDomainBody = z.object({
  version: RowVersion,
  serverId: z.uuid().optional(),
  address: z.string().trim().max(45).nullable().optional(),
  use: z.enum(DOMAIN_USES).optional(),
  filingNumber: z.string().trim().min(1).max(60).optional(),
  psbNumber: z.string().trim().max(60).nullable().optional(),
});
export const VerifyDomainBody = z.object({ method: z.enum(VERIFICATION_METHODS), note: z.string().trim().min(1).max(2000) });
export const GateApplyBody = z.object({ force: z.boolean().default(false) });

export const ServiceQuery = z.object({ customerId: z.uuid().optional(), serverId: z.uuid().optional() });
export const DeclareServiceBody = z.object({ serverId: z.uuid(), kind: z.string().trim().min(1).max(40), description: z.string().trim().max(500).optional() });

export const AttestationQuery = z.object({ customerId: z.uuid() });
export const AttestBody = z.object({ customerId: z.uuid().optional(), location: z.string().trim().min(1).max(500), retentionMonths: z.number().int() });
/** A paper attestation's fields (multipart, beside its `file`): issue 18 §2. */
export const PaperAttestationFields = z.object({
  customerId: z.uuid(),
  location: z.string().trim().min(1).max(500),
  retentionMonths: z.coerce.number().int(),
  receivedBy: z.string().trim().min(1).max(100),
  receivedOn: CalendarDate,
});

export const ComplaintQuery = z.object({ customerId: z.uuid().optional(), status: z.enum(COMPLAINT_STATUSES).optional() });
export const IntakeBody = z.object({
  source: z.string().trim().min(1).max(300),
  category: z.enum(COMPLAINT_CATEGORIES),
  description: z.string().trim().min(1).max(5000),
  ip: z.string().trim().max(45).nullable().optional(),
  domain: z.string().trim().max(300).nullable().optional(),
  receivedAt: InstantString.nullable().optional(),
});
export const NotifyBody = z.object({ hours: z.number().int(), message: z.string().trim().max(2000).optional() });
export const ConfirmBody = z.object({ clause: z.enum(VIOLATION_CLAUSES), note: z.string().trim().min(1).max(2000) });
export const TerminateBody = z.object({ contractId: z.uuid() });

export const SuspensionQuery = z.object({ customerId: z.uuid().optional(), serverId: z.uuid().optional(), live: Flag.optional() });
export const SuspendBody = z.object({ serverId: z.uuid(), clause: z.enum(VIOLATION_CLAUSES), reason: z.string().trim().min(1).max(2000), complaintId: z.uuid().nullable().optional() });

export const InspectionQuery = z.object({ customerId: z.uuid().optional() });
/** The text fields of the multipart inspection form (the file beside them is the authorisation scan). */
export const InspectionFields = z.object({
  serverId: z.uuid(),
  authority: z.string().trim().min(1).max(300),
  documentNumber: z.string().trim().min(1).max(100),
  inspectedAt: InstantString,
  scope: z.string().trim().min(1).max(2000),
  staffPresent: z.string().trim().min(1).max(500),
  withheld: Flag.optional(),
  withheldReason: z.string().trim().max(2000).optional(),
});
export const WithholdBody = z.object({ withheld: z.boolean(), reason: z.string().trim().min(1).max(2000) });

// ── responses ─────────────────────────────────────────────────────────────
export const ComplianceDomain = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    serverId: z.uuid(),
    domain: z.string().meta({ description: 'ASCII (punycode) form, as DNS and nginx see it' }),
    domainUnicode: z.string(),
    address: z.string(),
    use: z.enum(DOMAIN_USES),
    filingNumber: z.string(),
    psbNumber: z.string().nullable(),
    hasEvidence: z.boolean(),
    evidenceFileName: z.string().nullable(),
    evidenceContentType: z.enum(DOCUMENT_TYPES).nullable(),
    status: z.enum(DOMAIN_STATUSES),
    statusReason: z.string().nullable(),
    verifiedAt: Timestamp,
    verifiedBy: z.string().nullable(),
    verifier: z.string().nullable(),
    verificationMethod: z.enum(VERIFICATION_METHODS).nullable(),
    verificationNote: z.string().nullable(),
    reverifyDueOn: CalendarDate.nullable(),
    reverificationOverdue: z.boolean().optional(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'ComplianceDomain' });
export const ComplianceDomainList = ItemsOf(ComplianceDomain);

export const GateApply = z
  .object({ id: z.uuid(), startedAt: Timestamp, finishedAt: Timestamp, outcome: z.enum(GATE_OUTCOMES), fingerprint: z.string(), domainCount: z.number().int(), output: z.string(), triggeredBy: z.string() })
  .meta({ id: 'GateApply' });
export const GateStatus = z
  .object({
    dir: z.string(),
    httpListen: z.string(),
    httpsListen: z.string(),
    domainCount: z.number().int(),
    fingerprint: z.string(),
    inForce: GateApply.nullable(),
    lastAttempt: GateApply.nullable(),
    pending: z.boolean().meta({ description: 'the verified state differs from what nginx runs: an apply is due (or failed)' }),
    recent: z.array(GateApply),
  })
  .meta({ id: 'GateStatus' });
/** What an apply did: 'unchanged' when nginx already runs the verified state (and force was not asked). */
export const GateApplyResult = z
  .object({ outcome: z.enum([...GATE_OUTCOMES, 'unchanged']), fingerprint: z.string(), domainCount: z.number().int(), output: z.string().optional() })
  .meta({ id: 'GateApplyResult' });
export const GatePreview = z.object({ conf: z.string(), map: z.string(), blockedPage: z.string() }).meta({ id: 'GatePreview' });

export const DeclaredService = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    serverId: z.uuid(),
    kind: z.enum(DECLARABLE_SERVICES),
    description: z.string(),
    hasAgreement: z.boolean(),
    agreementFileName: z.string().nullable(),
    agreementUploadedAt: Timestamp,
    declaredAt: Timestamp,
    withdrawnAt: Timestamp,
    violation: z.string().nullable().meta({ description: "the standing violation's reason code (SERVICE_AGREEMENT_MISSING: a non-www service without its agreement), or null" }),
  })
  .meta({ id: 'DeclaredService' });
export const DeclaredServiceList = ItemsOf(DeclaredService);

export const LogRetentionAttestation = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    location: z.string(),
    retentionMonths: z.number().int(),
    attestedOn: CalendarDate,
    validUntil: CalendarDate,
    remindedAt: Timestamp,
    createdAt: Timestamp,
    state: z.enum(ATTESTATION_STATES).optional(),
    hasScan: z.boolean().optional().describe('a paper attestation: its signed scan is on file'),
    receivedBy: z.string().nullable().optional().describe('a paper attestation: who at the provider received it'),
    receivedOn: CalendarDate.nullable().optional().describe('a paper attestation: the day it was received'),
  })
  .meta({ id: 'LogRetentionAttestation' });
export const LogRetentionAttestationList = ItemsOf(LogRetentionAttestation);
/** 5.5: whether activation may go ahead; `gap` is the message key of what is missing. */
export const LogRetentionReadiness = z
  .object({ ready: z.boolean(), state: z.enum(ATTESTATION_STATES), validUntil: CalendarDate.nullable(), gap: z.string().nullable() })
  .meta({ id: 'LogRetentionReadiness' });

export const Complaint = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    serverId: z.uuid().nullable(),
    domainId: z.uuid().nullable(),
    source: z.string().nullable().meta({ description: 'null for a customer: who complained is not theirs to know' }),
    category: z.enum(COMPLAINT_CATEGORIES),
    description: z.string(),
    ip: z.string().nullable(),
    domain: z.string().nullable(),
    hasEvidence: z.boolean(),
    status: z.enum(COMPLAINT_STATUSES),
    receivedAt: Timestamp,
    noticeId: z.string().nullable(),
    deadlineAt: Timestamp,
    clause: z.enum(VIOLATION_CLAUSES).nullable(),
    suggestedClause: z.enum(VIOLATION_CLAUSES),
    decidedAt: Timestamp,
    decisionNote: z.string().nullable(),
    resolvedAt: Timestamp,
  })
  .meta({ id: 'Complaint' });
export const ComplaintList = ItemsOf(Complaint);
/** The contract a termination for cause ended, as it now stands. */
export const TerminatedContract = z.object({ id: z.uuid(), status: z.string() }).meta({ id: 'ComplianceTerminatedContract' });

export const ServerSuspension = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    serverId: z.uuid(),
    complaintId: z.uuid().nullable(),
    clause: z.enum(VIOLATION_CLAUSES),
    reason: z.string(),
    portInstruction: z.string(),
    suspendedAt: Timestamp,
    restoredAt: Timestamp,
    restoreNote: z.string().nullable(),
  })
  .meta({ id: 'ServerSuspension' });
export const ServerSuspensionList = ItemsOf(ServerSuspension);

export const Inspection = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    serverId: z.uuid(),
    authority: z.string(),
    documentNumber: z.string(),
    documentFileName: z.string(),
    documentContentType: z.enum(DOCUMENT_TYPES),
    inspectedAt: Timestamp,
    scope: z.string(),
    staffPresent: z.string(),
    withheld: z.boolean(),
    withheldReason: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Inspection' });
export const InspectionList = ItemsOf(Inspection);
