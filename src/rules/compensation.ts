import { DEFAULT_CONTRACT_TERMS, type ContractTerms } from './defaults.js';
import { RuleError } from './errors.js';
import { HOUR } from './dates.js';

/**
 * 7.2 / 7.3 / 6.3 / 第十条: what an interruption of one service earns.
 * - provider_fault: compensated (7.2)
 * - provider_planned (circuit debugging and other provider work): compensated (7.3 → 7.2), and a
 *   breach when it lacked prior notice or the customer's consent
 * - relocation: compensated
 * - network_cutover (扩容割接): compensated unless its notice came ≥ 48 h before it began (6.3)
 * - customer_fault, force_majeure (incl. third-party circuits, 第十条): not compensated
 */
export type Cause = 'provider_fault' | 'provider_planned' | 'network_cutover' | 'relocation' | 'customer_fault' | 'force_majeure';
export const CAUSES: readonly Cause[] = ['provider_fault', 'provider_planned', 'network_cutover', 'relocation', 'customer_fault', 'force_majeure'];

export interface Interruption {
  start: Date;
  end: Date;
  cause: Cause;
  noticeGivenAt?: Date;
  consentAt?: Date;
  /** the caller's reference (incident id), echoed in the lines */
  ref?: string;
}

export type ReasonCode =
  | 'PROVIDER_FAULT'
  | 'PROVIDER_PLANNED'
  | 'PROVIDER_PLANNED_WITHOUT_NOTICE_OR_CONSENT'
  | 'RELOCATION'
  | 'CUTOVER_WITHOUT_48H_NOTICE'
  | 'CUTOVER_NOTIFIED_48H'
  | 'CUSTOMER_FAULT'
  | 'FORCE_MAJEURE';

export interface Classified {
  index: number;
  ref?: string;
  start: Date;
  end: Date;
  cause: Cause;
  reason: ReasonCode;
  compensable: boolean;
  /** a provider breach of 7.3 (work without prior notice and consent) */
  breach: boolean;
}

/** One merged stretch of compensable interruption and the hours it earns. */
export interface CompensationLine {
  from: Date;
  to: Date;
  minutes: number;
  hours: number;
  reasons: ReasonCode[];
  /** indices (and refs) of the interruptions merged into this line */
  sources: { index: number; ref?: string }[];
}

export interface CompensationResult {
  hours: number;
  lines: CompensationLine[];
  /** interruptions that earn nothing, each with why */
  excluded: Classified[];
  breaches: Classified[];
}

/** One object shape for every outcome (a recomputation classifies millions; no closure per call). */
function classified(item: Interruption, index: number, reason: ReasonCode, compensable: boolean, breach = false): Classified {
  return { index, ref: item.ref, start: item.start, end: item.end, cause: item.cause, reason, compensable, breach };
}

export function classify(item: Interruption, index: number, terms: Pick<ContractTerms, 'plannedWorkNoticeHours'> = DEFAULT_CONTRACT_TERMS): Classified {
  // instants compared as numbers: comparing Dates goes through their primitive conversion, slowly
  const start = item.start instanceof Date ? item.start.getTime() : NaN;
  const end = item.end instanceof Date ? item.end.getTime() : NaN;
  if (!(end > start)) throw new RuleError('INTERRUPTION_INVALID', { field: `interruptions.${index}`, index }); // also NaN
  switch (item.cause) {
    case 'provider_fault':
      return classified(item, index, 'PROVIDER_FAULT', true);
    case 'relocation':
      return classified(item, index, 'RELOCATION', true);
    case 'provider_planned': {
      const noticed = item.noticeGivenAt !== undefined && item.noticeGivenAt.getTime() <= start;
      const consented = item.consentAt !== undefined && item.consentAt.getTime() <= start;
      return noticed && consented ? classified(item, index, 'PROVIDER_PLANNED', true) : classified(item, index, 'PROVIDER_PLANNED_WITHOUT_NOTICE_OR_CONSENT', true, true);
    }
    case 'network_cutover': {
      const lead = item.noticeGivenAt ? start - item.noticeGivenAt.getTime() : -1;
      return lead >= terms.plannedWorkNoticeHours * HOUR ? classified(item, index, 'CUTOVER_NOTIFIED_48H', false) : classified(item, index, 'CUTOVER_WITHOUT_48H_NOTICE', true);
    }
    case 'customer_fault':
      return classified(item, index, 'CUSTOMER_FAULT', false);
    case 'force_majeure':
      return classified(item, index, 'FORCE_MAJEURE', false);
    default:
      throw new RuleError('INTERRUPTION_INVALID', { field: `interruptions.${index}.cause`, index });
  }
}

/**
 * Compensable interruptions that overlap (or touch, by default) are merged first, so an outage
 * reported twice is paid once; each merged stretch earns factor × its duration, rounded up to a
 * whole unit (10:00–10:20 → 1 h; 10:00–10:50 with 10:30–11:10 → 70 min → 3 h).
 * Written as plain loops: the whole-ledger recomputation runs it over half a million interruptions.
 */
export function compensation(items: readonly Interruption[], terms: ContractTerms = DEFAULT_CONTRACT_TERMS): CompensationResult {
  const compensable: Classified[] = [];
  const excluded: Classified[] = [];
  const breaches: Classified[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const c = classify(items[i], i, terms);
    (c.compensable ? compensable : excluded).push(c);
    if (c.breach) breaches.push(c);
  }
  compensable.sort((a, b) => a.start.getTime() - b.start.getTime() || a.index - b.index);
  const lines: CompensationLine[] = [];
  const unitMs = terms.compensationUnitHours * HOUR;
  let hours = 0;
  let from = 0;
  let to = 0;
  let members: Classified[] = [];
  const flush = () => {
    const ms = to - from;
    const reasons: ReasonCode[] = [];
    for (const m of members) if (!reasons.includes(m.reason)) reasons.push(m.reason);
    const line: CompensationLine = {
      from: new Date(from),
      to: new Date(to),
      minutes: Math.ceil(ms / 60_000),
      hours: Math.ceil((terms.compensationFactor * ms) / unitMs) * terms.compensationUnitHours,
      reasons,
      sources: members.map((m) => (m.ref ? { index: m.index, ref: m.ref } : { index: m.index })),
    };
    hours += line.hours;
    lines.push(line);
  };
  for (const c of compensable) {
    const s = c.start.getTime();
    const e = c.end.getTime();
    const joins = members.length > 0 && (terms.mergeTouching ? s <= to : s < to);
    if (joins) {
      if (e > to) to = e;
      members.push(c);
    } else {
      if (members.length) flush();
      from = s;
      to = e;
      members = [c];
    }
  }
  if (members.length) flush();
  return { hours, lines, excluded, breaches };
}
