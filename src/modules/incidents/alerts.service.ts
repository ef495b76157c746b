import type { Clock } from '../../core/clock.js';
import type { IdGenerator } from '../../core/ids.js';
import { AppError } from '../../core/errors.js';
import { requirePermission, requireStaff, requireTokenScope, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { violates } from '../../db/pg-errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FloorService } from '../facility/floor.service.js';
import type { NetworkService } from '../facility/network.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { IncidentsRepository, ScopeEntry, UnmatchedAlertRow } from './incidents.repository.js';
import { INCIDENT_CAUSES, type IncidentCause } from './incidents.schema.js';
import type { IncidentsService } from './incidents.service.js';

/** One alert of Alertmanager's webhook (version 4). */
export interface AlertmanagerAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  fingerprint: string;
  generatorURL?: string;
}

export interface AlertmanagerPayload {
  version: string;
  status: 'firing' | 'resolved';
  receiver?: string;
  groupKey?: string;
  alerts: AlertmanagerAlert[];
}

export const ALERT_OUTCOMES = ['opened', 'joined', 'duplicate', 'resolved', 'resolved_late', 'already_resolved', 'unmatched'] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];
type Outcome = { outcome: AlertOutcome; incidentId: string | null };

/** Labels that name where an alert bites (values: ids, serial numbers, cabinet codes, switch names, addresses). */
const SCOPE_LABELS: [label: string, kind: 'server' | 'cabinet' | 'switch' | 'site' | 'room' | 'port' | 'ip'][] = [
  ['rackpact_server', 'server'],
  ['server_id', 'server'],
  ['serial', 'server'],
  ['server', 'server'],
  ['cabinet', 'cabinet'],
  ['switch', 'switch'],
  ['site', 'site'],
  ['room', 'room'],
  ['port', 'port'],
  ['ip', 'ip'],
];

/**
 * Prometheus Alertmanager intake. Firing opens an incident, or joins the open one of the same
 * fingerprint; resolved closes the intervals that alert began. Every alert is keyed by
 * (fingerprint, startsAt) in the database, so Alertmanager's retries and repeats, duplicates and
 * a resolution that overtakes its firing all end in the same state.
 *
 * An alert whose labels name nothing the facility knows opens nothing: an incident without servers
 * would credit no one and tell the NOC nothing. It is kept as unmatched, with its labels, until the
 * NOC maps it to a scope (mapUnmatched), which opens the incident then, from the alert's start.
 */
