import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { JOBS } from './definitions.js';

/**
 * pg-boss on either driver. With several app processes on one PostgreSQL each job still runs
 * once: pg-boss hands a job to one worker (SKIP LOCKED) and keeps one schedule per queue.
 */
function makeBoss(database: Database, options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  return new PgBoss({
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
  const boss = makeBoss(database, { supervise: false, schedule: false });
  await boss.start();
  try {
    for (const def of Object.values(JOBS)) await boss.createQueue(def.name);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

export async function startJobs(
  database: Database,
  handlers: Record<string, () => Promise<unknown>>,
  log: Pick<Logger, 'info' | 'error'>,
): Promise<{ stop(): Promise<void>; boss: PgBoss }> {
  const boss = makeBoss(database);
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const def of Object.values(JOBS)) {
    const handler = handlers[def.name];
    if (!handler) throw new Error(`job ${def.name} has no handler`);
    await boss.createQueue(def.name);
    await boss.work(def.name, async () => {
      const result = await handler();
      log.info({ job: def.name, result }, 'job done');
    });
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
  }
  return {
    boss,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
