import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { calendarDayPeriodEndMarked, parseDate, workingDayDeadlineMarked } from '../../rules/index.js';
import type { CalendarService } from './calendar.service.js';
import {
  ArrangementInput,
  CalendarStatus,
  Coverage,
  Deadline,
  DeadlineQuery,
  YearLoaded,
  YearParams,
  YearSaved,
  YearScheduleBody,
  YearView,
} from './calendar.dto.js';

export function calendarRoutes(deps: { calendar: CalendarService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendar/coverage',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Years the working-day calendar covers',
          response: { 200: Coverage },
        },
      },
      async () => deps.calendar.coverage(),
    );
    app.get(
      '/calendar/status',
      { schema: { tags: ['calendar'], summary: 'Today (Asia/Shanghai), the official and provisional years, and whether the next-year banner is due (staff)', response: { 200: CalendarStatus } } },
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
          response: { 200: YearSaved },
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
          body: YearScheduleBody,
          response: { 201: YearLoaded },
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
          querystring: DeadlineQuery,
          response: { 200: Deadline },
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
