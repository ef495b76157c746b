import type { Calendar } from './calendar.js';
import { RuleError } from './errors.js';
import { addDays, type CalendarDate } from './dates.js';

/** A year has at most ~250 working days; a bound keeps a broken calendar from looping forever. */
const MAX_SCAN_DAYS = 3 * 366;

/**
 * Clause 5.1: the end of the Nth working day after an event. Counting starts the day after the
 * event (民法典 art. 201); weekends and public holidays are skipped, 调休 make-up days count.
 * The deadline is 24:00 of the returned date.
 */
export function workingDayDeadline(calendar: Calendar, event: CalendarDate, workingDays: number): CalendarDate {
  return workingDayDeadlineMarked(calendar, event, workingDays).date;
}

/** A date a rule computed, and whether any day it looked at was answered provisionally (no official data yet). */
export interface MarkedDate {
  date: CalendarDate;
  provisional: boolean;
}

/** workingDayDeadline, saying whether it rests on a provisional year (to be stored with the date). */
export function workingDayDeadlineMarked(calendar: Calendar, event: CalendarDate, workingDays: number): MarkedDate {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 250) {
    throw new RuleError('DAYS_INVALID', { field: 'workingDays', value: workingDays });
  }
  let counted = 0;
  let day = event;
  let provisional = false;
  for (let i = 0; i < MAX_SCAN_DAYS; i += 1) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) counted += 1;
    provisional ||= calendar.isProvisional(day);
    if (counted === workingDays) return { date: day, provisional };
  }
  throw new RuleError('DAYS_INVALID', { field: 'workingDays', value: workingDays });
}

/**
 * A period in calendar days (第四条: pay "within one week of activation"): counting starts the
 * next day (art. 201); when the last day is a rest day or public holiday the period ends on the
 * next working day (民法典 art. 203).
 */
export function calendarDayPeriodEnd(calendar: Calendar, event: CalendarDate, days: number): CalendarDate {
  return calendarDayPeriodEndMarked(calendar, event, days).date;
}

/** calendarDayPeriodEnd, saying whether a day it looked at (the last day and any it rolled over) was provisional. */
export function calendarDayPeriodEndMarked(calendar: Calendar, event: CalendarDate, days: number): MarkedDate {
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new RuleError('DAYS_INVALID', { field: 'days', value: days });
  let last = addDays(event, days);
  let provisional = calendar.isProvisional(last);
  for (let i = 0; i < MAX_SCAN_DAYS && !calendar.isWorkingDay(last); i += 1) {
    last = addDays(last, 1);
    provisional ||= calendar.isProvisional(last);
  }
  return { date: last, provisional };
}
