import { and, count, desc, eq, ilike, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerNames } from '../customers/customers.read.js';
import { apiTokens, loginThrottle, sessions, users } from './auth.schema.js';
import { waitAfter, type ThrottlePolicy } from './throttle.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export interface UserFilter {
  q?: string;
  kind?: 'staff' | 'customer';
  customerId?: string;
  page: number;
  pageSize: number;
}

export function makeAuthRepository(db: Db) {
  return {
    db,

    // ── users ─────────────────────────────────────────────────────────────
    /** Login lookups happen before anyone is known, so they are not scoped. */
    async findUserByLogin(login: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.login, login));
      return row;
    },

    async findUserById(scope: Scope, id: string, tx: Executor = db): Promise<UserRow | undefined> {
      const [row] = await tx
        .select()
        .from(users)
        .where(and(eq(users.id, id), tenantFilter(scope, users.customerId)));
      return row;
    },

    async listUsers(scope: Scope, f: UserFilter) {
      const where = and(
        tenantFilter(scope, users.customerId),
        f.kind ? eq(users.kind, f.kind) : undefined,
        f.customerId ? eq(users.customerId, f.customerId) : undefined,
        f.q ? or(ilike(users.login, `%${f.q}%`), ilike(users.displayName, `%${f.q}%`)) : undefined,
      );
      const [items, [{ total }]] = await Promise.all([
        db
          .select({ user: users, customerName: customerNames.name })
          .from(users)
          .leftJoin(customerNames, eq(customerNames.id, users.customerId))
          .where(where)
          .orderBy(users.kind, users.login)
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
        db.select({ total: count() }).from(users).where(where),
      ]);
      return { items, total };
    },

    async customerName(customerId: string): Promise<string | null> {
      const [row] = await db.select({ name: customerNames.name }).from(customerNames).where(eq(customerNames.id, customerId));
      return row?.name ?? null;
    },

    async insertUser(tx: Executor, row: UserRow): Promise<void> {
      await tx.insert(users).values(row);
    },

    async updateUser(tx: Executor, id: string, patch: Partial<UserRow>): Promise<UserRow> {
      const [row] = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
      return row;
    },

    // ── sessions ──────────────────────────────────────────────────────────
    async insertSession(tx: Executor, row: SessionRow): Promise<void> {
      await tx.insert(sessions).values(row);
    },

    async findSession(id: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, id));
      return row;
    },

    async touchSession(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id));
    },

    async deleteSession(id: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.id, id));
    },

    async deleteSessionsOfUser(tx: Executor, userId: string, except?: string): Promise<void> {
      await tx.delete(sessions).where(and(eq(sessions.userId, userId), except ? ne(sessions.id, except) : undefined));
    },

    async purgeExpiredSessions(now: Date): Promise<number> {
      const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
      return rows.length;
    },

    // ── sign-in throttle ─────────────────────────────────────────────────
    /**
     * Reserves one attempt on a counter, in one statement: counts it as a failure and sets the wait
     * the next attempt owes — unless that wait has not passed, when nothing changes and the answer
     * is the instant it ends. Concurrent reservations queue on the row, so exactly as many pass as
     * the policy allows, in any number of processes. A success later hands the attempt back.
     * Only a counter past its free failures can make anyone wait, and never longer than the policy's
     * cap: a clock set back (a restarted demo, a corrected server clock) must not lock people out.
     */
    async reserveAttempt(tx: Executor, key: string, now: Date, p: ThrottlePolicy): Promise<{ ok: true } | { ok: false; nextAttemptAt: Date }> {
      const at = sql`${now.toISOString()}::timestamptz`;
      const forget = sql`${at} + make_interval(hours => ${p.forgetAfterHours})`;
      const failures = sql`(CASE WHEN t.expires_at <= ${at} THEN 1 ELSE t.failures + 1 END)`;
      // waitAfter(), in SQL: free failures wait nothing, then first * 2^(n - free) up to the cap
      const wait = sql`make_interval(secs => CASE WHEN ${failures} < ${p.free} THEN 0
        ELSE LEAST(${p.maxWaitSeconds}, ${p.firstWaitSeconds} * power(2, LEAST(${failures} - ${p.free}, 30))) END)`;
      // a counter still within its free failures owes no wait, whatever instant another process (or a
      // clock stepped back) wrote as next_attempt_at: only a wait the policy imposes refuses the attempt
      const result = await tx.execute(sql`
        INSERT INTO login_throttle AS t (key, failures, next_attempt_at, expires_at)
        VALUES (${key}, 1, ${at} + make_interval(secs => ${waitAfter(1, p)}), ${forget})
        ON CONFLICT (key) DO UPDATE SET failures = ${failures}, next_attempt_at = ${at} + ${wait}, expires_at = ${forget}
        WHERE t.failures < ${p.free} OR t.next_attempt_at <= ${at} OR t.expires_at <= ${at}
           OR t.next_attempt_at > ${at} + make_interval(secs => ${p.maxWaitSeconds})
        RETURNING failures`);
      if ((result as unknown as { rows: unknown[] }).rows.length) return { ok: true };
      const [row] = await tx.select({ nextAttemptAt: loginThrottle.nextAttemptAt }).from(loginThrottle).where(eq(loginThrottle.key, key));
      return { ok: false, nextAttemptAt: row.nextAttemptAt };
    },

    /** After a success: the pair starts afresh, the address gets its reserved attempt back. */
    async releaseAttempt(tx: Executor, keys: { address: string; pair: string }): Promise<void> {
      await tx
        .update(loginThrottle)
        .set({ failures: sql`GREATEST(${loginThrottle.failures} - 1, 0)` })
        .where(eq(loginThrottle.key, keys.address));
      await tx.delete(loginThrottle).where(eq(loginThrottle.key, keys.pair));
    },

    async purgeExpiredThrottle(now: Date): Promise<number> {
      const rows = await db.delete(loginThrottle).where(lte(loginThrottle.expiresAt, now)).returning({ key: loginThrottle.key });
      return rows.length;
    },

    // ── API tokens ────────────────────────────────────────────────────────
    async insertToken(tx: Executor, row: ApiTokenRow): Promise<void> {
      await tx.insert(apiTokens).values(row);
    },

    async listTokens(): Promise<ApiTokenRow[]> {
      return db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt));
    },

    async findTokenById(id: string, tx: Executor = db): Promise<ApiTokenRow | undefined> {
      const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id));
      return row;
    },

    async findActiveTokenByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
      return row;
    },

    async updateToken(tx: Executor, id: string, patch: Partial<ApiTokenRow>): Promise<ApiTokenRow> {
      const [row] = await tx.update(apiTokens).set(patch).where(eq(apiTokens.id, id)).returning();
      return row;
    },
  };
}

export type AuthRepository = ReturnType<typeof makeAuthRepository>;
