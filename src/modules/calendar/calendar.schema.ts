import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A year's official State Council holiday schedule, loaded by an admin (for years past the package's data). */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  schedule: jsonb('schedule').notNull(),
  loadedBy: uuid('loaded_by'),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull(),
});
