import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, STAFF_ROLES, type Scope, type StaffRole } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { CLAIM_LEASE_MS, RETRY_BACKOFF_MINUTES } from '../notices/mailer.js';
import type { AlertChannelRow, AlertDeliveryRow, AlertingRepository } from './alerting.repository.js';
import { ALERT_EVENT_KINDS, type AlertChannelKind, type AlertEventKind } from './alerting.schema.js';
import { buildRequest, DeliveryError, post } from './senders.js';

/** What a module's event becomes: a title and Markdown body in Chinese, and the path of the object in the console. */
export interface RaisedAlert {
  kind: AlertEventKind;
  /** what it is about (the ticket's id, …): raising it again reaches each channel once */
  key: string;
  title: string;
  body: string;
  /** a console path such as /console/tickets; made absolute with PUBLIC_URL */
  path: string | null;
}

export interface ChannelInput {
  kind: AlertChannelKind;
  name: string;
  url: string;
  secret?: string | null;
  enabled?: boolean;
}

export interface ChannelPatch {
  name?: string;
  /** omitted: unchanged (the API never answers the full URL, so a form cannot send it back) */
  url?: string;
  /** omitted: unchanged; null: removed */
  secret?: string | null;
  enabled?: boolean;
}

export interface SubscriptionInput {
  eventKind: AlertEventKind;
  role: StaffRole;
  channelId: string;
}

/**
 * The robots' URLs carry their credential (企业微信 `key=`, 钉钉 `access_token=`): the API shows the
 * host and path and only the first four characters of each query value.
 */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    const query = [...u.searchParams.entries()].map(([k, v]) => `${k}=${v.slice(0, 4)}${v.length > 4 ? '…' : ''}`).join('&');
    return `${u.protocol}//${u.host}${u.pathname}${query ? `?${query}` : ''}`;
  } catch {
    return '…';
  }
}

/** A channel as the API answers it: never the secret, never the full URL. */
export function presentChannel(row: AlertChannelRow) {
  const { secret, url, ...rest } = row;
  return { ...rest, url: maskUrl(url), secretSet: secret !== null };
}

const STAFF_ROLE_SET = new Set<string>(STAFF_ROLES);

/**
 * Issue 20 §5: alerts that reach people where they are — 企业微信 and 钉钉 group robots and a generic signed
 * webhook, chosen per event kind and staff role by an admin. Other modules' events are turned into
 * deliveries inside the emitter's transaction (reactions.ts); a job sends them outside any transaction,
 * with the notice e-mails' lease and backoff, each delivery once per channel.
 */
