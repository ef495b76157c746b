import { Space, Tag, Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { Schemas } from '../../api/client';
import { weekday } from '../../dates';
import { useI18n, type MessageKey } from '../../i18n';

export type CalendarDay = Schemas['CalendarDay'];
export type DayKind = CalendarDay['kind'];
export type Arrangement = Schemas['CalendarHolidayBlock'];
export type DiffRow = Schemas['CalendarDayDiff'];
/** `GET /calendar/years/:year` and the preview: one year, day by day, with how it was arrived at. */
export type YearView = Schemas['CalendarYearView'];

/** The seven statutory holidays (data in Chinese) and their catalog keys; older data says 清明/端午/中秋. */
export const HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
/**
 * Holidays whose days off meet or overlap are one block of the notice, named with both (2023:
 * 中秋节、国庆节); the server derives 国庆节、中秋节 when 中秋 falls inside 国庆 (2028). Either order.
 */
export const JOINT_HOLIDAYS = ['中秋节、国庆节', '国庆节、中秋节'] as const;
const HOLIDAY_KEYS: [RegExp, MessageKey][] = [
  [/^元旦/, 'calendar.holiday.newYear'],
  [/^春节/, 'calendar.holiday.springFestival'],
  [/^清明/, 'calendar.holiday.qingming'],
  [/^劳动节/, 'calendar.holiday.labour'],
  [/^端午/, 'calendar.holiday.dragonBoat'],
  [/^中秋/, 'calendar.holiday.midAutumn'],
  [/^国庆/, 'calendar.holiday.nationalDay'],
  [/抗日战争|抗战胜利/, 'calendar.holiday.victory70'],
];

/** Names in English prose: "A and B", "A, B and C". */
const joinEnglish = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** A holiday's name in the UI's language (names joined with 、 are translated one by one: "Mid-Autumn Festival and National Day"). */
export function useHolidayName(): (name: string | null | undefined) => string {
  const { t, locale } = useI18n();
  return (name) => {
    if (!name) return '';
    const names = name.split('、').map((part) => {
      const key = HOLIDAY_KEYS.find(([re]) => re.test(part))?.[1];
      return key ? t(key) : part;
    });
    return locale === 'en' ? joinEnglish(names) : names.join('、');
  };
}

/** A recomputed record (or a to-do item about one): the kind and the contract's or invoice's number, and its Chinese label. */
export type RecomputedRef = Partial<Pick<Schemas['CalendarRecomputedRecord'], 'kind' | 'number' | 'label'>>;

/**
 * A recomputed record in words in the UI's language, from its kind and number: "合同 RP-2026-0007
 * 的上架调试期限（5.1）", "Commissioning deadline (5.1) of contract RP-2026-0007". A kind this page does
 * not know, or a to-do item raised before records carried their number, shows the server's label.
 */
export function useRecordLabel(): (record: RecomputedRef) => string {
  const { t } = useI18n();
  return ({ kind, number, label }) => {
    if (number && kind === 'commissioning') return t('calendar.recomputedRecord.commissioning', { number });
    if (number && kind === 'invoice') return t('calendar.recomputedRecord.invoice', { number });
    return label ?? '';
  };
}

const KIND_STYLE: Record<DayKind, CSSProperties> = {
  workday: { background: '#fff', color: 'rgba(0,0,0,0.88)' },
  weekend: { background: '#f5f5f5', color: 'rgba(0,0,0,0.45)' },
  holiday: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  makeup: { background: '#fff7e6', color: '#d46b08', fontWeight: 600 },
};

const pad = (n: number) => String(n).padStart(2, '0');
const monthDayOf = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

function Month({ year, month, days }: { year: number; month: number; days: Map<string, CalendarDay> }) {
  const { t } = useI18n();
  const holidayName = useHolidayName();
  const monthNames = t('calendar.monthNames').split(',');
  const first = `${year}-${pad(month)}-01`;
  const lead = (weekday(first) + 6) % 7; // weeks start on Monday, as on a Chinese wall calendar
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (CalendarDay | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= length; d++) {
    const date = `${year}-${pad(month)}-${pad(d)}`;
    const wd = weekday(date);
    cells.push(days.get(date) ?? { date, kind: wd === 0 || wd === 6 ? 'weekend' : 'workday', name: null });
  }
  // this month's holidays and make-up days in words, under the grid
  const notes: { label: string; from: string; to: string; index: number }[] = [];
  cells.forEach((c, i) => {
    if (!c || (c.kind !== 'holiday' && c.kind !== 'makeup')) return;
    const label = c.kind === 'holiday' ? holidayName(c.name) || t('calendar.kind.holiday') : c.name ? t('calendar.makeupFor', { name: holidayName(c.name) }) : t('calendar.kind.makeup');
    const last = notes.at(-1);
    // days off of one holiday read as one span, across a weekend inside it (元旦 1/1–1/3 with Sunday 1/2)
    const joined = last && c.kind === 'holiday' && last.label === label && cells.slice(last.index + 1, i).every((between) => between?.kind === 'weekend');
    if (last && joined) Object.assign(last, { to: c.date, index: i });
    else notes.push({ label, from: c.date, to: c.date, index: i });
  });
  return (
    <div data-testid={`month-${month}`} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
      <Typography.Text strong>{monthNames[month - 1]}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 4, fontSize: 12, textAlign: 'center' }}>
        {t('calendar.weekdays')
          .split(',')
          .map((w) => (
            <div key={w} style={{ color: 'rgba(0,0,0,0.45)' }}>
              {w}
            </div>
          ))}
        {cells.map((c, i) =>
          c ? (
            <Tooltip key={c.date} title={c.kind === 'holiday' || c.kind === 'makeup' ? `${c.date} ${t(`calendar.kind.${c.kind}`)} ${holidayName(c.name)}` : undefined}>
              <div data-date={c.date} data-kind={c.kind} style={{ ...KIND_STYLE[c.kind], borderRadius: 3, padding: '1px 0', position: 'relative', lineHeight: '16px' }}>
                {Number(c.date.slice(8))}
                {(c.kind === 'holiday' || c.kind === 'makeup') && (
                  <div style={{ fontSize: 9, lineHeight: '10px' }}>{t(`calendar.mark.${c.kind}`)}</div>
                )}
              </div>
            </Tooltip>
          ) : (
            <div key={`lead-${i}`} />
          ),
        )}
      </div>
      <div style={{ marginTop: 4, fontSize: 12, minHeight: 18, color: 'rgba(0,0,0,0.65)' }}>{notes.map((n) => `${n.label} ${monthDayOf(n.from)}${n.to === n.from ? '' : `–${monthDayOf(n.to)}`}`).join(' · ')}</div>
    </div>
  );
}

/** Twelve small month calendars: working days, weekends, days off with the holiday's name, 调休上班 days. */
export function YearGrid({ view, testId }: { view: YearView; testId?: string }) {
  const { t } = useI18n();
  const days = new Map(view.days.map((d) => [d.date, d]));
  return (
    <div data-testid={testId}>
      <Space wrap style={{ marginBottom: 8 }}>
        {(['workday', 'weekend', 'holiday', 'makeup'] as const).map((k) => (
          <Tag key={k} style={{ ...KIND_STYLE[k], border: '1px solid #d9d9d9' }}>
            {t(`calendar.kind.${k}`)}
          </Tag>
        ))}
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 12 }}>
        {Array.from({ length: 12 }, (_, i) => (
          <Month key={i} year={view.year} month={i + 1} days={days} />
        ))}
      </div>
    </div>
  );
}
