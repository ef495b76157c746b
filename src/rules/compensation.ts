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

export function classify(item: Interruption, index: number, terms: Pick<ContractTerms, 'plannedWorkNoticeHours'> = DEFAULT_CONTRACT_TERMS): Classified {
  if (!(item.start instanceof Date) || !(item.end instanceof Date) || Number.isNaN(item.start.getTime()) || Number.isNaN(item.end.getTime()) || item.end <= item.start) {
    throw new RuleError('INTERRUPTION_INVALID', { field: `interruptions.${index}`, index });
  }
  // one object shape for every outcome (recomputation classifies millions)
  const out = (reason: ReasonCode, compensable: boolean, breach = false): Classified => ({ index, ref: item.ref, start: item.start, end: item.end, cause: item.cause, reason, compensable, breach });
  switch (item.cause) {
    case 'provider_fault':
      return out('PROVIDER_FAULT', true);
    case 'relocation':
      return out('RELOCATION', true);
    case 'provider_planned': {
      const noticed = item.noticeGivenAt !== undefined && item.noticeGivenAt <= item.start;
      const consented = item.consentAt !== undefined && item.consentAt <= item.start;
      return noticed && consented ? out('PROVIDER_PLANNED', true) : out('PROVIDER_PLANNED_WITHOUT_NOTICE_OR_CONSENT', true, true);
    }
    case 'network_cutover': {
      const lead = item.noticeGivenAt ? item.start.getTime() - item.noticeGivenAt.getTime() : -1;
      return lead >= terms.plannedWorkNoticeHours * HOUR ? out('CUTOVER_NOTIFIED_48H', false) : out('CUTOVER_WITHOUT_48H_NOTICE', true);
    }
    case 'customer_fault':
      return out('CUSTOMER_FAULT', false);
    case 'force_majeure':
      return out('FORCE_MAJEURE', false);
    default:
      throw new RuleError('INTERRUPTION_INVALID', { field: `interruptions.${index}.cause`, index });
  }
}

/**
 * Compensable interruptions that overlap (or touch, by default) are merged first, so an outage
 * reported twice is paid once; each merged stretch earns factor × its duration, rounded up to a
 * whole unit (10:00–10:20 → 1 h; 10:00–10:50 with 10:30–11:10 → 70 min → 3 h).
 */
export function compensation(items: readonly Interruption[], terms: ContractTerms = DEFAULT_CONTRACT_TERMS): CompensationResult {
  const classified = items.map((item, i) => classify(item, i, terms));
  const compensable = classified.filter((c) => c.compensable).sort((a, b) => a.start.getTime() - b.start.getTime() || a.index - b.index);
  const lines: CompensationLine[] = [];
  const unitMs = terms.compensationUnitHours * HOUR;
  let current: { from: number; to: number; members: Classified[] } | undefined;
  const flush = () => {
    if (!current) return;
    const ms = current.to - current.from;
    lines.push({
      from: new Date(current.from),
      to: new Date(current.to),
      minutes: Math.ceil(ms / 60_000),
      hours: Math.ceil((terms.compensationFactor * ms) / unitMs) * terms.compensationUnitHours,
      reasons: [...new Set(current.members.map((m) => m.reason))],
      sources: current.members.map((m) => ({ index: m.index, ...(m.ref ? { ref: m.ref } : {}) })),
    });
  };
  for (const c of compensable) {
    const [s, e] = [c.start.getTime(), c.end.getTime()];
    const joins = current && (terms.mergeTouching ? s <= current.to : s < current.to);
    if (current && joins) {
      current.to = Math.max(current.to, e);
      current.members.push(c);
    } else {
      flush();
      current = { from: s, to: e, members: [c] };
    }
  }
  flush();
  return {
    hours: lines.reduce((sum, l) => sum + l.hours, 0),
    lines,
    excluded: classified.filter((c) => !c.compensable),
    breaches: classified.filter((c) => c.breach),
  };
}
