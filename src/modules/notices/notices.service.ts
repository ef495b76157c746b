import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requireReader, requireStaff, systemScope, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { PdfRenderer } from '../../documents/pdf.js';
import { formatShanghai } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { ProviderService } from '../provider/provider.service.js';
import { isPermanent, type Mailer } from './mailer.js';
import type { DeliveryRow, NoticeRow, NoticesRepository } from './notices.repository.js';
import { renderNotice } from './templates.js';

/** Waits between e-mail attempts; after the last, the delivery is marked failed. */
export const RETRY_BACKOFF_MINUTES = [1, 5, 30, 120, 720];

export interface NewNotice {
  customerId: string;
  direction: NoticeRow['direction'];
  type: string;
  payload: Record<string, unknown>;
  relatedEntity?: string | null;
  relatedId?: string | null;
  sourceOutboxId?: string | null;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function makeNoticesService(deps: {
  repo: NoticesRepository;
  customers: Pick<CustomersService, 'get' | 'drainOutbox'>;
  provider: Pick<ProviderService, 'current'>;
  mailer: Mailer;
  pdf: PdfRenderer;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;
  const system = systemScope('notices');

  /**
   * 第九条: a formal notice, addressed with the other side's notice address in force now, and a
   * delivery per channel. The e-mail delivery is a durable outbox row in the same transaction.
   */
  async function register(tx: Executor, scope: Scope, input: NewNotice): Promise<NoticeRow | null> {
    const text = renderNotice(input.type, input.payload);
    const now = clock.now();
    let recipientName: string;
    const channels: { channel: DeliveryRow['channel']; address: string }[] = [{ channel: 'portal', address: 'portal' }];
    if (input.direction === 'provider_to_customer') {
      const customer = await deps.customers.get(system, input.customerId, tx);
      recipientName = customer.name;
      if (customer.noticeEmail) channels.push({ channel: 'email', address: customer.noticeEmail });
      if (customer.postalAddress) channels.push({ channel: 'post', address: customer.postalAddress });
    } else {
      const provider = await deps.provider.current(system, tx);
      recipientName = provider.legalName;
      if (provider.noticeEmail) channels.push({ channel: 'email', address: provider.noticeEmail });
      channels.push({ channel: 'post', address: provider.postalAddress });
    }
    const row: NoticeRow = {
      id: ids.uuid(),
      customerId: input.customerId,
      direction: input.direction,
      type: input.type,
      subjectZh: text['zh-CN'].subject,
      subjectEn: text.en.subject,
      bodyZh: text['zh-CN'].body,
      bodyEn: text.en.body,
      recipientName,
      relatedEntity: input.relatedEntity ?? null,
      relatedId: input.relatedId ?? null,
      sourceOutboxId: input.sourceOutboxId ?? null,
      createdBy: scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null,
      createdAt: now,
    };
    if (!(await repo.insert(tx, row))) return null;
    await repo.insertDeliveries(
      tx,
      channels.map((c) => ({
        id: ids.uuid(),
        noticeId: row.id,
        customerId: row.customerId,
        channel: c.channel,
        address: c.address,
        // the portal shows it at once; e-mail goes through the outbox; post and fax await their proof
        status: c.channel === 'portal' ? ('sent' as const) : ('pending' as const),
        attempts: 0,
        nextAttemptAt: c.channel === 'email' ? now : null,
        lastError: null,
        proof: null,
        sentAt: c.channel === 'portal' ? now : null,
      })),
    );
    await audit.record(tx, scope, { action: 'notice.register', entity: 'notice', entityId: row.id, customerId: row.customerId, after: { ...row, channels } });
    return row;
  }

  async function withDeliveries(rows: NoticeRow[]) {
    const deliveries = await repo.deliveriesOf(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, deliveries: deliveries.filter((d) => d.noticeId === r.id) }));
  }

