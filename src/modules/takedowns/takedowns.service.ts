import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireStaff, type Scope } from '../../core/scope.js';
import type { PdfRenderer } from '../../documents/pdf.js';
import type { FileStore } from '../../files/file-store.js';
import { sniffDocumentType } from '../../files/sniff.js';
import { formatIp, formatShanghaiMinute, parseIp, shanghaiDate, validateDomain } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ComplaintsService } from '../compliance/complaints.service.js';
import type { DomainsService } from '../compliance/domains.service.js';
import type { GateService } from '../compliance/gate.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import type { NoticesService } from '../notices/notices.service.js';
import type { ProviderService } from '../provider/provider.service.js';
import { endpointOf, probeBlocked } from './gate-probe.js';
import { ACTION_NAMES, receiptHtml } from './receipt.js';
import type { TakedownProofRow, TakedownRow, TakedownsRepository, TakedownTargetRow } from './takedowns.repository.js';
import type { TakedownAction, TakedownCheck } from './takedowns.schema.js';

export interface TakedownInput {
  issuer: string;
  documentNumber: string;
  receivedAt: string;
  deadlineAt: string;
  actions: TakedownAction[];
  reason: string;
  domains?: string[];
  ips?: string[];
  serverIds?: string[];
}

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

// compliance acts (the permission table); auditors read too, as every compliance register
const reader = (scope: Scope) => requireStaff(scope, 'compliance', 'auditor');
const actorId = (scope: Scope) => (scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null);
const invalid = (path: string, key: string, params?: Record<string, unknown>) => new AppError('VALIDATION_FAILED', {}, [{ path, key, params }]);

/** The clauses a takedown notice cites: the customer's undertakings and the provider's remedies. */
export const TAKEDOWN_CLAUSES = ['5.4', '5.6', '5.8', '6.3', '6.8'] as const;

/**
 * 违法违规网站处置 (issue 22 §4): an authority's order is registered with its document, executed in one
 * step — the servers it names suspended through the suspension flow (6.3), its names and addresses kept
 * off the gate, the gate applied at once — and proven: when the gate took effect, which gate, and the
 * blocked names asked for through the gate (HTTP 451, no TLS session). The customer is told by formal
 * notice (第九条) and the authority gets a sealed receipt. An order not lifted holds the customer's data
 * against redaction (a legal hold).
 */
