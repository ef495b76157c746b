import type { Calendar, YearSchedule } from './calendar.js';
import { addDays, daysBetween, parseDate, parts, weekday, type CalendarDate } from './dates.js';
import { deriveProvisionalYear, HOLIDAY_NAMES, type HolidayName } from './holiday-law.js';

/**
 * A year's arrangement as the State Council notice states it: per holiday, the days off (from–to)
 * and the make-up working days (调休上班). Stored as a YearSchedule (day lists), shown as this.
 */
export interface HolidayBlock {
  name: string;
  from: string;
  to: string;
  /** 调休 make-up working days, each a Saturday or Sunday */
  makeUpDays: string[];
}

export type ArrangementProblemReason =
  | 'dateInvalid'
  | 'notInYear'
  | 'toBeforeFrom'
  | 'blockTooLong'
  | 'nameUnknown'
  | 'overlap'
  | 'makeUpNotWeekend'
  | 'makeUpInBlock'
  | 'makeUpTwice'
  | 'empty';

/** A problem with one field of an arrangement: `holidays.2.to`, `holidays.0.makeUpDays.1` … */
export interface ArrangementProblem {
  path: string;
  reason: ArrangementProblemReason;
  params?: Record<string, unknown>;
}

/** The longest block a notice has ever given is 10 days (春节 2020, extended); 15 leaves room, catches typos. */
export const MAX_BLOCK_DAYS = 15;

/**
 * A block's name: one statutory name, or several joined with 、 when the notice gives holidays that
 * meet or overlap as one block (2023: 中秋节、国庆节, 9月29日至10月6日). Each part statutory, none twice.
 */
export function isHolidayBlockName(name: string): boolean {
  const parts = name.split('、');
  return parts.every((p) => (HOLIDAY_NAMES as readonly string[]).includes(p)) && new Set(parts).size === parts.length;
}

const isWeekend = (date: CalendarDate) => {
  const day = weekday(date);
  return day === 0 || day === 6;
};

function tryDate(value: string): CalendarDate | null {
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/** Every problem of an arrangement for `year`, each naming its field; [] when it can be saved. */
export function arrangementProblems(year: number, blocks: readonly HolidayBlock[]): ArrangementProblem[] {
  const problems: ArrangementProblem[] = [];
  if (blocks.length === 0) problems.push({ path: 'holidays', reason: 'empty' });
  const inYear = (path: string, value: string): CalendarDate | null => {
    const date = tryDate(value);
    if (!date) problems.push({ path, reason: 'dateInvalid', params: { value } });
    else if (parts(date).year !== year) problems.push({ path, reason: 'notInYear', params: { value, year } });
    else return date;
    return null;
  };
  const ranges: { index: number; from: CalendarDate; to: CalendarDate }[] = [];
  blocks.forEach((b, i) => {
    if (!isHolidayBlockName(b.name)) problems.push({ path: `holidays.${i}.name`, reason: 'nameUnknown', params: { value: b.name, names: HOLIDAY_NAMES.join('、') } });
    const from = inYear(`holidays.${i}.from`, b.from);
    const to = inYear(`holidays.${i}.to`, b.to);
    if (from && to) {
      if (to < from) problems.push({ path: `holidays.${i}.to`, reason: 'toBeforeFrom', params: { from, to } });
      else if (daysBetween(from, to) + 1 > MAX_BLOCK_DAYS) problems.push({ path: `holidays.${i}.to`, reason: 'blockTooLong', params: { days: daysBetween(from, to) + 1, max: MAX_BLOCK_DAYS } });
      else ranges.push({ index: i, from, to });
    }
  });
  for (const a of ranges) {
    const other = ranges.find((b) => b.index < a.index && a.from <= b.to && b.from <= a.to);
    if (other) problems.push({ path: `holidays.${a.index}.from`, reason: 'overlap', params: { other: other.index + 1, from: other.from, to: other.to } });
  }
  const seen = new Set<string>();
  blocks.forEach((b, i) =>
    b.makeUpDays.forEach((value, j) => {
      const path = `holidays.${i}.makeUpDays.${j}`;
      const date = inYear(path, value);
      if (!date) return;
      if (!isWeekend(date)) problems.push({ path, reason: 'makeUpNotWeekend', params: { value } });
      else if (ranges.some((r) => r.from <= date && date <= r.to)) problems.push({ path, reason: 'makeUpInBlock', params: { value } });
      else if (seen.has(date)) problems.push({ path, reason: 'makeUpTwice', params: { value } });
      seen.add(date);
    }),
  );
  return problems;
}

/** The arrangement as day lists, for storage (call arrangementProblems first). */
export function arrangementToSchedule(year: number, blocks: readonly HolidayBlock[], source?: string): YearSchedule {
  const holidays: YearSchedule['holidays'] = [];
  const workdays: YearSchedule['workdays'] = [];
  for (const b of blocks) {
    for (let day = parseDate(b.from); day <= b.to; day = addDays(day, 1)) holidays.push({ date: day, name: b.name });
    for (const m of b.makeUpDays) workdays.push({ date: m, name: b.name });
  }
  const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return { year, holidays: holidays.sort(byDate), workdays: workdays.sort(byDate), ...(source ? { source } : {}) };
}

/**
 * Day lists back to the notice's form: each holiday's consecutive days off as a block, each make-up
 * day given to the nearest block of the same name (or the nearest block at all when no name matches).
 */
export function scheduleToArrangement(schedule: Pick<YearSchedule, 'holidays' | 'workdays'>): HolidayBlock[] {
  const blocks: HolidayBlock[] = [];
  const sorted = [...schedule.holidays].sort((a, b) => (a.date < b.date ? -1 : 1));
  for (const h of sorted) {
    const last = blocks.at(-1);
    if (last && last.name === h.name && addDays(parseDate(last.to), 1) === h.date) last.to = h.date;
    else blocks.push({ name: h.name, from: h.date, to: h.date, makeUpDays: [] });
  }
  const distance = (b: HolidayBlock, date: CalendarDate) => Math.min(Math.abs(daysBetween(parseDate(b.from), date)), Math.abs(daysBetween(parseDate(b.to), date)));
  for (const w of [...schedule.workdays].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const date = parseDate(w.date);
    const candidates = blocks.some((b) => b.name === w.name) ? blocks.filter((b) => b.name === w.name) : blocks;
    const nearest = candidates.reduce<HolidayBlock | undefined>((best, b) => (!best || distance(b, date) < distance(best, date) ? b : best), undefined);
    nearest?.makeUpDays.push(w.date);
  }
  return blocks;
}

/** holiday: a day off (放假, 补休); makeup: a 调休 Saturday or Sunday worked. */
export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeup'] as const;
export type DayKind = (typeof DAY_KINDS)[number];
/** Whether a day is worked, as the official and the derived calendar each say. */
export const WORK_OR_OFF = ['off', 'work'] as const;

export interface DayView {
  date: CalendarDate;
  kind: DayKind;
  name: string | null;
}

function yearDates(year: number): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let day = parseDate(`${String(year).padStart(4, '0')}-01-01`); parts(day).year === year; day = addDays(day, 1)) dates.push(day);
  return dates;
}

