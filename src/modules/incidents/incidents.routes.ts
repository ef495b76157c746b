import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { IdParams, Instant, InstantString, Timestamp } from '../../http/dto.js';
import { parseIp } from '../../rules/index.js';
import type { AlertsService } from './alerts.service.js';
import { INCIDENT_CAUSES, MAINTENANCE_KINDS, SCOPE_KINDS } from './incidents.schema.js';
import type { IncidentsService } from './incidents.service.js';
import type { MaintenanceService } from './maintenance.service.js';

const ScopeEntry = z.object({ kind: z.enum(SCOPE_KINDS), target: z.string().trim().min(1).max(100) });
/**
 * A scope entry as a request gives it: an address for `ip`, the id of the site, room, cabinet, switch,
 * port or server otherwise — checked here, so a name or typo is a 400 on `scope.N.target`, not a
 * database error on the uuid column it is looked up in.
 */
/** Alertmanager's own times: strict RFC 3339, but a firing alert's endsAt is Go's zero time (0001-01-01T00:00:00Z). */
const AlertmanagerTime = z.iso.datetime({ offset: true, error: 'field.instant' });
const UnmatchedAlert = z
  .object({
    id: z.uuid(),
    fingerprint: z.string(),
    alertname: z.string(),
    labels: z.record(z.string(), z.string()),
    annotations: z.record(z.string(), z.string()),
    generatorUrl: z.string().nullable(),
    startsAt: Timestamp,
    endsAt: Timestamp,
    receivedAt: Timestamp,
    mappedAt: Timestamp,
    mappedBy: z.uuid().nullable(),
    incidentId: z.uuid().nullable(),
  })
  .meta({ id: 'UnmatchedAlert' });
const ScopeEntryInput = ScopeEntry.superRefine((e, ctx) => {
  const valid = e.kind === 'ip' ? parseIp(e.target) !== null : z.uuid().safeParse(e.target).success;
  if (!valid) ctx.addIssue({ code: 'custom', path: ['target'], message: e.kind === 'ip' ? 'IP_FORMAT' : 'field.invalid' });
});

const LineClock = z.object({ deadline: Timestamp, remainingMinutes: z.number(), breached: z.boolean(), overrunMinutes: z.number(), nearBreach: z.boolean() }).nullable();
const Incident = z
  .object({
    id: z.uuid(),
    number: z.string(),
    title: z.string(),
    cause: z.enum(INCIDENT_CAUSES),
    causeEvidence: z.string().nullable(),
    lineFault: z.boolean(),
    source: z.string(),
    fingerprint: z.string().nullable(),
    status: z.enum(['open', 'resolved']),
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
const Interruption = z.object({ id: z.uuid(), incidentId: z.uuid(), serverId: z.uuid(), customerId: z.uuid(), contractId: z.string().nullable(), startedAt: Timestamp, endedAt: Timestamp, consentAt: Timestamp });
const Update = z.object({ id: z.uuid(), kind: z.string(), body: z.string(), authorId: z.string().nullable(), createdAt: Timestamp });
const LedgerLine = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    customerId: z.uuid(),
    kind: z.enum(['credited', 'excluded']),
    fromAt: Timestamp,
    toAt: Timestamp,
    minutes: z.number(),
    hours: z.number(),
    reasons: z.array(z.string()),
    incidentIds: z.array(z.string()),
    incidentNumbers: z.array(z.string()).optional(),
    breach: z.boolean(),
    computedAt: Timestamp,
  })
  .meta({ id: 'CompensationLine' });
const Consent = z.object({ id: z.uuid(), windowId: z.uuid(), customerId: z.uuid(), customerName: z.string(), decision: z.string(), decidedAt: Timestamp, decidedBy: z.string().nullable() });
const Window = z
  .object({
    id: z.uuid(),
    number: z.string(),
    title: z.string(),
    kind: z.enum(MAINTENANCE_KINDS),
    description: z.string(),
    startsAt: Timestamp,
    endsAt: Timestamp,
    noticedAt: Timestamp,
    status: z.string(),
    performedIncidentId: z.string().nullable(),
    needsConsent: z.boolean(),
    consents: z.array(Consent).optional(),
  })
  .meta({ id: 'MaintenanceWindow' });