  return {
    register,

    async list(scope: Scope, customerId?: string) {
      requireReader(scope);
      return withDeliveries(await repo.list(scope, { customerId }));
    },

    async get(scope: Scope, id: string) {
      requireReader(scope);
      const row = await repo.find(scope, id);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'notice' });
      await audit.recordRead(scope, { entity: 'notice', entityId: id, customerId: row.customerId });
      return (await withDeliveries([row]))[0];
    },

    /** Staff send a notice to a customer; a customer files one to the provider (e.g. an objection). */
    async send(scope: Scope, input: { customerId: string; subject: string; body: string }) {
      let direction: NoticeRow['direction'];
      if (scope.kind === 'customer') {
        if (scope.customerId !== input.customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
        if (!scope.roles.includes('owner')) throw new AppError('FORBIDDEN');
        direction = 'customer_to_provider';
      } else {
        requireStaff(scope, 'sales', 'noc', 'compliance', 'finance');
        direction = 'provider_to_customer';
      }
      const row = await repo.db.transaction(async (tx) => register(tx, scope, { customerId: input.customerId, direction, type: 'generic', payload: { subject: input.subject, body: input.body } }));
      return row!; // only an outbox item can be a duplicate
    },

    /** Turns the customers module's outbox into formal notices; idempotent (one notice per item). */
    async drainOutbox(): Promise<number> {
      return deps.customers.drainOutbox(async (item, tx) => {
        await register(tx, system, { customerId: item.customerId, direction: item.direction, type: item.kind, payload: item.payload as Record<string, unknown>, sourceOutboxId: item.id });
      });
    },

    /**
     * Sends the e-mail deliveries that are due. Nothing is lost across restarts: a delivery is a row
     * until the SMTP server accepts it; failures back off, and a 5xx or the last attempt marks it failed.
     */
    async deliverDue(limit = 50): Promise<{ sent: number; retried: number; failed: number }> {
      const result = { sent: 0, retried: 0, failed: 0 };
      if (!deps.mailer.configured) return result;
      // the sender is the provider's notice address (read before the transaction: one connection when embedded)
      const provider = await deps.provider.current(system).catch(() => null);
      const from = provider?.noticeEmail ? `"${provider.legalName}" <${provider.noticeEmail}>` : 'rackpact <noreply@localhost>';
      await repo.db.transaction(async (tx) => {
        const now = clock.now();
        for (const { delivery, notice } of await repo.dueEmails(tx, now, limit)) {
          try {
            const accepted = await deps.mailer.send({ from, to: delivery.address, subject: notice.subjectZh, text: `${notice.bodyZh}\n\n——\n${notice.subjectEn}\n${notice.bodyEn}` });
            await repo.updateDelivery(tx, delivery.id, { status: 'sent', sentAt: clock.now(), attempts: delivery.attempts + 1, proof: `${accepted.messageId} ${accepted.response}`.slice(0, 500), lastError: null, nextAttemptAt: null });
            result.sent += 1;
          } catch (err) {
            const attempts = delivery.attempts + 1;
            const permanent = isPermanent(err) || attempts > RETRY_BACKOFF_MINUTES.length;
            const message = err instanceof Error ? err.message : String(err);
            await repo.updateDelivery(tx, delivery.id, {
              attempts,
              lastError: message.slice(0, 500),
              status: permanent ? 'failed' : 'pending',
              nextAttemptAt: permanent ? null : new Date(now.getTime() + RETRY_BACKOFF_MINUTES[attempts - 1] * 60_000),
            });
            if (permanent) result.failed += 1;
            else result.retried += 1;
          }
        }
      });
      return result;
    },

    /** The notice as a printed letter on the provider's letterhead (for post and fax). */
    async letter(scope: Scope, id: string): Promise<Buffer> {
      requireReader(scope);
      const notice = await repo.find(scope, id);
      if (!notice) throw new AppError('NOT_FOUND', { entity: 'notice' });
      const provider = await deps.provider.current(system);
      const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
        body { font-family: 'Noto Serif CJK SC', serif; font-size: 12pt; line-height: 1.8; }
        .head { border-bottom: 2px solid #1264b4; padding-bottom: 6pt; margin-bottom: 18pt; }
        .head b { font-size: 16pt; } .head div { font-size: 9pt; color: #555; }
        h1 { font-size: 15pt; text-align: center; } p { white-space: pre-wrap; }
      </style></head><body>
      <div class="head"><b>${escape(provider.legalName)}</b><div>${escape(provider.address)} · ${escape(provider.phone ?? '')} · ${escape(provider.noticeEmail ?? '')}</div></div>
      <p>致：${escape(notice.recipientName)}</p>
      <h1>${escape(notice.subjectZh)}</h1>
      <p>${escape(notice.bodyZh)}</p>
      <p style="text-align:right">${escape(provider.legalName)}<br>${escape(formatShanghai(notice.createdAt).slice(0, 10))}</p>
      </body></html>`;
      return deps.pdf.render(html, { footerLabel: notice.id.slice(0, 8) });
    },
  };
}

export type NoticesService = ReturnType<typeof makeNoticesService>;
