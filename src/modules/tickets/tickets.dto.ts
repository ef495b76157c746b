import { z } from 'zod';
import { ItemsOf, Timestamp } from '../../http/dto.js';
import { SLA_STATES } from '../../rules/index.js';
import { COMMENT_AUTHOR_KINDS, TICKET_MAIL_STATUSES, TICKET_PRIORITIES, TICKET_QUEUE_ORDERS, TICKET_STATUSES, TICKET_TYPES } from './tickets.schema.js';

/** A yes/no in a query string or a multipart field: 'true' or 'false'. */
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/** A Shanghai month, YYYY-MM. */
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

// ── requests ──────────────────────────────────────────────────────────────
export const AttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const TicketQuery = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  active: Flag.optional(),
  type: z.enum(TICKET_TYPES).optional(),
  customerId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  unassigned: Flag.optional(),
  sort: z.enum(TICKET_QUEUE_ORDERS).default('newest'),
});

export const OpenTicketBody = z.object({
  /** staff name the customer; a customer's own id is taken from its session */
  customerId: z.uuid().optional(),
  serverId: z.uuid().nullable().optional(),
  contractId: z.uuid().nullable().optional(),
  domain: z.string().trim().max(253).nullable().optional(),
  type: z.enum(TICKET_TYPES),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  subject: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).default(''),
});

export const SlaTargetBody = z.object({
  type: z.enum(TICKET_TYPES),
  firstResponseMinutes: z.number().int().min(1).max(100_000),
  resolutionMinutes: z.number().int().min(1).max(1_000_000).nullable(),
});

export const CommentBody = z.object({ body: z.string().trim().min(1).max(5000), internal: z.boolean().default(false) });
export const StatusBody = z.object({ status: z.enum(TICKET_STATUSES) });
export const AssignBody = z.object({ assigneeId: z.uuid().nullable() });
/** The fields beside the file of an attachment upload (multipart). */
export const AttachmentFields = z.object({ commentId: z.uuid().optional(), internal: Flag.optional() });
export const ReportQuery = z.object({ from: Month.optional(), to: Month.optional() });

// ── responses ─────────────────────────────────────────────────────────────
/** One response target's timer (6.1): met / breached once decided, running with minutes left, none without a target. */
const SlaClock = z
  .object({ state: z.enum(SLA_STATES), targetMinutes: z.number().int().nullable(), dueAt: Timestamp, minutesLeft: z.number().int().nullable() })
  .meta({ id: 'TicketSlaClock' });

export const Ticket = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    serverId: z.uuid().nullable(),
    contractId: z.uuid().nullable(),
    domain: z.string().nullable(),
    assigneeId: z.uuid().nullable(),
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
    sla: z.object({ firstResponse: SlaClock, resolution: SlaClock }),
  })
  .meta({ id: 'Ticket' });
export const TicketList = ItemsOf(Ticket);

export const TicketComment = z
  .object({
    id: z.uuid(),
    ticketId: z.uuid(),
    customerId: z.uuid(),
    authorId: z.string().nullable(),
    authorKind: z.enum(COMMENT_AUTHOR_KINDS),
    body: z.string(),
    /** a staff note the customer never sees */
    internal: z.boolean(),
    createdAt: Timestamp,
  })
  .meta({ id: 'TicketComment' });

export const TicketAttachment = z
  .object({
    id: z.uuid(),
    ticketId: z.uuid(),
    commentId: z.uuid().nullable(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    internal: z.boolean(),
    uploadedBy: z.string(),
    uploadedAt: Timestamp,
  })
  .meta({ id: 'TicketAttachment' });

/** A reply mailed to the other side (staff only). */
const TicketMail = z
  .object({
    id: z.uuid(),
    commentId: z.uuid(),
    recipient: z.string(),
    status: z.enum(TICKET_MAIL_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    sentAt: Timestamp,
  })
  .meta({ id: 'TicketMail' });

/** A ticket with its thread; internal notes, internal attachments and the mails are there for staff only. */
export const TicketDetail = Ticket.extend({
  assigneeName: z.string().nullable(),
  comments: z.array(TicketComment),
  attachments: z.array(TicketAttachment),
  mails: z.array(TicketMail),
}).meta({ id: 'TicketDetail' });

export const TicketAssignee = z.object({ id: z.uuid(), displayName: z.string(), login: z.string() }).meta({ id: 'TicketAssignee' });
export const TicketAssigneeList = ItemsOf(TicketAssignee);

export const TicketSlaTarget = z
  .object({ type: z.enum(TICKET_TYPES), firstResponseMinutes: z.number().int(), resolutionMinutes: z.number().int().nullable(), updatedAt: Timestamp })
  .meta({ id: 'TicketSlaTarget' });
export const TicketSlaTargetList = ItemsOf(TicketSlaTarget);

export const TicketResponseTimes = z
  .object({
    month: z.string(),
    /** a ticket type (TICKET_TYPES) */
    type: z.string(),
    count: z.number().int(),
    medianFirstResponseMinutes: z.number().nullable(),
    p90FirstResponseMinutes: z.number().nullable(),
    medianResolutionMinutes: z.number().nullable(),
    /** tickets whose targets are decided (met or breached) */
    judged: z.number().int(),
    withinTarget: z.number().int(),
    withinTargetPercent: z.number().nullable(),
  })
  .meta({ id: 'TicketResponseTimes' });
export const TicketResponseTimesReport = z.object({ from: z.string(), to: z.string(), items: z.array(TicketResponseTimes) });
