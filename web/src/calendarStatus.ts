import { useEffect, useState } from 'react';
import { client, unwrap, type Schemas } from './api/client';

/** `GET /calendar/status`: which years are official, which provisional, and whether the autumn banner is due (from 1 October while next year is still provisional). */
export type CalendarStatus = Schemas['CalendarStatus'];

/**
 * One copy of the status for the layout's banner and the calendar page: saving a year on the page
 * refreshes it, so the banner goes away without a reload.
 */
let current: CalendarStatus | undefined;
let inFlight: Promise<void> | undefined;
const listeners = new Set<(s: CalendarStatus | undefined) => void>();

export function refreshCalendarStatus(): Promise<void> {
  inFlight ??= unwrap(client.GET('/api/v1/calendar/status'))
    .then((s) => {
      current = s;
      listeners.forEach((l) => l(s));
    })
    .finally(() => (inFlight = undefined));
  return inFlight;
}

export function useCalendarStatus(enabled = true): CalendarStatus | undefined {
  const [status, setStatus] = useState(current);
  useEffect(() => {
    if (!enabled) return;
    listeners.add(setStatus);
    // a failed look-up only hides the banner; the page shows its own errors
    refreshCalendarStatus().catch(() => undefined);
    return () => void listeners.delete(setStatus);
  }, [enabled]);
  return enabled ? status : undefined;
}
