import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CustomerRow, CustomersRepository } from './customers.repository.js';

export interface NewCustomer {
  name: string;
  uscc?: string | null;
  status?: CustomerRow['status'];
}

export function makeCustomersService(deps: {
  repo: CustomersRepository;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;
  return {
    async list(scope: Scope, filter: { q?: string; page: number; pageSize: number }) {
      requireReader(scope);
      return repo.list(scope, filter);
    },

    async get(scope: Scope, id: string): Promise<CustomerRow> {
      requireReader(scope);
      const row = await repo.find(scope, id);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'customer' });
      await audit.recordRead(scope, { entity: 'customer', entityId: id, customerId: id });
      return row;
    },

    async exists(scope: Scope, id: string): Promise<boolean> {
      return (await repo.find(scope, id)) !== undefined;
    },

    async create(scope: Scope, input: NewCustomer): Promise<CustomerRow> {
      requireStaff(scope, 'sales');
      const now = clock.now();
      const row: CustomerRow = {
        id: ids.uuid(),
        name: input.name.trim(),
        uscc: input.uscc ?? null,
        status: input.status ?? 'prospect',
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await repo.db.transaction(async (tx) => {
        await repo.insert(tx, row);
        await audit.record(tx, scope, { action: 'customer.create', entity: 'customer', entityId: row.id, customerId: row.id, after: row });
      });
      return row;
    },
  };
}

export type CustomersService = ReturnType<typeof makeCustomersService>;
