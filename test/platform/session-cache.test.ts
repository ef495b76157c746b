import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import { SESSION } from '../../src/modules/auth/auth.service.js';
import { makeSessionCache, type ResolvedSession } from '../../src/modules/auth/session-cache.js';
import { makeTestApp, TEST_PASSWORD, type TestApp } from '../harness/app.js';
import { TEST_DB } from '../harness/env.js';
import { makeStaff } from '../harness/factories.js';

const resolved = (userId: string, sessionId = `s-${userId}`) => ({ user: { id: userId }, session: { id: sessionId } }) as unknown as ResolvedSession;

describe('the session cache on its own', () => {
  const listening = () => {
    const clock = manualClock('2026-03-02T02:00:00Z');
    const cache = makeSessionCache({ clock, maxEntries: 2, ttlSeconds: 30 });
    cache.listener.state(true);
    return { clock, cache };
  };

  it('answers nothing and keeps nothing while not listening', () => {
    const cache = makeSessionCache({ clock: manualClock('2026-03-02T02:00:00Z') });
    cache.put('a', resolved('u1'), cache.generation());
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size()).toBe(0);
  });

  it('keeps an entry for its time to live by the injected clock, no longer', () => {
    const { clock, cache } = listening();
    cache.put('a', resolved('u1'), cache.generation());
    clock.advance(29_999);
    expect(cache.get('a')?.user.id).toBe('u1');
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
    cache.put('b', resolved('u1'), cache.generation());
    clock.advance(-1); // a clock set back: not trusted
    expect(cache.get('b')).toBeUndefined();
  });

  it('is bounded: the oldest entry goes first', () => {
    const { cache } = listening();
    for (const id of ['a', 'b', 'c']) cache.put(id, resolved(id), cache.generation());
    expect(cache.size()).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('does not store an answer looked up before something was forgotten', () => {
    const { cache } = listening();
    const before = cache.generation();
    cache.forgetUser('u2');
    cache.put('a', resolved('u1'), before);
    expect(cache.get('a')).toBeUndefined();
  });

  it("forgets a user's sessions, or everything, when notified, and everything when the listening stops", () => {
    const { cache } = listening();
    cache.put('a', resolved('u1', 'a'), cache.generation());
    cache.put('b', resolved('u2', 'b'), cache.generation());
    cache.listener.notify('u1');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    cache.listener.notify('*');
    expect(cache.size()).toBe(0);
    cache.put('b', resolved('u2', 'b'), cache.generation());
    cache.listener.state(false);
    expect(cache.size()).toBe(0);
    cache.put('b', resolved('u2', 'b'), cache.generation());
    expect(cache.get('b')).toBeUndefined();
  });
});

describe('sessions answered from memory (medium)', () => {
  let t: TestApp;
  let other: { http: FastifyInstance; close(): Promise<void> };

  beforeAll(async () => {
    t = await makeTestApp();
    await makeStaff(t.services, 'admin1', ['admin']);
    other = await t.sibling();
  });
  afterAll(() => t.close());

  type Cookies = Record<string, string>;
  async function login(http: FastifyInstance, name: string, password = TEST_PASSWORD): Promise<Cookies> {
    const res = await http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: name, password } });
    expect(res.statusCode).toBe(200);
    return Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  }
  const me = async (http: FastifyInstance, cookies: Cookies) => (await http.inject({ method: 'GET', url: '/api/v1/auth/me', cookies })).statusCode;
  const post = (http: FastifyInstance, cookies: Cookies, url: string, payload: object = {}) =>
    http.inject({ method: 'POST', url, cookies, headers: { 'x-csrf-token': cookies.rp_csrf }, payload });
  /**
   * Another process hears of a change when PostgreSQL delivers the notification, a moment after
   * the commit; the embedded database delivers it before the statement returns.
   */
  async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<boolean> {
    const deadline = Date.now() + ms;
    for (;;) {
      if (await check()) return true;
      if (TEST_DB === 'pglite' || Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const refusedBy = (http: FastifyInstance, cookies: Cookies) => eventually(async () => (await me(http, cookies)) === 401);

  /** A user logged in, their session resolved (and so cached) by both apps. */
  async function warmSession(name: string): Promise<{ id: string; cookies: Cookies }> {
    const user = await makeStaff(t.services, name, ['noc']);
    const cookies = await login(t.http, name);
    expect(await me(t.http, cookies)).toBe(200);
    expect(await me(other.http, cookies)).toBe(200);
    return { id: user.id, cookies };
  }

  it('answers a session it resolved a moment ago from memory', async () => {
    t.services.sessionCache.forgetAll();
    const { cookies } = await warmSession('cached1');
    // (on PostgreSQL the login's own notification, a change to the user, may still come and empty it once)
    expect(await eventually(async () => (await me(t.http, cookies)) === 200 && t.services.sessionCache.size() > 0)).toBe(true);
  });

  it('refuses a logged-out session at once, and in the other app once notified', async () => {
    const { cookies } = await warmSession('leaving1');
    expect((await post(t.http, cookies, '/api/v1/auth/logout')).statusCode).toBe(204);
    expect(await me(t.http, cookies)).toBe(401);
    expect(await refusedBy(other.http, cookies)).toBe(true);
  });

  it("refuses a disabled user's session at once, and in the other app once notified", async () => {
    const admin = await login(t.http, 'admin1');
    const { id, cookies } = await warmSession('disabled1');
    expect((await post(t.http, admin, `/api/v1/users/${id}/disable`)).statusCode).toBe(200);
    expect(await me(t.http, cookies)).toBe(401);
    expect(await refusedBy(other.http, cookies)).toBe(true);
  });

  it('ends the other sessions of a user who changed their password, here at once and in the other app once notified', async () => {
    const { cookies: first } = await warmSession('changer1');
    const second = await login(t.http, 'changer1');
    expect(await me(t.http, second)).toBe(200);
    expect(await me(other.http, second)).toBe(200);
    const res = await post(t.http, first, '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another-password-1' });
    expect(res.statusCode).toBe(204);
    expect(await me(t.http, second)).toBe(401);
    expect(await refusedBy(other.http, second)).toBe(true);
    expect(await me(t.http, first)).toBe(200);
    expect(await me(other.http, first)).toBe(200);
  });

  it("refuses sessions after an admin's password reset", async () => {
    const admin = await login(t.http, 'admin1');
    const { id, cookies } = await warmSession('reset1');
    expect((await post(t.http, admin, `/api/v1/users/${id}/reset-password`)).statusCode).toBe(200);
    expect(await me(t.http, cookies)).toBe(401);
    expect(await refusedBy(other.http, cookies)).toBe(true);
  });

  it('hears of changes made straight in the database (psql, the CLI): a deleted session, a disabled user, changed roles', async () => {
    const deleted = await warmSession('psql1');
    await t.database.raw.exec(`DELETE FROM sessions WHERE user_id = '${deleted.id}'`);
    expect(await refusedBy(t.http, deleted.cookies)).toBe(true);
    expect(await refusedBy(other.http, deleted.cookies)).toBe(true);

    const disabled = await warmSession('psql2');
    await t.database.raw.exec(`UPDATE users SET disabled_at = now() WHERE id = '${disabled.id}'`);
    expect(await refusedBy(t.http, disabled.cookies)).toBe(true);
    expect(await refusedBy(other.http, disabled.cookies)).toBe(true);

    // a NOC user may create a site; once made an auditor, no longer
    const demoted = await warmSession('psql3');
    const site = (n: number) => post(other.http, demoted.cookies, '/api/v1/sites', { code: `PS-${n}`, name: 'site', address: 'addr', accessPoint: 'ap' });
    expect((await site(1)).statusCode).toBe(201);
    await t.database.raw.exec(`UPDATE users SET roles = '{auditor}' WHERE id = '${demoted.id}'`);
    let n = 2;
    expect(await eventually(async () => (await site((n += 1))).statusCode === 403)).toBe(true);
  });

  it('refuses a session past its absolute limit even when it was resolved moments before', async () => {
    const start = t.clock.now();
    try {
      const { cookies } = await warmSession('longlived1');
      // keep it alive (a request every few hours) up to ten seconds before its absolute end
      const end = start.getTime() + SESSION.absoluteDays * 24 * 3_600_000;
      for (let at = start.getTime() + 6 * 3_600_000; at < end - 10_000; at += 6 * 3_600_000) {
        t.clock.set(new Date(at));
        expect(await me(t.http, cookies)).toBe(200);
      }
      t.clock.set(new Date(end - 10_000));
      expect(await me(t.http, cookies)).toBe(200);
      expect(await me(t.http, cookies)).toBe(200); // from memory
      t.clock.set(new Date(end));
      expect(await me(t.http, cookies)).toBe(401);
    } finally {
      t.clock.set(start);
    }
  });

  it.runIf(TEST_DB === 'postgres')('stops answering from memory while its LISTEN connection is lost, and starts again once back', async () => {
    const { cookies } = await warmSession('lost1');
    const cache = t.services.sessionCache;
    expect(await eventually(async () => (await me(t.http, cookies)) === 200 && cache.size() > 0)).toBe(true);
    const killed = await t.database.raw.query<{ ok: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
    );
    expect(killed.length).toBeGreaterThanOrEqual(2); // both apps'
    // off: a resolved session is not kept
    expect(await eventually(async () => (await me(t.http, cookies)) === 200 && cache.size() === 0)).toBe(true);
    // back (the first retry comes after half a second)
    expect(await eventually(async () => (await me(t.http, cookies)) === 200 && cache.size() > 0)).toBe(true);
    // and hears again
    await t.database.raw.exec(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE login = 'lost1')`);
    expect(await refusedBy(t.http, cookies)).toBe(true);
  });
});
