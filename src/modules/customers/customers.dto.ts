import { z } from 'zod';
import { CalendarDate, IdParams, InstantOrDate, ItemsOf, Page, PageOf, RowVersion, Timestamp } from '../../http/dto.js';
import {
  CHANGE_REQUEST_STATUSES,
  CUSTOMER_STATUSES,
  KYC_ID_TYPES,
  KYC_KINDS,
  KYC_STATUSES,
  OUTBOX_DIRECTIONS,
  ROSTER_ROLES,
  ROSTER_SIDES,
  TASK_ROLES,
} from './customers.schema.js';
import { ACTIVATION_GAPS } from './customers.service.js';

/** The roster's roles, for other modules' DTOs (notice preferences) that may not read this module's schema. */
export { ROSTER_ROLES };

const optionalText = (max = 200) => z.string().trim().max(max).nullable().optional();

// ── the enums, named once for the document (the value lists live in customers.schema.ts) ──
export const CustomerStatus = z.enum(CUSTOMER_STATUSES).meta({ id: 'CustomerStatus' });
export const KycKind = z.enum(KYC_KINDS).meta({ id: 'KycKind', description: '营业执照, 法定代表人身份证件, 经办人身份证件 (5.10)' });
export const KycIdType = z.enum(KYC_ID_TYPES).meta({ id: 'KycIdType' });
export const KycStatus = z.enum(KYC_STATUSES).meta({ id: 'KycStatus' });
export const RosterSide = z.enum(ROSTER_SIDES).meta({ id: 'RosterSide', description: 'customer: 甲方; provider: 乙方' });
export const RosterRole = z.enum(ROSTER_ROLES).meta({ id: 'RosterRole' });
export const ChangeRequestStatus = z.enum(CHANGE_REQUEST_STATUSES).meta({ id: 'CustomerChangeRequestStatus' });
export const TaskRole = z.enum(TASK_ROLES).meta({ id: 'StaffTaskRole' });
export const ActivationGap = z.enum(ACTIVATION_GAPS).meta({ id: 'CustomerActivationGap' });

// ── customers ───────────────────────────────────────────────────────────
export const Customer = z
  .object({
    id: z.uuid(),
    name: z.string(),
    nameInitials: z.string(),
    uscc: z.string().nullable(),
    status: CustomerStatus,
    registeredAddress: z.string().nullable(),
    postalAddress: z.string().nullable(),
    noticeEmail: z.string().nullable(),
    noticeFax: z.string().nullable(),
    legalRepresentative: z.string().nullable(),
    contactPhone: z.string().nullable(),
    version: z.number(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Customer' });
export const CustomerPage = PageOf(Customer).meta({ id: 'CustomerPage' });

export const CustomerQuery = z.object({ q: z.string().trim().max(100).optional(), status: CustomerStatus.optional(), ...Page });
/** The CSV export takes the search's filters, all rows. */
export const CustomerExportQuery = CustomerQuery.omit({ page: true, pageSize: true });

const contact = {
  registeredAddress: optionalText(),
  postalAddress: optionalText(),
  noticeEmail: z.email().nullable().optional(),
  noticeFax: optionalText(40),
  contactPhone: optionalText(40),
};

export const CreateCustomerBody = z.object({
  name: z.string().trim().min(2).max(100),
  uscc: optionalText(30),
  status: CustomerStatus.optional(),
  legalRepresentative: optionalText(50),
  ...contact,
});

export const UpdateCustomerBody = CreateCustomerBody.partial().extend({ version: RowVersion });

export const ActivationReadiness = z
  .object({ ready: z.boolean(), missing: z.array(ActivationGap), rosterMembers: z.number().int().describe("people on the customer's side of the roster now (5.10)") })
  .meta({ id: 'CustomerActivationReadiness', description: 'Whether a server of this customer may be activated: 24-hour contacts and verified KYC (5.10)' });

// ── contact-change requests ─────────────────────────────────────────────
export const ContactChangeBody = z.object(contact).refine((v) => Object.keys(v).length > 0, { message: 'field.required', path: ['postalAddress'] });
export const DecisionBody = z.object({ approve: z.boolean(), note: z.string().trim().max(500).optional() });
export const ChangeRequestQuery = z.object({ customerId: z.uuid().optional(), status: ChangeRequestStatus.optional() });

export const ChangeRequest = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    proposed: z.record(z.string(), z.string().nullable()).describe('the contact fields to change and their new values (null: clear)'),
    status: ChangeRequestStatus,
    requestedBy: z.uuid(),
    requestedAt: Timestamp,
    decidedBy: z.uuid().nullable(),
    decidedAt: Timestamp,
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'CustomerChangeRequest' });
export const ChangeRequestList = ItemsOf(ChangeRequest).meta({ id: 'CustomerChangeRequestList' });

// ── rosters (人员名单) ──────────────────────────────────────────────────
export const RosterMember = z
  .object({
    memberId: z.uuid(),
    versionId: z.uuid(),
    side: RosterSide,
    role: RosterRole,
    name: z.string(),
    mobile: z.string().nullable(),
    landline: z.string().nullable(),
    email: z.string().nullable(),
    available24h: z.boolean(),
    validFrom: Timestamp,
    validTo: Timestamp,
  })
  .meta({ id: 'RosterMember' });
export const RosterList = ItemsOf(RosterMember).meta({ id: 'RosterList' });
export const RosterQuery = z.object({ at: InstantOrDate.optional() });
export const RosterMemberParams = IdParams.extend({ memberId: z.uuid() });
export const RosterMemberBody = z.object({
  memberId: z.uuid().optional(),
  side: RosterSide,
  role: RosterRole,
  name: z.string().trim().min(1).max(50),
  mobile: optionalText(30),
  landline: optionalText(30),
  email: z.email().nullable().optional(),
  available24h: z.boolean().optional(),
});

/** How a change the customer sent came and the document that carried it (staff record it; issue 19 §5). */
export const RECEIVED_HOW = ['email', 'post', 'fax', 'in_person'] as const;
export const ReceivedBody = z.object({
  how: z.enum(RECEIVED_HOW),
  documentName: z.string().trim().min(1).max(200),
});
/** PUT /roster: one person; staff changing the customer's side say how the change came (received). */
export const RosterUpsertBody = RosterMemberBody.extend({ received: ReceivedBody.optional() });
/** One roster change of one side: several people added, changed or taken off, one notice (issue 19 §5). */
export const RosterChangeItem = z.discriminatedUnion('op', [
  RosterMemberBody.omit({ side: true }).extend({ op: z.literal('upsert') }),
  z.object({ op: z.literal('remove'), memberId: z.uuid() }),
]);
/** The multipart fields of POST /roster/changes (`items` is the JSON list; file: the scan of the document). */
export const RosterChangeFields = z.object({
  side: RosterSide,
  items: z.array(RosterChangeItem).min(1).max(50),
  how: z.enum(RECEIVED_HOW).optional(),
  documentName: z.string().trim().min(1).max(200).optional(),
});
export const RosterRemoveQuery = z.object({ how: z.enum(RECEIVED_HOW).optional(), documentName: z.string().trim().min(1).max(200).optional() });
export const RosterChangeResult = z
  .object({ members: z.array(RosterMember), removed: z.array(z.uuid()) })
  .meta({ id: 'RosterChangeResult' });

// ── KYC (5.10) ──────────────────────────────────────────────────────────
export const KycDocument = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    kind: KycKind,
    holderName: z.string(),
    idType: KycIdType,
    idNumber: z.string(),
    issuedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
    status: KycStatus,
    rejectReason: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    reviewedAt: Timestamp,
    uploadedBy: z.string().nullable(),
    createdAt: Timestamp,
    receivedBy: z.string().nullable().describe('received on paper: who at the provider took it'),
    receivedOn: CalendarDate.nullable().describe('received on paper: the day'),
  })
  .meta({ id: 'KycDocument' });
