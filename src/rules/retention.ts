/**
 * Personal-data retention (个人信息保护法 art. 19: no longer than needed; art. 47: deletion when the
 * purpose is achieved or the service ends). Pure: when a kind of data falls due, and what a redacted
 * value keeps (the last characters, so a record still says which document it was, never the number).
 */
import { addDays, type CalendarDate } from './dates.js';
import { termEnd } from './term.js';

export const RETENTION_KINDS = ['kyc_copies', 'roster_history'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/**
 * The answer period for a person's request to delete or correct (PIPL art. 50 requires a convenient way to
 * ask and an answer, without a fixed period); 15 working days is the period regulators apply in practice —
 * 《App违法违规收集使用个人信息行为认定方法》(国信办秘字〔2019〕191号) 六(3): "承诺时限不得超过15个工作日，
 * 无承诺时限的，以15个工作日为限". A setting; counted on the statutory working-day calendar.
 */
export const DEFAULT_ANSWER_WORKING_DAYS = 15;

/** The day a kind falls due: `months` after the day the relationship ended (the day after the same day N months on). */
export function retentionDueOn(ended: CalendarDate, months: number): CalendarDate {
  // termEnd(start, N) is the day before the same day N months later; the period ends then, redaction the day after
  return addDays(termEnd(addDays(ended, 1), months), 1);
}

export interface ContractEnd {
  status: string;
  termEnd: string | null;
  /** when the contract last changed (a termination's day), as a calendar date in Asia/Shanghai */
  changedOn: CalendarDate;
}

const LIVE = new Set(['draft', 'sent', 'signed', 'active']);

/**
 * The day the contractual relationship ended: null while any contract is live (or there is none); else the
 * latest end — an ended contract's term end, a terminated one's day of termination (if before its term end).
 */
export function relationshipEnded(contracts: readonly ContractEnd[]): CalendarDate | null {
  if (!contracts.length || contracts.some((c) => LIVE.has(c.status))) return null;
  let latest: CalendarDate | null = null;
  for (const c of contracts) {
    const end = (c.status === 'ended' ? (c.termEnd ?? c.changedOn) : c.termEnd && c.termEnd < c.changedOn ? c.termEnd : c.changedOn) as CalendarDate;
    if (!latest || end > latest) latest = end;
  }
  return latest;
}

/** An ID number kept only by its last four characters: '11010519491231002X' → '**************002X'. */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  return v.length <= 4 ? '*'.repeat(v.length) : '*'.repeat(v.length - 4) + v.slice(-4);
}

/** A mobile number kept by its first three and last four digits: '13800000001' → '138****0001'. */
export function maskMobile(value: string): string {
  const v = value.trim();
  return v.length < 8 ? '*'.repeat(v.length) : `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}
