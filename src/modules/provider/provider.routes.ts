import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { readUpload } from '../../http/upload.js';
import { Timestamp } from '../../http/dto.js';
import { SEAL_MAX_BYTES, type ProviderService } from './provider.service.js';

const text = (max = 200) => z.string().trim().min(1).max(max);
const optionalText = (max = 200) => z.string().trim().max(max).nullable().optional();

export const ProviderProfileBody = z.object({
  legalName: text(),
  uscc: text(18),
  address: text(),
  domicileCourt: text(),
  bankName: text(),
  bankAccount: z.string().trim().regex(/^[\d ]{8,40}$/),
  signingPlace: text(50),
  phone: optionalText(40),
  noticeEmail: z.email().nullable().optional(),
  noticeFax: optionalText(40),
  postalAddress: text(),
  sealFile: z.string().regex(/^[0-9a-f]{64}$/).nullable().optional(),
});

export const ProviderProfile = ProviderProfileBody.extend({
  phone: z.string().nullable(),
  noticeEmail: z.string().nullable(),
  noticeFax: z.string().nullable(),
  sealFile: z.string().nullable(),
  version: z.number(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
}).meta({ id: 'ProviderProfile' });

export function providerRoutes(deps: { provider: ProviderService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/provider', { schema: { tags: ['provider'], summary: '乙方 profile (current version)', response: { 200: ProviderProfile } } }, async (request) =>
      deps.provider.current(scopeOf(request)),
    );
    app.get(
      '/provider/versions',
      { schema: { tags: ['provider'], summary: 'Every version of the profile', response: { 200: z.object({ items: z.array(ProviderProfile) }) } } },
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
      { schema: { tags: ['provider'], summary: 'The seal image of the current or a given version (staff)', querystring: z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647).optional() }) } },
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
