import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, systemScope, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { PdfRenderer } from '../../documents/pdf.js';
import { formatShanghai } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { RosterService } from '../customers/roster.service.js';
import type { FileStore } from '../../files/file-store.js';
import { sniffDocumentType } from '../../files/sniff.js';
import { NOTICE_CATEGORIES, RECEIVED_HOW, type NoticeCategory, type ReceivedHow } from './notices.schema.js';
import type { ProviderService } from '../provider/provider.service.js';
import { drainMailOutbox, type Mailer } from './mailer.js';
import type { DeliveryRow, NoticeRow, NoticesRepository } from './notices.repository.js';
import { noticeCategory, renderNotice } from './templates.js';

/** A postal receipt or fax report: a scan or a photo, as for KYC copies. */
export const PROOF_MAX_BYTES = 10 * 1024 * 1024;

export { RETRY_BACKOFF_MINUTES } from './mailer.js';

export interface NewNotice {
  customerId: string;
  direction: NoticeRow['direction'];
  type: string;
  payload: Record<string, unknown>;
  relatedEntity?: string | null;
  relatedId?: string | null;
  sourceOutboxId?: string | null;
  /**
   * Issue 19 §5: the notice came FROM the customer and provider staff recorded it (a roster change sent on
   * paper, by e-mail, fax or handed over): no deliveries — nothing is sent — and how it came and the
   * document that carried it. Only for customer_to_provider.
   */
  received?: ReceivedParticulars;
  /** who recorded it, when registered later from an outbox item (the drain runs as the system) */
  createdBy?: string | null;
}

export interface ReceivedParticulars {
  how: ReceivedHow | null;
  documentName: string | null;
  documentSha256?: string | null;
  documentContentType?: string | null;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A notice written in English as well (a free-text notice without an English text is one text, shown once). */
const bilingual = (n: Pick<NoticeRow, 'subjectZh' | 'subjectEn' | 'bodyZh' | 'bodyEn'>) => n.bodyEn !== n.bodyZh || n.subjectEn !== n.subjectZh;
const RECEIVED_HOW_WORDS: Record<ReceivedHow, string> = { email: '电子邮件', post: '邮寄', fax: '传真', in_person: '当面递交' };
/** The PDF's name in the mail: the subject, without characters a mail client or file system would refuse. */
const letterFileName = (n: NoticeRow) => `${n.subjectZh.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim().slice(0, 80) || n.id.slice(0, 8)}.pdf`;

/** The received particulars an outbox item carries (customers' roster changes entered by staff), checked. */
function receivedOf(value: unknown): ReceivedParticulars | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const r = value as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const how = RECEIVED_HOW.find((h) => h === r.how) ?? null;
  return { how, documentName: str(r.documentName), documentSha256: str(r.documentSha256), documentContentType: str(r.documentContentType) };
}

