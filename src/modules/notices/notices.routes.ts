import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { DOCUMENT_TYPES } from '../../files/sniff.js';
import { scopeOf } from '../../http/auth.js';
import { FileBody, IdParams } from '../../http/dto.js';
import { readUpload } from '../../http/upload.js';
import { CustomerQuery, DeliveryParams, MemberParams, Notice, NoticeList, NoticePreference, NoticePreferenceList, PreferencesBody, SendNoticeBody, SentNotice } from './notices.dto.js';
import { PROOF_MAX_BYTES, type NoticesService } from './notices.service.js';
import { contentDisposition } from '../../http/download.js';

export function noticesRoutes(deps: { notices: NoticesService }): FastifyPluginAsyncZod {
  const { notices } = deps;
  return async (app) => {
    app.get(
      '/notices',
      { schema: { tags: ['notices'], summary: 'The notice register (第九条); a customer sees notices to and from it', querystring: CustomerQuery, response: { 200: NoticeList } } },
      async (request) => ({ items: await notices.list(scopeOf(request), request.query.customerId) }),
    );
    app.post(
      '/notices',
      {
        schema: {
          tags: ['notices'],
          summary: 'Send a formal notice (staff → customer) or file one (customer owner → provider)',
          body: SendNoticeBody,
          response: { 201: SentNotice },
        },
      },
      async (request, reply) => reply.status(201).send(await notices.send(scopeOf(request), request.body)),
    );
    app.get('/notices/:id', { schema: { tags: ['notices'], summary: 'One notice with its deliveries and proof', params: IdParams, response: { 200: Notice } } }, async (request) =>
      notices.get(scopeOf(request), request.params.id),
    );
    app.get(
      '/notices/:id/letter.pdf',
      { schema: { tags: ['notices'], summary: 'The notice printed as a letter on the letterhead', params: IdParams, produces: ['application/pdf'], response: { 200: FileBody } } },
      async (request, reply) => reply.type('application/pdf').send(await notices.letter(scopeOf(request), request.params.id)),
    );
    app.get(
      '/notices/:id/document',
      { schema: { tags: ['notices'], summary: 'The scan of the document that carried a notice received from the customer', params: IdParams, produces: [...DOCUMENT_TYPES], response: { 200: FileBody } } },
      async (request, reply) => {
        const f = await notices.document(scopeOf(request), request.params.id);
        reply
          .header('content-type', f.contentType)
          .header('content-disposition', contentDisposition(f.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store');
        return f.bytes;
      },
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
    app.get(
      '/notices/:id/deliveries/:deliveryId/proof',
      { schema: { tags: ['notices'], summary: 'The proof file of a post or fax delivery', params: DeliveryParams, produces: [...DOCUMENT_TYPES], response: { 200: FileBody } } },
      async (request, reply) => {
        const f = await notices.proofFile(scopeOf(request), request.params.id, request.params.deliveryId);
        reply.header('content-type', f.contentType).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store');
        return f.bytes;
      },
    );
    app.get(
      '/notice-preferences',
      {
        schema: {
          tags: ['notices'],
          summary: "Which of the customer's roster people get which notices by e-mail (24-hour contacts always get incidents)",
          querystring: CustomerQuery,
          response: { 200: NoticePreferenceList },
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
          params: MemberParams,
          body: PreferencesBody,
          response: { 200: NoticePreference },
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
