import { createHash } from 'node:crypto';
import type { RawSession } from '../../db/client.js';
import type { Scope } from '../../core/scope.js';
import { phonePrefixes } from '../../rules/validators/phone.js';
import type { SearchKind, SearchPlan } from './search.classify.js';

/**
 * The global search's read model (issue 20 §3): one parameterised SQL statement answers a query, whatever
 * kinds its shape can match — one arm per kind, each an index lookup that carries the row's chain with it
 * (server → cabinet → customer → contract, joined and LATERAL), glued with UNION ALL. One round trip, no
 * query builder per request: each arm's text is a constant, and the statement of one combination of arms
 * is composed once and cached.
 *
 * It reads the areas' tables directly, read-only and only the columns a hit shows: this is the one place
 * that answers "what is 10.1.2.3" across ipam, compliance, facility, contracts, billing and customers in one
 * statement (ARCHITECTURE.md, "Layering"). A customer's search is a statement of its own, `:tenant` on every arm.
 * Planning such a statement costs more than running it (a few joins per arm: ~1 ms against ~0.1 ms), so each
 * one is a named prepared statement on PostgreSQL whose generic plan the server keeps (see compile()), and every
 * arm is written so that the generic plan uses its index: prefixes as ranges of two parameters, an address prefix
 * as a range of the address index, each arm's rows found (and limited) before their chains are joined.
 */

/** What every arm returns, in this order (UNION ALL needs one shape). */
export interface SearchRow {
  kind: SearchKind;
  id: string;
  label: string;
  status: string | null;
  detail: string | null;
  amount_fen: string | number | null;
  server_id: string | null;
  server_serial: string | null;
  server_name: string | null;
  cabinet_id: string | null;
  cabinet_code: string | null;
  customer_id: string | null;
  customer_name: string | null;
  contract_id: string | null;
  contract_number: string | null;
}

const COLUMNS: (keyof SearchRow)[] = [
  'kind', 'id', 'label', 'status', 'detail', 'amount_fen', 'server_id', 'server_serial', 'server_name',
  'cabinet_id', 'cabinet_code', 'customer_id', 'customer_name', 'contract_id', 'contract_number',
];

/** Hits per kind: the box answers "which one", a list page answers "all of them". */
export const SEARCH_LIMIT = 10;

/**
 * Whose search: staff see every row; a customer only its own (`:tenant` on every arm). The two are different
 * statements, so that neither carries the other's condition (`:tenant IS NULL OR …` would be a filter in every
 * cached plan).
 */
type Tenancy = 'staff' | 'customer';
/** ` AND column = :tenant` for a customer's search, nothing for staff's. */
const own = (t: Tenancy, column: string) => (t === 'customer' ? ` AND ${column} = :tenant::uuid` : '');

/** A server's chain: the cabinet it sits in now (a full-depth server's front and rear are one cabinet), its contract. */
const SERVER_CHAIN = `
  LEFT JOIN LATERAL (SELECT cb.id, cb.code FROM server_placements p JOIN cabinets cb ON cb.id = p.cabinet_id
                     WHERE p.server_id = s.id AND p.removed_at IS NULL LIMIT 1) cab ON true
  LEFT JOIN contracts k ON k.id = s.contract_id`;
const SERVER_COLUMNS = `s.id, s.serial_number, s.name, cab.id, cab.code`;
const NO_SERVER = `NULL::uuid, NULL::text, NULL::text, NULL::uuid, NULL::text`;

/*
 * Each arm finds its (at most SEARCH_LIMIT) rows first, in a subquery that is one index scan, and only then joins
 * their chains: the chain is a handful of primary-key lookups per hit, never per candidate.
 */

/**
 * An address or a prefix: a range of ip_allocations_address_live_idx (0029) in address order — a customer's, of
 * its own live addresses (0042). Inside the prefix is the function network_subeq (what `<<=` calls), not the
 * operator: the never-twice EXCLUDE's GiST can take `<<=` as an index condition, and counting it there made that
 * index look cheaper to the generic plan, which then read and sorted every address of the prefix.
 */
const IP = (t: Tenancy) => `
SELECT 'ip', a.id, host(a.address), NULL::text, NULL::text, NULL::bigint, ${SERVER_COLUMNS}, cu.id, cu.name, k.id, k.number
FROM (SELECT a.id, a.address, a.server_id, a.customer_id FROM ip_allocations a
      WHERE a.address >= host(network(:ip::inet))::inet AND a.address <= host(broadcast(:ip::inet))::inet AND network_subeq(a.address, :ip::inet)
        AND a.released_at IS NULL${own(t, 'a.customer_id')}
      ORDER BY a.address LIMIT ${SEARCH_LIMIT}) a
LEFT JOIN servers s ON s.id = a.server_id${own(t, 's.customer_id')}
JOIN customers cu ON cu.id = coalesce(s.customer_id, a.customer_id)${SERVER_CHAIN}
ORDER BY a.address`;

