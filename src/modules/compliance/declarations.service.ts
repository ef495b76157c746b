import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, requireStaff, systemScope, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { violates } from '../../db/pg-errors.js';
import type { FileStore } from '../../files/file-store.js';
import { attestationState, checkDeclaredService, checkLogRetention, oneYearAfter, shanghaiDate, type CalendarDate } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { NoticesService } from '../notices/notices.service.js';
import { actorId, serverOf, storeDocument, type Upload } from './common.js';
import type { ComplianceRepository, ServiceRow } from './compliance.repository.js';

/** An attestation the customer filed itself (not a paper one staff recorded). */
const NOT_ON_PAPER = { scanSha256: null, scanFileName: null, scanContentType: null, receivedBy: null, receivedOn: null };

/** An attestation as it leaves the module: no file hash; whether a signed scan is on file. */
const publicAttestation = <R extends { scanSha256: string | null }>(r: R) => {
  const { scanSha256, ...rest } = r;
  return { ...rest, hasScan: scanSha256 !== null };
};

/** A declared service as it leaves the module: no file hash, and its standing violation (a non-www service without its agreement). */
const withViolation = (s: ServiceRow) => {
  const check = checkDeclaredService(s.kind, s.agreementSha256 !== null);
  const { agreementSha256, ...rest } = s;
  return { ...rest, hasAgreement: agreementSha256 !== null, violation: check.allowed ? check.violation : check.reason };
};

/**
 * What the customer declares and attests: the services it runs on each server (5.3) with their
 * supplementary agreements, and where and how long it keeps access logs (5.5) — the attestation
 * activation waits for, and the yearly reminder before it lapses.
 */
