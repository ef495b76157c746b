import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { scopeOf } from '../../http/auth.js';
import { IdParams, Timestamp } from '../../http/dto.js';
import { readUpload } from '../../http/upload.js';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from './tickets.schema.js';
import { ATTACHMENT_MAX_BYTES, type TicketsService } from './tickets.service.js';

const SlaClock = z.object({ state: z.enum(['met', 'breached', 'running', 'none']), targetMinutes: z.number().nullable(), dueAt: Timestamp, minutesLeft: z.number().nullable() });
const Ticket = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    serverId: z.uuid().nullable(),
    contractId: z.uuid().nullable(),
    domain: z.string().nullable(),
    assigneeId: z.uuid().nullable(),
    type: z.enum(TICKET_TYPES),
    priority: z.enum(TICKET_PRIORITIES),
    subject: z.string(),
    description: z.string(),
    status: z.enum(TICKET_STATUSES),
    openedBy: z.string(),
    openedAt: Timestamp,
    firstResponseAt: Timestamp,
    resolvedAt: Timestamp,
    closedAt: Timestamp,
    firstResponseMinutes: z.number().nullable(),
    resolutionMinutes: z.number().nullable(),
    sla: z.object({ firstResponse: SlaClock, resolution: SlaClock }),
  })
  .meta({ id: 'Ticket' });
const Comment = z.object({ id: z.uuid(), ticketId: z.uuid(), customerId: z.uuid(), authorId: z.string().nullable(), authorKind: z.string(), body: z.string(), internal: z.boolean(), createdAt: Timestamp });
const Attachment = z
  .object({ id: z.uuid(), ticketId: z.uuid(), commentId: z.uuid().nullable(), fileName: z.string(), contentType: z.string(), size: z.number(), internal: z.boolean(), uploadedBy: z.string(), uploadedAt: Timestamp })
  .meta({ id: 'TicketAttachment' });
