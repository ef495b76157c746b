import { createHash } from 'node:crypto';
import { lazyPackage } from '../../core/lazy.js';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { actorOf, requireStaff, type Scope } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import type { PdfRenderer } from '../../documents/pdf.js';
import { sniffDocumentType } from '../../files/sniff.js';
import { formatShanghaiMinute, shanghaiDate } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { BillingService } from '../billing/billing.service.js';
import type { ComplaintsService } from '../compliance/complaints.service.js';
import type { DeclarationsService } from '../compliance/declarations.service.js';
import type { DomainsService } from '../compliance/domains.service.js';
import type { InspectionsService } from '../compliance/inspections.service.js';
import type { ContractsService } from '../contracts/contracts.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { KycService } from '../customers/kyc.service.js';
import type { RosterService } from '../customers/roster.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import type { NoticesService } from '../notices/notices.service.js';
import type { ProviderService } from '../provider/provider.service.js';
import type { AccessService } from '../access/access.service.js';
import type { TakedownsService } from '../takedowns/takedowns.service.js';
import { auditCsv, MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE, type EvidenceManifest } from './evidence.pack.js';
import { summaryHtml } from './evidence.summary.js';

/** fflate is loaded by the first pack made or checked, not by every start (issue 23 §1). */
const fflate = lazyPackage<typeof import('fflate')>('fflate');

/** The roles that may take a customer's evidence pack (as the regulator's and takedown reads: compliance, auditors, admins). */
export const EVIDENCE_ROLES = ['compliance', 'auditor'] as const;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A file name as it goes into the zip: no directories, no control characters, not too long. */
function safeName(name: string): string {
  const cleaned = name.replace(/[\\/\u0000-\u001f\u007f:*?"<>|]+/g, '_').replace(/^\.+/, '_').trim();
  return (cleaned || 'file').slice(-120);
}

const extensionOf = (contentType: string | null | undefined) =>
  contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : contentType === 'image/jpeg' ? 'jpg' : 'bin';

/** A file that may be gone (redacted under the retention policy, never uploaded): absent rather than an error. */
async function optional<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FILE_NOT_IN_STORE')) return null;
    throw err;
  }
}

/** What the pack is read from: each module's service (never its tables), the printer, the audit chain and its key. */
export interface EvidenceDeps {
  customers: Pick<CustomersService, 'get' | 'resolve'>;
  kyc: Pick<KycService, 'list' | 'file'>;
  roster: Pick<RosterService, 'history'>;
  contracts: Pick<ContractsService, 'list' | 'signedScans'>;
  billing: Pick<BillingService, 'invoices'>;
  servers: Pick<ServersService, 'servers' | 'facts'>;
  ipam: Pick<IpamService, 'allocations'>;
  domains: Pick<DomainsService, 'list' | 'evidence'>;
  declarations: Pick<DeclarationsService, 'attestations' | 'attestationScan' | 'services' | 'serviceAgreementFile'>;
  notices: Pick<NoticesService, 'list' | 'proofFile' | 'document'>;
  complaints: Pick<ComplaintsService, 'complaints' | 'complaintEvidenceFile' | 'suspensions'>;
  inspections: Pick<InspectionsService, 'inspections' | 'inspectionDocument'>;
  access: Pick<AccessService, 'visits' | 'movements'>;
  takedowns: Pick<TakedownsService, 'list' | 'filesOf'>;
  provider: Pick<ProviderService, 'current'>;
  audit: Pick<AuditService, 'list' | 'record' | 'signDetached'>;
  pdf: Pick<PdfRenderer, 'render'>;
  db: Db;
  clock: Clock;
}

/** Every audit row about the customer, oldest first (the list is paged; the pack takes all of it). */
async function auditRows(deps: EvidenceDeps, reader: Scope, customerId: string) {
  const rows: Awaited<ReturnType<AuditService['list']>>['items'] = [];
  for (let page = 1; ; page += 1) {
    const { items, total } = await deps.audit.list(reader, { customerId, page, pageSize: 1000 });
    rows.push(...items);
    if (items.length === 0 || rows.length >= total) break;
  }
  // a row written while paging shifts the pages by one: each row once
  return [...new Map(rows.map((r) => [r.seq, r])).values()].sort((a, b) => a.seq - b.seq);
}

