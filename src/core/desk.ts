/**
 * The desk (issue 20 §1–2): one to-do item shape every business area fills from its own tables, and
 * the figures each area counts for the role dashboards. The areas stay apart — each has a small
 * `<area>.desk.ts` beside its repository that answers `items` and `figures` for a scope; the desk
 * module (src/modules/desk) only merges, sorts and picks by role.
 */
import type { Scope, StaffRole } from './scope.js';

export const DESK_AREAS = ['kyc', 'contracts', 'commissioning', 'billing', 'compliance', 'tickets', 'incidents', 'maintenance', 'calendar', 'access'] as const;
export type DeskArea = (typeof DESK_AREAS)[number];

/** One thing somebody has to do, by when, for whom, under which clause. */
export interface DeskItem {
  /** stable kind, e.g. 'contract.awaitingSignature'; the web words it through `desk.kind.<kind>` */
  kind: string;
  area: DeskArea;
  /** the subject row's id (with kind, unique on the list) */
  subjectId: string;
  /** the words of the item: a message key and its parameters (numbers, dates, codes — never prose) */
  titleKey: string;
  params: Record<string, string | number>;
  /** the deadline as an instant (UTC); null when nothing in the agreement sets one (sorted last) */
  dueAt: Date | null;
  /** the agreement's clause behind the deadline, e.g. '5.1', '6.3', '第十三条' */
  clause: string | null;
  customerId: string | null;
  customerName: string | null;
  /** where the work is done in the web console (the portal path for customer-visible items) */
  link: string;
  /** staff roles whose list it is on (admins see every item) */
  roles: readonly StaffRole[];
  /** the customer's own users see it on their portal list too */
  forCustomer: boolean;
  /** the portal's page for it, when forCustomer */
  portalLink?: string;
}

/** A number on a dashboard: computed by the database, with the filtered list it counts. */
export interface DeskFigure {
  key: string;
  value: number;
  unit: 'count' | 'fen' | 'hours' | 'percent';
  /** the console list behind the number (with its filter in the query string) */
  link: string;
}

/** A chart's points: a label (month 'YYYY-MM', a room's name, a status) and one value per series. */
export interface DeskSeriesPoint {
  label: string;
  series: string;
  value: number;
}

export interface DeskContext {
  /** now, from the injected clock */
  now: Date;
}

/** What each area hands the desk. Both answer from the database (COUNT/SUM in SQL), scoped. */
export interface DeskSource {
  area: string;
  items(scope: Scope, ctx: DeskContext): Promise<DeskItem[]>;
}

/** Rows from db.execute under PGlite and node-postgres alike. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Deadline first; items without one last; then by kind for a stable order. */
export function byDeadline(a: DeskItem, b: DeskItem): number {
  const x = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const y = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (x !== y) return x < y ? -1 : 1;
  return a.kind === b.kind ? (a.subjectId < b.subjectId ? -1 : 1) : a.kind < b.kind ? -1 : 1;
}

/** Is the item on this staff member's list? Admins see all. */
export function isForRoles(item: DeskItem, roles: readonly StaffRole[]): boolean {
  return roles.includes('admin') || item.roles.some((r) => roles.includes(r));
}

/**
 * The customer a desk query is limited to: the customer's own id for a customer user, null (all)
 * for staff and the system. Every area's desk SQL puts `(cid IS NULL OR customer_id = cid)` in.
 */
export function deskCustomerOf(scope: Scope): string | null {
  return scope.kind === 'customer' ? scope.customerId : null;
}

/** Epoch milliseconds from SQL (`extract(epoch …) * 1000`) to an instant; null stays null. */
export function instantOf(ms: number | string | null): Date | null {
  return ms === null ? null : new Date(Number(ms));
}
