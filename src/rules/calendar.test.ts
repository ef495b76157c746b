import { ruleCode } from '../../test/harness/rules.js';
import { describe, expect, it, test } from 'vitest';
import { makeCalendar, parseYearSchedule, type YearSchedule } from './calendar.js';
import { addDays, parseDate, type CalendarDate } from './dates.js';
import { calendarDayPeriodEnd, workingDayDeadline } from './deadline.js';
import { RuleError } from './errors.js';

const cal = makeCalendar();
const d = (s: string) => parseDate(s);

/** A plausible 2027 schedule as an admin would load it from the State Council notice. */
const schedule2027: YearSchedule = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, name: '春节' })),
    ...['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map((date) => ({ date, name: '国庆节' })),
  ],
  workdays: [
    { date: '2027-02-14', name: '春节' },
    { date: '2027-09-26', name: '国庆节' },
    { date: '2027-10-09', name: '国庆节' },
  ],
};

describe('statutory working days', () => {
  test.each([
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of the National Day holiday'],
    ['2026-10-08', true, 'Thursday after the holiday'],
    ['2026-10-10', true, '调休 Saturday'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2026-09-28', true, 'Monday'],
    ['2026-09-26', false, 'Saturday in 中秋'],
    ['2026-02-14', true, '调休 Saturday before 春节'],
    ['2026-02-16', false, '春节'],
    ['2026-02-23', false, '春节 ninth day'],
    ['2026-02-24', true, 'back to work'],
    ['2026-02-28', true, '调休 Saturday after 春节'],
    ['2026-01-01', false, '元旦'],
    ['2026-01-04', true, '调休 Sunday'],
    ['2026-05-01', false, '劳动节'],
    ['2026-05-09', true, '调休 Saturday'],
    ['2026-03-07', false, 'plain Saturday'],
    ['2026-03-09', true, 'plain Monday'],
    ['2025-10-08', false, '2025 National Day + 中秋 ran to the 8th'],
    ['2025-09-28', true, '2025 调休 Sunday'],
    ['2024-02-29', true, 'leap day, a Thursday'],
    ['2004-10-07', false, 'first packaged year'],
  ])('%s is a working day: %s (%s)', (date, expected) => expect(cal.isWorkingDay(d(date))).toBe(expected));

  it('knows its coverage and refuses a year it has no schedule for', () => {
    expect(cal.coveredYears()[0]).toBe(2004);
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2027)).toBe(false);
    expect(ruleCode(() => cal.isWorkingDay(d('2027-01-04')))).toBe('CALENDAR_NOT_COVERED');
    expect(ruleCode(() => cal.isWorkingDay(d('2003-12-31')))).toBe('CALENDAR_NOT_COVERED');
    expect(ruleCode(() => workingDayDeadline(cal, d('2026-12-30'), 2))).toBe('CALENDAR_NOT_COVERED');
  });

  it('names holidays', () => {
    expect(cal.holidayName(d('2026-10-03'))).toBe('国庆节');
    expect(cal.holidayName(d('2026-10-08'))).toBeNull();
  });

  it('covers a year once its official schedule is loaded', () => {
    const extended = makeCalendar([parseYearSchedule(schedule2027)]);
    expect(extended.covers(2027)).toBe(true);
    expect(extended.isWorkingDay(d('2027-02-14'))).toBe(true); // 调休 Sunday
    expect(extended.isWorkingDay(d('2027-02-08'))).toBe(false); // 春节 Monday
    expect(extended.isWorkingDay(d('2027-01-04'))).toBe(true);
    expect(workingDayDeadline(extended, d('2026-12-31'), 2)).toBe('2027-01-05');
    expect(ruleCode(() => extended.isWorkingDay(d('2028-01-03')))).toBe('CALENDAR_NOT_COVERED');
  });

  it('lets a loaded year replace the packaged one', () => {
    const replaced = makeCalendar([{ year: 2026, holidays: [{ date: '2026-03-09', name: '测试' }], workdays: [] }]);
    expect(replaced.isWorkingDay(d('2026-03-09'))).toBe(false);
    expect(replaced.isWorkingDay(d('2026-10-01'))).toBe(true); // packaged 2026 entries are gone
  });
});