export function makeTakedownsService(deps: {
  repo: TakedownsRepository;
  domains: Pick<DomainsService, 'holdersOf' | 'list'>;
  ipam: Pick<IpamService, 'holderOf'>;
  servers: Pick<ServersService, 'findServer'>;
  complaints: Pick<ComplaintsService, 'suspendServer' | 'suspensions'>;
  gate: Pick<GateService, 'apply' | 'listens' | 'bumpGateVersion'>;
  customers: Pick<CustomersService, 'get'>;
  notices: Pick<NoticesService, 'register'>;
  provider: Pick<ProviderService, 'current' | 'sealDataUri'>;
  pdf: Pick<PdfRenderer, 'render'>;
  files: FileStore;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
  /** how many times a probe asks before it records what it saw (tests may lower it) */
  probeTries?: number;
}) {
  const { repo, audit, clock, ids } = deps;

  async function load(scope: Scope, id: string): Promise<TakedownRow> {
    const row = await repo.find(scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'takedown' });
    return row;
  }

  const publicOrder = (o: TakedownRow) => {
    const { scanSha256, receiptSha256, ...rest } = o;
    return { ...rest, hasScan: scanSha256 !== null, hasReceipt: receiptSha256 !== null };
  };

  async function withDetail(scope: Scope, o: TakedownRow) {
    const [targets, proof] = await Promise.all([repo.targets([o.id]), repo.proof(o.id)]);
    return { ...publicOrder(o), targets: targets.map(({ kind, value, serverId }) => ({ kind, value, serverId })), proof: proof ?? null };
  }

  /** Whose the targets are; all must be one customer's (the notice and the hold are per customer). */
  async function resolveTargets(scope: Scope, input: TakedownInput, orderId: string): Promise<{ customerId: string; targets: TakedownTargetRow[] }> {
    const owners = new Set<string>();
    const targets: TakedownTargetRow[] = [];
    for (const [i, raw] of (input.domains ?? []).entries()) {
      const v = validateDomain(raw);
      if (!v.valid) throw invalid(`domains.${i}`, v.reason);
      for (const c of await deps.domains.holdersOf([v.normalized])) owners.add(c);
      targets.push({ orderId, kind: 'domain', value: v.normalized, serverId: null });
    }
    for (const [i, raw] of (input.ips ?? []).entries()) {
      const ip = parseIp(raw.trim());
      if (!ip) throw invalid(`ips.${i}`, 'IP_FORMAT');
      const holder = await deps.ipam.holderOf(scope, formatIp(ip));
      if (holder) owners.add(holder.customerId);
      targets.push({ orderId, kind: 'ip', value: formatIp(ip), serverId: holder?.serverId ?? null });
    }
    for (const [i, serverId] of (input.serverIds ?? []).entries()) {
      const server = await deps.servers.findServer(scope, serverId);
      if (!server) throw invalid(`serverIds.${i}`, 'field.invalid');
      owners.add(server.customerId);
      targets.push({ orderId, kind: 'server', value: server.serialNumber, serverId: server.id });
    }
    if (!targets.length) throw invalid('domains', 'takedown.noTargets');
    if (owners.size === 0) throw new AppError('TAKEDOWN_UNMAPPED', { target: targets.map((t) => t.value).join(', ') });
    if (owners.size > 1) throw invalid('domains', 'takedown.manyCustomers');
    // a domain named by an authority that no longer points at a server is still kept off the gate
    return { customerId: [...owners][0], targets: dedupe(targets) };
  }

  const dedupe = (rows: TakedownTargetRow[]) => [...new Map(rows.map((r) => [`${r.kind}|${r.value}`, r])).values()];

  function checkActions(actions: TakedownAction[], targets: TakedownTargetRow[]) {
    const has = (k: TakedownTargetRow['kind']) => targets.some((t) => t.kind === k);
    if (actions.includes('block_domain') && !has('domain')) throw invalid('actions', 'takedown.actionNeedsTarget');
    if (actions.includes('block_ip') && !has('ip')) throw invalid('actions', 'takedown.actionNeedsTarget');
    if (actions.includes('suspend_server') && !has('server') && !targets.some((t) => t.serverId)) throw invalid('actions', 'takedown.actionNeedsTarget');
  }

  /** The names a probe must find closed: the ordered domains, and every listed name on a blocked address. */
  async function namesToProbe(scope: Scope, o: TakedownRow, targets: TakedownTargetRow[]): Promise<string[]> {
    const names = new Set(targets.filter((t) => t.kind === 'domain').map((t) => t.value));
    const addresses = targets.filter((t) => t.kind === 'ip').map((t) => t.value);
    if (addresses.length) for (const d of await deps.domains.list(scope, { customerId: o.customerId })) if (d.address && addresses.includes(d.address) && d.status !== 'revoked') names.add(d.domain);
    return [...names].sort();
  }

  async function renderReceipt(scope: Scope, o: TakedownRow, targets: TakedownTargetRow[], proof: TakedownProofRow): Promise<Buffer> {
    const provider = await deps.provider.current(scope);
    const customer = await deps.customers.get(scope, o.customerId);
    const html = receiptHtml(o, targets, proof, { providerName: provider.legalName, customerName: customer.name, sealDataUri: deps.provider.sealDataUri(provider.sealFile), issuedAt: clock.now() });
    return deps.pdf.render(html, { footerLabel: `${o.number} 处置完成回执` });
  }

  return {
    async register(scope: Scope, input: TakedownInput, scan?: Upload | null) {
      requirePermission(scope, 'takedown.register');
      const receivedAt = new Date(input.receivedAt);
      const deadlineAt = new Date(input.deadlineAt);
      if (Number.isNaN(receivedAt.getTime()) || receivedAt > clock.now()) throw invalid('receivedAt', 'field.invalid');
      if (Number.isNaN(deadlineAt.getTime())) throw invalid('deadlineAt', 'field.invalid');
      if (deadlineAt < receivedAt) throw invalid('deadlineAt', 'takedown.deadlineBeforeReceived');
      if (!input.issuer.trim()) throw invalid('issuer', 'field.required');
      if (!input.documentNumber.trim()) throw invalid('documentNumber', 'field.required');
      if (!input.reason.trim()) throw invalid('reason', 'field.required');
      const actions = [...new Set(input.actions)];
      if (!actions.length) throw invalid('actions', 'field.required');
      const id = ids.uuid();
      const { customerId, targets } = await resolveTargets(scope, input, id);
      checkActions(actions, targets);
      let stored: { sha256: string; contentType: 'application/pdf' | 'image/jpeg' | 'image/png'; fileName: string } | null = null;
      if (scan) {
        const type = sniffDocumentType(scan.bytes);
        if (!scan.bytes.byteLength || !type) throw invalid('file', 'kyc.fileType');
        stored = { sha256: deps.files.put(scan.bytes).sha256, contentType: type, fileName: scan.fileName.slice(0, 200) };
      }
      const now = clock.now();
      return repo.db.transaction(async (tx) => {
        const day = shanghaiDate(now).replace(/-/g, '');
        const row: TakedownRow = {
          id,
          number: `CZ${day}-${String(await repo.nextSeq(tx, day)).padStart(3, '0')}`,
          customerId,
          issuer: input.issuer.trim(),
          documentNumber: input.documentNumber.trim(),
          scanSha256: stored?.sha256 ?? null,
          scanFileName: stored?.fileName ?? null,
          scanContentType: stored?.contentType ?? null,
          receivedAt,
          deadlineAt,
          actions,
          reason: input.reason.trim(),
          status: 'registered',
          registeredBy: actorId(scope),
          registeredAt: now,
          executedBy: null,
          executedAt: null,
          noticeId: null,
          receiptSha256: null,
          liftedAt: null,
          liftedBy: null,
          liftNote: null,
        };
        await repo.insertOrder(tx, row);
        await repo.insertTargets(tx, targets);
        await audit.record(tx, scope, { action: 'takedown.register', entity: 'takedown_order', entityId: id, customerId, after: { ...publicOrder(row), targets } });
        return { ...publicOrder(row), targets: targets.map(({ kind, value, serverId }) => ({ kind, value, serverId })), proof: null };
      });
    },

    /** The authority's document (PDF, JPEG or PNG), filed with the order. */
    async attachScan(scope: Scope, id: string, scan: Upload) {
      requirePermission(scope, 'takedown.register');
      const type = sniffDocumentType(scan.bytes);
      if (!scan.bytes.byteLength || !type) throw invalid('file', 'kyc.fileType');
      const sha256 = deps.files.put(scan.bytes).sha256;
      const row = await repo.db.transaction(async (tx) => {
        const before = await repo.lock(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'takedown' });
        const after = await repo.update(tx, id, { scanSha256: sha256, scanFileName: scan.fileName.slice(0, 200), scanContentType: type });
        await audit.record(tx, scope, { action: 'takedown.scan', entity: 'takedown_order', entityId: id, customerId: before.customerId, after: { scanSha256: sha256, fileName: after.scanFileName } });
        return after;
      });
      return withDetail(scope, row);
    },

    /**
     * One action: suspend the servers (6.3), put the order in force on the gate and apply it now, probe
     * every blocked name through the gate, record the proof, notify the customer (第九条) and seal the
     * receipt. A gate that fails to apply leaves the order registered (nothing half done is claimed).
     */
    async execute(scope: Scope, id: string) {
      requirePermission(scope, 'takedown.execute');
      const order = await load(scope, id);
      if (order.status !== 'registered') throw new AppError('TAKEDOWN_INVALID_TRANSITION', { from: order.status, to: 'execute' });
      const targets = await repo.targets([id]);

      // 6.3 suspension through the compliance flow (its own notice and audit); an already suspended server is kept as it is
      const suspensionIds: string[] = [];
      if (order.actions.includes('suspend_server')) {
        const serverIds = [...new Set(targets.filter((t) => t.serverId && (t.kind === 'server' || t.kind === 'ip')).map((t) => t.serverId!))];
        for (const serverId of serverIds) {
          const live = await deps.complaints.suspensions(scope, { serverId, liveOnly: true });
          if (live[0]) suspensionIds.push(live[0].id);
          else suspensionIds.push((await deps.complaints.suspendServer(scope, { serverId, clause: '5.4', reason: `${order.issuer}《${order.documentNumber}》：${order.reason}` })).id);
        }
      }

      // in force: the gate's block source now names its domains and addresses
      await repo.db.transaction(async (tx) => {
        const locked = await repo.lock(tx, id);
        if (locked?.status !== 'registered') throw new AppError('TAKEDOWN_INVALID_TRANSITION', { from: locked?.status ?? '—', to: 'execute' });
        await repo.update(tx, id, { status: 'executed', executedAt: clock.now(), executedBy: actorId(scope) });
        // the gate's input changed outside the tables its triggers watch: move its version in this transaction
        await deps.gate.bumpGateVersion(tx);
      });
      const applied = await deps.gate.apply(scope, { trigger: `takedown:${order.number}`, force: true });
      if (applied.outcome !== 'applied') {
        await repo.db.transaction(async (tx) => {
          await repo.update(tx, id, { status: 'registered', executedAt: null, executedBy: null });
          await deps.gate.bumpGateVersion(tx);
          await audit.record(tx, scope, { action: 'takedown.gateFailed', entity: 'takedown_order', entityId: id, customerId: order.customerId, after: { outcome: applied.outcome } });
        });
        throw new AppError('TAKEDOWN_GATE_FAILED', { outcome: applied.outcome });
      }

      // the proof: each name asked for through the gate as the authority would
      const listens = deps.gate.listens();
      const gateAt = { http: endpointOf(listens.http), tls: endpointOf(listens.https) };
      const checks: TakedownCheck[] = [];
      for (const name of await namesToProbe(scope, order, targets)) checks.push(...(await probeBlocked(gateAt, name, () => clock.now(), deps.probeTries)));
      const open = checks.find((c) => c.result !== 'blocked');
      const blockedAt = checks.length ? new Date(Math.max(...checks.map((c) => new Date(c.at).getTime()))) : 'finishedAt' in applied ? applied.finishedAt : clock.now();
      const proof: TakedownProofRow = {
        id: ids.uuid(),
        orderId: id,
        gateApplyId: 'id' in applied ? applied.id : null,
        gateFingerprint: applied.fingerprint,
        gateOutcome: applied.outcome,
        blockedAt,
        secondsToBlock: Math.max(0, Math.round((blockedAt.getTime() - order.registeredAt.getTime()) / 1000)),
        checks,
        suspensionIds,
        recordedAt: clock.now(),
      };

      const executed = await repo.db.transaction(async (tx) => {
        await repo.insertProof(tx, proof);
        const notice = await deps.notices.register(tx, scope, {
          customerId: order.customerId,
          direction: 'provider_to_customer',
          type: 'takedown.executed',
          payload: {
            number: order.number,
            issuer: order.issuer,
            documentNumber: order.documentNumber,
            reason: order.reason,
            targets: targets.map((t) => t.value).join('、'),
            actions: order.actions.map((a) => ACTION_NAMES[a] ?? a).join('、'),
            blockedAt: formatShanghaiMinute(blockedAt),
            clauses: TAKEDOWN_CLAUSES.join('、'),
          },
          relatedEntity: 'takedown_order',
          relatedId: id,
        });
        const after = await repo.update(tx, id, { noticeId: notice?.id ?? null });
        await audit.record(tx, scope, { action: 'takedown.execute', entity: 'takedown_order', entityId: id, customerId: order.customerId, after: { proof, noticeId: notice?.id ?? null } });
        return after;
      });
      if (open) {
        // recorded as seen: the proof shows the name still answering, and the desk keeps the order in view
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'proof', key: 'takedown.proofFailed', params: { name: open.name } }]);
      }

      // the sealed receipt (Chromium: outside any transaction); a failure leaves it to be made on request
      try {
        const bytes = await renderReceipt(scope, executed, targets, proof);
        const { sha256 } = deps.files.put(bytes);
        await repo.db.transaction(async (tx) => {
          await repo.update(tx, id, { receiptSha256: sha256 });
          await audit.record(tx, scope, { action: 'takedown.receipt', entity: 'takedown_order', entityId: id, customerId: order.customerId, after: { receiptSha256: sha256 } });
        });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
      return withDetail(scope, await load(scope, id));
    },

    /** The order no longer applies (the authority withdrew it): its names leave the block list at the next apply. */
    async lift(scope: Scope, id: string, note: string) {
      requirePermission(scope, 'takedown.lift');
      if (!note.trim()) throw invalid('note', 'field.required');
      const row = await repo.db.transaction(async (tx) => {
        const before = await repo.lock(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'takedown' });
        if (before.status === 'lifted') throw new AppError('TAKEDOWN_INVALID_TRANSITION', { from: before.status, to: 'lift' });
        const after = await repo.update(tx, id, { status: 'lifted', liftedAt: clock.now(), liftedBy: actorId(scope), liftNote: note.trim() });
        // a lifted order no longer keeps its names off the gate: the waker (or the minute tick) applies it
        if (before.status === 'executed') await deps.gate.bumpGateVersion(tx);
        await audit.record(tx, scope, { action: 'takedown.lift', entity: 'takedown_order', entityId: id, customerId: before.customerId, before: publicOrder(before), after: publicOrder(after) });
        return after;
      });
      return withDetail(scope, row);
    },

    async list(scope: Scope, filter: { customerId?: string; status?: TakedownRow['status'][] }) {
      reader(scope);
      const rows = await repo.list(scope, filter);
      const proofs = new Map((await Promise.all(rows.map((r) => repo.proof(r.order.id)))).filter(Boolean).map((p) => [p!.orderId, p!]));
      const targets = await repo.targets(rows.map((r) => r.order.id));
      return rows.map((r) => ({
        ...publicOrder(r.order),
        customerName: r.customerName,
        targets: targets.filter((t) => t.orderId === r.order.id).map(({ kind, value, serverId }) => ({ kind, value, serverId })),
        proof: proofs.get(r.order.id) ?? null,
      }));
    },

    async get(scope: Scope, id: string) {
      reader(scope);
      const o = await load(scope, id);
      await audit.recordRead(scope, { entity: 'takedown_order', entityId: id, customerId: o.customerId });
      return withDetail(scope, o);
    },

    async scan(scope: Scope, id: string) {
      reader(scope);
      const o = await load(scope, id);
      if (!o.scanSha256 || !o.scanContentType) throw new AppError('NOT_FOUND', { entity: 'takedown' });
      await audit.recordRead(scope, { entity: 'takedown_order', entityId: id, customerId: o.customerId });
      return { bytes: deps.files.get(o.scanSha256), contentType: o.scanContentType, fileName: o.scanFileName ?? `${o.number}.pdf` };
    },

    /** The sealed receipt: the stored one, or made now for an executed order that has none yet. */
    async receipt(scope: Scope, id: string) {
      reader(scope);
      const o = await load(scope, id);
      const proof = await repo.proof(id);
      if (!proof || o.status === 'registered') throw new AppError('NOT_FOUND', { entity: 'takedown' });
      let sha = o.receiptSha256;
      if (!sha) {
        const bytes = await renderReceipt(scope, o, await repo.targets([id]), proof);
        sha = deps.files.put(bytes).sha256;
        await repo.db.transaction(async (tx) => {
          await repo.update(tx, id, { receiptSha256: sha });
          await audit.record(tx, scope, { action: 'takedown.receipt', entity: 'takedown_order', entityId: id, customerId: o.customerId, after: { receiptSha256: sha } });
        });
      }
      await audit.recordRead(scope, { entity: 'takedown_order', entityId: id, customerId: o.customerId });
      return { bytes: deps.files.get(sha), contentType: 'application/pdf', fileName: `${o.number}-处置完成回执.pdf` };
    },

    /** For the gate: every executed order's names and addresses (no scope: the gate is the system's). */
    inForce: () => repo.inForce(),

    /** For retention and the evidence pack: the orders holding a customer's data (not lifted). */
    holding: (customerIds: string[]) => repo.holding(customerIds),

    /** The files behind a customer's orders (the evidence pack): scans and receipts. */
    async filesOf(scope: Scope, customerId: string) {
      reader(scope);
      const rows = await repo.list(scope, { customerId });
      const out: { name: string; bytes: Buffer }[] = [];
      for (const { order: o } of rows) {
        if (o.scanSha256 && deps.files.has(o.scanSha256)) out.push({ name: `takedowns/${o.number}-scan-${o.scanFileName ?? 'scan'}`, bytes: deps.files.get(o.scanSha256) });
        if (o.receiptSha256 && deps.files.has(o.receiptSha256)) out.push({ name: `takedowns/${o.number}-receipt.pdf`, bytes: deps.files.get(o.receiptSha256) });
      }
      return out;
    },
  };
}

export type TakedownsService = ReturnType<typeof makeTakedownsService>;
