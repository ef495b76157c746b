import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { JOBS } from '../../src/jobs/definitions.js';
import { startJobs } from '../../src/jobs/runner.js';
import { runCli } from '../harness/cli.js';
import { adminQuery, emptyPostgresDatabase } from '../harness/db.js';
import { TEST_DB } from '../harness/env.js';

/**
 * Issue 15 item 5b: on PostgreSQL the app runs as a role that owns no table. Migrations run as the
 * owner (MIGRATION_DATABASE_URL), which grants the app role what it needs (migration 0019) — on
 * audit_log only INSERT and SELECT — so the app role can neither switch off the append-only
 * trigger (only an owner may ALTER TABLE) nor delete audit rows.
 */
describe.runIf(TEST_DB === 'postgres')('the app role on PostgreSQL', () => {
  it('runs the app through a role that cannot disable the audit trigger nor delete audit rows', async () => {
    const owner = await emptyPostgresDatabase();
    const role = `rackpact_app_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE ROLE ${role} LOGIN`);
    const appUrl = new URL(owner.url);
    appUrl.username = role;
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'rackpact-role-')), MIGRATION_DATABASE_URL: owner.url, DATABASE_URL: appUrl.toString() };
    try {
      // the app alone cannot create the schema: it says which role must migrate
      const alone = await runCli(['migrate'], { DATA_DIR: env.DATA_DIR, DATABASE_URL: env.DATABASE_URL });
      expect(alone.code).toBe(1);
      expect(alone.err).toMatch(/permission denied|MIGRATION_DATABASE_URL/);

      const migrated = await runCli(['migrate'], env);
      expect(migrated.code, migrated.err).toBe(0);
      // the whole demo, written by the app role through every module
      const seeded = await runCli(['demo', 'seed'], env);
      expect(seeded.code, seeded.err).toBe(0);
      expect((await runCli(['audit', 'verify'], env)).code).toBe(0);

      const app = new pg.Client({ connectionString: env.DATABASE_URL });
      await app.connect();
      try {
        const [{ owner: tableOwner }] = (await app.query("SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_log'")).rows;
        expect(tableOwner).not.toBe(role);
        await expect(app.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update')).rejects.toThrow(/must be owner of table audit_log/);
        await expect(app.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/permission denied for table audit_log/);
        await expect(app.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied for table audit_log/);
        await expect(app.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/permission denied for table audit_log/);
        await expect(app.query('DROP TABLE audit_log')).rejects.toThrow(/must be owner/);
        await expect(app.query('DELETE FROM rackpact_migrations')).rejects.toThrow(/permission denied/);
        await expect(app.query("SELECT rackpact_grant_app_role('x')")).rejects.toThrow(/permission denied/);
        expect((await app.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBeGreaterThan(10);
      } finally {
        await app.end();
      }

      // the job queue, installed by the owner, runs under the app role
      const database = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 3 });
      let runs = 0;
      const handlers = Object.fromEntries(Object.values(JOBS).map((j) => [j.name, async () => 0]));
      const quiet = { info: () => undefined, error: () => undefined };
      const jobs = await startJobs(database, { ...handlers, [JOBS.purgeExpiredSessions.name]: async () => (runs += 1) }, quiet);
      try {
        await jobs.boss.send(JOBS.purgeExpiredSessions.name, {});
        for (let i = 0; i < 100 && runs === 0; i += 1) await new Promise((r) => setTimeout(r, 200));
        expect(runs).toBe(1);
      } finally {
        await jobs.stop();
        await database.close();
      }

      // backup and restore read and rebuild as the owner; the app role gets its grants back
      const file = join(env.DATA_DIR, 'backup.tar');
      const backedUp = await runCli(['backup', file], env);
      expect(backedUp.code, backedUp.err).toBe(0);
      const restored = await runCli(['restore', file], env);
      expect(restored.code, restored.err).toBe(0);
      const created = await runCli(['user', 'create', '--login', 'after-restore', '--kind', 'staff', '--roles', 'noc', '--password', 'Long-enough-pw-1'], env);
      expect(created.code, created.err).toBe(0);
      expect((await runCli(['audit', 'verify'], env)).code).toBe(0);
    } finally {
      await owner.drop();
      await adminQuery(`DROP ROLE IF EXISTS ${role}`);
    }
  }, 300_000);
});
