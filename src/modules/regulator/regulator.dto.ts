import { z } from 'zod';
import { CalendarDate, IdParams, Instant, ItemsOf, Page, Timestamp } from '../../http/dto.js';
import { CHANGE_ACTIONS, CHANGE_STATUSES, EXPORT_MODES, EXPORT_STATUSES, FINDING_KINDS, FINDING_STATUSES, HOUSE_NATURES, RECORD_KINDS } from './regulator.schema.js';

export { IdParams };

// ── requests ──────────────────────────────────────────────────────────────
/** The licence holder's particulars (issue 22 §1): every field, as the settings tab saves them. */
export const RegulatorSettingsBody = z
  .object({
    licenceNumber: z.string().trim().min(1).max(60),
    province: z.string().trim().regex(/^[0-9]{6}$/, { message: 'regulator.provinceCode' }),
    houseNature: z.enum(HOUSE_NATURES),
    houseOfficer: z.string().trim().min(1).max(100),
    houseOfficerPhone: z.string().trim().min(1).max(40),
    workingDays: z.number().int().min(1).max(60),
  })
  .meta({ id: 'RegulatorSettingsBody' });

export const RegisterParams = z.object({ kind: z.enum(RECORD_KINDS) });
export const RegisterQuery = z.object(Page);
export const ChangeQuery = z.object({ status: z.enum(CHANGE_STATUSES).optional(), exportId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(2000).optional() });
export const FindingQuery = z.object({ status: z.enum(FINDING_STATUSES).optional(), kind: z.enum(FINDING_KINDS).optional(), limit: z.coerce.number().int().min(1).max(2000).optional() });
export const ExportBody = z
  .object({
    mode: z.enum(EXPORT_MODES),
    /** incremental only: the changes from this instant on, instead of those after the last acknowledged export */
    since: Instant.nullable().optional(),
  })
  .meta({ id: 'RegulatorExportBody' });
export const AcknowledgeBody = z.object({ resultCode: z.string().trim().min(1).max(60) }).meta({ id: 'RegulatorAcknowledgeBody' });
export const RejectBody = z.object({ resultCode: z.string().trim().min(1).max(60), reason: z.string().trim().min(1).max(2000) }).meta({ id: 'RegulatorRejectBody' });
export const DismissBody = z.object({ note: z.string().trim().min(1).max(500) }).meta({ id: 'RegulatorDismissBody' });
export const ReconcileBody = z.object({ through: CalendarDate.optional() }).meta({ id: 'RegulatorReconcileBody' });

// ── responses ─────────────────────────────────────────────────────────────
export const RegulatorSettings = z
  .object({
    licenceNumber: z.string(),
    province: z.string(),
    houseNature: z.enum(HOUSE_NATURES),
    houseOfficer: z.string(),
    houseOfficerPhone: z.string(),
    workingDays: z.number().int(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'RegulatorSettings' });

const Counts = z.object(Object.fromEntries(RECORD_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof RECORD_KINDS)[number], z.ZodNumber>);
export const RegisterPage = z
  .object({
    kind: z.enum(RECORD_KINDS),
    /** the record's fields in the file's order (writer.ts) */
    fields: z.array(z.string()),
    items: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
    total: z.number().int(),
    counts: Counts,
  })
  .meta({ id: 'RegulatorRegisterPage' });

export const RegisterFailure = z
  .object({
    kind: z.enum(RECORD_KINDS),
    recordKey: z.string(),
    reason: z.enum(['user.notVerified', 'user.idNumberInvalid', 'service.filingInvalid', 'service.userNotVerified', 'segment.noUser', 'operator.licenceMissing']),
    detail: z.string().nullable(),
    /** the reason in the request's language */
    message: z.string(),
  })
  .meta({ id: 'RegulatorFailure' });
export const Validation = z.object({ valid: z.boolean(), failures: z.array(RegisterFailure) }).meta({ id: 'RegulatorValidation' });

export const Change = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    kind: z.enum(RECORD_KINDS),
    recordKey: z.string(),
    action: z.enum(CHANGE_ACTIONS),
    cause: z.string(),
    customerId: z.uuid().nullable(),
    detail: z.record(z.string(), z.unknown()),
    occurredAt: Timestamp,
    dueOn: z.string(),
    status: z.enum(CHANGE_STATUSES),
    exportId: z.uuid().nullable(),
    resultCode: z.string().nullable(),
    rejectReason: z.string().nullable(),
    /** still to report (pending or refused) and its deadline has passed */
    overdue: z.boolean(),
  })
  .meta({ id: 'RegulatorChange' });
export const ChangeList = ItemsOf(Change);

export const Export = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    mode: z.enum(EXPORT_MODES),
    since: Timestamp,
    afterSeq: z.number().int(),
    throughSeq: z.number().int(),
    fileName: z.string(),
    sha256: z.string(),
    sizeBytes: z.number().int(),
    recordCounts: z.record(z.string(), z.number()),
    changeCount: z.number().int(),
    status: z.enum(EXPORT_STATUSES),
    resultCode: z.string().nullable(),
    rejectReason: z.string().nullable(),
    createdBy: z.string(),
    createdAt: Timestamp,
    decidedBy: z.string().nullable(),
    decidedAt: Timestamp,
  })
  .meta({ id: 'RegulatorExport' });
export const ExportList = ItemsOf(Export);
export const ExportResult = z
  .object({ export: Export, files: z.array(z.object({ name: z.string(), sha256: z.string(), bytes: z.number().int() })) })
  .meta({ id: 'RegulatorExportResult' });

export const Finding = z
  .object({
    id: z.uuid(),
    kind: z.enum(FINDING_KINDS),
    subject: z.string(),
    serverIp: z.string().nullable(),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    serverId: z.uuid().nullable(),
    hits: z.number().int(),
    detail: z.record(z.string(), z.unknown()),
    firstSeenOn: z.string(),
    lastSeenOn: z.string(),
    dueOn: z.string(),
    /** open past its deadline */
    overdue: z.boolean(),
    status: z.enum(FINDING_STATUSES),
    complaintId: z.uuid().nullable(),
    closedBy: z.string().nullable(),
    closedAt: Timestamp,
  })
  .meta({ id: 'RegulatorFinding' });
export const FindingList = ItemsOf(Finding);
export const Converted = z
  .object({ finding: Finding, complaint: z.object({ id: z.uuid(), number: z.string(), customerId: z.uuid() }) })
  .meta({ id: 'RegulatorConverted' });
export const ReconcileResult = z.object({ days: z.array(z.string()), findings: z.number().int() }).meta({ id: 'RegulatorReconcileResult' });
