import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { Timestamp } from '../../http/dto.js';
import type { ProviderService } from './provider.service.js';

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