/** The facts, each from its own module's service (read with the system's authority once the asker is admitted). */
export async function gatherEvidence(deps: EvidenceDeps, reader: Scope, customerId: string) {
  const customer = await deps.customers.get(reader, customerId);
  const [kyc, roster, contracts, invoices, servers, placements, allocations, domains, attestations, services, notices, complaints, suspensions, inspections, visits, movements, takedowns, audit, provider] =
    await Promise.all([
      deps.kyc.list(reader, customerId),
      deps.roster.history(reader, customerId),
      deps.contracts.list(reader, { customerId }),
      deps.billing.invoices(reader, { customerId }),
      deps.servers.servers(reader, { customerId }),
      deps.servers.facts(reader, { customerId }),
      deps.ipam.allocations(reader, { customerId }),
      deps.domains.list(reader, { customerId }),
      deps.declarations.attestations(reader, customerId),
      deps.declarations.services(reader, { customerId }),
      deps.notices.list(reader, customerId),
      deps.complaints.complaints(reader, { customerId }),
      deps.complaints.suspensions(reader, { customerId }),
      deps.inspections.inspections(reader, { customerId }),
      deps.access.visits(reader, { customerId }),
      deps.access.movements(reader, { customerId }),
      deps.takedowns.list(reader, { customerId }),
      auditRows(deps, reader, customerId),
      deps.provider.current(reader),
    ]);
  // a domain's verification history is its audit trail: submitted, evidence filed, verified, suspended, revoked
  const domainIds = new Set(domains.map((d) => d.id));
  const domainHistory = audit
    .filter((r) => r.entity === 'compliance_domain' && r.entityId && domainIds.has(r.entityId) && r.action !== 'read')
    .map((r) => ({ domainId: r.entityId!, at: r.at, action: r.action, actor: r.actorLogin }));
  return { customer, provider, kyc, roster, contracts, invoices, servers, placements, allocations, domains, domainHistory, attestations, services, notices, complaints, suspensions, inspections, visits, movements, takedowns, audit };
}


export type EvidenceFacts = Awaited<ReturnType<typeof gatherEvidence>>;

/**
 * Issue 22 §5, the evidence pack of one customer: everything rackpact holds about it that an authority or a
 * court may ask for — identity and KYC, contracts and invoices, servers and addresses with their dates,
 * domains and filings with their verification history, attestations, the roster as it stood over time,
 * notices with their delivery proof, complaints, inspections, visits, takedowns — read through each
 * module's service, with the stored files behind them and the audit extract, in one zip whose manifest
 * lists every file's SHA-256 and is signed with the audit anchor key. Taking it is audited.
 */