describe('official year files', () => {
  test.each([
    ['a date outside the year', { ...schedule2027, holidays: [{ date: '2026-12-31', name: '元旦' }] }, 'holidays.0.date'],
    ['a make-up day on a weekday', { ...schedule2027, workdays: [{ date: '2027-02-15', name: '春节' }] }, 'workdays.0.date'],
    ['a day both off and on', { ...schedule2027, workdays: [{ date: '2027-10-02', name: '国庆节' }] }, 'workdays.0.date'],
    ['a malformed date', { ...schedule2027, holidays: [{ date: '2027-02-30', name: '春节' }] }, 'holidays.0.date'],
    ['no holidays at all', { ...schedule2027, holidays: [] }, 'holidays'],
    ['a year out of range', { ...schedule2027, year: 1999 }, 'year'],
    ['not an object', 'nonsense', ''],
  ])('refuses %s', (_, json, field) => {
    try {
      parseYearSchedule(json);
      expect.unreachable();
    } catch (e) {
      expect((e as RuleError).code).toBe('CALENDAR_SCHEDULE_INVALID');
      expect((e as RuleError).params.field).toBe(field);
    }
  });
});

describe('working-day deadline (5.1)', () => {
  test.each([
    ['2026-09-30', 2, '2026-10-09', 'racked before National Day: the holiday does not count'],
    ['2026-10-09', 2, '2026-10-12', '2026-10-10 is a make-up working day'],
    ['2026-10-08', 1, '2026-10-09', 'the next day'],
    ['2026-10-09', 1, '2026-10-10', 'a make-up Saturday is a working day'],
    ['2026-03-06', 2, '2026-03-10', 'Friday → Tuesday over a weekend'],
    ['2026-03-02', 2, '2026-03-04', 'Monday → Wednesday'],
    ['2026-03-07', 2, '2026-03-10', 'racked on a Saturday: counting starts Sunday'],
    ['2026-02-13', 2, '2026-02-24', 'Friday before 春节: 2-14 is a make-up Saturday, then the holiday'],
    ['2026-02-12', 2, '2026-02-14', 'Thursday: Friday, then the make-up Saturday'],
    ['2026-04-30', 2, '2026-05-07', '劳动节'],
    ['2026-12-31', 1, 'CALENDAR_NOT_COVERED', 'the next working day is in 2027'],
    ['2025-12-31', 2, '2026-01-05', 'across 元旦: 2026-01-04 is a make-up Sunday'],
  ])('racked %s + %i working days → %s (%s)', (from, n, expected) => {
    if (expected === 'CALENDAR_NOT_COVERED') return expect(ruleCode(() => workingDayDeadline(cal, d(from), n))).toBe(expected);
    expect(workingDayDeadline(cal, d(from), n)).toBe(expected);
  });

  test.each([0, -1, 1.5, 251])('refuses %s working days', (n) => expect(ruleCode(() => workingDayDeadline(cal, d('2026-03-02'), n))).toBe('DAYS_INVALID'));

  it('always lands on a working day strictly after the event', () => {
    for (let day = d('2026-01-01'); day < '2026-12-20'; day = addDays(day, 1) as CalendarDate) {
      const deadline = workingDayDeadline(cal, day, 2);
      expect(deadline > day).toBe(true);
      expect(cal.isWorkingDay(deadline)).toBe(true);
    }
  });
});

describe('calendar-day period (第四条, 民法典 art. 203)', () => {
  test.each([
    ['2026-03-01', 7, '2026-03-09', 'the 8th is a Sunday'],
    ['2026-03-02', 7, '2026-03-09', 'ends on a Monday'],
    ['2026-03-03', 7, '2026-03-10', 'ends on a Tuesday'],
    ['2026-09-24', 7, '2026-10-08', 'ends on 10-01, rolled past National Day'],
    ['2026-10-03', 7, '2026-10-10', 'ends on a make-up Saturday: a working day, no roll'],
    ['2026-02-07', 7, '2026-02-14', 'ends on a make-up Saturday'],
    ['2026-02-09', 7, '2026-02-24', 'ends inside 春节'],
    ['2024-02-22', 7, '2024-02-29', 'leap day'],
    ['2026-12-24', 7, '2026-12-31', 'last day of the covered range'],
  ])('%s + %i days → %s (%s)', (from, n, expected) => expect(calendarDayPeriodEnd(cal, d(from), n)).toBe(expected));

  it('refuses a period whose end is past the calendar', () => {
    expect(ruleCode(() => calendarDayPeriodEnd(cal, d('2026-12-28'), 7))).toBe('CALENDAR_NOT_COVERED');
  });
});
