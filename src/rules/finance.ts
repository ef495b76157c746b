import type { Fen } from './money.js';

/**
 * The finance desk's aging (issue 20): an open invoice's days past its 第四条 due date put it in one
 * bucket. The due date itself is still "not due" (4.2 gives the customer up to and including that day);
 * the day after it is day 1 — the same day billing marks it overdue from (overdueSince).
 */
export const AGING_BUCKETS = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'over_90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** The bucket of `daysPastDue` (as-of date minus due date). The SQL of the receivables list says the same in a CASE. */
export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'not_due';
  if (daysPastDue <= 30) return 'd1_30';
  if (daysPastDue <= 60) return 'd31_60';
  if (daysPastDue <= 90) return 'd61_90';
  return 'over_90';
}

/** INV-2026-000123 anywhere in a transfer's 附言 (the payment notice asks the customer to write it there). */
export const INVOICE_NUMBER_IN_TEXT = /INV-\d{4}-\d{6}/i;

/** Company names as banks print them: full-width brackets, spaces and case do not tell two payers apart. */
export function normalisePayerName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

export type MatchConfidence = 'high' | 'medium' | 'low' | 'none';
export type MatchReason = 'invoiceNumber' | 'amountEqualsOutstanding' | 'amountDiffers' | 'payerIsCustomer' | 'payerDiffers' | 'onlyInvoiceWithAmount' | 'severalInvoicesWithAmount';

export interface OpenInvoiceForMatch {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  outstandingFen: number;
  dueOn: string;
}

export interface BankLineForMatch {
  amountFen: Fen;
  payerName: string;
  reference: string;
}

export interface BankLineMatch {
  invoice: OpenInvoiceForMatch | null;
  confidence: MatchConfidence;
  reasons: MatchReason[];
}

/**
 * A bank-statement line against the open invoices, for a reviewer to confirm (nothing is recorded
 * here): the invoice number written in the reference decides the invoice — high when the amount is
 * what it still owes, medium when not; without a number, the payer's name names the customer and
 * the amount one of its invoices (medium), or the amount alone points at the only invoice owing
 * exactly that much (low). Several equal candidates are left for the reviewer (the earliest due is
 * proposed, low).
 */
export function matchBankLine(line: BankLineForMatch, open: readonly OpenInvoiceForMatch[]): BankLineMatch {
  const payer = normalisePayerName(line.payerName);
  const payerIs = (i: OpenInvoiceForMatch) => payer !== '' && normalisePayerName(i.customerName) === payer;
  const byDue = (a: OpenInvoiceForMatch, b: OpenInvoiceForMatch) => a.dueOn.localeCompare(b.dueOn) || a.number.localeCompare(b.number);
  const numbered = INVOICE_NUMBER_IN_TEXT.exec(line.reference)?.[0].toUpperCase();
  if (numbered) {
    const invoice = open.find((i) => i.number === numbered);
    if (invoice) {
      const reasons: MatchReason[] = ['invoiceNumber', invoice.outstandingFen === line.amountFen ? 'amountEqualsOutstanding' : 'amountDiffers', payerIs(invoice) ? 'payerIsCustomer' : 'payerDiffers'];
      return { invoice, confidence: invoice.outstandingFen === line.amountFen ? 'high' : 'medium', reasons };
    }
  }
  const sameAmount = open.filter((i) => i.outstandingFen === line.amountFen).sort(byDue);
  const ofPayer = open.filter(payerIs).sort(byDue);
  const payerAndAmount = sameAmount.filter(payerIs);
  if (payerAndAmount.length >= 1) {
    return { invoice: payerAndAmount[0], confidence: payerAndAmount.length === 1 ? 'medium' : 'low', reasons: ['payerIsCustomer', 'amountEqualsOutstanding', ...(payerAndAmount.length > 1 ? (['severalInvoicesWithAmount'] as const) : [])] };
  }
  if (ofPayer.length >= 1) return { invoice: ofPayer[0], confidence: 'low', reasons: ['payerIsCustomer', 'amountDiffers'] };
  if (sameAmount.length === 1) return { invoice: sameAmount[0], confidence: 'low', reasons: ['onlyInvoiceWithAmount', 'payerDiffers'] };
  if (sameAmount.length > 1) return { invoice: sameAmount[0], confidence: 'low', reasons: ['severalInvoicesWithAmount', 'payerDiffers'] };
  return { invoice: null, confidence: 'none', reasons: [] };
}
