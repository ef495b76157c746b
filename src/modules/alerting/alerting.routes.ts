import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../http/dto.js';
import { scopeOf } from '../../http/auth.js';
import {
  AlertChannel,
  AlertChannelBody,
  AlertChannelList,
  AlertChannelPatch,
  AlertDelivery,
  AlertDeliveryList,
  AlertDeliveryQuery,
  AlertSubscriptionList,
  AlertSubscriptionsBody,
} from './alerting.dto.js';
import type { AlertingService } from './alerting.service.js';

/** 告警通道 (issue 20 §5): admin only. */
export function alertingRoutes(deps: { alerting: AlertingService }): FastifyPluginAsyncZod {
  const tags = ['alerting'];
  return async (app) => {
    app.get('/alert-channels', { schema: { tags, summary: 'Alert channels (secrets never answered; URLs masked)', response: { 200: AlertChannelList } } }, async (request) => ({
      items: await deps.alerting.channels(scopeOf(request)),
    }));
    app.post('/alert-channels', { schema: { tags, summary: 'Add a channel: 企业微信 / 钉钉 group robot or generic webhook', body: AlertChannelBody, response: { 201: AlertChannel } } }, async (request, reply) => {
      reply.code(201);
      return deps.alerting.createChannel(scopeOf(request), request.body);
    });
    app.patch(
      '/alert-channels/:id',
      { schema: { tags, summary: 'Edit a channel (name, URL, secret, enabled); omitted fields stay', params: IdParams, body: AlertChannelPatch, response: { 200: AlertChannel } } },
      async (request) => deps.alerting.updateChannel(scopeOf(request), request.params.id, request.body),
    );
    app.post(
      '/alert-channels/:id/test',
      { schema: { tags, summary: 'Send a test message through the outbox now; answers the delivery after the attempt', params: IdParams, response: { 200: AlertDelivery } } },
      async (request) => deps.alerting.sendTest(scopeOf(request), request.params.id),
    );
    app.get('/alert-subscriptions', { schema: { tags, summary: 'Which channels each event kind reaches, per staff role', response: { 200: AlertSubscriptionList } } }, async (request) => ({
      items: await deps.alerting.subscriptions(scopeOf(request)),
    }));
    app.put(
      '/alert-subscriptions',
      { schema: { tags, summary: 'Replace the whole matrix (event kind × role → channels)', body: AlertSubscriptionsBody, response: { 200: AlertSubscriptionList } } },
      async (request) => ({ items: await deps.alerting.setSubscriptions(scopeOf(request), request.body.items) }),
    );
    app.get('/alert-deliveries', { schema: { tags, summary: 'Recent alert deliveries with their status', querystring: AlertDeliveryQuery, response: { 200: AlertDeliveryList } } }, async (request) => ({
      items: await deps.alerting.deliveries(scopeOf(request), request.query),
    }));
  };
}
