import type PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';
import type { Clock } from '../core/clock.js';
import { JOBS, type JobDefinition } from './definitions.js';
import { dailyDuties, didWork, makeDutyRunner, type DutyRun, type DutyRunner } from './duties.js';

/**
 * pg-boss on either driver. With several app processes on one PostgreSQL each job still runs
 * once: pg-boss hands a job to one worker (SKIP LOCKED) and keeps one schedule per queue.
 * Loaded when the queue starts (after the server listens), not with the server (issue 23 §1).
 */
async function makeBoss(database: Database, options: Partial<PgBoss.ConstructorOptions> = {}): Promise<PgBoss> {
  const { default: PgBossClass } = await import('pg-boss');
  return new PgBossClass({
    db: {
      async executeSql(text: string, values?: unknown[]) {
        if (values && values.length > 0) return { rows: await database.raw.query(text, values) };
        // pg-boss sends multi-statement DDL without parameters
        if (database.pglite) {
          const results = await database.pglite.exec(text);
          return results.at(-1) ?? { rows: [] };
        }
        return { rows: await database.raw.query(text) };
      },
    },
    schema: 'pgboss',
    ...options,
  } as unknown as PgBoss.ConstructorOptions);
}

/**
 * Installs the queue schema and every job's queue without running anything: on PostgreSQL with
 * the role split the owner does this, because creating a queue creates tables the app role may not.
 */
export async function installJobQueues(database: Database): Promise<void> {
  const boss = await makeBoss(database, { supervise: false, schedule: false });
  await boss.start();
  try {
    for (const def of Object.values(JOBS)) await boss.createQueue(def.name);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** Where the job runner reports: a run that did something at info, an idle one at debug, a failure at error. */
export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  debug?(obj: object, msg: string): void;
}

export async function startJobs(
  database: Database,
  handlers: Record<string, () => Promise<unknown>>,
  log: JobLog,
): Promise<{ stop(): Promise<void>; boss: PgBoss }> {
  const boss = await makeBoss(database);
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const def of Object.values(JOBS) as JobDefinition[]) {
    const handler = handlers[def.name];
    if (!handler) throw new Error(`job ${def.name} has no handler`);
    await boss.createQueue(def.name);
    await boss.work(def.name, async () => {
      try {
        const result = await handler();
        if (didWork(result)) log.info({ job: def.name, result }, 'job done');
        else log.debug?.({ job: def.name, result }, 'job done');
      } catch (err) {
        log.error({ err, job: def.name }, 'job failed');
        throw err;
      }
    });
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
    // a daily duty runs through `daily-duties` on the application's clock; a schedule an earlier
    // version kept for it (on the wall clock) is dropped
    else await boss.unschedule(def.name);
  }
  return {
    boss,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

/**
 * What `serve` starts once it listens (issue 23 §1: none of it delays the first answer): the job
 * queue, and at once a pass of the daily duties on the application's clock (§8), so a start after a
 * missed midnight renews, ends and reminds without waiting for a schedule. `caughtUp` settles when that
 * first pass has run (a failure is logged, never thrown).
 */
export async function startBackground(
  ctx: { database: Database; clock: Clock },
  handlers: Record<string, () => Promise<unknown>>,
  log: JobLog & { debug(obj: object, msg: string): void },
): Promise<{ stop(): Promise<void>; boss: PgBoss; duties: DutyRunner; caughtUp: Promise<DutyRun[]> }> {
  const duties = makeDutyRunner({ db: ctx.database.db, clock: ctx.clock, duties: dailyDuties(handlers), log });
  const jobs = await startJobs(ctx.database, { ...handlers, [JOBS.dailyDuties.name]: () => duties.runDue() }, log);
  const caughtUp = duties.runDue().catch((err: unknown) => {
    log.error({ err }, 'daily duties at start failed; the per-minute pass tries again');
    return [];
  });
  return {
    ...jobs,
    duties,
    caughtUp,
    async stop() {
      await caughtUp;
      await jobs.stop();
    },
  };
}
