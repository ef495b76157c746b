import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { DOCUMENT_TYPES } from '../../files/sniff.js';
import { scopeOf } from '../../http/auth.js';
import { FileBody, IdParams } from '../../http/dto.js';
import { readUpload } from '../../http/upload.js';
import {
  AssignBody,
  AttachmentFields,
  AttachmentParams,
  CommentBody,
  OpenTicketBody,
  ReportQuery,
  SlaTargetBody,
  StatusBody,
  Ticket,
  TicketAssigneeList,
  TicketAttachment,
  TicketComment,
  TicketDetail,
  TicketList,
  TicketQuery,
  TicketResponseTimesReport,
  TicketSlaTarget,
  TicketSlaTargetList,
} from './tickets.dto.js';
import { ATTACHMENT_MAX_BYTES, type TicketsService } from './tickets.service.js';
import { contentDisposition } from '../../http/download.js';

export function ticketsRoutes(deps: { tickets: TicketsService }): FastifyPluginAsyncZod {
  const { tickets } = deps;
  return async (app) => {
    app.get(
      '/tickets',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Tickets, as a queue: by status, type, customer, assignee; oldest first with sort=age (a customer sees its own)',
          querystring: TicketQuery,
          response: { 200: TicketList },
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
          body: OpenTicketBody,
          response: { 201: Ticket },
        },
      },
      async (request, reply) => reply.status(201).send(await tickets.open(scopeOf(request), request.body)),
    );
    app.get('/tickets/assignees', { schema: { tags: ['tickets'], summary: 'Staff a ticket can be assigned to', response: { 200: TicketAssigneeList } } }, async (request) => ({
      items: await tickets.assignees(scopeOf(request)),
    }));
    app.get('/tickets/sla-targets', { schema: { tags: ['tickets'], summary: 'Response targets per ticket type (7×24 clock time)', response: { 200: TicketSlaTargetList } } }, async (request) => ({
      items: await tickets.slaTargets(scopeOf(request)),
    }));
    app.put(
      '/tickets/sla-targets',
      {
        schema: {
          tags: ['tickets'],
          summary: "Change a type's response targets (admin)",
          body: SlaTargetBody,
          response: { 200: TicketSlaTarget },
        },
      },
      async (request) => {
        const { type, ...target } = request.body;
        return tickets.setSlaTarget(scopeOf(request), type, target);
      },
    );
    app.get(
      '/tickets/reports/response-times',
      { schema: { tags: ['tickets'], summary: 'Response times per month and type (count, median/p90 first response, median resolution, % within target)', querystring: ReportQuery, response: { 200: TicketResponseTimesReport } } },
      async (request) => tickets.responseTimes(scopeOf(request), request.query),
    );
    app.get(
      '/tickets/reports/response-times.csv',
      { schema: { tags: ['tickets'], summary: 'The response-time report as CSV', querystring: ReportQuery, produces: ['text/csv'], response: { 200: FileBody } } },
      async (request, reply) => {
        const csv = await tickets.responseTimesCsv(scopeOf(request), request.query);
        reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ticket-response-times${request.query.from ? `-${request.query.from}` : ''}${request.query.to ? `-${request.query.to}` : ''}.csv"`);
        return csv;
      },
    );
    app.get(
      '/tickets/:id',
      {
        schema: {
          tags: ['tickets'],
          summary: 'A ticket with its thread, attachments and measured times (internal notes for staff only)',
          params: IdParams,
          response: { 200: TicketDetail },
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
          body: CommentBody,
          response: { 201: TicketComment },
        },
      },
      async (request, reply) => reply.status(201).send(await tickets.comment(scopeOf(request), request.params.id, request.body.body, { internal: request.body.internal })),
    );
    app.post(
      '/tickets/:id/status',
      { schema: { tags: ['tickets'], summary: 'Move a ticket on (acknowledged, in progress, resolved, closed)', params: IdParams, body: StatusBody, response: { 200: Ticket } } },
      async (request) => tickets.transition(scopeOf(request), request.params.id, request.body.status),
    );
    app.post(
      '/tickets/:id/assign',
      { schema: { tags: ['tickets'], summary: 'Assign to a staff member (null: back to the queue); audited', params: IdParams, body: AssignBody, response: { 200: Ticket } } },
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
          response: { 201: TicketAttachment },
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request, ATTACHMENT_MAX_BYTES);
        const meta = AttachmentFields.safeParse(upload.fields);
        if (!meta.success) throw new AppError('VALIDATION_FAILED', {}, meta.error.issues.map((i) => ({ path: i.path.join('.'), key: 'field.invalid' })));
        return reply.status(201).send(await tickets.attach(scopeOf(request), request.params.id, { bytes: upload.bytes, fileName: upload.fileName, ...meta.data }));
      },
    );
    app.get(
      '/tickets/:id/attachments/:attachmentId',
      { schema: { tags: ['tickets'], summary: 'An attachment file', params: AttachmentParams, produces: [...DOCUMENT_TYPES], response: { 200: FileBody } } },
      async (request, reply) => {
        const f = await tickets.attachmentFile(scopeOf(request), request.params.id, request.params.attachmentId);
        reply
          .header('content-type', f.contentType)
          .header('content-disposition', contentDisposition(f.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store');
        return f.bytes;
      },
    );
  };
}
