import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { CalendarDate } from '../../http/dto.js';
import { calendarDayPeriodEnd, parseDate, workingDayDeadline } from '../../rules/index.js';
import type { CalendarService } from './calendar.service.js';

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
    app.post(
      '/calendar/years',
      {
        schema: {
          tags: ['calendar'],
          summary: "Load a year's official State Council holiday schedule (admin)",
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
          summary: 'End of the Nth working day after a date (5.1), or of an N-calendar-day period (第四条)',
          querystring: z.object({ from: CalendarDate, workingDays: z.coerce.number().int().min(1).max(250).optional(), days: z.coerce.number().int().min(1).max(3650).optional() }),
          response: { 200: z.object({ deadline: z.string() }) },
        },
      },
      async (request) => {
        const calendar = await deps.calendar.current();
        const from = parseDate(request.query.from, 'from');
        const deadline = request.query.days
          ? calendarDayPeriodEnd(calendar, from, request.query.days)
          : workingDayDeadline(calendar, from, request.query.workingDays ?? 1);
        return { deadline };
      },
    );
  };
}
