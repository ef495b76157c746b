import type { Clock } from '../../core/clock.js';
import type { Executor } from '../../db/client.js';
import { requireStaff, type Scope } from '../../core/scope.js';
import { makeCalendar, parseYearSchedule, type Calendar, type YearSchedule } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CalendarRepository } from './calendar.repository.js';

/**
 * The working-day calendar the services use: the packaged State Council schedules plus the years
 * an admin loaded from the official notice. Rebuilt when a year is loaded; in another process the
 * cache expires within a minute.
 */
export function makeCalendarService(deps: { repo: CalendarRepository; audit: Pick<AuditService, 'record'>; clock: Clock }) {
  const { repo, audit, clock } = deps;
  const TTL_MS = 60_000;
  let cached: { calendar: Calendar; at: number } | undefined;

  /** Pass the transaction when calling from inside one (the embedded database has one connection). */
  async function current(tx?: Executor): Promise<Calendar> {
    const now = clock.now().getTime();
    if (!cached || now - cached.at > TTL_MS || now < cached.at) {
      const years = (await repo.list(tx)).map((r) => r.schedule as YearSchedule);
      cached = { calendar: makeCalendar(years), at: now };
    }
    return cached.calendar;
  }

  return {
    current,

    async coverage() {
      const loaded = (await repo.list()).map((r) => ({ year: r.year, loadedAt: r.loadedAt, source: (r.schedule as YearSchedule).source ?? null }));
      return { years: (await current()).coveredYears(), loaded };
    },

    /** Loads (or replaces) a year's official schedule; the file is validated before anything is stored. */
    async loadYear(scope: Scope, json: unknown): Promise<number> {
      requireStaff(scope, 'admin');
      const schedule = parseYearSchedule(json);
      await repo.db.transaction(async (tx) => {
        await repo.upsert(tx, {
          year: schedule.year,
          schedule,
          loadedBy: scope.kind === 'staff' ? scope.userId : null,
          loadedAt: clock.now(),
        });
        await audit.record(tx, scope, { action: 'calendar.loadYear', entity: 'calendar_year', entityId: String(schedule.year), after: schedule });
      });
      cached = undefined;
      return schedule.year;
    },
  };
}

export type CalendarService = ReturnType<typeof makeCalendarService>;
