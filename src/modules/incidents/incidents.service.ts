import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { DEFAULT_LOCALE, t, type Locale } from '../../core/i18n/index.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, requireStaff, systemScope, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import type { Emitter } from '../../core/reactions.js';
import { formatShanghaiMinute, lineFaultClock, shanghaiDate, DEFAULT_CONTRACT_TERMS } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ContractsService } from '../contracts/contracts.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import type { NoticesService } from '../notices/notices.service.js';
import type { TicketsService } from '../tickets/tickets.service.js';
import type { FeedGroup, IncidentRow, IncidentsRepository, InterruptionRow, LedgerLineRow, ScopeEntry } from './incidents.repository.js';
import type { IncidentCause } from './incidents.schema.js';
import { isStale, ledgerOfFeed } from './ledger.js';
import { renderTimeline } from './timeline.js';

export interface AffectedServer {
  id: string;
  customerId: string;
  contractId: string | null;
}

export interface OpenInput {
  title: string;
  cause: IncidentCause;
  causeEvidence?: string | null;
  lineFault?: boolean;
  scope: ScopeEntry[];
  /** when the service actually went down (an outage recorded after the fact); default now */
  startedAt?: Date;
  /** when the fault was reported (the 24-hour clock starts here); default startedAt */
  reportedAt?: Date;
  /** notice of cut-over work, when the cause is one (6.3) */
  noticeGivenAt?: Date | null;
  note?: string;
}

export interface IncidentPatch {
  title?: string;
  cause?: IncidentCause;
  causeEvidence?: string | null;
  lineFault?: boolean;
  startedAt?: Date;
  resolvedAt?: Date;
  noticeGivenAt?: Date | null;
  note?: string;
}

const NEAR_BREACH_MS = 4 * 3_600_000;

const actorId = (scope: Scope) => (scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null);
const numbered = (prefix: string, now: Date, id: string) => `${prefix}-${shanghaiDate(now).replace(/-/g, '')}-${id.replace(/-/g, '').slice(-6).toUpperCase()}`;

/**
 * Incidents (6.2, 6.3), the interruptions they cause per server, and the 7.2 ledger they feed:
 * every change to an incident recomputes the ledger of the contracts it touched, in the same
 * transaction, and writes the credited hours to the contract's term clock.
 */
