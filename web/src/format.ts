/**
 * How the UI writes values, in one place (issue 17 §1): money from integer fen by the rules core's
 * own functions (no floating point), instants in Beijing time to the minute, calendar dates as the
 * server sends them. Components in web/src/components wrap these for tables and descriptions.
 */
import { toCapital } from '../../src/rules/capital';
import { formatYuan, toYuanString, type Fen } from '../../src/rules/money';
import { beijingMinute } from './dates';

const NONE = '—';

/** API amounts are integer fen (the server's Fen schema); the brand only records that promise. */
const asFen = (amount: number) => amount as Fen;

/** 1234560 fen → "￥12,345.60"; '—' when absent. */
export function money(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? NONE : formatYuan(asFen(amount));
}

/** 1234560 fen → "12345.60": yuan for an input field or a CSV, no symbol or separators. */
export function yuanString(amount: number): string {
  return toYuanString(asFen(amount));
}

/** 1234560 fen → "壹万贰仟叁佰肆拾伍元陆角" (大写, amount in words for bills and vouchers). */
export function moneyInWords(amount: number): string {
  return toCapital(asFen(amount));
}

/** An instant (ISO from the API) in Beijing time to the minute, '2026-12-28 10:05'; '—' when absent. */
export const instant: (value: string | Date | null | undefined) => string = beijingMinute;

/** A calendar date ('YYYY-MM-DD', already Beijing's, no zone arithmetic); '—' when absent. */
export function calendarDate(date: string | null | undefined): string {
  return date ? date.slice(0, 10) : NONE;
}

/**
 * @deprecated to the second, for the pages not yet converted; new code uses `instant` (to the minute).
 * Times are stored in UTC and shown in Asia/Shanghai (UTC+8, no daylight saving).
 */
export function shanghaiTime(value: string | Date | null | undefined): string {
  if (!value) return NONE;
  const d = new Date(new Date(value).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}
