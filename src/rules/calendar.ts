import { z } from 'zod';
import packaged from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { RuleError } from './errors.js';
import { parseDate, parts, weekday, type CalendarDate } from './dates.js';
import { deriveProvisionalYear, FIRST_DERIVABLE_YEAR } from './holiday-law.js';

/**
 * Chinese statutory working days: weekends off, public holidays off, 调休 make-up weekend days on.
 * Official data — the State Council's schedule as published in the `chinese-days` package, plus any
 * year an admin loads from the notice — always wins. A later year without official data is answered
 * PROVISIONALLY from 《全国年节及纪念日放假办法》 (holiday-law.ts) and every answer on such a day says
 * so. A date before the first covered year, or in a year more than `horizonYears` after today's, is
 * refused (CALENDAR_NOT_COVERED): a deadline in a contract is never guessed that far ahead.
 */
export interface Calendar {
  isWorkingDay(date: CalendarDate): boolean;
  /** the holiday's name (e.g. 国庆节) or null */
  holidayName(date: CalendarDate): string | null;
  /** true when the date's year has no official data and is answered by the derivation */
  isProvisional(date: CalendarDate): boolean;
  /** official or provisional: the calendar answers for this year */
  covers(year: number): boolean;
  /** every year the calendar answers for (official and provisional) */
  coveredYears(): number[];
  officialYears(): number[];
  /** the years answered by the derivation, within the horizon */
  provisionalYears(): number[];
  /** an official year's schedule (packaged or loaded); null for other years */
  officialSchedule(year: number): YearSchedule | null;
}

/** How many years after today's the provisional derivation answers for (the current year + 2 by default). */
export const DEFAULT_CALENDAR_HORIZON_YEARS = 2;

export interface CalendarOptions {
  /** today's date (Asia/Shanghai), from the injected clock; without it no year is provisional */
  today?: CalendarDate;
  horizonYears?: number;
}

export interface YearSchedule {
  year: number;
  /** 放假 days (weekdays and weekends inside the holiday) */
  holidays: { date: string; name: string }[];
  /** 调休 make-up working days, always a Saturday or Sunday */
  workdays: { date: string; name: string }[];
  /** where it comes from, e.g. 国办发明电〔2026〕X号 */
  source?: string;
}

const DayEntry = z.object({ date: z.string(), name: z.string().trim().min(1).max(40) });
export const YearScheduleSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    holidays: z.array(DayEntry).min(1),
    workdays: z.array(DayEntry),
    source: z.string().max(200).optional(),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    const check = (entry: { date: string }, path: (string | number)[], makeUp: boolean) => {
      let date: CalendarDate;
      try {
        date = parseDate(entry.date);
      } catch {
        ctx.addIssue({ code: 'custom', path: [...path, 'date'], message: `not a date: ${entry.date}` });
        return;
      }
      if (parts(date).year !== s.year) ctx.addIssue({ code: 'custom', path: [...path, 'date'], message: `${date} is not in ${s.year}` });
      if (seen.has(date)) ctx.addIssue({ code: 'custom', path: [...path, 'date'], message: `${date} is listed twice` });
      seen.add(date);
      const day = weekday(date);
      if (makeUp && day !== 0 && day !== 6) {
        ctx.addIssue({ code: 'custom', path: [...path, 'date'], message: `make-up working day ${date} is not a weekend day` });
      }
    };
    s.holidays.forEach((h, i) => check(h, ['holidays', i], false));
    s.workdays.forEach((w, i) => check(w, ['workdays', i], true));
  });

/** Validates an official year file (as an admin loads it); throws CALENDAR_SCHEDULE_INVALID naming the problem. */
export function parseYearSchedule(json: unknown): YearSchedule {
  const result = YearScheduleSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new RuleError('CALENDAR_SCHEDULE_INVALID', { field: issue.path.join('.'), reason: issue.message });
  }
  return result.data;
}

interface DayTables {
  holidays: Map<string, string>;
  workdays: Map<string, string>;
  years: Set<number>;
}

