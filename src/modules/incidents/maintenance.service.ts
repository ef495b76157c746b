import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { DEFAULT_LOCALE, t, type Locale } from '../../core/i18n/index.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, type Scope } from '../../core/scope.js';
import { checkNoticeWindow, formatShanghai, formatShanghaiMinute, shanghaiDate, DEFAULT_CONTRACT_TERMS } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import { sha256 } from '../auth/auth.service.js';
import type { IncidentsRepository, ScopeEntry, WindowRow } from './incidents.repository.js';
import { CONSENT_BOUND_KINDS, NOTICE_BOUND_KINDS, type IncidentCause, type MaintenanceKind } from './incidents.schema.js';
import type { IncidentsService } from './incidents.service.js';
import { toICalendar } from './ical.js';

/** A window as a calendar app shows it: its kind, whether this customer consented (7.3), the description. */
function calendarDescription(w: { kind: MaintenanceKind; needsConsent: boolean; consents: { decision: string }[]; description: string }, locale: Locale): string {
  const kind = t(locale, `maintenance.kind.${w.kind}`);
  if (!w.needsConsent) return `${kind}\n${w.description}`;
  const decision = t(locale, `maintenance.consent.${w.consents[0]?.decision ?? 'pending'}`);
  return `${kind} — ${t(locale, 'maintenance.calendar.consent', { decision })}\n${w.description}`;
}

/** How performed work is read by the ledger: cut-over and expansion by 6.3, provider work by 7.3. */
const CAUSE_OF: Record<MaintenanceKind, IncidentCause> = {
  expansion: 'network_cutover',
  network_cutover: 'network_cutover',
  relocation: 'relocation',
  circuit_debugging: 'provider_planned',
  provider_work: 'provider_planned',
};
export const FEED_TOKEN_PREFIX = 'rpc_';

/**
 * Planned work (6.3, 7.3). Notice is given when the window is scheduled (the notices module
 * delivers it); expansion, relocation and cut-over must start ≥ 48 h after it. Circuit debugging
 * and other provider work also need each affected customer's consent; work performed without it
 * is recorded, and the ledger marks it a breach and pays for it.
 */
