import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, systemScope, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { AuditService } from '../audit/audit.service.js';
import { checkPhone } from './customer-fields.js';
import type { CustomersService } from './customers.service.js';
import type { RosterRepository, RosterRow, RosterSide } from './roster.repository.js';

export interface RosterMemberInput {
  /** the person being changed; absent for a new person */
  memberId?: string;
  side: RosterSide;
  role: RosterRow['role'];
  name: string;
  mobile?: string | null;
  landline?: string | null;
  email?: string | null;
  available24h?: boolean;
}

/** A member as shown: the current version's fields plus the person's id. */
export const publicMember = (r: RosterRow) => ({
  memberId: r.memberId,
  versionId: r.id,
  side: r.side,
  role: r.role,
  name: r.name,
  mobile: r.mobile,
  landline: r.landline,
  email: r.email,
  available24h: r.available24h,
  validFrom: r.validFrom,
  validTo: r.validTo,
});

/**
 * 5.10 / 6.5: each side's roster. The customer's side is kept by the customer (owner, technical)
 * or by sales; the provider's side (the people assigned to this customer) by staff. Every change
 * closes the previous version and opens a new one, and owes the other side a notice.
 */
export function makeRosterService(deps: {
  repo: RosterRepository;
  customers: Pick<CustomersService, 'exists' | 'newOutboxRow' | 'insertOutbox'>;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;

  function mayEdit(scope: Scope, customerId: string, side: RosterSide): void {
    if (scope.kind === 'customer') {
      if (scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
    }
    requirePermission(scope, side === 'customer' ? 'roster.editCustomerSide' : 'roster.editProviderSide');
  }

  async function requireCustomer(scope: Scope, customerId: string) {
    if (!(await deps.customers.exists(scope, customerId))) throw new AppError('NOT_FOUND', { entity: 'customer' });
  }

  /** A version that began at this very instant has not been in force for any time: it is rewritten, not closed. */
  const startedNow = (previous: RosterRow): boolean => previous.validFrom >= clock.now();

  function noticeDirection(side: RosterSide) {
    return side === 'customer' ? ('customer_to_provider' as const) : ('provider_to_customer' as const);
  }

  return {
    async current(scope: Scope, customerId: string, at?: Date) {
      requireReader(scope);
      await requireCustomer(scope, customerId);
      const rows = await repo.asOf(scope, customerId, at ?? clock.now());
      await audit.recordRead(scope, { entity: 'roster', entityId: customerId, customerId });
      return rows.map(publicMember);
    },

    /** The roster in force now for other modules (notice and ticket mail); joins the caller's transaction, no read audit. */
    async peopleNow(tx: Executor, customerId: string, side: RosterSide = 'customer') {
      return (await repo.asOf(systemScope('roster.people'), customerId, clock.now(), side, tx)).map(publicMember);
    },

    async history(scope: Scope, customerId: string) {
      requireReader(scope);
      await requireCustomer(scope, customerId);
      return (await repo.history(scope, customerId)).map(publicMember);
    },

    async upsert(scope: Scope, customerId: string, input: RosterMemberInput) {
      mayEdit(scope, customerId, input.side);
      await requireCustomer(scope, customerId);
      const fields: FieldError[] = [];
      const mobile = checkPhone(input.mobile, 'mobile', fields, 'mobile') ?? null;
      const landline = checkPhone(input.landline, 'landline', fields) ?? null;
      if (input.available24h && !mobile) fields.push({ path: 'mobile', key: 'roster.mobileFor24h' });
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      return repo.db.transaction(async (tx) => {
        const previous = input.memberId ? await repo.currentVersion(scope, input.memberId, tx) : undefined;
        const now = clock.now();
        if (input.memberId && (!previous || previous.customerId !== customerId)) throw new AppError('NOT_FOUND', { entity: 'roster_member' });
        if (previous && previous.side !== input.side) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'side', key: 'field.invalid' }]);
        const row: RosterRow = {
          id: ids.uuid(),
          memberId: previous?.memberId ?? ids.uuid(),
          customerId,
          side: input.side,
          role: input.role,
          name: input.name.trim(),
          mobile,
          landline,
          email: input.email ?? null,
          available24h: input.available24h ?? false,
          validFrom: now,
          validTo: null,
          changedBy: scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null,
        };
        if (previous && startedNow(previous)) {
          const { id: _id, memberId: _m, validFrom: _f, ...fields } = row;
          await repo.rewrite(tx, previous.id, fields);
          row.id = previous.id;
          row.validFrom = previous.validFrom;
        } else {
          if (previous) await repo.close(tx, previous.id, now);
          await repo.insert(tx, row);
        }
        const change = { before: previous ? publicMember(previous) : null, after: publicMember(row) };
        await deps.customers.insertOutbox(tx, deps.customers.newOutboxRow(customerId, 'roster.changed', noticeDirection(input.side), change));
        await audit.record(tx, scope, { action: previous ? 'roster.update' : 'roster.add', entity: 'roster_member', entityId: row.memberId, customerId, ...change });
        return publicMember(row);
      });
    },

    /** Takes a person off the roster from now on; their past versions stay answerable. */
    async remove(scope: Scope, customerId: string, memberId: string) {
      return repo.db.transaction(async (tx) => {
        const previous = await repo.currentVersion(scope, memberId, tx);
        if (!previous || previous.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'roster_member' });
        mayEdit(scope, customerId, previous.side);
        if (startedNow(previous)) await repo.rewrite(tx, previous.id, { validTo: new Date(previous.validFrom.getTime() + 1) });
        else await repo.close(tx, previous.id, clock.now());
        const change = { before: publicMember(previous), after: null };
        await deps.customers.insertOutbox(tx, deps.customers.newOutboxRow(customerId, 'roster.changed', noticeDirection(previous.side), change));
        await audit.record(tx, scope, { action: 'roster.remove', entity: 'roster_member', entityId: memberId, customerId, ...change });
      });
    },
  };
}

export type RosterService = ReturnType<typeof makeRosterService>;
