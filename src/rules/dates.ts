import { RuleError } from './errors.js';

/** A calendar date of the contract, 'YYYY-MM-DD', with no time and no zone. */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). */
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export function parseDate(value: string, field = 'date'): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new RuleError('DATE_INVALID', { field, value });
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RuleError('DATE_INVALID', { field, value });
  return value as CalendarDate;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, month: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function parts(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function fromParts(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CalendarDate;
}

function toEpochDay(date: CalendarDate): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromEpochDay(epochDay: number): CalendarDate {
  const d = new Date(epochDay * DAY_MS);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(date: CalendarDate): number {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay();
}

/** The same calendar day `months` later, or null when that month has no such day (31 Jan + 1 month). */
export function sameDayMonthsLater(date: CalendarDate, months: number): CalendarDate | null {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return day <= daysInMonth(y, m) ? fromParts(y, m, day) : null;
}

export function lastDayOfMonthMonthsLater(date: CalendarDate, months: number): CalendarDate {
  const { year, month } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return fromParts(y, m, daysInMonth(y, m));
}

/** 00:00 Asia/Shanghai of a date, as an instant. */
export function startOfDayShanghai(date: CalendarDate): Date {
  return new Date(toEpochDay(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** 24:00 Asia/Shanghai of a date (= 00:00 of the next day). */
export function endOfDayShanghai(date: CalendarDate): Date {
  return startOfDayShanghai(addDays(date, 1));
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): CalendarDate {
  return fromEpochDay(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** ISO 8601 in Asia/Shanghai: 2027-01-31T03:00:00+08:00 */
export function formatShanghai(instant: Date): string {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  const seconds = local.slice(0, 19);
  const ms = local.slice(20, 23);
  return `${seconds}${ms === '000' ? '' : `.${ms}`}+08:00`;
}

/** 2026年1月31日 — how the agreement writes a date. */
/** Beijing time to the minute as a letter gives it: "2026-11-25 19:49" (notices, timelines). */
export function formatShanghaiMinute(instant: Date): string {
  return formatShanghai(instant).slice(0, 16).replace('T', ' ');
}

export function formatChineseDate(date: CalendarDate): string {
  const { year, month, day } = parts(date);
  return `${year}年${month}月${day}日`;
}

/** Parses an ISO 8601 instant that carries its offset (Z or ±hh:mm); a bare local time is refused. */
export function parseInstant(value: string, field = 'time'): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new RuleError('INSTANT_INVALID', { field, value });
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new RuleError('INSTANT_INVALID', { field, value });
  return d;
}

export const HOUR = HOUR_MS;
export const DAY = DAY_MS;