export function makeDeclarationsService(deps: {
  repo: ComplianceRepository;
  servers: Pick<ServersService, 'findServer'>;
  /** a paper attestation names a customer that must exist (and be visible to the one recording it) */
  customers: { exists(scope: Scope, id: string): Promise<boolean> };
  notices: Pick<NoticesService, 'register'>;
  files: FileStore;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;
  const today = () => shanghaiDate(clock.now());

  async function liveService(scope: Scope, id: string): Promise<ServiceRow> {
    const row = await repo.findService(scope, id);
    if (!row || row.withdrawnAt) throw new AppError('NOT_FOUND', { entity: 'service' });
    return row;
  }

  return {
    // ── 5.3 declared services ───────────────────────────────────────────
    async declareService(scope: Scope, input: { serverId: string; kind: string; description?: string }) {
      requirePermission(scope, 'service.declare');
      const server = await serverOf(deps.servers, scope, input.serverId);
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
      requirePermission(scope, 'service.fileAgreement');
      const current = await liveService(scope, id);
      if (current.kind === 'www') throw new AppError('VALIDATION_FAILED', {}, [{ path: 'kind', key: 'compliance.wwwNeedsNoAgreement' }]);
      const stored = storeDocument(deps.files, file);
      return repo.db.transaction(async (tx) => {
        const after = await repo.updateService(tx, id, { agreementSha256: stored.sha256, agreementFileName: stored.fileName, agreementContentType: stored.contentType, agreementUploadedAt: clock.now() });
        await audit.record(tx, scope, { action: 'service.agreement', entity: 'compliance_service', entityId: id, customerId: current.customerId, before: current, after });
        return withViolation(after);
      });
    },

    async withdrawService(scope: Scope, id: string) {
      requirePermission(scope, 'service.withdraw');
      const current = await liveService(scope, id);
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

    /** The signed agreement (a customer its own; the read audited like other files). */
    async serviceAgreementFile(scope: Scope, id: string) {
      requireReader(scope);
      const row = await repo.findService(scope, id);
      if (!row || !row.agreementSha256 || !row.agreementContentType) throw new AppError('NOT_FOUND', { entity: 'service' });
      await audit.recordRead(scope, { entity: 'compliance_service', entityId: id, customerId: row.customerId });
      return { bytes: deps.files.get(row.agreementSha256), contentType: row.agreementContentType, fileName: row.agreementFileName ?? 'agreement' };
    },

    // ── 5.5 log retention ───────────────────────────────────────────────
    async attest(scope: Scope, input: { customerId?: string; location: string; retentionMonths: number }) {
      requirePermission(scope, 'attestation.file');
      const customerId = scope.kind === 'customer' ? scope.customerId : input.customerId;
      if (!customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.required' }]);
      const problem = checkLogRetention(input.retentionMonths);
      if (problem) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'retentionMonths', key: problem }]);
      if (!input.location.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'location', key: 'field.required' }]);
      const attestedOn = today();
      const row = { id: ids.uuid(), customerId, location: input.location.trim(), retentionMonths: input.retentionMonths, attestedOn, validUntil: oneYearAfter(attestedOn), attestedBy: actorId(scope), remindedAt: null, createdAt: clock.now(), ...NOT_ON_PAPER };
      await repo.db.transaction(async (tx) => {
        await repo.insertAttestation(tx, row);
        await audit.record(tx, scope, { action: 'logRetention.attest', entity: 'compliance_log_attestation', entityId: row.id, customerId, after: row });
      });
      return publicAttestation(row);
    },

    /**
     * Issue 18 §2: the attestation the customer signed on paper, recorded by staff — the scan, who at the provider
     * received it and on which day; it runs a year from that day (5.5). Audited as a paper record.
     */
    async recordPaper(scope: Scope, input: { customerId: string; location: string; retentionMonths: number; receivedBy: string; receivedOn: string; file: Upload }) {
      requireStaff(scope, 'compliance', 'sales');
      const fields: { path: string; key: string }[] = [];
      const problem = checkLogRetention(input.retentionMonths);
      if (problem) fields.push({ path: 'retentionMonths', key: problem });
      if (!input.location.trim()) fields.push({ path: 'location', key: 'field.required' });
      if (!input.receivedBy.trim()) fields.push({ path: 'receivedBy', key: 'field.required' });
      if (input.receivedOn > today()) fields.push({ path: 'receivedOn', key: 'kyc.receivedInFuture' });
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      if (!(await deps.customers.exists(scope, input.customerId))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.unknownCustomer' }]);
      const scan = storeDocument(deps.files, input.file);
      const attestedOn = input.receivedOn as CalendarDate;
      const row = {
        id: ids.uuid(),
        customerId: input.customerId,
        location: input.location.trim(),
        retentionMonths: input.retentionMonths,
        attestedOn,
        validUntil: oneYearAfter(attestedOn),
        attestedBy: actorId(scope),
        remindedAt: null,
        createdAt: clock.now(),
        scanSha256: scan.sha256,
        scanFileName: scan.fileName,
        scanContentType: scan.contentType,
        receivedBy: input.receivedBy.trim().slice(0, 100),
        receivedOn: input.receivedOn,
      };
      await repo.db.transaction(async (tx) => {
        await repo.insertAttestation(tx, row);
        await audit.record(tx, scope, { action: 'logRetention.recordPaper', entity: 'compliance_log_attestation', entityId: row.id, customerId: row.customerId, after: row });
      });
      return publicAttestation(row);
    },

    /** The signed scan of a paper attestation (a customer its own; the read audited like other files). */
    async attestationScan(scope: Scope, id: string) {
      requireReader(scope);
      const row = await repo.findAttestation(scope, id);
      if (!row || !row.scanSha256 || !row.scanContentType) throw new AppError('NOT_FOUND', { entity: 'compliance_log_attestation' });
      await audit.recordRead(scope, { entity: 'compliance_log_attestation', entityId: id, customerId: row.customerId });
      return { bytes: deps.files.get(row.scanSha256), contentType: row.scanContentType, fileName: row.scanFileName ?? 'attestation' };
    },

    async attestations(scope: Scope, customerId: string) {
      requireReader(scope);
      return (await repo.attestations(scope, customerId)).map(publicAttestation);
    },

    /**
     * For activation (5.5): a customer is ready when its latest attestation has not lapsed. Other
     * modules ask through the reaction bus (compliance/reactions.ts), inside their transaction.
     */
    async logRetentionReadiness(scope: Scope, customerId: string, tx?: Executor) {
      const [latest] = await repo.attestations(scope, customerId, tx);
      const state = attestationState((latest?.validUntil as CalendarDate | undefined) ?? null, today());
      const ready = state === 'valid' || state === 'due_soon';
      return { ready, state, validUntil: latest?.validUntil ?? null, gap: ready ? null : 'compliance.gap.logRetention' };
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
  };
}

export type DeclarationsService = ReturnType<typeof makeDeclarationsService>;
