import { and, asc, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { apiTokens, sessions, users } from './auth.schema.js';
import {
  accountMailOutbox,
  customerAccountPolicies,
  customerInvitations,
  loginChallenges,
  recoveryCodes,
  userDevices,
  userTotp,
  webauthnCredentials,
} from './accounts.schema.js';

export type TotpRow = typeof userTotp.$inferSelect;
export type RecoveryCodeRow = typeof recoveryCodes.$inferSelect;
export type CredentialRow = typeof webauthnCredentials.$inferSelect;
export type ChallengeRow = typeof loginChallenges.$inferSelect;
export type InvitationRow = typeof customerInvitations.$inferSelect;
export type AccountMailRow = typeof accountMailOutbox.$inferSelect;
type SessionRow = typeof sessions.$inferSelect;
type UserRow = typeof users.$inferSelect;
type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Issue 24's tables (migration 0037) and the few reads of users, sessions and tokens they need. */
export function makeAccountsRepository(db: Db) {
  return {
    db,

    // ── sessions ──────────────────────────────────────────────────────────
    sessionsOfUser: (userId: string): Promise<SessionRow[]> =>
      db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastSeenAt)),
    async deleteSession(tx: Executor, userId: string, id: string): Promise<boolean> {
      const rows = await tx.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.id, id))).returning({ id: sessions.id });
      return rows.length > 0;
    },
    async clearEnrolmentDue(tx: Executor, userId: string): Promise<void> {
      await tx.update(sessions).set({ needsEnrolment: false }).where(eq(sessions.userId, userId));
    },

    // ── TOTP ──────────────────────────────────────────────────────────────
    totpOf: async (userId: string, tx: Executor = db): Promise<TotpRow | undefined> =>
      (await tx.select().from(userTotp).where(eq(userTotp.userId, userId)))[0],
    /** A new enrolment replaces an unconfirmed one; a confirmed one stays until reset. */
    async startTotp(tx: Executor, row: TotpRow): Promise<boolean> {
      const done = await tx
        .insert(userTotp)
        .values(row)
        .onConflictDoUpdate({ target: userTotp.userId, set: { secret: row.secret, createdAt: row.createdAt, lastStep: null }, where: isNull(userTotp.confirmedAt) })
        .returning({ userId: userTotp.userId });
      return done.length > 0;
    },
    /**
     * Accepts the code's time step once: a step at or before the last accepted one (the same code
     * again in its window, or an older one) changes nothing and answers false. One statement, so two
     * requests with the same code cannot both pass.
     */
    async consumeTotpStep(tx: Executor, userId: string, step: number, confirmAt?: Date): Promise<boolean> {
      const rows = await tx
        .update(userTotp)
        .set({ lastStep: step, ...(confirmAt ? { confirmedAt: confirmAt } : {}) })
        .where(
          and(
            eq(userTotp.userId, userId),
            confirmAt ? isNull(userTotp.confirmedAt) : sql`${userTotp.confirmedAt} IS NOT NULL`,
            or(isNull(userTotp.lastStep), sql`${userTotp.lastStep} < ${step}`),
          ),
        )
        .returning({ userId: userTotp.userId });
      return rows.length > 0;
    },
    async deleteFactors(tx: Executor, userId: string): Promise<void> {
      await tx.delete(userTotp).where(eq(userTotp.userId, userId));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      await tx.delete(webauthnCredentials).where(eq(webauthnCredentials.userId, userId));
    },

    // ── recovery codes ───────────────────────────────────────────────────
    async replaceRecoveryCodes(tx: Executor, userId: string, rows: RecoveryCodeRow[]): Promise<void> {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      await tx.insert(recoveryCodes).values(rows);
    },
    unusedRecoveryCodes: (userId: string, tx: Executor = db): Promise<RecoveryCodeRow[]> =>
      tx.select().from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))).orderBy(asc(recoveryCodes.createdAt)),
    async useRecoveryCode(tx: Executor, id: string, at: Date): Promise<boolean> {
      const rows = await tx.update(recoveryCodes).set({ usedAt: at }).where(and(eq(recoveryCodes.id, id), isNull(recoveryCodes.usedAt))).returning({ id: recoveryCodes.id });
      return rows.length > 0;
    },

    // ── passkeys ─────────────────────────────────────────────────────────
    credentialsOf: (userId: string, tx: Executor = db): Promise<CredentialRow[]> =>
      tx.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, userId)).orderBy(asc(webauthnCredentials.createdAt)),
    credentialById: async (id: string, tx: Executor = db): Promise<CredentialRow | undefined> =>
      (await tx.select().from(webauthnCredentials).where(eq(webauthnCredentials.id, id)))[0],
    async insertCredential(tx: Executor, row: CredentialRow): Promise<void> {
      await tx.insert(webauthnCredentials).values(row);
    },
    async useCredential(tx: Executor, id: string, counter: number, at: Date): Promise<void> {
      await tx.update(webauthnCredentials).set({ counter, lastUsedAt: at }).where(eq(webauthnCredentials.id, id));
    },
    async deleteCredential(tx: Executor, userId: string, id: string): Promise<boolean> {
      const rows = await tx
        .delete(webauthnCredentials)
        .where(and(eq(webauthnCredentials.userId, userId), eq(webauthnCredentials.id, id)))
        .returning({ id: webauthnCredentials.id });
      return rows.length > 0;
    },

    // ── login challenges ─────────────────────────────────────────────────
    async insertChallenge(tx: Executor, row: ChallengeRow): Promise<void> {
      await tx.insert(loginChallenges).values(row);
    },
    challenge: async (id: string, tx: Executor = db): Promise<ChallengeRow | undefined> =>
      (await tx.select().from(loginChallenges).where(eq(loginChallenges.id, id)))[0],
    /** Single use: the row is gone once taken. */
    async takeChallenge(tx: Executor, id: string): Promise<ChallengeRow | undefined> {
      const [row] = await tx.delete(loginChallenges).where(eq(loginChallenges.id, id)).returning();
      return row;
    },
    async purgeChallenges(now: Date): Promise<void> {
      await db.delete(loginChallenges).where(lte(loginChallenges.expiresAt, now));
    },

    // ── devices ──────────────────────────────────────────────────────────
    /** Records the device; true when this user had not signed in from it before. */
    async seeDevice(tx: Executor, userId: string, deviceHash: string, at: Date): Promise<boolean> {
      const inserted = await tx
        .insert(userDevices)
        .values({ userId, deviceHash, firstSeenAt: at, lastSeenAt: at })
        .onConflictDoNothing()
        .returning({ userId: userDevices.userId });
      if (inserted.length) return true;
      await tx.update(userDevices).set({ lastSeenAt: at }).where(and(eq(userDevices.userId, userId), eq(userDevices.deviceHash, deviceHash)));
      return false;
    },

    // ── the customer's policy ────────────────────────────────────────────
    requires2fa: async (customerId: string, tx: Executor = db): Promise<boolean> =>
      (await tx.select({ r: customerAccountPolicies.require2fa }).from(customerAccountPolicies).where(eq(customerAccountPolicies.customerId, customerId)))[0]?.r ?? false,
    async setPolicy(tx: Executor, row: typeof customerAccountPolicies.$inferSelect): Promise<void> {
      await tx
        .insert(customerAccountPolicies)
        .values(row)
        .onConflictDoUpdate({ target: customerAccountPolicies.customerId, set: { require2fa: row.require2fa, changedBy: row.changedBy, changedAt: row.changedAt } });
    },

    // ── a customer's users ───────────────────────────────────────────────
    /** Every user of the customer, locked until the transaction ends: role and status changes queue here. */
    lockCustomerUsers: (tx: Executor, customerId: string): Promise<UserRow[]> =>
      tx.select().from(users).where(eq(users.customerId, customerId)).orderBy(asc(users.login)).for('update'),
    customerUsers: (scope: Scope, customerId: string): Promise<UserRow[]> =>
      db
        .select()
        .from(users)
        .where(and(eq(users.customerId, customerId), tenantFilter(scope, users.customerId)))
        .orderBy(asc(users.login)),

    // ── invitations ──────────────────────────────────────────────────────
    async insertInvitation(tx: Executor, row: InvitationRow): Promise<void> {
      await tx.insert(customerInvitations).values(row);
    },
    invitations: (scope: Scope, customerId: string): Promise<InvitationRow[]> =>
      db
        .select()
        .from(customerInvitations)
        .where(and(eq(customerInvitations.customerId, customerId), tenantFilter(scope, customerInvitations.customerId)))
        .orderBy(desc(customerInvitations.createdAt)),
    invitation: async (scope: Scope, id: string, tx: Executor = db): Promise<InvitationRow | undefined> =>
      (await tx.select().from(customerInvitations).where(and(eq(customerInvitations.id, id), tenantFilter(scope, customerInvitations.customerId))))[0],
    /** The invitation a link names, locked: two acceptances of one link queue, the second finds it used. */
    invitationByHash: async (tokenHash: string, tx: Executor = db, lock = false): Promise<InvitationRow | undefined> => {
      const q = tx.select().from(customerInvitations).where(eq(customerInvitations.tokenHash, tokenHash));
      return (await (lock ? q.for('update') : q))[0];
    },
    async updateInvitation(tx: Executor, id: string, patch: Partial<InvitationRow>): Promise<InvitationRow> {
      const [row] = await tx.update(customerInvitations).set(patch).where(eq(customerInvitations.id, id)).returning();
      return row;
    },

    // ── customer tokens ──────────────────────────────────────────────────
    customerTokens: (customerId: string): Promise<ApiTokenRow[]> =>
      db.select().from(apiTokens).where(eq(apiTokens.customerId, customerId)).orderBy(desc(apiTokens.createdAt)),

    // ── account mail ─────────────────────────────────────────────────────
    async queueMail(tx: Executor, row: AccountMailRow): Promise<void> {
      await tx.insert(accountMailOutbox).values(row);
    },
    async claimDueMail(tx: Executor, now: Date, claimedUntil: Date): Promise<AccountMailRow | undefined> {
      const [due] = await tx
        .select({ id: accountMailOutbox.id })
        .from(accountMailOutbox)
        .where(and(eq(accountMailOutbox.status, 'pending'), lte(accountMailOutbox.nextAttemptAt, now), or(isNull(accountMailOutbox.claimedUntil), lte(accountMailOutbox.claimedUntil, now))))
        .orderBy(asc(accountMailOutbox.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return undefined;
      const [mail] = await tx
        .update(accountMailOutbox)
        .set({ claimedUntil, attempts: sql`${accountMailOutbox.attempts} + 1` })
        .where(eq(accountMailOutbox.id, due.id))
        .returning();
      return mail;
    },
    recordMailOutcome: (id: string, claimedUntil: Date, outcome: Partial<AccountMailRow>) =>
      db.update(accountMailOutbox).set(outcome).where(and(eq(accountMailOutbox.id, id), eq(accountMailOutbox.claimedUntil, claimedUntil))),
    mailsTo: (recipient: string): Promise<AccountMailRow[]> =>
      db.select().from(accountMailOutbox).where(eq(accountMailOutbox.recipient, recipient)).orderBy(asc(accountMailOutbox.createdAt)),
    openChallengesSince: (userId: string, since: Date) =>
      db.select().from(loginChallenges).where(and(eq(loginChallenges.userId, userId), gt(loginChallenges.createdAt, since))),
  };
}

export type AccountsRepository = ReturnType<typeof makeAccountsRepository>;
