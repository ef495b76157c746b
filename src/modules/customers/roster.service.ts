import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, requireStaff, systemScope, type Scope } from '../../core/scope.js';
import { maskMobile } from '../../rules/index.js';
import type { Executor } from '../../db/client.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FileStore } from '../../files/file-store.js';
import { sniffDocumentType } from '../../files/sniff.js';
import { checkPhone } from './customer-fields.js';
import type { CustomersService } from './customers.service.js';
import type { RosterRepository, RosterRow, RosterSide } from './roster.repository.js';

/** How a change the customer sent came, and the document that carried it (issue 19 §5). */
export interface ReceivedInput {
  how: 'email' | 'post' | 'fax' | 'in_person' | null;
  /** e.g. 《人员变更函》2026-12-01; required when staff record it */
  documentName: string | null;
  /** the scan of that document, if there is one (PDF/JPEG/PNG) */
  document?: { bytes: Buffer; fileName: string };
}

/** The scan of a document carrying a change, as for KYC copies. */
export const RECEIVED_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export type RosterChangeItem = ({ op: 'upsert' } & Omit<RosterMemberInput, 'side'>) | { op: 'remove'; memberId: string };

export interface RosterChangeInput {
  side: RosterSide;
  items: RosterChangeItem[];
  received?: ReceivedInput | null;
}

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
  files: Pick<FileStore, 'put'>;
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

  /**
   * The customer's side changed by anyone but the customer's own user is a change the customer SENT:
   * staff must say how it came and name the document; the system (imports, the demo) may leave them out.
   * The provider's own side is its notice to the customer, and nothing is "received" there.
   */
  function receivedFor(scope: Scope, input: RosterChangeInput): ReceivedInput | null {
    if (input.side === 'provider' || scope.kind === 'customer') {
      if (input.received) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'received', key: 'roster.receivedOnlyForStaff' }]);
      return null;
    }
    const received = input.received ?? { how: null, documentName: null };
    if (scope.kind === 'staff') {
      const fields: FieldError[] = [];
      if (!received.how) fields.push({ path: 'received.how', key: 'field.required' });
      if (!received.documentName?.trim()) fields.push({ path: 'received.documentName', key: 'field.required' });
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
    }
    if (received.document) {
      const fields: FieldError[] = [];
      if (received.document.bytes.byteLength === 0) fields.push({ path: 'file', key: 'kyc.fileEmpty' });
      else if (received.document.bytes.byteLength > RECEIVED_DOCUMENT_MAX_BYTES) fields.push({ path: 'file', key: 'kyc.fileTooLarge', params: { mb: RECEIVED_DOCUMENT_MAX_BYTES / 1024 / 1024 } });
      else if (!sniffDocumentType(received.document.bytes)) fields.push({ path: 'file', key: 'kyc.fileType' });
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
    }
    return { ...received, documentName: received.documentName?.trim() || null };
  }

  function storeDocument(file: { bytes: Buffer }) {
    const stored = deps.files.put(file.bytes);
    return { sha256: stored.sha256, contentType: sniffDocumentType(file.bytes)! };
  }

  function noticeDirection(side: RosterSide) {
    return side === 'customer' ? ('customer_to_provider' as const) : ('provider_to_customer' as const);
  }

  const service = {
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

    /** Issue 22 §7: replaced versions past their period (the sweep's candidates, system-wide). */
    async historyDue(scope: Scope, cutoff: Date, limit = 1000) {
      requireStaff(scope, 'compliance');
      return (await repo.endedBefore(cutoff, limit)).map((r) => ({ id: r.id, customerId: r.customerId, validTo: r.validTo! }));
    },

    /** Masks a replaced version's contacts in the caller's transaction; name, role, 24-hour duty and dates stay. */
    async redactVersion(tx: Executor, scope: Scope, row: { id: string; customerId: string }) {
      requireStaff(scope, 'compliance');
      const version = await repo.findVersion(tx, row.id);
      if (!version || version.customerId !== row.customerId || !version.validTo || version.redactedAt) return false;
      const now = clock.now();
      await repo.redact(tx, row.id, { mobile: version.mobile ? maskMobile(version.mobile) : null, landline: null, email: null, redactedAt: now });
      await audit.record(tx, scope, { action: 'roster.redact', entity: 'roster_member', entityId: version.memberId, customerId: row.customerId, after: { versionId: row.id, redactedAt: now } });
      return true;
    },

    async history(scope: Scope, customerId: string) {
      requireReader(scope);
      await requireCustomer(scope, customerId);
      return (await repo.history(scope, customerId)).map(publicMember);
    },

    /**
     * One roster change (issue 19 §5): one or more people of one side added, changed or taken off at
     * one instant, and ONE notice to the other side for all of them. The customer's side changed by
     * provider staff is a change the customer sent (by e-mail, post, fax or in person): it is recorded
     * as received from the customer, naming the document that carried it (a scan if there is one), and
     * nothing is sent. A change by the customer's own user in the portal is a notice to the provider.
     */
    async change(scope: Scope, customerId: string, input: RosterChangeInput) {
      if (!input.items.length) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'items', key: 'field.required' }]);
      mayEdit(scope, customerId, input.side);
      const received = receivedFor(scope, input);
      await requireCustomer(scope, customerId);
      const fields: FieldError[] = [];
      const checked = input.items.map((item, i) => {
        if (item.op === 'remove') return item;
        // a one-person change names its fields as the one-person form does
        const at = input.items.length === 1 ? '' : `items.${i}.`;
        const mobile = checkPhone(item.mobile, `${at}mobile`, fields, 'mobile') ?? null;
        const landline = checkPhone(item.landline, `${at}landline`, fields) ?? null;
        if (item.available24h && !mobile) fields.push({ path: `${at}mobile`, key: 'roster.mobileFor24h' });
        return { ...item, mobile, landline };
      });
      const memberIds = input.items.map((item) => item.memberId).filter(Boolean);
      if (new Set(memberIds).size !== memberIds.length) fields.push({ path: 'items', key: 'field.invalid' });
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      const document = received?.document ? storeDocument(received.document) : null;
      return repo.db.transaction(async (tx) => {
        const now = clock.now();
        const changes: { before: ReturnType<typeof publicMember> | null; after: ReturnType<typeof publicMember> | null }[] = [];
        for (const item of checked) {
          const previous = item.memberId ? await repo.currentVersion(scope, item.memberId, tx) : undefined;
          if (item.memberId && (!previous || previous.customerId !== customerId)) throw new AppError('NOT_FOUND', { entity: 'roster_member' });
          if (previous && previous.side !== input.side) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'side', key: 'field.invalid' }]);
          if (item.op === 'remove') {
            if (startedNow(previous!)) await repo.rewrite(tx, previous!.id, { validTo: new Date(previous!.validFrom.getTime() + 1) });
            else await repo.close(tx, previous!.id, now);
            const change = { before: publicMember(previous!), after: null };
            await audit.record(tx, scope, { action: 'roster.remove', entity: 'roster_member', entityId: previous!.memberId, customerId, ...change });
            changes.push(change);
            continue;
          }
          const row: RosterRow = {
            id: ids.uuid(),
            memberId: previous?.memberId ?? ids.uuid(),
            customerId,
            side: input.side,
            role: item.role,
            name: item.name.trim(),
            mobile: item.mobile,
            landline: item.landline,
            email: item.email ?? null,
            available24h: item.available24h ?? false,
            validFrom: now,
            validTo: null,
            changedBy: scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null,
            redactedAt: null,
          };
          if (previous && startedNow(previous)) {
            const { id: _id, memberId: _m, validFrom: _f, ...rest } = row;
            await repo.rewrite(tx, previous.id, rest);
            row.id = previous.id;
            row.validFrom = previous.validFrom;
          } else {
            if (previous) await repo.close(tx, previous.id, now);
            await repo.insert(tx, row);
          }
          const change = { before: previous ? publicMember(previous) : null, after: publicMember(row) };
          await audit.record(tx, scope, { action: previous ? 'roster.update' : 'roster.add', entity: 'roster_member', entityId: row.memberId, customerId, ...change });
          changes.push(change);
        }
        const payload = {
          side: input.side,
          changes,
          recordedBy: scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null,
          ...(received ? { received: { how: received.how, documentName: received.documentName, documentSha256: document?.sha256 ?? null, documentContentType: document?.contentType ?? null } } : {}),
        };
        await deps.customers.insertOutbox(tx, deps.customers.newOutboxRow(customerId, 'roster.changed', noticeDirection(input.side), payload));
        return { members: changes.flatMap((c) => (c.after ? [c.after] : [])), removed: changes.flatMap((c) => (c.after ? [] : [c.before!.memberId])) };
      });
    },

    /** Adds a person or changes one: a one-person change (see change). */
    async upsert(scope: Scope, customerId: string, input: RosterMemberInput, received?: ReceivedInput) {
      const { side, ...member } = input;
      const result = await service.change(scope, customerId, { side, items: [{ op: 'upsert', ...member }], received });
      return result.members[0];
    },

    /** Takes a person off the roster from now on (a one-person change); their past versions stay answerable. */
    async remove(scope: Scope, customerId: string, memberId: string, received?: ReceivedInput) {
      const previous = await repo.currentVersion(scope, memberId);
      if (!previous || previous.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'roster_member' });
      await service.change(scope, customerId, { side: previous.side, items: [{ op: 'remove', memberId }], received });
    },
  };
  return service;
}

export type RosterService = ReturnType<typeof makeRosterService>;
