import { isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';

/** The kinds of thing the search box finds, in the order the results page shows them. */
export const SEARCH_KINDS = ['ip', 'domain', 'server', 'cabinet', 'contract', 'invoice', 'customer'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What a query can be, and each kind's term in the form its index holds. */
export interface SearchPlan {
  /** an address or a prefix as CIDR (10.1.2.5/32, 10.1.2.0/24, 2001:db8::/48) */
  ip?: string;
  /** a domain in lower-case ASCII (IDNs as punycode) */
  domain?: string;
  serialPrefix?: string;
  cabinetPrefix?: string;
  contractPrefix?: string;
  invoicePrefix?: string;
  customerTerm?: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** 10.1.2 → 10.1.2.0/24, 10.1.2.7 → 10.1.2.7/32, 2001:db8::/32 as typed; undefined when not an address. */
function asPrefix(q: string): string | undefined {
  const [addr, len, ...rest] = q.split('/');
  if (rest.length) return undefined;
  if (isIPv4(addr)) {
    if (len === undefined) return `${addr}/32`;
    return /^\d{1,2}$/.test(len) && Number(len) <= 32 ? `${addr}/${Number(len)}` : undefined;
  }
  if (isIPv6(addr)) {
    if (len === undefined) return `${addr}/128`;
    return /^\d{1,3}$/.test(len) && Number(len) <= 128 ? `${addr}/${Number(len)}` : undefined;
  }
  // the first two or three octets of an IPv4 address ("10.1.2", "10.1.2."): the /16 or /24 they name
  const partial = /^(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?\.?$/.exec(q);
  if (len === undefined && partial && q.includes('.') && partial.slice(1).every((o) => o === undefined || Number(o) <= 255)) {
    const octets = partial.slice(1).filter((o) => o !== undefined).map(Number);
    if (octets.length < 2 || (octets.length === 2 && !q.endsWith('.'))) return undefined;
    return `${[...octets, 0, 0].slice(0, 4).join('.')}/${octets.length * 8}`;
  }
  return undefined;
}

/**
 * Reads the query's shape and says which kinds can match it, so the search asks only those: an address
 * is not a customer's name, a contract number is not a domain. Pure; each kind's repository does the rest.
 */
export function classify(raw: string): SearchPlan {
  const q = raw.trim().replace(/\s+/g, ' ');
  if (!q) return {};
  const ip = asPrefix(q);
  if (ip) return { ip };
  if (/^rp-?\d/i.test(q)) return { contractPrefix: q.toUpperCase().replace(/^RP-?/, 'RP-') };
  if (/^inv-?\d/i.test(q)) return { invoicePrefix: q.toUpperCase().replace(/^INV-?/, 'INV-') };
  if (/^(rp|inv)-?$/i.test(q)) return /^rp/i.test(q) ? { contractPrefix: 'RP-' } : { invoicePrefix: 'INV-' };
  const plan: SearchPlan = {};
  if (!q.includes(' ') && q.includes('.') && !q.startsWith('.') && !q.includes('..')) {
    const ascii = domainToASCII(q.replace(/\.$/, '').toLowerCase());
    if (ascii && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(ascii) && /[a-z]/.test(ascii.split('.').at(-1)!)) return { domain: ascii };
  }
  // a serial number or cabinet code: one token of letters, digits and the usual separators
  if (/^[A-Za-z0-9][A-Za-z0-9._/:-]{1,63}$/.test(q) && !CJK.test(q)) {
    plan.serialPrefix = q;
    plan.cabinetPrefix = q;
  }
  // a customer: a name (Chinese, pinyin, latin), a credit code or a phone — at least two characters
  if ([...q].length >= 2) plan.customerTerm = q;
  return plan;
}

/** The kinds a plan asks, in SEARCH_KINDS order. */
export function kindsOf(plan: SearchPlan): SearchKind[] {
  const asked: Record<SearchKind, boolean> = {
    ip: plan.ip !== undefined,
    domain: plan.domain !== undefined,
    server: plan.serialPrefix !== undefined,
    cabinet: plan.cabinetPrefix !== undefined,
    contract: plan.contractPrefix !== undefined,
    invoice: plan.invoicePrefix !== undefined,
    customer: plan.customerTerm !== undefined,
  };
  return SEARCH_KINDS.filter((k) => asked[k]);
}
