import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireStaff, systemScope, type Scope } from '../../core/scope.js';
import { addDays, relationshipEnded, retentionDueOn, shanghaiDate, workingDayDeadlineMarked, type CalendarDate, type RetentionKind } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { ComplaintsService } from '../compliance/complaints.service.js';
import type { InspectionsService } from '../compliance/inspections.service.js';
import type { ContractsService } from '../contracts/contracts.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { KycService } from '../customers/kyc.service.js';
import type { RosterService } from '../customers/roster.service.js';
import type { TicketsService } from '../tickets/tickets.service.js';
import type { RedactionRow, RequestRow, RetentionRepository } from './retention.repository.js';

/** An inspection holds the customer's data for this long after it took place (the authority may come back). */
export const INSPECTION_HOLD_MONTHS = 12;

export interface Hold {
  kind: 'manual' | 'complaint' | 'inspection' | 'takedown';
  id: string;
  label: string;
}

// compliance acts (the permission table); auditors read too
const reader = (scope: Scope) => requireStaff(scope, 'compliance', 'auditor');
const actorId = (scope: Scope) => (scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null);

/**
 * Issue 22 §7, personal-data retention (个人信息保护法 art. 19, 47): per kind a period — KYC copies and
 * ID numbers from the end of the contractual relationship, roster history from when a version was
 * replaced — after which the daily sweep redacts (the file deleted, numbers masked) and keeps the facts
 * the law asks for (identity verified, when, by whom; who was on the roster when). A legal hold — an
 * open complaint, an inspection within a year, a takedown not lifted, or one placed by hand — suspends it.
 * A person's deletion or correction request is a ticket of its own type answered within the period.
 */
