import { z } from 'zod';
import { LOCALES } from '../../core/i18n/index.js';
import { Instant, InstantString, ItemsOf, Timestamp } from '../../http/dto.js';
import { parseIp } from '../../rules/index.js';
import { ALERT_OUTCOMES } from './alerts.service.js';
import {
  CONSENT_DECISIONS,
  INCIDENT_CAUSES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  LEDGER_LINE_KINDS,
  MAINTENANCE_KINDS,
  RECOMPUTE_STEPS,
  SCOPE_KINDS,
  UPDATE_KINDS,
  WINDOW_STATUSES,
} from './incidents.schema.js';

/** A query flag as a link writes it ('true' | 'false'), read as a boolean. */
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const Text = (max: number) => z.string().trim().max(max);

// ── requests ──────────────────────────────────────────────────────────────
/** Where an incident or a window bites, as stored and shown. */
const scopeEntry = z.object({ kind: z.enum(SCOPE_KINDS), target: z.string().trim().min(1).max(100) });
export const ScopeEntry = scopeEntry.meta({ id: 'IncidentScopeEntry' });
/**
 * A scope entry as a request gives it: an address for `ip`, the id of the site, room, cabinet, switch,
 * port or server otherwise — checked here, so a name or typo is a 400 on `scope.N.target`, not a
 * database error on the uuid column it is looked up in.
 */
export const ScopeEntryInput = scopeEntry.superRefine((e, ctx) => {
  const valid = e.kind === 'ip' ? parseIp(e.target) !== null : z.uuid().safeParse(e.target).success;
  if (!valid) ctx.addIssue({ code: 'custom', path: ['target'], message: e.kind === 'ip' ? 'IP_FORMAT' : 'field.invalid' });
});
const ScopeInput = z.array(ScopeEntryInput).min(1).max(100);

export const CustomerQuery = z.object({ customerId: z.uuid().optional() });
export const IncidentQuery = z.object({ status: z.enum(INCIDENT_STATUSES).optional(), customerId: z.uuid().optional() });
export const OpenIncidentBody = z.object({
  title: Text(200).min(1),
  cause: z.enum(INCIDENT_CAUSES),
  causeEvidence: Text(5000).nullable().optional(),
  lineFault: z.boolean().optional(),
  scope: ScopeInput,
  startedAt: Instant.optional(),
  reportedAt: Instant.optional(),
  noticeGivenAt: Instant.nullable().optional(),
  note: Text(5000).optional(),
});
export const IncidentPatchBody = z.object({
  title: Text(200).min(1).optional(),
  cause: z.enum(INCIDENT_CAUSES).optional(),
  causeEvidence: Text(5000).nullable().optional(),
  lineFault: z.boolean().optional(),
  startedAt: Instant.optional(),
  resolvedAt: Instant.optional(),
  noticeGivenAt: Instant.nullable().optional(),
  note: Text(5000).optional(),
});
export const ResolveBody = z.object({ resolvedAt: Instant.optional(), note: Text(5000).optional() });
export const NoteBody = z.object({ body: Text(5000).min(1) });
export const SuspendServerBody = z.object({ serverId: z.uuid(), reason: Text(500).min(1), evidence: Text(5000).min(1) });
export const RestoreBody = z.object({ note: Text(5000).optional() });

/** Alertmanager's own times: strict RFC 3339, but a firing alert's endsAt is Go's zero time (0001-01-01T00:00:00Z). */
const AlertmanagerTime = z.iso.datetime({ offset: true, error: 'field.instant' });
const Labels = z.record(z.string(), z.string());
export const AlertmanagerWebhook = z
  .object({
    version: z.string(),
    status: z.enum(['firing', 'resolved']),
    receiver: z.string().optional(),
    groupKey: z.string().optional(),
    truncatedAlerts: z.number().optional(),
    groupLabels: Labels.optional(),
    commonLabels: Labels.optional(),
    commonAnnotations: Labels.optional(),
    externalURL: z.string().optional(),
    alerts: z
      .array(
        z.object({
          status: z.enum(['firing', 'resolved']),
          labels: Labels,
          annotations: Labels.optional(),
          startsAt: InstantString,
          endsAt: AlertmanagerTime.optional(),
          generatorURL: z.string().optional(),
          fingerprint: z.string().min(1).max(64),
        }),
      )
      .max(1000),
  })
  .meta({ id: 'AlertmanagerWebhook' });
