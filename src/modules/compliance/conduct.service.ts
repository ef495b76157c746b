import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requireReader, requireStaff, systemScope, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { violates } from '../../db/pg-errors.js';
import type { FileStore } from '../../files/file-store.js';
import { sniffDocumentType, type DocumentType } from '../../files/sniff.js';
import {
  attestationState,
  checkDeclaredService,
  checkLogRetention,
  checkResponseHours,
  formatShanghai,
  mayTerminateForCause,
  oneYearAfter,
  shanghaiDate,
  suggestedClause,
  validateDomain,
  type CalendarDate,
} from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ContractsService } from '../contracts/contracts.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import type { NoticesService } from '../notices/notices.service.js';
import type { ComplaintRow, ComplianceRepository, InspectionRow, ServiceRow, SuspensionRow } from './compliance.repository.js';

const actorId = (scope: Scope) => (scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null);
const actorName = (scope: Scope) => (scope.kind === 'staff' || scope.kind === 'customer' ? scope.login : scope.kind === 'system' ? scope.reason : scope.name);

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * The customer's conduct under 5.3–5.8 and what the provider does about it: declared services,
 * log-retention attestations, complaints and violations, suspension and restoration (6.3),
 * termination for cause (6.8), and inspections on an authority's authorisation (6.6).
 */
