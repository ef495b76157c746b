import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
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
    expect(broken).toEqual({ ok: false, checked: 2, firstBrokenSeq: 3 });
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
  });
});