const AlertmanagerWebhook = z
  .object({
    version: z.string(),
    status: z.enum(['firing', 'resolved']),
    receiver: z.string().optional(),
    groupKey: z.string().optional(),
    truncatedAlerts: z.number().optional(),
    groupLabels: z.record(z.string(), z.string()).optional(),
    commonLabels: z.record(z.string(), z.string()).optional(),
    commonAnnotations: z.record(z.string(), z.string()).optional(),
    externalURL: z.string().optional(),
    alerts: z
      .array(
        z.object({
          status: z.enum(['firing', 'resolved']),
          labels: z.record(z.string(), z.string()),
          annotations: z.record(z.string(), z.string()).optional(),
          startsAt: InstantString,
          endsAt: AlertmanagerTime.optional(),
          generatorURL: z.string().optional(),
          fingerprint: z.string().min(1).max(64),
        }),
      )
      .max(1000),
  })
  .meta({ id: 'AlertmanagerWebhook' });

export function incidentsRoutes(deps: { incidents: IncidentsService; maintenance: MaintenanceService; alerts: AlertsService }): FastifyPluginAsyncZod {
  const { incidents, maintenance, alerts } = deps;
  return async (app) => {
    // ── incidents ──
    app.get(
      '/incidents',
      { schema: { tags: ['incidents'], summary: 'Incidents (a customer sees those that interrupted its servers)', querystring: z.object({ status: z.enum(['open', 'resolved']).optional(), customerId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(Incident) }) } } },
      async (request) => ({ items: await incidents.list(scopeOf(request), request.query) }),
    );
    app.post(
      '/incidents',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Open an incident (NOC); start and report times may be given for an outage recorded after the fact',
          body: z.object({
            title: z.string().trim().min(1).max(200),
            cause: z.enum(INCIDENT_CAUSES),
            causeEvidence: z.string().trim().max(5000).nullable().optional(),
            lineFault: z.boolean().optional(),
            scope: z.array(ScopeEntryInput).min(1).max(100),
            startedAt: Instant.optional(),
            reportedAt: Instant.optional(),
            noticeGivenAt: Instant.nullable().optional(),
            note: z.string().trim().max(5000).optional(),
          }),
          response: { 201: Incident.extend({ affectedServers: z.number() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await incidents.open(scopeOf(request), request.body)),
    );
    app.get('/incidents/dashboard', { schema: { tags: ['incidents'], summary: "The NOC's board: open incidents, line-fault clocks near breach", response: { 200: z.object({ open: z.array(Incident), nearBreach: z.number(), breached: z.number() }) } } }, async (request) =>
      incidents.dashboard(scopeOf(request)),
    );
    app.get(
      '/incidents/:id',
      { schema: { tags: ['incidents'], summary: 'An incident with its timeline and interruptions', params: IdParams, response: { 200: Incident.extend({ scope: z.array(ScopeEntry), updates: z.array(Update), interruptions: z.array(Interruption) }) } } },
      async (request) => incidents.get(scopeOf(request), request.params.id),
    );
    app.patch(
      '/incidents/:id',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Edit or reclassify an incident; the ledgers it touches are recomputed',
          params: IdParams,
          body: z.object({
            title: z.string().trim().min(1).max(200).optional(),
            cause: z.enum(INCIDENT_CAUSES).optional(),
            causeEvidence: z.string().trim().max(5000).nullable().optional(),
            lineFault: z.boolean().optional(),
            startedAt: Instant.optional(),
            resolvedAt: Instant.optional(),
            noticeGivenAt: Instant.nullable().optional(),
            note: z.string().trim().max(5000).optional(),
          }),
          response: { 200: Incident.extend({ recomputed: z.array(z.object({ contractId: z.string(), hours: z.number(), changed: z.boolean() })) }) },
        },
      },
      async (request) => incidents.update(scopeOf(request), request.params.id, request.body),
    );
    app.post(
      '/incidents/:id/resolve',
      { schema: { tags: ['incidents'], summary: 'Resolve: closes every interval, stops the 24-hour clock, recomputes compensation', params: IdParams, body: z.object({ resolvedAt: Instant.optional(), note: z.string().trim().max(5000).optional() }), response: { 200: Incident } } },
      async (request) => incidents.resolve(scopeOf(request), request.params.id, request.body),
    );
    app.post(
      '/incidents/:id/notes',
      { schema: { tags: ['incidents'], summary: 'Add an update to the timeline', params: IdParams, body: z.object({ body: z.string().trim().min(1).max(5000) }), response: { 201: z.object({ ok: z.boolean() }) } } },
      async (request, reply) => reply.status(201).send(await incidents.addNote(scopeOf(request), request.params.id, request.body.body)),
    );
    app.post(
      '/suspensions',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Suspend a server that destabilises the network (6.3): reason and evidence; the customer is told; not compensated',
          body: z.object({ serverId: z.uuid(), reason: z.string().trim().min(1).max(500), evidence: z.string().trim().min(1).max(5000) }),
          response: { 201: Incident },
        },
      },
      async (request, reply) => reply.status(201).send(await incidents.suspend(scopeOf(request), request.body)),
    );
    app.post(
      '/incidents/:id/restore',
      { schema: { tags: ['incidents'], summary: 'Restore a suspended server and close its suspension', params: IdParams, body: z.object({ note: z.string().trim().max(5000).optional() }), response: { 200: Incident } } },
      async (request) => incidents.restore(scopeOf(request), request.params.id, request.body),
    );

    // ── Alertmanager ──
    app.post(
      '/alerts/alertmanager',
      {
        schema: {
          tags: ['incidents'],
          summary: "Prometheus Alertmanager webhook (version 4), with an API token holding 'alerts:write'",
          body: AlertmanagerWebhook,
          response: { 200: z.object({ received: z.number(), results: z.array(z.object({ fingerprint: z.string(), outcome: z.string(), incidentId: z.uuid().nullable() })) }) },
        },
        bodyLimit: 4 * 1024 * 1024,
      },
      async (request) => alerts.ingest(scopeOf(request), request.body),
    );
    // alerts whose labels matched nothing wait here for the NOC (issue 15)
    app.get(
      '/alerts/unmatched',
      { schema: { tags: ['incidents'], summary: 'Alerts whose labels matched nothing: they opened no incident (NOC)', querystring: z.object({ waiting: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(UnmatchedAlert) }) } } },
      async (request) => ({ items: await alerts.unmatched(scopeOf(request), { waiting: request.query.waiting === 'true' }) }),
    );
    app.post(
      '/alerts/unmatched/:id/map',
      { schema: { tags: ['incidents'], summary: 'Say where an unmatched alert bites: opens its incident from the alert’s start (NOC)', params: IdParams, body: z.object({ scope: z.array(ScopeEntryInput).min(1).max(100) }), response: { 200: UnmatchedAlert } } },
      async (request) => alerts.mapUnmatched(scopeOf(request), request.params.id, request.body.scope),
    );

    // ── compensation (7.2) ──
    app.get(
      '/compensation',
      { schema: { tags: ['incidents'], summary: "A customer's compensation ledger lines", querystring: z.object({ customerId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(LedgerLine) }) } } },
      async (request) => ({ items: await incidents.customerLedger(scopeOf(request), request.query.customerId) }),
    );
    app.get(
      '/compensation/:id',
      {
        schema: {
          tags: ['incidents'],
          summary: "A contract's ledger: credited hours per merged interruption, or why none; the service end it moves",
          params: IdParams,
          response: { 200: z.object({ contractId: z.uuid(), contractNumber: z.string(), compensationHours: z.number(), termEnd: z.string().nullable(), serviceEndsAt: z.string().nullable(), lines: z.array(LedgerLine) }) },
        },
      },
      async (request) => incidents.ledger(scopeOf(request), request.params.id),
    );
    app.get('/compensation/:id/timeline.svg', { schema: { tags: ['incidents'], summary: 'Outage timeline of a contract (SVG); `lang` for an <img> that cannot send Accept-Language', params: IdParams, querystring: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }) } }, async (request, reply) => {
      const svg = await incidents.timelineSvg(scopeOf(request), request.params.id, request.query.lang ?? request.locale);
      return reply.type('image/svg+xml; charset=utf-8').header('x-content-type-options', 'nosniff').send(svg);
    });
    app.post(
      '/compensation/lines/:id/dispute',
      { schema: { tags: ['incidents'], summary: 'Dispute a ledger line (opens a ticket)', params: IdParams, body: z.object({ reason: z.string().trim().min(1).max(5000) }), response: { 201: z.object({ id: z.uuid(), number: z.string() }).loose() } } },
      async (request, reply) => reply.status(201).send(await incidents.dispute(scopeOf(request), request.params.id, request.body.reason)),
    );

    // ── planned work (6.3, 7.3) ──
    app.get(
      '/maintenance',
      { schema: { tags: ['incidents'], summary: 'Maintenance windows (a customer sees those affecting it)', querystring: z.object({ upcoming: z.enum(['true', 'false']).optional(), customerId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(Window) }) } } },
      async (request) => ({ items: await maintenance.list(scopeOf(request), { upcoming: request.query.upcoming === 'true', customerId: request.query.customerId }) }),
    );
    app.post(
      '/maintenance',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Schedule planned work; expansion, relocation and cut-over need 48 h between notice and start (6.3)',
          body: z.object({ title: z.string().trim().min(1).max(200), kind: z.enum(MAINTENANCE_KINDS), description: z.string().trim().max(5000).optional(), startsAt: Instant, endsAt: Instant, scope: z.array(ScopeEntryInput).min(1).max(100) }),
          response: { 201: Window.extend({ affectedCustomers: z.number(), affectedServers: z.number() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await maintenance.schedule(scopeOf(request), request.body)),
    );
    app.get('/maintenance/:id', { schema: { tags: ['incidents'], summary: 'A maintenance window with its consents', params: IdParams, response: { 200: Window.extend({ scope: z.array(ScopeEntry) }) } } }, async (request) =>
      maintenance.get(scopeOf(request), request.params.id),
    );
    app.post(
      '/maintenance/:id/decision',
      { schema: { tags: ['incidents'], summary: "The customer's consent to (or refusal of) provider work (7.3)", params: IdParams, body: z.object({ decision: z.enum(['accepted', 'declined']) }), response: { 200: Consent.omit({ customerName: true }) } } },
      async (request) => maintenance.decide(scopeOf(request), request.params.id, request.body.decision),
    );
    app.post('/maintenance/:id/cancel', { schema: { tags: ['incidents'], summary: 'Cancel a scheduled window (customers are told)', params: IdParams, response: { 200: Window.omit({ needsConsent: true }) } } }, async (request) =>
      maintenance.cancel(scopeOf(request), request.params.id),
    );
    app.post(
      '/maintenance/:id/perform',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Record the work as done: its interruption, with notice and consent as they stood, feeds compensation',
          params: IdParams,
          body: z.object({ startedAt: Instant.optional(), endedAt: Instant.optional() }),
          response: { 200: Window.omit({ needsConsent: true }).extend({ incidentId: z.uuid(), withoutConsent: z.number() }) },
        },
      },
      async (request) => maintenance.perform(scopeOf(request), request.params.id, request.body),
    );
    app.post('/portal/calendar-feed', { schema: { tags: ['incidents'], summary: "A new secret URL for the customer's maintenance calendar (replaces the old)", response: { 201: z.object({ token: z.string(), path: z.string() }) } } }, async (request, reply) =>
      reply.status(201).send(await maintenance.feedToken(scopeOf(request))),
    );
    app.get(
      '/portal/calendar.ics',
      { config: { public: true }, schema: { tags: ['incidents'], summary: "The customer's upcoming maintenance windows as iCalendar (for calendar apps; the token is the credential)", querystring: z.object({ token: z.string().min(1).max(200) }) } },
      async (request, reply) => reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(await maintenance.calendar(request.query.token)),
    );

    // ── status page ──
    app.get(
      '/status',
      {
        schema: {
          tags: ['incidents'],
          summary: "A customer's status: incidents affecting it now and lately, upcoming planned work, its ledger",
          querystring: z.object({ customerId: z.uuid().optional() }),
          response: { 200: z.object({ current: z.array(Incident), recent: z.array(Incident), maintenance: z.array(Window), ledger: z.array(LedgerLine) }) },
        },
      },
      async (request) => {
        const scope = scopeOf(request);
        const customerId = scope.kind === 'customer' ? scope.customerId : request.query.customerId;
        const [all, windows, ledger] = await Promise.all([incidents.list(scope, { customerId }), maintenance.list(scope, { upcoming: true, customerId }), incidents.customerLedger(scope, customerId)]);
        return { current: all.filter((i) => i.status === 'open'), recent: all.filter((i) => i.status === 'resolved').slice(0, 20), maintenance: windows, ledger };
      },
    );
  };
}