/** The package names some holidays without 节 (清明, 端午, 中秋); the notices and the law write 清明节 … */
const STATUTORY_NAME: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function packagedTables(): DayTables {
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  const years = new Set<number>();
  const name = (text: string) => {
    // entries read "English name,中文名,days"
    const zh = text.split(',')[1] ?? text;
    return STATUTORY_NAME[zh] ?? zh;
  };
  for (const [date, text] of Object.entries(packaged.holidays as Record<string, string>)) {
    holidays.set(date, name(text));
    years.add(Number(date.slice(0, 4)));
  }
  for (const [date, text] of Object.entries(packaged.workdays as Record<string, string>)) workdays.set(date, name(text));
  return { holidays, workdays, years };
}

let cachedPackaged: DayTables | undefined;

/**
 * The packaged calendar, with admin-loaded years added (a loaded year replaces the packaged one),
 * and — given today — provisional years derived from the law up to the horizon.
 */
export function makeCalendar(extraYears: readonly YearSchedule[] = [], options: CalendarOptions = {}): Calendar {
  cachedPackaged ??= packagedTables();
  const holidays = new Map(cachedPackaged.holidays);
  const workdays = new Map(cachedPackaged.workdays);
  const years = new Set(cachedPackaged.years);
  for (const schedule of extraYears) {
    const prefix = `${schedule.year}-`;
    for (const table of [holidays, workdays]) for (const key of [...table.keys()]) if (key.startsWith(prefix)) table.delete(key);
    for (const h of schedule.holidays) holidays.set(h.date, h.name);
    for (const w of schedule.workdays) workdays.set(w.date, w.name);
    years.add(schedule.year);
  }
  const official = [...years].sort((a, b) => a - b);
  const provisional = new Map<number, Map<string, string>>();
  if (options.today) {
    const last = parts(options.today).year + (options.horizonYears ?? DEFAULT_CALENDAR_HORIZON_YEARS);
    for (let year = Math.max(official[0], FIRST_DERIVABLE_YEAR); year <= last; year += 1) {
      if (years.has(year)) continue;
      const derived = deriveProvisionalYear(year);
      if (derived) provisional.set(year, new Map(derived.daysOff.map((d) => [d.date, d.name])));
    }
  }
  const requireCovered = (date: CalendarDate) => {
    const { year } = parts(date);
    if (years.has(year) || provisional.has(year)) return year;
    const horizon = options.today ? parts(options.today).year + (options.horizonYears ?? DEFAULT_CALENDAR_HORIZON_YEARS) : null;
    throw new RuleError('CALENDAR_NOT_COVERED', { year, date, firstYear: official[0], lastYear: horizon ?? official[official.length - 1] });
  };
  const weekend = (date: CalendarDate) => {
    const day = weekday(date);
    return day === 0 || day === 6;
  };
  return {
    isWorkingDay(date) {
      const year = requireCovered(date);
      const derived = provisional.get(year);
      if (derived) return !derived.has(date) && !weekend(date);
      if (workdays.has(date)) return true;
      if (holidays.has(date)) return false;
      return !weekend(date);
    },
    holidayName(date) {
      const year = requireCovered(date);
      const derived = provisional.get(year);
      return (derived ? derived.get(date) : holidays.get(date)) ?? null;
    },
    isProvisional(date) {
      return provisional.has(requireCovered(date));
    },
    covers: (year) => years.has(year) || provisional.has(year),
    coveredYears: () => [...official, ...provisional.keys()].sort((a, b) => a - b),
    officialYears: () => [...official],
    provisionalYears: () => [...provisional.keys()].sort((a, b) => a - b),
    officialSchedule(year) {
      if (!years.has(year)) return null;
      const prefix = `${year}-`;
      const pick = (table: Map<string, string>) => [...table.entries()].filter(([date]) => date.startsWith(prefix)).map(([date, name]) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : 1));
      return { year, holidays: pick(holidays), workdays: pick(workdays) };
    },
  };
}