export function makeConductService(deps: {
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
  const today = () => shanghaiDate(clock.now());

  function store(file: Upload, path = 'file'): { sha256: string; contentType: DocumentType; fileName: string } {
    if (file.bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', {}, [{ path, key: 'kyc.fileEmpty' }]);
    const contentType = sniffDocumentType(file.bytes);
    if (!contentType) throw new AppError('VALIDATION_FAILED', {}, [{ path, key: 'kyc.fileType' }]);
    return { sha256: deps.files.put(file.bytes).sha256, contentType, fileName: file.fileName.slice(0, 200) };
  }

  async function serverOf(scope: Scope, serverId: string, customerId?: string) {
    const server = await deps.servers.findServer(scope, serverId);
    if (!server || (customerId && server.customerId !== customerId)) throw new AppError('NOT_FOUND', { entity: 'server' });
    return server;
  }

  const withViolation = (s: ServiceRow) => {
    const check = checkDeclaredService(s.kind, s.agreementSha256 !== null);
    const { agreementSha256, ...rest } = s;
    return { ...rest, hasAgreement: agreementSha256 !== null, violation: check.allowed ? check.violation : check.reason };
  };
  /** A customer learns what was complained of, never who complained (the source may be a member of the public). */
  const publicComplaint = (c: ComplaintRow, scope: Scope) => {
    const { evidenceSha256, source, ...rest } = c;
    return { ...rest, source: scope.kind === 'customer' ? null : source, hasEvidence: evidenceSha256 !== null, suggestedClause: suggestedClause(c.category) };
  };
  const publicInspection = (i: InspectionRow) => {
    const { documentSha256: _h, ...rest } = i;
    return rest;
  };

  async function loadComplaint(scope: Scope, id: string) {
    const row = await repo.findComplaint(scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'complaint' });
    return row;
  }

  async function moveComplaint(scope: Scope, id: string, from: ComplaintRow['status'][], patch: (c: ComplaintRow, tx: Executor) => Promise<Partial<ComplaintRow>> | Partial<ComplaintRow>, action: string) {
    requireStaff(scope, 'compliance');
    return repo.db.transaction(async (tx) => {
      const before = await repo.lockComplaint(tx, id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'complaint' });
      if (!from.includes(before.status)) throw new AppError('COMPLAINT_INVALID_TRANSITION', { from: before.status, to: action });
      const after = await repo.updateComplaint(tx, id, await patch(before, tx));
      await audit.record(tx, scope, { action: `complaint.${action}`, entity: 'compliance_complaint', entityId: id, customerId: before.customerId, before: { ...before, evidenceSha256: undefined }, after: { ...after, evidenceSha256: undefined } });
      return publicComplaint(after, scope);
    });
  }

  const service = {
    // ── 5.3 declared services ───────────────────────────────────────────
    async declareService(scope: Scope, input: { serverId: string; kind: string; description?: string }) {
      if (scope.kind === 'customer') {
        if (!scope.roles.some((r) => r === 'owner' || r === 'technical')) throw new AppError('FORBIDDEN');
      } else requireStaff(scope, 'compliance', 'sales');
      const server = await serverOf(scope, input.serverId);
      const check = checkDeclaredService(input.kind, false);
      if (!check.allowed) throw new AppError(check.reason === 'SERVICE_PROHIBITED' ? 'SERVICE_PROHIBITED' : 'VALIDATION_FAILED', { kind: input.kind }, [{ path: 'kind', key: check.reason }]);
      const row: ServiceRow = {
        id: ids.uuid(),
        customerId: server.customerId,
        serverId: server.id,
        kind: input.kind as ServiceRow['kind'],
        description: (input.description ?? '').trim(),
        agreementSha256: null,
        agreementFileName: null,
        agreementContentType: null,
        agreementUploadedAt: null,
        declaredAt: clock.now(),
        declaredBy: actorId(scope),
        withdrawnAt: null,
      };
      try {
        await repo.db.transaction(async (tx) => {
          await repo.insertService(tx, row);
          await audit.record(tx, scope, { action: 'service.declare', entity: 'compliance_service', entityId: row.id, customerId: row.customerId, after: row });
        });
      } catch (err) {
        if (violates(err, 'compliance_services_one_live')) throw new AppError('CONFLICT', { detail: input.kind }, [{ path: 'kind', key: 'compliance.serviceDeclared' }]);
        throw err;
      }
      return withViolation(row);
    },

    /** The signed supplementary agreement (5.3) that makes a non-www service lawful; staff file it. */
    async fileAgreement(scope: Scope, id: string, file: Upload) {
      requireStaff(scope, 'compliance', 'sales');
      const current = await repo.findService(scope, id);
      if (!current || current.withdrawnAt) throw new AppError('NOT_FOUND', { entity: 'service' });
      if (current.kind === 'www') throw new AppError('VALIDATION_FAILED', {}, [{ path: 'kind', key: 'compliance.wwwNeedsNoAgreement' }]);
      const stored = store(file);
      return repo.db.transaction(async (tx) => {
        const after = await repo.updateService(tx, id, { agreementSha256: stored.sha256, agreementFileName: stored.fileName, agreementContentType: stored.contentType, agreementUploadedAt: clock.now() });
        await audit.record(tx, scope, { action: 'service.agreement', entity: 'compliance_service', entityId: id, customerId: current.customerId, before: current, after });
        return withViolation(after);
      });
    },

    async withdrawService(scope: Scope, id: string) {
      if (scope.kind === 'customer') {
        if (!scope.roles.some((r) => r === 'owner' || r === 'technical')) throw new AppError('FORBIDDEN');
      } else requireStaff(scope, 'compliance', 'sales');
      const current = await repo.findService(scope, id);
      if (!current || current.withdrawnAt) throw new AppError('NOT_FOUND', { entity: 'service' });
      return repo.db.transaction(async (tx) => {
        const after = await repo.updateService(tx, id, { withdrawnAt: clock.now() });
        await audit.record(tx, scope, { action: 'service.withdraw', entity: 'compliance_service', entityId: id, customerId: current.customerId, before: current, after });
        return withViolation(after);
      });
    },

    /** Declared services with their standing violation (a non-www service without its agreement). */
    async services(scope: Scope, filter: { customerId?: string; serverId?: string }) {
      requireReader(scope);
      return (await repo.liveServices(scope, filter)).map(withViolation);
    },

    // ── 5.5 log retention ───────────────────────────────────────────────
    async attest(scope: Scope, input: { customerId?: string; location: string; retentionMonths: number }) {
      if (scope.kind === 'customer') {
        if (!scope.roles.some((r) => r === 'owner' || r === 'technical')) throw new AppError('FORBIDDEN');
      } else requireStaff(scope, 'compliance');
      const customerId = scope.kind === 'customer' ? scope.customerId : input.customerId;
      if (!customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.required' }]);
      const problem = checkLogRetention(input.retentionMonths);
      if (problem) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'retentionMonths', key: problem }]);
      if (!input.location.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'location', key: 'field.required' }]);
      const attestedOn = today();
      const row = { id: ids.uuid(), customerId, location: input.location.trim(), retentionMonths: input.retentionMonths, attestedOn, validUntil: oneYearAfter(attestedOn), attestedBy: actorId(scope), remindedAt: null, createdAt: clock.now() };
      await repo.db.transaction(async (tx) => {
        await repo.insertAttestation(tx, row);
        await audit.record(tx, scope, { action: 'logRetention.attest', entity: 'compliance_log_attestation', entityId: row.id, customerId, after: row });
      });
      return row;
    },

    async attestations(scope: Scope, customerId: string) {
      requireReader(scope);
      return repo.attestations(scope, customerId);
    },

    /**
     * For activation (5.5): a customer is ready when its latest attestation has not lapsed. Other
     * modules call this (pass their transaction).
     */
    async logRetentionReadiness(scope: Scope, customerId: string, tx?: Executor) {
      const [latest] = await repo.attestations(scope, customerId, tx);
      const state = attestationState((latest?.validUntil as CalendarDate | undefined) ?? null, today());
      return { ready: state === 'valid' || state === 'due_soon', state, validUntil: latest?.validUntil ?? null, gap: state === 'valid' || state === 'due_soon' ? null : 'compliance.gap.logRetention' };
    },

    /** Attestations lapsed or lapsing within 30 days, by customer (the queue). */
    async attestationsDue(scope: Scope) {
      requireStaff(scope, 'compliance', 'auditor');
      const t = today();
      return (await repo.latestAttestations())
        .map((r) => ({ ...r.attestation, customerName: r.customerName, state: attestationState(r.attestation.validUntil as CalendarDate, t) }))
        .filter((r) => r.state === 'expired' || r.state === 'due_soon');
    },

    /** The job: one reminder notice per attestation that lapses within 30 days (catch-up safe). */
    async remindAttestations(): Promise<number> {
      const system = systemScope('compliance-reminders');
      const t = today();
      let sent = 0;
      for (const r of await repo.latestAttestations()) {
        const state = attestationState(r.attestation.validUntil as CalendarDate, t);
        if ((state !== 'due_soon' && state !== 'expired') || r.attestation.remindedAt) continue;
        await repo.db.transaction(async (tx) => {
          await repo.markReminded(tx, r.attestation.id, clock.now());
          await deps.notices.register(tx, system, { customerId: r.attestation.customerId, direction: 'provider_to_customer', type: 'compliance.attestationDue', payload: { validUntil: r.attestation.validUntil, location: r.attestation.location }, relatedEntity: 'compliance_log_attestation', relatedId: r.attestation.id });
        });
        sent += 1;
      }
      return sent;
    },

    // ── 5.4, 5.8 complaints and violations ──────────────────────────────
    /** Intake: the IP or domain named in the complaint tells whose server it is (IPAM, the domain list). */
    async intake(scope: Scope, input: { source: string; category: ComplaintRow['category']; description: string; ip?: string | null; domain?: string | null; receivedAt?: string | null }) {
      requireStaff(scope, 'compliance', 'noc');
      if (!input.ip && !input.domain) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'ip', key: 'compliance.ipOrDomain' }]);
      let customerId: string | null = null;
      let serverId: string | null = null;
      let domainId: string | null = null;
      let domain: string | null = null;
      if (input.domain) {
        const v = validateDomain(input.domain);
        if (!v.valid) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'domain', key: v.reason }]);
        domain = v.normalized;
        const d = await repo.liveDomainByName(domain);
        if (d) [customerId, serverId, domainId] = [d.customerId, d.serverId, d.id];
      }
      let ip: string | null = null;
      if (input.ip) {
        const holder = await deps.ipam.holderOf(scope, input.ip);
        if (holder === null && !/^[0-9a-f.:]+$/i.test(input.ip)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'ip', key: 'IP_FORMAT' }]);
        ip = holder?.address ?? input.ip;
        if (holder && !customerId) [customerId, serverId] = [holder.customerId, holder.serverId];
      }
      if (!customerId) throw new AppError('COMPLAINT_UNMAPPED', { target: input.domain ?? input.ip });
      const receivedAt = input.receivedAt ? new Date(input.receivedAt) : clock.now();
      if (Number.isNaN(receivedAt.getTime()) || receivedAt > clock.now()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'receivedAt', key: 'field.invalid' }]);
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
      await repo.db.transaction(async (tx) => {
        await repo.insertComplaint(tx, row);
        await audit.record(tx, scope, { action: 'complaint.intake', entity: 'compliance_complaint', entityId: id, customerId, after: row });
      });
      return publicComplaint(row, scope);
    },

    async complaintEvidence(scope: Scope, id: string, file: Upload) {
      requireStaff(scope, 'compliance', 'noc');
      await loadComplaint(scope, id);
      const stored = store(file);
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
      return moveComplaint(scope, id, ['open', 'notified'], async (c, tx) => {
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
      return moveComplaint(scope, id, ['open', 'notified'], () => ({ status: 'confirmed', clause: input.clause, decidedAt: clock.now(), decidedBy: actorId(scope), decisionNote: input.note.trim() }), 'confirm');
    },
    dismissComplaint(scope: Scope, id: string, input: { note: string }) {
      return moveComplaint(scope, id, ['open', 'notified'], () => ({ status: 'dismissed', decidedAt: clock.now(), decidedBy: actorId(scope), decisionNote: input.note.trim() }), 'dismiss');
    },
    resolveComplaint(scope: Scope, id: string, input: { note: string }) {
      return moveComplaint(scope, id, ['confirmed'], (c) => ({ status: 'resolved', resolvedAt: clock.now(), decisionNote: `${c.decisionNote ?? ''}\n${input.note.trim()}`.trim() }), 'resolve');
    },

    async complaints(scope: Scope, filter: { customerId?: string; status?: ComplaintRow['status'][] }) {
      requireReader(scope);
      return (await repo.listComplaints(scope, filter)).map((r) => ({ ...publicComplaint(r.complaint, scope), customerName: r.customerName }));
    },
    async complaint(scope: Scope, id: string) {
      requireReader(scope);
      const c = await loadComplaint(scope, id);
      await audit.recordRead(scope, { entity: 'compliance_complaint', entityId: id, customerId: c.customerId });
      return publicComplaint(c, scope);
    },

    /** 6.8: a confirmed breach of 5.3–5.7 ends the contract for cause, without refund, through the contracts service. */
    async terminateForCause(scope: Scope, complaintId: string, contractId: string) {
      requireStaff(scope, 'compliance');
      const c = await loadComplaint(scope, complaintId);
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
    async suspendServer(scope: Scope, input: { serverId: string; clause: SuspensionRow['clause']; reason: string; complaintId?: string | null }) {
      requireStaff(scope, 'compliance');
      const server = await serverOf(scope, input.serverId);
      if (server.status === 'removed') throw new AppError('INVALID_TRANSITION', { entity: 'server', from: server.status, to: 'suspended' });
      if (input.complaintId) {
        const c = await loadComplaint(scope, input.complaintId);
        if (c.customerId !== server.customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'complaintId', key: 'field.invalid' }]);
      }
      const row: SuspensionRow = {
        id: ids.uuid(),
        customerId: server.customerId,
        serverId: server.id,
        complaintId: input.complaintId ?? null,
        clause: input.clause,
        reason: input.reason.trim(),
        portInstruction: `NOC：请关闭服务器 ${server.brand} ${server.model}（序列号 ${server.serialNumber}）的全部交换机端口，依据第 ${input.clause} 条；恢复须有合规部门的恢复记录。`,
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
      requireStaff(scope, 'compliance');
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

    // ── 6.6 inspections ─────────────────────────────────────────────────
    async recordInspection(scope: Scope, input: { serverId: string; authority: string; documentNumber: string; inspectedAt: string; scope: string; staffPresent: string; withheld?: boolean; withheldReason?: string | null }, file: Upload) {
      requireStaff(scope, 'compliance');
      const server = await serverOf(scope, input.serverId);
      const at = new Date(input.inspectedAt);
      if (Number.isNaN(at.getTime())) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'inspectedAt', key: 'field.invalid' }]);
      if (input.withheld && !input.withheldReason?.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'withheldReason', key: 'compliance.withheldReason' }]);
      const stored = store(file);
      const row: InspectionRow = {
        id: ids.uuid(),
        customerId: server.customerId,
        serverId: server.id,
        authority: input.authority.trim(),
        documentNumber: input.documentNumber.trim(),
        documentSha256: stored.sha256,
        documentFileName: stored.fileName,
        documentContentType: stored.contentType,
        inspectedAt: at,
        scope: input.scope.trim(),
        staffPresent: input.staffPresent.trim(),
        withheld: input.withheld ?? false,
        withheldReason: input.withheld ? input.withheldReason!.trim() : null,
        recordedBy: actorId(scope),
        createdAt: clock.now(),
      };
      await repo.db.transaction(async (tx) => {
        await repo.insertInspection(tx, row);
        await audit.record(tx, scope, { action: 'inspection.record', entity: 'compliance_inspection', entityId: row.id, customerId: row.customerId, after: publicInspection(row) });
      });
      return publicInspection(row);
    },

    /** Withholding (on the authority's instruction) or releasing a record: the reason is required and audited. */
    async setWithheld(scope: Scope, id: string, input: { withheld: boolean; reason: string }) {
      requireStaff(scope, 'compliance');
      if (!input.reason.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'reason', key: 'compliance.withheldReason' }]);
      const before = await repo.findInspection(scope, id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'inspection' });
      return repo.db.transaction(async (tx) => {
        const after = await repo.updateInspection(tx, id, { withheld: input.withheld, withheldReason: input.withheld ? input.reason.trim() : null });
        await audit.record(tx, scope, { action: input.withheld ? 'inspection.withhold' : 'inspection.release', entity: 'compliance_inspection', entityId: id, customerId: before.customerId, before: publicInspection(before), after: { ...publicInspection(after), reason: input.reason.trim() } });
        return publicInspection(after);
      });
    },

    async inspections(scope: Scope, filter: { customerId?: string }) {
      requireReader(scope);
      return (await repo.inspections(scope, filter)).map(publicInspection);
    },

    async inspectionDocument(scope: Scope, id: string) {
      requireReader(scope);
      const row = await repo.findInspection(scope, id);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'inspection' });
      await audit.recordRead(scope, { entity: 'compliance_inspection', entityId: id, customerId: row.customerId });
      return { bytes: deps.files.get(row.documentSha256), contentType: row.documentContentType, fileName: row.documentFileName };
    },

    // ── downloads of the files filed above (a customer its own; every read audited like other files) ──
    async complaintEvidenceFile(scope: Scope, id: string) {
      requireReader(scope);
      const row = await repo.findComplaint(scope, id);
      if (!row || !row.evidenceSha256 || !row.evidenceContentType) throw new AppError('NOT_FOUND', { entity: 'complaint' });
      await audit.recordRead(scope, { entity: 'compliance_complaint', entityId: id, customerId: row.customerId });
      return { bytes: deps.files.get(row.evidenceSha256), contentType: row.evidenceContentType, fileName: row.evidenceFileName ?? 'evidence' };
    },

    async serviceAgreementFile(scope: Scope, id: string) {
      requireReader(scope);
      const row = await repo.findService(scope, id);
      if (!row || !row.agreementSha256 || !row.agreementContentType) throw new AppError('NOT_FOUND', { entity: 'service' });
      await audit.recordRead(scope, { entity: 'compliance_service', entityId: id, customerId: row.customerId });
      return { bytes: deps.files.get(row.agreementSha256), contentType: row.agreementContentType, fileName: row.agreementFileName ?? 'agreement' };
    },
  };
  return service;
}

export type ConductService = ReturnType<typeof makeConductService>;
