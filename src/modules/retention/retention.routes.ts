import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { IdParams } from '../../http/dto.js';
import { AnswerBody, CustomerParams, HoldBody, HoldList, KindParams, ManualHold, PolicyBody, PolicyList, RedactionList, RequestBody, RequestList, RequestQuery, RetentionPolicy, RetentionRequest } from './retention.dto.js';
import type { RetentionService } from './retention.service.js';

const tags = ['retention'];

/** Issue 22 §7: retention policies, legal holds, redactions done, and people's deletion/correction requests. */
export function retentionRoutes(deps: { retention: RetentionService }): FastifyPluginAsyncZod {
  const { retention } = deps;
  return async (app) => {
    app.get('/retention/policies', { schema: { tags, summary: 'The retention period per kind of personal data', response: { 200: PolicyList } } }, async (request) => ({ items: await retention.policies(scopeOf(request)) }));
    app.put('/retention/policies/:kind', { schema: { tags, summary: 'Set a period (months after the relationship ended / the version was replaced) and the answer period in working days', params: KindParams, body: PolicyBody, response: { 200: RetentionPolicy } } }, async (request) =>
      retention.setPolicy(scopeOf(request), request.params.kind, request.body),
    );
    app.get('/retention/customers/:customerId/holds', { schema: { tags, summary: "What holds a customer's data against redaction now", params: CustomerParams, response: { 200: HoldList } } }, async (request) => ({
      items: await retention.holdsOf(scopeOf(request), request.params.customerId),
    }));
    app.post('/retention/customers/:customerId/holds', { schema: { tags, summary: 'Place a legal hold by hand', params: CustomerParams, body: HoldBody, response: { 201: ManualHold } } }, async (request, reply) =>
      reply.status(201).send(await retention.placeHold(scopeOf(request), request.params.customerId, request.body.reason)),
    );
    app.post('/retention/holds/:id/release', { schema: { tags, summary: 'Release a hold placed by hand', params: IdParams, response: { 200: ManualHold } } }, async (request) => retention.releaseHold(scopeOf(request), request.params.id));
    app.get('/retention/customers/:customerId/redactions', { schema: { tags, summary: "What was redacted of a customer's data, when, under which policy or request", params: CustomerParams, response: { 200: RedactionList } } }, async (request) => ({
      items: await retention.redactions(scopeOf(request), request.params.customerId),
    }));
    app.get('/retention/requests', { schema: { tags, summary: 'Deletion and correction requests with their answer deadlines', querystring: RequestQuery, response: { 200: RequestList } } }, async (request) => ({
      items: await retention.requests(scopeOf(request), request.query),
    }));
    app.post('/retention/requests', { schema: { tags, summary: 'Register a person’s request (a personal_data ticket; due in N working days)', body: RequestBody, response: { 201: RetentionRequest } } }, async (request, reply) =>
      reply.status(201).send(await retention.openRequest(scopeOf(request), request.body)),
    );
    app.post('/retention/requests/:id/answer', { schema: { tags, summary: 'Answer it; a granted deletion redacts now unless a legal hold forbids (409 LEGAL_HOLD)', params: IdParams, body: AnswerBody, response: { 200: RetentionRequest } } }, async (request) =>
      retention.answerRequest(scopeOf(request), request.params.id, request.body),
    );
  };
}