export const KycList = ItemsOf(KycDocument).meta({ id: 'KycDocumentList' });
/** The form fields of a KYC upload (multipart), checked after the file is read. */
export const KycMeta = z.object({
  kind: KycKind,
  holderName: z.string().trim().min(1).max(100),
  idType: KycIdType,
  idNumber: z.string().trim().min(1).max(40),
  issuedOn: CalendarDate.optional(),
  expiresOn: CalendarDate.optional(),
  receivedBy: z.string().trim().max(100).optional(),
  receivedOn: CalendarDate.optional(),
});
export const KycQueueQuery = z.object({ status: KycStatus.default('pending') });
export const ReviewBody = z.object({ verify: z.boolean(), reason: z.string().trim().max(500).optional() });

// ── notices owed and staff tasks ────────────────────────────────────────
export const OutboxItem = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    customerId: z.uuid(),
    direction: z.enum(OUTBOX_DIRECTIONS),
    payload: z.unknown(),
    createdAt: Timestamp,
    drainedAt: Timestamp,
  })
  .meta({ id: 'CustomerOutboxItem' });
export const OutboxList = ItemsOf(OutboxItem).meta({ id: 'CustomerOutboxList' });

/** What a task is about, by its kind (StaffTaskPayload in customers.schema.ts); other keys pass through as they are. */
export const StaffTaskPayload = z
  .looseObject({
    kind: z.string().optional(),
    holderName: z.string().optional(),
    expiresOn: z.string().optional(),
    year: z.number().optional(),
    number: z.string().optional(),
    label: z.string().optional(),
    before: z.string().optional(),
    after: z.string().optional(),
  })
  .meta({ id: 'StaffTaskPayload' });
export const StaffTask = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    customerName: z.string().nullable().optional(),
    role: TaskRole,
    customerId: z.uuid().nullable(),
    subjectId: z.uuid(),
    dueOn: z.string(),
    payload: StaffTaskPayload,
    createdAt: Timestamp,
    doneAt: Timestamp,
    doneBy: z.string().nullable(),
  })
  .meta({ id: 'StaffTask' });
export const StaffTaskList = ItemsOf(StaffTask).meta({ id: 'StaffTaskList' });
export const TaskQuery = z.object({ role: TaskRole.optional() });
