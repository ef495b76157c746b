import { z } from 'zod';
import { CalendarDate, Page, RowVersion, Timestamp } from '../../http/dto.js';

const optionalText = (max = 200) => z.string().trim().max(max).nullable().optional();
const STATUS = z.enum(['prospect', 'active', 'suspended', 'former']);

export const Customer = z
  .object({
    id: z.uuid(),
    name: z.string(),
    nameInitials: z.string(),
    uscc: z.string().nullable(),
    status: STATUS,
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

export const CustomerQuery = z.object({ q: z.string().trim().max(100).optional(), status: STATUS.optional(), ...Page });

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
  status: STATUS.optional(),
  legalRepresentative: optionalText(50),
  ...contact,
});

export const UpdateCustomerBody = CreateCustomerBody.partial().extend({ version: RowVersion });
export const ContactChangeBody = z.object(contact).refine((v) => Object.keys(v).length > 0, { message: 'field.required', path: ['postalAddress'] });
export const DecisionBody = z.object({ approve: z.boolean(), note: z.string().trim().max(500).optional() });

export const ChangeRequest = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    proposed: z.unknown(),
    status: z.enum(['pending', 'approved', 'rejected']),
    requestedBy: z.uuid(),
    requestedAt: Timestamp,
    decidedBy: z.uuid().nullable(),
    decidedAt: Timestamp,
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'CustomerChangeRequest' });

export const ROSTER_ROLES = ['legal_representative', 'technical_lead', 'network_admin', 'device_admin', 'server_admin', 'contract_contact'] as const;
export const RosterMember = z
  .object({
    memberId: z.uuid(),
    versionId: z.uuid(),
    side: z.enum(['customer', 'provider']),
    role: z.enum(ROSTER_ROLES),
    name: z.string(),
    mobile: z.string().nullable(),
    landline: z.string().nullable(),
    email: z.string().nullable(),
    available24h: z.boolean(),
    validFrom: Timestamp,
    validTo: Timestamp,
  })
  .meta({ id: 'RosterMember' });
export const RosterMemberBody = z.object({
  memberId: z.uuid().optional(),
  side: z.enum(['customer', 'provider']),
  role: z.enum(ROSTER_ROLES),
  name: z.string().trim().min(1).max(50),
  mobile: optionalText(30),
  landline: optionalText(30),
  email: z.email().nullable().optional(),
  available24h: z.boolean().optional(),
});

export const KycDocument = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    kind: z.enum(['business_licence', 'legal_representative_id', 'handler_id']),
    holderName: z.string(),
    idType: z.enum(['uscc', 'resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit']),
    idNumber: z.string(),
    issuedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
    status: z.enum(['pending', 'verified', 'rejected', 'superseded']),
    rejectReason: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    reviewedAt: Timestamp,
    uploadedBy: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'KycDocument' });
export const KycMeta = z.object({
  kind: z.enum(['business_licence', 'legal_representative_id', 'handler_id']),
  holderName: z.string().trim().min(1).max(100),
  idType: z.enum(['uscc', 'resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit']),
  idNumber: z.string().trim().min(1).max(40),
  issuedOn: CalendarDate.optional(),
  expiresOn: CalendarDate.optional(),
});
export const ReviewBody = z.object({ verify: z.boolean(), reason: z.string().trim().max(500).optional() });

export const OutboxItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  customerId: z.uuid(),
  direction: z.enum(['provider_to_customer', 'customer_to_provider']),
  payload: z.unknown(),
  createdAt: Timestamp,
  drainedAt: Timestamp,
});
export const StaffTask = z.object({
  id: z.uuid(),
  kind: z.string(),
  customerName: z.string().nullable().optional(),
  role: z.string(),
  customerId: z.uuid().nullable(),
  subjectId: z.uuid(),
  dueOn: z.string(),
  payload: z.unknown(),
  createdAt: Timestamp,
  doneAt: Timestamp,
  doneBy: z.string().nullable(),
});