/**
 * A domain by the start of its name, then the domains under it as a prefix of the reversed name (0029): two
 * ordered range scans, each stopping at SEARCH_LIMIT (a LIMIT over their OR let the planner read the table in
 * the hope of meeting ten matches early).
 */
const DOMAIN = (t: Tenancy) => `
SELECT 'domain', d.id, d.domain, d.status::text, NULL::text, NULL::bigint, ${SERVER_COLUMNS}, cu.id, cu.name, k.id, k.number
FROM ((SELECT 1 AS rank, d.id, d.domain, d.status, d.server_id, d.customer_id FROM compliance_domains d
       WHERE d.domain ~>=~ :domain AND d.domain ~<~ :domainEnd${own(t, 'd.customer_id')}
       ORDER BY d.domain USING ~<~ LIMIT ${SEARCH_LIMIT})
      UNION ALL
      (SELECT 2, d.id, d.domain, d.status, d.server_id, d.customer_id FROM compliance_domains d
       WHERE reverse(d.domain) ~>=~ :domainReversed AND reverse(d.domain) ~<~ :domainReversedEnd${own(t, 'd.customer_id')}
         AND NOT (d.domain ~>=~ :domain AND d.domain ~<~ :domainEnd)
       ORDER BY reverse(d.domain) USING ~<~ LIMIT ${SEARCH_LIMIT})
      LIMIT ${SEARCH_LIMIT}) d
LEFT JOIN servers s ON s.id = d.server_id${own(t, 's.customer_id')}
JOIN customers cu ON cu.id = coalesce(s.customer_id, d.customer_id)${SERVER_CHAIN}
ORDER BY d.rank, d.domain USING ~<~`;

/** A serial number's start, in either case (servers_serial_search_idx). */
const SERVER = (t: Tenancy) => `
SELECT 'server', s.id, s.serial_number, s.status::text, s.brand || ' ' || s.model, NULL::bigint, ${SERVER_COLUMNS}, cu.id, cu.name, k.id, k.number
FROM (SELECT s.id, s.serial_number, s.name, s.status, s.brand, s.model, s.customer_id, s.contract_id FROM servers s
      WHERE lower(s.serial_number) ~>=~ :serial AND lower(s.serial_number) ~<~ :serialEnd${own(t, 's.customer_id')}
      ORDER BY lower(s.serial_number) USING ~<~ LIMIT ${SEARCH_LIMIT}) s
JOIN customers cu ON cu.id = s.customer_id${SERVER_CHAIN}
ORDER BY lower(s.serial_number) USING ~<~`;

/** A cabinet code's start; a customer finds only the cabinets its servers sit in now. */
const CABINET = (t: Tenancy) => `
SELECT 'cabinet', c.id, c.code, c.status::text, si.name || ' · ' || r.name, NULL::bigint, ${NO_SERVER}, NULL::uuid, NULL::text, NULL::uuid, NULL::text
FROM (SELECT c.id, c.code, c.status, c.room_id FROM cabinets c
      WHERE lower(c.code) ~>=~ :cabinet AND lower(c.code) ~<~ :cabinetEnd${
        t === 'customer' ? ` AND c.id IN (SELECT p.cabinet_id FROM server_placements p WHERE p.removed_at IS NULL AND p.customer_id = :tenant::uuid)` : ''
      }
      ORDER BY lower(c.code) USING ~<~ LIMIT ${SEARCH_LIMIT}) c
JOIN rooms r ON r.id = c.room_id JOIN sites si ON si.id = r.site_id
ORDER BY lower(c.code) USING ~<~`;

const CONTRACT = (t: Tenancy) => `
SELECT 'contract', k.id, k.number, k.status::text, NULL::text, NULL::bigint, ${NO_SERVER}, cu.id, cu.name, NULL::uuid, NULL::text
FROM (SELECT k.id, k.number, k.status, k.customer_id FROM contracts k
      WHERE k.number ~>=~ :contract AND k.number ~<~ :contractEnd${own(t, 'k.customer_id')}
      ORDER BY k.number USING ~<~ LIMIT ${SEARCH_LIMIT}) k
JOIN customers cu ON cu.id = k.customer_id
ORDER BY k.number USING ~<~`;

