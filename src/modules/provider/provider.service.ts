import type { Clock } from '../../core/clock.js';
import type { Executor } from '../../db/client.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { AuditService } from '../audit/audit.service.js';
import { checkPhone, checkUscc } from '../customers/customer-fields.js';
import type { ProviderProfileRow, ProviderRepository } from './provider.repository.js';

export type ProviderProfileInput = Omit<ProviderProfileRow, 'version' | 'createdBy' | 'createdAt'>;

/** 乙方: one profile, every edit a new version; contracts and notices cite the version they used. */
export function makeProviderService(deps: { repo: ProviderRepository; audit: Pick<AuditService, 'record'>; clock: Clock }) {
  const { repo, audit, clock } = deps;
  return {
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
      requireStaff(scope, 'admin');
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
          uscc: uscc!,
          phone: phone ?? null,
          noticeFax: noticeFax ?? null,
          version: (before?.version ?? 0) + 1,
          createdBy: scope.kind === 'staff' ? scope.userId : null,
          createdAt: clock.now(),
        };
        await repo.insert(tx, row);
        await audit.record(tx, scope, { action: 'provider.update', entity: 'provider_profile', entityId: String(row.version), before: before ?? null, after: row });
        return row;
      });
    },
  };
}

export type ProviderService = ReturnType<typeof makeProviderService>;
