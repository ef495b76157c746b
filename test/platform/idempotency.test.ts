/**
 * issue 23 §5: a POST sent again with its Idempotency-Key gets the first answer, not a second
 * record — the same
 * request twice at once included; another body with the key is refused. Across processes: test/platform/cluster.test.ts.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type ApiClient, type TestApp } from '../harness/app.js';
import { makeCustomer, makeCustomerUser } from '../harness/factories.js';

let t: TestApp;
let owner: ApiClient;
let other: ApiClient;

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-04-01T02:00:00Z' });
  const c = await makeCustomer(t.services, { name: '幂等客户' });
  await makeCustomerUser(t.services, 'i-owner', c.id);
  await makeCustomerUser(t.services, 'i-other', c.id);
  owner = await t.login('i-owner');
  other = await t.login('i-other');
});
afterAll(async () => t?.close());

const ticketsNamed = async (subject: string) => Number((await t.database.raw.query<{ n: string }>('SELECT count(*) AS n FROM tickets WHERE subject = $1', [subject]))[0]!.n);
const ticket = (subject: string) => ({ type: 'general', subject, description: '幂等' });

describe('Idempotency-Key', () => {
  it('answers a repeated POST with the stored answer and writes once', async () => {
    const first = await owner.post('/api/v1/tickets', ticket('一次'), { 'idempotency-key': 'key-once-0001' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await owner.post('/api/v1/tickets', ticket('一次'), { 'idempotency-key': 'key-once-0001' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await ticketsNamed('一次')).toBe(1);
  });

  it('writes once when the same request arrives twice at the same time', async () => {
    const [a, b] = await Promise.all([
      owner.post('/api/v1/tickets', ticket('并发'), { 'idempotency-key': 'key-concurrent-1' }),
      owner.post('/api/v1/tickets', ticket('并发'), { 'idempotency-key': 'key-concurrent-1' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await ticketsNamed('并发')).toBe(1);
  });

  it('refuses the key with another body; another user has keys of their own; no key writes each time', async () => {
    await owner.post('/api/v1/tickets', ticket('甲'), { 'idempotency-key': 'key-reused-0001' });
    const reused = await owner.post('/api/v1/tickets', ticket('乙'), { 'idempotency-key': 'key-reused-0001', 'accept-language': 'en' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await ticketsNamed('乙')).toBe(0);
    // the same key from another user is theirs
    expect((await other.post('/api/v1/tickets', ticket('甲'), { 'idempotency-key': 'key-reused-0001' })).headers['idempotent-replayed']).toBeUndefined();
    expect(await ticketsNamed('甲')).toBe(2);
    await owner.post('/api/v1/tickets', ticket('无键'));
    await owner.post('/api/v1/tickets', ticket('无键'));
    expect(await ticketsNamed('无键')).toBe(2);
    // a key that is not one
    expect((await owner.post('/api/v1/tickets', ticket('短'), { 'idempotency-key': 'short' })).statusCode).toBe(400);
  });

  it('stores a refusal too, and gives it again', async () => {
    const bad = await owner.post('/api/v1/tickets/00000000-0000-4000-8000-000000000000/replies', { body: 'x' }, { 'idempotency-key': 'key-refused-001' });
    const again = await owner.post('/api/v1/tickets/00000000-0000-4000-8000-000000000000/replies', { body: 'x' }, { 'idempotency-key': 'key-refused-001' });
    expect(again.statusCode).toBe(bad.statusCode);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('after the lease of a claim whose process died: runs it when nothing was written, never twice when it was', async () => {
    const [{ id: ownerId }] = await t.database.raw.query<{ id: string }>("SELECT id::text FROM users WHERE login = 'i-owner'");
    const claim = async (key: string, subject: string, wrote: boolean) => {
      const hash = createHash('sha256').update('POST').update('\0').update('/api/v1/tickets').update('\0').update(JSON.stringify(ticket(subject))).digest('hex');
      await t.database.raw.query(
        "INSERT INTO idempotency_keys (principal, key, route, request_hash, created_at, lease_until, write_committed) VALUES ($1, $2, 'POST /api/v1/tickets', $3, now(), now() - interval '1 second', $4)",
        [`user:${ownerId}`, key, hash, wrote],
      );
    };
    await claim('key-died-before-1', '未写', false);
    const ran = await owner.post('/api/v1/tickets', ticket('未写'), { 'idempotency-key': 'key-died-before-1' });
    expect(ran.statusCode).toBe(201);
    expect(await ticketsNamed('未写')).toBe(1);
    await claim('key-died-after-01', '已写', true);
    const refused = await owner.post('/api/v1/tickets', ticket('已写'), { 'idempotency-key': 'key-died-after-01' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IDEMPOTENCY_ALREADY_APPLIED');
    expect(await ticketsNamed('已写')).toBe(0);
  });

  it("marks the claim in the request's own transaction", async () => {
    const res = await owner.post('/api/v1/tickets', ticket('标记'), { 'idempotency-key': 'key-marked-00001' });
    expect(res.statusCode).toBe(201);
    const [row] = await t.database.raw.query<{ write_committed: boolean; status_code: number }>("SELECT write_committed, status_code FROM idempotency_keys WHERE key = 'key-marked-00001'");
    expect(row).toEqual({ write_committed: true, status_code: 201 });
  });
});
