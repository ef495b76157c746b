import { RuleError } from './errors.js';
import { addDays, type CalendarDate } from './dates.js';
import type { Fen } from './money.js';

/**
 * 第四条: the annual invoice's amount — the annual fee for each year of the term, at least one; a term
 * that is not whole years rounds to the nearest year, half a year up (6 months → one year's fee,
 * 18 → two, 30 → three).
 */
export function invoiceAmount(annualFeeFen: number, termMonths: number): Fen {
  if (!Number.isInteger(annualFeeFen) || annualFeeFen < 0) throw new RangeError(`annual fee ${annualFeeFen} fen is not a whole non-negative amount`);
  if (!Number.isInteger(termMonths) || termMonths < 1) throw new RangeError(`term of ${termMonths} months out of range`);
  const years = Math.max(1, Math.round(termMonths / 12));
  const amount = annualFeeFen * years;
  if (!Number.isSafeInteger(amount)) throw new RangeError(`invoice amount ${annualFeeFen} × ${years} is beyond exact arithmetic`);
  return amount as Fen;
}

export type InvoiceStatus = 'unpaid' | 'partially_paid' | 'paid' | 'overdue';

export interface InvoiceBalance {
  amountFen: number;
  /** received by bank transfer */
  paidFen: number;
  /** taken from the customer's credit */
  creditAppliedFen: number;
}

export const outstanding = (i: InvoiceBalance): Fen => Math.max(0, i.amountFen - i.paidFen - i.creditAppliedFen) as Fen;

/**
 * A payment against an invoice: the part up to what is still owed settles it, the rest is kept as
 * the customer's credit (never refunded automatically, never lost).
 */
export function allocatePayment(invoice: InvoiceBalance, paymentFen: number): { appliedFen: Fen; creditedFen: Fen } {
  if (!Number.isInteger(paymentFen) || paymentFen <= 0) throw new RuleError('MONEY_INVALID', { field: 'amount', value: paymentFen });
  const applied = Math.min(paymentFen, outstanding(invoice));
  return { appliedFen: applied as Fen, creditedFen: (paymentFen - applied) as Fen };
}

/** Credit applied to a new invoice: as much as the balance covers, never more than the invoice. */
export function applyCredit(balanceFen: number, invoice: InvoiceBalance): Fen {
  return Math.max(0, Math.min(balanceFen, outstanding(invoice))) as Fen;
}

/**
 * The status on a day: paid once nothing is outstanding; overdue from the day after the due date
 * (the due date itself is still in time); otherwise partially paid or unpaid.
 */
export function invoiceStatus(invoice: InvoiceBalance & { dueOn: CalendarDate | string }, asOf: CalendarDate): InvoiceStatus {
  if (outstanding(invoice) === 0) return 'paid';
  if (asOf > invoice.dueOn) return 'overdue';
  return invoice.paidFen + invoice.creditAppliedFen > 0 ? 'partially_paid' : 'unpaid';
}

export interface DunningPolicy {
  /** reminder notices this many calendar days after the due date */
  reminderDays: number[];
  /** a suspension proposal (staff must confirm) this many days after the due date; never termination */
  suspensionProposalDays: number;
}

export const DEFAULT_DUNNING_POLICY: Readonly<DunningPolicy> = Object.freeze({ reminderDays: [1, 7, 15], suspensionProposalDays: 30 });

export interface DunningStep {
  kind: 'reminder' | 'suspension_proposal';
  /** reminders 1…n in policy order; the proposal is step 0 */
  step: number;
  on: CalendarDate;
}

export function validateDunningPolicy(p: DunningPolicy): DunningPolicy {
  const days = [...p.reminderDays];
  if (days.length < 1 || days.length > 10) throw new RuleError('DAYS_INVALID', { field: 'reminderDays', value: days.length });
  for (const d of days) if (!Number.isInteger(d) || d < 1 || d > 365) throw new RuleError('DAYS_INVALID', { field: 'reminderDays', value: d });
  if (new Set(days).size !== days.length) throw new RuleError('DAYS_INVALID', { field: 'reminderDays', value: days.join(',') });
  const s = p.suspensionProposalDays;
  if (!Number.isInteger(s) || s < 1 || s > 365) throw new RuleError('DAYS_INVALID', { field: 'suspensionProposalDays', value: s });
  return { reminderDays: days.sort((a, b) => a - b), suspensionProposalDays: s };
}

/** Every dunning step of an unpaid invoice with the day it falls due, in date order (reminders first on a tie). */
export function dunningSchedule(dueOn: CalendarDate, policy: DunningPolicy): DunningStep[] {
  const p = validateDunningPolicy(policy);
  const steps: DunningStep[] = p.reminderDays.map((d, i) => ({ kind: 'reminder', step: i + 1, on: addDays(dueOn, d) }));
  steps.push({ kind: 'suspension_proposal', step: 0, on: addDays(dueOn, p.suspensionProposalDays) });
  return steps.sort((a, b) => (a.on === b.on ? (a.kind === 'reminder' ? -1 : 1) : a.on < b.on ? -1 : 1));
}

/** 第十三条: expiring contracts are listed and reminded 60, 30 and 7 days before the term ends. */
export const EXPIRY_REMINDER_DAYS = [60, 30, 7] as const;

export function expiryReminders(termEnd: CalendarDate, days: readonly number[] = EXPIRY_REMINDER_DAYS): { daysAhead: number; on: CalendarDate }[] {
  return [...days].sort((a, b) => b - a).map((d) => ({ daysAhead: d, on: addDays(termEnd, -d) }));
}

/** The reminder bucket a contract ending `termEnd` is in on `today` (7, 30, 60), or null beyond 60 days or past its end. */
export function expiryBucket(termEnd: CalendarDate, today: CalendarDate, days: readonly number[] = EXPIRY_REMINDER_DAYS): number | null {
  if (termEnd < today) return null;
  for (const d of [...days].sort((a, b) => a - b)) if (addDays(today, d) >= termEnd) return d;
  return null;
}
