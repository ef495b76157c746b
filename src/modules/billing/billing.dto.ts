import { z } from 'zod';
import { CalendarDate, Fen, ItemsOf, Timestamp } from '../../http/dto.js';
import { DUNNING_DECISIONS, DUNNING_KINDS, FAPIAO_TYPES, INVOICE_STATUSES } from './billing.schema.js';
import { AGING_BUCKETS } from '../../rules/finance.js';

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

// ── finance desk (issue 20 item 4) ──
export const AgingBucket = z.enum(AGING_BUCKETS).meta({ id: 'AgingBucket', description: 'days past the 第四条 due date: not_due (≤0), d1_30, d31_60, d61_90, over_90' });
/** A bucket, or `overdue`: every bucket past the due date (the dashboards' 逾期应收). */
export const ReceivablesBucketFilter = z.enum([...AGING_BUCKETS, 'overdue']).meta({ id: 'ReceivablesBucketFilter' });
export const ReceivablesQuery = z.object({ customerId: z.uuid().optional(), bucket: ReceivablesBucketFilter.optional(), asOf: CalendarDate.optional() });
export const Receivables = z
  .object({
    asOf: CalendarDate,
    items: z.array(
      z.object({
        invoiceId: z.uuid(),
        number: z.string(),
        customerId: z.uuid(),
        customerName: z.string(),
        contractId: z.uuid(),
        contractNumber: z.string(),
        issuedOn: CalendarDate,
        dueOn: CalendarDate,
        status: InvoiceStatus,
        amountFen: Fen,
        outstandingFen: Fen,
        daysPastDue: z.number().int(),
        bucket: AgingBucket,
      }),
    ),
    /** every bucket, in order, with the customer filter applied (not the bucket filter) */
    buckets: z.array(z.object({ bucket: AgingBucket, invoices: z.number().int(), outstandingFen: Fen })),
    totalFen: Fen,
  })
  .meta({ id: 'Receivables' });

export const PaymentsQuery = z.object({ customerId: z.uuid().optional(), from: CalendarDate.optional(), to: CalendarDate.optional() });
export const ReceivedPayment = Payment.extend({
  invoiceNumber: z.string(),
  customerName: z.string(),
  recordedByName: z.string().nullable(),
  /** recorded from an imported bank statement line */
  imported: z.boolean(),
}).meta({ id: 'ReceivedPayment' });
export const ReceivedPaymentList = ItemsOf(ReceivedPayment);

export const StatementQuery = z.object({ from: CalendarDate.optional(), to: CalendarDate.optional() });
export const Statement = z
  .object({
    customerId: z.uuid(),
    customerName: z.string(),
    from: CalendarDate,
    to: CalendarDate,
    /** invoiced minus received before the period: positive is owed, negative is held as credit */
    openingBalanceFen: z.number().int(),
    invoicedFen: Fen,
    receivedFen: Fen,
    closingBalanceFen: z.number().int(),
    openingCreditFen: Fen,
    closingCreditFen: Fen,
    lines: z.array(
      z.object({
        on: CalendarDate,
        kind: z.enum(['invoice', 'payment']),
        invoiceId: z.uuid(),
        invoiceNumber: z.string(),
        contractNumber: z.string().nullable(),
        bankReference: z.string().nullable(),
        debitFen: Fen,
        creditFen: Fen,
        balanceFen: z.number().int(),
      }),
    ),
    credit: z.array(z.object({ on: CalendarDate, amountFen: z.number().int(), invoiceNumber: z.string() })),
  })
  .meta({ id: 'CustomerStatement' });

export const BankImportBody = z.object({ csv: z.string().min(1).max(2_000_000) });
export const BankImportPreview = z
  .object({
    lines: z.array(
      z.object({
        line: z.number().int(),
        lineHash: z.string(),
        receivedOn: CalendarDate.nullable(),
        amountFen: Fen.nullable(),
        payerName: z.string(),
        reference: z.string(),
        /** recorded as the payment's bank reference: the bank's serial when the file has one, else the reference */
        bankReference: z.string(),
        error: z.string().nullable(),
        alreadyRecorded: z.boolean(),
        invoice: z.object({ id: z.uuid(), number: z.string(), customerId: z.uuid(), customerName: z.string(), outstandingFen: Fen }).nullable(),
        confidence: z.enum(['high', 'medium', 'low', 'none']),
        reasons: z.array(z.enum(['invoiceNumber', 'amountEqualsOutstanding', 'amountDiffers', 'payerIsCustomer', 'payerDiffers', 'onlyInvoiceWithAmount', 'severalInvoicesWithAmount'])),
      }),
    ),
  })
  .meta({ id: 'BankImportPreview' });
export const BankImportRecordBody = BankImportBody.extend({
  /** the lines the reviewer confirmed, by line number, each with the invoice it settles */
  confirmed: z.array(z.object({ line: z.number().int().min(2), invoiceId: z.uuid() })).min(1).max(5000),
});
export const BankImportResult = z
  .object({ results: z.array(z.object({ line: z.number().int(), status: z.enum(['recorded', 'alreadyRecorded', 'refused']), paymentId: z.uuid().nullable(), error: z.string().nullable() })) })
  .meta({ id: 'BankImportResult' });