export function makeAlertsService(deps: {
  repo: IncidentsRepository;
  incidents: Pick<IncidentsService, 'openIn' | 'resolveIn' | 'resolveScope' | 'recompute' | 'note'>;
  servers: Pick<ServersService, 'serverIdByLabel'>;
  floor: Pick<FloorService, 'cabinetIdByLabel'>;
  network: Pick<NetworkService, 'switchIdByLabel'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, clock, ids } = deps;
  /** A `server`, `cabinet` or `switch` label's value (an id or the natural key) → the id the facility knows. */
  const idByLabel = { server: deps.servers.serverIdByLabel, cabinet: deps.floor.cabinetIdByLabel, switch: deps.network.switchIdByLabel };

  async function scopeOf(tx: Executor, labels: Record<string, string>): Promise<ScopeEntry[]> {
    const out: ScopeEntry[] = [];
    for (const [label, kind] of SCOPE_LABELS) {
      const value = labels[label]?.trim();
      if (!value) continue;
      if (kind === 'server' || kind === 'cabinet' || kind === 'switch') {
        const id = await idByLabel[kind](tx, value);
        if (id) out.push({ kind, target: id });
      } else if (kind === 'ip' || /^[0-9a-f-]{36}$/i.test(value)) out.push({ kind, target: value });
    }
    return out;
  }

  const unmatchedRow = (alert: AlertmanagerAlert, startsAt: Date): UnmatchedAlertRow => ({
    id: ids.uuid(),
    fingerprint: alert.fingerprint,
    startsAt,
    endsAt: null,
    alertname: alert.labels.alertname ?? '',
    labels: alert.labels,
    annotations: alert.annotations ?? {},
    generatorUrl: alert.generatorURL ?? null,
    receivedAt: clock.now(),
    mappedAt: null,
    mappedBy: null,
    incidentId: null,
  });

  async function fire(tx: Executor, scope: Scope, alert: AlertmanagerAlert, startsAt: Date, mappedScope?: ScopeEntry[]): Promise<Outcome> {
    const existing = await repo.findAlert(tx, alert.fingerprint, startsAt);
    if (existing) return { outcome: 'duplicate', incidentId: existing.incidentId };
    const entries = mappedScope ?? (await scopeOf(tx, alert.labels));
    const open = await repo.openByFingerprint(tx, alert.fingerprint);
    if (!open && entries.length === 0) {
      await repo.insertUnmatched(tx, unmatchedRow(alert, startsAt));
      return { outcome: 'unmatched', incidentId: null };
    }
    let incidentId: string;
    let outcome: AlertOutcome;
    if (open) {
      // the same problem firing again while its incident is open: its servers join from this start
      incidentId = open.id;
      outcome = 'joined';
      await repo.insertScope(tx, open.id, entries);
      const servers = await deps.incidents.resolveScope(tx, entries);
      await repo.insertInterruptions(tx, servers.map((s) => ({ id: ids.uuid(), incidentId: open.id, serverId: s.id, customerId: s.customerId, contractId: s.contractId, startedAt: startsAt, endedAt: null, consentAt: null })));
      await deps.incidents.note(tx, scope, open.id, 'alert', `${alert.labels.alertname ?? 'alert'} firing since ${alert.startsAt}`);
    } else {
      const cause = (INCIDENT_CAUSES as readonly string[]).includes(alert.labels.cause) ? (alert.labels.cause as IncidentCause) : 'provider_fault';
      const opened = await deps.incidents.openIn(tx, scope, {
        title: (alert.annotations?.summary ?? alert.labels.alertname ?? 'alert').slice(0, 200),
        cause,
        causeEvidence: cause === 'force_majeure' || cause === 'third_party_circuit' ? (alert.annotations?.description ?? alert.generatorURL ?? 'alertmanager') : null,
        lineFault: alert.labels.line_fault === 'true',
        scope: entries,
        startedAt: startsAt,
        reportedAt: startsAt,
        source: 'alertmanager',
        fingerprint: alert.fingerprint,
        note: `${alert.labels.alertname ?? 'alert'} ${JSON.stringify(alert.labels)}`,
      });
      incidentId = opened.incident.id;
      outcome = 'opened';
    }
    await repo.insertAlert(tx, { id: ids.uuid(), fingerprint: alert.fingerprint, startsAt, endsAt: null, incidentId, alertname: alert.labels.alertname ?? '', labels: alert.labels, receivedAt: clock.now(), resolvedReceivedAt: null });
    return { outcome, incidentId };
  }

  async function resolve(tx: Executor, scope: Scope, alert: AlertmanagerAlert, startsAt: Date, endsAt: Date): Promise<Outcome> {
    let row = await repo.findAlert(tx, alert.fingerprint, startsAt);
    let late = false;
    if (!row) {
      // the resolution overtook its firing (or the firing was lost): record both now
      if ((await fire(tx, scope, alert, startsAt)).outcome === 'unmatched') {
        // still waiting for the NOC: the end is kept, so that mapping it later opens a closed interval
        const waiting = await repo.insertUnmatched(tx, { ...unmatchedRow(alert, startsAt), endsAt: endsAt > startsAt ? endsAt : new Date(startsAt.getTime() + 1000) });
        if (!waiting.mappedAt && !waiting.endsAt) await repo.updateUnmatched(tx, waiting.id, { endsAt: endsAt > startsAt ? endsAt : new Date(startsAt.getTime() + 1000) });
        return { outcome: 'unmatched', incidentId: null };
      }
      row = (await repo.findAlert(tx, alert.fingerprint, startsAt))!;
      late = true;
    }
    if (row.endsAt) return { outcome: 'already_resolved', incidentId: row.incidentId };
    const end = endsAt > startsAt ? endsAt : new Date(startsAt.getTime() + 1000);
    await repo.resolveAlert(tx, row.id, end, clock.now());
    const closed = await repo.closeInterruptions(tx, row.incidentId, end, startsAt);
    await deps.incidents.note(tx, scope, row.incidentId, 'alert', `${alert.labels.alertname ?? 'alert'} resolved at ${alert.endsAt}`);
    const incident = await repo.lock(tx, row.incidentId);
    if (incident && incident.status === 'open' && (await repo.firingAlertsOf(tx, row.incidentId)) === 0) {
      const last = (await repo.latestAlertEnd(tx, row.incidentId)) ?? end;
      await deps.incidents.resolveIn(tx, scope, incident, last > clock.now() ? clock.now() : last, 'alertmanager: resolved');
    } else {
      await deps.incidents.recompute(tx, scope, closed.map((c) => c.contractId).filter((c): c is string => !!c));
    }
    return { outcome: late ? 'resolved_late' : 'resolved', incidentId: row.incidentId };
  }

  return {
    async ingest(scope: Scope, payload: AlertmanagerPayload) {
      requireTokenScope(scope, 'alerts:write');
      const results: ({ fingerprint: string } & Outcome)[] = [];
      // Alertmanager re-sends every alert of a group with each notification: most are known, and
      // one read settles them without a transaction each
      const known = await repo.knownAlerts(payload.alerts.map((a) => ({ fingerprint: a.fingerprint, startsAt: new Date(a.startsAt) })));
      for (const alert of payload.alerts) {
        const startsAt = new Date(alert.startsAt);
        const seen = known.get(`${alert.fingerprint}|${startsAt.getTime()}`);
        if (seen && (alert.status === 'firing' || seen.endsAt)) {
          results.push({ fingerprint: alert.fingerprint, outcome: alert.status === 'firing' ? 'duplicate' : 'already_resolved', incidentId: seen.incidentId });
          continue;
        }
        const endsAt = alert.endsAt ? new Date(alert.endsAt) : null;
        const run = () =>
          repo.db.transaction((tx) =>
            alert.status === 'resolved' ? resolve(tx, scope, alert, startsAt, endsAt && endsAt.getTime() > 0 ? endsAt : clock.now()) : fire(tx, scope, alert, startsAt),
          );
        let r: Outcome;
        try {
          r = await run();
        } catch (err) {
          // a concurrent delivery of the same alert won the race: the second run finds its row
          if (!violates(err, 'alert_events_once') && !violates(err, 'incidents_open_fingerprint') && !violates(err, 'interruptions_once') && !violates(err, 'unmatched_alerts_once')) throw err;
          r = await run();
        }
        results.push({ fingerprint: alert.fingerprint, ...r });
      }
      return { received: payload.alerts.length, results };
    },

    /** Alerts that matched nothing: the waiting ones (all), then the latest mapped ones. */
    async unmatched(scope: Scope, filter: { waiting?: boolean }) {
      requireStaff(scope, 'noc');
      return repo.listUnmatched({ waiting: filter.waiting, limit: 500 });
    },

    /**
     * The NOC says where an unmatched alert bites: the incident opens now, from the alert's start (and
     * is closed at its end if Alertmanager has resolved it meanwhile), exactly as if the labels had
     * matched; later deliveries of the alert then find it. Audited.
     */
    async mapUnmatched(scope: Scope, id: string, entries: ScopeEntry[]) {
      requirePermission(scope, 'alert.map');
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockUnmatched(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'unmatched_alert' });
        if (before.mappedAt) throw new AppError('ALERT_ALREADY_MAPPED', { entity: 'unmatched_alert' });
        const alert: AlertmanagerAlert = { status: 'firing', labels: before.labels, annotations: before.annotations, startsAt: before.startsAt.toISOString(), fingerprint: before.fingerprint, generatorURL: before.generatorUrl ?? undefined };
        let { incidentId } = await fire(tx, scope, alert, before.startsAt, entries);
        if (before.endsAt) incidentId = (await resolve(tx, scope, { ...alert, status: 'resolved', endsAt: before.endsAt.toISOString() }, before.startsAt, before.endsAt)).incidentId;
        const patch = { mappedAt: clock.now(), mappedBy: scope.kind === 'staff' ? scope.userId : null, incidentId };
        await repo.updateUnmatched(tx, id, patch);
        const after = { ...before, ...patch };
        await deps.audit.record(tx, scope, { action: 'incident.alertMapped', entity: 'unmatched_alert', entityId: id, before, after: { ...after, scope: entries } });
        return after;
      });
    },
  };
}

export type AlertsService = ReturnType<typeof makeAlertsService>;
