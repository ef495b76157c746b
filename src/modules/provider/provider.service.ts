import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { FileStore } from '../../files/file-store.js';
import { sniffDocumentType } from '../../files/sniff.js';
import type { AuditService } from '../audit/audit.service.js';
import { checkPhone, checkUscc } from '../customers/customer-fields.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { ProviderProfileRow, ProviderRepository } from './provider.repository.js';

export type ProviderProfileInput = Omit<ProviderProfileRow, 'version' | 'createdBy' | 'createdAt' | 'legalRepresentative' | 'contactPerson'> &
  Partial<Pick<ProviderProfileRow, 'legalRepresentative' | 'contactPerson'>>;

/** The seal is drawn over the signature line of documents: a PNG (for its transparency), kept small. */
export const SEAL_MAX_BYTES = 1024 * 1024;

/** 乙方: one profile, every edit a new version; contracts and notices cite the version they used. */
/** The particulars 第九条 makes each side notify the other of when they change. */
export const NOTICE_FIELDS = ['legalName', 'address', 'postalAddress', 'phone', 'noticeEmail', 'noticeFax'] as const;

export function makeProviderService(deps: {
  repo: ProviderRepository;
  files: Pick<FileStore, 'put' | 'get' | 'has'>;
  customers: Pick<CustomersService, 'notifyAllUnderContract'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
}) {
  const { repo, audit, clock } = deps;
  const service = {
    async current(scope: Scope, tx?: Executor): Promise<ProviderProfileRow> {
      requireReader(scope);
      const row = await repo.latest(tx);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'provider_profile' });
      return row;
    },

    async version(scope: Scope, version: number): Promise<ProviderProfileRow> {
      requireReader(scope);
      const row = await repo.version(version);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'provider_profile' });
      return row;
    },

    async history(scope: Scope): Promise<ProviderProfileRow[]> {
      requireStaff(scope, 'sales', 'finance', 'auditor');
      return repo.all();
    },

    async update(scope: Scope, input: ProviderProfileInput): Promise<ProviderProfileRow> {
      requirePermission(scope, 'provider.update');
      const fields: FieldError[] = [];
      const uscc = checkUscc(input.uscc, 'uscc', fields);
      const phone = checkPhone(input.phone, 'phone', fields);
      const noticeFax = checkPhone(input.noticeFax, 'noticeFax', fields, 'landline');
      if (!uscc) fields.push({ path: 'uscc', key: 'field.required' });
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      return repo.db.transaction(async (tx) => {
        await repo.lock(tx);
        const before = await repo.latest(tx);
        const row: ProviderProfileRow = {
          ...input,
          legalRepresentative: input.legalRepresentative?.trim() || null,
          contactPerson: input.contactPerson?.trim() || null,
          uscc: uscc!,
          phone: phone ?? null,
          noticeFax: noticeFax ?? null,
          version: (before?.version ?? 0) + 1,
          createdBy: scope.kind === 'staff' ? scope.userId : null,
          createdAt: clock.now(),
        };
        await repo.insert(tx, row);
        await audit.record(tx, scope, { action: 'provider.update', entity: 'provider_profile', entityId: String(row.version), before: before ?? null, after: row });
        const changes = before ? NOTICE_FIELDS.filter((f) => (before[f] ?? null) !== (row[f] ?? null)).map((f) => ({ field: f, from: before[f], to: row[f] })) : [];
        if (changes.length) await deps.customers.notifyAllUnderContract(tx, 'provider.contactChanged', { version: row.version, changes });
        return row;
      });
    },

    /**
     * 公章 image for documents: a new profile version carrying it, so a contract signed before keeps
     * the seal it was printed with. Checked by content; nothing is stored when it is refused.
     */
    async setSeal(scope: Scope, bytes: Uint8Array): Promise<ProviderProfileRow> {
      requirePermission(scope, 'provider.update');
      const fields: FieldError[] = [];
      if (bytes.byteLength === 0) fields.push({ path: 'file', key: 'kyc.fileEmpty' });
      else if (bytes.byteLength > SEAL_MAX_BYTES) fields.push({ path: 'file', key: 'kyc.fileTooLarge', params: { mb: SEAL_MAX_BYTES / 1024 / 1024 } });
      else if (sniffDocumentType(bytes) !== 'image/png') fields.push({ path: 'file', key: 'provider.sealPng' });
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      const current = await service.current(scope);
      const { version: _v, createdBy: _b, createdAt: _a, ...profile } = current;
      return service.update(scope, { ...profile, sealFile: deps.files.put(bytes).sha256 });
    },

    /**
     * A version's seal as a data: URI, for the documents the provider issues (the sent contract, the
     * 开通确认单, payment notices, statements, letters); null when none is set or its file is missing.
     * Not a read for callers: the issuing services decide where it is printed.
     */
    sealDataUri(sealFile: string | null | undefined): string | null {
      if (!sealFile || !deps.files.has(sealFile)) return null;
      const bytes = deps.files.get(sealFile);
      return `data:${sniffDocumentType(bytes) ?? 'image/png'};base64,${bytes.toString('base64')}`;
    },

    /** The seal image of the current (or a given) version; staff only — it is not for copying. */
    async seal(scope: Scope, version?: number): Promise<Buffer> {
      requireStaff(scope);
      const profile = version ? await service.version(scope, version) : await service.current(scope);
      // no seal set is 404; a seal set but missing from the store is FILE_NOT_IN_STORE (files.get)
      if (!profile.sealFile) throw new AppError('NOT_FOUND', { entity: 'provider_seal' });
      return deps.files.get(profile.sealFile);
    },
  };
  return service;
}

export type ProviderService = ReturnType<typeof makeProviderService>;
