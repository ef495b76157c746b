import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { CalendarDate, IdParams, Timestamp } from '../../http/dto.js';
import { CONTRACT_STATUSES } from './contracts.schema.js';
import { Invoice } from './contracts.routes.js';
import type { BillingService } from './billing.service.js';

const Payment = z
  .object({ id: z.uuid(), invoiceId: z.uuid(), customerId: z.uuid(), amountFen: z.number(), appliedFen: z.number(), creditedFen: z.number(), receivedOn: z.string(), bankReference: z.string().nullable(), recordedBy: z.uuid().nullable(), createdAt: Timestamp })
  .meta({ id: 'Payment' });
const DunningAction = z
  .object({
    id: z.uuid(),
    invoiceId: z.uuid(),
    customerId: z.uuid(),
    kind: z.enum(['reminder', 'suspension_proposal']),
    step: z.number(),
    dueOn: z.string(),
    noticeId: z.uuid().nullable(),
    decision: z.enum(['proposed', 'confirmed', 'dismissed']).nullable(),
    decidedBy: z.uuid().nullable(),
    decidedAt: Timestamp,
    createdAt: Timestamp,
  })
  .meta({ id: 'DunningAction' });
const Policy = z.object({ reminderDays: z.array(z.number().int()), suspensionProposalDays: z.number().int(), updatedAt: Timestamp }).meta({ id: 'DunningPolicy' });
const Document = { params: IdParams, querystring: z.object({ format: z.enum(['pdf', 'html']).default('pdf') }) };

export function billingRoutes(deps: { billing: BillingService }): FastifyPluginAsyncZod {
  const { billing } = deps;
  return async (app) => {
    app.get(
      '/invoices/:id',
      { schema: { tags: ['billing'], summary: 'An invoice with its payments, dunning steps and the customer credit', params: IdParams, response: { 200: Invoice.extend({ outstandingFen: z.number(), payments: z.array(Payment), dunning: z.array(DunningAction), creditBalanceFen: z.number() }) } } },
      async (request) => billing.invoice(scopeOf(request), request.params.id),
    );
    app.get('/invoices/:id/document', { schema: { tags: ['billing'], summary: 'The invoice as PDF (default) or HTML, amounts in figures and 大写', ...Document } }, async (request, reply) => {
      const doc = await billing.invoiceDocument(scopeOf(request), request.params.id, request.query.format);
      return reply.header('content-type', doc.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`).send(doc.bytes);
    });
    app.post(
      '/invoices/:id/payments',
      {
        schema: {
          tags: ['billing'],
          summary: 'Record a bank transfer (finance); partial payments add up, an overpayment becomes credit',
          params: IdParams,
          body: z.object({ amount: z.string().trim().min(1).max(30), receivedOn: CalendarDate, bankReference: z.string().trim().min(1).max(64) }),
          response: { 201: Invoice.extend({ outstandingFen: z.number(), payment: Payment }) },
        },
      },
      async (request, reply) => reply.status(201).send(await billing.recordPayment(scopeOf(request), request.params.id, request.body)),
    );
    app.put(
      '/invoices/:id/fapiao-request',
      {
        schema: {
          tags: ['billing'],
          summary: '发票 request: title, tax number, type (ordinary 普票 / special 专票)',
          params: IdParams,
          body: z.object({ title: z.string().trim().min(1).max(100), taxNumber: z.string().trim().min(1).max(30), type: z.enum(['ordinary', 'special']) }),
          response: { 200: Invoice },
        },
      },
      async (request) => billing.requestFapiao(scopeOf(request), request.params.id, request.body),
    );
    app.post(
      '/invoices/:id/fapiao',
      { schema: { tags: ['billing'], summary: 'The 发票 number, entered by finance when issued', params: IdParams, body: z.object({ fapiaoNumber: z.string().trim().max(20), issuedOn: CalendarDate }), response: { 200: Invoice } } },
      async (request) => billing.recordFapiao(scopeOf(request), request.params.id, request.body),
    );
    app.get(
      '/customers/:id/credit',
      {
        schema: {
          tags: ['billing'],
          summary: "The customer's credit (overpayments kept, applied to the next invoice)",
          params: IdParams,
          response: { 200: z.object({ customerId: z.uuid(), balanceFen: z.number(), entries: z.array(z.object({ id: z.uuid(), amountFen: z.number(), paymentId: z.uuid().nullable(), invoiceId: z.uuid(), invoiceNumber: z.string(), createdAt: Timestamp })) }) },
        },
      },
      async (request) => billing.credit(scopeOf(request), request.params.id),
    );
    app.get('/billing/dunning-policy', { schema: { tags: ['billing'], summary: 'The dunning policy (staff)', response: { 200: Policy } } }, async (request) => billing.dunningPolicy(scopeOf(request)));
    app.put(
      '/billing/dunning-policy',
      { schema: { tags: ['billing'], summary: 'Set the dunning policy: reminder days after the due date, then the suspension proposal', body: z.object({ reminderDays: z.array(z.number().int()).min(1).max(10), suspensionProposalDays: z.number().int() }), response: { 200: Policy } } },
      async (request) => billing.setDunningPolicy(scopeOf(request), request.body),
    );
    app.get(
      '/billing/dunning',
      {
        schema: {
          tags: ['billing'],
          summary: 'Dunning steps: reminders sent and suspension proposals (a customer sees its own)',
          querystring: z.object({ decision: z.enum(['proposed', 'confirmed', 'dismissed']).optional(), invoiceId: z.uuid().optional() }),
          response: { 200: z.object({ items: z.array(DunningAction.extend({ invoiceNumber: z.string(), customerName: z.string(), outstandingFen: z.number() })) }) },
        },
      },
      async (request) => ({ items: await billing.dunning(scopeOf(request), request.query) }),
    );
    app.post(
      '/billing/dunning/:id/decision',
      { schema: { tags: ['billing'], summary: 'Confirm or dismiss a suspension proposal (never a termination)', params: IdParams, body: z.object({ decision: z.enum(['confirmed', 'dismissed']), note: z.string().trim().max(500).optional() }), response: { 200: DunningAction } } },
      async (request) => billing.decideProposal(scopeOf(request), request.params.id, request.body),
    );
    app.get(
      '/contracts/expiring',
      {
        schema: {
          tags: ['billing'],
          summary: 'Active contracts ending within N days (60 by default), bucketed 60/30/7 (第十三条)',
          querystring: z.object({ withinDays: z.coerce.number().int().min(1).max(366).default(60) }),
          response: {
            200: z.object({
              items: z.array(
                z.object({ id: z.uuid(), number: z.string(), customerId: z.uuid(), customerName: z.string(), status: z.enum(CONTRACT_STATUSES), termStart: z.string().nullable(), termEnd: z.string().nullable(), annualFeeFen: z.number(), daysLeft: z.number(), bucket: z.number().nullable(), renews: z.boolean() }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await billing.expiring(scopeOf(request), request.query.withinDays) }),
    );
    app.get(
      '/billing/sweeps',
      { schema: { tags: ['billing'], summary: 'The daily sweep, day by day (staff)', querystring: z.object({ limit: z.coerce.number().int().min(1).max(400).default(60) }), response: { 200: z.object({ items: z.array(z.object({ day: z.string(), ranAt: Timestamp, result: z.unknown() })) }) } } },
      async (request) => ({ items: await billing.sweeps(scopeOf(request), request.query.limit) }),
    );
  };
}
