import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { FileStore } from '../../files/file-store.js';
import { sniffDocumentType } from '../../files/sniff.js';
import {
  contractNumber,
  DEFAULT_CONTRACT_TERMS,
  endOfDayShanghai,
  formatShanghai,
  parseDate,
  parseYuan,
  renewalTerm,
  repealedLawCitations,
  shanghaiDate,
  term,
  workingDayDeadlineMarked,
  type CalendarDate,
  type Calendar,
  type ContractTerms,
} from '../../rules/index.js';
import type { Emitter } from '../../core/reactions.js';
import type { AuditService } from '../audit/audit.service.js';
import type { BillingService, InvoicedContract } from '../billing/billing.service.js';
import { DEADLINE_MOVED_TASK, type RecomputedRecord } from '../calendar/calendar.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { FloorService } from '../facility/floor.service.js';
import type { ServersService, ServerRow } from '../facility/servers.service.js';
import type { ProviderService } from '../provider/provider.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import type { PdfRenderer } from '../../documents/pdf.js';
import type { RosterService } from '../customers/roster.service.js';
import { documentPart, DOCUMENT_PARTS, fillTemplate, footerLabel, PART_TITLES, TEMPLATE_FIELDS, toDocx, toHtml, type AttachmentPart, type ContractFacts, type DocumentFormat, type DocumentPart } from './contract-document.js';
import type { CustomerSnapshot, TERMINATION_KINDS } from './contracts.schema.js';
import { COLOCATION_V1, type TemplateBlock } from './templates/colocation-v1.js';
import { COLOCATION_2026, COLOCATION_2026_VERSION } from './templates/colocation-2026.js';
import { blocksToSource, parseTemplate } from './templates/template-tree.js';
import type { ContractRow, ContractsRepository } from './contracts.repository.js';
import { CONTENT_TYPES, type ContractCopies, type RenderedCopy } from './contract-copies.js';
import { blockLines, textFingerprint } from './activation-confirmation.js';
import type { ContractCopyKind } from './contract-copies.schema.js';

/** The template shipped before issue 19 (flat blocks); contracts drafted under it keep it. */
export const TEMPLATE_V1_VERSION = 'colocation-v1';
/** The shipped template new contracts are drafted from (structured text, issue 19). */
export const TEMPLATE_VERSION = COLOCATION_2026_VERSION;

export interface NewContract {
  customerId: string;
  siteId: string;
  serverIds: string[];
  annualFee: string;
  termMonths?: number;
  signingPlace?: string;
  terms?: Partial<ContractTerms>;
}

/**
 * A commissioning deadline (5.1) recomputed when an official calendar year was loaded (issue 16); its
 * number is the contract's, its label in Chinese as the audit and the to-do item have it, e.g.
 * "RP-2026-0007 上架调试期限（5.1）".
 */
export interface RecomputedDeadline extends RecomputedRecord {
  kind: 'commissioning';
  customerId: string;
}

/** What billing is told of a contract when it issues the contract's invoice. */
const invoiced = (c: ContractRow): InvoicedContract => ({ id: c.id, customerId: c.customerId, annualFeeFen: c.annualFeeFen, termMonths: c.termMonths, terms: c.terms });

