import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { scopeOf } from '../../http/auth.js';
import { IdParams, Timestamp } from '../../http/dto.js';
import { readUpload } from '../../http/upload.js';
import { NOTICE_CATEGORIES } from './notices.schema.js';
import { PROOF_MAX_BYTES, type NoticesService } from './notices.service.js';

const DeliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });
const Preference = z
  .object({
    memberId: z.uuid(),
    name: z.string(),
    role: z.string(),
    email: z.string().nullable(),
    available24h: z.boolean(),
    categories: z.array(z.enum(NOTICE_CATEGORIES)),
    locked: z.array(z.enum(NOTICE_CATEGORIES)),
  })
  .meta({ id: 'NoticePreference' });

const Delivery = z.object({ id: z.uuid(), channel: z.string(), address: z.string(), status: z.string(), attempts: z.number(), nextAttemptAt: Timestamp, lastError: z.string().nullable(), proof: z.string().nullable(), hasProofFile: z.boolean(), sentAt: Timestamp });
const Notice = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    direction: z.string(),
    type: z.string(),
    subjectZh: z.string(),
    subjectEn: z.string(),
    bodyZh: z.string(),
    bodyEn: z.string(),
    recipientName: z.string(),
    relatedEntity: z.string().nullable(),
    relatedId: z.string().nullable(),
    createdAt: Timestamp,
    deliveries: z.array(Delivery),
  })
  .meta({ id: 'Notice' });

export function noticesRoutes(deps: { notices: NoticesService }): FastifyPluginAsyncZod {
  const { notices } = deps;
  return async (app) => {
    app.get(
      '/notices',
      { schema: { tags: ['notices'], summary: 'The notice register (第九条); a customer sees notices to and from it', querystring: z.object({ customerId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(Notice) }) } } },
      async (request) => ({ items: await notices.list(scopeOf(request), request.query.customerId) }),
    );
    app.post(
      '/notices',
      {
        schema: {
          tags: ['notices'],
          summary: 'Send a formal notice (staff → customer) or file one (customer owner → provider)',
          body: z.object({ customerId: z.uuid(), subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(5000) }),
          response: { 201: Notice.omit({ deliveries: true }).extend({ sourceOutboxId: z.string().nullable(), createdBy: z.string().nullable() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await notices.send(scopeOf(request), request.body)),
    );
    app.get('/notices/:id', { schema: { tags: ['notices'], summary: 'One notice with its deliveries and proof', params: IdParams, response: { 200: Notice } } }, async (request) =>
      notices.get(scopeOf(request), request.params.id),
    );
    app.get('/notices/:id/letter.pdf', { schema: { tags: ['notices'], summary: 'The notice printed as a letter on the letterhead', params: IdParams } }, async (request, reply) =>
      reply.type('application/pdf').send(await notices.letter(scopeOf(request), request.params.id)),
    );
    app.post(
      '/notices/:id/deliveries/:deliveryId/proof',
      {
        schema: {
          tags: ['notices'],
          summary: 'Record proof of a post or fax delivery (multipart: file — the postal receipt or fax report, PDF/JPEG/PNG ≤ 10 MB); marks it sent',
          params: DeliveryParams,
          consumes: ['multipart/form-data'],
          response: { 200: Notice },
        },
      },
      async (request) => {
        const upload = await readUpload(request, PROOF_MAX_BYTES);
        return notices.recordProof(scopeOf(request), request.params.id, request.params.deliveryId, upload);
      },
    );
    app.get('/notices/:id/deliveries/:deliveryId/proof', { schema: { tags: ['notices'], summary: 'The proof file of a post or fax delivery', params: DeliveryParams } }, async (request, reply) => {
      const f = await notices.proofFile(scopeOf(request), request.params.id, request.params.deliveryId);
      reply.header('content-type', f.contentType).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store');
      return f.bytes;
    });
    app.get(
      '/notice-preferences',
      {
        schema: {
          tags: ['notices'],
          summary: "Which of the customer's roster people get which notices by e-mail (24-hour contacts always get incidents)",
          querystring: z.object({ customerId: z.uuid().optional() }),
          response: { 200: z.object({ items: z.array(Preference) }) },
        },
      },
      async (request) => {
        const scope = scopeOf(request);
        const customerId = request.query.customerId ?? (scope.kind === 'customer' ? scope.customerId : undefined);
        if (!customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.required' }]);
        return { items: await notices.preferences(scope, customerId) };
      },
    );
    app.put(
      '/notice-preferences/:memberId',
      {
        schema: {
          tags: ['notices'],
          summary: 'Set the notice categories one roster person gets by e-mail (customer owner/technical, sales)',
          params: z.object({ memberId: z.uuid() }),
          body: z.object({ customerId: z.uuid().optional(), categories: z.array(z.enum(NOTICE_CATEGORIES)).max(NOTICE_CATEGORIES.length) }),
          response: { 200: Preference },
        },
      },
      async (request) => {
        const scope = scopeOf(request);
        const customerId = request.body.customerId ?? (scope.kind === 'customer' ? scope.customerId : undefined);
        if (!customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.required' }]);
        return notices.setPreferences(scope, customerId, request.params.memberId, request.body.categories);
      },
    );
  };
}