export function makeEvidenceService(deps: EvidenceDeps) {
  const { clock } = deps;

  /** The stored files behind the facts, each named by what it is. */
  async function storedFiles(reader: Scope, facts: EvidenceFacts): Promise<{ name: string; bytes: Uint8Array }[]> {
    const out: { name: string; bytes: Uint8Array }[] = [];
    for (const d of facts.kyc) {
      const f = await optional(() => deps.kyc.file(reader, d.id));
      if (f) out.push({ name: `files/kyc/${d.kind}-${d.id.slice(0, 8)}-${safeName(f.fileName)}`, bytes: f.bytes });
    }
    for (const c of facts.contracts) {
      for (const s of await deps.contracts.signedScans(reader, c.id)) out.push({ name: `files/contracts/${safeName(c.number)}-${s.part}-signed.${extensionOf(sniffDocumentType(s.bytes))}`, bytes: s.bytes });
    }
    for (const d of facts.domains) {
      if (!d.hasEvidence) continue;
      const f = await optional(() => deps.domains.evidence(reader, d.id));
      if (f) out.push({ name: `files/domains/${safeName(d.domain)}-${safeName(f.fileName)}`, bytes: f.bytes });
    }
    for (const a of facts.attestations) {
      const f = await optional(() => deps.declarations.attestationScan(reader, a.id));
      if (f) out.push({ name: `files/attestations/${a.attestedOn}-${a.id.slice(0, 8)}-${safeName(f.fileName)}`, bytes: f.bytes });
    }
    for (const s of facts.services) {
      const f = await optional(() => deps.declarations.serviceAgreementFile(reader, s.id));
      if (f) out.push({ name: `files/services/${s.kind}-${s.id.slice(0, 8)}-${safeName(f.fileName)}`, bytes: f.bytes });
    }
    for (const n of facts.notices) {
      const day = shanghaiDate(n.createdAt);
      if (n.received) {
        const f = await optional(() => deps.notices.document(reader, n.id));
        if (f) out.push({ name: `files/notices/${day}-${n.id.slice(0, 8)}-received-${safeName(f.fileName)}`, bytes: f.bytes });
      }
      for (const d of n.deliveries) {
        if (!d.proofFile) continue;
        const f = await optional(() => deps.notices.proofFile(reader, n.id, d.id));
        if (f) out.push({ name: `files/notices/${day}-${n.id.slice(0, 8)}-${d.channel}-proof.${extensionOf(f.contentType)}`, bytes: f.bytes });
      }
    }
    for (const c of facts.complaints) {
      if (!c.hasEvidence) continue;
      const f = await optional(() => deps.complaints.complaintEvidenceFile(reader, c.id));
      if (f) out.push({ name: `files/complaints/${safeName(c.number)}-${safeName(f.fileName)}`, bytes: f.bytes });
    }
    for (const i of facts.inspections) {
      const f = await optional(() => deps.inspections.inspectionDocument(reader, i.id));
      if (f) out.push({ name: `files/inspections/${shanghaiDate(i.inspectedAt)}-${i.id.slice(0, 8)}-${safeName(f.fileName)}`, bytes: f.bytes });
    }
    for (const f of await deps.takedowns.filesOf(reader, facts.customer.id)) out.push({ name: `files/${f.name.split('/').map(safeName).join('/')}`, bytes: f.bytes });
    // two files of the same name (the same upload twice): the later one numbered
    const seen = new Map<string, number>();
    return out.map((f) => {
      const n = (seen.get(f.name) ?? 0) + 1;
      seen.set(f.name, n);
      return n === 1 ? f : { ...f, name: f.name.replace(/(\.[^./]+)?$/, (ext) => `-${n}${ext}`) };
    });
  }

  return {
    /** Id or USCC, as the operator gives it, to the customer's id (NOT_FOUND otherwise). */
    async resolveCustomer(scope: Scope, idOrUscc: string) {
      requireStaff(scope, ...EVIDENCE_ROLES);
      return deps.customers.resolve(scope, idOrUscc);
    },

    /**
     * Builds the pack: summary.pdf (Chinese, Beijing time), data.json (the facts), audit-extract.json and
     * .csv, the stored files, manifest.json (every file's SHA-256) with manifest.sig (Ed25519, the audit
     * anchor key) and public-key.pem. Audited as `evidence.export` with the manifest's hash, after it is made.
     */
    async build(scope: Scope, customerId: string): Promise<{ zip: Uint8Array; fileName: string; manifest: EvidenceManifest; manifestSha256: string; keyFingerprint: string }> {
      requireStaff(scope, ...EVIDENCE_ROLES);
      // staff admitted: every module is read with the system's authority (one audit row for the whole pack, not one per file)
      const reader: Scope = { kind: 'system', reason: 'evidence-pack', requestId: scope.requestId };
      const facts = await gatherEvidence(deps, reader, customerId);
      const generatedAt = clock.now();
      const files = await storedFiles(reader, facts);
      const enc = new TextEncoder();
      const auditJson = enc.encode(`${JSON.stringify(facts.audit, null, 2)}\n`);
      const { audit: _audit, ...rest } = facts;
      const dataJson = enc.encode(`${JSON.stringify({ generatedAt: generatedAt.toISOString(), ...rest }, null, 2)}\n`);
      const actor = actorOf(scope);
      const listed = [
        { name: 'data.json', bytes: dataJson },
        { name: 'audit-extract.json', bytes: auditJson },
        { name: 'audit-extract.csv', bytes: enc.encode(auditCsv(facts.audit)) },
        ...files,
      ];
      const signed = deps.audit.signDetached(enc.encode('rackpact-evidence-key-probe'));
      const html = summaryHtml(facts, {
        generatedAt,
        generatedBy: actor.actorLogin ?? '—',
        keyFingerprint: signed.fingerprint,
        files: listed.map((f) => ({ name: f.name, sha256: sha256(f.bytes), bytes: f.bytes.byteLength })),
      });
      const pdf = await deps.pdf.render(html, { footerLabel: `${facts.customer.name} 证据包摘要` });
      const all = [{ name: 'summary.pdf', bytes: new Uint8Array(pdf) }, ...listed, { name: PUBLIC_KEY_FILE, bytes: enc.encode(signed.publicKeyPem) }];
      const manifest: EvidenceManifest = {
        format: 'rackpact-evidence-1',
        customer: { id: facts.customer.id, name: facts.customer.name, uscc: facts.customer.uscc },
        generatedAt: generatedAt.toISOString(),
        generatedBy: actor.actorLogin,
        algorithm: 'SHA-256',
        signature: { algorithm: 'Ed25519', file: SIGNATURE_FILE, publicKey: PUBLIC_KEY_FILE, keyFingerprint: signed.fingerprint },
        files: all.map((f) => ({ name: f.name, sha256: sha256(f.bytes), bytes: f.bytes.byteLength })),
      };
      const manifestBytes = enc.encode(`${JSON.stringify(manifest, null, 2)}\n`);
      const { signature } = deps.audit.signDetached(manifestBytes);
      const entries: Record<string, Uint8Array> = Object.fromEntries(all.map((f) => [f.name, f.bytes]));
      entries[MANIFEST_FILE] = manifestBytes;
      entries[SIGNATURE_FILE] = new Uint8Array(signature);
      const zip = fflate().zipSync(entries, { level: 6, mtime: generatedAt });
      const manifestSha256 = sha256(manifestBytes);
      await deps.db.transaction((tx) =>
        deps.audit.record(tx, scope, {
          action: 'evidence.export',
          entity: 'evidence_pack',
          entityId: customerId,
          customerId,
          after: { manifestSha256, files: manifest.files.length, zipSha256: sha256(zip), keyFingerprint: signed.fingerprint },
        }),
      );
      const stamp = formatShanghaiMinute(generatedAt).replace(/[- :]/g, '').slice(0, 12);
      return { zip, fileName: `证据包-${safeName(facts.customer.name)}-${stamp}.zip`, manifest, manifestSha256, keyFingerprint: signed.fingerprint };
    },
  };
}

export type EvidenceService = ReturnType<typeof makeEvidenceService>;