export function makeContractsService(deps: {
  repo: ContractsRepository;
  customers: Pick<CustomersService, 'exists' | 'activationReadiness' | 'get' | 'addTask'>;
  servers: Pick<ServersService, 'findServer' | 'linkContract' | 'server' | 'facts' | 'placementIn'>;
  floor: Pick<FloorService, 'site'>;
  ipam: Pick<IpamService, 'allocations' | 'addressesIn'>;
  /** invoices are billing's: issued through it in the activation's or renewal's transaction */
  billing: Pick<BillingService, 'issueInvoice' | 'invoices'>;
  provider: Pick<ProviderService, 'current' | 'version' | 'sealDataUri'>;
  /** the customer's roster, for the contract's contact person and 24-hour telephone in the parties block */
  roster?: Pick<RosterService, 'peopleNow'>;
  /** 域名清单: the customer's domains with their filings, for the domain list form (compliance's; looked up at render time) */
  domainList?: (scope: Scope, customerId: string) => Promise<{ domain: string; filingNumber: string | null; address: string | null }[]>;
  pdf: PdfRenderer;
  calendar: { current(tx?: Executor): Promise<Calendar> };
  files: FileStore;
  /** issue 19 §3: the frozen copies (sent for signature, 开通确认单) */
  copies: ContractCopies;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
  /** emits contracts.* and asks contracts.activationBlockers (contracts.events.ts), in the change's transaction */
  bus: Emitter<Executor>;
}) {
  const { repo, audit, clock, ids, bus } = deps;
  const today = () => shanghaiDate(clock.now());

  async function load(scope: Scope, id: string): Promise<ContractRow> {
    const row = await repo.find(scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'contract' });
    return row;
  }

  async function transition(scope: Scope, id: string, from: ContractRow['status'][], patch: (c: ContractRow) => Partial<ContractRow>, action: string, then?: (tx: Executor, after: ContractRow) => Promise<void>) {
    return repo.db.transaction(async (tx) => {
      const before = await repo.lock(tx, id);
      if (!before || (scope.kind === 'customer' && before.customerId !== scope.customerId)) throw new AppError('NOT_FOUND', { entity: 'contract' });
      if (!from.includes(before.status)) throw new AppError('INVALID_TRANSITION', { entity: 'contract', from: before.status, to: action });
      const after = await repo.update(tx, id, { ...patch(before), updatedAt: clock.now(), version: before.version + 1 });
      await audit.record(tx, scope, { action: `contract.${action}`, entity: 'contract', entityId: id, customerId: before.customerId, before, after });
      await statusChanged(tx, scope, before, after);
      if (then) await then(tx, after);
      return after;
    });
  }

  /** Issue 18 §4: tells the customers module (contracts.statusChanged) when a contract's status moved, in the change's tx. */
  async function statusChanged(tx: Executor, scope: Scope, before: ContractRow | null, after: ContractRow) {
    if (before && before.status === after.status) return;
    const statuses = await repo.statusesOfCustomer(tx, after.customerId);
    await bus.emit(tx, scope, 'contracts.statusChanged', { customerId: after.customerId, contractId: after.id, from: before?.status ?? null, to: after.status, statuses });
  }

  /**
   * What keeps this customer's contract from activation (7.1, 5.10, 5.5): the customers module's readiness
   * and every answer to contracts.activationBlockers — the one list racking refuses with and the checklist shows.
   */
  async function blockers(tx: Executor, scope: Scope, customerId: string): Promise<string[]> {
    const readiness = await deps.customers.activationReadiness({ kind: 'system', reason: 'activation' }, customerId, tx);
    return [...readiness.missing, ...(await bus.ask(tx, scope, 'contracts.activationBlockers', { customerId }))];
  }

  /**
   * 第十三条 for one contract, as of `day`: each term that ended before `day` renews (new term and
   * invoice dated its first day) or, with an objection on file, the contract ends. In the caller's tx.
   */
  async function renewUpTo(tx: Executor, id: string, day: CalendarDate, calendar: Calendar, result: { renewed: number; ended: number }) {
    const system: Scope = { kind: 'system', reason: 'renewal' };
    let contract = (await repo.lock(tx, id))!;
    while (contract.status === 'active' && contract.termEnd! < day) {
      const before = contract;
      if (contract.nonRenewalNoticedAt) {
        contract = await repo.update(tx, contract.id, { status: 'ended', updatedAt: clock.now(), version: contract.version + 1 });
        await statusChanged(tx, system, before, contract);
        result.ended += 1;
      } else {
        const next = renewalTerm({ end: contract.termEnd as CalendarDate, compensationHours: contract.compensationHours }, contract.termMonths);
        contract = await repo.update(tx, contract.id, { termStart: next.start, termEnd: next.end, renewalCount: contract.renewalCount + 1, updatedAt: clock.now(), version: contract.version + 1 });
        await deps.billing.issueInvoice(tx, invoiced(contract), next.start, next.end, calendar);
        result.renewed += 1;
      }
      await audit.record(tx, system, { action: contract.status === 'ended' ? 'contract.end' : 'contract.renew', entity: 'contract', entityId: contract.id, customerId: contract.customerId, before, after: contract });
    }
  }

  /**
   * 甲方's particulars as the contract will list them, read now (when the contract is drafted) from the
   * customer record and its roster: the contract's contact person (contract_contact, else the technical
   * lead) and a 24-hour telephone (the legal representative's or technical lead's, 5.10).
   */
  async function snapshotCustomer(tx: Executor, scope: Scope, customerId: string): Promise<CustomerSnapshot> {
    const customer = await deps.customers.get(scope, customerId);
    const people = deps.roster ? await deps.roster.peopleNow(tx, customerId, 'customer') : [];
    const byRole = (role: string) => people.find((p) => p.role === role);
    const contact = byRole('contract_contact') ?? byRole('technical_lead') ?? null;
    const phone = (p: (typeof people)[number] | undefined | null) => p?.mobile ?? p?.landline ?? null;
    const around = people.filter((p) => p.available24h && (p.role === 'legal_representative' || p.role === 'technical_lead'));
    return {
      name: customer.name,
      uscc: customer.uscc,
      registeredAddress: customer.registeredAddress,
      legalRepresentative: customer.legalRepresentative ?? byRole('legal_representative')?.name ?? null,
      contactPerson: contact ? `${contact.name}${phone(contact) ? `（${phone(contact)}）` : ''}` : null,
      phone24h: phone(around[0]) ?? customer.contactPhone,
      email: contact?.email ?? customer.noticeEmail,
      noticeAddress: customer.postalAddress ?? customer.registeredAddress,
    };
  }

  /** The wording a contract was drafted under, as structured text (flat-block templates converted). */
  async function templateSource(version: string): Promise<string> {
    if (version === TEMPLATE_VERSION) return COLOCATION_2026;
    if (version === TEMPLATE_V1_VERSION) return blocksToSource(COLOCATION_V1);
    const row = await repo.template(version);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'contract_template' });
    return row.source ?? blocksToSource(row.blocks as TemplateBlock[]);
  }

  /**
   * Everything the contract's documents say, from the modules that own it, as it stands for this
   * contract: 乙方 from the provider profile version the contract was drafted under, 甲方 from the
   * snapshot taken then (the customer record for contracts drafted before snapshots), the site, the
   * servers with their placement and addresses, the customer's domain list.
   */
  async function documentFacts(scope: Scope, contract: ContractRow): Promise<{ facts: ContractFacts; sealFile: string | null }> {
    const [customer, provider, site] = await Promise.all([
      contract.customerSnapshot ? Promise.resolve(contract.customerSnapshot) : snapshotCustomer(repo.db, scope, contract.customerId),
      deps.provider.version(scope, contract.providerVersion),
      deps.floor.site(scope, contract.siteId),
    ]);
    const servers = [];
    const ips: string[] = [];
    for (const serverId of await repo.serverIds(contract.id)) {
      const s = await deps.servers.server(scope, serverId);
      servers.push({ brand: s.brand, model: s.model, serialNumber: s.serialNumber, heightU: s.heightU, cabinet: s.placement ? `${s.placement.cabinetCode}（U${s.placement.lowest}–U${s.placement.highest}）` : null });
      for (const a of await deps.ipam.allocations(scope, { serverId, activeOnly: true })) ips.push(a.address);
    }
    const domains = deps.domainList ? await deps.domainList(scope, contract.customerId) : [];
    const facts: ContractFacts = {
      number: contract.number,
      customerName: customer.name,
      providerName: provider.legalName,
      customer,
      provider: {
        name: provider.legalName,
        uscc: provider.uscc,
        registeredAddress: provider.address,
        legalRepresentative: provider.legalRepresentative,
        contactPerson: provider.contactPerson,
        phone24h: provider.phone,
        email: provider.noticeEmail,
        noticeAddress: provider.postalAddress,
        bankName: provider.bankName,
        bankAccount: provider.bankAccount,
      },
      accessPoint: site.accessPoint,
      servers,
      ips,
      domains,
      termMonths: contract.termMonths,
      termStart: contract.termStart,
      termEnd: contract.termEnd,
      annualFeeFen: contract.annualFeeFen,
      signingDate: contract.signingDate,
      signingPlace: contract.signingPlace,
    };
    return { facts, sealFile: provider.sealFile };
  }

  /**
   * The filled template of one part. As sent (issue 19 §3), it holds what was agreed at signing: the
   * particulars known only at racking (cabinet, addresses, the term's dates) and the signing date (written
   * by hand on paper) stay blank — racking puts them on the 开通确认单, never into the contract.
   */
  async function filled(scope: Scope, contract: ContractRow, part: DocumentPart, opts: { asSent: boolean }) {
    const { facts, sealFile } = await documentFacts(scope, contract);
    const shown: ContractFacts = opts.asSent
      ? { ...facts, servers: facts.servers.map((s) => ({ ...s, cabinet: null })), ips: [], termStart: null, termEnd: null, signingDate: null }
      : facts;
    return { blocks: documentPart(fillTemplate(shown, await templateSource(contract.templateVersion)), part, shown), sealFile };
  }

  const sealUri = (sealFile: string | null | undefined) => deps.provider.sealDataUri(sealFile);

  /**
   * Issue 19 §3: renders the copy sent for signature — every part, HTML and .docx, sealed, its fingerprint
   * in the footer — and stores it. Rendered before the sending's transaction (the reads are other modules');
   * recorded once: a copy already frozen stays as it was.
   */
  async function renderSent(scope: Scope, contract: ContractRow): Promise<RenderedCopy[] | null> {
    if (await deps.copies.has(contract.id, 'sent', 'contract')) return null;
    const rendered: RenderedCopy[] = [];
    for (const part of DOCUMENT_PARTS) {
      const { blocks, sealFile } = await filled(scope, contract, part, { asSent: true });
      const fingerprint = textFingerprint(blockLines(blocks));
      const opts = { number: contract.number, sealDataUri: sealUri(sealFile), fingerprint };
      rendered.push({ part, format: 'html', bytes: Buffer.from(toHtml(blocks, opts)), fingerprint });
      rendered.push({ part, format: 'docx', bytes: await toDocx(blocks, opts), fingerprint });
    }
    return rendered;
  }

  /** Records the rendered sent copy in the sending's (or signing's) transaction, audited with each file's SHA-256. */
  async function recordSent(tx: Executor, scope: Scope, contract: ContractRow, rendered: RenderedCopy[] | null) {
    if (!rendered) return;
    const files = await deps.copies.save(contract, 'sent', rendered, tx);
    await audit.record(tx, scope, { action: 'contract.freezeSent', entity: 'contract', entityId: contract.id, customerId: contract.customerId, after: { kind: 'sent', files } });
  }

  /** A sent copy missing (a contract sent before copies were kept): rendered from what was agreed and frozen now. */
  async function freezeSent(scope: Scope, contract: ContractRow) {
    const rendered = await renderSent(scope, contract);
    if (rendered) await repo.db.transaction((tx) => recordSent(tx, { kind: 'system', reason: 'contract-copy' }, contract, rendered));
  }

  /** A frozen copy's bytes; a contract sent before copies were kept (or its sent copy lost) is frozen at its first request. */
  async function frozenCopy(scope: Scope, contract: ContractRow, kind: ContractCopyKind, part: string, format: DocumentFormat) {
    if (kind === 'sent' && !(DOCUMENT_PARTS as readonly string[]).includes(part)) throw new AppError('NOT_FOUND', { entity: 'contract_document' });
    if (kind === 'sent') {
      // a draft has no sent copy yet: it is rendered fresh (document()), never frozen before it is sent
      if (contract.status === 'draft') throw new AppError('NOT_FOUND', { entity: 'contract_document' });
      await freezeSent(scope, contract);
    }
    return deps.copies.serve(contract, kind, part, format);
  }

  /** Every 开通确认单 recorded at racking and not yet rendered, rendered now with the provider's current seal. */
  async function renderActivations(scope: Scope, contract: ContractRow) {
    if (!(await deps.copies.activationsPending(contract.id))) return;
    const [customer, provider] = await Promise.all([deps.customers.get(scope, contract.customerId), deps.provider.current(scope)]);
    const sealBytes = provider.sealFile && deps.files.has(provider.sealFile) ? deps.files.get(provider.sealFile) : null;
    const png = sealBytes && sniffDocumentType(sealBytes) === 'image/png' ? sealBytes : null;
    await deps.copies.renderActivations(contract, { customerName: customer.name, providerName: provider.legalName }, { dataUri: sealUri(provider.sealFile), png });
  }

  /**
   * Issue 19 §3: what the 开通确认单 of this racking will say — the cabinet and U range just taken, the
   * server's live addresses, the 开通日 and the term — recorded in the racking's transaction.
   */
  async function recordActivation(tx: Executor, contract: ContractRow, server: ServerRow, rackedOn: CalendarDate) {
    const placement = await deps.servers.placementIn(tx, server.id);
    if (!placement) return;
    const t = contract.termStart ? { start: contract.termStart, end: contract.termEnd } : term(rackedOn, contract.termMonths, 0);
    await deps.copies.recordActivation(tx, {
      id: ids.uuid(),
      contractId: contract.id,
      customerId: contract.customerId,
      sequence: await deps.copies.nextActivationSequence(tx, contract.id),
      serverId: server.id,
      contractNumber: contract.number,
      serverLabel: `${server.brand} ${server.model}，系列号 ${server.serialNumber}，${server.heightU}U`,
      cabinet: `${placement.siteName} ${placement.roomName} ${placement.cabinetCode}`,
      lowestU: placement.lowest,
      highestU: placement.highest,
      faces: placement.faces.join(','),
      addresses: await deps.ipam.addressesIn(tx, server.id),
      activationDate: rackedOn,
      termStart: t.start,
      termEnd: t.end,
      createdAt: clock.now(),
    });
  }

  return {
    /**
     * Issue 16, contracts' answer to calendar.yearLoaded (reactions.ts), in the transaction that loads an
     * official year: every commissioning order neither completed nor breached whose deadline was computed
     * on a provisional year (5.1) is computed again with `calendar`. A moved deadline is audited with both
     * values and put on the NOC's to-do list. Closed orders keep their date and mark: what was announced
     * and done stands. (Invoice due dates are billing's answer.)
     */
    async recomputeProvisional(tx: Executor, scope: Scope, calendar: Calendar): Promise<RecomputedDeadline[]> {
      const result: RecomputedDeadline[] = [];
      for (const { order, terms, contractNumber } of await repo.lockOpenProvisionalCommissioning(tx)) {
        const deadline = workingDayDeadlineMarked(calendar, order.rackedOn as CalendarDate, (terms as ContractTerms).commissioningWorkingDays);
        const after = await repo.updateCommissioning(tx, order.id, { dueOn: deadline.date, dueOnProvisional: deadline.provisional });
        if (after.dueOn !== order.dueOn) await audit.record(tx, scope, { action: 'commissioning.recompute', entity: 'commissioning_order', entityId: order.id, customerId: order.customerId, before: order, after });
        const r: RecomputedDeadline = { kind: 'commissioning', entityId: order.id, customerId: order.customerId, number: contractNumber, label: `${contractNumber} 上架调试期限（5.1）`, before: order.dueOn, after: after.dueOn };
        result.push(r);
        if (r.before !== r.after) {
          await deps.customers.addTask(tx, { kind: DEADLINE_MOVED_TASK, role: 'noc', customerId: r.customerId, subjectId: r.entityId, dueOn: r.after, payload: { kind: r.kind, number: r.number, label: r.label, before: r.before, after: r.after } });
        }
      }
      return result;
    },

    async list(scope: Scope, filter: { customerId?: string; status?: ContractRow['status'] }) {
      requireReader(scope);
      return (await repo.list(scope, filter)).map((r) => ({ ...r.contract, customerName: r.customerName }));
    },

    async get(scope: Scope, id: string) {
      requireReader(scope);
      const contract = await load(scope, id);
      await audit.recordRead(scope, { entity: 'contract', entityId: id, customerId: contract.customerId });
      // the term clock: service ends at 24:00 Asia/Shanghai of the end date plus credited compensation (7.2)
      const serviceEndsAt = contract.termEnd ? new Date(endOfDayShanghai(contract.termEnd as CalendarDate).getTime() + contract.compensationHours * 3_600_000) : null;
      // issue 18: what the contract covers — the customer, the site, each server where it sits and its addresses
      const [customerName, site, servers] = await Promise.all([repo.customerName(contract.customerId), deps.floor.site(scope, contract.siteId), deps.servers.facts(scope, { customerId: contract.customerId, contractId: id })]);
      return {
        ...contract,
        customerName,
        site: { id: site.id, name: site.name, accessPoint: site.accessPoint },
        servers: await Promise.all(servers.map(async (s) => ({ ...s, addresses: (await deps.ipam.allocations(scope, { serverId: s.id, activeOnly: true })).map((a) => a.address) }))),
        serviceEndsAt: serviceEndsAt ? formatShanghai(serviceEndsAt) : null,
        serverIds: await repo.serverIds(id),
        invoices: await deps.billing.invoices(scope, { contractId: id }),
        commissioning: await repo.commissioning(scope, { contractId: id }),
      };
    },

    /** The contract's row as the scope may see it, without its documents (another module's view; not audited as a read). */
    async find(scope: Scope, id: string) {
      requireReader(scope);
      return load(scope, id);
    },

    /** A draft from the shipped template; its number is taken now, in this transaction, so numbers have no gaps. */
    async create(scope: Scope, input: NewContract): Promise<ContractRow> {
      requirePermission(scope, 'contract.create');
      const fields: FieldError[] = [];
      if (!(await deps.customers.exists(scope, input.customerId))) fields.push({ path: 'customerId', key: 'field.unknownCustomer' });
      let fee = 0;
      try {
        fee = parseYuan(input.annualFee, { field: 'annualFee' });
        if (fee <= 0) fields.push({ path: 'annualFee', key: 'field.invalid' });
      } catch (e) {
        fields.push({ path: 'annualFee', key: (e as { code: string }).code });
      }
      const servers: ServerRow[] = [];
      for (const [i, serverId] of input.serverIds.entries()) {
        const server = await deps.servers.findServer(scope, serverId);
        if (!server || server.customerId !== input.customerId || server.status !== 'expected' || server.contractId) fields.push({ path: `serverIds.${i}`, key: 'contracts.serverNotAvailable' });
        else servers.push(server);
      }
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      const provider = await deps.provider.current(scope);
      const now = clock.now();
      const year = Number(today().slice(0, 4));
      const terms: ContractTerms = { ...DEFAULT_CONTRACT_TERMS, ...input.terms, termMonths: input.termMonths ?? DEFAULT_CONTRACT_TERMS.termMonths };
      // read before the transaction: the customer record's read is audited on its own connection
      const customerSnapshot = await snapshotCustomer(repo.db, scope, input.customerId);
      return repo.db.transaction(async (tx) => {
        const sequence = await repo.nextNumber(tx, year);
        const templateVersion = (await repo.latestTemplate(tx))?.version ?? TEMPLATE_VERSION;
        const row: ContractRow = {
          id: ids.uuid(),
          number: contractNumber(year, sequence),
          year,
          sequence,
          customerId: input.customerId,
          siteId: input.siteId,
          providerVersion: provider.version,
          templateVersion,
          terms,
          termMonths: terms.termMonths,
          annualFeeFen: fee,
          signingPlace: input.signingPlace ?? provider.signingPlace,
          signingDate: null,
          status: 'draft',
          signedCopySha256: null,
          securityLetterSigned: false,
          userUndertakingSigned: false,
          activationDate: null,
          termStart: null,
          termEnd: null,
          compensationHours: 0,
          nonRenewalNoticedAt: null,
          renewalCount: 0,
          version: 1,
          createdAt: now,
          updatedAt: now,
          securityLetterSha256: null,
          userUndertakingSha256: null,
          customerSnapshot,
        };
        await repo.insert(tx, row);
        await repo.insertServers(tx, servers.map((s) => ({ contractId: row.id, serverId: s.id, customerId: s.customerId })));
        for (const s of servers) await deps.servers.linkContract(tx, s.id, row.id);
        await audit.record(tx, scope, { action: 'contract.create', entity: 'contract', entityId: row.id, customerId: row.customerId, after: { ...row, serverIds: input.serverIds } });
        await statusChanged(tx, scope, null, row);
        return row;
      });
    },

    /** Sent for signature: the copy sent is rendered now and frozen (issue 19 §3); it is what the customer signs. */
    async send(scope: Scope, id: string) {
      requirePermission(scope, 'contract.send');
      const draft = await load(scope, id);
      if (draft.status !== 'draft') throw new AppError('INVALID_TRANSITION', { entity: 'contract', from: draft.status, to: 'send' });
      const rendered = await renderSent(scope, draft);
      return transition(scope, id, ['draft'], () => ({ status: 'sent' }), 'send', (tx, after) => recordSent(tx, scope, after, rendered));
    },

    /** Signed: the scan of the signed contract on file, and both attachments (附件一, 附件二) signed too. */
    async sign(scope: Scope, id: string, input: { signingDate: string; securityLetterSigned: boolean; userUndertakingSigned: boolean; signedCopy: Uint8Array }) {
      requirePermission(scope, 'contract.sign');
      const fields: FieldError[] = [];
      try {
        parseDate(input.signingDate, 'signingDate');
      } catch {
        fields.push({ path: 'signingDate', key: 'field.invalid' });
      }
      if (!input.securityLetterSigned) fields.push({ path: 'securityLetterSigned', key: 'contracts.attachmentUnsigned' });
      if (!input.userUndertakingSigned) fields.push({ path: 'userUndertakingSigned', key: 'contracts.attachmentUnsigned' });
      if (!input.signedCopy.byteLength || !sniffDocumentType(input.signedCopy)) fields.push({ path: 'signedCopy', key: 'kyc.fileType' });
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      const stored = deps.files.put(input.signedCopy);
      // signed straight from the draft (never sent): what was signed is the draft's text, frozen now as the sent copy
      const current = await load(scope, id);
      const rendered = current.status === 'draft' ? await renderSent(scope, current) : null;
      return transition(
        scope,
        id,
        ['draft', 'sent'],
        () => ({ status: 'signed', signingDate: input.signingDate, securityLetterSigned: true, userUndertakingSigned: true, signedCopySha256: stored.sha256 }),
        'sign',
        (tx, after) => recordSent(tx, scope, after, rendered),
      );
    },

    /**
     * A server was racked (facility.serverRacked, see reactions.ts; 7.1, 5.1, 第四条): racking a contract's server activates
     * the contract — activation date, term, the annual invoice — and opens the commissioning order,
     * all in the racking's transaction. An unsigned contract or an unready customer refuses it.
     */
    async onServerRacked(tx: Executor, scope: Scope, server: ServerRow): Promise<void> {
      const contract = await repo.ofServer(tx, server.id);
      if (!contract) return;
      if (contract.status !== 'signed' && contract.status !== 'active') throw new AppError('ACTIVATION_REFUSED', {}, [{ path: 'contract', key: 'contracts.notSigned' }]);
      // 附件: both attachments signed as well as the contract itself
      const unsigned = [contract.securityLetterSigned ? null : 'securityLetterSigned', contract.userUndertakingSigned ? null : 'userUndertakingSigned'].filter((f): f is string => f !== null);
      if (unsigned.length) throw new AppError('ACTIVATION_REFUSED', {}, unsigned.map((path) => ({ path, key: `contracts.gap.${path}` })));
      const missing = await blockers(tx, scope, contract.customerId);
      if (missing.length) throw new AppError('ACTIVATION_REFUSED', {}, missing.map((m) => ({ path: m, key: `contracts.gap.${m}` })));
      const calendar = await deps.calendar.current(tx);
      const terms = contract.terms as ContractTerms;
      const rackedOn = shanghaiDate(server.rackedAt!);
      const now = clock.now();
      const deadline = workingDayDeadlineMarked(calendar, rackedOn, terms.commissioningWorkingDays);
      await repo.insertCommissioning(tx, {
        id: ids.uuid(),
        contractId: contract.id,
        serverId: server.id,
        customerId: contract.customerId,
        rackedOn,
        dueOn: deadline.date,
        dueOnProvisional: deadline.provisional,
        completedAt: null,
        breachedAt: null,
        createdAt: now,
      });
      await recordActivation(tx, contract, server, rackedOn);
      if (contract.status === 'active') return;
      const t = term(rackedOn, contract.termMonths, 0);
      const after = await repo.update(tx, contract.id, { status: 'active', activationDate: rackedOn, termStart: t.start, termEnd: t.end, updatedAt: now, version: contract.version + 1 });
      const invoice = await deps.billing.issueInvoice(tx, invoiced(after), t.start, t.end, calendar);
      await audit.record(tx, scope, { action: 'contract.activate', entity: 'contract', entityId: contract.id, customerId: contract.customerId, before: contract, after: { ...after, invoice } });
      await statusChanged(tx, scope, contract, after);
    },

    /** Issue 18: what would refuse activating this customer's contract now (field names, i18n under contracts.gap.*). */
    async activationBlockers(scope: Scope, customerId: string): Promise<string[]> {
      requireReader(scope);
      if (!(await deps.customers.exists(scope, customerId))) throw new AppError('NOT_FOUND', { entity: 'customer' });
      return blockers(repo.db, scope, customerId);
    },

    /** 5.1: done in time, or late (a provider breach the customer can see). */
    async completeCommissioning(scope: Scope, orderId: string) {
      requirePermission(scope, 'commissioning.complete');
      const order = await repo.findCommissioning(scope, orderId);
      if (!order) throw new AppError('NOT_FOUND', { entity: 'commissioning_order' });
      if (order.completedAt) throw new AppError('CONFLICT', { detail: 'completed' });
      const now = clock.now();
      const late = now > endOfDayShanghai(order.dueOn as CalendarDate);
      return repo.db.transaction(async (tx) => {
        const after = await repo.updateCommissioning(tx, orderId, { completedAt: now, breachedAt: late ? (order.breachedAt ?? now) : order.breachedAt });
        await audit.record(tx, scope, { action: 'commissioning.complete', entity: 'commissioning_order', entityId: orderId, customerId: order.customerId, before: order, after });
        return after;
      });
    },

    /** Catch-up safe: every open order whose deadline day has ended is marked breached, once. */
    async flagCommissioningBreaches(): Promise<number> {
      let n = 0;
      for (const order of await repo.overdueCommissioning(today())) {
        await repo.db.transaction(async (tx) => {
          const after = await repo.updateCommissioning(tx, order.id, { breachedAt: clock.now() });
          await audit.record(tx, { kind: 'system', reason: 'commissioning-deadline' }, { action: 'commissioning.breach', entity: 'commissioning_order', entityId: order.id, customerId: order.customerId, before: order, after });
          n += 1;
        });
      }
      return n;
    },

    /**
     * Issue 20 §5: an open order on the last day of its deadline (5.1) is at risk — told to whoever
     * subscribed (alert channels), each hourly run; the listener keeps one alert per order.
     */
    async warnCommissioningAtRisk(): Promise<number> {
      const scope = { kind: 'system', reason: 'commissioning-deadline' } as const;
      const due = await repo.commissioningDueToday(today());
      for (const { order, contractNumber } of due) await repo.db.transaction((tx) => deps.bus.emit(tx, scope, 'contracts.commissioningAtRisk', { order, contractNumber }));
      return due.length;
    },

    /**
     * 第十三条: at term end the contract renews itself (a new term from the next day and a new annual
     * invoice) unless a non-renewal objection is on file, in which case it ends. Unused compensation
     * hours move to the end of the renewed term. Catch-up safe: a contract several terms behind
     * renews once per missed term.
     */
    async renewDue(): Promise<{ renewed: number; ended: number }> {
      const result = { renewed: 0, ended: 0 };
      const calendar = await deps.calendar.current();
      for (const c of await repo.expiredBefore(today())) {
        await repo.db.transaction(async (tx) => renewUpTo(tx, c.id, today(), calendar, result));
      }
      return result;
    },

    /** 第十三条: either side may object to the renewal before the term ends. */
    async objectToRenewal(scope: Scope, id: string) {
      requirePermission(scope, 'contract.objectToRenewal');
      return transition(scope, id, ['active', 'signed'], (c) => {
        if (c.termEnd && c.termEnd < today()) throw new AppError('INVALID_TRANSITION', { entity: 'contract', from: 'expired', to: 'objectToRenewal' });
        return { nonRenewalNoticedAt: clock.now() };
      }, 'objectToRenewal', (tx, after) => bus.emit(tx, scope, 'contracts.renewalObjected', after));
    },

    /** 6.8 termination for cause (clause cited, no refund) or by agreement. */
    async terminate(scope: Scope, id: string, input: { kind: (typeof TERMINATION_KINDS)[number]; clause?: string }) {
      requirePermission(scope, 'contract.terminate');
      if (input.kind === 'for_cause' && !input.clause) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'clause', key: 'field.required' }]);
      return transition(scope, id, ['signed', 'active'], () => ({ status: input.kind === 'for_cause' ? 'terminated_for_cause' : 'terminated_by_agreement' }), `terminate.${input.kind}${input.clause ? `:${input.clause}` : ''}`);
    },

    /**
     * Contracts' answer to billing.sweepingDay (reactions.ts), in the sweep's transaction: every active
     * term that ended before `day` renews or ends as of that day (第十三条), oldest end first.
     */
    async renewDueAsOf(tx: Executor, day: CalendarDate, calendar: Calendar): Promise<{ renewed: number; ended: number }> {
      const result = { renewed: 0, ended: 0 };
      for (const c of await repo.expiredBefore(day, tx)) await renewUpTo(tx, c.id, day, calendar, result);
      return result;
    },

    /**
     * The contract as a document — HTML, PDF (Chromium printing that HTML) or .docx. A draft is filled from
     * the current facts every time, watermarked 草稿 and without the seal. Once sent (issue 19 §3) the
     * contract is the frozen copy that was sent for signature, served byte for byte, never regenerated.
     */
    async document(scope: Scope, id: string, format: DocumentFormat, part: DocumentPart = 'contract'): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
      requireReader(scope);
      const contract = await load(scope, id);
      const fileName = `${contract.number}-${PART_TITLES[part]}`;
      if (contract.status !== 'draft') {
        const copy = await frozenCopy(scope, contract, 'sent', part, format);
        return { bytes: copy.bytes, contentType: CONTENT_TYPES[format], fileName: `${fileName}.${format}` };
      }
      const { blocks } = await filled(scope, contract, part, { asSent: false });
      // a draft is watermarked and never sealed; the seal is the provider's, on the copies it issues
      const opts = { number: contract.number, draft: true };
      if (format === 'docx') return { bytes: await toDocx(blocks, opts), contentType: CONTENT_TYPES.docx, fileName: `${fileName}.docx` };
      const html = toHtml(blocks, opts);
      if (format === 'html') return { bytes: Buffer.from(html), contentType: CONTENT_TYPES.html, fileName: `${fileName}.html` };
      return { bytes: await deps.pdf.render(html, { footerLabel: footerLabel(opts) }), contentType: CONTENT_TYPES.pdf, fileName: `${fileName}.pdf` };
    },

    /**
     * Issue 19 §3: the versions of the contract's documents — the copy sent for signature (each part, each
     * format made so far), each 开通确认单, and the signed scans — with their SHA-256. A racking's
     * confirmation not yet rendered is rendered now, once.
     */
    async documents(scope: Scope, id: string) {
      requireReader(scope);
      const contract = await load(scope, id);
      await audit.recordRead(scope, { entity: 'contract_documents', entityId: id, customerId: contract.customerId });
      await renderActivations(scope, contract);
      const items: { kind: ContractCopyKind; part: string; format: DocumentFormat; sha256: string | null; fingerprint: string; sizeBytes: number | null; createdAt: string; url: string }[] = (await deps.copies.list(id)).map((r) => ({
        kind: r.kind,
        part: r.part,
        format: r.format,
        sha256: r.fileSha256,
        fingerprint: r.textFingerprint,
        sizeBytes: r.sizeBytes,
        createdAt: r.createdAt.toISOString(),
        url: `/api/v1/contracts/${id}/documents/${r.kind}/${r.part}?format=${r.format}`,
      }));
      // the PDF of a copy is printed at its first download: listed as downloadable before it exists
      for (const html of items.filter((i) => i.format === 'html')) {
        if (!items.some((i) => i.kind === html.kind && i.part === html.part && i.format === 'pdf')) items.push({ ...html, format: 'pdf', sha256: null, sizeBytes: null, url: html.url.replace(/format=html$/, 'format=pdf') });
      }
      const scans = [
        contract.signedCopySha256 ? { part: 'contract', sha256: contract.signedCopySha256 } : null,
        contract.securityLetterSha256 ? { part: 'security-letter', sha256: contract.securityLetterSha256 } : null,
        contract.userUndertakingSha256 ? { part: 'user-undertaking', sha256: contract.userUndertakingSha256 } : null,
      ].filter((x): x is { part: string; sha256: string } => x !== null);
      return { status: contract.status, draftDownloadable: contract.status === 'draft', items, signedScans: scans };
    },

    /**
     * Issue 22 §5 (the evidence pack): the signed scans of a contract and its attachments as stored, each with
     * its part and bytes; a scan the file store no longer holds is left out. Not audited here (the caller's read is).
     */
    async signedScans(scope: Scope, id: string) {
      requireReader(scope);
      const contract = await load(scope, id);
      const parts: [string, string | null][] = [['contract', contract.signedCopySha256], ['security-letter', contract.securityLetterSha256], ['user-undertaking', contract.userUndertakingSha256]];
      return parts.filter((p): p is [string, string] => p[1] !== null && deps.files.has(p[1])).map(([part, sha256]) => ({ part, sha256, bytes: deps.files.get(sha256) }));
    },

    /** One frozen copy: the sent copy's parts or a 开通确认单, as recorded (the PDF printed at its first request). */
    async documentCopy(scope: Scope, id: string, kind: ContractCopyKind, part: string, format: DocumentFormat) {
      requireReader(scope);
      const contract = await load(scope, id);
      if (kind === 'activation') await renderActivations(scope, contract);
      const copy = await frozenCopy(scope, contract, kind, part, format);
      const title = kind === 'activation' ? `服务开通确认单-${part.replace('confirmation-', '')}` : (PART_TITLES[part as DocumentPart] ?? part);
      return { bytes: copy.bytes, sha256: copy.row.fileSha256, contentType: CONTENT_TYPES[format], fileName: `${contract.number}-${title}.${format}` };
    },

    // --- templates and attachments (versioned wording; each attachment signed on its own scan) ---

    /** The shipped templates (colocation-v1, then colocation-2026) and every version admins added, newest last. */
    async templates(scope: Scope) {
      requireStaff(scope);
      const v1 = { version: TEMPLATE_V1_VERSION, sequence: 1, blocks: [...COLOCATION_V1], source: null, note: '随系统提供：引用《中华人民共和国民法典》', warnings: templateWarnings(COLOCATION_V1), createdBy: null, createdAt: null };
      const shipped = { version: TEMPLATE_VERSION, sequence: 1, blocks: [], source: COLOCATION_2026, note: '随系统提供（结构化文本）：按条款分段，条款引用由编号生成；引用《中华人民共和国民法典》', warnings: sourceWarnings(COLOCATION_2026), createdBy: null, createdAt: null };
      return [v1, shipped, ...(await repo.templates()).map((t) => ({ ...t, source: t.source ?? null }))];
    },

    /**
     * A new template version (admin), as blocks or as structured text (template-tree.ts). Its blanks
     * must be known fields; structured text must number its articles, clauses and items in sequence
     * and refer only to clauses it has. Citing a repealed law (《合同法》, 《担保法》 …) saves but answers
     * with warnings naming the law and its replacement. Contracts drafted from now on use it;
     * existing contracts keep theirs.
     */
    async addTemplate(scope: Scope, input: { blocks?: TemplateBlock[]; source?: string; note?: string | null }) {
      requirePermission(scope, 'contractTemplate.add');
      const fields: FieldError[] = [];
      const blocks = input.source === undefined ? (input.blocks ?? []) : [];
      const source = input.source ?? null;
      if ((source === null) === (blocks.length === 0)) fields.push({ path: source === null ? 'blocks' : 'source', key: 'field.required' });
      blocks.forEach((b, i) => {
        for (const m of b.text.matchAll(/\{\{(\w+)\}\}/g)) if (!TEMPLATE_FIELDS.includes(m[1])) fields.push({ path: `blocks.${i}.text`, key: 'field.invalid' });
      });
      if (blocks.length) {
        if (!blocks.some((b) => b.kind === 'title')) fields.push({ path: 'blocks', key: 'field.required' });
        if (blocks.filter((b) => b.kind === 'attachment').length !== 2) fields.push({ path: 'blocks', key: 'contracts.attachmentUnsigned' });
      }
      if (source !== null) {
        const { tree, errors } = parseTemplate(source);
        for (const e of errors) fields.push({ path: `source.${e.line}`, key: 'field.invalid', params: { detail: e.message } });
        for (const n of tree.nodes) for (const m of n.text.matchAll(/\{\{(\w+)\}\}/g)) if (!TEMPLATE_FIELDS.includes(m[1])) fields.push({ path: `source.${n.line}`, key: 'field.invalid' });
        if (!tree.nodes.some((n) => n.kind === 'title')) fields.push({ path: 'source', key: 'field.required' });
        if (tree.nodes.filter((n) => n.kind === 'attachment').length !== 2) fields.push({ path: 'source', key: 'contracts.attachmentUnsigned' });
      }
      if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
      const warnings = source === null ? templateWarnings(blocks) : sourceWarnings(source);
      return repo.db.transaction(async (tx) => {
        const latest = await repo.latestTemplate(tx);
        const sequence = (latest?.sequence ?? 1) + 1;
        const row = { version: `colocation-v${sequence}`, sequence, blocks, source, note: input.note ?? null, warnings, createdBy: scope.kind === 'staff' ? scope.userId : null, createdAt: clock.now() };
        await repo.insertTemplate(tx, row);
        await audit.record(tx, scope, { action: 'contractTemplate.add', entity: 'contract_template', entityId: null, after: { ...row, blocks: blocks.length, source: source === null ? null : source.length } });
        return row;
      });
    },

    /** 附件一 / 附件二 signed: its scan on file marks it signed (before or after the contract itself). */
    async signAttachment(scope: Scope, id: string, part: AttachmentPart, scan: Uint8Array) {
      requirePermission(scope, 'contract.signAttachment');
      if (!scan.byteLength || !sniffDocumentType(scan)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'kyc.fileType' }]);
      const stored = deps.files.put(scan);
      const patch = part === 'security-letter' ? { securityLetterSigned: true, securityLetterSha256: stored.sha256 } : { userUndertakingSigned: true, userUndertakingSha256: stored.sha256 };
      return transition(scope, id, ['draft', 'sent', 'signed', 'active'], () => patch, `attachment.${part}`);
    },

    // ── compensation credited by the incidents ledger (7.2), in the caller's transaction ──
    /**
     * Contracts' terms and term clocks as the ledger needs them, by id, locked until the caller's
     * transaction ends — unless `lock: false`, for a caller that only reads and rechecks under lock before writing.
     */
    async compensationBases(tx: Executor, ids: string[], opts: { lock?: boolean } = {}) {
      const rows = await (opts.lock === false ? repo.findMany(tx, ids) : repo.lockMany(tx, ids));
      const found = new Map(rows.map((c) => [c.id, { id: c.id, customerId: c.customerId, number: c.number, terms: { ...DEFAULT_CONTRACT_TERMS, ...(c.terms as Partial<ContractTerms>) }, compensationHours: c.compensationHours, termEnd: c.termEnd }]));
      for (const id of ids) if (!found.has(id)) throw new AppError('NOT_FOUND', { entity: 'contract' });
      return found;
    },
    /** Sets the credited hours from the ledger (the term clock moves the service end); audited, a no-op when unchanged. */
    async creditCompensation(tx: Executor, scope: Scope, id: string, hours: number, why: Record<string, unknown>) {
      const before = await repo.lock(tx, id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'contract' });
      if (before.compensationHours === hours) return before;
      const after = await repo.update(tx, id, { compensationHours: hours, updatedAt: clock.now(), version: before.version + 1 });
      await audit.record(tx, scope, { action: 'contract.compensation', entity: 'contract', entityId: id, customerId: before.customerId, before: { compensationHours: before.compensationHours }, after: { compensationHours: hours, ...why } });
      return after;
    },
  };
}

function templateWarnings(blocks: readonly TemplateBlock[]) {
  return repealedLawCitations(blocks.map((b) => b.text)).map((c) => ({ path: `blocks.${c.index}.text`, code: 'REPEALED_LAW' as const, cited: c.cited, repealedOn: c.repealedOn, replacedBy: c.replacedBy }));
}

/** A structured-text template's citations of repealed law, by line ("source.<line>"). */
function sourceWarnings(source: string) {
  const lines = source.split(/\r?\n/);
  return repealedLawCitations(lines).map((c) => ({ path: `source.${c.index + 1}`, code: 'REPEALED_LAW' as const, cited: c.cited, repealedOn: c.repealedOn, replacedBy: c.replacedBy }));
}

export type ContractsService = ReturnType<typeof makeContractsService>;
