import { z } from 'zod';
import { CalendarDate, Fen, ItemsOf, Timestamp } from '../../http/dto.js';
import { DUNNING_DECISIONS, DUNNING_KINDS, FAPIAO_TYPES, INVOICE_STATUSES } from './billing.schema.js';

export const InvoiceStatus = z.enum(INVOICE_STATUSES).meta({ id: 'InvoiceStatus' });
export const FapiaoType = z.enum(FAPIAO_TYPES).meta({ id: 'FapiaoType', description: 'ordinary 增值税普通发票（普票）/ special 增值税专用发票（专票）' });
export const DunningDecision = z.enum(DUNNING_DECISIONS).meta({ id: 'DunningDecision' });

/** 第四条: the annual invoice. */
export const Invoice = z
  .object({
    id: z.uuid(),
    number: z.string().meta({ description: 'INV-YYYY-NNNNNN, continuous per year across all contracts' }),
    contractId: z.uuid(),
    customerId: z.uuid(),
    periodStart: CalendarDate,
    periodEnd: CalendarDate,
    amountFen: Fen,
    issuedOn: CalendarDate,
    dueOn: CalendarDate,
    paidOn: CalendarDate.nullable(),
    status: InvoiceStatus,
    createdAt: Timestamp,
    paidFen: Fen,
    creditAppliedFen: Fen,
    overdueSince: CalendarDate.nullable(),
    fapiaoTitle: z.string().nullable(),
    fapiaoTaxNumber: z.string().nullable(),
    fapiaoType: FapiaoType.nullable(),
    fapiaoRequestedAt: Timestamp,
    fapiaoNumber: z.string().nullable(),
    fapiaoIssuedOn: CalendarDate.nullable(),
    /** the due date rests on a provisional calendar year (the State Council had not published it) */
    dueOnProvisional: z.boolean(),
    /** the due date first announced, when the official calendar year later moved it */
    provisionalDueOn: CalendarDate.nullable(),
  })
  .meta({ id: 'Invoice' });
export const InvoiceList = ItemsOf(Invoice);
export const InvoiceListQuery = z.object({ contractId: z.uuid().optional(), customerId: z.uuid().optional() });

export const Payment = z
  .object({
    id: z.uuid(),
    invoiceId: z.uuid(),
    customerId: z.uuid(),
    amountFen: Fen,
    /** the part that settled the invoice */
    appliedFen: Fen,
    /** the part beyond what was owed, kept as the customer's credit */
    creditedFen: Fen,
    receivedOn: CalendarDate,
    bankReference: z.string().nullable(),
    recordedBy: z.uuid().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'BillingPayment' });

export const DunningAction = z
  .object({
    id: z.uuid(),
    invoiceId: z.uuid(),
    customerId: z.uuid(),
    kind: z.enum(DUNNING_KINDS),
    /** reminders 1…n in policy order; the suspension proposal is step 0 */
    step: z.number().int(),
    dueOn: CalendarDate,
    noticeId: z.uuid().nullable(),
    decision: DunningDecision.nullable(),
    decidedBy: z.uuid().nullable(),
    decidedAt: Timestamp,
    createdAt: Timestamp,
  })
  .meta({ id: 'DunningAction' });

export const InvoiceDetail = Invoice.extend({
  outstandingFen: Fen,
  payments: z.array(Payment),
  dunning: z.array(DunningAction),
  creditBalanceFen: Fen,
}).meta({ id: 'InvoiceDetail' });

export const InvoiceDocumentQuery = z.object({ format: z.enum(['pdf', 'html']).default('pdf') });

export const RecordPaymentBody = z.object({
  /** yuan as written on the bank statement (¥1,000.00, 1000 …); parsed exactly by the rules core */
  amount: z.string().trim().min(1).max(30),
  receivedOn: CalendarDate,
  bankReference: z.string().trim().min(1).max(64),
});
export const RecordedPayment = Invoice.extend({ outstandingFen: Fen, payment: Payment }).meta({ id: 'RecordedPayment' });

export const FapiaoRequestBody = z.object({ title: z.string().trim().min(1).max(100), taxNumber: z.string().trim().min(1).max(30), type: FapiaoType });
export const FapiaoIssuedBody = z.object({ fapiaoNumber: z.string().trim().max(20), issuedOn: CalendarDate });

export const CustomerCredit = z
  .object({
    customerId: z.uuid(),
    balanceFen: Fen,
    entries: z.array(z.object({ id: z.uuid(), amountFen: Fen.meta({ description: 'positive: kept from a payment; negative: applied to an invoice' }), paymentId: z.uuid().nullable(), invoiceId: z.uuid(), invoiceNumber: z.string(), createdAt: Timestamp })),
  })
  .meta({ id: 'CustomerCredit' });

export const DunningPolicy = z.object({ reminderDays: z.array(z.number().int()), suspensionProposalDays: z.number().int(), updatedAt: Timestamp }).meta({ id: 'DunningPolicy' });
export const DunningPolicyBody = z.object({ reminderDays: z.array(z.number().int()).min(1).max(10), suspensionProposalDays: z.number().int() });

export const DunningQuery = z.object({ decision: DunningDecision.optional(), invoiceId: z.uuid().optional() });
export const DunningList = z.object({ items: z.array(DunningAction.extend({ invoiceNumber: z.string(), customerName: z.string(), outstandingFen: Fen })) });
export const DunningDecisionBody = z.object({ decision: DunningDecision.exclude(['proposed']), note: z.string().trim().max(500).optional() });

export const ExpiringQuery = z.object({ withinDays: z.coerce.number().int().min(1).max(366).default(60) });
export const ExpiringContract = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    /** only active contracts expire (a contract ended or terminated is not listed) */
    status: z.literal('active'),
    termStart: CalendarDate.nullable(),
    termEnd: CalendarDate.nullable(),
    annualFeeFen: Fen,
    daysLeft: z.number().int(),
    /** the reminder bucket it is in: 60, 30 or 7 days (第十三条) */
    bucket: z.number().int().nullable(),
    /** false once either side objected to the renewal */
    renews: z.boolean(),
  })
  .meta({ id: 'ExpiringContract' });
export const ExpiringList = ItemsOf(ExpiringContract);

export const SweepQuery = z.object({ limit: z.coerce.number().int().min(1).max(400).default(60) });
export const SweepDay = z
  .object({
    day: CalendarDate,
    ranAt: Timestamp,
    result: z.object({
      day: CalendarDate,
      renewed: z.number().int(),
      ended: z.number().int(),
      overdue: z.array(z.string()),
      reminders: z.array(z.string()),
      proposals: z.array(z.string()),
      expiryReminders: z.array(z.string()),
    }).partial(),
  })
  .meta({ id: 'BillingSweepDay' });
export const SweepList = ItemsOf(SweepDay);
