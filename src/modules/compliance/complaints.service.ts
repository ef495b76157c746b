import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { DEFAULT_LOCALE, t } from '../../core/i18n/index.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, systemScope, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { violates } from '../../db/pg-errors.js';
import type { FileStore } from '../../files/file-store.js';
import { checkResponseHours, formatShanghai, mayTerminateForCause, shanghaiDate, suggestedClause, validateDomain } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ContractsService } from '../contracts/contracts.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import type { NoticesService } from '../notices/notices.service.js';
import { actorId, actorName, serverOf, storeDocument, type Upload } from './common.js';
import type { ComplaintRow, ComplianceRepository, SuspensionRow } from './compliance.repository.js';

export interface IntakeInput {
  source: string;
  category: ComplaintRow['category'];
  description: string;
  ip?: string | null;
  domain?: string | null;
  receivedAt?: string | null;
}

export interface SuspendInput {
  serverId: string;
  clause: SuspensionRow['clause'];
  reason: string;
  complaintId?: string | null;
}

/** Whose server a complaint is about: the domain list first, then IPAM. */
interface Target {
  customerId: string | null;
  serverId: string | null;
  domainId: string | null;
  domain: string | null;
  ip: string | null;
}

/** A customer learns what was complained of, never who complained (the source may be a member of the public). */
const publicComplaint = (c: ComplaintRow, scope: Scope) => {
  const { evidenceSha256, source, ...rest } = c;
  return { ...rest, source: scope.kind === 'customer' ? null : source, hasEvidence: evidenceSha256 !== null, suggestedClause: suggestedClause(c.category) };
};

/**
 * Complaints and violations (5.4, 5.8) and what the provider does about them: intake (the IP or
 * domain names the customer), formal notice with a deadline, confirmation citing the clause breached,
 * suspension and restoration of the server (6.3), and termination for cause (6.8).
 */
