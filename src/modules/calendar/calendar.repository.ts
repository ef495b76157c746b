import { asc } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { calendarYears } from './calendar.schema.js';

export type CalendarYearRow = typeof calendarYears.$inferSelect;

export function makeCalendarRepository(db: Db) {
  return {
    db,
    async list(tx: Executor = db): Promise<CalendarYearRow[]> {
      return tx.select().from(calendarYears).orderBy(asc(calendarYears.year));
    },
    async upsert(tx: Executor, row: CalendarYearRow): Promise<void> {
      await tx
        .insert(calendarYears)
        .values(row)
        .onConflictDoUpdate({ target: calendarYears.year, set: { schedule: row.schedule, loadedBy: row.loadedBy, loadedAt: row.loadedAt } });
    },
  };
}

export type CalendarRepository = ReturnType<typeof makeCalendarRepository>;
