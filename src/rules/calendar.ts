import { z } from 'zod';
import packaged from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { RuleError } from './errors.js';
import { parseDate, parts, weekday, type CalendarDate } from './dates.js';

/**
 * Chinese statutory working days: weekends off, public holidays off, 调休 make-up weekend days on.
 * The data is the State Council's schedule as published in the `chinese-days` package, plus any
 * year an admin loads from the official notice. A date in a year neither covers is refused
 * (CALENDAR_NOT_COVERED): a deadline in a contract is never guessed.
 */
export interface Calendar {
  isWorkingDay(date: CalendarDate): boolean;
  /** the holiday's name (e.g. 国庆节) or null */
  holidayName(date: CalendarDate): string | null;
  covers(year: number): boolean;
  coveredYears(): number[];
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

function packagedTables(): DayTables {
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  const years = new Set<number>();
  // entries read "English name,中文名,days"
  for (const [date, text] of Object.entries(packaged.holidays as Record<string, string>)) {
    holidays.set(date, text.split(',')[1] ?? text);
    years.add(Number(date.slice(0, 4)));
  }
  for (const [date, text] of Object.entries(packaged.workdays as Record<string, string>)) {
    workdays.set(date, text.split(',')[1] ?? text);
  }
  return { holidays, workdays, years };
}

let cachedPackaged: DayTables | undefined;

/** The packaged calendar, with admin-loaded years added (a loaded year replaces the packaged one). */
export function makeCalendar(extraYears: readonly YearSchedule[] = []): Calendar {
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
  const requireCovered = (date: CalendarDate) => {
    const { year } = parts(date);
    if (!years.has(year)) throw new RuleError('CALENDAR_NOT_COVERED', { year, date });
  };
  return {
    isWorkingDay(date) {
      requireCovered(date);
      if (workdays.has(date)) return true;
      if (holidays.has(date)) return false;
      const day = weekday(date);
      return day !== 0 && day !== 6;
    },
    holidayName(date) {
      requireCovered(date);
      return holidays.get(date) ?? null;
    },
    covers: (year) => years.has(year),
    coveredYears: () => [...years].sort((a, b) => a - b),
  };
}
