import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { PERMISSIONS } from '../../core/permissions.js';
import { requirePermission, requireReader, requireStaff, systemScope, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { Emitter } from '../../core/reactions.js';
import type { FileStore } from '../../files/file-store.js';
import { sniffDocumentType } from '../../files/sniff.js';
import { DEFAULT_SLA_TARGET, domainAndParents, formatShanghai, validateDomain, responseTimeReport, shanghaiDate, ticketSla, type SlaTarget } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { UsersService } from '../auth/users.service.js';
import type { ContractsService } from '../contracts/contracts.service.js';
import type { ServersService } from '../facility/servers.service.js';
import { drainMailOutbox, type Mailer } from '../notices/mailer.js';
import type { NoticesService } from '../notices/notices.service.js';
import type { ProviderService } from '../provider/provider.service.js';
import type { CommentRow, TicketFilter, TicketMailRow, TicketRow, TicketsRepository } from './tickets.repository.js';
import { TICKET_TYPES, type TICKET_PRIORITIES, type TicketType } from './tickets.schema.js';

/** Which status may follow which; resolving and closing stamp their times. */
const NEXT: Record<TicketRow['status'], TicketRow['status'][]> = {
  open: ['acknowledged', 'in_progress', 'resolved'],
  acknowledged: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

/** A screenshot, a scan or a log as PDF: the document types sniffed elsewhere, up to 10 MB. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Staff who work tickets (an assignee must hold one of these): the permission table's, and admins. */
const HELPDESK_ROLES: readonly string[] = ['admin', ...PERMISSIONS['ticket.work'].staff];

const minutesBetween = (a: Date | null, b: Date | null) => (a && b ? Math.round((b.getTime() - a.getTime()) / 60_000) : null);

/** What the customer and the NOC see: the ticket and how long the provider took to answer and to fix it. */
export const withTimes = (t: TicketRow) => ({ ...t, firstResponseMinutes: minutesBetween(t.openedAt, t.firstResponseAt), resolutionMinutes: minutesBetween(t.openedAt, t.resolvedAt) });

export interface NewTicket {
  customerId?: string;
  serverId?: string | null;
  contractId?: string | null;
  domain?: string | null;
  type: TicketType;
  priority?: (typeof TICKET_PRIORITIES)[number];
  subject: string;
  description: string;
}

/** A month as YYYY-MM → its first instant in Asia/Shanghai. */
const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`);
const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * 6.1: 7×24 support and unlimited fast reboots — a reboot request is a ticket like any other,
 * never counted against a quota, opened urgent, and timed against the configured targets.
 */
export function makeTicketsService(deps: {
  repo: TicketsRepository;
  servers: Pick<ServersService, 'findServer'>;
  contracts: Pick<ContractsService, 'get'>;
  users: Pick<UsersService, 'contactOf' | 'activeStaff'>;
  notices: Pick<NoticesService, 'emailRecipients'>;
  provider: Pick<ProviderService, 'current'>;
  /** the customers a domain name (or a name above it) belongs to: its domain-list entries and DNS zones */
  domainHolders: (names: string[]) => Promise<string[]>;
  files: FileStore;
  mailer: Mailer;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
  bus: Emitter<Executor>;
}) {
  const { repo, audit, clock, ids } = deps;
  const system = systemScope('tickets');
  const actorId = (scope: Scope) => (scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null);

  async function load(scope: Scope, id: string) {
    const row = await repo.find(scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'ticket' });
    return row;
  }

  async function targets(tx?: Executor): Promise<(type: string) => SlaTarget> {
    const rows = await repo.slaTargets(tx);
    const map = new Map(rows.map((r) => [r.type as string, { firstResponseMinutes: r.firstResponseMinutes, resolutionMinutes: r.resolutionMinutes }]));
    return (type) => map.get(type) ?? DEFAULT_SLA_TARGET;
  }

  /** The ticket with its measured minutes and, per target, met / breached / minutes left now. */
  const present = (t: TicketRow, targetOf: (type: string) => SlaTarget) => ({ ...withTimes(t), sla: ticketSla(t, targetOf(t.type), clock.now()) });

  /** One mail per recipient for a public reply; written in the reply's transaction so none is lost. */
  async function queueReplyMail(tx: Executor, ticket: TicketRow, comment: CommentRow) {
    const recipients = new Set<string>();
    if (comment.authorKind === 'staff') {
      const opener = await deps.users.contactOf(ticket.openedBy, tx);
      if (opener?.kind === 'customer' && !opener.disabled && opener.email) recipients.add(opener.email.toLowerCase());
      for (const r of await deps.notices.emailRecipients(tx, ticket.customerId, 'tickets')) recipients.add(r.email.toLowerCase());
    } else if (ticket.assigneeId) {
      const assignee = await deps.users.contactOf(ticket.assigneeId, tx);
      if (assignee && !assignee.disabled && assignee.email) recipients.add(assignee.email.toLowerCase());
    }
    const now = clock.now();
    const who = comment.authorKind === 'staff' ? '乙方 (provider)' : '甲方 (customer)';
    const rows: TicketMailRow[] = [...recipients].map((recipient) => ({
      id: ids.uuid(),
      ticketId: ticket.id,
      commentId: comment.id,
      customerId: ticket.customerId,
      recipient,
      subject: `[${ticket.number}] ${ticket.subject} — 工单回复 / ticket reply`,
      body: `工单 ${ticket.number}「${ticket.subject}」有新的回复（${who}，${formatShanghai(comment.createdAt)}）：\n\n${comment.body}\n\n请登录客户门户查看或回复；无需回复本邮件。\n——\nTicket ${ticket.number} has a new reply. Please answer in the portal; replying to this e-mail is not required.`,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      proof: null,
      sentAt: null,
      createdAt: now,
      claimedUntil: null,
    }));
    await repo.insertMails(tx, rows);
  }

  async function checkLinks(scope: Scope, customerId: string, input: NewTicket): Promise<{ domain: string | null }> {
    const fields: FieldError[] = [];
    if (input.serverId) {
      const server = await deps.servers.findServer(scope, input.serverId);
      if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
      if (server.customerId !== customerId) fields.push({ path: 'serverId', key: 'field.invalid' });
    } else if (input.type === 'reboot') fields.push({ path: 'serverId', key: 'field.required' });
    if (input.contractId) {
      const contract = await deps.contracts.get(scope, input.contractId);
      if (contract.customerId !== customerId) fields.push({ path: 'contractId', key: 'field.invalid' });
    } else if (input.type === 'compensation_dispute') fields.push({ path: 'contractId', key: 'field.required' });
    let domain: string | null = null;
    if (input.domain?.trim()) {
      const v = validateDomain(input.domain);
      if (!v.valid) fields.push({ path: 'domain', key: v.reason });
      // a domain on another company's list or in another company's zone is not this customer's to ask about
      else if ((await deps.domainHolders(domainAndParents(v.normalized))).some((holder) => holder !== customerId)) fields.push({ path: 'domain', key: 'ticket.domainNotYours' });
      else domain = v.normalized;
    }
    if (!input.domain?.trim() && input.type === 'filing_assistance' && !input.contractId) fields.push({ path: 'domain', key: 'field.required' });
    if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
    return { domain };
  }

  return {
    async open(scope: Scope, input: NewTicket) {
      let customerId: string;
      if (scope.kind === 'customer') customerId = scope.customerId;
      else {
        requirePermission(scope, 'ticket.open');
        if (!input.customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.required' }]);
        customerId = input.customerId;
      }
      const { domain } = await checkLinks(scope, customerId, input);
      const now = clock.now();
      const id = ids.uuid();
      const row: TicketRow = {
        id,
        number: `T${shanghaiDate(now).replace(/-/g, '')}-${id.replace(/-/g, '').slice(-6).toUpperCase()}`,
        customerId,
        serverId: input.serverId ?? null,
        contractId: input.contractId ?? null,
        domain,
        assigneeId: null,
        type: input.type,
        priority: input.priority ?? (input.type === 'reboot' ? 'urgent' : input.type === 'abuse_reply' ? 'high' : 'normal'),
        subject: input.subject.trim(),
        description: input.description.trim(),
        status: 'open',
        openedBy: actorId(scope) ?? '00000000-0000-0000-0000-000000000000',
        openedAt: now,
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: null,
      };
      await repo.db.transaction(async (tx) => {
        await repo.insert(tx, row);
        await audit.record(tx, scope, { action: 'ticket.open', entity: 'ticket', entityId: id, customerId, after: row });
        await deps.bus.emit(tx, scope, 'tickets.opened', row);
      });
      return present(row, await targets());
    },

    /** The queue: filter by status, type, customer, assignee; sort by age (oldest first) or newest. */
    async list(scope: Scope, filter: TicketFilter) {
      requireReader(scope);
      const f = { ...filter };
      // assignment is staff business: a customer cannot filter or sort by it
      if (scope.kind === 'customer') {
        delete f.assigneeId;
        delete f.unassigned;
      }
      const targetOf = await targets();
      return (await repo.list(scope, f)).map((r) => ({ ...present(r.ticket, targetOf), customerName: r.customerName }));
    },

    async get(scope: Scope, id: string) {
      requireReader(scope);
      const ticket = await load(scope, id);
      await audit.recordRead(scope, { entity: 'ticket', entityId: id, customerId: ticket.customerId });
      // internal notes and attachments never leave for the customer
      const staff = scope.kind !== 'customer';
      const [comments, attachments] = await Promise.all([repo.comments(id, staff), repo.attachments(id, staff)]);
      const mails = staff ? (await repo.mailsOf([id])).map((m) => ({ id: m.id, commentId: m.commentId, recipient: m.recipient, status: m.status, attempts: m.attempts, lastError: m.lastError, sentAt: m.sentAt })) : [];
      const assignee = staff && ticket.assigneeId ? await deps.users.contactOf(ticket.assigneeId) : null;
      return {
        ...present(ticket, await targets()),
        assigneeName: assignee?.displayName ?? null,
        comments,
        attachments: attachments.map(({ sha256: _s, ...a }) => a),
        mails,
      };
    },

    /**
     * A reply. The first public staff reply is the first response and acknowledges an open ticket;
     * an internal note (staff only) is neither a response nor shown or mailed to the customer.
     */
    async comment(scope: Scope, id: string, body: string, opts: { internal?: boolean } = {}) {
      requirePermission(scope, 'ticket.open');
      const internal = opts.internal === true;
      if (internal && scope.kind === 'customer') throw new AppError('FORBIDDEN');
      const ticket = await load(scope, id);
      const now = clock.now();
      return repo.db.transaction(async (tx) => {
        const comment: CommentRow = { id: ids.uuid(), ticketId: id, customerId: ticket.customerId, authorId: actorId(scope), authorKind: scope.kind === 'customer' ? 'customer' : 'staff', body: body.trim(), internal, createdAt: now };
        await repo.insertComment(tx, comment);
        if (scope.kind !== 'customer' && !internal && !ticket.firstResponseAt) {
          await repo.update(tx, id, { firstResponseAt: now, status: ticket.status === 'open' ? 'acknowledged' : ticket.status });
        }
        if (!internal) await queueReplyMail(tx, ticket, comment);
        await audit.record(tx, scope, { action: internal ? 'ticket.note' : 'ticket.comment', entity: 'ticket', entityId: id, customerId: ticket.customerId, after: comment });
        return comment;
      });
    },

    async transition(scope: Scope, id: string, status: TicketRow['status']) {
      const ticket = await load(scope, id);
      // a customer may close its own resolved ticket or reopen it; the rest is the NOC's
      if (scope.kind === 'customer') {
        if (!(ticket.status === 'resolved' && (status === 'closed' || status === 'in_progress'))) throw new AppError('FORBIDDEN');
      } else requirePermission(scope, 'ticket.work');
      if (!NEXT[ticket.status].includes(status)) throw new AppError('INVALID_TRANSITION', { entity: 'ticket', from: ticket.status, to: status });
      const now = clock.now();
      const after = await repo.db.transaction(async (tx) => {
        const row = await repo.update(tx, id, {
          status,
          firstResponseAt: ticket.firstResponseAt ?? (scope.kind === 'customer' ? null : now),
          resolvedAt: status === 'resolved' ? now : status === 'in_progress' ? null : ticket.resolvedAt,
          closedAt: status === 'closed' ? now : null,
        });
        await audit.record(tx, scope, { action: `ticket.${status}`, entity: 'ticket', entityId: id, customerId: ticket.customerId, before: ticket, after: row });
        return row;
      });
      return present(after, await targets());
    },

    /** Gives the ticket to one staff member (or back to the queue with null); audited. */
    async assign(scope: Scope, id: string, assigneeId: string | null) {
      requirePermission(scope, 'ticket.work');
      const ticket = await load(scope, id);
      if (assigneeId) {
        const user = await deps.users.contactOf(assigneeId);
        if (!user || user.kind !== 'staff' || user.disabled || !user.roles.some((r) => HELPDESK_ROLES.includes(r))) {
          throw new AppError('VALIDATION_FAILED', {}, [{ path: 'assigneeId', key: 'tickets.assigneeNotStaff' }]);
        }
      }
      const after = await repo.db.transaction(async (tx) => {
        const row = await repo.update(tx, id, { assigneeId });
        await audit.record(tx, scope, { action: 'ticket.assign', entity: 'ticket', entityId: id, customerId: ticket.customerId, before: { assigneeId: ticket.assigneeId }, after: { assigneeId } });
        return row;
      });
      return present(after, await targets());
    },

    /** Staff who can be given a ticket. */
    async assignees(scope: Scope) {
      requireStaff(scope, 'noc', 'sales', 'compliance', 'auditor');
      return (await deps.users.activeStaff(scope)).filter((u) => u.roles.some((r) => HELPDESK_ROLES.includes(r))).map((u) => ({ id: u.id, displayName: u.displayName, login: u.login }));
    },

    /** A file on a ticket or one of its replies, checked by content (PDF/JPEG/PNG) and size. */
    async attach(scope: Scope, id: string, input: { bytes: Buffer; fileName: string; commentId?: string | null; internal?: boolean }) {
      requirePermission(scope, 'ticket.open');
      const internal = input.internal === true;
      if (internal && scope.kind === 'customer') throw new AppError('FORBIDDEN');
      const ticket = await load(scope, id);
      const fields: FieldError[] = [];
      if (input.bytes.byteLength === 0) fields.push({ path: 'file', key: 'kyc.fileEmpty' });
      else if (input.bytes.byteLength > ATTACHMENT_MAX_BYTES) fields.push({ path: 'file', key: 'kyc.fileTooLarge', params: { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 } });
      const contentType = sniffDocumentType(input.bytes);
      if (input.bytes.byteLength > 0 && !contentType) fields.push({ path: 'file', key: 'kyc.fileType' });
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      const stored = deps.files.put(input.bytes);
      return repo.db.transaction(async (tx) => {
        if (input.commentId) {
          const comment = await repo.findComment(tx, id, input.commentId);
          // a customer cannot hang a file on a note it cannot see
          if (!comment || (scope.kind === 'customer' && comment.internal)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'commentId', key: 'field.invalid' }]);
        }
        const row = {
          id: ids.uuid(),
          ticketId: id,
          commentId: input.commentId ?? null,
          customerId: ticket.customerId,
          fileName: input.fileName.slice(0, 200) || 'upload',
          contentType: contentType!,
          size: stored.size,
          sha256: stored.sha256,
          internal,
          uploadedBy: actorId(scope) ?? '00000000-0000-0000-0000-000000000000',
          uploadedAt: clock.now(),
        };
        await repo.insertAttachment(tx, row);
        await audit.record(tx, scope, { action: 'ticket.attach', entity: 'ticket', entityId: id, customerId: ticket.customerId, after: row });
        const { sha256: _s, ...visible } = row;
        return visible;
      });
    },

    async attachmentFile(scope: Scope, id: string, attachmentId: string) {
      requireReader(scope);
      const ticket = await load(scope, id);
      const row = await repo.findAttachment(scope, id, attachmentId);
      if (!row || (scope.kind === 'customer' && row.internal)) throw new AppError('NOT_FOUND', { entity: 'attachment' });
      await audit.recordRead(scope, { entity: 'ticket', entityId: id, customerId: ticket.customerId });
      return { bytes: deps.files.get(row.sha256), contentType: row.contentType, fileName: row.fileName };
    },

    // ── response targets (6.1) ────────────────────────────────────────────
    async slaTargets(scope: Scope) {
      requireReader(scope);
      const rows = await repo.slaTargets();
      return TICKET_TYPES.map((type) => {
        const r = rows.find((x) => x.type === type);
        return { type, firstResponseMinutes: r?.firstResponseMinutes ?? DEFAULT_SLA_TARGET.firstResponseMinutes, resolutionMinutes: r ? r.resolutionMinutes : DEFAULT_SLA_TARGET.resolutionMinutes, updatedAt: r?.updatedAt ?? null };
      });
    },

    /** An admin changes a type's targets; tickets are judged by the targets in force when asked. */
    async setSlaTarget(scope: Scope, type: TicketType, input: SlaTarget) {
      requirePermission(scope, 'ticket.setSlaTarget');
      return repo.db.transaction(async (tx) => {
        const { before, after } = await repo.updateSlaTarget(tx, type, { ...input, updatedBy: actorId(scope), updatedAt: clock.now() });
        await audit.record(tx, scope, { action: 'ticket.slaTarget', entity: 'ticket_sla_target', entityId: type, before, after });
        return after;
      });
    },

    // ── reports ───────────────────────────────────────────────────────────
    /** Response times per Shanghai month and type for tickets opened in [from, to] (months, inclusive). */
    async responseTimes(scope: Scope, range: { from?: string; to?: string }) {
      requireStaff(scope, 'noc', 'sales', 'compliance', 'auditor');
      // by default the last six months up to this one, by the server's clock
      const to = range.to ?? shanghaiDate(clock.now()).slice(0, 7);
      let from = range.from;
      if (!from) {
        from = to;
        for (let i = 0; i < 5; i += 1) from = previousMonth(from);
      }
      if (to < from) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'to', key: 'tickets.rangeReversed' }]);
      const rows = await repo.timings(monthStart(from), monthStart(nextMonth(to)));
      return { from, to, items: responseTimeReport(rows, await targets(), clock.now()) };
    },

    async responseTimesCsv(scope: Scope, range: { from?: string; to?: string }) {
      const { items: rows } = await this.responseTimes(scope, range);
      const header = 'month,type,count,median_first_response_min,p90_first_response_min,median_resolution_min,judged,within_target,within_target_percent';
      const cell = (v: string | number | null) => (v === null ? '' : String(v));
      // opened by Excel in China: a BOM keeps UTF-8 readable
      return `\uFEFF${[header, ...rows.map((r) => [r.month, r.type, r.count, r.medianFirstResponseMinutes, r.p90FirstResponseMinutes, r.medianResolutionMinutes, r.judged, r.withinTarget, r.withinTargetPercent].map(cell).join(','))].join('\r\n')}\r\n`;
    },

    // ── ticket mail ───────────────────────────────────────────────────────
    /** Sends the ticket mails that are due, with the notices' backoff; a 5xx or the last attempt fails it. */
    async deliverMail(limit = 50): Promise<{ sent: number; retried: number; failed: number }> {
      if (!deps.mailer.configured) return { sent: 0, retried: 0, failed: 0 };
      const provider = await deps.provider.current(system).catch(() => null);
      const from = provider?.noticeEmail ? `"${provider.legalName}" <${provider.noticeEmail}>` : 'rackpact <noreply@localhost>';
      return drainMailOutbox({
        clock,
        limit,
        send: (mail) => deps.mailer.send(mail),
        claimNext: (now, claimedUntil) => repo.db.transaction((tx) => repo.claimDueMail(tx, now, claimedUntil)),
        attemptsOf: (mail) => mail.attempts,
        mailOf: (mail) => ({ from, to: mail.recipient, subject: mail.subject, text: mail.body }),
        record: (mail, claimedUntil, outcome) => repo.recordMailOutcome(mail.id, claimedUntil, outcome),
      });
    },
  };
}

export type TicketsService = ReturnType<typeof makeTicketsService>;
