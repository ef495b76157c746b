import { z } from 'zod';
import { CalendarDate, Fen, InstantString, ItemsOf, Timestamp } from '../../http/dto.js';
import { Invoice } from '../billing/billing.dto.js';
import { ATTACHMENT_PARTS, DOCUMENT_FORMATS, DOCUMENT_PARTS } from './contract-document.js';
import { CONTRACT_STATUSES, TERMINATION_KINDS } from './contracts.schema.js';
import { BLOCK_KINDS } from './templates/colocation-v1.js';

export const ContractStatus = z.enum(CONTRACT_STATUSES).meta({ id: 'ContractStatus' });

/** The agreement's adjustable numbers as drafted (rules/defaults.ts ContractTerms); a key absent takes the default. */
export const ContractTerms = z
  .object({
    termMonths: z.number().int(),
    paymentDueCalendarDays: z.number().int(),
    commissioningWorkingDays: z.number().int(),
    compensationFactor: z.number(),
    compensationUnitHours: z.number(),
    mergeTouching: z.boolean(),
    plannedWorkNoticeHours: z.number(),
    lineFaultRepairHours: z.number(),
  })
  .partial()
  .meta({ id: 'ContractTerms' });

export const Contract = z
  .object({
    id: z.uuid(),
    number: z.string().meta({ description: 'RP-YYYY-NNNN, continuous per year' }),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    siteId: z.uuid(),
    providerVersion: z.number().int(),
    templateVersion: z.string(),
    terms: ContractTerms,
    termMonths: z.number().int(),
    annualFeeFen: Fen,
    signingPlace: z.string(),
    signingDate: CalendarDate.nullable(),
    status: ContractStatus,
    securityLetterSigned: z.boolean(),
    userUndertakingSigned: z.boolean(),
    securityLetterSha256: z.string().nullable().optional(),
    userUndertakingSha256: z.string().nullable().optional(),
    activationDate: CalendarDate.nullable().meta({ description: '开通日: the day the first server was racked' }),
    termStart: CalendarDate.nullable(),
    termEnd: CalendarDate.nullable().meta({ description: '期满日' }),
    compensationHours: z.number().int(),
    nonRenewalNoticedAt: Timestamp,
    renewalCount: z.number().int(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Contract' });

export const CommissioningOrder = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    serverId: z.uuid(),
    customerId: z.uuid(),
    rackedOn: CalendarDate,
    dueOn: CalendarDate,
    dueOnProvisional: z.boolean(),
    completedAt: Timestamp,
    breachedAt: Timestamp,
    createdAt: Timestamp,
  })
  .meta({ id: 'CommissioningOrder' });

/** A server under the contract as the contract page shows it (issue 18): where it sits and its live addresses. */
export const ContractServer = z
  .object({
    id: z.uuid(),
    brand: z.string(),
    model: z.string(),
    serialNumber: z.string(),
    heightU: z.number().int(),
    status: z.string(),
    inspected: z.boolean(),
    placement: z.object({ cabinetId: z.uuid(), cabinetCode: z.string(), roomName: z.string(), siteName: z.string(), lowest: z.number().int(), highest: z.number().int() }).nullable(),
    ports: z.number().int(),
    addresses: z.array(z.string()),
  })
  .meta({ id: 'ContractServer' });

export const ContractDetail = Contract.extend({
  site: z.object({ id: z.uuid(), name: z.string(), accessPoint: z.string() }),
  servers: z.array(ContractServer),
  /** 24:00 Asia/Shanghai of the term's end plus credited compensation (7.2) */
  serviceEndsAt: InstantString.nullable(),
  serverIds: z.array(z.uuid()),
  invoices: z.array(Invoice),
  commissioning: z.array(CommissioningOrder),
}).meta({ id: 'ContractDetail' });

export const ContractList = ItemsOf(Contract);
export const ContractListQuery = z.object({ customerId: z.uuid().optional(), status: ContractStatus.optional() });

export const CreateContractBody = z.object({
  customerId: z.uuid(),
  siteId: z.uuid(),
  serverIds: z.array(z.uuid()).min(1).max(50),
  /** yuan as the person typed it (¥18,000.00, 18000 …); parsed exactly by the rules core */
  annualFee: z.string().trim().min(1).max(30),
  termMonths: z.number().int().min(1).max(120).optional(),
  signingPlace: z.string().trim().min(1).max(50).optional(),
});

export const TerminateBody = z.object({ kind: z.enum(TERMINATION_KINDS), clause: z.string().trim().max(20).optional() });

export const ContractDocumentQuery = z.object({ format: z.enum(DOCUMENT_FORMATS).default('pdf'), part: z.enum(DOCUMENT_PARTS).default('contract') });
export const AttachmentParams = z.object({ id: z.uuid(), part: z.enum(ATTACHMENT_PARTS) });

// templates: versioned wording; a warning for a repealed law
export const TemplateBlock = z.object({ kind: z.enum(BLOCK_KINDS), text: z.string().max(5000) }).meta({ id: 'ContractTemplateBlock' });
export const ContractTemplate = z
  .object({
    version: z.string(),
    sequence: z.number().int(),
    blocks: z.array(TemplateBlock),
    /** issue 19: a template written as structured text (one paragraph per line; its blocks are then empty) */
    source: z.string().nullable(),
    note: z.string().nullable(),
    warnings: z.array(z.object({ path: z.string(), code: z.literal('REPEALED_LAW'), cited: z.string(), repealedOn: z.string(), replacedBy: z.string() })),
    createdBy: z.uuid().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'ContractTemplate' });
export const ContractTemplateList = ItemsOf(ContractTemplate);
/** Blocks (as before) or, since issue 19, structured text (`source`, see templates/template-tree.ts) — one of the two. */
export const AddTemplateBody = z.object({ blocks: z.array(TemplateBlock).min(1).max(2000).optional(), source: z.string().min(1).max(200_000).optional(), note: z.string().trim().max(200).optional() });
