import { requireReader, type Scope } from '../../core/scope.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { DomainsService } from '../compliance/domains.service.js';
import type { ContractsService } from '../contracts/contracts.service.js';
import type { BillingService } from '../billing/billing.service.js';
import type { FloorService } from '../facility/floor.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import { classify, kindsOf, type SearchKind } from './search.classify.js';

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

/** Hits per kind: the box answers "which one", a list page answers "all of them". */
export const SEARCH_LIMIT = 10;

type ServerChain = Awaited<ReturnType<ServersService['searchChains']>>[number];

/** server → cabinet → customer → contract, leaving out the steps it does not have (unracked, no contract yet). */
function serverChain(s: ServerChain): ChainLink[] {
  return [
    ...(s.cabinetId && s.cabinetCode ? [{ kind: 'cabinet' as const, id: s.cabinetId, label: s.cabinetCode }] : []),
    { kind: 'customer' as const, id: s.customerId, label: s.customerName },
    ...(s.contractId && s.contractNumber ? [{ kind: 'contract' as const, id: s.contractId, label: s.contractNumber }] : []),
  ];
}
const serverLink = (s: ServerChain): ChainLink => ({ kind: 'server', id: s.id, label: s.name ? `${s.name} (${s.serialNumber})` : s.serialNumber });

/**
 * The global search (issue 20 §3): classifies the query, asks each area that can match it through its own
 * service (every one an index lookup; a customer's scope filters each), and gives each hit its chain.
 */
export function makeSearchService(deps: {
  customers: Pick<CustomersService, 'search'>;
  servers: Pick<ServersService, 'searchChains'>;
  floor: Pick<FloorService, 'searchCabinets'>;
  ipam: Pick<IpamService, 'searchAddresses'>;
  domains: Pick<DomainsService, 'searchDomains'>;
  contracts: Pick<ContractsService, 'searchNumbers'>;
  billing: Pick<BillingService, 'searchNumbers'>;
}) {
  const { customers, servers, floor, ipam, domains, contracts, billing } = deps;
  const limit = SEARCH_LIMIT;

  /** The servers an address or domain points at, with their chains, in one query. */
  async function chainsOf(scope: Scope, ids: (string | null)[]) {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    const rows = wanted.length ? await servers.searchChains(scope, { ids: wanted }, wanted.length) : [];
    return new Map(rows.map((s) => [s.id, s]));
  }

  const byKind: Record<SearchKind, (scope: Scope, plan: ReturnType<typeof classify>) => Promise<SearchHit[]>> = {
    async ip(scope, plan) {
      const rows = await ipam.searchAddresses(scope, plan.ip!, limit);
      const chains = await chainsOf(scope, rows.map((r) => r.serverId));
      return rows.map((r) => {
        const s = r.serverId ? chains.get(r.serverId) : undefined;
        const chain: ChainLink[] = s ? [serverLink(s), ...serverChain(s)] : [{ kind: 'customer', id: r.customerId, label: r.customerName }];
        return { kind: 'ip', id: r.id, label: r.address, status: null, detail: null, amountFen: null, chain };
      });
    },
    async domain(scope, plan) {
      const rows = await domains.searchDomains(scope, plan.domain!, limit);
      const chains = await chainsOf(scope, rows.map((r) => r.serverId));
      return rows.map((r) => {
        const s = chains.get(r.serverId);
        const chain: ChainLink[] = s ? [serverLink(s), ...serverChain(s)] : [{ kind: 'customer', id: r.customerId, label: r.customerName }];
        return { kind: 'domain', id: r.id, label: r.domain, status: r.status, detail: null, amountFen: null, chain };
      });
    },
    async server(scope, plan) {
      const rows = await servers.searchChains(scope, { serialPrefix: plan.serialPrefix! }, limit);
      return rows.map((s) => ({ kind: 'server', id: s.id, label: serverLink(s).label, status: s.status, detail: `${s.brand} ${s.model}`, amountFen: null, chain: serverChain(s) }));
    },
    async cabinet(scope, plan) {
      const rows = await floor.searchCabinets(scope, plan.cabinetPrefix!, limit);
      return rows.map((c) => ({ kind: 'cabinet', id: c.id, label: c.code, status: c.status, detail: `${c.siteName} · ${c.roomName}`, amountFen: null, chain: [] }));
    },
    async contract(scope, plan) {
      const rows = await contracts.searchNumbers(scope, plan.contractPrefix!, limit);
      return rows.map((c) => ({ kind: 'contract', id: c.id, label: c.number, status: c.status, detail: null, amountFen: null, chain: [{ kind: 'customer', id: c.customerId, label: c.customerName }] }));
    },
    async invoice(scope, plan) {
      const rows = await billing.searchNumbers(scope, plan.invoicePrefix!, limit);
      return rows.map((i) => ({
        kind: 'invoice',
        id: i.id,
        label: i.number,
        status: i.status,
        detail: null,
        amountFen: i.amountFen,
        chain: [
          { kind: 'customer', id: i.customerId, label: i.customerName },
          { kind: 'contract', id: i.contractId, label: i.contractNumber },
        ],
      }));
    },
    async customer(scope, plan) {
      const rows = await customers.search(scope, plan.customerTerm!, limit);
      return rows.map((c) => ({ kind: 'customer', id: c.id, label: c.name, status: c.status, detail: c.contactPhone ?? c.uscc, amountFen: null, chain: [] }));
    },
  };

  return {
    async search(scope: Scope, q: string, only?: SearchKind): Promise<SearchResult> {
      requireReader(scope);
      const plan = classify(q);
      const kinds = kindsOf(plan).filter((k) => !only || k === only);
      const groups = await Promise.all(kinds.map(async (kind) => ({ kind, hits: await byKind[kind](scope, plan) })));
      return { kinds, groups: groups.filter((g) => g.hits.length > 0) };
    },
  };
}

export type SearchService = ReturnType<typeof makeSearchService>;
