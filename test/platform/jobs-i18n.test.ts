import { describe, expect, it } from 'vitest';
import { catalogKeys, localeFrom } from '../../src/core/i18n/index.js';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { JOBS } from '../../src/jobs/definitions.js';
import { startJobs } from '../../src/jobs/runner.js';
import { emptyPostgresDatabase } from '../harness/db.js';
import { TEST_DB } from '../harness/env.js';
import { HTTP_STATUS } from '../../src/core/errors.js';

const quiet = { info: () => undefined, error: () => undefined };
/** Every job needs a handler; the tests count runs of one of them. */
const idle = () => Object.fromEntries(Object.values(JOBS).map((j) => [j.name, async () => 0]));

describe('i18n', () => {
  it('has every message in both languages', () => {
    expect(catalogKeys('en').sort()).toEqual(catalogKeys('zh-CN').sort());
  });

  it('has a message for every error code', () => {
    const keys = new Set(catalogKeys('zh-CN'));
    expect(Object.keys(HTTP_STATUS).filter((code) => !keys.has(code))).toEqual([]);
  });

  it.each([
    [undefined, 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr-FR', 'zh-CN'],
    ['en;q=0.3, zh-CN;q=0.8', 'zh-CN'],
  ])('Accept-Language %s → %s', (header, locale) => {
    expect(localeFrom(header)).toBe(locale);
  });
});

describe('jobs', () => {
  it('runs scheduled work on the embedded database', async () => {
    const db = await openDatabase({});
    await migrate(db);
    let runs = 0;
    const jobs = await startJobs(db, { ...idle(), [JOBS.purgeExpiredSessions.name]: async () => (runs += 1) }, quiet);
    try {
      await jobs.boss.send(JOBS.purgeExpiredSessions.name, {});
      for (let i = 0; i < 60 && runs === 0; i += 1) await new Promise((r) => setTimeout(r, 250));
      expect(runs).toBe(1);
    } finally {
      await jobs.stop();
      await db.close();
    }
  });

  it.runIf(TEST_DB === 'postgres')('runs a job once even with two app processes on one PostgreSQL', async () => {
    const empty = await emptyPostgresDatabase();
    const [a, b] = [await openDatabase({ databaseUrl: empty.url, poolSize: 4 }), await openDatabase({ databaseUrl: empty.url, poolSize: 4 })];
    await Promise.all([migrate(a), migrate(b)]);
    let runs = 0;
    const handlers = { ...idle(), [JOBS.purgeExpiredSessions.name]: async () => (runs += 1) };
    const [ja, jb] = [await startJobs(a, handlers, quiet), await startJobs(b, handlers, quiet)];
    try {
      for (let i = 0; i < 5; i += 1) await ja.boss.send(JOBS.purgeExpiredSessions.name, { i });
      for (let i = 0; i < 80 && runs < 5; i += 1) await new Promise((r) => setTimeout(r, 250));
      // give a duplicate delivery, if there were one, time to show up
      await new Promise((r) => setTimeout(r, 2500));
      expect(runs).toBe(5);
    } finally {
      await ja.stop();
      await jb.stop();
      await a.close();
      await b.close();
      await empty.drop();
    }
  });
});
