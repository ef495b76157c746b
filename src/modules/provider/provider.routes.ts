import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { readUpload } from '../../http/upload.js';
import { ProviderProfile, ProviderProfileBody, ProviderProfileList, SealImage, SealQuery } from './provider.dto.js';
import { SEAL_MAX_BYTES, type ProviderService } from './provider.service.js';

export function providerRoutes(deps: { provider: ProviderService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/provider', { schema: { tags: ['provider'], summary: '乙方 profile (current version)', response: { 200: ProviderProfile } } }, async (request) =>
      deps.provider.current(scopeOf(request)),
    );
    app.get(
      '/provider/versions',
      { schema: { tags: ['provider'], summary: 'Every version of the profile', response: { 200: ProviderProfileList } } },
      async (request) => ({ items: await deps.provider.history(scopeOf(request)) }),
    );
    app.put(
      '/provider/seal',
      {
        schema: {
          tags: ['provider'],
          summary: 'Set the seal image for documents (multipart: file — PNG ≤ 1 MB; saves a new version; admin)',
          consumes: ['multipart/form-data'],
          response: { 200: ProviderProfile },
        },
      },
      async (request) => {
        const { bytes } = await readUpload(request, SEAL_MAX_BYTES);
        return deps.provider.setSeal(scopeOf(request), bytes);
      },
    );
    app.get(
      '/provider/seal',
      {
        schema: {
          tags: ['provider'],
          summary: 'The seal image of the current or a given version (staff)',
          querystring: SealQuery,
          produces: ['image/png'],
          response: { 200: SealImage },
        },
      },
      async (request, reply) => {
        const png = await deps.provider.seal(scopeOf(request), request.query.version);
        reply.header('content-type', 'image/png').header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
        return png;
      },
    );
    app.put(
      '/provider',
      { schema: { tags: ['provider'], summary: 'Edit the profile (saves a new version; admin)', body: ProviderProfileBody, response: { 200: ProviderProfile } } },
      async (request) =>
        deps.provider.update(scopeOf(request), {
          ...request.body,
          phone: request.body.phone ?? null,
          noticeEmail: request.body.noticeEmail ?? null,
          noticeFax: request.body.noticeFax ?? null,
          sealFile: request.body.sealFile ?? null,
        }),
    );
  };
}