export function makeRetentionService(deps: {
  repo: RetentionRepository;
  customers: Pick<CustomersService, 'list' | 'get'>;
  contracts: Pick<ContractsService, 'list'>;
  kyc: Pick<KycService, 'redactForRetention'>;
  roster: Pick<RosterService, 'historyDue' | 'redactVersion'>;
  complaints: Pick<ComplaintsService, 'complaints'>;
  inspections: Pick<InspectionsService, 'inspections'>;
  takedowns: { holding(customerIds: string[]): Promise<{ customerId: string; id: string; number: string }[]> };
  tickets: Pick<TicketsService, 'open'>;
  calendar: Pick<CalendarService, 'current'>;
  files: { removeIfUnreferenced(sha256: string): Promise<boolean> };
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;
  const system = systemScope('retention');

  async function policy(kind: RetentionKind) {
    const row = (await repo.policies()).find((p) => p.kind === kind);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'retentionPolicy' });
    return row;
  }

  /** Everything holding a customer's data now. */
  async function holdsOf(scope: Scope, customerId: string): Promise<Hold[]> {
    const today = shanghaiDate(clock.now());
    const inspectionSince = addDays(today, -Math.round(INSPECTION_HOLD_MONTHS * 30.5));
    const [manual, complaints, inspections, takedowns] = await Promise.all([
      repo.liveHolds(scope, customerId),
      deps.complaints.complaints(scope, { customerId, status: ['open', 'notified', 'confirmed'] }),
      deps.inspections.inspections(scope, { customerId }),
      deps.takedowns.holding([customerId]),
    ]);
    return [
      ...manual.map((h) => ({ kind: 'manual' as const, id: h.id, label: h.reason })),
      ...complaints.map((c) => ({ kind: 'complaint' as const, id: c.id, label: c.number })),
      ...inspections.filter((i) => shanghaiDate(i.inspectedAt) >= inspectionSince).map((i) => ({ kind: 'inspection' as const, id: i.id, label: `${i.authority} ${i.documentNumber}` })),
      ...takedowns.map((t) => ({ kind: 'takedown' as const, id: t.id, label: t.number })),
    ];
  }

  /** The day a customer's KYC copies fall due, or null while the relationship goes on. */
  async function kycDueOn(scope: Scope, customerId: string, months: number): Promise<CalendarDate | null> {
    const contracts = await deps.contracts.list(scope, { customerId });
    const ended = relationshipEnded(contracts.map((c) => ({ status: c.status, termEnd: c.termEnd, changedOn: shanghaiDate(c.updatedAt) })));
    return ended ? retentionDueOn(ended, months) : null;
  }

  /** Redacts one customer's KYC copies now (in one transaction), then deletes the files nothing names. */
  async function redactKyc(scope: Scope, customerId: string, dueOn: CalendarDate, requestId: string | null) {
    const { ids: redacted, freedFiles } = await repo.db.transaction(async (tx) => {
      const r = await deps.kyc.redactForRetention(tx, scope, customerId);
      const rows: RedactionRow[] = r.ids.map((entityId) => ({ id: ids.uuid(), kind: 'kyc_copies', customerId, entityId, dueOn, redactedAt: clock.now(), requestId }));
      await repo.insertRedactions(tx, rows);
      return r;
    });
    for (const sha of freedFiles) await deps.files.removeIfUnreferenced(sha);
    return redacted.length;
  }

  return {
    holdsOf: (scope: Scope, customerId: string) => {
      reader(scope);
      return holdsOf(scope, customerId);
    },

    async policies(scope: Scope) {
      reader(scope);
      return repo.policies();
    },
    async setPolicy(scope: Scope, kind: RetentionKind, input: { months: number; answerWorkingDays: number }) {
      requirePermission(scope, 'retention.setPolicy');
      if (!Number.isInteger(input.months) || input.months < 1 || input.months > 600) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'months', key: 'field.invalid' }]);
      if (!Number.isInteger(input.answerWorkingDays) || input.answerWorkingDays < 1 || input.answerWorkingDays > 60) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'answerWorkingDays', key: 'field.invalid' }]);
      return repo.db.transaction(async (tx) => {
        const before = (await repo.policies(tx)).find((p) => p.kind === kind);
        const after = await repo.setPolicy(tx, kind, { months: input.months, answerWorkingDays: input.answerWorkingDays, updatedBy: actorId(scope), updatedAt: clock.now() });
        await audit.record(tx, scope, { action: 'retention.policy', entity: 'retention_policy', entityId: null, before, after });
        return after;
      });
    },

    async placeHold(scope: Scope, customerId: string, reason: string) {
      requirePermission(scope, 'retention.hold');
      if (!reason.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'reason', key: 'field.required' }]);
      await deps.customers.get(scope, customerId);
      const row = { id: ids.uuid(), customerId, reason: reason.trim(), placedBy: actorId(scope), placedAt: clock.now(), releasedAt: null, releasedBy: null };
      await repo.db.transaction(async (tx) => {
        await repo.insertHold(tx, row);
        await audit.record(tx, scope, { action: 'retention.hold', entity: 'retention_hold', entityId: row.id, customerId, after: row });
      });
      return row;
    },
    async releaseHold(scope: Scope, id: string) {
      requirePermission(scope, 'retention.hold');
      return repo.db.transaction(async (tx) => {
        const row = await repo.releaseHold(tx, id, clock.now(), actorId(scope));
        if (!row) throw new AppError('NOT_FOUND', { entity: 'retentionHold' });
        await audit.record(tx, scope, { action: 'retention.release', entity: 'retention_hold', entityId: id, customerId: row.customerId, after: row });
        return row;
      });
    },

    async redactions(scope: Scope, customerId: string) {
      reader(scope);
      return repo.redactions(scope, customerId);
    },

    /**
     * The daily job: what fell due up to today and is not held is redacted; a held customer is passed
     * over and taken up by a later run once the hold ends (catch-up safe: it works from what is due).
     */
    async sweep(): Promise<{ kycRedacted: number; rosterRedacted: number; held: number }> {
      const today = shanghaiDate(clock.now());
      const [kycPolicy, rosterPolicy] = [await policy('kyc_copies'), await policy('roster_history')];
      const holdCache = new Map<string, Hold[]>();
      const held = async (customerId: string) => {
        if (!holdCache.has(customerId)) holdCache.set(customerId, await holdsOf(system, customerId));
        return holdCache.get(customerId)!.length > 0;
      };
      let kycRedacted = 0;
      let rosterRedacted = 0;
      let heldCount = 0;
      for (let page = 1; ; page += 1) {
        const { items } = await deps.customers.list(system, { status: 'former', page, pageSize: 200 });
        for (const c of items) {
          const due = await kycDueOn(system, c.id, kycPolicy.months);
          if (!due || due > today) continue;
          if (await held(c.id)) {
            heldCount += 1;
            continue;
          }
          kycRedacted += await redactKyc(system, c.id, due, null);
        }
        if (items.length < 200) break;
      }
      // roster versions replaced long enough ago (a coarse cut in SQL, the exact due day here)
      const cutoff = new Date(clock.now().getTime() - rosterPolicy.months * 28 * 86_400_000);
      for (const v of await deps.roster.historyDue(system, cutoff, 2000)) {
        const due = retentionDueOn(shanghaiDate(v.validTo), rosterPolicy.months);
        if (due > today) continue;
        if (await held(v.customerId)) {
          heldCount += 1;
          continue;
        }
        await repo.db.transaction(async (tx) => {
          if (await deps.roster.redactVersion(tx, system, v)) {
            await repo.insertRedactions(tx, [{ id: ids.uuid(), kind: 'roster_history', customerId: v.customerId, entityId: v.id, dueOn: due, redactedAt: clock.now(), requestId: null }]);
            rosterRedacted += 1;
          }
        });
      }
      return { kycRedacted, rosterRedacted, held: heldCount };
    },

    // ── a person's request (PIPL art. 46/47, answered per art. 50) ──
    async openRequest(scope: Scope, input: { customerId: string; kind: RequestRow['kind']; subjectName: string; detail: string }) {
      requirePermission(scope, 'retention.request');
      const kyc = await policy('kyc_copies');
      const now = clock.now();
      const calendar = await deps.calendar.current();
      const due = workingDayDeadlineMarked(calendar, shanghaiDate(now), kyc.answerWorkingDays);
      const ticket = await deps.tickets.open(scope, {
        customerId: input.customerId,
        type: 'personal_data',
        subject: `${input.kind === 'deletion' ? '个人信息删除请求' : '个人信息更正请求'}：${input.subjectName.trim()}`,
        description: `${input.detail.trim()}\n答复期限：${due.date}（${kyc.answerWorkingDays} 个工作日）`,
      });
      const row: RequestRow = {
        id: ids.uuid(),
        customerId: input.customerId,
        ticketId: ticket.id,
        kind: input.kind,
        subjectName: input.subjectName.trim(),
        detail: input.detail.trim(),
        receivedAt: now,
        answerDueOn: due.date,
        answerDueProvisional: due.provisional,
        status: 'open',
        answeredAt: null,
        answeredBy: null,
        answer: null,
      };
      await repo.db.transaction(async (tx) => {
        await repo.insertRequest(tx, row);
        await audit.record(tx, scope, { action: 'retention.request', entity: 'retention_request', entityId: row.id, customerId: row.customerId, after: row });
      });
      return row;
    },

    /** Answer a request; a deletion granted redacts the customer's copies now — unless a legal hold forbids it. */
    async answerRequest(scope: Scope, id: string, input: { status: 'done' | 'refused'; answer: string }) {
      requirePermission(scope, 'retention.request');
      if (!input.answer.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'answer', key: 'field.required' }]);
      const [request] = (await repo.requests(scope, {})).filter((r) => r.id === id);
      if (!request) throw new AppError('NOT_FOUND', { entity: 'retentionRequest' });
      if (request.status !== 'open') throw new AppError('INVALID_TRANSITION', { entity: 'retentionRequest', from: request.status, to: input.status });
      if (input.status === 'done' && request.kind === 'deletion') {
        const holds = await holdsOf(scope, request.customerId);
        if (holds.length) throw new AppError('LEGAL_HOLD', { holds: holds.map((h) => h.label).join('、') });
        await redactKyc(scope, request.customerId, shanghaiDate(clock.now()), id);
      }
      return repo.db.transaction(async (tx) => {
        const after = await repo.updateRequest(tx, id, { status: input.status, answer: input.answer.trim(), answeredAt: clock.now(), answeredBy: actorId(scope) });
        await audit.record(tx, scope, { action: `retention.${input.status}`, entity: 'retention_request', entityId: id, customerId: after.customerId, before: request, after });
        return after;
      });
    },

    async requests(scope: Scope, filter: { customerId?: string; status?: RequestRow['status'] }) {
      reader(scope);
      const today = shanghaiDate(clock.now());
      return (await repo.requests(scope, filter)).map((r) => ({ ...r, overdue: r.status === 'open' && r.answerDueOn < today }));
    },
  };
}

export type RetentionService = ReturnType<typeof makeRetentionService>;