/** Every day of a year the calendar answers for: working day, weekend, holiday (day off) or 调休 make-up working day. */
export function yearDays(calendar: Calendar, year: number): DayView[] {
  const makeUpNames = new Map((calendar.officialSchedule(year)?.workdays ?? []).map((w) => [w.date, w.name]));
  return yearDates(year).map((date) => {
    const working = calendar.isWorkingDay(date);
    const kind: DayKind = isWeekend(date) ? (working ? 'makeup' : calendar.holidayName(date) ? 'holiday' : 'weekend') : working ? 'workday' : 'holiday';
    const name = kind === 'holiday' ? calendar.holidayName(date) : kind === 'makeup' ? (makeUpNames.get(date) ?? null) : null;
    return { date, kind, name };
  });
}

/**
 * The arrangement of a provisional year: each holiday's days off, no 调休 working days (only a notice
 * makes those). Holidays whose days off meet or overlap (中秋 on 3 October 2028: 国庆 10-01–10-04, 中秋
 * 10-03–10-05) become one block named with both, in the order of the year, as the notice writes them —
 * so the arrangement passes arrangementProblems and can be previewed and saved as it is.
 */
export function provisionalArrangement(year: number): HolidayBlock[] {
  const blocks: HolidayBlock[] = [];
  const derived = [...(deriveProvisionalYear(year)?.blocks ?? [])].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const b of derived) {
    const last = blocks.at(-1);
    if (last && b.from <= addDays(parseDate(last.to), 1)) {
      if (b.to > last.to) last.to = b.to;
      if (!last.name.split('、').includes(b.name)) last.name = `${last.name}、${b.name}`;
    } else blocks.push({ name: b.name, from: b.from, to: b.to, makeUpDays: [] });
  }
  return blocks;
}

export interface DayDiff {
  date: CalendarDate;
  official: (typeof WORK_OR_OFF)[number];
  provisional: (typeof WORK_OR_OFF)[number];
  name: string | null;
}

/**
 * Where an official year (its days, from yearDays) and the law's derivation disagree on working or
 * not. [] when the law in force that year is not known to the derivation (before 2008).
 */
export function diffAgainstDerivation(year: number, officialDays: readonly DayView[]): DayDiff[] {
  const derived = deriveProvisionalYear(year);
  if (!derived) return [];
  const off = new Map<string, HolidayName>(derived.daysOff.map((d) => [d.date, d.name]));
  const diffs: DayDiff[] = [];
  for (const day of officialDays) {
    const official = day.kind === 'workday' || day.kind === 'makeup' ? 'work' : 'off';
    const provisional = isWeekend(day.date) || off.has(day.date) ? 'off' : 'work';
    if (official !== provisional) diffs.push({ date: day.date, official, provisional, name: day.name ?? off.get(day.date) ?? null });
  }
  return diffs;
}
