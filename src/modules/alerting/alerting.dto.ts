import { z } from 'zod';
import { ItemsOf, Timestamp } from '../../http/dto.js';
import { STAFF_ROLES } from '../../core/scope.js';
import { ALERT_CHANNEL_KINDS, ALERT_DELIVERY_STATUSES, ALERT_EVENT_KINDS } from './alerting.schema.js';

export const AlertChannelKind = z.enum(ALERT_CHANNEL_KINDS).meta({ id: 'AlertChannelKind', description: 'wecom = 企业微信群机器人, dingtalk = 钉钉群机器人, webhook = generic signed webhook' });
export const AlertEventKind = z.enum(ALERT_EVENT_KINDS).meta({ id: 'AlertEventKind' });

const url = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/\S+$/, { message: 'field.invalid' });
const secret = z.string().trim().min(1).max(500);

export const AlertChannelBody = z.object({
  kind: AlertChannelKind,
  name: z.string().trim().min(1).max(100),
  url,
  secret: secret.nullable().optional().meta({ description: '钉钉 加签 secret (SEC…), or the webhook HMAC key (required for webhook); never answered back' }),
  enabled: z.boolean().optional(),
});

export const AlertChannelPatch = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  url: url.optional().meta({ description: 'omitted: unchanged' }),
  secret: secret.nullable().optional().meta({ description: 'omitted: unchanged; null: removed' }),
  enabled: z.boolean().optional(),
});

export const AlertChannel = z
  .object({
    id: z.string(),
    kind: AlertChannelKind,
    name: z.string(),
    url: z.string().meta({ description: 'the URL with its query values cut to four characters (the robots carry their key there)' }),
    secretSet: z.boolean(),
    enabled: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'AlertChannel' });
export const AlertChannelList = ItemsOf(AlertChannel).meta({ id: 'AlertChannelList' });

export const AlertSubscription = z
  .object({ eventKind: AlertEventKind, role: z.enum(STAFF_ROLES), channelId: z.uuid() })
  .meta({ id: 'AlertSubscription' });
export const AlertSubscriptionList = ItemsOf(AlertSubscription).meta({ id: 'AlertSubscriptionList' });
export const AlertSubscriptionsBody = z.object({ items: z.array(AlertSubscription).max(500) });

export const AlertDelivery = z
  .object({
    id: z.string(),
    eventKind: z.enum([...ALERT_EVENT_KINDS, 'test']),
    eventKey: z.string(),
    channelId: z.string(),
    channelName: z.string(),
    channelKind: AlertChannelKind,
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    status: z.enum(ALERT_DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: Timestamp,
    lastError: z.string().nullable(),
    response: z.string().nullable(),
    sentAt: Timestamp,
    createdAt: Timestamp,
  })
  .meta({ id: 'AlertDelivery' });
export const AlertDeliveryList = ItemsOf(AlertDelivery).meta({ id: 'AlertDeliveryList' });
export const AlertDeliveryQuery = z.object({ channelId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).optional() });
