import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { SearchQuery, SearchResult } from './search.dto.js';
import type { SearchService } from './search.service.js';

export function searchRoutes(deps: { search: SearchService }): FastifyPluginAsyncZod {
  const { search } = deps;
  return async (app) => {
    app.get(
      '/search',
      {
        schema: {
          tags: ['search'],
          summary: 'The global search: an IP or prefix, domain, serial number, cabinet code, contract or invoice number, or customer (name, pinyin, phone), each hit with its chain (a customer finds only its own)',
          querystring: SearchQuery,
          response: { 200: SearchResult },
        },
      },
      async (request) => search.search(scopeOf(request), request.query.q, request.query.kind),
    );
  };
}