const Mail = z.object({ id: z.uuid(), commentId: z.uuid(), recipient: z.string(), status: z.string(), attempts: z.number(), lastError: z.string().nullable(), sentAt: Timestamp });
const SlaTarget = z.object({ type: z.enum(TICKET_TYPES), firstResponseMinutes: z.number(), resolutionMinutes: z.number().nullable(), updatedAt: Timestamp }).meta({ id: 'TicketSlaTarget' });
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const ReportQuery = z.object({ from: Month.optional(), to: Month.optional() });
const ReportRow = z
  .object({
    month: z.string(),
    type: z.string(),
    count: z.number(),
    medianFirstResponseMinutes: z.number().nullable(),
    p90FirstResponseMinutes: z.number().nullable(),
    medianResolutionMinutes: z.number().nullable(),
    judged: z.number(),
    withinTarget: z.number(),
    withinTargetPercent: z.number().nullable(),
  })
  .meta({ id: 'TicketResponseTimes' });
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export function ticketsRoutes(deps: { tickets: TicketsService }): FastifyPluginAsyncZod {
  const { tickets } = deps;
  return async (app) => {
    app.get(
      '/tickets',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Tickets, as a queue: by status, type, customer, assignee; oldest first with sort=age (a customer sees its own)',
          querystring: z.object({
            status: z.enum(TICKET_STATUSES).optional(),
            active: flag.optional(),
            type: z.enum(TICKET_TYPES).optional(),
            customerId: z.uuid().optional(),
            assigneeId: z.uuid().optional(),
            unassigned: flag.optional(),
            sort: z.enum(['age', 'newest']).default('newest'),
          }),
          response: { 200: z.object({ items: z.array(Ticket) }) },
        },
      },
      async (request) => ({ items: await tickets.list(scopeOf(request), request.query) }),
    );
    app.post(
      '/tickets',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Open a ticket — e.g. a reboot, at any hour, as often as needed (6.1); tied to a server, contract or domain',
          body: z.object({
            customerId: z.uuid().optional(),
            serverId: z.uuid().nullable().optional(),
            contractId: z.uuid().nullable().optional(),
            domain: z.string().trim().max(253).nullable().optional(),
            type: z.enum(TICKET_TYPES),
            priority: z.enum(TICKET_PRIORITIES).optional(),
            subject: z.string().trim().min(1).max(200),
            description: z.string().trim().max(5000).default(''),
          }),
          response: { 201: Ticket },
        },
      },
      async (request, reply) => reply.status(201).send(await tickets.open(scopeOf(request), request.body)),
    );
    app.get('/tickets/assignees', { schema: { tags: ['tickets'], summary: 'Staff a ticket can be assigned to', response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string(), login: z.string() })) }) } } }, async (request) => ({
      items: await tickets.assignees(scopeOf(request)),
    }));
    app.get('/tickets/sla-targets', { schema: { tags: ['tickets'], summary: 'Response targets per ticket type (7×24 clock time)', response: { 200: z.object({ items: z.array(SlaTarget) }) } } }, async (request) => ({
      items: await tickets.slaTargets(scopeOf(request)),
    }));
    app.put(
      '/tickets/sla-targets',
      {
        schema: {
          tags: ['tickets'],
          summary: "Change a type's response targets (admin)",
          body: z.object({ type: z.enum(TICKET_TYPES), firstResponseMinutes: z.number().int().min(1).max(100_000), resolutionMinutes: z.number().int().min(1).max(1_000_000).nullable() }),
          response: { 200: SlaTarget },
        },
      },
      async (request) => {
        const { type, ...target } = request.body;
        return tickets.setSlaTarget(scopeOf(request), type, target);
      },
    );
    app.get(
      '/tickets/reports/response-times',
      { schema: { tags: ['tickets'], summary: 'Response times per month and type (count, median/p90 first response, median resolution, % within target)', querystring: ReportQuery, response: { 200: z.object({ from: z.string(), to: z.string(), items: z.array(ReportRow) }) } } },
      async (request) => tickets.responseTimes(scopeOf(request), request.query),
    );
    app.get('/tickets/reports/response-times.csv', { schema: { tags: ['tickets'], summary: 'The response-time report as CSV', querystring: ReportQuery } }, async (request, reply) => {
      const csv = await tickets.responseTimesCsv(scopeOf(request), request.query);
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ticket-response-times${request.query.from ? `-${request.query.from}` : ''}${request.query.to ? `-${request.query.to}` : ''}.csv"`);
      return csv;
    });
    app.get(
      '/tickets/:id',
      {
        schema: {
          tags: ['tickets'],
          summary: 'A ticket with its thread, attachments and measured times (internal notes for staff only)',
          params: IdParams,
          response: { 200: Ticket.extend({ assigneeName: z.string().nullable(), comments: z.array(Comment), attachments: z.array(Attachment), mails: z.array(Mail) }) },
        },
      },
      async (request) => tickets.get(scopeOf(request), request.params.id),
    );
    app.post(
      '/tickets/:id/comments',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Reply (the first public staff reply is the first response); internal=true is a staff note the customer never sees',
          params: IdParams,
          body: z.object({ body: z.string().trim().min(1).max(5000), internal: z.boolean().default(false) }),
          response: { 201: Comment },
        },
      },
      async (request, reply) => reply.status(201).send(await tickets.comment(scopeOf(request), request.params.id, request.body.body, { internal: request.body.internal })),
    );
    app.post(
      '/tickets/:id/status',
      { schema: { tags: ['tickets'], summary: 'Move a ticket on (acknowledged, in progress, resolved, closed)', params: IdParams, body: z.object({ status: z.enum(TICKET_STATUSES) }), response: { 200: Ticket } } },
      async (request) => tickets.transition(scopeOf(request), request.params.id, request.body.status),
    );
    app.post(
      '/tickets/:id/assign',
      { schema: { tags: ['tickets'], summary: 'Assign to a staff member (null: back to the queue); audited', params: IdParams, body: z.object({ assigneeId: z.uuid().nullable() }), response: { 200: Ticket } } },
      async (request) => tickets.assign(scopeOf(request), request.params.id, request.body.assigneeId),
    );
    app.post(
      '/tickets/:id/attachments',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Attach a file (multipart: file — PDF/JPEG/PNG ≤ 10 MB; commentId; internal=true for staff)',
          params: IdParams,
          consumes: ['multipart/form-data'],
          response: { 201: Attachment },
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request, ATTACHMENT_MAX_BYTES);
        const meta = z.object({ commentId: z.uuid().optional(), internal: flag.optional() }).safeParse(upload.fields);
        if (!meta.success) throw new AppError('VALIDATION_FAILED', {}, meta.error.issues.map((i) => ({ path: i.path.join('.'), key: 'field.invalid' })));
        return reply.status(201).send(await tickets.attach(scopeOf(request), request.params.id, { bytes: upload.bytes, fileName: upload.fileName, ...meta.data }));
      },
    );
    app.get('/tickets/:id/attachments/:attachmentId', { schema: { tags: ['tickets'], summary: 'An attachment file', params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) } }, async (request, reply) => {
      const f = await tickets.attachmentFile(scopeOf(request), request.params.id, request.params.attachmentId);
      reply
        .header('content-type', f.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store');
      return f.bytes;
    });
  };
}
