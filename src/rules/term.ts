import { RuleError } from './errors.js';
import {
  addDays,
  endOfDayShanghai,
  HOUR,
  lastDayOfMonthMonthsLater,
  sameDayMonthsLater,
  type CalendarDate,
} from './dates.js';

export interface Term {
  /** 开通日 — the activation date (7.1), first day of the term */
  start: CalendarDate;
  /** 期满日 — the last day of the term, inclusive */
  end: CalendarDate;
  /** when service ends: 24:00 Asia/Shanghai of `end` plus credited compensation hours (7.2) */
  endsAt: Date;
  compensationHours: number;
}

/**
 * 第三条: the term runs from the activation date for N months, both ends inclusive: it ends the
 * day before the same calendar day N months later; where that month has no such day (a start on
 * the 29th–31st), it ends on that month's last day (2024-02-29 + 12 → 2025-02-28).
 */
export function termEnd(start: CalendarDate, months: number): CalendarDate {
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new RuleError('TERM_MONTHS_INVALID', { field: 'months', value: months });
  const sameDay = sameDayMonthsLater(start, months);
  return sameDay ? addDays(sameDay, -1) : lastDayOfMonthMonthsLater(start, months);
}

export function term(start: CalendarDate, months: number, compensationHours = 0): Term {
  if (!Number.isInteger(compensationHours) || compensationHours < 0) {
    throw new RuleError('DAYS_INVALID', { field: 'compensationHours', value: compensationHours });
  }
  const end = termEnd(start, months);
  return { start, end, compensationHours, endsAt: new Date(endOfDayShanghai(end).getTime() + compensationHours * HOUR) };
}

/**
 * 第十三条: a renewal term starts the day after the previous end date. Compensation earned but
 * not yet used moves to the end of the renewed term, so it is never lost.
 */
export function renewalTerm(previous: Pick<Term, 'end' | 'compensationHours'>, months: number, newlyEarnedHours = 0): Term {
  return term(addDays(previous.end, 1), months, previous.compensationHours + newlyEarnedHours);
}
