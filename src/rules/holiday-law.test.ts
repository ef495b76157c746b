import { describe, expect, it, test } from 'vitest';
import { ruleCode } from '../../test/harness/rules.js';
import { arrangementProblems, arrangementToSchedule, diffAgainstDerivation, provisionalArrangement, scheduleToArrangement, yearDays, type HolidayBlock } from './arrangement.js';
import { makeCalendar } from './calendar.js';
import { addDays, parseDate, weekday, type CalendarDate } from './dates.js';
import { calendarDayPeriodEndMarked, workingDayDeadline, workingDayDeadlineMarked } from './deadline.js';
import { deriveProvisionalYear } from './holiday-law.js';

const d = (s: string) => parseDate(s);
const isWeekend = (date: CalendarDate) => weekday(date) === 0 || weekday(date) === 6;
/** the calendar as it stands on 2 December 2026: official data to 2026, 2027 and 2028 provisional */
const cal = makeCalendar([], { today: d('2026-12-02') });

describe('the provisional year from 《全国年节及纪念日放假办法》 (国务院令第798号)', () => {
  const y2027 = deriveProvisionalYear(2027)!;
  const off = new Map(y2027.daysOff.map((x) => [x.date as string, x]));

  test.each([
    ['2027-01-01', '元旦', 'Friday'],
    ['2027-02-05', '春节', '除夕 (腊月廿九 — the 12th month of 丙午 has 29 days), Friday'],
    ['2027-02-06', '春节', '正月初一, Saturday'],
    ['2027-02-07', '春节', '初二, Sunday'],
    ['2027-02-08', '春节', '初三, Monday'],
    ['2027-04-05', '清明节', 'the 清明 solar term, Monday'],
    ['2027-05-01', '劳动节', 'Saturday'],
    ['2027-05-02', '劳动节', 'Sunday'],
    ['2027-06-09', '端午节', '五月初五, Wednesday'],
    ['2027-09-15', '中秋节', '八月十五, Wednesday'],
    ['2027-10-01', '国庆节', 'Friday'],
    ['2027-10-02', '国庆节', 'Saturday'],
    ['2027-10-03', '国庆节', 'Sunday'],
  ])('statutory day %s %s (%s)', (date, name) => {
    expect(off.get(date)).toEqual({ date, name, kind: 'statutory' });
    expect(cal.isWorkingDay(d(date))).toBe(false);
    expect(cal.holidayName(d(date))).toBe(name);
    expect(cal.isProvisional(d(date))).toBe(true);
  });

  test.each([
    ['2027-02-09', '春节', '初一 and 初二 fell on the weekend: Tuesday and Wednesday after the block'],
    ['2027-02-10', '春节', ''],
    ['2027-05-03', '劳动节', '1–2 May fell on the weekend: Monday and Tuesday'],
    ['2027-05-04', '劳动节', ''],
    ['2027-10-04', '国庆节', '2–3 October fell on the weekend: Monday and Tuesday'],
    ['2027-10-05', '国庆节', ''],
  ])('made-up day %s for %s (第六条) %s', (date, name) => {
    expect(off.get(date)).toEqual({ date, name, kind: 'makeUp' });
    expect(cal.isWorkingDay(d(date))).toBe(false);
  });

  it('has nothing else off in 2027: 13 statutory days, 6 made up, weekends otherwise off, no 调休 working weekend', () => {
    expect(y2027.daysOff).toHaveLength(19);
    expect(y2027.citation).toBe('国务院令第798号');
    for (let day = d('2027-01-01'); day <= '2027-12-31'; day = addDays(day, 1)) {
      expect(cal.isWorkingDay(day)).toBe(!isWeekend(day) && !off.has(day));
    }
  });

  it('needs no make-up day in a year where no holiday falls on a weekend (2053, the first such year under the 2025 law)', () => {
    const y = deriveProvisionalYear(2053)!;
    expect(y.daysOff.every((x) => !isWeekend(x.date))).toBe(true);
    expect(y.daysOff.filter((x) => x.kind === 'makeUp')).toEqual([]);
    expect(y.daysOff.map((x) => `${x.date} ${x.name}`)).toEqual([
      '2053-01-01 元旦',
      '2053-02-18 春节',
      '2053-02-19 春节',
      '2053-02-20 春节',
      '2053-02-21 春节',
      '2053-04-04 清明节',
      '2053-05-01 劳动节',
      '2053-05-02 劳动节',
      '2053-06-20 端午节',
      '2053-09-26 中秋节',
      '2053-10-01 国庆节',
      '2053-10-02 国庆节',
      '2053-10-03 国庆节',
    ]);
    const later = makeCalendar([], { today: d('2053-01-01'), horizonYears: 0 });
    for (const x of y.daysOff) expect(later.isWorkingDay(x.date)).toBe(false);
  });

  it('makes up a day another holiday already took (中秋 on 3 October 2028)', () => {
    const y = deriveProvisionalYear(2028)!;
    expect(y.daysOff.filter((x) => x.date >= '2028-10-01' && x.date <= '2028-10-06')).toEqual([
      { date: '2028-10-01', name: '国庆节', kind: 'statutory' },
      { date: '2028-10-02', name: '国庆节', kind: 'statutory' },
      { date: '2028-10-03', name: '国庆节', kind: 'statutory' },
      { date: '2028-10-04', name: '国庆节', kind: 'makeUp' },
      { date: '2028-10-05', name: '中秋节', kind: 'makeUp' },
    ]);
  });

  it('applies the law in force that year: 2024 春节 初一–初三 (第644号), 劳动节 one day', () => {
    const y = deriveProvisionalYear(2024)!;
    expect(y.citation).toBe('国务院令第644号');
    expect(y.daysOff.filter((x) => x.name === '春节').map((x) => x.date)).toEqual(['2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14']);
    expect(y.daysOff.filter((x) => x.name === '劳动节').map((x) => x.date)).toEqual(['2024-05-01']);
    expect(deriveProvisionalYear(2007)).toBeNull();
  });

  it('gives the same dates whatever the process time zone (the package prints dates in local time)', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const west = deriveProvisionalYear(2027);
      process.env.TZ = 'Asia/Shanghai';
      const east = deriveProvisionalYear(2027);
      expect(west).toEqual(y2027);
      expect(east).toEqual(y2027);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('provisional answers and the horizon', () => {
  test.each([
    ['2026-12-30', 2, '2027-01-04', true, 'the issue: racked 30 Dec 2026, two working days'],
    ['2026-12-28', 2, '2026-12-30', false, 'inside official 2026'],
    ['2027-02-04', 2, '2027-02-12', true, 'over the provisional 春节 (5–10 February off)'],
  ])('racked %s + %i working days → %s, provisional %s (%s)', (from, n, date, provisional) => {
    expect(workingDayDeadlineMarked(cal, d(from), n)).toEqual({ date, provisional });
  });

  test.each([
    ['2027-04-26', 7, '2027-05-05', true, 'the issue: 1–2 May on a weekend, made up on 3–4 May'],
    ['2026-12-24', 7, '2026-12-31', false, 'ends on the last official day'],
    ['2026-12-25', 7, '2027-01-04', true, 'ends on 1 January, rolls over the provisional weekend'],
  ])('%s + %i days → %s, provisional %s (%s)', (from, n, date, provisional) => {
    expect(calendarDayPeriodEndMarked(cal, d(from), n)).toEqual({ date, provisional });
  });

  it('covers years up to two after today, refuses the next and anything before the data', () => {
    expect(cal.officialYears().at(-1)).toBe(2026);
    expect(cal.provisionalYears()).toEqual([2027, 2028]);
    expect(ruleCode(() => cal.isWorkingDay(d('2029-01-02')))).toBe('CALENDAR_NOT_COVERED');
    expect(ruleCode(() => cal.isWorkingDay(d('2003-12-31')))).toBe('CALENDAR_NOT_COVERED');
    const wider = makeCalendar([], { today: d('2026-12-02'), horizonYears: 3 });
    expect(wider.isProvisional(d('2029-01-02'))).toBe(true);
    expect(ruleCode(() => makeCalendar([], { today: d('2026-12-02'), horizonYears: 0 }).isWorkingDay(d('2027-01-04')))).toBe('CALENDAR_NOT_COVERED');
  });

  it('lets official data win: a loaded 2027 replaces the derivation for that year only', () => {
    const loaded = makeCalendar([{ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] }], { today: d('2026-12-02') });
    expect(loaded.isProvisional(d('2027-05-03'))).toBe(false);
    expect(loaded.isWorkingDay(d('2027-05-03'))).toBe(true);
    expect(loaded.isProvisional(d('2028-01-03'))).toBe(true);
    expect(workingDayDeadline(loaded, d('2026-12-30'), 2)).toBe('2027-01-04');
  });
});

describe('official 2020–2026 against the derivation (the law in force each year)', () => {
  const official = makeCalendar();
  const rows: Record<string, unknown>[] = [];

  test.each([2020, 2021, 2022, 2023, 2024, 2025, 2026])('%i', (year) => {
    const days = yearDays(official, year);
    const schedule = official.officialSchedule(year)!;
    const derived = deriveProvisionalYear(year)!;
    const derivedOff = new Map(derived.daysOff.map((x) => [x.date as string, x]));
    const diffs = diffAgainstDerivation(year, days);
    const officialMakeUp = new Set(schedule.workdays.map((w) => w.date));
    // an official block: the run of consecutive days off around a date (weekends inside it included)
    const blockOf = (date: CalendarDate) => {
      const inBlock = (x: CalendarDate) => days.find((v) => v.date === x && (v.kind === 'holiday' || v.kind === 'weekend'));
      const block: CalendarDate[] = [date];
      for (let x = addDays(date, -1); inBlock(x); x = addDays(x, -1)) block.push(x);
      for (let x = addDays(date, 1); inBlock(x); x = addDays(x, 1)) block.push(x);
      return block;
    };
    const bridging: string[] = [];
    const swappedWeekends: string[] = [];
    const makeUpMoved: string[] = [];
    for (const diff of diffs) {
      if (diff.official === 'off') {
        // an official bridging day: a weekday of an official holiday block that also holds a day the law gives off for that holiday
        expect(isWeekend(diff.date), `${diff.date} is off officially but is a weekend the derivation keeps working`).toBe(false);
        expect(diff.name, `${diff.date} is off officially without a holiday name`).not.toBeNull();
        const block = blockOf(diff.date);
        expect(block.some((x) => derivedOff.get(x)?.name === diff.name), `${diff.date} (${diff.name}) is not in a block of the derived ${diff.name}`).toBe(true);
        bridging.push(diff.date.slice(5));
      } else if (isWeekend(diff.date)) {
        expect(officialMakeUp.has(diff.date), `${diff.date} works officially but is no 调休 day`).toBe(true);
        swappedWeekends.push(diff.date.slice(5));
      } else {
        // a weekday the law makes up (第六条) that the notice placed elsewhere
        expect(derivedOff.get(diff.date)?.kind, `${diff.date} is a statutory day the official data works`).toBe('makeUp');
        makeUpMoved.push(diff.date.slice(5));
      }
    }
    rows.push({
      year,
      law: derived.citation,
      officialDaysOff: days.filter((x) => x.kind === 'holiday').length,
      provisionalDaysOff: derived.daysOff.length,
      bridgingDays: bridging.join(' '),
      '调休Weekends': swappedWeekends.join(' '),
      makeUpMoved: makeUpMoved.join(' '),
      differences: diffs.length,
    });
    if (year === 2026) console.table(rows);
  });
});

describe('the arrangement as the notice states it', () => {
  const arrangement2027: HolidayBlock[] = [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03', makeUpDays: [] },
    { name: '春节', from: '2027-02-05', to: '2027-02-13', makeUpDays: ['2027-01-31', '2027-02-20'] },
    { name: '劳动节', from: '2027-05-01', to: '2027-05-05', makeUpDays: ['2027-04-25'] },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07', makeUpDays: ['2027-09-26', '2027-10-09'] },
  ];

  it('converts to day lists and back', () => {
    const schedule = arrangementToSchedule(2027, arrangement2027, '国办发明电〔2026〕X号');
    expect(schedule.holidays).toHaveLength(3 + 9 + 5 + 7);
    expect(schedule.workdays.map((w) => w.date)).toEqual(['2027-01-31', '2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09']);
    expect(scheduleToArrangement(schedule)).toEqual(arrangement2027);
  });

  it('reads the packaged 2026 as the notice wrote it', () => {
    expect(scheduleToArrangement(makeCalendar().officialSchedule(2026)!)).toEqual([
      { name: '元旦', from: '2026-01-01', to: '2026-01-03', makeUpDays: ['2026-01-04'] },
      { name: '春节', from: '2026-02-15', to: '2026-02-23', makeUpDays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06', makeUpDays: [] },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05', makeUpDays: ['2026-05-09'] },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21', makeUpDays: [] },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27', makeUpDays: [] },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07', makeUpDays: ['2026-09-20', '2026-10-10'] },
    ]);
  });

  test.each<[string, unknown[], string, string]>([
    ['to before from', [{ name: '元旦', from: '2027-01-03', to: '2027-01-01', makeUpDays: [] }], 'holidays.0.to', 'toBeforeFrom'],
    ['a day outside the year', [{ name: '元旦', from: '2026-12-31', to: '2027-01-01', makeUpDays: [] }], 'holidays.0.from', 'notInYear'],
    ['a malformed date', [{ name: '春节', from: '2027-02-30', to: '2027-03-01', makeUpDays: [] }], 'holidays.0.from', 'dateInvalid'],
    ['an unknown name', [{ name: '圣诞节', from: '2027-12-25', to: '2027-12-25', makeUpDays: [] }], 'holidays.0.name', 'nameUnknown'],
    ['a make-up day on a weekday', [{ name: '春节', from: '2027-02-05', to: '2027-02-13', makeUpDays: ['2027-02-15'] }], 'holidays.0.makeUpDays.0', 'makeUpNotWeekend'],
    ['a make-up day inside a block', [{ name: '春节', from: '2027-02-05', to: '2027-02-13', makeUpDays: ['2027-02-06'] }], 'holidays.0.makeUpDays.0', 'makeUpInBlock'],
    ['overlapping blocks', [...arrangement2027.slice(0, 2), { name: '劳动节', from: '2027-02-12', to: '2027-02-14', makeUpDays: [] }], 'holidays.2.from', 'overlap'],
    ['a block of 20 days', [{ name: '国庆节', from: '2027-10-01', to: '2027-10-20', makeUpDays: [] }], 'holidays.0.to', 'blockTooLong'],
    ['no holidays', [], 'holidays', 'empty'],
  ])('refuses %s (%s)', (_, blocks, path, reason) => {
    expect(arrangementProblems(2027, blocks as HolidayBlock[])).toContainEqual(expect.objectContaining({ path, reason }));
  });

  it('accepts a well-formed arrangement', () => expect(arrangementProblems(2027, arrangement2027)).toEqual([]));

  it('accepts a joint block of statutory names as the notice writes it (2023: 中秋节、国庆节), and refuses other joints', () => {
    const joint = (name: string) => arrangementProblems(2023, [{ name, from: '2023-09-29', to: '2023-10-06', makeUpDays: ['2023-10-07', '2023-10-08'] }]);
    expect(joint('中秋节、国庆节')).toEqual([]);
    expect(joint('国庆节、中秋节')).toEqual([]);
    for (const name of ['中秋节、圣诞节', '国庆节、国庆节', '中秋节、', '中秋节,国庆节']) expect(joint(name)).toContainEqual(expect.objectContaining({ path: 'holidays.0.name', reason: 'nameUnknown' }));
  });

  it('shows each day of a year with its kind', () => {
    const days = yearDays(makeCalendar([arrangementToSchedule(2027, arrangement2027)]), 2027);
    expect(days).toHaveLength(365);
    const at = (date: string) => days.find((x) => x.date === date);
    expect(at('2027-01-31')).toEqual({ date: '2027-01-31', kind: 'makeup', name: '春节' });
    expect(at('2027-02-08')).toEqual({ date: '2027-02-08', kind: 'holiday', name: '春节' });
    expect(at('2027-03-06')).toEqual({ date: '2027-03-06', kind: 'weekend', name: null });
    expect(at('2027-03-08')).toEqual({ date: '2027-03-08', kind: 'workday', name: null });
  });
});

describe('a provisional year back as an arrangement, previewed', () => {
  /** off or working, and the name, of each day of the year as the preview of the arrangement shows it */
  const previewed = (year: number, blocks: HolidayBlock[]) => yearDays(makeCalendar([arrangementToSchedule(year, blocks)]), year);

  it('gives 2028 国庆 and 中秋 (3 October) as one block 国庆节、中秋节, which the validator accepts', () => {
    const blocks = provisionalArrangement(2028);
    expect(blocks.filter((b) => b.from >= '2028-09-01')).toEqual([{ name: '国庆节、中秋节', from: '2028-10-01', to: '2028-10-05', makeUpDays: [] }]);
    expect(arrangementProblems(2028, blocks)).toEqual([]);
    const days = previewed(2028, blocks).filter((x) => x.date >= '2028-09-30' && x.date <= '2028-10-06');
    expect(days.map((x) => `${x.date} ${x.kind} ${x.name ?? ''}`)).toEqual([
      '2028-09-30 weekend ',
      '2028-10-01 holiday 国庆节、中秋节',
      '2028-10-02 holiday 国庆节、中秋节',
      '2028-10-03 holiday 国庆节、中秋节',
      '2028-10-04 holiday 国庆节、中秋节',
      '2028-10-05 holiday 国庆节、中秋节',
      '2028-10-06 workday ',
    ]);
  });

  const years = Array.from({ length: 2060 - 2025 + 1 }, (_, i) => 2025 + i);
  test.each(years)('%i: the derived arrangement is accepted and previews to the same days off, each under its holiday', (year) => {
    const derived = deriveProvisionalYear(year)!;
    const blocks = provisionalArrangement(year);
    expect(arrangementProblems(year, blocks)).toEqual([]);
    const off = new Map<string, string>(derived.daysOff.map((x) => [x.date, x.name]));
    for (const day of previewed(year, blocks)) {
      const previewOff = day.kind === 'holiday' || day.kind === 'weekend';
      expect(previewOff, day.date).toBe(off.has(day.date) || isWeekend(day.date));
      // a day off the law names keeps its holiday's name, inside a joint name when blocks were joined
      if (off.has(day.date)) expect(day.name?.split('、'), day.date).toContain(off.get(day.date));
    }
  });

  it('joins only holidays that meet or overlap: the years 2025–2060 where 中秋 falls in or next to 国庆', () => {
    const joined = years.filter((year) => provisionalArrangement(year).some((b) => b.name.includes('、')));
    expect(joined).toEqual([2028, 2031, 2036, 2039, 2044, 2047, 2050, 2055, 2058]);
    for (const year of years) {
      const blocks = provisionalArrangement(year);
      for (let i = 1; i < blocks.length; i += 1) expect(blocks[i].from > addDays(d(blocks[i - 1].to), 1), `${year} ${blocks[i].name}`).toBe(true);
    }
  });

});
