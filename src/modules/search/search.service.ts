import { requireReader, type Scope } from '../../core/scope.js';
import { classify, kindsOf, type SearchKind } from './search.classify.js';
import type { SearchRepository, SearchRow } from './search.repository.js';

export { SEARCH_LIMIT } from './search.repository.js';

/** One step of a hit's chain (IP → server → cabinet → customer → contract), enough to link to it. */
export interface ChainLink {
  kind: 'server' | 'cabinet' | 'customer' | 'contract';
  id: string;
  label: string;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** what was found: the address, domain, serial number, code, number or name */
  label: string;
  /** the row's status in its own area's words (a code the UI translates), when it has one */
  status: string | null;
  /** a second line: the server's brand and model, the cabinet's site and room, the invoice's amount in fen */
  detail: string | null;
  amountFen: number | null;
  chain: ChainLink[];
}

export interface SearchResult {
  /** the kinds the query's shape can match (and so were asked) */
  kinds: SearchKind[];
  groups: { kind: SearchKind; hits: SearchHit[] }[];
}

/** server → cabinet → customer → contract, leaving out the steps it does not have (unracked, no contract yet). */
function serverChain(r: SearchRow): ChainLink[] {
  return [
    ...(r.cabinet_id && r.cabinet_code ? [{ kind: 'cabinet' as const, id: r.cabinet_id, label: r.cabinet_code }] : []),
    ...(r.customer_id && r.customer_name ? [{ kind: 'customer' as const, id: r.customer_id, label: r.customer_name }] : []),
    ...(r.contract_id && r.contract_number ? [{ kind: 'contract' as const, id: r.contract_id, label: r.contract_number }] : []),
  ];
}
const serverLabel = (r: SearchRow) => (r.server_name ? `${r.server_name} (${r.server_serial})` : r.server_serial!);

/** A row of the search's statement as a hit: what was found and the chain that leads to its customer and contract. */
function hitOf(r: SearchRow): SearchHit {
  const hit = { kind: r.kind, id: r.id, label: r.label, status: r.status, detail: r.detail, amountFen: r.amount_fen === null ? null : Number(r.amount_fen) };
  switch (r.kind) {
    case 'ip':
    case 'domain':
      // an address or a domain on a server leads through it; one without a server, to its customer
      return { ...hit, chain: r.server_id ? [{ kind: 'server', id: r.server_id, label: serverLabel(r) }, ...serverChain(r)] : serverChain(r) };
    case 'server':
      return { ...hit, label: serverLabel(r), chain: serverChain(r) };
    case 'contract':
    case 'invoice':
      return { ...hit, chain: serverChain(r) };
    case 'cabinet':
    case 'customer':
      return { ...hit, chain: [] };
  }
}

/**
 * The global search (issue 20 §3): classifies the query (pure), then asks only the kinds its shape can match,
 * all in one statement of the search's read model (search.repository.ts) — each kind an index lookup with its
 * chain joined in, a customer's scope on every arm.
 */
export function makeSearchService(deps: { repo: SearchRepository }) {
  const { repo } = deps;
  return {
    async search(scope: Scope, q: string, only?: SearchKind): Promise<SearchResult> {
      requireReader(scope);
      const plan = classify(q);
      const kinds = kindsOf(plan).filter((k) => !only || k === only);
      const rows = await repo.search(scope, plan, kinds);
      const groups = kinds.map((kind) => ({ kind, hits: rows.filter((r) => r.kind === kind).map(hitOf) })).filter((g) => g.hits.length > 0);
      return { kinds, groups };
    },
  };
}

export type SearchService = ReturnType<typeof makeSearchService>;
