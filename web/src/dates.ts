import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

/**
 * Calendar dates and "today" are those of Beijing, wherever the browser is: a contract signed "today"
 * at 01:00 Beijing time is signed that day, not the previous one in the browser's zone. The default
 * zone set here is also what antd's pickers use for today (their dayjs config calls `dayjs().tz()`).
 */
export const SHANGHAI = 'Asia/Shanghai';
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.tz.setDefault(SHANGHAI);

export type { Dayjs };

/** Today in Beijing, 'YYYY-MM-DD'. */
export function todayInShanghai(): string {
  return dayjs().tz(SHANGHAI).format('YYYY-MM-DD');
}

/** A picker's value → the calendar date it shows ('YYYY-MM-DD'); the fields as displayed, no zone arithmetic. */
export function toDateString(value: Dayjs): string;
export function toDateString(value: Dayjs | null | undefined): string | null;
export function toDateString(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** 'YYYY-MM-DD' → a picker value for that day in Beijing. */
export function fromDateString(date: string): Dayjs;
export function fromDateString(date: string | null | undefined): Dayjs | null;
export function fromDateString(date: string | null | undefined): Dayjs | null {
  return date ? dayjs.tz(date, SHANGHAI) : null;
}

/** A date-and-time picker's value, read as Beijing wall-clock time → the UTC instant (ISO) the API takes. */
export function shanghaiInstant(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DD HH:mm:ss'), SHANGHAI).toISOString();
}

/** The last second of a calendar date in Beijing, as an instant: "valid until this day" for expiries. */
export function endOfShanghaiDay(value: Dayjs): string {
  return dayjs.tz(`${value.format('YYYY-MM-DD')} 23:59:59`, SHANGHAI).toISOString();
}

/** An instant shown in Beijing time to the minute ('2026-12-28 10:05'); '—' when absent. */
export function beijingMinute(value: string | Date | null | undefined): string {
  return value ? dayjs(value).tz(SHANGHAI).format('YYYY-MM-DD HH:mm') : '—';
}

/** The dayjs locale that goes with the UI language: month pickers read 2026年7月 in Chinese. */
export function setDateLocale(locale: 'zh-CN' | 'en'): void {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
}

/** Day of week (0 = Sunday) of a 'YYYY-MM-DD', independent of any time zone. */
export function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
}

/** Every date from..to inclusive ('YYYY-MM-DD'), computed in UTC so no zone or DST can skip a day. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const [y, m, d] = from.split('-').map(Number);
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.UTC(y!, m! - 1, d!); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
