import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { actorOf, requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { Emitter } from '../../core/reactions.js';
import { violates } from '../../db/pg-errors.js';
import type { FileStore } from '../../files/file-store.js';
import { sniffDocumentType } from '../../files/sniff.js';
import { checkFiling, DOMAIN_TRANSITIONS, parseIp, formatIp, reverificationDue, shanghaiDate, validateDomain, type DomainUse } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import type { NoticesService } from '../notices/notices.service.js';
import type { ComplianceRepository, DomainRow } from './compliance.repository.js';

/** Issue 22: one customer's filing as the regulator's service record reads it — what `registerServices` answers. */
export type { RegisterServiceRow } from './compliance.repository.js';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export interface DomainInput {
  customerId?: string;
  serverId: string;
  domain: string;
  address?: string | null;
  use: DomainUse;
  filingNumber: string;
  psbNumber?: string | null;
}

/** What leaves the module: the row without the file hash (a file is fetched through its domain). */
export const publicDomain = (r: DomainRow) => {
  const { evidenceSha256, ...rest } = r;
  return { ...rest, hasEvidence: evidenceSha256 !== null };
};

const actorId = (scope: Scope) => (scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null);

/** A customer's owner or technical lead, or compliance/sales staff, may keep the domain list. */
function requireEditor(scope: Scope) {
  requirePermission(scope, 'domain.edit');
}

/**
 * 域名清单 (5.6, 5.7, 5.11): a customer lists each website with its filing or licence; a compliance
 * user verifies it (recording how), and only then does the gate let its traffic through. A customer
 * edit sends the entry back for verification; suspension and revocation close it again.
 */
export function makeDomainsService(deps: {
  repo: ComplianceRepository;
  servers: Pick<ServersService, 'findServer'>;
  ipam: Pick<IpamService, 'allocations'>;
  notices: Pick<NoticesService, 'register'>;
  files: FileStore;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
  /** four eyes (issue 18 §6): who put the evidence on file cannot verify it; off for a one-person shop (audited) */
  fourEyes: boolean;
  /** compliance.domainStatusChanged (compliance.events.ts), inside the change's transaction */
  bus?: Emitter<Executor>;
}) {
  const { repo, audit, clock, ids } = deps;
  const today = () => shanghaiDate(clock.now());

  async function load(scope: Scope, id: string): Promise<DomainRow> {
    const row = await repo.findDomain(scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'domain' });
    return row;
  }

  /** The server must be the customer's and live; the address one the server holds now (IPv4 first by default). */
  async function placement(scope: Scope, customerId: string, serverId: string, address: string | null | undefined): Promise<string> {
    const server = await deps.servers.findServer(scope, serverId);
    if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
    if (server.customerId !== customerId || server.status === 'removed') throw new AppError('VALIDATION_FAILED', {}, [{ path: 'serverId', key: 'field.invalid' }]);
    const held = (await deps.ipam.allocations(scope, { serverId, activeOnly: true })).map((a) => a.address);
    if (address) {
      const ip = parseIp(address);
      const normal = ip ? formatIp(ip) : null;
      if (!normal || !held.includes(normal)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'address', key: 'compliance.addressNotOnServer' }]);
      return normal;
    }
    const chosen = held.find((a) => !a.includes(':')) ?? held[0];
    if (!chosen) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'serverId', key: 'compliance.serverHasNoAddress' }]);
    return chosen;
  }

  function checkInput(input: { domain?: string; use: DomainUse; filingNumber: string; psbNumber?: string | null }) {
    const fields: FieldError[] = [];
    let domain: { ascii: string; unicode: string } | null = null;
    if (input.domain !== undefined) {
      const v = validateDomain(input.domain);
      if (v.valid) domain = { ascii: v.normalized, unicode: v.unicode };
      else fields.push({ path: 'domain', key: v.reason });
    }
    const f = checkFiling(input.use, input.filingNumber, input.psbNumber);
    if (!f.valid) for (const e of f.fields) fields.push({ path: e.path, key: e.reason });
    if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
    const ok = f as Extract<typeof f, { valid: true }>;
    return { domain, filingNumber: ok.filingNumber, psbNumber: ok.psbNumber };
  }

  const taken = (domain: string) => new AppError('DOMAIN_TAKEN', { domain }, [{ path: 'domain', key: 'DOMAIN_TAKEN', params: { domain } }]);

  async function move(scope: Scope, id: string, to: DomainRow['status'], patch: (d: DomainRow) => Partial<DomainRow>, action: string, notice?: { type: string; payload: (d: DomainRow) => Record<string, unknown> } | null, alsoIn?: (tx: Executor) => Promise<unknown>) {
    return repo.db.transaction(async (tx) => {
      if (alsoIn) await alsoIn(tx);
      const before = await repo.lockDomain(tx, scope, id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'domain' });
      if (!DOMAIN_TRANSITIONS[before.status].includes(to)) throw new AppError('DOMAIN_INVALID_TRANSITION', { from: before.status, to });
      const after = await repo.updateDomain(tx, id, { ...patch(before), status: to, updatedAt: clock.now(), version: before.version + 1 });
      await deps.bus?.emit(tx, scope, 'compliance.domainStatusChanged', { before: before.status, after });
      await audit.record(tx, scope, { action: `domain.${action}`, entity: 'compliance_domain', entityId: id, customerId: before.customerId, before: publicDomain(before), after: publicDomain(after) });
      if (notice) await deps.notices.register(tx, scope, { customerId: before.customerId, direction: 'provider_to_customer', type: notice.type, payload: notice.payload(after), relatedEntity: 'compliance_domain', relatedId: id });
      return publicDomain(after);
    });
  }

  return {
    async add(scope: Scope, input: DomainInput) {
      requireEditor(scope);
      const customerId = scope.kind === 'customer' ? scope.customerId : input.customerId;
      if (!customerId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.required' }]);
      const checked = checkInput(input);
      const address = await placement(scope, customerId, input.serverId, input.address);
      const domain = checked.domain!;
      if (await repo.liveDomainByName(domain.ascii)) throw taken(domain.ascii);
      const now = clock.now();
      const row: DomainRow = {
        id: ids.uuid(),
        customerId,
        serverId: input.serverId,
        domain: domain.ascii,
        domainUnicode: domain.unicode,
        address,
        use: input.use,
        filingNumber: checked.filingNumber,
        psbNumber: checked.psbNumber,
        evidenceSha256: null,
        evidenceFileName: null,
        evidenceContentType: null,
        status: 'submitted',
        statusReason: null,
        verifiedAt: null,
        verifiedBy: null,
        verifier: null,
        verificationMethod: null,
        verificationNote: null,
        reverifyDueOn: null,
        evidenceUploadedBy: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await repo.db.transaction(async (tx) => {
          await repo.insertDomain(tx, row);
          await audit.record(tx, scope, { action: 'domain.add', entity: 'compliance_domain', entityId: row.id, customerId, after: publicDomain(row) });
        });
      } catch (err) {
        if (violates(err, 'compliance_domains_active_unique')) throw taken(domain.ascii);
        throw err;
      }
      return publicDomain(row);
    },

    /**
     * 5.7: the customer keeps its filing data current; any change sends the entry back to
     * 'submitted', so the gate closes until a compliance user has looked at the new data.
     */
    async edit(scope: Scope, id: string, input: { version: number; serverId?: string; address?: string | null; use?: DomainUse; filingNumber?: string; psbNumber?: string | null }) {
      requireEditor(scope);
      const current = await load(scope, id);
      if (current.status === 'revoked') throw new AppError('DOMAIN_INVALID_TRANSITION', { from: 'revoked', to: 'submitted' });
      const use = input.use ?? current.use;
      const checked = checkInput({ use, filingNumber: input.filingNumber ?? current.filingNumber, psbNumber: input.psbNumber === undefined ? current.psbNumber : input.psbNumber });
      const serverId = input.serverId ?? current.serverId;
      const address = input.serverId !== undefined || input.address !== undefined ? await placement(scope, current.customerId, serverId, input.address) : current.address;
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockDomain(tx, scope, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'domain' });
        if (before.version !== input.version) throw new AppError('STALE_VERSION');
        if (before.status === 'revoked') throw new AppError('DOMAIN_INVALID_TRANSITION', { from: 'revoked', to: 'submitted' });
        const after = await repo.updateDomain(tx, id, {
          serverId,
          address,
          use,
          filingNumber: checked.filingNumber,
          psbNumber: checked.psbNumber,
          status: 'submitted',
          statusReason: null,
          updatedAt: clock.now(),
          version: before.version + 1,
        });
        await audit.record(tx, scope, { action: 'domain.edit', entity: 'compliance_domain', entityId: id, customerId: before.customerId, before: publicDomain(before), after: publicDomain(after) });
        return publicDomain(after);
      });
    },

    /** The MIIT record's screenshot or PDF; new evidence on a verified entry is an edit (5.7). */
    async uploadEvidence(scope: Scope, id: string, input: { fileName: string; bytes: Uint8Array }) {
      requireEditor(scope);
      await load(scope, id);
      if (input.bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'kyc.fileEmpty' }]);
      if (input.bytes.byteLength > EVIDENCE_MAX_BYTES) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'kyc.fileTooLarge', params: { mb: 10 } }]);
      const contentType = sniffDocumentType(input.bytes);
      if (!contentType) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'kyc.fileType' }]);
      const stored = deps.files.put(input.bytes);
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockDomain(tx, scope, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'domain' });
        if (before.status === 'revoked') throw new AppError('DOMAIN_INVALID_TRANSITION', { from: 'revoked', to: 'submitted' });
        const after = await repo.updateDomain(tx, id, {
          evidenceSha256: stored.sha256,
          evidenceFileName: input.fileName.slice(0, 200),
          evidenceContentType: contentType,
          evidenceUploadedBy: actorId(scope),
          status: 'submitted',
          statusReason: null,
          updatedAt: clock.now(),
          version: before.version + 1,
        });
        await audit.record(tx, scope, { action: 'domain.evidence', entity: 'compliance_domain', entityId: id, customerId: before.customerId, before: publicDomain(before), after: { ...publicDomain(after), evidenceSha256: stored.sha256 } });
        return publicDomain(after);
      });
    },

    async evidence(scope: Scope, id: string) {
      requireReader(scope);
      const row = await load(scope, id);
      if (!row.evidenceSha256 || !row.evidenceContentType) throw new AppError('NOT_FOUND', { entity: 'evidence' });
      await audit.recordRead(scope, { entity: 'compliance_domain_evidence', entityId: id, customerId: row.customerId });
      return { bytes: deps.files.get(row.evidenceSha256), contentType: row.evidenceContentType, fileName: row.evidenceFileName ?? 'evidence' };
    },

    /** A compliance user verifies (or re-verifies, or restores) an entry, saying how; due again in a year. */
    async verify(scope: Scope, id: string, input: { method: NonNullable<DomainRow['verificationMethod']>; note: string }) {
      requirePermission(scope, 'domain.verify');
      const current = await load(scope, id);
      if (!current.evidenceSha256) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'evidence', key: 'compliance.evidenceRequired' }]);
      const own = scope.kind === 'staff' && current.evidenceUploadedBy === scope.userId;
      if (own && deps.fourEyes) throw new AppError('FOUR_EYES_REQUIRED', { entity: 'compliance_domain' });
      const now = clock.now();
      const waiver = own ? (tx: Executor) => audit.record(tx, scope, { action: 'fourEyes.waive', entity: 'compliance_domain', entityId: id, customerId: current.customerId, after: { evidenceUploadedBy: current.evidenceUploadedBy, verifiedBy: actorId(scope), setting: 'FOUR_EYES=off' } }) : undefined;
      return move(scope, id, 'verified', () => ({ statusReason: null, verifiedAt: now, verifiedBy: actorId(scope), verifier: actorOf(scope).actorLogin ?? 'system', verificationMethod: input.method, verificationNote: input.note.trim(), reverifyDueOn: reverificationDue(today()) }), current.status === 'verified' ? 'reverify' : 'verify', null, waiver);
    },

    /** 5.7: stale or doubtful filing data — the site is closed until it is cleared. */
    async suspend(scope: Scope, id: string, reason: string) {
      requirePermission(scope, 'domain.suspend');
      return move(scope, id, 'suspended', () => ({ statusReason: reason.trim() }), 'suspend', { type: 'compliance.domainSuspended', payload: (d) => ({ domain: d.domainUnicode, reason: d.statusReason }) });
    },

    /** 5.7: false filing data or a cancelled filing — access is withdrawn for good. */
    async revoke(scope: Scope, id: string, reason: string) {
      requirePermission(scope, 'domain.revoke');
      return move(scope, id, 'revoked', () => ({ statusReason: reason.trim() }), 'revoke', { type: 'compliance.domainRevoked', payload: (d) => ({ domain: d.domainUnicode, reason: d.statusReason }) });
    },

    /**
     * The customers with a live domain-list entry for one of these names — for another module's check that a
     * name is not someone else's (a ticket naming a domain); gives out ids, nothing of the entries.
     */
    holdersOf: (names: string[]) => repo.domainHolders(names),

    // ── for the regulator module (issue 22) ──
    /** The service records: per customer and filing, the verified domains and their addresses. */
    async registerServices(scope: Scope) {
      requireStaff(scope, 'compliance', 'auditor');
      return repo.registerServices();
    },
    /** Verified domains and the address each is served from (does it still resolve to us?). */
    async verifiedDomains(scope: Scope) {
      requireStaff(scope, 'compliance', 'auditor');
      return repo.verifiedDomains();
    },

    async list(scope: Scope, filter: { customerId?: string; serverId?: string; status?: DomainRow['status'] }) {
      requireReader(scope);
      const t = today();
      return (await repo.listDomains(scope, filter)).map((r) => ({ ...publicDomain(r.domain), customerName: r.customerName, reverificationOverdue: r.domain.status === 'verified' && !!r.domain.reverifyDueOn && r.domain.reverifyDueOn <= t }));
    },

    async get(scope: Scope, id: string) {
      requireReader(scope);
      const row = await load(scope, id);
      await audit.recordRead(scope, { entity: 'compliance_domain', entityId: id, customerId: row.customerId });
      return publicDomain(row);
    },

    /** Filings to verify: new and edited entries, and verified ones past their yearly date. */
    async queue(scope: Scope) {
      requireStaff(scope, 'compliance', 'auditor');
      const t = today();
      return (await repo.verificationQueue(t)).map((r) => ({ ...publicDomain(r.domain), customerName: r.customerName, reverificationOverdue: r.domain.status === 'verified' }));
    },

    /** The facility removal hook: a server that leaves takes its domains off the gate for good. */
    async revokeForServer(tx: Executor, scope: Scope, serverId: string) {
      for (const d of await repo.domainsOfServer(serverId, tx)) {
        const after = await repo.updateDomain(tx, d.id, { status: 'revoked', statusReason: 'server removed', updatedAt: clock.now(), version: d.version + 1 });
        await deps.bus?.emit(tx, scope, 'compliance.domainStatusChanged', { before: d.status, after });
        await audit.record(tx, scope, { action: 'domain.revoke', entity: 'compliance_domain', entityId: d.id, customerId: d.customerId, before: publicDomain(d), after: publicDomain(after) });
      }
    },
  };
}

export type DomainsService = ReturnType<typeof makeDomainsService>;
