import { shanghaiDate } from './dates.js';

/**
 * 6.1: 7×24 support — a ticket's response targets run on clock time, nights and holidays included.
 * Defaults of the helpdesk: first response within 30 minutes, a reboot done within 15.
 */
export interface SlaTarget {
  firstResponseMinutes: number;
  /** null: no resolution target for this type (only the first response is promised) */
  resolutionMinutes: number | null;
}

export const DEFAULT_SLA_TARGET: SlaTarget = { firstResponseMinutes: 30, resolutionMinutes: null };
export const DEFAULT_REBOOT_SLA_TARGET: SlaTarget = { firstResponseMinutes: 30, resolutionMinutes: 15 };

/** met / breached once decided; running while the target is still ahead; none without a target. */
export const SLA_STATES = ['met', 'breached', 'running', 'none'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export interface SlaClock {
  state: SlaState;
  targetMinutes: number | null;
  /** when the target falls due */
  dueAt: Date | null;
  /** whole minutes left before dueAt (0 in the last minute); null once decided or overdue */
  minutesLeft: number | null;
}

const MINUTE = 60_000;

/** One timer: from start until done (or now, while not done) against a target in minutes. */
export function slaClock(start: Date, done: Date | null, targetMinutes: number | null, now: Date): SlaClock {
  if (targetMinutes === null) return { state: 'none', targetMinutes: null, dueAt: null, minutesLeft: null };
  const dueAt = new Date(start.getTime() + targetMinutes * MINUTE);
  if (done) return { state: done.getTime() <= dueAt.getTime() ? 'met' : 'breached', targetMinutes, dueAt, minutesLeft: null };
  if (now.getTime() > dueAt.getTime()) return { state: 'breached', targetMinutes, dueAt, minutesLeft: null };
  return { state: 'running', targetMinutes, dueAt, minutesLeft: Math.floor((dueAt.getTime() - now.getTime()) / MINUTE) };
}

export interface TimedTicket {
  openedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
}

export function ticketSla(t: TimedTicket, target: SlaTarget, now: Date): { firstResponse: SlaClock; resolution: SlaClock } {
  return {
    firstResponse: slaClock(t.openedAt, t.firstResponseAt, target.firstResponseMinutes, now),
    resolution: slaClock(t.openedAt, t.resolvedAt, target.resolutionMinutes, now),
  };
}

/** Nearest-rank percentile of the values (p in 0..100); null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** The median as usually defined (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface ResponseTimeRow {
  /** YYYY-MM in Asia/Shanghai, by the opening */
  month: string;
  type: string;
  count: number;
  medianFirstResponseMinutes: number | null;
  p90FirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
  /** tickets whose targets are decided (met or breached) */
  judged: number;
  withinTarget: number;
  /** withinTarget / judged in percent, one decimal; null when nothing is decided yet */
  withinTargetPercent: number | null;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/**
 * Response times per month and type. A ticket is within target when every target of its type is met;
 * it is judged as soon as one is breached or all are met, so a still-running ticket is left out.
 */
export function responseTimeReport<T extends TimedTicket & { type: string }>(tickets: readonly T[], targetOf: (type: string) => SlaTarget, now: Date): ResponseTimeRow[] {
  const groups = new Map<string, T[]>();
  for (const t of tickets) {
    const key = `${shanghaiDate(t.openedAt).slice(0, 7)}|${t.type}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const minutes = (a: Date, b: Date | null) => (b ? (b.getTime() - a.getTime()) / MINUTE : null);
  return [...groups.entries()]
    .map(([key, items]) => {
      const [month, type] = key.split('|');
      const first = items.map((t) => minutes(t.openedAt, t.firstResponseAt)).filter((m): m is number => m !== null);
      const resolution = items.map((t) => minutes(t.openedAt, t.resolvedAt)).filter((m): m is number => m !== null);
      let judged = 0;
      let within = 0;
      for (const t of items) {
        const states = Object.values(ticketSla(t, targetOf(t.type), now)).map((c) => c.state);
        if (states.includes('breached')) judged += 1;
        else if (!states.includes('running')) {
          judged += 1;
          within += 1;
        }
      }
      return {
        month,
        type,
        count: items.length,
        medianFirstResponseMinutes: round1(median(first)),
        p90FirstResponseMinutes: round1(percentile(first, 90)),
        medianResolutionMinutes: round1(median(resolution)),
        judged,
        withinTarget: within,
        withinTargetPercent: judged ? Math.round((within / judged) * 1000) / 10 : null,
      };
    })
    .sort((a, b) => (a.month === b.month ? a.type.localeCompare(b.type) : b.month.localeCompare(a.month)));
}