export const UnmatchedQuery = z.object({ waiting: Flag.optional() });
export const MapAlertBody = z.object({ scope: ScopeInput });

export const DisputeBody = z.object({ reason: Text(5000).min(1) });
export const TimelineQuery = z.object({ lang: z.enum(LOCALES).optional() });

export const MaintenanceQuery = z.object({ upcoming: Flag.optional(), customerId: z.uuid().optional() });
export const ScheduleBody = z.object({ title: Text(200).min(1), kind: z.enum(MAINTENANCE_KINDS), description: Text(5000).optional(), startsAt: Instant, endsAt: Instant, scope: ScopeInput });
export const DecisionBody = z.object({ decision: z.enum(CONSENT_DECISIONS).extract(['accepted', 'declined']) });
export const PerformBody = z.object({ startedAt: Instant.optional(), endedAt: Instant.optional() });
export const CalendarFeedQuery = z.object({ token: z.string().min(1).max(200) });

// ── responses ─────────────────────────────────────────────────────────────
/** 6.3: the 24-hour repair clock of a line fault; null when the incident is not one. */
const LineClock = z
  .object({ deadline: Timestamp, remainingMinutes: z.number(), breached: z.boolean(), overrunMinutes: z.number(), nearBreach: z.boolean() })
  .nullable()
  .meta({ id: 'LineFaultClock' });
export const Incident = z
  .object({
    id: z.uuid(),
    number: z.string(),
    title: z.string(),
    cause: z.enum(INCIDENT_CAUSES),
    causeEvidence: z.string().nullable(),
    lineFault: z.boolean(),
    source: z.enum(INCIDENT_SOURCES),
    fingerprint: z.string().nullable(),
    status: z.enum(INCIDENT_STATUSES),
    reportedAt: Timestamp,
    startedAt: Timestamp,
    resolvedAt: Timestamp,
    lineFaultBreachedAt: Timestamp,
    maintenanceId: z.string().nullable(),
    noticeGivenAt: Timestamp,
    version: z.number(),
    lineClock: LineClock,
  })
  .meta({ id: 'Incident' });
export const IncidentList = ItemsOf(Incident);
export const OpenedIncident = Incident.extend({ affectedServers: z.number() }).meta({ id: 'OpenedIncident' });
export const IncidentDashboard = z.object({ open: z.array(Incident), nearBreach: z.number(), breached: z.number() }).meta({ id: 'IncidentDashboard' });

export const Interruption = z
  .object({ id: z.uuid(), incidentId: z.uuid(), serverId: z.uuid(), customerId: z.uuid(), contractId: z.string().nullable(), startedAt: Timestamp, endedAt: Timestamp, consentAt: Timestamp })
  .meta({ id: 'Interruption' });
export const IncidentUpdate = z.object({ id: z.uuid(), kind: z.enum(UPDATE_KINDS), body: z.string(), authorId: z.string().nullable(), createdAt: Timestamp }).meta({ id: 'IncidentUpdate' });
export const IncidentDetail = Incident.extend({ scope: z.array(ScopeEntry), updates: z.array(IncidentUpdate), interruptions: z.array(Interruption) }).meta({ id: 'IncidentDetail' });
export const UpdatedIncident = Incident.extend({ recomputed: z.array(z.object({ contractId: z.string(), hours: z.number(), changed: z.boolean() })) }).meta({ id: 'UpdatedIncident' });
export const Ok = z.object({ ok: z.boolean() });

export const AlertIngestResult = z
  .object({ received: z.number(), results: z.array(z.object({ fingerprint: z.string(), outcome: z.enum(ALERT_OUTCOMES), incidentId: z.uuid().nullable() })) })
  .meta({ id: 'AlertIngestResult' });
export const UnmatchedAlert = z
  .object({
    id: z.uuid(),
    fingerprint: z.string(),
    alertname: z.string(),
    labels: Labels,
    annotations: Labels,
    generatorUrl: z.string().nullable(),
    startsAt: Timestamp,
    endsAt: Timestamp,
    receivedAt: Timestamp,
    mappedAt: Timestamp,
    mappedBy: z.uuid().nullable(),
    incidentId: z.uuid().nullable(),
  })
  .meta({ id: 'UnmatchedAlert' });
export const UnmatchedAlertList = ItemsOf(UnmatchedAlert);

