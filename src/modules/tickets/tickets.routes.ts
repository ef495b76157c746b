import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { IdParams, Timestamp } from '../../http/dto.js';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from './tickets.schema.js';
import type { TicketsService } from './tickets.service.js';

const Ticket = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    serverId: z.uuid().nullable(),
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
  })
  .meta({ id: 'Ticket' });
const Comment = z.object({ id: z.uuid(), ticketId: z.uuid(), customerId: z.uuid(), authorId: z.string().nullable(), authorKind: z.string(), body: z.string(), createdAt: Timestamp });

export function ticketsRoutes(deps: { tickets: TicketsService }): FastifyPluginAsyncZod {
  const { tickets } = deps;
  return async (app) => {
    app.get(
      '/tickets',
      { schema: { tags: ['tickets'], summary: 'Tickets (a customer sees its own)', querystring: z.object({ status: z.enum(TICKET_STATUSES).optional(), customerId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(Ticket) }) } } },
      async (request) => ({ items: await tickets.list(scopeOf(request), request.query) }),
    );
    app.post(
      '/tickets',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Open a ticket — e.g. a reboot, at any hour, as often as needed (6.1)',
          body: z.object({ customerId: z.uuid().optional(), serverId: z.uuid().nullable().optional(), type: z.enum(TICKET_TYPES), priority: z.enum(TICKET_PRIORITIES).optional(), subject: z.string().trim().min(1).max(200), description: z.string().trim().max(5000).default('') }),
          response: { 201: Ticket },
        },
      },
      async (request, reply) => reply.status(201).send(await tickets.open(scopeOf(request), request.body)),
    );
    app.get('/tickets/:id', { schema: { tags: ['tickets'], summary: 'A ticket with its thread and measured times', params: IdParams, response: { 200: Ticket.extend({ comments: z.array(Comment) }) } } }, async (request) =>
      tickets.get(scopeOf(request), request.params.id),
    );
    app.post(
      '/tickets/:id/comments',
      { schema: { tags: ['tickets'], summary: 'Reply (the first staff reply is the first response)', params: IdParams, body: z.object({ body: z.string().trim().min(1).max(5000) }), response: { 201: Comment } } },
      async (request, reply) => reply.status(201).send(await tickets.comment(scopeOf(request), request.params.id, request.body.body)),
    );
    app.post(
      '/tickets/:id/status',
      { schema: { tags: ['tickets'], summary: 'Move a ticket on (acknowledged, in progress, resolved, closed)', params: IdParams, body: z.object({ status: z.enum(TICKET_STATUSES) }), response: { 200: Ticket } } },
      async (request) => tickets.transition(scopeOf(request), request.params.id, request.body.status),
    );
  };
}
