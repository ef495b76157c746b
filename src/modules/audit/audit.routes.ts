import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { InstantOrDate, Page, Timestamp } from '../../http/dto.js';
import type { AuditService } from './audit.service.js';

const AuditEntry = z
  .object({
    id: z.uuid(),
    seq: z.number(),
    at: Timestamp,
    actorId: z.string().nullable(),
    actorLogin: z.string().nullable(),
    actorKind: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    customerId: z.string().nullable(),
    requestId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

const AuditQuery = z.object({
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  customerId: z.uuid().optional(),
  from: InstantOrDate.optional(),
  to: InstantOrDate.optional(),
  ...Page,
});

export function auditRoutes(deps: { audit: AuditService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Browse the audit log (customers see the audit of their own data)',
          querystring: AuditQuery,
          response: { 200: z.object({ items: z.array(AuditEntry), total: z.number() }) },
        },
      },
      async (request) => {
        const { items, total } = await deps.audit.list(scopeOf(request), request.query);
        return { items: items.map(({ prevHash: _p, hash: _h, ...row }) => row), total };
      },
    );
    app.get(
      '/audit/verify',
      {
        schema: {
          tags: ['audit'],
          summary: 'Verify the audit hash chain',
          response: {
            200: z.object({
              ok: z.boolean(),
              checked: z.number(),
              firstBrokenSeq: z.number().nullable(),
              anchors: z.number().describe('anchor files (outside the database) the chain was checked against'),
              problem: z
                .object({
                  kind: z.enum(['row-changed', 'anchor-mismatch', 'rows-missing', 'anchor-invalid']),
                  seq: z.number().nullable(),
                  fromSeq: z.number().nullable(),
                  anchorFile: z.string().nullable(),
                  anchorAt: z.string().nullable(),
                })
                .nullable(),
            }),
          },
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
          response: {
            200: z
              .object({
                written: z.boolean().describe('false: nothing new since the last anchor, which is returned'),
                anchor: z.object({ seq: z.number(), at: z.string(), file: z.string() }).nullable().describe('null: the chain is empty'),
              })
              .meta({ id: 'AuditAnchorTaken' }),
          },
        },
      },
      async (request) => {
        const taken = await deps.audit.anchorOnRequest(scopeOf(request));
        return { written: taken?.written ?? false, anchor: taken ? { seq: taken.anchor.seq, at: taken.anchor.at, file: taken.file } : null };
      },
    );
  };
}