export function makeAlertingService(deps: {
  repo: AlertingRepository;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  ids: IdGenerator;
  publicUrl: string | undefined;
  /** bound on one HTTP exchange with a receiver */
  timeoutMs: number;
}) {
  const { repo, audit, clock, ids } = deps;
  const actorId = (scope: Scope) => (scope.kind === 'staff' ? scope.userId : null);
  const linkOf = (path: string | null) => (path && deps.publicUrl ? new URL(path, deps.publicUrl).toString() : null);

  function checkChannel(kind: AlertChannelKind, url: string, secret: string | null) {
    const fields: { path: string; key: string }[] = [];
    try {
      const u = new URL(url);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') fields.push({ path: 'url', key: 'field.invalid' });
    } catch {
      fields.push({ path: 'url', key: 'field.invalid' });
    }
    if (kind === 'webhook' && !secret) fields.push({ path: 'secret', key: 'field.required' });
    if (kind === 'wecom' && secret) fields.push({ path: 'secret', key: 'alerting.wecomUnsigned' });
    if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
  }

  async function enqueue(tx: Executor, channelId: string, alert: Omit<RaisedAlert, 'kind'> & { kind: AlertDeliveryRow['eventKind'] }, by: string | null): Promise<AlertDeliveryRow | undefined> {
    const now = clock.now();
    const row: AlertDeliveryRow = {
      id: ids.uuid(),
      eventKind: alert.kind,
      eventKey: alert.key,
      channelId,
      title: alert.title.slice(0, 200),
      body: alert.body.slice(0, 4000),
      link: linkOf(alert.path),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      claimedUntil: null,
      lastError: null,
      response: null,
      sentAt: null,
      createdBy: by,
      createdAt: now,
    };
    return (await repo.insertDelivery(tx, row)) ? row : undefined;
  }

  /** Sends what is due, one claimed delivery at a time, no transaction held while a receiver answers. */
  async function deliverDue(limit = 50): Promise<{ sent: number; retried: number; failed: number }> {
    const result = { sent: 0, retried: 0, failed: 0 };
    for (let n = 0; n < limit; n++) {
      const claimedAt = clock.now();
      const claimedUntil = new Date(claimedAt.getTime() + CLAIM_LEASE_MS);
      const claimed = await repo.claimDue(claimedAt, claimedUntil);
      if (!claimed) break;
      const { delivery, channel } = claimed;
      try {
        const request = buildRequest(channel, { deliveryId: delivery.id, eventKind: delivery.eventKind, title: delivery.title, body: delivery.body, link: delivery.link, occurredAt: delivery.createdAt, sentAt: claimedAt });
        const response = await post(request, deps.timeoutMs, channel.kind !== 'webhook');
        await repo.recordOutcome(delivery.id, claimedUntil, { status: 'sent', sentAt: clock.now(), response, lastError: null, nextAttemptAt: null, claimedUntil: null });
        result.sent += 1;
      } catch (err) {
        const permanent = (err instanceof DeliveryError && err.permanent) || delivery.attempts > RETRY_BACKOFF_MINUTES.length;
        await repo.recordOutcome(delivery.id, claimedUntil, {
          status: permanent ? 'failed' : 'pending',
          lastError: (err instanceof Error ? err.message : String(err)).slice(0, 500),
          nextAttemptAt: permanent ? null : new Date(claimedAt.getTime() + RETRY_BACKOFF_MINUTES[delivery.attempts - 1] * 60_000),
          claimedUntil: null,
        });
        if (permanent) result.failed += 1;
        else result.retried += 1;
      }
    }
    return result;
  }

  return {
    deliverDue,

    /** Called by reactions inside the emitter's transaction: one delivery per channel some role routes this kind to. */
    async raise(tx: Executor, alert: RaisedAlert): Promise<number> {
      let n = 0;
      for (const { id } of await repo.channelsFor(tx, alert.kind)) if (await enqueue(tx, id, alert, null)) n += 1;
      return n;
    },

    async channels(scope: Scope) {
      requirePermission(scope, 'alertChannel.manage');
      return (await repo.channels()).map(presentChannel);
    },

    async createChannel(scope: Scope, input: ChannelInput) {
      requirePermission(scope, 'alertChannel.manage');
      const secret = input.secret?.trim() || null;
      checkChannel(input.kind, input.url, secret);
      const now = clock.now();
      const row: AlertChannelRow = { id: ids.uuid(), kind: input.kind, name: input.name.trim(), url: input.url.trim(), secret, enabled: input.enabled ?? true, createdBy: actorId(scope), createdAt: now, updatedAt: now };
      await repo.db.transaction(async (tx) => {
        await repo.insertChannel(tx, row);
        await audit.record(tx, scope, { action: 'alertChannel.create', entity: 'alert_channel', entityId: row.id, after: presentChannel(row) });
      });
      return presentChannel(row);
    },

    async updateChannel(scope: Scope, id: string, patch: ChannelPatch) {
      requirePermission(scope, 'alertChannel.manage');
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockChannel(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'alert_channel' });
        const url = patch.url?.trim() || before.url;
        const secret = patch.secret === undefined ? before.secret : patch.secret?.trim() || null;
        checkChannel(before.kind, url, secret);
        const after = await repo.updateChannel(tx, id, { name: patch.name?.trim() ?? before.name, url, secret, enabled: patch.enabled ?? before.enabled, updatedAt: clock.now() });
        await audit.record(tx, scope, {
          action: 'alertChannel.update',
          entity: 'alert_channel',
          entityId: id,
          // whether the URL or secret changed, never their values
          before: presentChannel(before),
          after: { ...presentChannel(after), urlChanged: url !== before.url, secretChanged: secret !== before.secret },
        });
        return presentChannel(after);
      });
    },

    async subscriptions(scope: Scope) {
      requirePermission(scope, 'alertChannel.manage');
      return repo.subscriptions();
    },

    /** The whole matrix (event kind × role → channels) at once, as the page edits it. */
    async setSubscriptions(scope: Scope, rows: SubscriptionInput[]) {
      requirePermission(scope, 'alertChannel.manage');
      const fields = rows.flatMap((r, i) => (STAFF_ROLE_SET.has(r.role) && (ALERT_EVENT_KINDS as readonly string[]).includes(r.eventKind) ? [] : [{ path: `items.${i}.role`, key: 'field.invalid' }]));
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      const unique = [...new Map(rows.map((r) => [`${r.eventKind}|${r.role}|${r.channelId}`, r])).values()];
      return repo.db.transaction(async (tx) => {
        const before = await repo.subscriptions(tx);
        for (const channelId of new Set(unique.map((r) => r.channelId))) if (!(await repo.channel(channelId, tx))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'items', key: 'field.invalid' }]);
        await repo.replaceSubscriptions(tx, unique);
        await audit.record(tx, scope, { action: 'alertSubscriptions.set', entity: 'alert_subscriptions', entityId: 'matrix', before, after: unique });
        return repo.subscriptions(tx);
      });
    },

    async deliveries(scope: Scope, f: { channelId?: string; limit?: number }) {
      requirePermission(scope, 'alertChannel.manage');
      return (await repo.deliveries({ channelId: f.channelId, limit: f.limit ?? 100 })).map(({ delivery, channelName, channelKind }) => ({ ...delivery, channelName, channelKind }));
    },

    /** 测试发送: a test message through the outbox, sent at once; answers the delivery as it stands after the attempt. */
    async sendTest(scope: Scope, channelId: string) {
      requirePermission(scope, 'alertChannel.manage');
      const channel = await repo.channel(channelId);
      if (!channel) throw new AppError('NOT_FOUND', { entity: 'alert_channel' });
      const id = ids.uuid();
      const delivery = await repo.db.transaction(async (tx) => {
        const row = await enqueue(
          tx,
          channelId,
          { kind: 'test', key: id, title: '【测试】告警通道测试消息', body: `这是 rackpact 发往「${channel.name}」的测试消息，收到即表示通道配置正确。`, path: '/console/alert-channels' },
          actorId(scope),
        );
        await audit.record(tx, scope, { action: 'alertChannel.test', entity: 'alert_channel', entityId: channelId, after: { deliveryId: row?.id } });
        return row!;
      });
      if (channel.enabled) await deliverDue();
      const after = await repo.delivery(delivery.id);
      return { ...after!, channelName: channel.name, channelKind: channel.kind };
    },
  };
}

export type AlertingService = ReturnType<typeof makeAlertingService>;
