import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { FileStore } from '../../files/file-store.js';
import { sniffDocumentType } from '../../files/sniff.js';
import { addDays, maskIdNumber, parseDate, shanghaiDate, validateResidentId, validateUscc } from '../../rules/index.js';
import type { Executor } from '../../db/client.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Emitter } from '../../core/reactions.js';
import type { CustomersRepository } from './customers.repository.js';
import type { KycRepository, KycRow } from './kyc.repository.js';

/** Issue 22: a customer as the regulator's user record reads it (its verified business licence, if any) — what `registerUsers` answers. */
export type { RegisterUserRow } from './kyc.repository.js';

export const KYC_MAX_BYTES = 10 * 1024 * 1024;
/** A licence or ID expiring within this many days produces a reminder and a task for sales. */
export const KYC_REMINDER_DAYS = 30;

export interface KycUpload {
  kind: KycRow['kind'];
  holderName: string;
  idType: KycRow['idType'];
  idNumber: string;
  issuedOn?: string | null;
  expiresOn?: string | null;
  fileName: string;
  bytes: Uint8Array;
  /** received on paper (staff only): who at the provider took it, and the day */
  receivedBy?: string | null;
  receivedOn?: string | null;
}

export const publicKyc = (r: KycRow) => {
  const { fileSha256: _hash, ...rest } = r;
  return rest;
};

