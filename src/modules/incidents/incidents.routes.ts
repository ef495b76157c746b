import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { FileBody, IdParams } from '../../http/dto.js';
import type { AlertsService } from './alerts.service.js';
import {
  AlertIngestResult,
  AlertmanagerWebhook,
  CalendarFeed,
  CalendarFeedQuery,
  CancelledWindow,
  CompensationLineList,
  ConsentDecision,
  ContractLedger,
  CustomerQuery,
  CustomerStatusPage,
  DecisionBody,
  DisputeBody,
  DisputeTicket,
  Incident,
  IncidentDashboard,
  IncidentDetail,
  IncidentList,
  IncidentPatchBody,
  IncidentQuery,
  LatestRecomputeRun,
  RecomputeRun,
  MaintenanceQuery,
  MaintenanceWindowList,
  MapAlertBody,
  NoteBody,
  Ok,
  OpenedIncident,
  OpenIncidentBody,
  PerformBody,
  PerformedWindow,
  ResolveBody,
  RestoreBody,
  ScheduleBody,
  ScheduledWindow,
  SuspendServerBody,
  TimelineQuery,
  UnmatchedAlert,
  UnmatchedAlertList,
  UnmatchedQuery,
  UpdatedIncident,
  WindowDetail,
} from './incidents.dto.js';
import type { IncidentsService } from './incidents.service.js';
import type { MaintenanceService } from './maintenance.service.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['incidents'];

/** Incidents (6.2, 6.3) and the NOC's suspension of a server that destabilises the network. */
function incidentRoutes(app: App, incidents: IncidentsService) {
  app.get('/incidents', { schema: { tags, summary: 'Incidents (a customer sees those that interrupted its servers)', querystring: IncidentQuery, response: { 200: IncidentList } } }, async (request) => ({
    items: await incidents.list(scopeOf(request), request.query),
  }));
  app.post(
    '/incidents',
    { schema: { tags, summary: 'Open an incident (NOC); start and report times may be given for an outage recorded after the fact', body: OpenIncidentBody, response: { 201: OpenedIncident } } },
    async (request, reply) => reply.status(201).send(await incidents.open(scopeOf(request), request.body)),
  );
  app.get('/incidents/dashboard', { schema: { tags, summary: "The NOC's board: open incidents, line-fault clocks near breach", response: { 200: IncidentDashboard } } }, async (request) => incidents.dashboard(scopeOf(request)));
  app.get('/incidents/:id', { schema: { tags, summary: 'An incident with its timeline and interruptions', params: IdParams, response: { 200: IncidentDetail } } }, async (request) => incidents.get(scopeOf(request), request.params.id));
  app.patch(
    '/incidents/:id',
    { schema: { tags, summary: 'Edit or reclassify an incident; the ledgers it touches are recomputed', params: IdParams, body: IncidentPatchBody, response: { 200: UpdatedIncident } } },
    async (request) => incidents.update(scopeOf(request), request.params.id, request.body),
  );
  app.post(
    '/incidents/:id/resolve',
    { schema: { tags, summary: 'Resolve: closes every interval, stops the 24-hour clock, recomputes compensation', params: IdParams, body: ResolveBody, response: { 200: Incident } } },
    async (request) => incidents.resolve(scopeOf(request), request.params.id, request.body),
  );
  app.post('/incidents/:id/notes', { schema: { tags, summary: 'Add an update to the timeline', params: IdParams, body: NoteBody, response: { 201: Ok } } }, async (request, reply) =>
    reply.status(201).send(await incidents.addNote(scopeOf(request), request.params.id, request.body.body)),
  );
  app.post(
    '/suspensions',
    { schema: { tags, summary: 'Suspend a server that destabilises the network (6.3): reason and evidence; the customer is told; not compensated', body: SuspendServerBody, response: { 201: Incident } } },
    async (request, reply) => reply.status(201).send(await incidents.suspend(scopeOf(request), request.body)),
  );
  app.post('/incidents/:id/restore', { schema: { tags, summary: 'Restore a suspended server and close its suspension', params: IdParams, body: RestoreBody, response: { 200: Incident } } }, async (request) =>
    incidents.restore(scopeOf(request), request.params.id, request.body),
  );
}

