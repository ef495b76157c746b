import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { CalendarDate } from '../../http/dto.js';
import { calendarDayPeriodEndMarked, parseDate, workingDayDeadlineMarked } from '../../rules/index.js';
import type { CalendarService } from './calendar.service.js';

const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const CalendarDay = z
  .object({ date: z.string(), kind: z.enum(['workday', 'weekend', 'holiday', 'makeup']), name: z.string().nullable() })
  .meta({ id: 'CalendarDay', description: 'holiday: a day off (放假, 补休); makeup: a 调休 Saturday or Sunday worked' });
const HolidayBlock = z
  .object({ name: z.string(), from: z.string(), to: z.string(), makeUpDays: z.array(z.string()) })
  .meta({ id: 'CalendarHolidayBlock', description: 'One holiday as the State Council notice states it: days off from–to and the 调休 working days' });
const DayDiff = z
  .object({ date: z.string(), official: z.enum(['off', 'work']), provisional: z.enum(['off', 'work']), name: z.string().nullable() })
  .meta({ id: 'CalendarDayDiff' });
const YearView = z
  .object({
    year: z.number(),
    origin: z.enum(['packaged', 'loaded', 'provisional']),
    provisional: z.boolean(),
    source: z.string().nullable(),
    loadedAt: z.string().nullable(),
    days: z.array(CalendarDay),
    arrangement: z.array(HolidayBlock),
    diff: z.array(DayDiff),
  })
  .meta({ id: 'CalendarYearView' });
const Status = z
  .object({
    today: z.string(),
    officialYears: z.array(z.number()),
    provisionalYears: z.array(z.number()),
    nextYear: z.number(),
    nextYearProvisional: z.boolean(),
    bannerDue: z.boolean(),
  })
  .meta({ id: 'CalendarStatus' });
// shapes only: dates, names and make-up days are checked by the rules, which name the field and the reason
const ArrangementInput = z
  .object({
    source: z.string().max(200).optional(),
    holidays: z
      .array(z.object({ name: z.string().max(20), from: z.string().max(20), to: z.string().max(20), makeUpDays: z.array(z.string().max(20)).max(10) }))
      .max(30),
  })
  .meta({ id: 'CalendarArrangementInput' });
const Recomputed = z
  .object({
    kind: z.string().meta({ description: 'commissioning (5.1 deadline) or invoice (第四条 due date)' }),
    entityId: z.string(),
    number: z.string().meta({ description: 'the contract number (commissioning) or the invoice number (invoice)' }),
    label: z.string().meta({ description: 'in Chinese, as the audit has it' }),
    before: z.string(),
    after: z.string(),
  })
  .meta({ id: 'CalendarRecomputedRecord' });

export function calendarRoutes(deps: { calendar: CalendarService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendar/coverage',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Years the working-day calendar covers',
          response: { 200: z.object({ years: z.array(z.number()), loaded: z.array(z.object({ year: z.number(), loadedAt: z.date().or(z.string()), source: z.string().nullable() })) }) },
        },
      },
      async () => deps.calendar.coverage(),
    );
    app.get(
      '/calendar/status',
      { schema: { tags: ['calendar'], summary: 'Today (Asia/Shanghai), the official and provisional years, and whether the next-year banner is due (staff)', response: { 200: Status } } },
      async (request) => deps.calendar.status(scopeOf(request)),
    );
    app.get(
      '/calendar/years/:year',
      { schema: { tags: ['calendar'], summary: 'A year day by day, its arrangement, and the official-vs-derived differences (staff)', params: YearParams, response: { 200: YearView } } },
      async (request) => deps.calendar.yearView(scopeOf(request), request.params.year),
    );
    app.post(
      '/calendar/years/:year/preview',
      { schema: { tags: ['calendar'], summary: 'The year as an arrangement would make it, nothing saved (admin)', params: YearParams, body: ArrangementInput, response: { 200: YearView } } },
      async (request) => deps.calendar.preview(scopeOf(request), request.params.year, request.body),
    );
    app.put(
      '/calendar/years/:year',
      {
        schema: {
          tags: ['calendar'],
          summary: "Save a year's official arrangement (admin); open records computed on the provisional year are recomputed",
          params: YearParams,
          body: ArrangementInput,
          response: { 200: z.object({ year: z.number(), view: YearView, recomputed: z.array(Recomputed) }).meta({ id: 'CalendarYearSaved' }) },
        },
      },
      async (request) => {
        const saved = await deps.calendar.saveYear(scopeOf(request), request.params.year, request.body);
        return { ...saved, recomputed: saved.recomputed.map(({ kind, entityId, number, label, before, after }) => ({ kind, entityId, number, label, before, after })) };
      },
    );
    app.post(
      '/calendar/years',
      {
        schema: {
          tags: ['calendar'],
          summary: "Load a year's official State Council holiday schedule as a JSON file (YearSchedule; admin)",
          body: z.object({
            year: z.number().int(),
            holidays: z.array(z.object({ date: CalendarDate, name: z.string() })),
            workdays: z.array(z.object({ date: CalendarDate, name: z.string() })),
            source: z.string().optional(),
          }),
          response: { 201: z.object({ year: z.number() }) },
        },
      },
      async (request, reply) => reply.status(201).send({ year: await deps.calendar.loadYear(scopeOf(request), request.body) }),
    );
    app.get(
      '/calendar/deadline',
      {
        schema: {
          tags: ['calendar'],
          summary: 'End of the Nth working day after a date (5.1), or of an N-calendar-day period (第四条); provisional when it rests on a year not yet published',
          querystring: z.object({ from: CalendarDate, workingDays: z.coerce.number().int().min(1).max(250).optional(), days: z.coerce.number().int().min(1).max(3650).optional() }),
          response: { 200: z.object({ deadline: z.string(), provisional: z.boolean() }) },
        },
      },
      async (request) => {
        const calendar = await deps.calendar.current();
        const from = parseDate(request.query.from, 'from');
        const marked = request.query.days ? calendarDayPeriodEndMarked(calendar, from, request.query.days) : workingDayDeadlineMarked(calendar, from, request.query.workingDays ?? 1);
        return { deadline: marked.date, provisional: marked.provisional };
      },
    );
  };
}
