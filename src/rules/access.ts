/**
 * Site access (issue 21): who may come into the machine room and when, who may take a server out.
 * 5.10 — the customer's roster lists everyone who manages its network, devices and servers, and the
 * customer answers for them (former employees included); 6.5 the same for the provider's people;
 * 7.1 — the racking day starts the term. Pure: no I/O, times in, findings out.
 */
import { SHANGHAI_OFFSET_MS, shanghaiDate } from './dates.js';

/** Why someone comes: the first four keep to the site's opening hours; an emergency may come at any hour. */
export const VISIT_PURPOSES = ['installation', 'maintenance', 'inspection', 'removal', 'emergency'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

/** The identity document the front desk looked at; only its type and last four characters are kept. */
export const ID_DOCUMENT_TYPES = ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

/** The roster roles (5.10) and which of them may authorise equipment leaving the site by default. */
export const EQUIPMENT_ROLES_DEFAULT = ['legal_representative', 'technical_lead'] as const;

export interface AccessSettings {
  /** opening time, minutes after midnight in Asia/Shanghai (480 = 08:00) */
  opensMinute: number;
  /** closing time, minutes after midnight in Asia/Shanghai (1200 = 20:00) */
  closesMinute: number;
  /** the longest visit that may be booked, in minutes */
  maxVisitMinutes: number;
  /** roster roles whose holder may authorise a server's release */
  equipmentRoles: readonly string[];
}

export const DEFAULT_ACCESS_SETTINGS: AccessSettings = { opensMinute: 8 * 60, closesMinute: 20 * 60, maxVisitMinutes: 8 * 60, equipmentRoles: EQUIPMENT_ROLES_DEFAULT };

/** A finding about a field: the request's field and the message key naming the reason. */
export interface AccessFinding {
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

const MINUTE = 60_000;

/** Minutes after midnight of an instant, read in Asia/Shanghai. */
export function shanghaiMinuteOfDay(at: Date): number {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
}

/** 'HH:MM' of minutes after midnight (for messages and the settings form). */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Settings as an admin may set them: opening before closing, a visit between 15 minutes and 24 hours. */
export function checkAccessSettings(s: AccessSettings): AccessFinding[] {
  const out: AccessFinding[] = [];
  const minute = (v: number) => Number.isInteger(v) && v >= 0 && v <= 24 * 60;
  if (!minute(s.opensMinute)) out.push({ path: 'opensMinute', key: 'field.invalid' });
  if (!minute(s.closesMinute)) out.push({ path: 'closesMinute', key: 'field.invalid' });
  else if (minute(s.opensMinute) && s.closesMinute <= s.opensMinute) out.push({ path: 'closesMinute', key: 'access.closesBeforeOpens' });
  if (!Number.isInteger(s.maxVisitMinutes) || s.maxVisitMinutes < 15 || s.maxVisitMinutes > 24 * 60) out.push({ path: 'maxVisitMinutes', key: 'access.maxVisitRange' });
  if (!s.equipmentRoles.length) out.push({ path: 'equipmentRoles', key: 'field.required' });
  return out;
}

/**
 * A visit window as booked: not in the past, ending after it starts, no longer than the maximum, and —
 * unless it is an emergency — on one day, inside the site's opening hours (Asia/Shanghai).
 */
export function checkVisitWindow(w: { startsAt: Date; endsAt: Date; purpose: VisitPurpose }, now: Date, s: AccessSettings = DEFAULT_ACCESS_SETTINGS): AccessFinding[] {
  const out: AccessFinding[] = [];
  if (w.startsAt.getTime() < now.getTime()) out.push({ path: 'startsAt', key: 'access.windowInPast' });
  const minutes = (w.endsAt.getTime() - w.startsAt.getTime()) / MINUTE;
  if (minutes <= 0) {
    out.push({ path: 'endsAt', key: 'access.windowOrder' });
    return out;
  }
  if (minutes > s.maxVisitMinutes) out.push({ path: 'endsAt', key: 'access.windowTooLong', params: { hours: Math.round((s.maxVisitMinutes / 60) * 10) / 10 } });
  if (w.purpose !== 'emergency') {
    const hours = { opens: hhmm(s.opensMinute), closes: hhmm(s.closesMinute) };
    const sameDay = shanghaiDate(w.startsAt) === shanghaiDate(new Date(w.endsAt.getTime() - 1));
    const start = shanghaiMinuteOfDay(w.startsAt);
    const end = shanghaiMinuteOfDay(w.endsAt) || 24 * 60; // midnight ends the day
    if (start < s.opensMinute || start >= s.closesMinute) out.push({ path: 'startsAt', key: 'access.outsideHours', params: hours });
    if (!sameDay || end > s.closesMinute || end <= s.opensMinute) out.push({ path: 'endsAt', key: 'access.outsideHours', params: hours });
  }
  return out;
}

/** May the front desk let this person in now? From a grace before the window's start to its end. */
export const CHECK_IN_EARLY_MINUTES = 120;
export function withinCheckInWindow(w: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  return now.getTime() >= w.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * MINUTE && now.getTime() <= w.endsAt.getTime();
}

/** Does a window touch the Shanghai day `date` (YYYY-MM-DD)? The front desk's "today". */
export function windowTouchesDay(w: { startsAt: Date; endsAt: Date }, date: string): boolean {
  const dayStart = new Date(`${date}T00:00:00+08:00`).getTime();
  const dayEnd = dayStart + 24 * 60 * MINUTE;
  return w.startsAt.getTime() < dayEnd && w.endsAt.getTime() > dayStart;
}

/** 5.10: may the holder of this roster role authorise a server leaving the site? */
export function mayAuthoriseEquipment(role: string, s: Pick<AccessSettings, 'equipmentRoles'> = DEFAULT_ACCESS_SETTINGS): boolean {
  return s.equipmentRoles.includes(role);
}

/**
 * Only the last four characters of an ID document number are kept (never the whole number): digits or
 * letters (an ID card may end in X); a longer number typed in is refused rather than trimmed, so a full
 * number is never accepted by mistake.
 */
export function checkIdLast4(value: string): { ok: true; last4: string } | { ok: false; key: string } {
  const v = value.trim().toUpperCase();
  if (!/^[0-9A-Z]{4}$/.test(v)) return { ok: false, key: v.length > 4 ? 'access.idLast4Only' : 'access.idLast4' };
  return { ok: true, last4: v };
}

/** Something that stops a server leaving the site until it is cleared or overridden (issue 21 §3). */
export interface ReleaseHold {
  kind: 'unpaid_invoice' | 'complaint_evidence' | 'inspection';
  ref: string;
}

/**
 * The holds on a server's release: an invoice past its due date and not paid (第四条), an open complaint
 * that has evidence on file concerning this server or the customer as a whole (5.4/5.8), an authority's
 * inspection of this server still withheld from the customer on its instruction (6.6).
 */
export function releaseHolds(input: {
  today: string;
  serverId: string;
  invoices: readonly { number: string; status: string; dueOn: string }[];
  complaints: readonly { number: string; status: string; hasEvidence: boolean; serverId: string | null }[];
  inspections: readonly { id: string; serverId: string; withheld: boolean; documentNumber: string }[];
}): ReleaseHold[] {
  const holds: ReleaseHold[] = [];
  for (const i of input.invoices) if (['unpaid', 'partially_paid', 'overdue'].includes(i.status) && i.dueOn < input.today) holds.push({ kind: 'unpaid_invoice', ref: i.number });
  for (const c of input.complaints) if (['open', 'notified', 'confirmed'].includes(c.status) && c.hasEvidence && (c.serverId === null || c.serverId === input.serverId)) holds.push({ kind: 'complaint_evidence', ref: c.number });
  for (const x of input.inspections) if (x.serverId === input.serverId && x.withheld) holds.push({ kind: 'inspection', ref: x.documentNumber });
  return holds;
}
