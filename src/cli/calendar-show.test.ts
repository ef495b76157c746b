import { describe, expect, it } from 'vitest';
import { makeCalendar, parseDate, provisionalArrangement, scheduleToArrangement, yearDays } from '../rules/index.js';
import { renderYear } from './calendar-show.js';

const calendar = makeCalendar([], { today: parseDate('2026-12-02') });

describe('rackpact calendar show', () => {
  it('marks a provisional year: 暂 on the derived days off, the reason in the title, a legend', () => {
    const text = renderYear({ year: 2027, origin: 'provisional', provisional: true, source: null, loadedAt: null, days: yearDays(calendar, 2027), arrangement: provisionalArrangement(2027), diff: [] }, 'zh-CN');
    const lines = text.split('\n');
    expect(lines[0]).toContain('暂定（国务院尚未公布该年安排）');
    // January and February side by side, Monday first: 1 January 2027 is a Friday, 5–10 February off
    expect(lines[4]).toBe(`${' '.repeat(20)}01暂 02   03      01   02   03   04   05暂 06暂 07暂`);
    expect(lines[5]).toBe('04   05   06   07   08   09   10      08暂 09暂 10暂 11   12   13   14');
    expect(text).toContain('图例：休 放假（含补休）  班 调休上班');
    expect(text).toContain('劳动节  2027-05-01 – 2027-05-04');
    const grid = lines.slice(1, lines.findIndex((l) => l.startsWith('图例')));
    expect(grid.join('\n')).not.toContain('休'); // no official day off in a derived year
  });

  it('shows an official year with 休 and 班, its arrangement and how far the derivation is from it', () => {
    const days = yearDays(calendar, 2026);
    const text = renderYear({ year: 2026, origin: 'packaged', provisional: false, source: null, loadedAt: null, days, arrangement: scheduleToArrangement(calendar.officialSchedule(2026)!), diff: [{ date: parseDate('2026-01-04'), official: 'work', provisional: 'off', name: '元旦' }] }, 'en');
    expect(text.split('\n')[4]).toMatch(/^ {15}01休 02休 03休 04班/);
    expect(text).toContain('国庆节  2026-10-01 – 2026-10-07  make-up working days 2026-09-20 2026-10-10');
    expect(text).toContain("Differs from the holiday law's derivation on 1 days");
  });
});