export const CompensationLine = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    customerId: z.uuid(),
    kind: z.enum(LEDGER_LINE_KINDS),
    fromAt: Timestamp,
    toAt: Timestamp,
    minutes: z.number(),
    hours: z.number(),
    reasons: z.array(z.string()),
    incidentIds: z.array(z.string()),
    incidentNumbers: z.array(z.string()).optional(),
    /** the server an excluded line is about (its name and serial number; issue 19) */
    servers: z.array(z.string()).optional(),
    breach: z.boolean(),
    computedAt: Timestamp,
  })
  .meta({ id: 'CompensationLine' });
export const CompensationLineList = ItemsOf(CompensationLine);
/** 7.2: a contract's ledger and the service end its credited hours move. */
export const ContractLedger = z
  .object({ contractId: z.uuid(), contractNumber: z.string(), compensationHours: z.number(), termEnd: z.string().nullable(), serviceEndsAt: z.string().nullable(), lines: z.array(CompensationLine) })
  .meta({ id: 'ContractLedger' });
/** The dispute's ticket (its full record is at /tickets/{id}). */
export const DisputeTicket = z.object({ id: z.uuid(), number: z.string() }).loose().meta({ id: 'DisputeTicket' });

export const MaintenanceConsent = z
  .object({ id: z.uuid(), windowId: z.uuid(), customerId: z.uuid(), customerName: z.string(), decision: z.enum(CONSENT_DECISIONS), decidedAt: Timestamp, decidedBy: z.string().nullable() })
  .meta({ id: 'MaintenanceConsent' });
export const ConsentDecision = MaintenanceConsent.omit({ customerName: true }).meta({ id: 'MaintenanceConsentDecision' });
export const MaintenanceWindow = z
  .object({
    id: z.uuid(),
    number: z.string(),
    title: z.string(),
    kind: z.enum(MAINTENANCE_KINDS),
    description: z.string(),
    startsAt: Timestamp,
    endsAt: Timestamp,
    noticedAt: Timestamp,
    status: z.enum(WINDOW_STATUSES),
    performedIncidentId: z.string().nullable(),
    needsConsent: z.boolean(),
    consents: z.array(MaintenanceConsent).optional(),
  })
  .meta({ id: 'MaintenanceWindow' });
export const MaintenanceWindowList = ItemsOf(MaintenanceWindow);
export const ScheduledWindow = MaintenanceWindow.extend({ affectedCustomers: z.number(), affectedServers: z.number() }).meta({ id: 'ScheduledMaintenanceWindow' });
export const WindowDetail = MaintenanceWindow.extend({ scope: z.array(ScopeEntry) }).meta({ id: 'MaintenanceWindowDetail' });
export const CancelledWindow = MaintenanceWindow.omit({ needsConsent: true }).meta({ id: 'CancelledMaintenanceWindow' });
export const PerformedWindow = MaintenanceWindow.omit({ needsConsent: true }).extend({ incidentId: z.uuid(), withoutConsent: z.number() }).meta({ id: 'PerformedMaintenanceWindow' });
/** The calendar feed's secret, shown once. */
export const CalendarFeed = z.object({ token: z.string(), path: z.string() }).meta({ id: 'CalendarFeed' });

export const CustomerStatusPage = z
  .object({ current: z.array(Incident), recent: z.array(Incident), maintenance: z.array(MaintenanceWindow), ledger: z.array(CompensationLine) })
  .meta({ id: 'CustomerStatusPage' });

/** Issue 20 §6: a compensation recomputation started from the web, and how far it got. */
export const RecomputeRun = z
  .object({
    id: z.uuid(),
    requestedBy: z.uuid().nullable(),
    requestedAt: Timestamp,
    /** queued → check (every contract's ledger against its feed) → recompute (the ledgers that differ) → done | failed */
    step: z.enum(RECOMPUTE_STEPS),
    done: z.number().int(),
    total: z.number().int(),
    /** once done: contracts looked at, ledgers rewritten */
    contracts: z.number().int().nullable(),
    changed: z.number().int().nullable(),
    error: z.string().nullable(),
    heartbeatAt: Timestamp,
    finishedAt: Timestamp,
  })
  .meta({ id: 'CompensationRecomputeRun' });
export const LatestRecomputeRun = z.object({ run: RecomputeRun.nullable() }).meta({ id: 'LatestCompensationRecomputeRun' });
