import { DEFAULT_CONTRACT_TERMS } from './defaults.js';
import { HOUR } from './dates.js';

/** Work that cuts service and needs advance notice (6.3): expansion, relocation, network cut-over. */
export type NoticeBoundWork = 'expansion' | 'relocation' | 'network_cutover';

export interface NoticeCheck {
  ok: boolean;
  /** how long before the start the notice came, in ms (negative: after the start) */
  leadMs: number;
  /** the earliest start the notice allows */
  earliestStart: Date;
}

/** 6.3: at least 48 hours between notice and start (47 h 59 min is not enough). */
export function checkNoticeWindow(noticeAt: Date, startAt: Date, hours = DEFAULT_CONTRACT_TERMS.plannedWorkNoticeHours): NoticeCheck {
  const earliestStart = new Date(noticeAt.getTime() + hours * HOUR);
  const leadMs = startAt.getTime() - noticeAt.getTime();
  return { ok: startAt >= earliestStart, leadMs, earliestStart };
}

export interface LineFaultClock {
  reportedAt: Date;
  deadline: Date;
  /** ms left until the deadline at `now` (0 once passed or resolved) */
  remainingMs: number;
  breached: boolean;
  resolved: boolean;
  /** how far past the deadline it was resolved, or is now (ms, 0 when in time) */
  overrunMs: number;
}

/** 6.3: a line fault is fixed within 24 hours of the report; the clock stops at resolution. */
export function lineFaultClock(reportedAt: Date, now: Date, resolvedAt?: Date, hours = DEFAULT_CONTRACT_TERMS.lineFaultRepairHours): LineFaultClock {
  const deadline = new Date(reportedAt.getTime() + hours * HOUR);
  const stop = resolvedAt ?? now;
  const overrunMs = Math.max(0, stop.getTime() - deadline.getTime());
  return {
    reportedAt,
    deadline,
    remainingMs: resolvedAt ? 0 : Math.max(0, deadline.getTime() - now.getTime()),
    breached: overrunMs > 0,
    resolved: resolvedAt !== undefined,
    overrunMs,
  };
}
