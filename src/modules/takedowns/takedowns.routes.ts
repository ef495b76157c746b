import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DOCUMENT_TYPES } from '../../files/sniff.js';
import { scopeOf } from '../../http/auth.js';
import { contentDisposition } from '../../http/download.js';
import { FileBody } from '../../http/dto.js';
import { readUpload, UPLOAD_MAX_BYTES } from '../../http/upload.js';
import { IdParams, LiftBody, Takedown, TakedownBody, TakedownList, TakedownQuery } from './takedowns.dto.js';
import type { TakedownsService } from './takedowns.service.js';

const tags = ['takedowns'];

/** 违法违规网站处置 (issue 22 §4): register, execute in one step with its proof, lift; the scan and the sealed receipt. */
export function takedownsRoutes(deps: { takedowns: TakedownsService }): FastifyPluginAsyncZod {
  const { takedowns } = deps;
  return async (app) => {
    app.get('/takedowns', { schema: { tags, summary: 'Takedown orders (compliance, auditor)', querystring: TakedownQuery, response: { 200: TakedownList } } }, async (request) => ({
      items: await takedowns.list(scopeOf(request), { customerId: request.query.customerId, status: request.query.status ? [request.query.status] : undefined }),
    }));
    app.post('/takedowns', { schema: { tags, summary: "Register an authority's takedown order (the targets must be one customer's)", body: TakedownBody, response: { 201: Takedown } } }, async (request, reply) =>
      reply.status(201).send(await takedowns.register(scopeOf(request), request.body)),
    );
    app.get('/takedowns/:id', { schema: { tags, summary: 'One order with its targets and proof', params: IdParams, response: { 200: Takedown } } }, async (request) => takedowns.get(scopeOf(request), request.params.id));
    app.post(
      '/takedowns/:id/scan',
      { schema: { tags, summary: "File the authority's document (multipart: file — PDF, JPEG or PNG)", params: IdParams, consumes: ['multipart/form-data'], response: { 200: Takedown } } },
      async (request) => takedowns.attachScan(scopeOf(request), request.params.id, await readUpload(request, UPLOAD_MAX_BYTES)),
    );
    app.post(
      '/takedowns/:id/execute',
      { schema: { tags, summary: 'Execute: suspend, block at the gate and apply, probe the blocked names (HTTP 451 / TLS refused), notify the customer (第九条), seal the receipt', params: IdParams, response: { 200: Takedown } } },
      async (request) => takedowns.execute(scopeOf(request), request.params.id),
    );
    app.post('/takedowns/:id/lift', { schema: { tags, summary: 'Lift the order (withdrawn by the authority); its block leaves the gate at the next apply', params: IdParams, body: LiftBody, response: { 200: Takedown } } }, async (request) =>
      takedowns.lift(scopeOf(request), request.params.id, request.body.note),
    );
    app.get('/takedowns/:id/scan', { schema: { tags, summary: "The authority's document", params: IdParams, produces: [...DOCUMENT_TYPES], response: { 200: FileBody } } }, async (request, reply) => {
      const f = await takedowns.scan(scopeOf(request), request.params.id);
      reply.header('content-type', f.contentType).header('content-disposition', contentDisposition(f.fileName)).header('x-content-type-options', 'nosniff');
      return f.bytes;
    });
    app.get('/takedowns/:id/receipt', { schema: { tags, summary: 'The sealed completion receipt (PDF)', params: IdParams, produces: ['application/pdf'], response: { 200: FileBody } } }, async (request, reply) => {
      const f = await takedowns.receipt(scopeOf(request), request.params.id);
      reply.header('content-type', f.contentType).header('content-disposition', contentDisposition(f.fileName)).header('x-content-type-options', 'nosniff');
      return f.bytes;
    });
  };
}
