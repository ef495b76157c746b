import { z } from 'zod';
import { CalendarDate } from '../../http/dto.js';
import { DAY_KINDS, WORK_OR_OFF } from '../../rules/index.js';
import { YEAR_ORIGINS } from './calendar.service.js';

export const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const CalendarDay = z
  .object({ date: z.string(), kind: z.enum(DAY_KINDS), name: z.string().nullable() })
  .meta({ id: 'CalendarDay', description: 'holiday: a day off (放假, 补休); makeup: a 调休 Saturday or Sunday worked' });
export const HolidayBlock = z
  .object({ name: z.string(), from: z.string(), to: z.string(), makeUpDays: z.array(z.string()) })
  .meta({ id: 'CalendarHolidayBlock', description: 'One holiday as the State Council notice states it: days off from–to and the 调休 working days' });
export const DayDiff = z
  .object({ date: z.string(), official: z.enum(WORK_OR_OFF), provisional: z.enum(WORK_OR_OFF), name: z.string().nullable() })
  .meta({ id: 'CalendarDayDiff' });
export const YearView = z
  .object({
    year: z.number(),
    origin: z.enum(YEAR_ORIGINS).meta({ id: 'CalendarYearOrigin' }),
    provisional: z.boolean(),
    source: z.string().nullable(),
    loadedAt: z.string().nullable(),
    days: z.array(CalendarDay),
    arrangement: z.array(HolidayBlock),
    diff: z.array(DayDiff),
  })
  .meta({ id: 'CalendarYearView' });
export const CalendarStatus = z
  .object({
    today: z.string(),
    officialYears: z.array(z.number()),
    provisionalYears: z.array(z.number()),
    nextYear: z.number(),
    nextYearProvisional: z.boolean(),
    bannerDue: z.boolean(),
  })
  .meta({ id: 'CalendarStatus' });
export const Coverage = z
  .object({
    years: z.array(z.number()),
    loaded: z.array(z.object({ year: z.number(), loadedAt: z.date().or(z.string()), source: z.string().nullable() })),
  })
  .meta({ id: 'CalendarCoverage' });

// shapes only: dates, names and make-up days are checked by the rules, which name the field and the reason
export const ArrangementInput = z
  .object({
    source: z.string().max(200).optional(),
    holidays: z
      .array(z.object({ name: z.string().max(20), from: z.string().max(20), to: z.string().max(20), makeUpDays: z.array(z.string().max(20)).max(10) }))
      .max(30),
  })
  .meta({ id: 'CalendarArrangementInput' });
export const RecomputedRecord = z
  .object({
    kind: z.string().meta({ description: 'commissioning (5.1 deadline) or invoice (第四条 due date)' }),
    entityId: z.string(),
    number: z.string().meta({ description: 'the contract number (commissioning) or the invoice number (invoice)' }),
    label: z.string().meta({ description: 'in Chinese, as the audit has it' }),
    before: z.string(),
    after: z.string(),
  })
  .meta({ id: 'CalendarRecomputedRecord' });
export const YearSaved = z.object({ year: z.number(), view: YearView, recomputed: z.array(RecomputedRecord) }).meta({ id: 'CalendarYearSaved' });

/** A year's official State Council schedule as a JSON file (YearSchedule). */
export const YearScheduleBody = z.object({
  year: z.number().int(),
  holidays: z.array(z.object({ date: CalendarDate, name: z.string() })),
  workdays: z.array(z.object({ date: CalendarDate, name: z.string() })),
  source: z.string().optional(),
});
export const YearLoaded = z.object({ year: z.number() }).meta({ id: 'CalendarYearLoaded' });

export const DeadlineQuery = z.object({
  from: CalendarDate,
  workingDays: z.coerce.number().int().min(1).max(250).optional(),
  days: z.coerce.number().int().min(1).max(3650).optional(),
});
export const Deadline = z.object({ deadline: z.string(), provisional: z.boolean() }).meta({ id: 'CalendarDeadline' });