export function makeNoticesService(deps: {
  repo: NoticesRepository;
  customers: Pick<CustomersService, 'get' | 'drainOutbox'>;
  roster: Pick<RosterService, 'peopleNow'>;
  files: FileStore;
  provider: Pick<ProviderService, 'current' | 'sealDataUri'>;
  mailer: Mailer;
  pdf: PdfRenderer;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;
  const system = systemScope('notices');

  /**
   * The customer's roster people (its own side) who get this category by e-mail: those who chose it,
   * and for incidents every 24-hour contact whatever they chose (6.5: they must be reachable).
   */
  async function emailRecipients(tx: Executor, customerId: string, category: NoticeCategory): Promise<{ memberId: string; name: string; email: string }[]> {
    const people = await deps.roster.peopleNow(tx, customerId, 'customer');
    const chosen = new Set((await repo.preferences(system, customerId, tx)).filter((p) => p.category === category).map((p) => p.memberId));
    return people
      .filter((p) => p.email && (chosen.has(p.memberId) || (category === 'incident' && p.available24h)))
      .map((p) => ({ memberId: p.memberId, name: p.name, email: p.email! }));
  }

  function mayEditPreferences(scope: Scope, customerId: string) {
    if (scope.kind === 'customer') {
      if (scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
    }
    requirePermission(scope, 'noticePreferences.edit');
  }

  type Channel = { channel: DeliveryRow['channel']; address: string };

  /**
   * 第九条: whom a notice is addressed to and by which channels — the other side's notice address in
   * force now (portal always; e-mail, post and fax where given), and for a customer the roster people
   * who asked for this kind of notice, who get a copy besides the notice address.
   */
  async function addressees(tx: Executor, input: NewNotice): Promise<{ recipientName: string; channels: Channel[] }> {
    const channels: Channel[] = [{ channel: 'portal', address: 'portal' }];
    if (input.direction === 'provider_to_customer') {
      const customer = await deps.customers.get(system, input.customerId, tx);
      if (customer.noticeEmail) channels.push({ channel: 'email', address: customer.noticeEmail });
      if (customer.postalAddress) channels.push({ channel: 'post', address: customer.postalAddress });
      if (customer.noticeFax) channels.push({ channel: 'fax', address: customer.noticeFax });
      for (const r of await emailRecipients(tx, input.customerId, noticeCategory(input.type))) {
        if (!channels.some((c) => c.channel === 'email' && c.address.toLowerCase() === r.email.toLowerCase())) channels.push({ channel: 'email', address: r.email });
      }
      return { recipientName: customer.name, channels };
    }
    // the customer's notice reaches the provider in its own system at once, and its notice mailbox gets a
    // copy; post and fax would be the provider posting to itself (legs nobody would ever send, issue 19)
    const provider = await deps.provider.current(system, tx);
    if (input.received) return { recipientName: provider.legalName, channels: [] };
    if (provider.noticeEmail) channels.push({ channel: 'email', address: provider.noticeEmail });
    return { recipientName: provider.legalName, channels };
  }

  /**
   * 第九条: a formal notice, addressed with the other side's notice address in force now, and a
   * delivery per channel. The e-mail delivery is a durable outbox row in the same transaction.
   */
  async function register(tx: Executor, scope: Scope, input: NewNotice): Promise<NoticeRow | null> {
    if (input.received && input.direction !== 'customer_to_provider') throw new Error('only a notice from the customer can be recorded as received');
    const text = renderNotice(input.type, input.payload);
    const now = clock.now();
    const { recipientName, channels } = await addressees(tx, input);
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
      createdBy: input.createdBy ?? (scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null),
      createdAt: now,
      received: Boolean(input.received),
      receivedHow: input.received?.how ?? null,
      documentName: input.received?.documentName ?? null,
      documentSha256: input.received?.documentSha256 ?? null,
      documentContentType: input.received?.documentContentType ?? null,
    };
    if (!(await repo.insert(tx, row))) return null;
    if (channels.length) await repo.insertDeliveries(
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
        proofFile: null,
        proofContentType: null,
        proofUploadedBy: null,
        claimedUntil: null,
      })),
    );
    await audit.record(tx, scope, { action: 'notice.register', entity: 'notice', entityId: row.id, customerId: row.customerId, after: { ...row, channels } });
    return row;
  }

  /**
   * The letter: from the provider on its letterhead with its seal (a notice the provider issues), or
   * from the customer to the provider (no letterhead, no seal); a notice received from the customer
   * says how it came and which document carried it. The body appears once per language it was written in.
   */
  async function renderLetter(notice: NoticeRow): Promise<Buffer> {
    // a letter is printed even before the provider's profile is filled in (no letterhead, no seal then)
    const provider = await deps.provider.current(system).catch(() => null);
    const fromProvider = notice.direction === 'provider_to_customer';
    const customer = fromProvider ? null : await deps.customers.get(system, notice.customerId);
    const sealUri = fromProvider ? deps.provider.sealDataUri(provider?.sealFile) : null;
    const seal = sealUri ? `<img class="seal" alt="" src="${sealUri}">` : '';
    const sender = fromProvider ? (provider?.legalName ?? '') : customer!.name;
    const date = formatShanghai(notice.createdAt).slice(0, 10);
    const receivedHow = notice.receivedHow ? RECEIVED_HOW_WORDS[notice.receivedHow] : '未记录';
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
        body { font-family: 'Noto Serif CJK SC', serif; font-size: 12pt; line-height: 1.8; }
        .head { border-bottom: 2px solid #1264b4; padding-bottom: 6pt; margin-bottom: 18pt; }
        .head b { font-size: 16pt; } .head div { font-size: 9pt; color: #555; }
        h1 { font-size: 15pt; text-align: center; } p { white-space: pre-wrap; }
        .received { border: 1px solid #999; padding: 4pt 8pt; font-size: 10pt; }
        .sign { position: relative; text-align: right; margin-top: 24pt; }
        .seal { position: absolute; right: 0; top: -36pt; width: 42mm; height: 42mm; opacity: 0.85; }
        .en { margin-top: 18pt; border-top: 1px solid #ccc; font-family: 'Noto Sans CJK SC', sans-serif; font-size: 10.5pt; }
      </style></head><body>
      ${fromProvider && provider ? `<div class="head"><b>${escape(provider.legalName)}</b><div>${escape(provider.address)} · ${escape(provider.phone ?? '')} · ${escape(provider.noticeEmail ?? '')}</div></div>` : ''}
      ${notice.received ? `<p class="received">甲方来函登记（乙方代为登记，非乙方发出的通知）　收到方式：${escape(receivedHow)}　来函：${escape(notice.documentName ?? '未记录')}</p>` : ''}
      <p>致：${escape(notice.recipientName)}</p>
      <h1>${escape(notice.subjectZh)}</h1>
      <p>${escape(notice.bodyZh)}</p>
      <div class="sign">${seal}${escape(sender)}<br>${escape(date)}</div>
      ${bilingual(notice) ? `<div class="en"><h1>${escape(notice.subjectEn)}</h1><p>${escape(notice.bodyEn)}</p></div>` : ''}
      </body></html>`;
    return deps.pdf.render(html, { footerLabel: notice.id.slice(0, 8) });
  }

  async function withDeliveries(rows: NoticeRow[]) {
    const deliveries = await repo.deliveriesOf(rows.map((r) => r.id));
    return rows.map(({ documentSha256, ...r }) => ({
      ...r,
      hasDocument: documentSha256 !== null,
      deliveries: deliveries.filter((d) => d.noticeId === r.id).map((d) => ({ ...d, hasProofFile: d.proofFile !== null })),
    }));
  }

  return {
    register,
    emailRecipients,

    /** Each current roster person of the customer's side with the categories they get by e-mail. */
    async preferences(scope: Scope, customerId: string) {
      requireReader(scope);
      if (scope.kind === 'customer' && scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
      await deps.customers.get(scope, customerId);
      const people = await deps.roster.peopleNow(repo.db, customerId, 'customer');
      const prefs = await repo.preferences(scope, customerId);
      return people.map((p) => {
        const chosen = prefs.filter((x) => x.memberId === p.memberId).map((x) => x.category);
        const categories = NOTICE_CATEGORIES.filter((c) => chosen.includes(c) || (c === 'incident' && p.available24h));
        return { memberId: p.memberId, name: p.name, role: p.role, email: p.email, available24h: p.available24h, categories, locked: p.available24h ? (['incident'] as NoticeCategory[]) : [] };
      });
    },

    /** Sets which categories one roster person gets; a 24-hour contact cannot give up incidents. */
    async setPreferences(scope: Scope, customerId: string, memberId: string, categories: NoticeCategory[]) {
      mayEditPreferences(scope, customerId);
      const wanted = [...new Set(categories)];
      await repo.db.transaction(async (tx) => {
        const person = (await deps.roster.peopleNow(tx, customerId, 'customer')).find((p) => p.memberId === memberId);
        if (!person) throw new AppError('NOT_FOUND', { entity: 'roster_member' });
        if (person.available24h && !wanted.includes('incident')) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'categories', key: 'notices.incidentFor24h' }]);
        if (wanted.length && !person.email) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'categories', key: 'notices.noEmail' }]);
        const before = (await repo.preferences(system, customerId, tx)).filter((p) => p.memberId === memberId).map((p) => p.category);
        await repo.replacePreferences(tx, customerId, memberId, wanted, scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null, clock.now());
        await audit.record(tx, scope, { action: 'notice.preferences', entity: 'roster_member', entityId: memberId, customerId, before: { categories: before }, after: { categories: wanted } });
      });
      return (await this.preferences(scope, customerId)).find((p) => p.memberId === memberId)!;
    },

    /**
     * 第九条 proof for post and fax: staff upload the postal receipt or fax report (PDF/JPEG/PNG),
     * which marks the delivery sent; the file is kept and served like the notice itself.
     */
    async recordProof(scope: Scope, noticeId: string, deliveryId: string, file: { bytes: Buffer; fileName: string }) {
      requirePermission(scope, 'notice.recordProof');
      const notice = await repo.find(scope, noticeId);
      if (!notice) throw new AppError('NOT_FOUND', { entity: 'notice' });
      if (file.bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'kyc.fileEmpty' }]);
      if (file.bytes.byteLength > PROOF_MAX_BYTES) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'kyc.fileTooLarge', params: { mb: PROOF_MAX_BYTES / 1024 / 1024 } }]);
      const contentType = sniffDocumentType(file.bytes);
      if (!contentType) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'kyc.fileType' }]);
      const stored = deps.files.put(file.bytes);
      await repo.db.transaction(async (tx) => {
        const delivery = await repo.lockDelivery(tx, noticeId, deliveryId);
        if (!delivery) throw new AppError('NOT_FOUND', { entity: 'notice_delivery' });
        if (delivery.channel !== 'post' && delivery.channel !== 'fax') throw new AppError('VALIDATION_FAILED', {}, [{ path: 'deliveryId', key: 'notices.proofOnlyPostFax' }]);
        if (delivery.status === 'cancelled') throw new AppError('VALIDATION_FAILED', {}, [{ path: 'deliveryId', key: 'notices.deliveryCancelled' }]);
        const label = delivery.channel === 'post' ? '邮寄回执 postal receipt' : '传真报告 fax report';
        const patch = {
          status: 'sent' as const,
          sentAt: delivery.sentAt ?? clock.now(),
          proof: `${label}: ${file.fileName.slice(0, 200)} (sha256 ${stored.sha256.slice(0, 12)})`,
          proofFile: stored.sha256,
          proofContentType: contentType,
          proofUploadedBy: scope.kind === 'staff' ? scope.userId : null,
          lastError: null,
          nextAttemptAt: null,
        };
        await repo.updateDelivery(tx, deliveryId, patch);
        await audit.record(tx, scope, { action: 'notice.proof', entity: 'notice', entityId: noticeId, customerId: notice.customerId, before: delivery, after: { ...delivery, ...patch } });
      });
      return this.get(scope, noticeId);
    },

    async proofFile(scope: Scope, noticeId: string, deliveryId: string) {
      requireReader(scope);
      const notice = await repo.find(scope, noticeId);
      if (!notice) throw new AppError('NOT_FOUND', { entity: 'notice' });
      const delivery = await repo.delivery(noticeId, deliveryId);
      if (!delivery?.proofFile) throw new AppError('NOT_FOUND', { entity: 'notice_delivery' });
      await audit.recordRead(scope, { entity: 'notice', entityId: noticeId, customerId: notice.customerId });
      return { bytes: deps.files.get(delivery.proofFile), contentType: delivery.proofContentType ?? 'application/octet-stream' };
    },

    /** The scan of the document that carried a received notice (issue 19 §5), as staff uploaded it. */
    async document(scope: Scope, noticeId: string) {
      requireReader(scope);
      const notice = await repo.find(scope, noticeId);
      if (!notice?.documentSha256) throw new AppError('NOT_FOUND', { entity: 'notice' });
      await audit.recordRead(scope, { entity: 'notice', entityId: noticeId, customerId: notice.customerId });
      const extension = notice.documentContentType === 'application/pdf' ? 'pdf' : notice.documentContentType === 'image/png' ? 'png' : 'jpg';
      return { bytes: deps.files.get(notice.documentSha256), contentType: notice.documentContentType ?? 'application/octet-stream', fileName: `${notice.documentName ?? notice.id.slice(0, 8)}.${extension}` };
    },

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
        direction = 'customer_to_provider';
      } else direction = 'provider_to_customer';
      requirePermission(scope, 'notice.send');
      const row = await repo.db.transaction(async (tx) => register(tx, scope, { customerId: input.customerId, direction, type: 'generic', payload: { subject: input.subject, body: input.body } }));
      return row!; // only an outbox item can be a duplicate
    },

    /** Turns the customers module's outbox into formal notices; idempotent (one notice per item). */
    async drainOutbox(): Promise<number> {
      return deps.customers.drainOutbox(async (item, tx) => {
        const payload = item.payload as Record<string, unknown>;
        await register(tx, system, {
          customerId: item.customerId,
          direction: item.direction,
          type: item.kind,
          payload,
          sourceOutboxId: item.id,
          received: item.direction === 'customer_to_provider' ? receivedOf(payload.received) : undefined,
          createdBy: typeof payload.recordedBy === 'string' ? payload.recordedBy : null,
        });
      });
    },

    /**
     * Sends the e-mail deliveries that are due. Nothing is lost across restarts: a delivery is a row
     * until the SMTP server accepts it; failures back off, and a 5xx or the last attempt marks it failed.
     */
    async deliverDue(limit = 50): Promise<{ sent: number; retried: number; failed: number }> {
      if (!deps.mailer.configured) return { sent: 0, retried: 0, failed: 0 };
      // the sender is the provider's notice address
      const provider = await deps.provider.current(system).catch(() => null);
      const from = provider?.noticeEmail ? `"${provider.legalName}" <${provider.noticeEmail}>` : 'rackpact <noreply@localhost>';
      return drainMailOutbox({
        clock,
        limit,
        send: (mail) => deps.mailer.send(mail),
        claimNext: (now, claimedUntil) => repo.db.transaction((tx) => repo.claimDueEmail(tx, now, claimedUntil)),
        attemptsOf: ({ delivery }) => delivery.attempts,
        // the letter goes along as a PDF (with the seal on the provider's notices); the text is the body once,
        // and the English once more only where the notice has an English text of its own
        mailOf: async ({ delivery, notice }) => ({
          from,
          to: delivery.address,
          subject: notice.subjectZh,
          text: bilingual(notice) ? `${notice.bodyZh}\n\n——\n${notice.subjectEn}\n${notice.bodyEn}` : notice.bodyZh,
          attachments: [{ filename: letterFileName(notice), content: await renderLetter(notice), contentType: 'application/pdf' }],
        }),
        record: ({ delivery }, claimedUntil, outcome) => repo.recordEmailOutcome(delivery.id, claimedUntil, outcome),
      });
    },

    /** The notice as a printed letter (for post and fax; the PDF an e-mail carries). */
    async letter(scope: Scope, id: string): Promise<Buffer> {
      requireReader(scope);
      const notice = await repo.find(scope, id);
      if (!notice) throw new AppError('NOT_FOUND', { entity: 'notice' });
      return renderLetter(notice);
    },
  };
}

export type NoticesService = ReturnType<typeof makeNoticesService>;
