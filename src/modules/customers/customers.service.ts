import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import { shanghaiDate } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Executor } from '../../db/client.js';
import { checkPhone, checkUscc } from './customer-fields.js';
import type { CustomerFilter, CustomerRow, CustomersRepository, OutboxRow, StaffTaskRow } from './customers.repository.js';
import type { KycRepository } from './kyc.repository.js';
import type { RosterRepository } from './roster.repository.js';
import { lazyPackage } from '../../core/lazy.js';

/** pinyin-pro (its dictionary: ~9 MB) is loaded by the first name to spell, not at start. */
const pinyinPro = lazyPackage<typeof import('pinyin-pro')>('pinyin-pro');

/** What a customer may change about itself (from the portal, through a change request). */
export const CONTACT_FIELDS = ['registeredAddress', 'postalAddress', 'noticeEmail', 'noticeFax', 'contactPhone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ContactData = Partial<Record<ContactField, string | null>>;

export interface CustomerInput extends ContactData {
  name: string;
  uscc?: string | null;
  status?: CustomerRow['status'];
  legalRepresentative?: string | null;
}

export type CustomerPatch = Partial<CustomerInput> & { version: number };

/** 北京寰宇网络 → bjhywl: what people type to find a company. */
export function nameInitials(name: string): string {
  return pinyinPro().pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** 北京寰宇 → "beijinghuanyu bjhy": the full pinyin and the initials, searched anywhere (issue 20 global search). */
export function namePinyin(name: string): string {
  const full = pinyinPro().pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return `${full} ${nameInitials(name)}`;
}

function checkFields(input: Partial<CustomerInput>): Partial<CustomerInput> {
  const fields: FieldError[] = [];
  const out = { ...input };
  if ('uscc' in input) out.uscc = checkUscc(input.uscc, 'uscc', fields);
  if ('contactPhone' in input) out.contactPhone = checkPhone(input.contactPhone, 'contactPhone', fields);
  if ('noticeFax' in input) out.noticeFax = checkPhone(input.noticeFax, 'noticeFax', fields, 'landline');
  if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
  return out;
}

/** What keeps a customer's server from activation (5.10): a 24-hour contact or a verified document missing. */
export const ACTIVATION_GAPS = ['legalRepresentative24h', 'technicalLead24h', 'kycBusinessLicence', 'kycLegalRepresentativeId'] as const;
export type ActivationGap = (typeof ACTIVATION_GAPS)[number];

/** What a contract's status says about its customer (contracts' CONTRACT_STATUSES, named here to keep the modules apart). */
type ContractStatus = 'draft' | 'sent' | 'signed' | 'active' | 'ended' | 'terminated_for_cause' | 'terminated_by_agreement';

/**
 * Issue 18 §4: the customer's status follows its contracts — 潜在 prospect (none yet in force) → 在约 active (one
 * in force) → 终止 former (every one ended or terminated). 暂停 suspended is the provider's decision (6.3) and
 * stays while a contract is open; only the end of every contract moves a suspended customer on (to former).
 */
export function statusFromContracts(current: CustomerRow['status'], statuses: readonly ContractStatus[]): CustomerRow['status'] {
  const open = statuses.filter((s) => s === 'draft' || s === 'sent' || s === 'signed' || s === 'active');
  if (statuses.length > 0 && open.length === 0) return 'former';
  if (current === 'suspended') return 'suspended';
  if (open.includes('active')) return 'active';
  return 'prospect';
}

export function makeCustomersService(deps: {
  repo: CustomersRepository;
  roster: RosterRepository;
  kyc: KycRepository;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;

  async function load(scope: Scope, id: string): Promise<CustomerRow> {
    const row = await repo.find(scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'customer' });
    return row;
  }

  function outbox(customerId: string, kind: string, direction: OutboxRow['direction'], payload: unknown): OutboxRow {
    return { id: ids.uuid(), kind, customerId, direction, payload, createdAt: clock.now(), drainedAt: null };
  }

  async function applyPatch(scope: Scope, id: string, patch: CustomerPatch, action: string) {
    const checked = checkFields(patch);
    const before = await load(scope, id);
    const { version, ...changes } = checked as CustomerPatch;
    const update: Partial<CustomerRow> = { ...changes, updatedAt: clock.now() };
    if (changes.name) Object.assign(update, { nameInitials: nameInitials(changes.name), namePinyin: namePinyin(changes.name) });
    return repo.db.transaction(async (tx) => {
      const after = await repo.update(tx, id, version, update);
      if (!after) throw new AppError('STALE_VERSION', {}, [{ path: 'version', key: 'STALE_VERSION' }]);
      await audit.record(tx, scope, { action, entity: 'customer', entityId: id, customerId: id, before, after });
      return { before, after, tx };
    });
  }

  return {
    /** Writes name_pinyin for the customers that have none (at start: rows from before migration 0029); returns how many. */
    async fillPinyin(batch = 2000): Promise<number> {
      let filled = 0;
      for (;;) {
        const rows = await repo.withoutPinyin(batch);
        await repo.setPinyin(rows.map((r) => ({ id: r.id, namePinyin: namePinyin(r.name) })));
        filled += rows.length;
        if (rows.length < batch) return filled;
      }
    },

    async list(scope: Scope, filter: CustomerFilter) {
      requireReader(scope);
      return repo.list(scope, filter);
    },

    /** Every matching customer, in batches (CSV export); a staff export is a read of all of them, audited once. */
    async *iterate(scope: Scope, filter: Omit<CustomerFilter, 'page' | 'pageSize'>) {
      requireReader(scope);
      await audit.recordRead(scope, { entity: 'customer_export', entityId: JSON.stringify({ q: filter.q ?? null, status: filter.status ?? null }) });
      yield* repo.iterate(scope, filter);
    },

    /** Pass the transaction when calling from inside one (the embedded database has one connection). */
    async get(scope: Scope, id: string, tx?: Executor): Promise<CustomerRow> {
      requireReader(scope);
      const row = await repo.find(scope, id, tx);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'customer' });
      await audit.recordRead(scope, { entity: 'customer', entityId: id, customerId: id });
      return row;
    },

    /** Issue 22 §5: a customer named by its id or its USCC (统一社会信用代码), as an operator types it; not a read of its data. */
    async resolve(scope: Scope, idOrUscc: string): Promise<string> {
      requireReader(scope);
      const key = idOrUscc.trim();
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key)) {
        if (!(await repo.find(scope, key.toLowerCase()))) throw new AppError('NOT_FOUND', { entity: 'customer' });
        return key.toLowerCase();
      }
      const ids = await repo.idsByUscc(scope, key.toUpperCase());
      if (ids.length !== 1) throw new AppError('NOT_FOUND', { entity: 'customer' });
      return ids[0];
    },

    async exists(scope: Scope, id: string, tx?: Executor): Promise<boolean> {
      return (await repo.find(scope, id, tx)) !== undefined;
    },

    async create(scope: Scope, input: CustomerInput): Promise<CustomerRow> {
      requirePermission(scope, 'customer.create');
      const checked = checkFields(input) as CustomerInput;
      const now = clock.now();
      const row: CustomerRow = {
        id: ids.uuid(),
        name: checked.name.trim(),
        nameInitials: nameInitials(checked.name),
        namePinyin: namePinyin(checked.name),
        uscc: checked.uscc ?? null,
        status: checked.status ?? 'prospect',
        registeredAddress: checked.registeredAddress ?? null,
        postalAddress: checked.postalAddress ?? null,
        noticeEmail: checked.noticeEmail ?? null,
        noticeFax: checked.noticeFax ?? null,
        legalRepresentative: checked.legalRepresentative ?? null,
        contactPhone: checked.contactPhone ?? null,
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

    /** Staff edit; a stale version answers 409 STALE_VERSION and changes nothing. */
    async update(scope: Scope, id: string, patch: CustomerPatch): Promise<CustomerRow> {
      requirePermission(scope, 'customer.update');
      return (await applyPatch(scope, id, patch, 'customer.update')).after;
    },

    // ── change requests: a customer proposes, staff decide ───────────
    async proposeChange(scope: Scope, customerId: string, proposed: ContactData) {
      if (scope.kind !== 'customer' || scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'customer' });
      // what staff approve is what gets applied: the proposal is stored normalised (phone digits, USCC case)
      const normalised = checkFields(proposed) as ContactData;
      await load(scope, customerId);
      const row = {
        id: ids.uuid(),
        customerId,
        proposed: normalised,
        status: 'pending' as const,
        requestedBy: scope.userId,
        requestedAt: clock.now(),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      };
      await repo.db.transaction(async (tx) => {
        await repo.insertChangeRequest(tx, row);
        await repo.insertOutbox(tx, outbox(customerId, 'customer.changeRequested', 'customer_to_provider', { requestId: row.id, proposed: normalised }));
        await audit.record(tx, scope, { action: 'customer.changeRequest', entity: 'customer_change_request', entityId: row.id, customerId, after: row });
      });
      return row;
    },

    async listChangeRequests(scope: Scope, filter: { customerId?: string; status?: 'pending' | 'approved' | 'rejected' }) {
      if (scope.kind !== 'customer') requireStaff(scope, 'sales', 'auditor');
      return (await repo.listChangeRequests(scope, filter)).map((r) => ({ ...r.request, customerName: r.customerName }));
    },

    /** Approving applies the proposal to the customer (at its current version) and notifies both sides. */
    async decideChange(scope: Scope, requestId: string, decision: { approve: boolean; note?: string }) {
      requirePermission(scope, 'customer.decideChange');
      const request = await repo.findChangeRequest(scope, requestId);
      if (!request) throw new AppError('NOT_FOUND', { entity: 'customer_change_request' });
      if (request.status !== 'pending') throw new AppError('CONFLICT', { detail: request.status });
      const customer = await load(scope, request.customerId);
      return repo.db.transaction(async (tx) => {
        const now = clock.now();
        const decided = await repo.decideChangeRequest(tx, requestId, {
          status: decision.approve ? 'approved' : 'rejected',
          decidedBy: scope.kind === 'staff' ? scope.userId : null,
          decidedAt: now,
          decisionNote: decision.note ?? null,
        });
        if (!decided) throw new AppError('CONFLICT', { detail: 'decided' });
        if (decision.approve) {
          const after = await repo.update(tx, customer.id, customer.version, { ...(request.proposed as ContactData), updatedAt: now });
          if (!after) throw new AppError('STALE_VERSION');
          await audit.record(tx, scope, { action: 'customer.update', entity: 'customer', entityId: customer.id, customerId: customer.id, before: customer, after });
          // 第九条: the address change is a notice from the customer; its acceptance one from the provider
          await repo.insertOutbox(tx, outbox(customer.id, 'customer.addressChanged', 'customer_to_provider', { requestId, changes: request.proposed }));
        }
        await repo.insertOutbox(tx, outbox(customer.id, decision.approve ? 'customer.changeApproved' : 'customer.changeRejected', 'provider_to_customer', { requestId, note: decision.note ?? null }));
        await audit.record(tx, scope, { action: decision.approve ? 'customer.changeApprove' : 'customer.changeReject', entity: 'customer_change_request', entityId: requestId, customerId: customer.id, before: request, after: decided });
        return decided;
      });
    },

    /**
     * 5.10 / 7.1 precondition for activating a server: both 24-hour contacts on the customer's
     * roster and the business licence and legal representative's ID verified.
     */
    async activationReadiness(scope: Scope, customerId: string, tx?: Executor): Promise<{ ready: boolean; missing: ActivationGap[]; rosterMembers: number }> {
      requireReader(scope);
      if (!(await repo.find(scope, customerId, tx))) throw new AppError('NOT_FOUND', { entity: 'customer' });
      const roster = await deps.roster.asOf(scope, customerId, clock.now(), 'customer', tx);
      const documents = await deps.kyc.listForCustomer(scope, customerId, tx);
      const has24h = (role: string) => roster.some((m) => m.role === role && m.available24h && m.mobile);
      // a verified licence or ID that has since expired no longer identifies anyone (5.10)
      const today = shanghaiDate(clock.now());
      const verified = (kind: string) => documents.some((d) => d.kind === kind && d.status === 'verified' && (d.expiresOn === null || d.expiresOn >= today));
      const missing: ActivationGap[] = [];
      if (!has24h('legal_representative')) missing.push('legalRepresentative24h');
      if (!has24h('technical_lead')) missing.push('technicalLead24h');
      if (!verified('business_licence')) missing.push('kycBusinessLicence');
      if (!verified('legal_representative_id')) missing.push('kycLegalRepresentativeId');
      return { ready: missing.length === 0, missing, rosterMembers: roster.length };
    },

    /**
     * Issue 18 §4, the customers module's reaction to contracts.statusChanged (reactions.ts): the status follows
     * the contracts in the contract change's own transaction; a change is audited with the contract that moved it.
     */
    async followContracts(tx: Executor, scope: Scope, change: { customerId: string; contractId: string; statuses: ContractStatus[] }) {
      const before = await repo.lock(tx, change.customerId);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'customer' });
      const status = statusFromContracts(before.status, change.statuses);
      if (status === before.status) return before;
      const after = await repo.update(tx, before.id, before.version, { status, updatedAt: clock.now() });
      if (!after) throw new AppError('STALE_VERSION');
      await audit.record(tx, scope, { action: 'customer.status', entity: 'customer', entityId: before.id, customerId: before.id, before: { status: before.status }, after: { status, contractId: change.contractId } });
      return after;
    },

    // ── outbox, for the notices module ─────────────────────────────────
    async outboxFor(scope: Scope, customerId: string) {
      requireReader(scope);
      await load(scope, customerId);
      return repo.listOutbox(scope, customerId);
    },

    /** Hands pending notices to a consumer; each is marked drained in the consumer's transaction. */
    async drainOutbox(consume: (item: OutboxRow, tx: Parameters<Parameters<typeof repo.db.transaction>[0]>[0]) => Promise<void>, limit = 100): Promise<number> {
      let drained = 0;
      for (const item of await repo.pendingOutbox(limit)) {
        await repo.db.transaction(async (tx) => {
          if (await repo.markOutboxDrained(tx, item.id, clock.now())) {
            await consume(item, tx);
            drained += 1;
          }
        });
      }
      return drained;
    },

    newOutboxRow: outbox,
    insertOutbox: repo.insertOutbox,

    /**
     * 第九条, the provider's side: a change of its own contact details is owed to every customer with
     * a running relationship. Written in the caller's transaction, with the change itself.
     */
    async notifyAllUnderContract(tx: Executor, kind: string, payload: unknown): Promise<number> {
      const ids = await repo.idsUnderContract(tx);
      await repo.insertOutboxMany(tx, ids.map((id) => outbox(id, kind, 'provider_to_customer', payload)));
      return ids.length;
    },

    // ── staff tasks ────────────────────────────────────────────────────
    async openTasks(scope: Scope, role?: StaffTaskRow['role']) {
      requireStaff(scope, 'sales', 'noc', 'compliance', 'finance', 'auditor');
      return (await repo.openTasks(role)).map((r) => ({ ...r.task, customerName: r.customerName }));
    },

    async completeTask(scope: Scope, id: string) {
      requirePermission(scope, 'task.complete');
      return repo.db.transaction(async (tx) => {
        const row = await repo.completeTask(tx, id, scope.kind === 'staff' ? scope.userId : null, clock.now());
        if (!row) throw new AppError('NOT_FOUND', { entity: 'task' });
        await audit.record(tx, scope, { action: 'task.done', entity: 'staff_task', entityId: id, customerId: row.customerId, after: row });
        return row;
      });
    },

    /**
     * A to-do item another module raises (e.g. a deadline the official calendar moved), once per kind,
     * subject and date, in the caller's transaction. True when it is new.
     */
    async addTask(tx: Executor, task: { kind: string; role: StaffTaskRow['role']; customerId: string | null; subjectId: string; dueOn: string; payload: StaffTaskRow['payload'] }): Promise<boolean> {
      return repo.insertTaskOnce(tx, { id: ids.uuid(), ...task, createdAt: clock.now(), doneAt: null, doneBy: null });
    },

    /** Closes the open to-do items of a kind about these subjects (the thing they asked for was done), in the caller's tx. */
    async closeTasksAbout(tx: Executor, kind: string, subjectIds: string[]): Promise<number> {
      return (await repo.completeTasksAbout(tx, kind, subjectIds, null, clock.now())).length;
    },
  };
}

export type CustomersService = ReturnType<typeof makeCustomersService>;
