import { ruleCode } from '../../test/harness/rules.js';
import { describe, expect, test, it } from 'vitest';
import { formatChineseDate, formatShanghai, formatShanghaiMinute, parseDate, parseInstant, shanghaiDate, endOfDayShanghai } from './dates.js';
import { renewalTerm, term, termEnd } from './term.js';

const d = (s: string) => parseDate(s);

describe('term end (第三条)', () => {
  test.each([
    ['2026-01-31', 12, '2027-01-30'],
    ['2026-01-01', 12, '2026-12-31'],
    ['2026-03-01', 12, '2027-02-28'],
    ['2027-03-01', 12, '2028-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-28'],
    ['2024-02-28', 12, '2025-02-27'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-01-29', 1, '2026-02-28'],
    ['2026-01-28', 1, '2026-02-27'],
    ['2024-01-30', 1, '2024-02-29'],
    ['2024-01-29', 1, '2024-02-28'],
    ['2026-03-30', 1, '2026-04-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-31', 1, '2027-01-30'],
    ['2026-12-01', 1, '2026-12-31'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-06-15', 24, '2028-06-14'],
    ['2026-10-31', 6, '2027-04-30'],
  ])('%s + %i months ends %s', (start, months, end) => expect(termEnd(d(start), months)).toBe(end));

  test.each([0, -1, 1.5, 121])('refuses %s months', (months) => expect(ruleCode(() => termEnd(d('2026-01-01'), months))).toBe('TERM_MONTHS_INVALID'));
});

describe('service end instant', () => {
  it('ends at 24:00 Asia/Shanghai of the end date, plus compensation hours', () => {
    expect(formatShanghai(term(d('2026-01-31'), 12).endsAt)).toBe('2027-01-31T00:00:00+08:00');
    expect(formatShanghai(term(d('2026-01-31'), 12, 3).endsAt)).toBe('2027-01-31T03:00:00+08:00');
    expect(term(d('2026-01-31'), 12, 3).endsAt.toISOString()).toBe('2027-01-30T19:00:00.000Z');
    expect(formatShanghai(term(d('2026-01-31'), 12, 50).endsAt)).toBe('2027-02-02T02:00:00+08:00');
  });

  it('refuses fractional or negative compensation', () => {
    expect(ruleCode(() => term(d('2026-01-31'), 12, -1))).toBe('DAYS_INVALID');
    expect(ruleCode(() => term(d('2026-01-31'), 12, 1.5))).toBe('DAYS_INVALID');
  });
});

describe('renewal (第十三条)', () => {
  test.each([
    ['2026-01-31', 12, '2027-01-31', '2028-01-30'],
    ['2024-02-29', 12, '2025-03-01', '2026-02-28'],
    ['2026-03-01', 12, '2027-03-01', '2028-02-29'],
  ])('after a term from %s (%i months) the renewal runs %s – %s', (start, months, renewedStart, renewedEnd) => {
    const renewed = renewalTerm(term(d(start), months), months);
    expect(renewed.start).toBe(renewedStart);
    expect(renewed.end).toBe(renewedEnd);
  });

  it('carries unused compensation to the end of the renewed term', () => {
    const first = term(d('2026-01-31'), 12, 5);
    const renewed = renewalTerm(first, 12, 2);
    expect(renewed.compensationHours).toBe(7);
    expect(formatShanghai(renewed.endsAt)).toBe('2028-01-31T07:00:00+08:00');
  });
});

describe('dates', () => {
  test.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', '2026/01/01', '', '2026-04-31'])('refuses %s', (s) =>
    expect(ruleCode(() => parseDate(s))).toBe('DATE_INVALID'),
  );

  it('writes dates as the agreement does', () => {
    expect(formatChineseDate(d('2026-01-31'))).toBe('2026年1月31日');
  });

  it('converts instants to Shanghai calendar dates', () => {
    expect(shanghaiDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(endOfDayShanghai(d('2026-03-01')).toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  test.each(['2026-05-01T10:00:00', '2026-05-01 10:00:00+08:00', 'yesterday'])('refuses an instant without its offset: %s', (s) =>
    expect(ruleCode(() => parseInstant(s))).toBe('INSTANT_INVALID'),
  );
});

describe('formatShanghaiMinute (how notices and timelines print an instant)', () => {
  it.each([
    ['2026-11-25T11:49:59.999Z', '2026-11-25 19:49'],
    ['2026-12-31T16:00:00Z', '2027-01-01 00:00'], // crosses the date line into Beijing's new year
    ['2026-03-01T15:59:00Z', '2026-03-01 23:59'],
  ])('%s → %s', (iso, shown) => {
    expect(formatShanghaiMinute(new Date(iso))).toBe(shown);
  });
});