export function makeComplaintsService(deps: {
  repo: ComplianceRepository;
  servers: Pick<ServersService, 'findServer' | 'setStatus'>;
  ipam: Pick<IpamService, 'holderOf'>;
  contracts: Pick<ContractsService, 'get' | 'terminate'>;
  notices: Pick<NoticesService, 'register'>;
  files: FileStore;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;

  async function load(scope: Scope, id: string) {
    const row = await repo.findComplaint(scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'complaint' });
    return row;
  }

  /** One step of a complaint's life, under lock, from the states it may leave, audited. */
  async function move(scope: Scope, id: string, from: ComplaintRow['status'][], patch: (c: ComplaintRow, tx: Executor) => Promise<Partial<ComplaintRow>> | Partial<ComplaintRow>, action: string) {
    requirePermission(scope, 'complaint.handle');
    return repo.db.transaction(async (tx) => {
      const before = await repo.lockComplaint(tx, id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'complaint' });
      if (!from.includes(before.status)) throw new AppError('COMPLAINT_INVALID_TRANSITION', { from: before.status, to: action });
      const after = await repo.updateComplaint(tx, id, await patch(before, tx));
      await audit.record(tx, scope, { action: `complaint.${action}`, entity: 'compliance_complaint', entityId: id, customerId: before.customerId, before: { ...before, evidenceSha256: undefined }, after: { ...after, evidenceSha256: undefined } });
      return publicComplaint(after, scope);
    });
  }

  /** The IP or domain named in a complaint tells whose server it is (the domain list, then IPAM). */
  async function locateTarget(scope: Scope, input: Pick<IntakeInput, 'ip' | 'domain'>, tx?: Executor): Promise<Target> {
    const target: Target = { customerId: null, serverId: null, domainId: null, domain: null, ip: null };
    if (input.domain) {
      const v = validateDomain(input.domain);
      if (!v.valid) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'domain', key: v.reason }]);
      target.domain = v.normalized;
      const d = await repo.liveDomainByName(v.normalized, tx);
      if (d) Object.assign(target, { customerId: d.customerId, serverId: d.serverId, domainId: d.id });
    }
    if (input.ip) {
      const holder = await deps.ipam.holderOf(scope, input.ip, tx);
      if (holder === null && !/^[0-9a-f.:]+$/i.test(input.ip)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'ip', key: 'IP_FORMAT' }]);
      target.ip = holder?.address ?? input.ip;
      if (holder && !target.customerId) Object.assign(target, { customerId: holder.customerId, serverId: holder.serverId });
    }
    return target;
  }

  /** When the complaint arrived: as given (not in the future), else now. */
  function receivedAtOf(given: string | null | undefined): Date {
    const receivedAt = given ? new Date(given) : clock.now();
    if (Number.isNaN(receivedAt.getTime()) || receivedAt > clock.now()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'receivedAt', key: 'field.invalid' }]);
    return receivedAt;
  }

  return {
    // ── 5.4, 5.8 complaints and violations ──────────────────────────────
    /**
     * Intake: the IP or domain named in the complaint tells whose server it is (IPAM, the domain list).
     * `within`: the caller's transaction, when the complaint is one step of a larger change (a regulator
     * finding turned into a complaint, issue 22 §3) — it commits or rolls back with it.
     */
    async intake(scope: Scope, input: IntakeInput, within?: Executor) {
      requirePermission(scope, 'complaint.intake');
      if (!input.ip && !input.domain) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'ip', key: 'compliance.ipOrDomain' }]);
      const { customerId, serverId, domainId, domain, ip } = await locateTarget(scope, input, within);
      if (!customerId) throw new AppError('COMPLAINT_UNMAPPED', { target: input.domain ?? input.ip });
      const receivedAt = receivedAtOf(input.receivedAt);
      const id = ids.uuid();
      const row: ComplaintRow = {
        id,
        number: `AB${shanghaiDate(receivedAt).replace(/-/g, '')}-${id.replace(/-/g, '').slice(-6).toUpperCase()}`,
        customerId,
        serverId,
        domainId,
        source: input.source.trim(),
        category: input.category,
        description: input.description.trim(),
        ip,
        domain,
        evidenceSha256: null,
        evidenceFileName: null,
        evidenceContentType: null,
        status: 'open',
        receivedAt,
        noticeId: null,
        deadlineAt: null,
        clause: null,
        decidedAt: null,
        decidedBy: null,
        decisionNote: null,
        resolvedAt: null,
      };
      const write = async (tx: Executor) => {
        await repo.insertComplaint(tx, row);
        await audit.record(tx, scope, { action: 'complaint.intake', entity: 'compliance_complaint', entityId: id, customerId, after: row });
      };
      if (within) await write(within);
      else await repo.db.transaction(write);
      return publicComplaint(row, scope);
    },

    async complaintEvidence(scope: Scope, id: string, file: Upload) {
      requirePermission(scope, 'complaint.intake');
      await load(scope, id);
      const stored = storeDocument(deps.files, file);
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockComplaint(tx, id);
        const after = await repo.updateComplaint(tx, id, { evidenceSha256: stored.sha256, evidenceFileName: stored.fileName, evidenceContentType: stored.contentType });
        await audit.record(tx, scope, { action: 'complaint.evidence', entity: 'compliance_complaint', entityId: id, customerId: before!.customerId, after: { evidenceSha256: stored.sha256, fileName: stored.fileName } });
        return publicComplaint(after, scope);
      });
    },

    /** The customer is told in a formal notice (第九条) and given a deadline to answer or fix. */
    notifyComplaint(scope: Scope, id: string, input: { hours: number; message?: string }) {
      if (!checkResponseHours(input.hours)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'hours', key: 'compliance.responseHours' }]);
      const deadline = new Date(clock.now().getTime() + input.hours * 3_600_000);
      return move(scope, id, ['open', 'notified'], async (c, tx) => {
        const notice = await deps.notices.register(tx, scope, {
          customerId: c.customerId,
          direction: 'provider_to_customer',
          type: 'compliance.complaint',
          payload: { number: c.number, category: c.category, target: c.domain ?? c.ip, description: c.description, deadline: formatShanghai(deadline), message: input.message ?? '' },
          relatedEntity: 'compliance_complaint',
          relatedId: c.id,
        });
        return { status: 'notified', noticeId: notice?.id ?? null, deadlineAt: deadline };
      }, 'notify');
    },

    /** A confirmed complaint is a violation and cites the clause breached. */
    confirmViolation(scope: Scope, id: string, input: { clause: NonNullable<ComplaintRow['clause']>; note: string }) {
      return move(scope, id, ['open', 'notified'], () => ({ status: 'confirmed', clause: input.clause, decidedAt: clock.now(), decidedBy: actorId(scope), decisionNote: input.note.trim() }), 'confirm');
    },
    dismissComplaint(scope: Scope, id: string, input: { note: string }) {
      return move(scope, id, ['open', 'notified'], () => ({ status: 'dismissed', decidedAt: clock.now(), decidedBy: actorId(scope), decisionNote: input.note.trim() }), 'dismiss');
    },
    resolveComplaint(scope: Scope, id: string, input: { note: string }) {
      return move(scope, id, ['confirmed'], (c) => ({ status: 'resolved', resolvedAt: clock.now(), decisionNote: `${c.decisionNote ?? ''}\n${input.note.trim()}`.trim() }), 'resolve');
    },

    async complaints(scope: Scope, filter: { customerId?: string; status?: ComplaintRow['status'][] }) {
      requireReader(scope);
      return (await repo.listComplaints(scope, filter)).map((r) => ({ ...publicComplaint(r.complaint, scope), customerName: r.customerName }));
    },
    async complaint(scope: Scope, id: string) {
      requireReader(scope);
      const c = await load(scope, id);
      await audit.recordRead(scope, { entity: 'compliance_complaint', entityId: id, customerId: c.customerId });
      return publicComplaint(c, scope);
    },

    /** The evidence file (a customer its own; the read audited like other files). */
    async complaintEvidenceFile(scope: Scope, id: string) {
      requireReader(scope);
      const row = await repo.findComplaint(scope, id);
      if (!row || !row.evidenceSha256 || !row.evidenceContentType) throw new AppError('NOT_FOUND', { entity: 'complaint' });
      await audit.recordRead(scope, { entity: 'compliance_complaint', entityId: id, customerId: row.customerId });
      return { bytes: deps.files.get(row.evidenceSha256), contentType: row.evidenceContentType, fileName: row.evidenceFileName ?? 'evidence' };
    },

    /** 6.8: a confirmed breach of 5.3–5.7 ends the contract for cause, without refund, through the contracts service. */
    async terminateForCause(scope: Scope, complaintId: string, contractId: string) {
      requirePermission(scope, 'complaint.terminateForCause');
      const c = await load(scope, complaintId);
      if (c.status !== 'confirmed' && c.status !== 'resolved') throw new AppError('COMPLAINT_INVALID_TRANSITION', { from: c.status, to: 'terminate' });
      if (!c.clause || !mayTerminateForCause(c.clause)) throw new AppError('TERMINATION_NOT_ALLOWED', { clause: c.clause ?? '—' });
      const contract = await deps.contracts.get(scope, contractId);
      if (contract.customerId !== c.customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'contractId', key: 'field.invalid' }]);
      // the contracts service owns the termination and its audit; the compliance user acts under the violation's authority
      const after = await deps.contracts.terminate(systemScope(`compliance:${actorName(scope)}:${c.number}`), contractId, { kind: 'for_cause', clause: c.clause });
      await repo.db.transaction(async (tx) => {
        await audit.record(tx, scope, { action: 'complaint.terminate', entity: 'compliance_complaint', entityId: c.id, customerId: c.customerId, after: { contractId, clause: c.clause, contractStatus: after.status } });
      });
      return after;
    },

    // ── 6.3 suspension and restoration ──────────────────────────────────
    /** The server's domains leave the gate at its next apply; NOC gets the port shutdown instruction. */
    async suspendServer(scope: Scope, input: SuspendInput) {
      requirePermission(scope, 'violation.suspendServer');
      const server = await serverOf(deps.servers, scope, input.serverId);
      if (server.status === 'removed') throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: 'suspended' });
      if (input.complaintId) {
        const c = await load(scope, input.complaintId);
        if (c.customerId !== server.customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'complaintId', key: 'field.invalid' }]);
      }
      const row: SuspensionRow = {
        id: ids.uuid(),
        customerId: server.customerId,
        serverId: server.id,
        complaintId: input.complaintId ?? null,
        clause: input.clause,
        reason: input.reason.trim(),
        // a work order kept with the suspension, written once in the provider's language
        portInstruction: t(DEFAULT_LOCALE, 'compliance.portInstruction', { brand: server.brand, model: server.model, serial: server.serialNumber, clause: input.clause }),
        suspendedAt: clock.now(),
        suspendedBy: actorId(scope),
        restoredAt: null,
        restoredBy: null,
        restoreNote: null,
      };
      try {
        await repo.db.transaction(async (tx) => {
          await repo.insertSuspension(tx, row);
          await audit.record(tx, scope, { action: 'server.complianceSuspend', entity: 'server', entityId: server.id, customerId: server.customerId, after: row });
          await deps.notices.register(tx, scope, { customerId: server.customerId, direction: 'provider_to_customer', type: 'compliance.serverSuspended', payload: { serial: server.serialNumber, clause: input.clause, reason: row.reason }, relatedEntity: 'compliance_suspension', relatedId: row.id });
        });
      } catch (err) {
        if (violates(err, 'compliance_suspensions_one_live')) throw new AppError('CONFLICT', { detail: 'suspended' }, [{ path: 'serverId', key: 'compliance.alreadySuspended' }]);
        throw err;
      }
      // the server's own status follows (facility keeps its history); a server not yet in service keeps its status
      if (server.status === 'in_service') await deps.servers.setStatus(systemScope(`compliance:${actorName(scope)}`), server.id, 'suspended');
      return row;
    },

    /** 6.3: service resumes once the fault is fixed; the restoration says what was fixed. */
    async restoreServer(scope: Scope, suspensionId: string, note: string) {
      requirePermission(scope, 'violation.restoreServer');
      const s = await repo.findSuspension(scope, suspensionId);
      if (!s || s.restoredAt) throw new AppError('NOT_FOUND', { entity: 'suspension' });
      if (!note.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'note', key: 'field.required' }]);
      const after = await repo.db.transaction(async (tx) => {
        const row = await repo.updateSuspension(tx, s.id, { restoredAt: clock.now(), restoredBy: actorId(scope), restoreNote: note.trim() });
        await audit.record(tx, scope, { action: 'server.complianceRestore', entity: 'server', entityId: s.serverId, customerId: s.customerId, before: s, after: row });
        await deps.notices.register(tx, scope, { customerId: s.customerId, direction: 'provider_to_customer', type: 'compliance.serverRestored', payload: { clause: s.clause, note: row.restoreNote }, relatedEntity: 'compliance_suspension', relatedId: s.id });
        return row;
      });
      const server = await deps.servers.findServer(scope, s.serverId);
      if (server?.status === 'suspended') await deps.servers.setStatus(systemScope(`compliance:${actorName(scope)}`), s.serverId, 'in_service');
      return after;
    },

    async suspensions(scope: Scope, filter: { customerId?: string; serverId?: string; liveOnly?: boolean }) {
      requireReader(scope);
      return repo.suspensions(scope, filter);
    },
  };
}

export type ComplaintsService = ReturnType<typeof makeComplaintsService>;
