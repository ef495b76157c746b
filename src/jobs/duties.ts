import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import type { Db } from '../db/client.js';
import { addDays, shanghaiDate, type CalendarDate } from '../rules/dates.js';
import { dailyDutyRuns } from './duties.schema.js';
import { JOBS, type JobDefinition } from './definitions.js';

/**
 * Whether a job's result says it did something (issue 23 §6: the console shows those, not the ~5 idle
 * runs a minute): a positive count, a non-empty list, `true`, or an object with any of these; an
 * `outcome` of unchanged/disabled/skipped is idle.
 */
export function didWork(result: unknown): boolean {
  if (result === true) return true;
  if (typeof result === 'number') return result > 0;
  if (Array.isArray(result)) return result.length > 0;
  if (result && typeof result === 'object') {
    const outcome = (result as { outcome?: unknown }).outcome;
    if (typeof outcome === 'string') return !['unchanged', 'disabled', 'skipped', 'none'].includes(outcome);
    return Object.values(result).some(didWork);
  }
  return false;
}

/** A job done once a day, from `at` (HH:MM in Beijing) on. */
export interface DailyDuty {
  name: string;
  at: string;
  run: () => Promise<unknown>;
}

/** What one pass did: the duties it ran, each for the day it was due. */
export interface DutyRun {
  duty: string;
  day: CalendarDate;
  result: unknown;
}

/** The daily jobs (those with `at`), in the order of their time of day, with their handlers. */
export function dailyDuties(handlers: Record<string, () => Promise<unknown>>): DailyDuty[] {
  return (Object.values(JOBS) as JobDefinition[])
    .filter((def): def is JobDefinition & { at: string } => def.at !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((def) => {
      const run = handlers[def.name];
      if (!run) throw new Error(`daily duty ${def.name} has no handler`);
      return { name: def.name, at: def.at, run };
    });
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** The minutes since midnight in Beijing at an instant. */
const beijingMinutes = (at: Date) => Math.floor(((at.getTime() + 8 * 3_600_000) % 86_400_000) / 60_000);

/** The last day whose occurrence of a duty is due at `now`: today once its time came, else yesterday. */
export function dueDay(duty: Pick<DailyDuty, 'at'>, now: Date): CalendarDate {
  const today = shanghaiDate(now);
  return beijingMinutes(now) >= minutesOf(duty.at) ? today : addDays(today, -1);
}

export interface DutyRunnerDeps {
  db: Db;
  clock: Clock;
  duties: DailyDuty[];
  log: { info(obj: object, msg: string): void; debug(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** A claim older than this whose process never finished it (it died) is taken over; default 30 minutes. */
  staleAfterMs?: number;
}

/**
 * Issue 23 §8: the daily duties follow the application clock, not the process's wall clock, and a
 * missed one is caught up at once. `runDue()` — at start, and every minute (the `daily-duties` job) —
 * runs every duty whose latest occurrence (its `at` on the clock's day, else the day before) is not
 * done, in the order of the day. A process claims (duty, day) by inserting its row in
 * `daily_duty_runs`, so among several processes one runs it; it is marked done when it returns, and a
 * failure releases the claim for the next pass. One run covers the days before it: each duty works
 * from "what was due up to now and not yet done" (the sweep sweeps every day since its last one, in
 * order, each with its own date), so a process down for a week renews, overdues and reminds as
 * those days would have.
 */
export function makeDutyRunner(deps: DutyRunnerDeps) {
  const { db, clock, log } = deps;
  const staleAfterMs = deps.staleAfterMs ?? 30 * 60_000;
  let chain: Promise<unknown> = Promise.resolve();

  async function claim(duty: string, day: CalendarDate): Promise<Date | null> {
    const now = clock.now();
    const inserted = await db.insert(dailyDutyRuns).values({ duty, day, claimedAt: now }).onConflictDoNothing().returning({ day: dailyDutyRuns.day });
    if (inserted.length === 1) return now;
    // claimed by a process that died before finishing: taken over
    const taken = await db
      .update(dailyDutyRuns)
      .set({ claimedAt: now })
      .where(and(eq(dailyDutyRuns.duty, duty), eq(dailyDutyRuns.day, day), isNull(dailyDutyRuns.doneAt), lt(dailyDutyRuns.claimedAt, new Date(now.getTime() - staleAfterMs))))
      .returning({ day: dailyDutyRuns.day });
    return taken.length === 1 ? now : null;
  }

  const mine = (duty: string, day: CalendarDate, claimedAt: Date) =>
    and(eq(dailyDutyRuns.duty, duty), eq(dailyDutyRuns.day, day), eq(dailyDutyRuns.claimedAt, claimedAt), isNull(dailyDutyRuns.doneAt));

  async function pass(): Promise<DutyRun[]> {
    const ran: DutyRun[] = [];
    for (const duty of deps.duties) {
      const day = dueDay(duty, clock.now());
      const claimedAt = await claim(duty.name, day);
      if (!claimedAt) continue;
      let result: unknown;
      try {
        result = await duty.run();
      } catch (err) {
        await db.delete(dailyDutyRuns).where(mine(duty.name, day, claimedAt));
        log.error({ err, duty: duty.name, day }, 'daily duty failed; the next pass tries again');
        continue;
      }
      await db.update(dailyDutyRuns).set({ doneAt: clock.now(), result: { value: result ?? null } }).where(mine(duty.name, day, claimedAt));
      if (didWork(result)) log.info({ duty: duty.name, day, result }, 'daily duty done');
      else log.debug({ duty: duty.name, day, result }, 'daily duty done');
      ran.push({ duty: duty.name, day, result });
    }
    return ran;
  }

  return {
    /** Runs what is due and not done; passes in one process follow each other. */
    runDue(): Promise<DutyRun[]> {
      const next = chain.then(pass);
      chain = next.catch(() => undefined);
      return next;
    },
    /** The days a duty was done for, newest first. */
    async doneDays(duty: string, limit = 10): Promise<string[]> {
      const rows = await db.select({ day: dailyDutyRuns.day, doneAt: dailyDutyRuns.doneAt }).from(dailyDutyRuns).where(eq(dailyDutyRuns.duty, duty));
      return rows.filter((r) => r.doneAt).map((r) => r.day).sort().reverse().slice(0, limit);
    },
  };
}

export type DutyRunner = ReturnType<typeof makeDutyRunner>;