/** Prometheus Alertmanager: alerts open and resolve incidents; those that match nothing wait for the NOC. */
function alertRoutes(app: App, alerts: AlertsService) {
  app.post(
    '/alerts/alertmanager',
    { schema: { tags, summary: "Prometheus Alertmanager webhook (version 4), with an API token holding 'alerts:write'", body: AlertmanagerWebhook, response: { 200: AlertIngestResult } }, bodyLimit: 4 * 1024 * 1024 },
    async (request) => alerts.ingest(scopeOf(request), request.body),
  );
  app.get('/alerts/unmatched', { schema: { tags, summary: 'Alerts whose labels matched nothing: they opened no incident (NOC)', querystring: UnmatchedQuery, response: { 200: UnmatchedAlertList } } }, async (request) => ({
    items: await alerts.unmatched(scopeOf(request), { waiting: request.query.waiting ?? false }),
  }));
  app.post(
    '/alerts/unmatched/:id/map',
    { schema: { tags, summary: 'Say where an unmatched alert bites: opens its incident from the alert’s start (NOC)', params: IdParams, body: MapAlertBody, response: { 200: UnmatchedAlert } } },
    async (request) => alerts.mapUnmatched(scopeOf(request), request.params.id, request.body.scope),
  );
}

/** 7.2: the compensation ledger, its timeline, and a customer's dispute of a line. */
function compensationRoutes(app: App, incidents: IncidentsService) {
  app.get('/compensation', { schema: { tags, summary: "A customer's compensation ledger lines", querystring: CustomerQuery, response: { 200: CompensationLineList } } }, async (request) => ({
    items: await incidents.customerLedger(scopeOf(request), request.query.customerId),
  }));
  app.get(
    '/compensation/:id',
    { schema: { tags, summary: "A contract's ledger: credited hours per merged interruption, or why none; the service end it moves", params: IdParams, response: { 200: ContractLedger } } },
    async (request) => incidents.ledger(scopeOf(request), request.params.id),
  );
  app.get(
    '/compensation/:id/timeline.svg',
    {
      schema: {
        tags,
        summary: 'Outage timeline of a contract (SVG); `lang` for an <img> that cannot send Accept-Language',
        params: IdParams,
        querystring: TimelineQuery,
        produces: ['image/svg+xml'],
        response: { 200: FileBody },
      },
    },
    async (request, reply) => {
      const svg = await incidents.timelineSvg(scopeOf(request), request.params.id, request.query.lang ?? request.locale);
      return reply.type('image/svg+xml; charset=utf-8').header('x-content-type-options', 'nosniff').send(svg);
    },
  );
  // issue 20 §6: the recomputation (the CLI's `compensation recompute`) as a background job, and its progress
  app.post(
    '/compensation/recompute-runs',
    { schema: { tags, summary: "Start recomputing every contract's compensation ledger in the background (one run at a time; 409 while one runs)", response: { 202: RecomputeRun } } },
    async (request, reply) => reply.status(202).send(await incidents.startRecompute(scopeOf(request))),
  );
  app.get(
    '/compensation/recompute-runs/latest',
    { schema: { tags, summary: 'The latest recomputation (running or finished), or none', response: { 200: LatestRecomputeRun } } },
    async (request) => ({ run: await incidents.latestRecomputeRun(scopeOf(request)) }),
  );
  app.get(
    '/compensation/recompute-runs/:id',
    { schema: { tags, summary: "A recomputation's progress: its step, contracts done of total, and once finished its result", params: IdParams, response: { 200: RecomputeRun } } },
    async (request) => incidents.recomputeRun(scopeOf(request), request.params.id),
  );
  app.post(
    '/compensation/lines/:id/dispute',
    { schema: { tags, summary: 'Dispute a ledger line (opens a ticket)', params: IdParams, body: DisputeBody, response: { 201: DisputeTicket } } },
    async (request, reply) => reply.status(201).send(await incidents.dispute(scopeOf(request), request.params.id, request.body.reason, request.locale)),
  );
}

