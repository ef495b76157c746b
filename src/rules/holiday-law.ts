import chineseDays from 'chinese-days';
import { addDays, parseDate, parts, weekday, type CalendarDate } from './dates.js';

/**
 * 《全国年节及纪念日放假办法》: the holidays for all citizens (第二条) and the make-up rule (第六条),
 * used to derive a PROVISIONAL year for which the State Council has not yet published its
 * arrangement. Which lunar day or solar term a holiday falls on comes from the chinese-days package;
 * this file holds only the text of the law (which days, how many).
 */

/** The statutory names, as the State Council notices write them (stored as data). */
export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type HolidayName = (typeof HOLIDAY_NAMES)[number];

type Anchor =
  | { kind: 'solar'; month: number; day: number }
  | { kind: 'lunar'; month: number; day: number }
  | { kind: 'lunarNewYearsEve' }
  | { kind: 'qingming' };

/** One day of a holiday as the law states it: 1 October, 农历正月初一, the 清明 solar term … */
interface StatutoryDay {
  name: HolidayName;
  anchor: Anchor;
}

const solar = (name: HolidayName, month: number, day: number): StatutoryDay => ({ name, anchor: { kind: 'solar', month, day } });
const lunar = (name: HolidayName, month: number, day: number): StatutoryDay => ({ name, anchor: { kind: 'lunar', month, day } });

/** The revisions of the law, each with the year it took effect (the holidays change on 1 January). */
export const HOLIDAY_LAW_REVISIONS: { from: number; citation: string; days: StatutoryDay[] }[] = [
  {
    from: 2008,
    citation: '国务院令第513号',
    days: [
      solar('元旦', 1, 1),
      { name: '春节', anchor: { kind: 'lunarNewYearsEve' } },
      lunar('春节', 1, 1),
      lunar('春节', 1, 2),
      { name: '清明节', anchor: { kind: 'qingming' } },
      solar('劳动节', 5, 1),
      lunar('端午节', 5, 5),
      lunar('中秋节', 8, 15),
      solar('国庆节', 10, 1),
      solar('国庆节', 10, 2),
      solar('国庆节', 10, 3),
    ],
  },
  {
    from: 2014,
    citation: '国务院令第644号',
    days: [
      solar('元旦', 1, 1),
      lunar('春节', 1, 1),
      lunar('春节', 1, 2),
      lunar('春节', 1, 3),
      { name: '清明节', anchor: { kind: 'qingming' } },
      solar('劳动节', 5, 1),
      lunar('端午节', 5, 5),
      lunar('中秋节', 8, 15),
      solar('国庆节', 10, 1),
      solar('国庆节', 10, 2),
      solar('国庆节', 10, 3),
    ],
  },
  {
    from: 2025,
    citation: '国务院令第798号',
    days: [
      solar('元旦', 1, 1),
      // 春节 4 days: 农历除夕 and 正月初一 to 初三
      { name: '春节', anchor: { kind: 'lunarNewYearsEve' } },
      lunar('春节', 1, 1),
      lunar('春节', 1, 2),
      lunar('春节', 1, 3),
      { name: '清明节', anchor: { kind: 'qingming' } },
      solar('劳动节', 5, 1),
      solar('劳动节', 5, 2),
      lunar('端午节', 5, 5),
      lunar('中秋节', 8, 15),
      solar('国庆节', 10, 1),
      solar('国庆节', 10, 2),
      solar('国庆节', 10, 3),
    ],
  },
];

/** The first year the derivation knows the law for (清明, 端午 and 中秋 became holidays in 2008). */
export const FIRST_DERIVABLE_YEAR = HOLIDAY_LAW_REVISIONS[0].from;

export function lawInForce(year: number) {
  let found: (typeof HOLIDAY_LAW_REVISIONS)[number] | undefined;
  for (const revision of HOLIDAY_LAW_REVISIONS) if (revision.from <= year) found = revision;
  return found;
}

// a CommonJS package: its functions hang off the default export
const { getSolarDateFromLunar, getSolarTermDate } = chineseDays;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * chinese-days reads a 'YYYY-M-D' string as UTC midnight and prints it with local-time getters, so
 * west of Greenwich its printed day is one early. Given what it printed, find the day it meant: the
 * day whose UTC midnight prints as that string here.
 */
