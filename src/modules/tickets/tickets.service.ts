import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requireReader, requireStaff, type Scope } from '../../core/scope.js';
import { shanghaiDate } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FacilityService } from '../facility/facility.service.js';
import type { TicketRow, TicketsRepository } from './tickets.repository.js';
import type { TICKET_PRIORITIES, TICKET_TYPES } from './tickets.schema.js';

/** Which status may follow which; resolving and closing stamp their times. */
const NEXT: Record<TicketRow['status'], TicketRow['status'][]> = {
  open: ['acknowledged', 'in_progress', 'resolved'],
  acknowledged: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

const minutesBetween = (a: Date | null, b: Date | null) => (a && b ? Math.round((b.getTime() - a.getTime()) / 60_000) : null);

/** What the customer and the NOC see: the ticket and how long the provider took to answer and to fix it. */
export const withTimes = (t: TicketRow) => ({ ...t, firstResponseMinutes: minutesBetween(t.openedAt, t.firstResponseAt), resolutionMinutes: minutesBetween(t.openedAt, t.resolvedAt) });

/**
 * 6.1: 7×24 support and unlimited fast reboots — a reboot request is a ticket like any other,
 * never counted against a quota, opened urgent, and its response time is measured.
 */
export function makeTicketsService(deps: {
  repo: TicketsRepository;
  facility: Pick<FacilityService, 'findServer'>;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;

  async function load(scope: Scope, id: string) {
    const row = await repo.find(scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'ticket' });
    return row;
  }

  return {
    async open(scope: Scope, input: { customerId?: string; serverId?: string | null; type: (typeof TICKET_TYPES)[number]; priority?: (typeof TICKET_PRIORITIES)[number]; subject: string; description: string }) {
      let customerId: string;
      if (scope.kind === 'customer') customerId = scope.customerId;
      else {
        requireStaff(scope, 'noc', 'sales', 'compliance');
        if (!input.customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.required' }]);
        customerId = input.customerId;
      }
      if (input.serverId) {
        const server = await deps.facility.findServer(scope, input.serverId);
        if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
        if (server.customerId !== customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'serverId', key: 'field.invalid' }]);
      } else if (input.type === 'reboot') {
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'serverId', key: 'field.required' }]);
      }
      const now = clock.now();
      const id = ids.uuid();
      const row: TicketRow = {
        id,
        number: `T${shanghaiDate(now).replace(/-/g, '')}-${id.replace(/-/g, '').slice(-6).toUpperCase()}`,
        customerId,
        serverId: input.serverId ?? null,
        type: input.type,
        priority: input.priority ?? (input.type === 'reboot' ? 'urgent' : 'normal'),
        subject: input.subject.trim(),
        description: input.description.trim(),
        status: 'open',
        openedBy: scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : '00000000-0000-0000-0000-000000000000',
        openedAt: now,
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: null,
      };
      await repo.db.transaction(async (tx) => {
        await repo.insert(tx, row);
        await audit.record(tx, scope, { action: 'ticket.open', entity: 'ticket', entityId: id, customerId, after: row });
      });
      return withTimes(row);
    },

    async list(scope: Scope, filter: { status?: TicketRow['status']; customerId?: string }) {
      requireReader(scope);
      return (await repo.list(scope, filter)).map((r) => ({ ...withTimes(r.ticket), customerName: r.customerName }));
    },

    async get(scope: Scope, id: string) {
      requireReader(scope);
      const ticket = await load(scope, id);
      await audit.recordRead(scope, { entity: 'ticket', entityId: id, customerId: ticket.customerId });
      return { ...withTimes(ticket), comments: await repo.comments(id) };
    },

    /** The first staff comment is the first response; it also acknowledges an open ticket. */
    async comment(scope: Scope, id: string, body: string) {
      if (scope.kind !== 'customer') requireStaff(scope, 'noc', 'sales', 'compliance');
      const ticket = await load(scope, id);
      const now = clock.now();
      return repo.db.transaction(async (tx) => {
        const comment = { id: ids.uuid(), ticketId: id, customerId: ticket.customerId, authorId: scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null, authorKind: scope.kind === 'customer' ? ('customer' as const) : ('staff' as const), body: body.trim(), createdAt: now };
        await repo.insertComment(tx, comment);
        if (scope.kind !== 'customer' && !ticket.firstResponseAt) {
          await repo.update(tx, id, { firstResponseAt: now, status: ticket.status === 'open' ? 'acknowledged' : ticket.status });
        }
        await audit.record(tx, scope, { action: 'ticket.comment', entity: 'ticket', entityId: id, customerId: ticket.customerId, after: comment });
        return comment;
      });
    },

    async transition(scope: Scope, id: string, status: TicketRow['status']) {
      const ticket = await load(scope, id);
      // a customer may close its own resolved ticket or reopen it; the rest is the NOC's
      if (scope.kind === 'customer') {
        if (!(ticket.status === 'resolved' && (status === 'closed' || status === 'in_progress'))) throw new AppError('FORBIDDEN');
      } else requireStaff(scope, 'noc', 'sales', 'compliance');
      if (!NEXT[ticket.status].includes(status)) throw new AppError('INVALID_TRANSITION', { from: ticket.status, to: status });
      const now = clock.now();
      return repo.db.transaction(async (tx) => {
        const after = await repo.update(tx, id, {
          status,
          firstResponseAt: ticket.firstResponseAt ?? (scope.kind === 'customer' ? null : now),
          resolvedAt: status === 'resolved' ? now : status === 'in_progress' ? null : ticket.resolvedAt,
          closedAt: status === 'closed' ? now : null,
        });
        await audit.record(tx, scope, { action: `ticket.${status}`, entity: 'ticket', entityId: id, customerId: ticket.customerId, before: ticket, after });
        return withTimes(after);
      });
    },
  };
}

export type TicketsService = ReturnType<typeof makeTicketsService>;
