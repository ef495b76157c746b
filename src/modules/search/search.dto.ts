import { z } from 'zod';
import { SEARCH_KINDS } from './search.classify.js';

export const SearchKindSchema = z.enum(SEARCH_KINDS).meta({ id: 'SearchKind' });

export const SearchQuery = z.object({
  q: z.string().max(200),
  /** only this kind (the results page's "more of one kind" is the same search) */
  kind: SearchKindSchema.optional(),
});

export const ChainLink = z
  .object({ kind: z.enum(['server', 'cabinet', 'customer', 'contract']), id: z.uuid(), label: z.string() })
  .meta({ id: 'SearchChainLink' });

export const SearchHit = z
  .object({
    kind: SearchKindSchema,
    id: z.uuid(),
    label: z.string(),
    status: z.string().nullable(),
    detail: z.string().nullable(),
    amountFen: z.number().nullable(),
    chain: z.array(ChainLink),
  })
  .meta({ id: 'SearchHit' });

export const SearchResult = z
  .object({
    kinds: z.array(SearchKindSchema),
    groups: z.array(z.object({ kind: SearchKindSchema, hits: z.array(SearchHit) })),
  })
  .meta({ id: 'SearchResult' });
