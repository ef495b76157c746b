import { date, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** 0036: which daily duty was done for which day (issue 23 §8); a row without done_at is claimed and running. */
export const dailyDutyRuns = pgTable(
  'daily_duty_runs',
  {
    duty: text('duty').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    result: jsonb('result'),
  },
  (t) => [primaryKey({ columns: [t.duty, t.day] })],
);
