import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { IdParams, Page, Timestamp } from '../../http/dto.js';
import type { CustomersService } from './customers.service.js';

export const Customer = z
  .object({
    id: z.uuid(),
    name: z.string(),
    uscc: z.string().nullable(),
    status: z.enum(['prospect', 'active', 'suspended', 'former']),
    version: z.number(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Customer' });

export function customersRoutes(deps: { customers: CustomersService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/customers',
      {
        schema: {
          tags: ['customers'],
          summary: 'List customers (a customer user sees only its own company)',
          querystring: z.object({ q: z.string().trim().max(100).optional(), ...Page }),
          response: { 200: z.object({ items: z.array(Customer), total: z.number() }) },
        },
      },
      async (request) => deps.customers.list(scopeOf(request), request.query),
    );
    app.get(
      '/customers/:id',
      { schema: { tags: ['customers'], summary: 'One customer', params: IdParams, response: { 200: Customer } } },
      async (request) => deps.customers.get(scopeOf(request), request.params.id),
    );
  };
}
