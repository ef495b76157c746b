import type { Locale } from '../core/i18n/index.js';
import { weekday, type CalendarDate } from '../rules/index.js';
import type { YearView } from '../modules/calendar/calendar.service.js';

/**
 * `rackpact calendar show <year>`: the year as month grids, two months across (a terminal is 80
 * columns; the marks are CJK characters, two columns wide). Monday first, as Chinese calendars are.
 *   休 a day off (holiday, 补休)   班 a 调休 Saturday/Sunday worked   暂 a day off derived provisionally
 */
const TEXT = {
  'zh-CN': {
    title: (y: number) => `${y} 年工作日历`,
    month: (m: number) => `${m}月`,
    weekdays: ['一', '二', '三', '四', '五', '六', '日'],
    origin: { packaged: '国务院公布的安排（随程序发布的数据）', loaded: '国务院公布的安排（管理员导入）', provisional: '暂定（国务院尚未公布该年安排）：按《全国年节及纪念日放假办法》推算，公布后以官方安排为准' },
    legend: '图例：休 放假（含补休）  班 调休上班（周六/周日）  暂 暂定放假（推算）  其余：周一至周五上班，周六、周日休息',
    makeUp: '调休上班',
    diff: (n: number) => `与《放假办法》推算的差异：${n} 天（调休）`,
  },
  en: {
    title: (y: number) => `Working-day calendar ${y}`,
    month: (m: number) => ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1],
    weekdays: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
    origin: {
      packaged: "the State Council's arrangement (shipped with rackpact)",
      loaded: "the State Council's arrangement (loaded by an admin)",
      provisional: 'PROVISIONAL (the State Council has not yet published that year): derived from the holiday law; the official arrangement replaces it',
    },
    legend: 'Legend: 休 day off (holiday or made-up day)  班 make-up working Saturday/Sunday  暂 provisional day off (derived)  otherwise Mon–Fri work, Sat–Sun rest',
    makeUp: 'make-up working days',
    diff: (n: number) => `Differs from the holiday law's derivation on ${n} days (调休 swaps)`,
  },
} as const;

/** Display width in a terminal: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

const CELL = 5; // "dd" + a two-column mark + a space
const MONTH_WIDTH = 7 * CELL;

function monthLines(view: YearView, month: number, lang: Locale): string[] {
  const t = TEXT[lang];
  const days = view.days.filter((d) => Number(d.date.slice(5, 7)) === month);
  const lines = [padEnd(`${t.month(month)}`, MONTH_WIDTH), t.weekdays.map((w) => padEnd(w, CELL)).join('')];
  let row = ' '.repeat(((weekday(days[0].date as CalendarDate) + 6) % 7) * CELL);
  for (const d of days) {
    const mark = d.kind === 'holiday' ? (view.provisional ? '暂' : '休') : d.kind === 'makeup' ? '班' : '  ';
    row += `${d.date.slice(8)}${mark} `;
    if (weekday(d.date as CalendarDate) === 0) {
      lines.push(row);
      row = '';
    }
  }
  if (row) lines.push(row);
  while (lines.length < 8) lines.push('');
  return lines.map((l) => padEnd(l, MONTH_WIDTH));
}

export function renderYear(view: YearView, lang: Locale): string {
  const t = TEXT[lang];
  const out = [`${t.title(view.year)} — ${t.origin[view.origin]}`, ''];
  for (let m = 1; m <= 12; m += 2) {
    const left = monthLines(view, m, lang);
    const right = monthLines(view, m + 1, lang);
    left.forEach((l, i) => out.push(`${l}   ${right[i]}`.trimEnd()));
  }
  out.push(t.legend, '');
  for (const b of view.arrangement) {
    out.push(`${b.name}  ${b.from} – ${b.to}${b.makeUpDays.length ? `  ${t.makeUp} ${b.makeUpDays.join(' ')}` : ''}`);
  }
  if (!view.provisional && view.diff.length) out.push('', t.diff(view.diff.length));
  return out.join('\n');
}
