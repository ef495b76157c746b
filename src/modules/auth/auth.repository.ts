import { and, count, desc, eq, ilike, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customers } from '../customers/customers.schema.js';
import { apiTokens, loginFailures, sessions, users } from './auth.schema.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type LoginFailureRow = typeof loginFailures.$inferSelect;

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
          .select({ user: users, customerName: customers.name })
          .from(users)
          .leftJoin(customers, eq(customers.id, users.customerId))
          .where(where)
          .orderBy(users.kind, users.login)
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
        db.select({ total: count() }).from(users).where(where),
      ]);
      return { items, total };
    },

    async customerName(customerId: string): Promise<string | null> {
      const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
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

    // ── login failures (lockout) ─────────────────────────────────────────
    async getLoginFailure(loginKey: string): Promise<LoginFailureRow | undefined> {
      const [row] = await db.select().from(loginFailures).where(eq(loginFailures.loginKey, loginKey));
      return row;
    },

    async putLoginFailure(row: LoginFailureRow): Promise<void> {
      await db
        .insert(loginFailures)
        .values(row)
        .onConflictDoUpdate({
          target: loginFailures.loginKey,
          set: { failures: row.failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil },
        });
    },

    async clearLoginFailure(loginKey: string): Promise<void> {
      await db.delete(loginFailures).where(eq(loginFailures.loginKey, loginKey));
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
