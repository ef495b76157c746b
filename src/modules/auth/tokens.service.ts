import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireStaff, systemScope, type Scope } from '../../core/scope.js';
import type { AuditService } from '../audit/audit.service.js';
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
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;
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
      const userId = input.userId ?? scope.userId;
      if (userId !== scope.userId) {
        const user = await repo.findUserById(systemScope('tokens.create'), userId);
        if (!user || user.disabledAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'userId', key: 'token.userNotFound' }]);
        if (user.kind === 'customer' && input.scopes.some((s) => s !== 'read')) {
          throw new AppError('VALIDATION_FAILED', {}, [{ path: 'scopes', key: 'token.userScopesReadOnly' }]);
        }
      }
      // a token that has already expired would be a secret that opens nothing
      if (input.expiresAt && input.expiresAt <= clock.now()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'expiresAt', key: 'field.mustBeFuture' }]);
      const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const row: ApiTokenRow = {
        id: ids.uuid(),
        name: input.name.trim(),
        prefix: secret.slice(0, 10),
        tokenHash: sha256(secret),
        scopes: [...new Set(input.scopes)],
        createdBy: scope.userId,
        userId,
        createdAt: clock.now(),
        expiresAt: input.expiresAt ?? null,
        lastUsedAt: null,
        revokedAt: null,
      };
      await repo.db.transaction(async (tx) => {
        await repo.insertToken(tx, row);
        await audit.record(tx, scope, { action: 'token.create', entity: 'api_token', entityId: row.id, after: publicToken(row) });
      });
      return { token: secret, item: publicToken(row) };
    },

    async revoke(scope: Scope, id: string): Promise<void> {
      requirePermission(scope, 'token.manage');
      const row = await repo.findTokenById(id);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'api_token' });
      if (row.revokedAt) return;
      await repo.db.transaction(async (tx) => {
        const after = await repo.updateToken(tx, id, { revokedAt: clock.now() });
        await audit.record(tx, scope, {
          action: 'token.revoke',
          entity: 'api_token',
          entityId: id,
          before: publicToken(row),
          after: publicToken(after),
        });
      });
    },

    /**
     * Resolves a bearer secret to its token scope and the user it reads as (null when that user is
     * gone), or null when unknown, revoked or expired.
     */
    async authenticate(secret: string, requestId?: string): Promise<{ token: Extract<Scope, { kind: 'token' }>; user: UserRow | null } | null> {
      if (!secret.startsWith(TOKEN_PREFIX)) return null;
      const row = await repo.findActiveTokenByHash(sha256(secret));
      const now = clock.now();
      if (!row || (row.expiresAt && row.expiresAt <= now)) return null;
      await repo.db.transaction((tx) => repo.updateToken(tx, row.id, { lastUsedAt: now }));
      const user = row.scopes.includes('read') ? ((await repo.findUserById(systemScope('tokens.authenticate'), row.userId)) ?? null) : null;
      return { token: { kind: 'token', tokenId: row.id, name: row.name, scopes: row.scopes, requestId }, user };
    },
  };
}

export type TokensService = ReturnType<typeof makeTokensService>;