const INVOICE = (t: Tenancy) => `
SELECT 'invoice', i.id, i.number, i.status::text, NULL::text, i.amount_fen, ${NO_SERVER}, cu.id, cu.name, k.id, k.number
FROM (SELECT i.id, i.number, i.status, i.amount_fen, i.contract_id, i.customer_id FROM invoices i
      WHERE i.number ~>=~ :invoice AND i.number ~<~ :invoiceEnd${own(t, 'i.customer_id')}
      ORDER BY i.number USING ~<~ LIMIT ${SEARCH_LIMIT}) i
JOIN contracts k ON k.id = i.contract_id JOIN customers cu ON cu.id = i.customer_id
ORDER BY i.number USING ~<~`;

/**
 * A customer: one index-backed arm per way of finding one, and only the arms the term's shape can match, so
 * the planner answers with a BitmapOr of index scans (the customers list's arms, customers.repository.ts):
 * two characters — the name_bigrams GIN (0008); otherwise the name's trigrams (0002); pinyin initials and USCC
 * as btree prefixes; full pinyin or initials anywhere in the name by trigram (0029); a phone — the contact
 * phone's prefix, or a current person on the roster (an array computed once, then the primary key).
 */
const CUSTOMER_ARMS = {
  bigram: () => `c.name_bigrams @> ARRAY[:bigram]::text[]`,
  name: () => `c.name ILIKE :name`,
  initials: () => `(c.name_initials ~>=~ :initials AND c.name_initials ~<~ :initialsEnd)`,
  pinyin: () => `c.name_pinyin LIKE :pinyin`,
  uscc: () => `(c.uscc ~>=~ :uscc AND c.uscc ~<~ :usccEnd)`,
  phone0: () => `(c.contact_phone ~>=~ :phone0 AND c.contact_phone ~<~ :phone0End)`,
  phone1: () => `(c.contact_phone ~>=~ :phone1 AND c.contact_phone ~<~ :phone1End)`,
  phone2: () => `(c.contact_phone ~>=~ :phone2 AND c.contact_phone ~<~ :phone2End)`,
  roster: (t: Tenancy) => `c.id = ANY (ARRAY(SELECT rm.customer_id FROM roster_members rm
             WHERE rm.valid_to IS NULL AND rm.side = 'customer'${own(t, 'rm.customer_id')}
               AND (:rosterPhones) LIMIT 500))`,
} as const;
type CustomerArm = keyof typeof CUSTOMER_ARMS;

const customerArm = (t: Tenancy, arms: CustomerArm[], phones: number) =>
  `
SELECT 'customer', c.id, c.name, c.status::text, coalesce(c.contact_phone, c.uscc), NULL::bigint, ${NO_SERVER}, NULL::uuid, NULL::text, NULL::uuid, NULL::text
FROM customers c
WHERE (${arms.map((a) => CUSTOMER_ARMS[a](t)).join('\n   OR ')})${own(t, 'c.id')}
ORDER BY c.name || '', c.id LIMIT ${SEARCH_LIMIT}`.replace(
    ':rosterPhones',
    Array.from({ length: phones }, (_, i) => `(rm.mobile ~>=~ :phone${i} AND rm.mobile ~<~ :phone${i}End) OR (rm.landline ~>=~ :phone${i} AND rm.landline ~<~ :phone${i}End)`).join(' OR '),
  );

const ARMS: Record<Exclude<SearchKind, 'customer'>, (t: Tenancy) => string> = { ip: IP, domain: DOMAIN, server: SERVER, cabinet: CABINET, contract: CONTRACT, invoice: INVOICE };

/** LIKE patterns treat % and _ as wildcards; a search for "50%" means the characters. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * "Starts with p" as a range of the text_pattern_ops indexes: p ≤ x < p + U+10FFFF (byte order). A range of
 * two parameters, unlike LIKE 'p%', is an index range in a cached generic plan too; and % and _ in p mean
 * themselves.
 */
const prefix = (name: string, p: string) => ({ [name]: p, [`${name}End`]: `${p}\u{10FFFF}` });

/** The customer arms a term's shape can match, and their values. */
function customerTerms(term: string): { arms: CustomerArm[]; phones: number; values: Record<string, string> } {
  const lower = term.toLowerCase();
  const arms: CustomerArm[] = [];
  const values: Record<string, string> = {};
  if ([...lower].length === 2) {
    arms.push('bigram');
    values.bigram = lower;
  } else {
    arms.push('name');
    values.name = `%${escapeLike(term)}%`;
  }
  if (/^[a-z0-9]+$/.test(lower)) {
    arms.push('initials');
    Object.assign(values, prefix('initials', lower));
  }
  // below three letters a trigram cannot help
  if (/^[a-z0-9]{3,}$/.test(lower) && /[a-z]/.test(lower)) {
    arms.push('pinyin');
    values.pinyin = `%${lower}%`;
  }
  if (/^[0-9a-z]{2,18}$/.test(lower)) {
    arms.push('uscc');
    Object.assign(values, prefix('uscc', term.toUpperCase()));
  }
  const phones = phonePrefixes(term);
  phones.forEach((p, i) => {
    arms.push(`phone${i}` as CustomerArm);
    Object.assign(values, prefix(`phone${i}`, p));
  });
  if (phones.length) arms.push('roster');
  return { arms, phones: phones.length, values };
}

