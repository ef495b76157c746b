import { compensation, type Cause, type CompensationLine, type ContractTerms, type Interruption } from '../../rules/index.js';
import type { FeedGroup, LedgerLineRow } from './incidents.repository.js';
import type { IncidentCause } from './incidents.schema.js';

/** 第十条: a third party's circuit is force majeure; every other cause is the rules core's own. */
export const ruleCause = (cause: IncidentCause): Cause => (cause === 'third_party_circuit' ? 'force_majeure' : cause);

export type LedgerLine = Pick<LedgerLineRow, 'kind' | 'fromAt' | 'toAt' | 'minutes' | 'hours' | 'reasons' | 'incidentIds' | 'breach'>;

/**
 * The digest kept in a ledger's header, to tell whether a recomputed ledger differs from the stored
 * one without reading its lines: each line's facts are hashed to 64 bits (two murmur3-style 32-bit
 * lanes), and the line hashes folded in order. It detects change; it seals nothing (the audit
 * chain does that). Numbers rather than text, and an excluded line's hash kept with its feed group:
 * the whole recomputation digests half a million lines, and hashing their text was a third of its time.
 */
type Hash64 = readonly [number, number];
const mixA = (h: number, x: number) => {
  let k = Math.imul(x | 0, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= k;
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
};
const mixB = (h: number, x: number) => {
  let k = Math.imul((x | 0) ^ 0x5bd1e995, 0x85ebca77);
  k = Math.imul((k << 17) | (k >>> 15), 0xc2b2ae3d);
  h ^= k;
  return (Math.imul((h << 11) | (h >>> 21), 9) + 0x27d4eb2f) | 0;
};
const fmix = (h: number) => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/** The words a line hashes: integers below 2^53 (instants in ms, hours) as two words each. */
class Words {
  readonly w: number[] = [];
  int(x: number): this {
    this.w.push(x >>> 0, Math.floor(x / 4294967296));
    return this;
  }
  add(...xs: number[]): this {
    this.w.push(...xs);
    return this;
  }
  hash(): Hash64 {
    let a = 0x9747b28c;
    let b = 0x85ebca6b;
    for (const x of this.w) {
      a = mixA(a, x);
      b = mixB(b, x);
    }
    a = mixA(a, this.w.length);
    return [fmix(a ^ b), fmix((b + Math.imul(a, 31)) | 0)];
  }
}
function textHash(s: string): Hash64 {
  const words = new Words();
  for (let i = 0; i < s.length; i += 1) words.add(s.charCodeAt(i));
  return words.hash();
}
/** Reason codes repeat on every line: hashed once per process. */
const reasonHashes = new Map<string, Hash64>();
function reasonHash(r: string): Hash64 {
  let h = reasonHashes.get(r);
  if (!h) reasonHashes.set(r, (h = textHash(r)));
  return h;
}

function lineHash(kind: LedgerLine['kind'], fromMs: number, toMs: number, hours: number, reasons: readonly string[], incidents: readonly Hash64[], breach: boolean): Hash64 {
  const words = new Words().add(kind === 'credited' ? 1 : 2).int(fromMs).int(toMs).int(hours).add(reasons.length);
  for (const r of reasons) words.add(...reasonHash(r));
  words.add(incidents.length);
  for (const h of incidents) words.add(...h);
  return words.add(breach ? 1 : 0).hash();
}
class LedgerHash {
  private a = 0x1b873593;
  private b = 0xe6546b64;
  line(h: Hash64): void {
    this.a = mixA(this.a, h[0]);
    this.b = mixB(this.b, h[1]);
  }
  hex(): string {
    return fmix(this.a).toString(16).padStart(8, '0') + fmix(this.b).toString(16).padStart(8, '0');
  }
}

/** The digest of a ledger as computed (lines in the order the rules produce them). */
export function ledgerDigest(lines: Pick<LedgerLine, 'kind' | 'fromAt' | 'toAt' | 'hours' | 'reasons' | 'incidentIds' | 'breach'>[]): string {
  const h = new LedgerHash();
  for (const l of lines) h.line(lineHash(l.kind, l.fromAt.getTime(), l.toAt.getTime(), l.hours, l.reasons, l.incidentIds.map(textHash), l.breach));
  return h.hex();
}
export const EMPTY_LEDGER = ledgerDigest([]);

/** Whether a contract's stored ledger (header) or credited hours differ from what the rules now give. */
export const isStale = (result: { hours: number; digest: string }, basis: { compensationHours: number }, header: { hours: number; digest: string } | undefined) =>
  (header?.digest ?? EMPTY_LEDGER) !== result.digest || (header?.hours ?? 0) !== result.hours || basis.compensationHours !== result.hours;

/**
 * What is worked out once per feed group however many contracts share it: its interruption for the
 * rules (never mutated by them), its incident's hash, and the hash of the line it makes when excluded.
 */
interface PreparedGroup {
  item: Interruption;
  incident: Hash64;
  excluded?: { reason: string; hash: Hash64 };
}
const prepared = new WeakMap<FeedGroup, PreparedGroup>();
function prepare(f: FeedGroup): PreparedGroup {
  let p = prepared.get(f);
  if (!p) {
    p = {
      item: {
        start: new Date(f.startMs),
        end: new Date(f.endMs),
        cause: ruleCause(f.cause),
        ...(f.noticeMs !== null ? { noticeGivenAt: new Date(f.noticeMs) } : {}),
        ...(f.consentMs !== null ? { consentAt: new Date(f.consentMs) } : {}),
        ref: f.incidentId,
      },
      incident: textHash(f.incidentId),
    };
    prepared.set(f, p);
  }
  return p;
}
function excludedHash(p: PreparedGroup, reason: string): Hash64 {
  if (p.excluded?.reason !== reason) p.excluded = { reason, hash: lineHash('excluded', p.item.start.getTime(), p.item.end.getTime(), 0, [reason], [p.incident], false) };
  return p.excluded.hash;
}

/**
 * 7.2: a contract's ledger from its grouped feed. The rules core decides everything (classes,
 * merging, factor, unit, reasons): each group is one interruption to it — identical rows would be
 * merged into the same line anyway — and an excluded group stands for `count` identical lines, one
 * per server, exactly as if every row had been fed. The digest is computed without building the
 * lines, which are materialised only when asked (a changed ledger).
 */
export function ledgerOfFeed(feedGroups: FeedGroup[], terms: ContractTerms): { hours: number; digest: string; lines(): LedgerLine[] } {
  // a stable order, so the same feed always gives the same ledger (and digest)
  const feed = feedGroups.sort(
    (x, y) =>
      x.startMs - y.startMs ||
      (x.incidentId < y.incidentId ? -1 : x.incidentId > y.incidentId ? 1 : 0) ||
      x.endMs - y.endMs ||
      (x.consentMs === y.consentMs ? 0 : x.consentMs === null ? -1 : y.consentMs === null ? 1 : x.consentMs - y.consentMs),
  );
  const groups = feed.map(prepare);
  const result = compensation(
    groups.map((g) => g.item),
    terms,
  );
  const breachRefs = result.breaches.length ? new Set(result.breaches.map((b) => b.ref)) : undefined;
  /** a line's incidents, each once, in the order of its sources */
  const incidentsOf = (l: CompensationLine) => {
    const out: PreparedGroup[] = [];
    for (const s of l.sources) {
      const g = groups[s.index];
      if (!out.some((o) => o.item.ref === g.item.ref)) out.push(g);
    }
    return out;
  };
  const breachOf = (l: CompensationLine) => (breachRefs ? l.sources.some((s) => breachRefs.has(s.ref)) : false);
  const h = new LedgerHash();
  for (const l of result.lines) {
    h.line(lineHash('credited', l.from.getTime(), l.to.getTime(), l.hours, l.reasons, incidentsOf(l).map((g) => g.incident), breachOf(l)));
  }
  for (const e of result.excluded) {
    const line = excludedHash(groups[e.index], e.reason);
    for (let k = feed[e.index].count; k > 0; k -= 1) h.line(line);
  }
  return {
    hours: result.hours,
    digest: h.hex(),
    lines: () => [
      ...result.lines.map((l) => ({ kind: 'credited' as const, fromAt: l.from, toAt: l.to, minutes: l.minutes, hours: l.hours, reasons: l.reasons, incidentIds: incidentsOf(l).map((g) => g.item.ref!), breach: breachOf(l) })),
      ...result.excluded.flatMap((e) =>
        Array.from({ length: feed[e.index].count }, () => ({
          kind: 'excluded' as const,
          fromAt: e.start,
          toAt: e.end,
          minutes: Math.ceil((e.end.getTime() - e.start.getTime()) / 60_000),
          hours: 0,
          reasons: [e.reason],
          incidentIds: [e.ref!],
          breach: false,
        })),
      ),
    ],
  };
}