/** Planned work (6.3, 7.3): notice, consent, performance, and the customer's calendar feed. */
function maintenanceRoutes(app: App, maintenance: MaintenanceService) {
  app.get('/maintenance', { schema: { tags, summary: 'Maintenance windows (a customer sees those affecting it)', querystring: MaintenanceQuery, response: { 200: MaintenanceWindowList } } }, async (request) => ({
    items: await maintenance.list(scopeOf(request), { upcoming: request.query.upcoming ?? false, customerId: request.query.customerId }),
  }));
  app.post(
    '/maintenance',
    { schema: { tags, summary: 'Schedule planned work; expansion, relocation and cut-over need 48 h between notice and start (6.3)', body: ScheduleBody, response: { 201: ScheduledWindow } } },
    async (request, reply) => reply.status(201).send(await maintenance.schedule(scopeOf(request), request.body)),
  );
  app.get('/maintenance/:id', { schema: { tags, summary: 'A maintenance window with its consents', params: IdParams, response: { 200: WindowDetail } } }, async (request) => maintenance.get(scopeOf(request), request.params.id));
  app.post(
    '/maintenance/:id/decision',
    { schema: { tags, summary: "The customer's consent to (or refusal of) provider work (7.3)", params: IdParams, body: DecisionBody, response: { 200: ConsentDecision } } },
    async (request) => maintenance.decide(scopeOf(request), request.params.id, request.body.decision),
  );
  app.post('/maintenance/:id/cancel', { schema: { tags, summary: 'Cancel a scheduled window (customers are told)', params: IdParams, response: { 200: CancelledWindow } } }, async (request) =>
    maintenance.cancel(scopeOf(request), request.params.id),
  );
  app.post(
    '/maintenance/:id/perform',
    { schema: { tags, summary: 'Record the work as done: its interruption, with notice and consent as they stood, feeds compensation', params: IdParams, body: PerformBody, response: { 200: PerformedWindow } } },
    async (request) => maintenance.perform(scopeOf(request), request.params.id, request.body),
  );
  app.post('/portal/calendar-feed', { schema: { tags, summary: "A new secret URL for the customer's maintenance calendar (replaces the old)", response: { 201: CalendarFeed } } }, async (request, reply) =>
    reply.status(201).send(await maintenance.feedToken(scopeOf(request))),
  );
  app.get(
    '/portal/calendar.ics',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "The customer's upcoming maintenance windows as iCalendar (for calendar apps; the token is the credential)",
        querystring: CalendarFeedQuery,
        produces: ['text/calendar'],
        response: { 200: FileBody },
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await maintenance.calendar(request.query.token, request.locale)),
  );
}

/** The customer's status page: what affects it now and lately, planned work, its ledger. */
function statusRoutes(app: App, incidents: IncidentsService, maintenance: MaintenanceService) {
  app.get(
    '/status',
    { schema: { tags, summary: "A customer's status: incidents affecting it now and lately, upcoming planned work, its ledger", querystring: CustomerQuery, response: { 200: CustomerStatusPage } } },
    async (request) => {
      const scope = scopeOf(request);
      const customerId = scope.kind === 'customer' ? scope.customerId : request.query.customerId;
      const [all, windows, ledger] = await Promise.all([incidents.list(scope, { customerId }), maintenance.list(scope, { upcoming: true, customerId }), incidents.customerLedger(scope, customerId)]);
      return { current: all.filter((i) => i.status === 'open'), recent: all.filter((i) => i.status === 'resolved').slice(0, 20), maintenance: windows, ledger };
    },
  );
}

export function incidentsRoutes(deps: { incidents: IncidentsService; maintenance: MaintenanceService; alerts: AlertsService }): FastifyPluginAsyncZod {
  return async (app) => {
    incidentRoutes(app, deps.incidents);
    alertRoutes(app, deps.alerts);
    compensationRoutes(app, deps.incidents);
    maintenanceRoutes(app, deps.maintenance);
    statusRoutes(app, deps.incidents, deps.maintenance);
  };
}