export function makeIncidentsService(deps: {
  repo: IncidentsRepository;
  servers: Pick<ServersService, 'serversInScope' | 'setStatusIn' | 'findServer'>;
  ipam: Pick<IpamService, 'serverOfAddress'>;
  contracts: Pick<ContractsService, 'compensationBases' | 'creditCompensation' | 'get'>;
  notices: Pick<NoticesService, 'register'>;
  tickets: Pick<TicketsService, 'open'>;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
  bus: Emitter<Executor>;
}) {
  const { repo, audit, clock, ids } = deps;

  /** Scope entries → the servers behind them now (deduplicated). An unknown IP resolves to nothing. */
  async function resolveScope(tx: Executor, entries: ScopeEntry[]): Promise<AffectedServer[]> {
    const found = new Map<string, AffectedServer>();
    for (const e of entries) {
      let rows: { id: string; customerId: string; contractId: string | null }[];
      if (e.kind === 'ip') {
        const serverId = await deps.ipam.serverOfAddress(tx, e.target);
        rows = serverId ? await deps.servers.serversInScope(tx, 'server', serverId) : [];
      } else rows = await deps.servers.serversInScope(tx, e.kind, e.target);
      for (const r of rows) found.set(r.id, { id: r.id, customerId: r.customerId, contractId: r.contractId });
    }
    return [...found.values()];
  }

  async function note(tx: Executor, scope: Scope, incidentId: string, kind: Parameters<IncidentsRepository['insertUpdate']>[1]['kind'], body: string) {
    await repo.insertUpdate(tx, { id: ids.uuid(), incidentId, kind, body, authorId: actorId(scope), createdAt: clock.now() });
  }

  async function notify(tx: Executor, scope: Scope, customerIds: string[], type: string, payload: Record<string, unknown>, relatedEntity: string, relatedId: string) {
    for (const customerId of new Set(customerIds)) {
      await deps.notices.register(tx, scope, { customerId, direction: 'provider_to_customer', type, payload, relatedEntity, relatedId });
    }
  }

  function checkCause(cause: IncidentCause, evidence: string | null | undefined, path = 'causeEvidence') {
    if ((cause === 'force_majeure' || cause === 'third_party_circuit') && !evidence?.trim()) {
      throw new AppError('VALIDATION_FAILED', {}, [{ path, key: 'incident.evidenceRequired' }]);
    }
  }

  /**
   * 7.2: the ledger of each contract from all its closed interruptions — one line per merged
   * interruption that earns hours, one per interruption that earns nothing with its reason.
   * Feeds are read in one query for the batch; a ledger is rewritten (and the change audited)
   * only when its digest or its hours differ from its header, so recomputing everything is a read.
   */
  async function recompute(tx: Executor, scope: Scope, contractIds: Iterable<string>): Promise<{ contractId: string; hours: number; changed: boolean }[]> {
    const contractList = [...new Set(contractIds)];
    if (!contractList.length) return [];
    // the contracts first, locked: a concurrent recomputation of the same contract waits, then reads the feed as committed
    const bases = await deps.contracts.compensationBases(tx, contractList);
    const feeds = await repo.groupedFeedOfContracts(tx, contractList);
    const headers = await repo.ledgerHeaders(tx, contractList);
    const out: { contractId: string; hours: number; changed: boolean }[] = [];
    const now = clock.now();
    for (const [k, contractId] of contractList.entries()) {
      const basis = bases.get(contractId)!;
      const result = ledgerOfFeed(feeds[k], basis.terms);
      const digest = result.digest;
      const changed = isStale(result, basis, headers.get(contractId));
      if (changed) {
        const before = await repo.ledgerOf(systemScope('compensation'), contractId, tx);
        const lines: LedgerLineRow[] = result.lines().map((l) => ({ ...l, id: ids.uuid(), contractId, customerId: basis.customerId, computedAt: now }));
        await repo.replaceLedger(tx, { contractId, customerId: basis.customerId, hours: result.hours, lineCount: lines.length, digest, computedAt: now }, lines);
        await deps.contracts.creditCompensation(tx, scope, contractId, result.hours, { ledgerLines: lines.length });
        await audit.record(tx, scope, {
          action: 'compensation.recompute',
          entity: 'contract',
          entityId: contractId,
          customerId: basis.customerId,
          before: { hours: basis.compensationHours, lines: before.map(({ kind, fromAt, toAt, hours, reasons }) => ({ kind, fromAt, toAt, hours, reasons })) },
          after: { hours: result.hours, lines: lines.map(({ kind, fromAt, toAt, hours, reasons }) => ({ kind, fromAt, toAt, hours, reasons })) },
        });
      }
      out.push({ contractId, hours: result.hours, changed });
    }
    return out;
  }

  /** Opens an incident inside the caller's transaction: scope, servers, one interval per server, the timeline. */
  async function openIn(tx: Executor, scope: Scope, input: OpenInput & { source: IncidentRow['source']; fingerprint?: string | null; maintenanceId?: string | null; consentOf?: (customerId: string) => Date | undefined }) {
    checkCause(input.cause, input.causeEvidence);
    const now = clock.now();
    const startedAt = input.startedAt ?? now;
    // an operator cannot record the future; a monitoring host's clock may run slightly ahead of ours
    if (startedAt > now && input.source !== 'alertmanager') throw new AppError('VALIDATION_FAILED', {}, [{ path: 'startedAt', key: 'incident.inFuture' }]);
    const id = ids.uuid();
    const row: IncidentRow = {
      id,
      number: numbered('INC', startedAt, id),
      title: input.title.trim(),
      cause: input.cause,
      causeEvidence: input.causeEvidence?.trim() || null,
      lineFault: input.lineFault ?? false,
      source: input.source,
      fingerprint: input.fingerprint ?? null,
      status: 'open',
      reportedAt: input.reportedAt ?? startedAt,
      startedAt,
      resolvedAt: null,
      lineFaultBreachedAt: null,
      maintenanceId: input.maintenanceId ?? null,
      noticeGivenAt: input.noticeGivenAt ?? null,
      openedBy: actorId(scope),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await repo.insert(tx, row);
    await repo.insertScope(tx, id, input.scope);
    const servers = await resolveScope(tx, input.scope);
    await repo.insertInterruptions(
      tx,
      servers.map((s) => ({ id: ids.uuid(), incidentId: id, serverId: s.id, customerId: s.customerId, contractId: s.contractId, startedAt, endedAt: null, consentAt: input.consentOf?.(s.customerId) ?? null })),
    );
    await note(tx, scope, id, 'opened', input.note?.trim() || row.title);
    await audit.record(tx, scope, { action: 'incident.open', entity: 'incident', entityId: id, after: { ...row, scope: input.scope, servers: servers.map((s) => s.id) } });
    await deps.bus.emit(tx, scope, 'incidents.opened', { incident: row, servers: servers.length, customers: new Set(servers.map((s) => s.customerId)).size });
    return { incident: row, servers };
  }

  /** Resolves inside the caller's transaction: closes every open interval, stops the line clock, recomputes. */
  async function resolveIn(tx: Executor, scope: Scope, incident: IncidentRow, at: Date, body?: string) {
    if (incident.status !== 'open') throw new AppError('INVALID_TRANSITION', { entity: 'incident', from: incident.status, to: 'resolved' });
    if (at <= incident.startedAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'resolvedAt', key: 'incident.endBeforeStart' }]);
    if (at > clock.now()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'resolvedAt', key: 'incident.inFuture' }]);
    const closed = await repo.closeInterruptions(tx, incident.id, at);
    const clockState = incident.lineFault ? lineFaultClock(incident.reportedAt, clock.now(), at) : null;
    const after = await repo.update(tx, incident.id, {
      status: 'resolved',
      resolvedAt: at,
      lineFaultBreachedAt: incident.lineFaultBreachedAt ?? (clockState?.breached ? clock.now() : null),
      updatedAt: clock.now(),
      version: incident.version + 1,
    });
    if (clockState?.breached && !incident.lineFaultBreachedAt) await note(tx, scope, incident.id, 'line_fault_breach', `overrun ${Math.round(clockState.overrunMs / 60_000)} min`);
    await note(tx, scope, incident.id, 'resolved', body?.trim() || formatShanghaiMinute(at));
    await audit.record(tx, scope, { action: 'incident.resolve', entity: 'incident', entityId: incident.id, before: incident, after });
    await recompute(tx, scope, closed.map((c) => c.contractId).filter((c): c is string => !!c).concat(await repo.contractsOfIncident(tx, incident.id)));
    return after;
  }

  async function load(scope: Scope, id: string) {
    const row = await repo.find(scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'incident' });
    return row;
  }

  function withClock(row: IncidentRow, now: Date) {
    const c = row.lineFault ? lineFaultClock(row.reportedAt, now, row.resolvedAt ?? undefined, DEFAULT_CONTRACT_TERMS.lineFaultRepairHours) : null;
    return {
      ...row,
      lineClock: c
        ? { deadline: c.deadline, remainingMinutes: Math.floor(c.remainingMs / 60_000), breached: c.breached || row.lineFaultBreachedAt !== null, overrunMinutes: Math.ceil(c.overrunMs / 60_000), nearBreach: !c.breached && !c.resolved && c.remainingMs <= NEAR_BREACH_MS }
        : null,
    };
  }

  /** What a customer may see of an incident: no other customer's servers, no free-text evidence of others. */
  const forCustomer = (row: IncidentRow) => ({ ...row, fingerprint: null, openedBy: null });

  const service = {
    resolveScope,
    openIn,
    resolveIn,
    recompute,
    note,
    notify,
    withClock,

    async open(scope: Scope, input: OpenInput) {
      requirePermission(scope, 'incident.manage');
      const result = await repo.db.transaction(async (tx) => {
        const opened = await openIn(tx, scope, { ...input, source: 'noc' });
        await notify(tx, scope, opened.servers.map((s) => s.customerId), 'incident.opened', { number: opened.incident.number, title: opened.incident.title, startedAt: formatShanghaiMinute(opened.incident.startedAt), servers: opened.servers.length }, 'incident', opened.incident.id);
        return opened;
      });
      return { ...withClock(result.incident, clock.now()), affectedServers: result.servers.length };
    },

    async resolve(scope: Scope, id: string, input: { resolvedAt?: Date; note?: string }) {
      requirePermission(scope, 'incident.manage');
      return repo.db.transaction(async (tx) => {
        const incident = await repo.lock(tx, id);
        if (!incident) throw new AppError('NOT_FOUND', { entity: 'incident' });
        const after = await resolveIn(tx, scope, incident, input.resolvedAt ?? clock.now(), input.note);
        const customers = await repo.customersOfIncident(tx, id);
        await notify(tx, scope, customers, 'incident.resolved', { number: after.number, title: after.title, startedAt: formatShanghaiMinute(after.startedAt), resolvedAt: formatShanghaiMinute(after.resolvedAt!) }, 'incident', id);
        return withClock(after, clock.now());
      });
    },

    /** Edit or reclassify; the affected contracts' ledgers are recomputed and every change audited. */
    async update(scope: Scope, id: string, patch: IncidentPatch) {
      requirePermission(scope, 'incident.manage');
      return repo.db.transaction(async (tx) => {
        const before = await repo.lock(tx, id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'incident' });
        const cause = patch.cause ?? before.cause;
        const evidence = patch.causeEvidence !== undefined ? patch.causeEvidence?.trim() || null : before.causeEvidence;
        checkCause(cause, evidence);
        const startedAt = patch.startedAt ?? before.startedAt;
        const resolvedAt = patch.resolvedAt ?? before.resolvedAt;
        if (patch.resolvedAt && before.status !== 'resolved') throw new AppError('VALIDATION_FAILED', {}, [{ path: 'resolvedAt', key: 'incident.notResolved' }]);
        if (resolvedAt && resolvedAt <= startedAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: patch.resolvedAt ? 'resolvedAt' : 'startedAt', key: 'incident.endBeforeStart' }]);
        if (startedAt > clock.now()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'startedAt', key: 'incident.inFuture' }]);
        if (resolvedAt && resolvedAt > clock.now()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'resolvedAt', key: 'incident.inFuture' }]);
        // intervals that began with the incident move with it; those joined later (alerts) keep their own start
        if (patch.startedAt && patch.startedAt.getTime() !== before.startedAt.getTime()) await repo.shiftInterruptions(tx, id, { fromStart: before.startedAt, toStart: patch.startedAt });
        if (patch.resolvedAt && before.resolvedAt && patch.resolvedAt.getTime() !== before.resolvedAt.getTime()) await repo.shiftInterruptions(tx, id, { end: patch.resolvedAt });
        const lineFault = patch.lineFault ?? before.lineFault;
        const after = await repo.update(tx, id, {
          title: patch.title?.trim() || before.title,
          cause,
          causeEvidence: evidence,
          lineFault,
          lineFaultBreachedAt: lineFault ? before.lineFaultBreachedAt : null,
          startedAt,
          resolvedAt,
          noticeGivenAt: patch.noticeGivenAt !== undefined ? patch.noticeGivenAt : before.noticeGivenAt,
          updatedAt: clock.now(),
          version: before.version + 1,
        });
        const kind = after.cause !== before.cause ? 'reclassified' : 'edited';
        await note(tx, scope, id, kind, patch.note?.trim() || (kind === 'reclassified' ? `${before.cause} → ${after.cause}` : 'edited'));
        await audit.record(tx, scope, { action: `incident.${kind}`, entity: 'incident', entityId: id, before, after });
        const recomputed = await recompute(tx, scope, await repo.contractsOfIncident(tx, id));
        return { ...withClock(after, clock.now()), recomputed };
      });
    },

    async addNote(scope: Scope, id: string, body: string) {
      requirePermission(scope, 'incident.manage');
      return repo.db.transaction(async (tx) => {
        const incident = await repo.lock(tx, id);
        if (!incident) throw new AppError('NOT_FOUND', { entity: 'incident' });
        await note(tx, scope, id, 'note', body.trim());
        await audit.record(tx, scope, { action: 'incident.note', entity: 'incident', entityId: id, after: { body } });
        return { ok: true };
      });
    },

    /**
     * 6.3: a server whose fault disturbs the network is cut off (reason and evidence), its customer
     * told; the interval is the customer's fault and earns nothing.
     */
    async suspend(scope: Scope, input: { serverId: string; reason: string; evidence: string }) {
      requirePermission(scope, 'incident.suspendServer');
      return repo.db.transaction(async (tx) => {
        const server = await deps.servers.setStatusIn(tx, scope, input.serverId, 'suspended', input.reason);
        const opened = await openIn(tx, scope, { title: input.reason, cause: 'customer_fault', causeEvidence: input.evidence, scope: [{ kind: 'server', target: server.id }], source: 'suspension' });
        await note(tx, scope, opened.incident.id, 'suspended', `${input.reason}\n${input.evidence}`);
        await notify(tx, scope, [server.customerId], 'server.suspended', { serial: server.serialNumber, reason: input.reason, evidence: input.evidence, at: formatShanghaiMinute(opened.incident.startedAt) }, 'incident', opened.incident.id);
        return withClock(opened.incident, clock.now());
      });
    },

    async restore(scope: Scope, incidentId: string, input: { note?: string }) {
      requirePermission(scope, 'incident.suspendServer');
      return repo.db.transaction(async (tx) => {
        const incident = await repo.lock(tx, incidentId);
        if (!incident || incident.source !== 'suspension') throw new AppError('NOT_FOUND', { entity: 'incident' });
        const [entry] = await repo.scopeOf(incidentId, tx);
        const server = await deps.servers.setStatusIn(tx, scope, entry.target, 'in_service', input.note ?? 'restored');
        await note(tx, scope, incidentId, 'restored', input.note?.trim() || 'restored');
        const after = await resolveIn(tx, scope, incident, clock.now(), input.note);
        await notify(tx, scope, [server.customerId], 'server.restored', { serial: server.serialNumber, at: formatShanghaiMinute(after.resolvedAt!) }, 'incident', incidentId);
        return withClock(after, clock.now());
      });
    },

    async list(scope: Scope, filter: { status?: IncidentRow['status']; customerId?: string }) {
      requireReader(scope);
      const now = clock.now();
      return (await repo.list(scope, filter)).map((r) => withClock(scope.kind === 'customer' ? forCustomer(r) : r, now));
    },

    async get(scope: Scope, id: string) {
      requireReader(scope);
      const incident = await load(scope, id);
      if (scope.kind === 'staff') await audit.recordRead(scope, { entity: 'incident', entityId: id });
      const [updates, interruptions, scopeEntries] = await Promise.all([repo.updates(id), repo.interruptionsOf(scope, id), scope.kind === 'customer' ? Promise.resolve([]) : repo.scopeOf(id)]);
      return {
        ...withClock(scope.kind === 'customer' ? forCustomer(incident) : incident, clock.now()),
        scope: scopeEntries,
        updates: scope.kind === 'customer' ? updates.filter((u) => u.kind !== 'note' && u.kind !== 'alert').map((u) => ({ ...u, authorId: null })) : updates,
        interruptions,
      };
    },

    /** The NOC's board: open incidents, line clocks nearest their deadline first. */
    async dashboard(scope: Scope) {
      requireStaff(scope);
      const now = clock.now();
      const open = (await repo.list(scope, { status: 'open' })).map((r) => withClock(r, now));
      open.sort((a, b) => (a.lineClock?.remainingMinutes ?? Infinity) - (b.lineClock?.remainingMinutes ?? Infinity) || a.startedAt.getTime() - b.startedAt.getTime());
      return { open, nearBreach: open.filter((o) => o.lineClock?.nearBreach).length, breached: open.filter((o) => o.lineClock?.breached).length };
    },

    /** 6.3: records the breach of every open line fault whose 24 hours ran out (job; idempotent). */
    async flagLineFaultBreaches(): Promise<number> {
      const now = clock.now();
      const system = systemScope('line-fault-clock');
      let n = 0;
      for (const row of await repo.overdueLineFaults(new Date(now.getTime() - DEFAULT_CONTRACT_TERMS.lineFaultRepairHours * 3_600_000))) {
        const c = lineFaultClock(row.reportedAt, now);
        if (!c.breached) continue;
        await repo.db.transaction(async (tx) => {
          const locked = await repo.lock(tx, row.id);
          if (!locked || locked.status !== 'open' || locked.lineFaultBreachedAt) return;
          const after = await repo.update(tx, row.id, { lineFaultBreachedAt: now, updatedAt: now, version: locked.version + 1 });
          await note(tx, system, row.id, 'line_fault_breach', `deadline ${formatShanghaiMinute(c.deadline)}`);
          await audit.record(tx, system, { action: 'incident.lineFaultBreach', entity: 'incident', entityId: row.id, before: locked, after });
          n += 1;
        });
      }
      return n;
    },

    // ── the ledger (7.2) ────────────────────────────────────────────────
    async ledger(scope: Scope, contractId: string) {
      requireReader(scope);
      const contract = await deps.contracts.get(scope, contractId); // tenancy and the term clock
      const lines = await repo.ledgerOf(scope, contractId);
      const numbers = new Map<string, string>();
      for (const id of new Set(lines.flatMap((l) => l.incidentIds))) {
        const inc = await repo.find(systemScope('ledger'), id);
        if (inc) numbers.set(id, inc.number);
      }
      // issue 19 §7: an excluded line stands for one server's interruption (identical lines, one per
      // server); it names that server, so the customer can tell which of its servers each line is about
      const excluded = lines.filter((l) => l.kind === 'excluded');
      const serversOfLine = new Map<string, string[]>();
      if (excluded.length) {
        const labels = new Map<string, string>();
        const label = async (serverId: string) => {
          if (!labels.has(serverId)) {
            const server = await deps.servers.findServer(systemScope('ledger'), serverId);
            labels.set(serverId, server ? (server.name ? `${server.name} (${server.serialNumber})` : server.serialNumber) : serverId);
          }
          return labels.get(serverId)!;
        };
        const pool = new Map<string, string[]>();
        const key = (incidentId: string, from: Date, to: Date) => `${incidentId} ${from.getTime()} ${to.getTime()}`;
        for (const i of await repo.closedInterruptionsOf(contractId)) {
          const k = key(i.incidentId, i.startedAt, i.endedAt!);
          pool.set(k, [...(pool.get(k) ?? []), await label(i.serverId)]);
        }
        for (const names of pool.values()) names.sort();
        for (const l of excluded) {
          const names = pool.get(key(l.incidentIds[0], l.fromAt, l.toAt));
          const name = names?.shift();
          if (name) serversOfLine.set(l.id, [name]);
        }
      }
      return {
        contractId,
        contractNumber: contract.number,
        compensationHours: contract.compensationHours,
        termEnd: contract.termEnd,
        serviceEndsAt: contract.serviceEndsAt,
        lines: lines.map((l) => ({ ...l, incidentNumbers: l.incidentIds.map((i) => numbers.get(i) ?? i), servers: serversOfLine.get(l.id) })),
      };
    },

    async customerLedger(scope: Scope, customerId?: string) {
      requireReader(scope);
      const id = scope.kind === 'customer' ? scope.customerId : customerId;
      if (!id) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.required' }]);
      return repo.ledgerOfCustomer(scope, id);
    },

    /** Recomputes every contract with closed interruptions or a ledger (CLI, bench, after a rules change), `batch` contracts per read. */
    async recomputeAll(opts: { batch?: number; onProgress?: (e: { step: 'check' | 'recompute'; done: number; total: number }) => void } = {}): Promise<{ contracts: number; changed: number }> {
      const progress = opts.onProgress ?? (() => undefined);
      const system = systemScope('compensation-recompute');
      const size = opts.batch ?? 125;
      // 1. every contract's ledger from one snapshot, without locks: a read when nothing changed
      const { contracts, stale } = await repo.db.transaction(
        async (tx) => {
          await repo.tuneForFeedRanges(tx);
          const ids = await repo.contractsWithFeed(tx);
          const headers = await repo.ledgerHeaders(tx);
          // a contract with a ledger but no closed interruption left is recomputed too (to an empty ledger)
          const inFeed = new Set(ids);
          const emptied = [...headers.keys()].filter((id) => !inFeed.has(id));
          const run = (k: number) => {
            const feeds = repo.groupedFeedOfRun(tx, ids.slice(k, k + size));
            feeds.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
            return feeds;
          };
          let next = ids.length ? run(0) : undefined;
          const bases = await deps.contracts.compensationBases(tx, [...ids, ...emptied], { lock: false });
          const stale: string[] = [];
          const check = (id: string, feed: FeedGroup[]) => {
            const basis = bases.get(id)!;
            if (isStale(ledgerOfFeed(feed, basis.terms), basis, headers.get(id))) stale.push(id);
          };
          for (let k = 0; k < ids.length; k += size) {
            const feeds = await next!;
            // the database reads the next run while the rules work through this one; the driver sends
            // the query only after a few promise turns, so let them run before the rules take the thread
            next = k + size < ids.length ? run(k + size) : undefined;
            await new Promise((resolve) => setImmediate(resolve));
            feeds.forEach((feed, i) => check(ids[k + i], feed));
            progress({ step: 'check', done: Math.min(k + size, ids.length), total: ids.length + emptied.length });
          }
          for (const id of emptied) check(id, []);
          progress({ step: 'check', done: ids.length + emptied.length, total: ids.length + emptied.length });
          return { contracts: ids.length + emptied.length, stale };
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
      // 2. the ledgers that differ, again under lock: an edit committed since the snapshot is seen, or already did the work
      let changed = 0;
      progress({ step: 'recompute', done: 0, total: stale.length });
      for (let i = 0; i < stale.length; i += size) {
        const r = await repo.db.transaction((tx) => recompute(tx, system, stale.slice(i, i + size)));
        changed += r.filter((x) => x.changed).length;
        progress({ step: 'recompute', done: Math.min(i + size, stale.length), total: stale.length });
      }
      return { contracts, changed };
    },

    /** A customer disputes a ledger line: a ticket for the NOC with the line's facts, in the customer's language. */
    async dispute(scope: Scope, lineId: string, reason: string, locale: Locale = DEFAULT_LOCALE) {
      requireReader(scope);
      if (scope.kind !== 'customer') throw new AppError('FORBIDDEN');
      const line = await repo.findLine(scope, lineId);
      if (!line) throw new AppError('NOT_FOUND', { entity: 'compensation_line' });
      const basis = (await repo.db.transaction((tx) => deps.contracts.compensationBases(tx, [line.contractId]))).get(line.contractId)!;
      const from = formatShanghaiMinute(line.fromAt);
      const facts = t(locale, 'incident.dispute.facts', { contract: basis.number, from, to: formatShanghaiMinute(line.toAt), minutes: line.minutes, hours: line.hours, reasons: line.reasons.join(', '), line: line.id });
      return deps.tickets.open(scope, {
        type: 'compensation_dispute',
        contractId: line.contractId,
        priority: 'normal',
        subject: t(locale, 'incident.dispute.subject', { contract: basis.number, from }),
        description: `${facts}\n\n${reason.trim()}`,
      });
    },

    async timelineSvg(scope: Scope, contractId: string, locale: Locale) {
      requireReader(scope);
      const contract = await deps.contracts.get(scope, contractId);
      const rows = await repo.timelineOfContract(scope, contractId);
      return renderTimeline({ title: `${contract.number}`, now: clock.now(), intervals: rows.map((r) => ({ ...r, end: r.end ?? clock.now(), open: !r.end })), locale });
    },

    /** Interruptions as the status page shows them to the customer. */
    async interruptionsOf(scope: Scope, incidentId: string): Promise<InterruptionRow[]> {
      return repo.interruptionsOf(scope, incidentId);
    },
  };

  /**
   * Issue 20 §6: the recomputation as a background job started from the web (the CLI's
   * `compensation recompute` runs the same recomputeAll in the foreground). Its progress goes to the run's
   * row as it moves — the latest step only, one write at a time — so every page reads the same figures.
   */
  const RECOMPUTE_STALE_MS = 10 * 60_000;
  const running = new Set<Promise<void>>();

  async function runRecompute(id: string): Promise<void> {
    let pending: { step: 'check' | 'recompute'; done: number; total: number } | undefined;
    let writing: Promise<void> | undefined;
    const write = (): Promise<void> | undefined => {
      if (writing || !pending) return writing;
      const p = pending;
      pending = undefined;
      // the rows of a step are written after it in order; a failed write is retried by the next one
      writing = repo
        .progressRecomputeRun(id, p, clock.now())
        .then(() => undefined, () => undefined)
        .finally(() => {
          writing = undefined;
          void write();
        });
      return writing;
    };
    try {
      const r = await service.recomputeAll({
        onProgress: (e) => {
          pending = e;
          void write();
        },
      });
      while (writing) await writing;
      await repo.finishRecomputeRun(id, r, clock.now());
    } catch (err) {
      while (writing) await writing;
      await repo.finishRecomputeRun(id, { error: err instanceof Error ? err.message : String(err) }, clock.now()).catch(() => undefined);
    }
  }

  return {
    ...service,

    /** Starts the recomputation in the background; refused (409) while another run is unfinished. */
    async startRecompute(scope: Scope) {
      requirePermission(scope, 'compensation.recompute');
      const now = clock.now();
      // a run whose process died stops beating: after a while it no longer holds the place of the one running
      await repo.abandonStaleRecomputeRuns(new Date(now.getTime() - RECOMPUTE_STALE_MS), now);
      const row = { id: ids.uuid(), requestedBy: actorId(scope), requestedAt: now, step: 'queued' as const, done: 0, total: 0, contracts: null, changed: null, error: null, heartbeatAt: now, finishedAt: null };
      await repo.db.transaction(async (tx) => {
        await repo.insertRecomputeRun(tx, row);
        await audit.record(tx, scope, { action: 'compensation.recomputeStarted', entity: 'compensation_recompute_run', entityId: row.id, after: row });
      });
      const job = runRecompute(row.id).finally(() => running.delete(job));
      running.add(job);
      return row;
    },

    /** A run's progress and, once finished, its result. */
    async recomputeRun(scope: Scope, id: string) {
      requirePermission(scope, 'compensation.recompute');
      const row = await repo.recomputeRun(id);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'compensation_recompute_run' });
      return row;
    },

    /** The latest run (running or finished), or null: what the page shows when it opens. */
    async latestRecomputeRun(scope: Scope) {
      requirePermission(scope, 'compensation.recompute');
      return (await repo.latestRecomputeRun()) ?? null;
    },

    /** Resolves once every run this process started has finished (shutdown, tests). */
    async recomputeSettled(): Promise<void> {
      while (running.size) await Promise.all([...running]);
    },
  };
}

export type IncidentsService = ReturnType<typeof makeIncidentsService>;
