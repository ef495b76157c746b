import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
let [w, c] = [performance.now(), cpu()];
const lap = (n) => { const [w2, c2] = [performance.now(), cpu()]; console.log(n, Math.round(w2 - w), Math.round(c2 - c)); [w, c] = [w2, c2]; };
const { PGlite } = await import('@electric-sql/pglite');
const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
if (process.argv[2] === 'make') {
  const dir = mkdtempSync(join(tmpdir(), 'fs-tpl-'));
  const db = await PGlite.create(dir);
  lap('initdb');
  const blob = await db.dumpDataDir(process.env.COMP ?? 'gzip');
  writeFileSync('/tmp/first-start/cluster.tar.gz', Buffer.from(await blob.arrayBuffer()));
  lap('dump');
  await db.close();
} else {
  const dir = mkdtempSync(join(tmpdir(), 'fs-tpl-'));
  const blob = new Blob([readFileSync('/tmp/first-start/cluster.tar.gz')]);
  lap('read');
  const db = await PGlite.create(dir, { extensions: { btree_gist, pg_trgm }, loadDataDir: blob });
  lap('create from template');
  console.log(await db.query('select count(*) from pg_class'));
  await db.exec('create extension btree_gist; create extension pg_trgm');
  lap('ext');
  await db.close();
  const db2 = await PGlite.create(dir, { extensions: { btree_gist, pg_trgm } });
  lap('reopen');
  console.log((await db2.query('select 1 as x')).rows);
  await db2.close();
}
