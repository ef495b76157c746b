import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { ADMIN_URL, TEST_DB, databaseUrl } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates the schema once per run; every test file then starts from a copy: PGlite loads the
 * dumped data dir, PostgreSQL uses CREATE DATABASE … TEMPLATE.
 */
export async function setup(project: TestProject) {
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const pgliteTemplate = join(dir, `pglite-template-${process.pid}.tar.gz`);
  const template = await openDatabase({});
  await migrate(template);
  const dump = await template.pglite!.dumpDataDir('gzip');
  writeFileSync(pgliteTemplate, Buffer.from(await dump.arrayBuffer()));
  await template.close();
  project.provide('pgliteTemplate', pgliteTemplate);

  let postgresTemplate = '';
  if (TEST_DB === 'postgres') {
    postgresTemplate = `rackpact_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplate}`);
    await admin.query(`CREATE DATABASE ${postgresTemplate}`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: databaseUrl(postgresTemplate), poolSize: 1 });
    await migrate(db);
    await db.close();
  }
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    if (!postgresTemplate) return;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplate} WITH (FORCE)`);
    await admin.end();
  };
}
