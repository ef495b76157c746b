import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { IdParams, Timestamp } from '../../http/dto.js';
import type { NoticesService } from './notices.service.js';

const Delivery = z.object({ id: z.uuid(), channel: z.string(), address: z.string(), status: z.string(), attempts: z.number(), nextAttemptAt: Timestamp, lastError: z.string().nullable(), proof: z.string().nullable(), sentAt: Timestamp });
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
  };
}
