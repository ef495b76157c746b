import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { AnchorTaken, AuditPage, AuditQuery, ChainVerification } from './audit.dto.js';
import type { AuditService } from './audit.service.js';

/** Who an actor is by name (the users service's `contactOf`): the log shows people, not ids. */
type ActorNames = { contactOf(id: string): Promise<{ displayName: string } | null> };

export function auditRoutes(deps: { audit: AuditService; users: ActorNames }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Browse the audit log (customers see the audit of their own data)',
          querystring: AuditQuery,
          response: { 200: AuditPage },
        },
      },
      async (request) => {
        const { items, total } = await deps.audit.list(scopeOf(request), request.query);
        const ids = [...new Set(items.map((r) => r.actorId).filter((id): id is string => id !== null))];
        const names = new Map(await Promise.all(ids.map(async (id) => [id, (await deps.users.contactOf(id))?.displayName ?? null] as const)));
        return { items: items.map(({ prevHash: _p, hash: _h, ...row }) => ({ ...row, actorName: row.actorId ? (names.get(row.actorId) ?? null) : null })), total };
      },
    );
    app.get(
      '/audit/verify',
      {
        schema: {
          tags: ['audit'],
          summary: 'Verify the audit hash chain',
          response: { 200: ChainVerification },
        },
      },
      async (request) => deps.audit.verify(scopeOf(request)),
    );
    app.post(
      '/audit/anchors',
      {
        schema: {
          tags: ['audit'],
          summary: "Sign the chain's head into an anchor file now (admin; audited). The way to anchor while the server holds the embedded database, which the CLI cannot open then",
          response: { 200: AnchorTaken },
        },
      },
      async (request) => {
        const taken = await deps.audit.anchorOnRequest(scopeOf(request));
        return { written: taken?.written ?? false, anchor: taken ? { seq: taken.anchor.seq, at: taken.anchor.at, file: taken.file } : null };
      },
    );
  };
}
