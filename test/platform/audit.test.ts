import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/core/scope.js';
import { openDatabase } from '../../src/db/client.js';
import { GENESIS_HASH, chainHash } from '../../src/modules/audit/audit.chain.js';
import { auditLog } from '../../src/modules/audit/audit.schema.js';
import { makeTestApp, type TestApp } from '../harness/app.js';
import { runCli } from '../harness/cli.js';
import { emptyPostgresDatabase } from '../harness/db.js';
import { TEST_DB } from '../harness/env.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../harness/factories.js';

let t: TestApp;
let customerId: string;
let otherCustomerId: string;

beforeAll(async () => {
  t = await makeTestApp();
  await makeStaff(t.services, 'aud-admin', ['admin']);
  await makeStaff(t.services, 'aud-auditor', ['auditor']);
  await makeStaff(t.services, 'aud-sales', ['sales']);
  customerId = (await makeCustomer(t.services, { name: '审计甲' })).id;
  otherCustomerId = (await makeCustomer(t.services, { name: '审计乙' })).id;
  await makeCustomerUser(t.services, 'aud-cust', customerId);
  await makeCustomerUser(t.services, 'aud-other', otherCustomerId);
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records changes with actor, request id and before/after, never a password hash', async () => {
    const admin = await t.login('aud-admin');
    const created = await admin.post('/api/v1/users', { login: 'newbie', displayName: 'N', kind: 'staff', roles: ['noc'], password: 'long-enough-pw' });
    const { items } = (await admin.get('/api/v1/audit?action=user.create&entityId=' + created.json().id)).json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actorLogin: 'aud-admin', actorKind: 'staff', entity: 'user', requestId: created.headers['x-request-id'] });
    expect(items[0].after.login).toBe('newbie');
    expect(JSON.stringify(items[0])).not.toMatch(/argon2|passwordHash/);
  });

  it("records a staff member's read of customer data, visible to that customer and not to others", async () => {
    const sales = await t.login('aud-sales');
    expect((await sales.get(`/api/v1/customers/${customerId}`)).statusCode).toBe(200);
    const cust = await t.login('aud-cust');
    const own = (await cust.get('/api/v1/audit?action=read')).json();
    expect(own.items.some((r: { actorLogin: string; entityId: string }) => r.actorLogin === 'aud-sales' && r.entityId === customerId)).toBe(true);
    const all = (await cust.get('/api/v1/audit?pageSize=200')).json();
    expect(all.items.every((r: { customerId: string }) => r.customerId === customerId)).toBe(true);
    const other = (await (await t.login('aud-other')).get('/api/v1/audit?action=read')).json();
    expect(other.items).toEqual([]);
  });

  it('lets auditors browse but not change anything; sales cannot browse', async () => {
    const auditor = await t.login('aud-auditor');
    expect((await auditor.get('/api/v1/audit')).statusCode).toBe(200);
    expect((await auditor.post('/api/v1/users', { login: 'x-aud', displayName: 'x', kind: 'staff', roles: ['noc'], password: 'long-enough-pw' })).statusCode).toBe(403);
    expect((await (await t.login('aud-sales')).get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('is append-only: an UPDATE through SQL is refused by the database', async () => {
    await expect(t.database.raw.exec("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.database.raw.exec('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('verifies the hash chain and finds a row changed behind its back', async () => {
    const admin = await t.login('aud-admin');
    const ok = (await admin.get('/api/v1/audit/verify')).json();
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(5);
    // someone with superuser rights disables the guard and edits history
    await t.database.raw.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET after = '{"login":"forged"}' WHERE seq = 3;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    const broken = (await admin.get('/api/v1/audit/verify')).json();
    expect(broken).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 3, problem: { kind: 'row-changed', seq: 3 } });
  });
});

describe('POST /api/v1/audit/anchors (an anchor on demand, while the server holds the embedded database)', () => {
  it('lets an admin sign the head now, audited; auditors, other staff and customers cannot; verify then counts the anchor', async () => {
    const app = await makeTestApp();
    try {
      await makeStaff(app.services, 'anc-admin', ['admin']);
      await makeStaff(app.services, 'anc-auditor', ['auditor']);
      await makeStaff(app.services, 'anc-noc', ['noc']);
      await makeCustomerUser(app.services, 'anc-cust', (await makeCustomer(app.services, { name: '锚点客户' })).id);
      for (const login of ['anc-auditor', 'anc-noc', 'anc-cust']) expect((await (await app.login(login)).post('/api/v1/audit/anchors', {})).statusCode, login).toBe(403);
      const anchorFiles = () => (existsSync(join(app.dataDir, 'audit-anchors')) ? readdirSync(join(app.dataDir, 'audit-anchors')).filter((f) => f.endsWith('.json')) : []);
      expect(anchorFiles()).toEqual([]);

      const admin = await app.login('anc-admin');
      const head = (await app.services.audit.list(systemScope('test'), { page: 1, pageSize: 1 })).items[0].seq;
      const res = await admin.post('/api/v1/audit/anchors', {});
      expect(res.statusCode).toBe(200);
      const taken = res.json();
      expect(taken).toMatchObject({ written: true, anchor: { seq: head, at: app.clock.now().toISOString() } });
      expect(anchorFiles()).toHaveLength(1);
      expect(JSON.parse(readFileSync(taken.anchor.file, 'utf8'))).toMatchObject({ seq: head });
      // audited after the file: the row names the anchor and is the next seq, for the next anchor to cover
      const row = (await app.services.audit.list(systemScope('test'), { action: 'audit.anchor', page: 1, pageSize: 5 })).items;
      expect(row).toHaveLength(1);
      expect(row[0]).toMatchObject({ seq: head + 1, actorLogin: 'anc-admin', entityId: String(head), after: { seq: head, file: taken.anchor.file } });
      expect((await admin.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: true, anchors: 1, problem: null });
      // the next one covers that audit row
      expect((await admin.post('/api/v1/audit/anchors', {})).json()).toMatchObject({ written: true, anchor: { seq: head + 1 } });
    } finally {
      await app.close();
    }
  });
});

describe('rackpact audit verify (CLI)', () => {
  it('exits 0 on an intact chain and non-zero naming the first broken link', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rackpact-cli-'));
    const pgDb = TEST_DB === 'postgres' ? await emptyPostgresDatabase() : undefined;
    const env = { DATA_DIR: dataDir, DATABASE_URL: pgDb?.url };
    try {
      expect((await runCli(['demo', 'seed'], env)).code).toBe(0);
      const intact = await runCli(['audit', 'verify'], env);
      expect(intact).toMatchObject({ code: 0 });
      expect(intact.out).toMatch(/audit chain intact: \d+ rows/);
      const db = await openDatabase({ databaseUrl: pgDb?.url, dataDir: join(dataDir, 'pglite') });
      await db.raw.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
        UPDATE audit_log SET actor_login = 'mallory' WHERE seq = 4;
        ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
      await db.close();
      const broken = await runCli(['audit', 'verify'], env);
      expect(broken.code).toBe(1);
      expect(broken.err).toMatch(/broken at seq 4/);
    } finally {
      await pgDb?.drop();
    }
  }, 300_000); // three CLI processes, one a full demo seed
});

describe('audit anchors (issue 15: truncation and a re-hashed forgery)', () => {
  const system = systemScope('test');
  const withoutGuard = (sqlText: string) =>
    `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update; ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate;
     ${sqlText}
     ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update; ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate;`;

  /** What someone with the database's rights can do: change a row and re-hash everything after it. */
  async function rewriteAndRehash(app: TestApp, seq: number, after: unknown): Promise<void> {
    const rows = await app.database.db.select().from(auditLog).orderBy(asc(auditLog.seq));
    let prev = rows[seq - 2]?.hash ?? GENESIS_HASH;
    const updates: string[] = [];
    for (const row of rows.slice(seq - 1)) {
      const { hash: _h, prevHash: _p, ...content } = row;
      const changed = row.seq === seq ? { ...content, after } : content;
      const hash = chainHash(prev, changed);
      updates.push(`UPDATE audit_log SET prev_hash = '${prev}', hash = '${hash}'${row.seq === seq ? `, after = '${JSON.stringify(after)}'::jsonb` : ''} WHERE seq = ${row.seq};`);
      prev = hash;
    }
    await app.database.raw.exec(withoutGuard(updates.join('\n')));
  }

  it('finds deleted last rows and a re-hashed rewrite that the chain alone calls intact, and a tampered anchor file', async () => {
    const app = await makeTestApp();
    try {
      expect(await app.services.audit.anchor(system)).toBeNull(); // an empty chain has nothing to anchor
      for (let i = 0; i < 4; i += 1) await makeStaff(app.services, `anc-${i}`, ['noc']);
      const first = (await app.services.audit.anchor(system))!;
      expect(first.written).toBe(true);
      const anchorSeq = first.anchor.seq;
      expect(anchorSeq).toBe(4); // one row per staff member made
      expect(JSON.parse(readFileSync(first.file, 'utf8'))).toMatchObject({ seq: anchorSeq, hash: first.anchor.hash });
      expect(statSync(join(app.dataDir, 'audit-anchor-key.pem')).mode & 0o777).toBe(0o600);
      // nothing new: no second file
      expect((await app.services.audit.anchor(system))!.written).toBe(false);
      await makeStaff(app.services, 'anc-later', ['noc']);
      expect(await app.services.audit.verify(system)).toMatchObject({ ok: true, anchors: 1, problem: null });

      // truncation: the last rows, the anchored one among them, deleted
      const saved = await app.database.db.select().from(auditLog).where(gte(auditLog.seq, anchorSeq - 1));
      await app.database.raw.exec(withoutGuard(`DELETE FROM audit_log WHERE seq >= ${anchorSeq - 1};`));
      const truncated = await app.services.audit.verify(system);
      expect(truncated).toMatchObject({ ok: false, firstBrokenSeq: anchorSeq - 1, checked: anchorSeq - 2 });
      expect(truncated.problem).toMatchObject({ kind: 'rows-missing', seq: anchorSeq, fromSeq: anchorSeq - 1, anchorFile: first.file });
      await app.database.db.insert(auditLog).values(saved);
      expect((await app.services.audit.verify(system)).ok).toBe(true);

      // a rewrite of row 3 with every later hash recomputed: the chain holds, the anchor does not
      await rewriteAndRehash(app, 3, { login: 'forged' });
      const forged = await app.services.audit.verify(system);
      expect(forged).toMatchObject({ ok: false, firstBrokenSeq: 1 });
      expect(forged.problem).toMatchObject({ kind: 'anchor-mismatch', seq: anchorSeq, fromSeq: 1 });

      // someone rewriting the anchor file to match the forgery has no key: the signature fails
      const rows = await app.database.db.select().from(auditLog).where(gte(auditLog.seq, anchorSeq)).orderBy(asc(auditLog.seq)).limit(1);
      chmodSync(first.file, 0o644);
      writeFileSync(first.file, JSON.stringify({ ...first.anchor, hash: rows[0].hash }));
      const tampered = await app.services.audit.verify(system);
      expect(tampered).toMatchObject({ ok: false });
      expect(tampered.problem).toMatchObject({ kind: 'anchor-invalid', anchorFile: first.file });
    } finally {
      await app.close();
    }
  });

  it('signs with AUDIT_ANCHOR_KEY when given, and the CLI anchors, verifies and exits 1 after truncation', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rackpact-anchor-'));
    const pgDb = TEST_DB === 'postgres' ? await emptyPostgresDatabase() : undefined;
    const { privateKey } = generateKeyPairSync('ed25519');
    const key = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const env = { DATA_DIR: dataDir, DATABASE_URL: pgDb?.url, AUDIT_ANCHOR_KEY: key };
    try {
      expect((await runCli(['user', 'create', '--login', 'anc-a', '--kind', 'staff', '--roles', 'noc', '--password', 'Long-enough-pw-1'], env)).code).toBe(0);
      expect((await runCli(['user', 'create', '--login', 'anc-b', '--kind', 'staff', '--roles', 'noc', '--password', 'Long-enough-pw-1'], env)).code).toBe(0);
      const anchored = await runCli(['audit', 'anchor'], env);
      expect(anchored.code).toBe(0);
      expect(anchored.out).toMatch(/anchor written at seq 2/);
      expect(existsSync(join(dataDir, 'audit-anchor-key.pem'))).toBe(false); // the environment's key, no key file
      expect((await runCli(['audit', 'verify'], env)).out).toMatch(/intact: 2 rows, checked against 1 anchors/);
      const db = await openDatabase({ databaseUrl: pgDb?.url, dataDir: join(dataDir, 'pglite') });
      await db.raw.exec(withoutGuard('DELETE FROM audit_log WHERE seq = 2;'));
      await db.close();
      const broken = await runCli(['audit', 'verify'], env);
      expect(broken.code).toBe(1);
      expect(broken.err).toMatch(/audit rows missing from seq 2: the anchor of .* names seq 2/);
      // the same anchors with another key do not verify
      const otherKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      const wrongKey = await runCli(['audit', 'verify'], { ...env, AUDIT_ANCHOR_KEY: otherKey });
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.err).toMatch(/is not genuine/);
    } finally {
      await pgDb?.drop();
    }
  }, 300_000); // several CLI processes, each opening and migrating
});
