import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireStaff, systemScope, type Scope } from '../../core/scope.js';
import { holdsTokenScope } from '../../core/token-scopes.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AccountsRepository } from './accounts.repository.js';
import type { ApiTokenRow, AuthRepository, UserRow } from './auth.repository.js';
import type { TOKEN_SCOPES } from './auth.schema.js';
import { sha256 } from './auth.service.js';

export const TOKEN_PREFIX = 'rpt_';
type TokenScope = (typeof TOKEN_SCOPES)[number];

export function publicToken(row: ApiTokenRow) {
  const { tokenHash: _hash, ...rest } = row;
  return rest;
}

export function makeTokensService(deps: {
  repo: AuthRepository;
  accounts: Pick<AccountsRepository, 'customerTokens'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;

  /** A token never holds a scope its maker does not (the scope matrix, src/core/token-scopes.ts). */
  function checkHeld(scope: Extract<Scope, { kind: 'staff' | 'customer' }>, scopes: TokenScope[]) {
    const missing = scopes.find((s) => !holdsTokenScope(scope, s));
    if (missing) throw new AppError('TOKEN_SCOPE_NOT_HELD', { scope: missing }, [{ path: 'scopes', key: 'TOKEN_SCOPE_NOT_HELD', params: { scope: missing } }]);
  }

  function checkExpiry(expiresAt: Date | null | undefined) {
    // a token that has already expired would be a secret that opens nothing
    if (expiresAt && expiresAt <= clock.now()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'expiresAt', key: 'field.mustBeFuture' }]);
  }

  function newRow(input: { name: string; scopes: TokenScope[]; expiresAt?: Date | null }, makerId: string, userId: string, customerId: string | null) {
    const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row: ApiTokenRow = {
      id: ids.uuid(),
      name: input.name.trim(),
      prefix: secret.slice(0, 10),
      tokenHash: sha256(secret),
      scopes: [...new Set(input.scopes)],
      createdBy: makerId,
      userId,
      createdAt: clock.now(),
      expiresAt: input.expiresAt ?? null,
      lastUsedAt: null,
      revokedAt: null,
      customerId,
      lastUsedIp: null,
    };
    return { secret, row };
  }

  async function insert(scope: Scope, row: ApiTokenRow, secret: string) {
    await repo.db.transaction(async (tx) => {
      await repo.insertToken(tx, row);
      await audit.record(tx, scope, { action: 'token.create', entity: 'api_token', entityId: row.id, customerId: row.customerId, after: publicToken(row) });
    });
    return { token: secret, item: publicToken(row) };
  }

  async function revoke(scope: Scope, row: ApiTokenRow): Promise<void> {
    if (row.revokedAt) return;
    await repo.db.transaction(async (tx) => {
      const after = await repo.updateToken(tx, row.id, { revokedAt: clock.now() });
      await audit.record(tx, scope, {
        action: 'token.revoke',
        entity: 'api_token',
        entityId: row.id,
        customerId: row.customerId,
        before: publicToken(row),
        after: publicToken(after),
      });
    });
  }

  return {
    async list(scope: Scope) {
      requireStaff(scope, 'admin');
      return (await repo.listTokens()).map(publicToken);
    },

    /**
     * The secret is returned once; only its sha256 is stored. A token reads as `userId` (default:
     * its maker) — an admin may issue a read-only token for a customer user's own integration.
     */
    async create(scope: Scope, input: { name: string; scopes: TokenScope[]; expiresAt?: Date | null; userId?: string | null }) {
      requirePermission(scope, 'token.manage');
      if (scope.kind !== 'staff') throw new AppError('FORBIDDEN'); // a token records the person who made it
      checkHeld(scope, input.scopes);
      const userId = input.userId ?? scope.userId;
      let customerId: string | null = null;
      if (userId !== scope.userId) {
        const user = await repo.findUserById(systemScope('tokens.create'), userId);
        if (!user || user.disabledAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'userId', key: 'token.userNotFound' }]);
        if (user.kind === 'customer' && input.scopes.some((s) => s !== 'read')) {
          throw new AppError('VALIDATION_FAILED', {}, [{ path: 'scopes', key: 'token.userScopesReadOnly' }]);
        }
        customerId = user.customerId;
      }
      checkExpiry(input.expiresAt);
      const { secret, row } = newRow(input, scope.userId, userId, customerId);
      return insert(scope, row, secret);
    },

    async revoke(scope: Scope, id: string): Promise<void> {
      requirePermission(scope, 'token.manage');
      const row = await repo.findTokenById(id);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'api_token' });
      await revoke(scope, row);
    },

    /** A customer's tokens: its owner's view (and staff's, read-only). */
    async listOfCustomer(scope: Scope, customerId: string) {
      if (scope.kind === 'customer') {
        if (scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
        requirePermission(scope, 'customerToken.manage');
      } else requireStaff(scope, 'auditor');
      return (await deps.accounts.customerTokens(customerId)).map(publicToken);
    },

    /**
     * A customer's owner makes a token for the company's automation (issue 24 §3): it acts as the
     * owner, within the company, with the scopes given — each one the owner holds, else 403 naming it.
     */
    async createForCustomer(scope: Scope, customerId: string, input: { name: string; scopes: TokenScope[]; expiresAt?: Date | null }) {
      if (scope.kind === 'customer' && scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
      requirePermission(scope, 'customerToken.manage');
      // a token acts as its maker, who must be a user of the company
      if (scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      checkHeld(scope, input.scopes);
      checkExpiry(input.expiresAt);
      const { secret, row } = newRow(input, scope.userId, scope.userId, customerId);
      return insert(scope, row, secret);
    },

    async revokeOfCustomer(scope: Scope, customerId: string, id: string): Promise<void> {
      if (scope.kind === 'customer' && scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
      requirePermission(scope, 'customerToken.manage');
      const row = await repo.findTokenById(id);
      if (!row || row.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'api_token' });
      await revoke(scope, row);
    },

    /**
     * Resolves a bearer secret to its token scope and the user it acts as (null when that user is
     * gone, or has left the token's company), or null when unknown, revoked or expired. Records when
     * and from where it was last used.
     */
    async authenticate(secret: string, requestId?: string, ip?: string): Promise<{ token: Extract<Scope, { kind: 'token' }>; user: UserRow | null } | null> {
      if (!secret.startsWith(TOKEN_PREFIX)) return null;
      const row = await repo.findActiveTokenByHash(sha256(secret));
      const now = clock.now();
      if (!row || (row.expiresAt && row.expiresAt <= now)) return null;
      await repo.db.transaction((tx) => repo.updateToken(tx, row.id, { lastUsedAt: now, lastUsedIp: ip ?? null }));
      const actsAsUser = row.scopes.some((s) => s !== 'metrics:read' && s !== 'alerts:write');
      let user = actsAsUser ? ((await repo.findUserById(systemScope('tokens.authenticate'), row.userId)) ?? null) : null;
      if (row.customerId && user?.customerId !== row.customerId) user = null;
      return { token: { kind: 'token', tokenId: row.id, name: row.name, scopes: row.scopes, requestId }, user };
    },
  };
}

export type TokensService = ReturnType<typeof makeTokensService>;