export function makeKycService(deps: {
  repo: KycRepository;
  customers: Pick<CustomersRepository, 'find' | 'insertOutbox' | 'insertTaskOnce' | 'completeTasksAbout'>;
  files: FileStore;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
  /** four eyes (issue 18 §6): the uploader cannot verify; off for a one-person shop (each self-verification audited) */
  fourEyes: boolean;
  /** customers.identityVerified (customers.events.ts), inside the review's transaction */
  bus?: Emitter<Executor>;
}) {
  const { repo, files, audit, clock, ids } = deps;

  function checkUpload(input: KycUpload): { idNumber: string; contentType: KycRow['contentType'] } {
    const fields: FieldError[] = [];
    let idNumber = input.idNumber.trim();
    const expected = input.kind === 'business_licence' ? ['uscc'] : ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit'];
    if (!expected.includes(input.idType)) fields.push({ path: 'idType', key: 'kyc.idTypeForKind' });
    else if (input.idType === 'uscc') {
      const v = validateUscc(idNumber);
      if (v.valid) idNumber = v.normalized;
      else fields.push({ path: 'idNumber', key: v.reason });
    } else if (input.idType === 'resident_id') {
      const v = validateResidentId(idNumber, shanghaiDate(clock.now()));
      if (v.valid) idNumber = v.normalized;
      else fields.push({ path: 'idNumber', key: v.reason });
    } else if (!/^[A-Za-z0-9]{5,20}$/.test(idNumber)) {
      // passports and HK/Macau/Taiwan permits: kept as typed, only their shape is checked
      fields.push({ path: 'idNumber', key: 'field.invalid' });
    }
    for (const key of ['issuedOn', 'expiresOn'] as const) {
      const value = input[key];
      if (value) {
        try {
          parseDate(value, key);
        } catch {
          fields.push({ path: key, key: 'field.invalid' });
        }
      }
    }
    if (input.issuedOn && input.expiresOn && input.expiresOn <= input.issuedOn) fields.push({ path: 'expiresOn', key: 'kyc.expiryBeforeIssue' });
    if (Boolean(input.receivedBy?.trim()) !== Boolean(input.receivedOn)) fields.push({ path: input.receivedOn ? 'receivedBy' : 'receivedOn', key: 'kyc.receivedBoth' });
    else if (input.receivedOn && input.receivedOn > shanghaiDate(clock.now())) fields.push({ path: 'receivedOn', key: 'kyc.receivedInFuture' });
    if (input.bytes.byteLength === 0) fields.push({ path: 'file', key: 'kyc.fileEmpty' });
    else if (input.bytes.byteLength > KYC_MAX_BYTES) fields.push({ path: 'file', key: 'kyc.fileTooLarge', params: { mb: KYC_MAX_BYTES / 1024 / 1024 } });
    const contentType = sniffDocumentType(input.bytes);
    if (input.bytes.byteLength > 0 && !contentType) fields.push({ path: 'file', key: 'kyc.fileType' });
    if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
    return { idNumber, contentType: contentType! };
  }

  async function load(scope: Scope, id: string): Promise<KycRow> {
    const row = await repo.find(scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'kyc_document' });
    return row;
  }

  return {
    async list(scope: Scope, customerId: string) {
      requireReader(scope);
      if (!(await deps.customers.find(scope, customerId))) throw new AppError('NOT_FOUND', { entity: 'customer' });
      await audit.recordRead(scope, { entity: 'kyc_documents', entityId: customerId, customerId });
      return (await repo.listForCustomer(scope, customerId)).map(publicKyc);
    },

    /** Issue 18: each document's kind and standing (no number, no file), for the onboarding checklist; not a read of the documents. */
    async standing(scope: Scope, customerId: string) {
      requireReader(scope);
      return (await repo.listForCustomer(scope, customerId)).map((d) => ({ id: d.id, kind: d.kind, status: d.status, expiresOn: d.expiresOn, uploadedBy: d.uploadedBy }));
    },

    /** Issue 22: every customer (or those named) with its verified real name (business licence), for the regulator's user records. */
    async registerUsers(scope: Scope, customerIds?: readonly string[]) {
      requireStaff(scope, 'compliance', 'auditor');
      return repo.registerUsers(customerIds);
    },

    async queue(scope: Scope, status: KycRow['status'] = 'pending') {
      requireStaff(scope, 'sales', 'compliance', 'auditor');
      return (await repo.queue(scope, status)).map((r) => ({ ...publicKyc(r.document), customerName: r.customerName }));
    },

    /** Nothing is stored unless every check passes: the file goes to the store only after validation. */
    async upload(scope: Scope, customerId: string, input: KycUpload) {
      if (scope.kind === 'customer') {
        if (scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
        // a paper copy is received by the provider: only staff record one
        if (input.receivedBy || input.receivedOn) throw new AppError('FORBIDDEN');
      }
      requirePermission(scope, 'kyc.upload');
      if (!(await deps.customers.find(scope, customerId))) throw new AppError('NOT_FOUND', { entity: 'customer' });
      const { idNumber, contentType } = checkUpload(input);
      const paper = Boolean(input.receivedOn);
      const stored = files.put(input.bytes);
      const row: KycRow = {
        id: ids.uuid(),
        customerId,
        kind: input.kind,
        holderName: input.holderName.trim(),
        idType: input.idType,
        idNumber,
        issuedOn: input.issuedOn || null,
        expiresOn: input.expiresOn || null,
        fileSha256: stored.sha256,
        redactedAt: null,
        fileName: input.fileName.slice(0, 200),
        contentType,
        sizeBytes: stored.size,
        status: 'pending',
        rejectReason: null,
        reviewedBy: null,
        reviewedAt: null,
        uploadedBy: scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null,
        createdAt: clock.now(),
        receivedBy: paper ? input.receivedBy!.trim().slice(0, 100) : null,
        receivedOn: paper ? input.receivedOn! : null,
      };
      await repo.db.transaction(async (tx) => {
        await repo.insert(tx, row);
        await audit.record(tx, scope, { action: paper ? 'kyc.recordPaper' : 'kyc.upload', entity: 'kyc_document', entityId: row.id, customerId, after: publicKyc(row) });
      });
      return publicKyc(row);
    },

    async review(scope: Scope, id: string, decision: { verify: boolean; reason?: string | null }) {
      requirePermission(scope, 'kyc.review');
      const before = await load(scope, id);
      if (before.status !== 'pending') throw new AppError('CONFLICT', { detail: before.status });
      if (!decision.verify && !decision.reason?.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'reason', key: 'field.required' }]);
      // four eyes (§6): whoever uploaded or recorded the document does not also vouch for it
      const own = decision.verify && scope.kind === 'staff' && before.uploadedBy === scope.userId;
      if (own && deps.fourEyes) throw new AppError('FOUR_EYES_REQUIRED', { entity: 'kyc_document' });
      return repo.db.transaction(async (tx) => {
        if (own) await audit.record(tx, scope, { action: 'fourEyes.waive', entity: 'kyc_document', entityId: id, customerId: before.customerId, after: { uploadedBy: before.uploadedBy, verifiedBy: scope.userId, setting: 'FOUR_EYES=off' } });
        const after = await repo.update(tx, id, 'pending', {
          status: decision.verify ? 'verified' : 'rejected',
          rejectReason: decision.verify ? null : decision.reason!.trim(),
          reviewedBy: scope.kind === 'staff' ? scope.userId : null,
          reviewedAt: clock.now(),
        });
        if (!after) throw new AppError('CONFLICT', { detail: 'reviewed' });
        const reviewer = scope.kind === 'staff' ? scope.userId : null;
        if (decision.verify) {
          // the replaced document's expiry reminder has been dealt with by this very replacement
          const superseded = await repo.supersedeOthers(tx, after.customerId, after.kind, after.id);
          await deps.bus?.emit(tx, scope, 'customers.identityVerified', { customerId: after.customerId, documentId: after.id, kind: after.kind });
          await deps.customers.completeTasksAbout(tx, 'kyc.expiring', superseded, reviewer, clock.now());
        } else {
          // the customer has to send a better copy: tell them why
          await deps.customers.insertOutbox(tx, {
            id: ids.uuid(),
            kind: 'kyc.rejected',
            customerId: after.customerId,
            direction: 'provider_to_customer',
            payload: { documentId: after.id, kind: after.kind, holderName: after.holderName, reason: after.rejectReason },
            createdAt: clock.now(),
            drainedAt: null,
          });
        }
        await audit.record(tx, scope, { action: decision.verify ? 'kyc.verify' : 'kyc.reject', entity: 'kyc_document', entityId: id, customerId: after.customerId, before: publicKyc(before), after: publicKyc(after) });
        return publicKyc(after);
      });
    },

    /** The file, for its own customer and for staff (whose reading is audited); never for anyone else. */
    async file(scope: Scope, id: string) {
      requireReader(scope);
      const row = await load(scope, id);
      // a copy redacted under the retention policy (issue 22 §7) is gone; the record of its review stays
      if (!row.fileSha256) throw new AppError('NOT_FOUND', { entity: 'kyc_document' });
      await audit.recordRead(scope, { entity: 'kyc_document', entityId: id, customerId: row.customerId });
      return { bytes: files.get(row.fileSha256), contentType: row.contentType, fileName: row.fileName };
    },

    /**
     * Issue 22 §7: the customer's copies not yet redacted are redacted in the caller's transaction — the
     * file reference dropped, the ID number masked — keeping that the identity was verified, when and by
     * whom. Answers the files no longer referenced by any KYC row (the caller deletes them after commit).
     */
    async redactForRetention(tx: Executor, scope: Scope, customerId: string): Promise<{ ids: string[]; freedFiles: string[] }> {
      requireStaff(scope, 'compliance');
      const rows = (await repo.listForCustomer(scope, customerId, tx)).filter((r) => !r.redactedAt);
      const now = clock.now();
      for (const r of rows) {
        await repo.redact(tx, r.id, { fileSha256: null, idNumber: maskIdNumber(r.idNumber), redactedAt: now });
        await audit.record(tx, scope, { action: 'kyc.redact', entity: 'kyc_document', entityId: r.id, customerId, before: { idNumber: maskIdNumber(r.idNumber), status: r.status, reviewedAt: r.reviewedAt, reviewedBy: r.reviewedBy }, after: { redactedAt: now } });
      }
      const freed: string[] = [];
      for (const sha of new Set(rows.map((r) => r.fileSha256).filter((x): x is string => !!x))) if (!(await repo.fileInUse(sha, tx))) freed.push(sha);
      return { ids: rows.map((r) => r.id), freedFiles: freed };
    },

    /**
     * Catch-up safe: every verified document expiring within 30 days of today that has no reminder
     * yet gets one (a task for sales and a notice to the customer), however long the job was down.
     */
    async remindExpiring(): Promise<number> {
      const today = shanghaiDate(clock.now());
      const horizon = addDays(today, KYC_REMINDER_DAYS);
      let created = 0;
      for (const doc of await repo.verifiedExpiringBy(horizon)) {
        const dueOn = doc.expiresOn!;
        await repo.db.transaction(async (tx) => {
          const isNew = await deps.customers.insertTaskOnce(tx, {
            id: ids.uuid(),
            kind: 'kyc.expiring',
            role: 'sales',
            customerId: doc.customerId,
            subjectId: doc.id,
            dueOn,
            payload: { kind: doc.kind, holderName: doc.holderName, expiresOn: dueOn },
            createdAt: clock.now(),
            doneAt: null,
            doneBy: null,
          });
          if (!isNew) return;
          created += 1;
          await deps.customers.insertOutbox(tx, {
            id: ids.uuid(),
            kind: 'kyc.expiring',
            customerId: doc.customerId,
            direction: 'provider_to_customer',
            payload: { documentId: doc.id, kind: doc.kind, holderName: doc.holderName, expiresOn: dueOn },
            createdAt: clock.now(),
            drainedAt: null,
          });
        });
      }
      return created;
    },
  };
}

export type KycService = ReturnType<typeof makeKycService>;