export function makeMaintenanceService(deps: {
  repo: IncidentsRepository;
  incidents: Pick<IncidentsService, 'resolveScope' | 'openIn' | 'resolveIn' | 'notify' | 'note'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;

  async function withConsents(scope: Scope, rows: WindowRow[]) {
    const consents = await repo.consentsOf(scope, rows.map((r) => r.id));
    return rows.map((r) => ({
      ...r,
      needsConsent: CONSENT_BOUND_KINDS.includes(r.kind),
      consents: consents.filter((c) => c.consent.windowId === r.id).map((c) => ({ ...c.consent, customerName: c.customerName })),
    }));
  }

  return {
    async schedule(scope: Scope, input: { title: string; kind: MaintenanceKind; description?: string; startsAt: Date; endsAt: Date; scope: ScopeEntry[] }) {
      requirePermission(scope, 'maintenance.manage');
      const now = clock.now();
      if (input.endsAt <= input.startsAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'endsAt', key: 'incident.endBeforeStart' }]);
      if (input.startsAt <= now) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'startsAt', key: 'maintenance.startsInPast' }]);
      if (NOTICE_BOUND_KINDS.includes(input.kind)) {
        const check = checkNoticeWindow(now, input.startsAt, DEFAULT_CONTRACT_TERMS.plannedWorkNoticeHours);
        if (!check.ok) {
          const earliest = formatShanghai(check.earliestStart);
          throw new AppError('NOTICE_TOO_SHORT', { earliestStart: earliest, hours: DEFAULT_CONTRACT_TERMS.plannedWorkNoticeHours }, [{ path: 'startsAt', key: 'NOTICE_TOO_SHORT', params: { earliestStart: earliest, hours: DEFAULT_CONTRACT_TERMS.plannedWorkNoticeHours } }]);
        }
      }
      const id = ids.uuid();
      const row: WindowRow = {
        id,
        number: `MW-${shanghaiDate(input.startsAt).replace(/-/g, '')}-${id.replace(/-/g, '').slice(-6).toUpperCase()}`,
        title: input.title.trim(),
        kind: input.kind,
        description: input.description?.trim() ?? '',
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        noticedAt: now,
        status: 'scheduled',
        performedIncidentId: null,
        createdBy: scope.kind === 'staff' ? scope.userId : null,
        createdAt: now,
        version: 1,
      };
      return repo.db.transaction(async (tx) => {
        await repo.insertWindow(tx, row);
        await repo.insertWindowScope(tx, id, input.scope);
        const servers = await deps.incidents.resolveScope(tx, input.scope);
        const customers = [...new Set(servers.map((s) => s.customerId))];
        const consentBound = CONSENT_BOUND_KINDS.includes(input.kind);
        await repo.insertConsents(
          tx,
          customers.map((customerId) => ({ id: ids.uuid(), windowId: id, customerId, decision: consentBound ? ('pending' as const) : ('not_required' as const), decidedAt: null, decidedBy: null })),
        );
        await deps.incidents.notify(
          tx,
          scope,
          customers,
          'maintenance.scheduled',
          { number: row.number, title: row.title, kind: row.kind, startsAt: formatShanghaiMinute(row.startsAt), endsAt: formatShanghaiMinute(row.endsAt), consent: consentBound, description: row.description },
          'maintenance',
          id,
        );
        await audit.record(tx, scope, { action: 'maintenance.schedule', entity: 'maintenance', entityId: id, after: { ...row, scope: input.scope, customers } });
        return { ...row, needsConsent: consentBound, affectedCustomers: customers.length, affectedServers: servers.length };
      });
    },

    async list(scope: Scope, filter: { upcoming?: boolean; customerId?: string }) {
      requireReader(scope);
      return withConsents(scope, await repo.listWindows(scope, { upcomingFrom: filter.upcoming ? clock.now() : undefined, customerId: filter.customerId }));
    },

    async get(scope: Scope, id: string) {
      requireReader(scope);
      const row = await repo.findWindow(scope, id);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'maintenance' });
      const [full] = await withConsents(scope, [row]);
      return { ...full, scope: scope.kind === 'customer' ? [] : await repo.windowScope(id) };
    },

    /** 7.3: the customer's consent (or refusal), before the work begins. */
    async decide(scope: Scope, id: string, decision: 'accepted' | 'declined') {
      if (scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      if (!scope.roles.some((r) => r === 'owner' || r === 'technical')) throw new AppError('FORBIDDEN');
      const window = await repo.findWindow(scope, id);
      if (!window) throw new AppError('NOT_FOUND', { entity: 'maintenance' });
      if (!CONSENT_BOUND_KINDS.includes(window.kind)) throw new AppError('INVALID_TRANSITION', { entity: 'maintenance', from: 'not_required', to: decision });
      if (window.status !== 'scheduled' || window.startsAt <= clock.now()) throw new AppError('INVALID_TRANSITION', { entity: 'maintenance', from: window.status, to: decision });
      return repo.db.transaction(async (tx) => {
        const [before] = await repo.consentsOf(scope, [id], tx);
        const after = await repo.decide(tx, id, scope.customerId, { decision, decidedAt: clock.now(), decidedBy: scope.userId });
        if (!after) throw new AppError('NOT_FOUND', { entity: 'maintenance' });
        await audit.record(tx, scope, { action: `maintenance.${decision}`, entity: 'maintenance', entityId: id, customerId: scope.customerId, before: before?.consent, after });
        return after;
      });
    },

    async cancel(scope: Scope, id: string) {
      requirePermission(scope, 'maintenance.manage');
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockWindow(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'maintenance' });
        if (before.status !== 'scheduled') throw new AppError('INVALID_TRANSITION', { entity: 'maintenance', from: before.status, to: 'cancelled' });
        const after = await repo.updateWindow(tx, id, { status: 'cancelled', version: before.version + 1 });
        const customers = (await repo.consentsOf(scope, [id], tx)).map((c) => c.consent.customerId);
        await deps.incidents.notify(tx, scope, customers, 'maintenance.cancelled', { number: after.number, title: after.title, startsAt: formatShanghaiMinute(after.startsAt) }, 'maintenance', id);
        await audit.record(tx, scope, { action: 'maintenance.cancel', entity: 'maintenance', entityId: id, before, after });
        return after;
      });
    },

    /**
     * The work was done: its interruption is recorded as an incident with the window's notice and
     * each customer's consent (as it stood at the start), resolved at the end, and the ledgers follow.
     */
    async perform(scope: Scope, id: string, input: { startedAt?: Date; endedAt?: Date }) {
      requirePermission(scope, 'maintenance.manage');
      return repo.db.transaction(async (tx) => {
        const window = await repo.lockWindow(tx, id);
        if (!window) throw new AppError('NOT_FOUND', { entity: 'maintenance' });
        if (window.status !== 'scheduled') throw new AppError('INVALID_TRANSITION', { entity: 'maintenance', from: window.status, to: 'performed' });
        const startedAt = input.startedAt ?? window.startsAt;
        const endedAt = input.endedAt ?? window.endsAt;
        if (endedAt <= startedAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'endedAt', key: 'incident.endBeforeStart' }]);
        if (endedAt > clock.now()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'endedAt', key: 'incident.inFuture' }]);
        const consents = (await repo.consentsOf(scope, [id], tx)).map((c) => c.consent);
        const consentAt = new Map(consents.filter((c) => c.decision === 'accepted' && c.decidedAt && c.decidedAt <= startedAt).map((c) => [c.customerId, c.decidedAt!]));
        const opened = await deps.incidents.openIn(tx, scope, {
          title: `${window.number} ${window.title}`,
          cause: CAUSE_OF[window.kind],
          scope: await repo.windowScope(id, tx),
          startedAt,
          noticeGivenAt: window.noticedAt,
          source: 'maintenance',
          maintenanceId: id,
          consentOf: (customerId) => consentAt.get(customerId),
        });
        const without = CONSENT_BOUND_KINDS.includes(window.kind) ? consents.filter((c) => !consentAt.has(c.customerId)).map((c) => c.customerId) : [];
        if (without.length) await deps.incidents.note(tx, scope, opened.incident.id, 'note', `7.3: performed without the consent of ${without.length} customer(s) — breach`);
        const incident = await deps.incidents.resolveIn(tx, scope, opened.incident, endedAt);
        const after = await repo.updateWindow(tx, id, { status: 'performed', performedIncidentId: incident.id, version: window.version + 1 });
        await audit.record(tx, scope, { action: 'maintenance.perform', entity: 'maintenance', entityId: id, before: window, after: { ...after, withoutConsent: without } });
        return { ...after, incidentId: incident.id, withoutConsent: without.length };
      });
    },

    /** The customer's calendar feed secret: shown once, only its hash kept; a new one replaces the old. */
    async feedToken(scope: Scope) {
      if (scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      const secret = `${FEED_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
      await repo.db.transaction(async (tx) => {
        await repo.setFeedToken(tx, scope.customerId, sha256(secret), clock.now());
        await audit.record(tx, scope, { action: 'maintenance.feedToken', entity: 'customer', entityId: scope.customerId, customerId: scope.customerId });
      });
      return { token: secret, path: `/api/v1/portal/calendar.ics?token=${secret}` };
    },

    /** iCalendar of the customer's upcoming windows, for a calendar app holding the feed URL. */
    async calendar(token: string, locale: Locale = DEFAULT_LOCALE): Promise<string> {
      const customerId = token.startsWith(FEED_TOKEN_PREFIX) ? await repo.customerOfFeedToken(sha256(token)) : undefined;
      if (!customerId) throw new AppError('NOT_AUTHENTICATED');
      const scope: Scope = { kind: 'customer', customerId, userId: '00000000-0000-0000-0000-000000000000', login: 'calendar-feed', roles: [] };
      const windows = await withConsents(scope, await repo.listWindows(scope, { upcomingFrom: clock.now() }));
      return toICalendar(
        windows.map((w) => ({
          uid: `${w.id}@rackpact`,
          start: w.startsAt,
          end: w.endsAt,
          stamp: w.noticedAt,
          summary: `${w.number} ${w.title}`,
          description: calendarDescription(w, locale),
        })),
        clock.now(),
        t(locale, 'maintenance.calendar.name'),
      );
    },
  };
}

export type MaintenanceService = ReturnType<typeof makeMaintenanceService>;