function undoPackagePrinting(printed: string): CalendarDate {
  const shown = parseDate(printed);
  const printedHere = (date: CalendarDate) => {
    const { year, month, day } = parts(date);
    const instant = new Date(Date.UTC(year, month - 1, day));
    return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
  };
  const next = addDays(shown, 1);
  return printedHere(shown) !== printed && printedHere(next) === printed ? next : shown;
}

/** The Gregorian date of a day of a (non-leap) lunar month of the lunar year starting in `year`. */
function lunarToSolar(year: number, month: number, day: number): CalendarDate {
  // a Date built from local parts: the package reads its local getters, whatever the process time zone
  return parseDate(getSolarDateFromLunar(new Date(year, month - 1, day)).date);
}

function anchorDate(year: number, anchor: Anchor): CalendarDate {
  switch (anchor.kind) {
    case 'solar':
      return parseDate(`${year}-${pad(anchor.month)}-${pad(anchor.day)}`);
    case 'lunar':
      return lunarToSolar(year, anchor.month, anchor.day);
    case 'lunarNewYearsEve':
      // 除夕 is the last day of the 12th lunar month (the 29th or the 30th): the day before 正月初一
      return addDays(lunarToSolar(year, 1, 1), -1);
    case 'qingming':
      return undoPackagePrinting(getSolarTermDate(year, 4, 'pure_brightness'));
  }
}

export interface ProvisionalDayOff {
  date: CalendarDate;
  name: HolidayName;
  /** 'statutory': the law names the day; 'makeUp': 第六条, a statutory day on a weekend made up on a working day */
  kind: 'statutory' | 'makeUp';
}

export interface ProvisionalYear {
  year: number;
  citation: string;
  /** every weekday or weekend day off beyond ordinary weekends, by date */
  daysOff: ProvisionalDayOff[];
  /** each holiday's days off as a block (first statutory day to last day off, weekends between included) */
  blocks: { name: HolidayName; from: CalendarDate; to: CalendarDate }[];
}

const isWeekend = (date: CalendarDate) => {
  const day = weekday(date);
  return day === 0 || day === 6;
};

/**
 * The year as the law alone makes it: the statutory days off, and for each one that falls on a
 * Saturday or Sunday (or on a day another holiday already takes, e.g. 中秋 on 1 October) a make-up day
 * off on the working days following that holiday's block (第六条). No 调休 swaps: those only the State
 * Council's notice makes. Null before 2008 (the data packaged with rackpact covers those years).
 */
export function deriveProvisionalYear(year: number): ProvisionalYear | null {
  const law = lawInForce(year);
  if (!law) return null;
  const off = new Map<string, ProvisionalDayOff>();
  // 除夕 can fall in the previous Gregorian year (never so far, but the law does not say it cannot)
  const statutory = law.days.map((d) => ({ name: d.name, date: anchorDate(year, d.anchor) })).filter((d) => parts(d.date).year === year);
  const byHoliday = new Map<HolidayName, CalendarDate[]>();
  for (const d of statutory) byHoliday.set(d.name, [...(byHoliday.get(d.name) ?? []), d.date]);
  const holidays = [...byHoliday.entries()].map(([name, dates]) => ({ name, dates: dates.sort() })).sort((a, b) => (a.dates[0] < b.dates[0] ? -1 : a.dates[0] > b.dates[0] ? 1 : 0));
  const blocks: ProvisionalYear['blocks'] = [];
  for (const h of holidays) {
    let owed = 0;
    for (const date of h.dates) {
      if (isWeekend(date) || off.has(date)) owed += 1;
      if (!off.has(date)) off.set(date, { date, name: h.name, kind: 'statutory' });
    }
    let last = h.dates[h.dates.length - 1];
    for (let day = addDays(last, 1); owed > 0; day = addDays(day, 1)) {
      if (isWeekend(day) || off.has(day)) continue;
      if (parts(day).year !== year) break; // a make-up day in the next year belongs to that year's arrangement
      off.set(day, { date: day, name: h.name, kind: 'makeUp' });
      last = day;
      owed -= 1;
    }
    blocks.push({ name: h.name, from: h.dates[0], to: last });
  }
  return { year, citation: law.citation, daysOff: [...off.values()].sort((a, b) => (a.date < b.date ? -1 : 1)), blocks };
}