/** A statement with :named parameters, compiled once to $n form with the order of its values. */
interface Compiled {
  /** the prepared statement's name on PostgreSQL */
  name: string;
  text: string;
  names: string[];
}
/**
 * `:name::type` becomes `(SELECT $n::type)` and `:name` `(SELECT $n::text)`: every value is read through a one-row
 * subquery (an InitPlan, evaluated once per execution before the scans start, so an index condition on it is
 * still an index condition). The planner then never plans around a value: the custom plans PostgreSQL makes for
 * a named statement's first five executions are the generic plan, which it keeps from the sixth on — planned once
 * per connection. With the values visible, a custom plan always looked cheaper than the generic one (a prefix of
 * unknown length might match many rows) and every execution was planned again: ~1 ms, against ~0.1 ms to run.
 */
function compile(named: string): Compiled {
  const names: string[] = [];
  const text = named.replace(/(?<!:):([a-zA-Z]\w*)\b(::\w+(?:\[\])?)?/g, (_, name: string, cast: string | undefined) => {
    let at = names.indexOf(name);
    if (at < 0) at = names.push(name) - 1;
    return `(SELECT $${at + 1}${cast ?? '::text'})`;
  });
  // named by its text: two repositories on one pool (the app's and a test's) never give one name two texts
  return { name: `search_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text, names };
}

/** The statement for some kinds of one plan, with its values: what search() runs and the plan test explains. */
export interface SearchStatement {
  name: string;
  text: string;
  params: unknown[];
}

export function makeSearchRepository(raw: RawSession) {
  const cache = new Map<string, Compiled>();

  function statement(scope: Scope, plan: SearchPlan, kinds: SearchKind[]): SearchStatement {
    const tenancy: Tenancy = scope.kind === 'customer' ? 'customer' : 'staff';
    const values: Record<string, unknown> = scope.kind === 'customer' ? { tenant: scope.customerId } : {};
    let customer: ReturnType<typeof customerTerms> | undefined;
    for (const kind of kinds) {
      if (kind === 'ip') values.ip = plan.ip;
      if (kind === 'domain') Object.assign(values, prefix('domain', plan.domain!), prefix('domainReversed', [...`.${plan.domain!}`].reverse().join('')));
      if (kind === 'server') Object.assign(values, prefix('serial', plan.serialPrefix!.toLowerCase()));
      if (kind === 'cabinet') Object.assign(values, prefix('cabinet', plan.cabinetPrefix!.toLowerCase()));
      if (kind === 'contract') Object.assign(values, prefix('contract', plan.contractPrefix!));
      if (kind === 'invoice') Object.assign(values, prefix('invoice', plan.invoicePrefix!));
      if (kind === 'customer') {
        customer = customerTerms(plan.customerTerm!);
        Object.assign(values, customer.values);
      }
    }
    const key = `${tenancy}:${kinds.map((k) => (k === 'customer' ? `customer(${customer!.arms.join(',')})` : k)).join('|')}`;
    let compiled = cache.get(key);
    if (!compiled) {
      const arms = kinds.map((k) => (k === 'customer' ? customerArm(tenancy, customer!.arms, customer!.phones) : ARMS[k](tenancy)));
      // the arms' columns are named once, here (a UNION takes its names from its first arm)
      compiled = compile(`SELECT * FROM (${arms.map((a) => `(${a})`).join('\nUNION ALL\n')}\n) AS hit(${COLUMNS.join(', ')})`);
      cache.set(key, compiled);
    }
    return { name: compiled.name, text: compiled.text, params: compiled.names.map((n) => values[n]) };
  }

  return {
    statement,
    /** The hits of these kinds, each arm's in its order, in one round trip. */
    async search(scope: Scope, plan: SearchPlan, kinds: SearchKind[]): Promise<SearchRow[]> {
      if (!kinds.length) return [];
      const { name, text, params } = statement(scope, plan, kinds);
      return raw.query<SearchRow>(text, params, name);
    },
  };
}

export type SearchRepository = ReturnType<typeof makeSearchRepository>;
