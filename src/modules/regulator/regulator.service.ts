import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { actorOf, requirePermission, requireStaff, type Scope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { checkFiling, shanghaiDate, workingDayDeadline, type Calendar, type CalendarDate } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { KycService } from '../customers/kyc.service.js';
import type { DomainsService } from '../compliance/domains.service.js';
import type { FloorService } from '../facility/floor.service.js';
import type { NetworkService } from '../facility/network.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import type { ProviderService } from '../provider/provider.service.js';
import type { ComplaintsService } from '../compliance/complaints.service.js';
import { addDays } from '../../rules/index.js';
import { countLine, emptyCounts, type GateLogCounts } from './gate-log.js';
import type { FindingRow, ChangeRow, ExportRow, RegulatorRepository, RegulatorSettingsRow } from './regulator.repository.js';
import type { FindingKind, ChangeAction, RecordKind } from './regulator.schema.js';
import { buildRegister, registerBuilder, segmentFailures, validateRegister, verifiedUsers, type Register, type RegisterFailure, type RegisterSources } from './register.js';
import { RECORD_KINDS } from './regulator.schema.js';
import { kindEncoder, KIND_FILES, LAYOUT_VERSION, WRITERS, writeChange, type ChangeEntry, type Field } from './writer.js';
import { makeZipWriter, type ZipEntryWriter, type ZipListing } from './zip.js';

/** A name's A and AAAA records; an error with code ENOTFOUND/ENODATA means the name does not resolve. */
export interface Resolver {
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
}

/** A finding as the reconciliation sees it, before it is stored. */
interface Sighting {
  kind: FindingKind;
  subject: string;
  serverIp?: string | null;
  customerId?: string | null;
  serverId?: string | null;
  hits: number;
  detail: Record<string, unknown>;
}

/** Reconcile this many days back at most when the job has never run or was down long (the log is rotated anyway). */
const RECON_CATCH_UP_DAYS = 7;
/** DNS look-ups in flight at once. */
const DNS_PARALLEL = 16;

/** IP segments read, checked and encoded at a time in a full export. */
const SEGMENT_BATCH = 5000;

/** A full export's kinds in the order they are written (their files' order in the archive is RECORD_KINDS'). */
const WRITE_ORDER: readonly RecordKind[] = [...RECORD_KINDS.filter((k) => k !== 'service' && k !== 'ip_segment' && k !== 'user' && k !== 'occupied'), 'service', 'ip_segment', 'user', 'occupied'];

/** Working days to report a change when the province has no setting of its own. */
export const DEFAULT_REPORT_WORKING_DAYS = 5;

/** What another module's change means for a record (the recorder's input). */
export interface ChangeInput {
  kind: RecordKind;
  recordKey: string;
  action: ChangeAction;
  /** what happened, in the recording module's words: 'ipam.allocated', 'kyc.verified', … */
  cause: string;
  customerId?: string | null;
  detail?: Record<string, unknown>;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface ExportResult {
  export: ExportRow;
  path: string;
  files: { name: string; sha256: string; bytes: number }[];
}

const headerOf = <T>(write: (r: T) => Field[], blank: T = {} as T) => write(blank).map(([name]) => name);
const BLANK_CHANGE: ChangeEntry = { seq: 0, kind: 'user', recordKey: '', action: '', cause: '', occurredAt: new Date(0), dueOn: '', detail: {} };
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * The change register (issue 22 §1): other modules' changes reach it through the reaction bus
 * (regulator/reactions.ts), inside their own transactions; `record` computes the reporting deadline on the
 * working-day calendar — N working days, a setting per province, 5 by default.
 */
export function makeRegulatorChanges(deps: { repo: RegulatorRepository; calendar: { current(tx?: Executor): Promise<Calendar> }; clock: Clock; ids: IdGenerator }) {
  const { repo, clock, ids } = deps;
  return {
    async dueOn(tx: Executor, at: Date): Promise<CalendarDate> {
      const settings = await repo.settings(tx);
      const days = (await repo.workingDays(tx, settings.province)) ?? DEFAULT_REPORT_WORKING_DAYS;
      return workingDayDeadline(await deps.calendar.current(tx), shanghaiDate(at), days);
    },
    /** One row in the caller's transaction: if the change rolls back, so does its register row. */
    async record(tx: Executor, input: ChangeInput): Promise<void> {
      const now = clock.now();
      await repo.insertChange(tx, {
        id: ids.uuid(),
        kind: input.kind,
        recordKey: input.recordKey,
        action: input.action,
        cause: input.cause,
        customerId: input.customerId ?? null,
        detail: input.detail ?? {},
        occurredAt: now,
        dueOn: await this.dueOn(tx, now),
        status: 'pending',
        exportId: null,
        resultCode: null,
        rejectReason: null,
      });
    },
  };
}
export type RegulatorChanges = ReturnType<typeof makeRegulatorChanges>;

/**
 * The regulator's view (issue 22 §1–2): the basic-data register assembled from the other modules'
 * services, checked, and exported as a full snapshot or the changes since the last acknowledged export —
 * XML and CSV per record kind, zipped with a SHA-256 manifest; the regulator's answer recorded.
 */
export function makeRegulatorService(deps: {
  repo: RegulatorRepository;
  changes: RegulatorChanges;
  provider: Pick<ProviderService, 'current'>;
  floor: Pick<FloorService, 'sites' | 'rooms' | 'cabinets'>;
  network: Pick<NetworkService, 'switches' | 'portInventory'>;
  servers: Pick<ServersService, 'registerServers'>;
  ipam: Pick<IpamService, 'registerSegments' | 'eachRegisterSegment' | 'activeAddresses' | 'holderOf' | 'allocationsWithoutServer'>;
  kyc: Pick<KycService, 'registerUsers'>;
  domains: Pick<DomainsService, 'registerServices' | 'verifiedDomains'>;
  complaints: Pick<ComplaintsService, 'intake'>;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
  /** the gate's access log (GATE_DIR/gate-access.log) and its rotated predecessor (.1) */
  gateLog: string;
  /** DNS look-ups (node:dns/promises by default; tests hand in their own) */
  resolver: Resolver;
  /**
   * The database takes several statements at once (PostgreSQL's pool): a full export opens the IP segments'
   * cursor while it reads the rest. Not on the embedded database (one connection, held by a transaction).
   */
  overlapReads?: boolean;
}) {
  const { repo, audit, clock, ids } = deps;
  const reader = (scope: Scope) => requireStaff(scope, 'compliance', 'auditor');

  /** Everything the register reads but its IP segments (the export reads those a batch at a time). */
  async function sourcesButSegments(scope: Scope): Promise<Omit<RegisterSources, 'segments'>> {
    const settings = await repo.settings();
    let provider: Awaited<ReturnType<ProviderService['current']>> | null = null;
    try {
      provider = await deps.provider.current(scope);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
    }
    // side by side on PostgreSQL's pool (the embedded database takes them one after another by itself)
    const [sites, rooms, cabinets, switches, ports, servers, users, services] = await Promise.all([
      deps.floor.sites(scope),
      deps.floor.rooms(scope),
      deps.floor.cabinets(scope),
      deps.network.switches(scope),
      deps.network.portInventory(scope),
      deps.servers.registerServers(scope),
      deps.kyc.registerUsers(scope),
      deps.domains.registerServices(scope),
    ]);
    const bandwidth = new Map<string, number>();
    for (const p of ports) if (p.assignment) bandwidth.set(p.assignment.serverId, (bandwidth.get(p.assignment.serverId) ?? 0) + p.assignment.bandwidthMbps);
    return { settings, provider, sites, rooms, cabinets, switches, users, services, servers, bandwidth };
  }

  async function sources(scope: Scope): Promise<RegisterSources> {
    const [rest, segments] = await Promise.all([sourcesButSegments(scope), deps.ipam.registerSegments(scope)]);
    return { ...rest, segments };
  }

  /** An incremental file is checked for the records it names: the users of its changes verified, its services' filings well-formed. */
  function validateChanges(users: Map<string, RegisterSources['users'][number]>, changes: ChangeRow[]): RegisterFailure[] {
    const failures: RegisterFailure[] = [];
    const seen = new Set<string>();
    for (const c of changes) {
      if (c.action === 'delete') continue;
      if (c.customerId && !seen.has(c.customerId)) {
        seen.add(c.customerId);
        const u = users.get(c.customerId);
        if (!u?.verified_id_number) failures.push({ kind: 'user', recordKey: c.customerId, reason: 'user.notVerified', detail: u?.name });
      }
      if (c.kind === 'service') {
        const d = c.detail as { filingNumber?: string; use?: 'commercial' | 'non_commercial'; psbNumber?: string | null };
        const check = checkFiling(d.use ?? 'non_commercial', d.filingNumber ?? '', d.psbNumber ?? null);
        if (!check.valid) failures.push({ kind: 'service', recordKey: c.recordKey, reason: 'service.filingInvalid', detail: d.filingNumber });
      }
      if (c.kind === 'ip_segment' && !c.customerId) failures.push({ kind: 'ip_segment', recordKey: c.recordKey, reason: 'segment.noUser' });
    }
    return failures;
  }

  const refused = (failures: RegisterFailure[]) =>
    new AppError(
      'REGULATOR_EXPORT_INVALID',
      { count: failures.length },
      failures.map((f) => ({ path: `${f.kind}:${f.recordKey}`, key: `regulator.failure.${f.reason}`, params: { key: f.recordKey, detail: f.detail ?? '' } })),
    );

  async function readGateLog(day: CalendarDate): Promise<GateLogCounts> {
    const counts = emptyCounts();
    for (const path of [`${deps.gateLog}.1`, deps.gateLog]) {
      if (!existsSync(path)) continue;
      const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const line of lines) countLine(counts, line, day);
    }
    return counts;
  }

  const NOT_RESOLVING = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ESERVFAIL']);
  async function addressesOf(name: string): Promise<string[] | 'unknown'> {
    const out: string[] = [];
    let definite = 0;
    for (const ask of [deps.resolver.resolve4, deps.resolver.resolve6]) {
      try {
        out.push(...(await ask.call(deps.resolver, name)));
        definite += 1;
      } catch (err) {
        if (NOT_RESOLVING.has((err as { code?: string }).code ?? '')) definite += 1;
      }
    }
    // a timeout or refusal says nothing about the name: no finding on a guess
    return definite === 2 ? out : 'unknown';
  }

  /** What the gate's log, IPAM, KYC and DNS show today that the register's regulator would flag. */
  async function sightings(scope: Scope, day: CalendarDate): Promise<{ lines: number; found: Sighting[] }> {
    const found: Sighting[] = [];
    const log = await readGateLog(day);
    for (const r of log.refused.values()) {
      const holder = await deps.ipam.holderOf(scope, r.serverIp);
      found.push({ kind: r.proto === 'http' ? 'unfiled_host' : 'unfiled_sni', subject: `${r.name}@${r.serverIp}`, serverIp: r.serverIp, customerId: holder?.customerId ?? null, serverId: holder?.serverId ?? null, hits: r.hits, detail: { name: r.name, day } });
    }
    const live = new Set((await deps.ipam.activeAddresses(scope)).map((a) => a.address));
    for (const [address, hits] of log.answered) if (!live.has(address)) found.push({ kind: 'unallocated_ip', subject: address, serverIp: address, hits, detail: { day } });
    const verified = new Set((await deps.kyc.registerUsers(scope)).filter((u) => u.verified_id_number).map((u) => u.id));
    for (const a of await deps.ipam.allocationsWithoutServer(scope)) found.push({ kind: 'allocation_no_user', subject: a.address, serverIp: a.address, customerId: a.customerId, hits: 0, detail: { reason: 'no_server' } });
    for (const x of await deps.ipam.registerSegments(scope)) {
      if (x.live && x.customer_id && !verified.has(x.customer_id)) {
        found.push({ kind: 'allocation_no_user', subject: `${x.first_address}-${x.last_address}`, serverIp: x.first_address, customerId: x.customer_id, hits: 0, detail: { reason: 'user_not_verified', addresses: x.addresses } });
      }
    }
    const domains = await deps.domains.verifiedDomains(scope);
    for (let i = 0; i < domains.length; i += DNS_PARALLEL) {
      const batch = domains.slice(i, i + DNS_PARALLEL);
      const answers = await Promise.all(batch.map((d) => addressesOf(d.domain)));
      batch.forEach((d, j) => {
        const a = answers[j];
        if (a !== 'unknown' && !a.includes(d.address)) {
          found.push({ kind: 'filing_not_resolving', subject: d.domain, serverIp: d.address, customerId: d.customerId, serverId: d.serverId, hits: 0, detail: { filingNumber: d.filingNumber, resolvesTo: a } });
        }
      });
    }
    return { lines: log.lines, found };
  }

  /** Kinds that describe a state (not traffic): an open finding no longer seen is cleared. */
  const STATE_KINDS: FindingKind[] = ['allocation_no_user', 'filing_not_resolving'];

  async function reconcileDay(scope: Scope, day: CalendarDate): Promise<number | null> {
    const { lines, found } = await sightings(scope, day);
    const now = clock.now();
    return repo.db.transaction(async (tx) => {
      if (!(await repo.claimReconDay(tx, { day, ranAt: now, logLines: lines, findings: found.length }))) return null;
      const dueOn = await deps.changes.dueOn(tx, now);
      for (const f of found) {
        await repo.upsertFinding(tx, {
          id: ids.uuid(),
          kind: f.kind,
          subject: f.subject.slice(0, 400),
          serverIp: f.serverIp ?? null,
          customerId: f.customerId ?? null,
          serverId: f.serverId ?? null,
          hits: f.hits,
          detail: f.detail,
          firstSeenOn: day,
          lastSeenOn: day,
          dueOn,
          status: 'open',
          complaintId: null,
          closedBy: null,
          closedAt: null,
        });
      }
      const seen = new Set(found.filter((f) => STATE_KINDS.includes(f.kind)).map((f) => `${f.kind} ${f.subject}`));
      for (const kind of STATE_KINDS) {
        for (const open of await repo.openFindings(tx, kind)) {
          if (!seen.has(`${kind} ${open.subject}`)) await repo.updateFinding(tx, open.id, { status: 'cleared', closedAt: now, closedBy: 'reconciliation' });
        }
      }
      await audit.record(tx, scope, { action: 'regulator.reconcile', entity: 'regulator_recon_run', entityId: day, after: { day, logLines: lines, findings: found.length } });
      return found.length;
    });
  }

  type EncodeKind = <T>(file: string, element: string, header: readonly string[], write: (r: T) => Field[], feed: (add: (rows: Iterable<T>) => Promise<void>) => Promise<void>) => Promise<void>;
  type SegmentRows = RegisterSources['segments'];

  /**
   * A full export's records, every kind in order, through `encodeKind`: the register in steps (registerBuilder).
   * The IP segments, by far the most records, go from a cursor through their checks into the zip a batch at a
   * time; any failure found, nothing more is encoded and the whole list is the refusal (the zip is not written).
   * The cursor's first batch waits for the database to sort every segment (the longest wait of the export): on
   * PostgreSQL the cursor is opened first, on a connection of its own, and the other sources are read and the
   * kinds before the segments encoded meanwhile. The embedded database has one connection, which the cursor's
   * transaction would hold: there the cursor is opened when the segments' turn comes.
   */
  async function writeRegister(scope: Scope, counts: Record<string, number>, begin: (file: string) => void, encodeKind: EncodeKind): Promise<void> {
    let open!: (take: (rows: SegmentRows) => Promise<void>) => void;
    let abandon!: (err: Error) => void;
    const taker = new Promise<(rows: SegmentRows) => Promise<void>>((resolve, reject) => {
      open = resolve;
      abandon = reject;
    });
    taker.catch(() => undefined);
    const readSegments = () => deps.ipam.eachRegisterSegment(scope, SEGMENT_BATCH, async (rows) => (await taker)(rows));
    const early = deps.overlapReads ? readSegments() : undefined;
    // its failure is reported where it is awaited (below, or in `finally`)
    early?.catch(() => undefined);
    try {
      const src = await sourcesButSegments(scope);
      const reg = registerBuilder(src);
      const verified = verifiedUsers(src.users);
      const badSegments: RegisterFailure[] = [];
      let rest: ReturnType<typeof reg.rest> | undefined;
      for (const kind of RECORD_KINDS) {
        begin(KIND_FILES[kind].file);
        // the manifest's counts in RECORD_KINDS' order too
        counts[kind] = 0;
      }
      // the services need no segment: written before them, while the database sorts the segments
      for (const kind of WRITE_ORDER) {
        const { file, element } = KIND_FILES[kind];
        const write = WRITERS[kind] as (r: unknown) => Field[];
        if (kind === 'ip_segment') {
          let n = 0;
          await encodeKind(file, element, headerOf(write), write, async (add) => {
            open(async (rows) => {
              const records = reg.segments(rows);
              n += records.length;
              badSegments.push(...segmentFailures(records, verified));
              if (!badSegments.length) await add(records);
            });
            await (early ?? readSegments());
          });
          counts[kind] = n;
          continue;
        }
        if (kind === 'user' || kind === 'occupied') {
          if (!rest) {
            rest = reg.rest();
            const failures = [...validateRegister({ operator: reg.operator, user: rest.user, service: rest.service, ip_segment: [] }), ...badSegments];
            if (failures.length) throw refused(failures);
          }
        }
        const records = (kind === 'user' || kind === 'occupied' ? rest![kind] : reg[kind]) as unknown[];
        await encodeKind(file, element, headerOf(write), write, (add) => add(records));
        counts[kind] = records.length;
      }
    } finally {
      // a cursor opened early and never given its batches' reader (the sources failed): its transaction ends
      abandon(new Error('regulator export: the register was not written'));
      await early?.catch(() => undefined);
    }
  }

  const service = {
    /**
     * The daily reconciliation (issue 22 §3), catch-up safe: each day after the last reconciled one up to
     * `through` (default yesterday, Beijing time; at most a week back) is reconciled once.
     */
    async reconcile(scope: Scope, opts: { through?: CalendarDate } = {}): Promise<{ days: CalendarDate[]; findings: number }> {
      requirePermission(scope, 'regulator.reconcile');
      if (opts.through !== undefined && !(typeof opts.through === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(opts.through))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'through', key: 'field.date' }]);
      const through = opts.through ?? addDays(shanghaiDate(clock.now()), -1);
      const last = await repo.lastReconDay();
      let day = last ? addDays(last as CalendarDate, 1) : through;
      if (day < addDays(through, -RECON_CATCH_UP_DAYS)) day = addDays(through, -RECON_CATCH_UP_DAYS);
      const days: CalendarDate[] = [];
      let findings = 0;
      for (; day <= through; day = addDays(day, 1)) {
        const n = await reconcileDay(scope, day);
        if (n === null) continue;
        days.push(day);
        findings += n;
      }
      return { days, findings };
    },

    async findings(scope: Scope, filter: { status?: FindingRow['status']; kind?: FindingKind; limit?: number; id?: string }) {
      reader(scope);
      const today = shanghaiDate(clock.now());
      return (await repo.findings({ ...filter, limit: filter.limit ?? 500 })).map((f) => ({ ...f, overdue: f.status === 'open' && f.dueOn < today }));
    },

    /**
     * One step from a finding to a complaint/violation (5.6 unfiled site on our IP; 5.11 filing data no longer
     * true) through the compliance service; the finding then points at it.
     */
    async convertFinding(scope: Scope, id: string) {
      requirePermission(scope, 'regulator.finding');
      // one transaction: the complaint (through the compliance service, joining it) and the finding's mark
      // commit together — a finding is never left open beside its complaint, nor marked without one
      return repo.db.transaction(async (tx) => {
        const open = await repo.lockFinding(tx, id);
        if (!open) throw new AppError('NOT_FOUND', { entity: 'regulator_finding' });
        if (open.status !== 'open') throw new AppError('REGULATOR_FINDING_CLOSED');
        const unfiled = open.kind === 'unfiled_host' || open.kind === 'unfiled_sni';
        const name = typeof open.detail.name === 'string' ? open.detail.name : open.kind === 'filing_not_resolving' ? open.subject : null;
        const complaint = await deps.complaints.intake(
          scope,
          {
            source: '监管对账 regulator reconciliation',
            category: unfiled || open.kind === 'filing_not_resolving' ? 'unfiled_site' : 'other',
            description: `${open.kind}: ${open.subject} (${open.hits} hits, ${open.firstSeenOn}–${open.lastSeenOn})`,
            ip: open.serverIp,
            domain: unfiled ? null : name,
          },
          tx,
        );
        const after = await repo.updateFinding(tx, id, { status: 'converted', complaintId: complaint.id, closedAt: clock.now(), closedBy: actorOf(scope).actorLogin ?? 'system' });
        await audit.record(tx, scope, { action: 'regulator.finding.convert', entity: 'regulator_finding', entityId: id, customerId: complaint.customerId, before: open, after });
        return complaint;
      }).then(async (complaint) => ({ finding: (await service.findings(scope, { id, limit: 1 }))[0], complaint }));
    },

    async dismissFinding(scope: Scope, id: string, note: string) {
      requirePermission(scope, 'regulator.finding');
      if (!note.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'note', key: 'field.required' }]);
      await repo.db.transaction(async (tx) => {
        const open = await repo.lockFinding(tx, id);
        if (!open) throw new AppError('NOT_FOUND', { entity: 'regulator_finding' });
        if (open.status !== 'open') throw new AppError('REGULATOR_FINDING_CLOSED');
        const after = await repo.updateFinding(tx, id, { status: 'dismissed', closedAt: clock.now(), closedBy: actorOf(scope).actorLogin ?? 'system', detail: { ...open.detail, dismissNote: note.trim().slice(0, 500) } });
        await audit.record(tx, scope, { action: 'regulator.finding.dismiss', entity: 'regulator_finding', entityId: id, before: open, after });
      });
      return (await service.findings(scope, { id, limit: 1 }))[0];
    },

    async settings(scope: Scope) {
      reader(scope);
      const settings = await repo.settings();
      return { ...settings, workingDays: (await repo.workingDays(repo.db, settings.province)) ?? DEFAULT_REPORT_WORKING_DAYS };
    },
    async updateSettings(scope: Scope, input: Partial<Pick<RegulatorSettingsRow, 'licenceNumber' | 'province' | 'houseNature' | 'houseOfficer' | 'houseOfficerPhone'>> & { workingDays?: number }) {
      requirePermission(scope, 'regulator.settings');
      if (input.province !== undefined && !/^[0-9]{6}$/.test(input.province)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'province', key: 'field.invalid' }]);
      if (input.workingDays !== undefined && !(Number.isInteger(input.workingDays) && input.workingDays >= 1 && input.workingDays <= 60)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'workingDays', key: 'field.invalid' }]);
      return repo.db.transaction(async (tx) => {
        const before = await repo.settings(tx);
        const { workingDays, ...patch } = input;
        const after = await repo.updateSettings(tx, { ...patch, updatedAt: clock.now() });
        if (workingDays !== undefined) await repo.setWorkingDays(tx, after.province, workingDays);
        await audit.record(tx, scope, { action: 'regulator.settings', entity: 'regulator_settings', entityId: '1', before, after: { ...after, workingDays } });
        return { ...after, workingDays: (await repo.workingDays(tx, after.province)) ?? DEFAULT_REPORT_WORKING_DAYS };
      });
    },

    /** The register as it stands now (every record kind), from the other modules' services. */
    async register(scope: Scope): Promise<Register> {
      reader(scope);
      return buildRegister(await sources(scope));
    },

    /**
     * One record kind of the register as it stands now, a page of it, in the file's field order (the writer's),
     * with the number of records of every kind.
     */
    async registerPage(scope: Scope, kind: RecordKind, page: { offset: number; limit: number }) {
      reader(scope);
      const reg = buildRegister(await sources(scope));
      const write = WRITERS[kind] as (r: unknown) => Field[];
      const rows = reg[kind] as unknown[];
      const counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, reg[k].length])) as Record<RecordKind, number>;
      return {
        kind,
        fields: headerOf(write),
        items: rows.slice(page.offset, page.offset + page.limit).map((r) => Object.fromEntries(write(r))),
        total: rows.length,
        counts,
      };
    },

    /** Every reason the register could not be exported now (empty: it can). */
    async validate(scope: Scope): Promise<RegisterFailure[]> {
      reader(scope);
      return validateRegister(buildRegister(await sources(scope)));
    },

    /**
     * Writes a zip into `dir`: a full snapshot (every record, and the change-register rows it covers), or an
     * incremental file (the change-register rows after the last acknowledged export, or since an instant).
     * Every failure of validation is listed in the refusal and nothing is written.
     */
    async export(scope: Scope, input: { mode: 'full' | 'incremental'; since?: Date | null; dir: string }): Promise<ExportResult> {
      requirePermission(scope, 'regulator.export');
      if (input.mode !== 'full' && input.mode !== 'incremental') throw new AppError('VALIDATION_FAILED', {}, [{ path: 'mode', key: 'field.invalid' }]);
      if (input.since != null && (!(input.since instanceof Date) || Number.isNaN(input.since.getTime()))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'since', key: 'field.instant' }]);
      if (input.mode === 'full' && input.since) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'since', key: 'regulator.sinceWithFull' }]);
      const now = clock.now();
      const counts: Record<string, number> = {};
      const attrs = `layout="${LAYOUT_VERSION}" generated="${now.toISOString()}"`;
      // each kind's XML and CSV stream into the zip as they are encoded; the files' listing keeps the order begun
      const zip = makeZipWriter();
      const ended: Promise<ZipListing>[] = [];
      // a file's place in the archive is where it was begun: a full export begins every kind's files at once, in
      // order, and may then write one before another (the services while the segments are sorted)
      const begun = new Map<string, { xml: ZipEntryWriter; csv: ZipEntryWriter }>();
      const places = new Map<string, number>();
      const begin = (file: string) => {
        for (const name of [`${file}.xml`, `${file}.csv`]) places.set(name, places.size);
        const files = { xml: zip.entry(`${file}.xml`), csv: zip.entry(`${file}.csv`) };
        begun.set(file, files);
        return files;
      };
      const encodeKind: EncodeKind = async (file, element, header, write, feed) => {
        const { xml, csv } = begun.get(file) ?? begin(file);
        const enc = kindEncoder(element, `${element}List`, header, write, attrs, { xml: (t) => xml.write(t), csv: (t) => csv.write(t) });
        await feed((rows) => enc.add(rows));
        await enc.end();
        // not awaited here: the deflate streams finish on the thread pool while the next kind is encoded
        ended.push(xml.end(), csv.end());
      };
      mkdirSync(input.dir, { recursive: true });
      const id = ids.uuid();
      let partial: string | undefined;
      try {
        if (input.mode === 'full') await writeRegister(scope, counts, begin, encodeKind);
        // read before the transaction (the embedded database has one connection, and the transaction holds it):
        // an incremental file covers the changes up to the newest one now, and needs the identity of their
        // customers only (a change recorded meanwhile goes into the next file)
        let users = new Map<string, RegisterSources['users'][number]>();
        let ceiling: number | undefined;
        if (input.mode === 'incremental') {
          ceiling = await repo.maxChangeSeq(repo.db);
          const from = input.since ? 0 : await repo.lastAcknowledgedSeq(repo.db);
          const ids = await repo.changeCustomerIds(from, ceiling, input.since ?? undefined);
          users = new Map((await deps.kyc.registerUsers(scope, ids)).map((u) => [u.id, u]));
        }
        return await repo.db.transaction(async (tx) => {
          await repo.lockExports(tx);
          const since = input.mode === 'incremental' && input.since ? input.since : undefined;
          const afterSeq = input.mode === 'incremental' && !since ? await repo.lastAcknowledgedSeq(tx) : 0;
          const throughSeq = ceiling ?? (await repo.maxChangeSeq(tx));
          const changes = (await repo.changesAfter(tx, afterSeq, since)).filter((c) => c.seq <= throughSeq);
          if (input.mode === 'incremental') {
            const failures = validateChanges(users, changes);
            if (failures.length) throw refused(failures);
          }
          const entries: ChangeEntry[] = changes.map((c) => ({ seq: c.seq, kind: c.kind, recordKey: c.recordKey, action: c.action, cause: c.cause, occurredAt: c.occurredAt, dueOn: c.dueOn, detail: c.detail }));
          await encodeKind('changes', 'change', headerOf(writeChange, BLANK_CHANGE), writeChange, (add) => add(entries));
          counts.changes = entries.length;
          const fileName = `rackpact-regulator-${input.mode}-${stamp(now)}-${id.slice(0, 8)}.zip`;
          // listed in the archive's order, whatever order the files were written in
          const listing = (await Promise.all(ended)).sort((a, b) => places.get(a.name)! - places.get(b.name)!);
          const manifest = JSON.stringify(
            { mode: input.mode, exportId: id, generatedAt: now.toISOString(), since: since?.toISOString() ?? null, afterSeq, throughSeq, counts, layout: LAYOUT_VERSION, algorithm: 'SHA-256', files: listing },
            null,
            2,
          );
          // the manifest's hashes are of the uncompressed bytes
          await zip.add('manifest.json', manifest);
          await zip.add('SHA256SUMS', listing.map((f) => `${f.sha256}  ${f.name}\n`).join(''));
          const path = resolve(join(input.dir, fileName));
          partial = `${path}.partial`;
          const archive = await zip.finish(partial);
          const row = await repo.insertExport(tx, {
            id,
            mode: input.mode,
            since: since ?? null,
            afterSeq,
            throughSeq: Math.max(throughSeq, afterSeq),
            fileName,
            sha256: archive.sha256,
            sizeBytes: archive.bytes,
            recordCounts: counts,
            changeCount: entries.length,
            status: 'exported',
            resultCode: null,
            rejectReason: null,
            createdBy: actorOf(scope).actorLogin ?? 'system',
            createdAt: now,
            decidedBy: null,
            decidedAt: null,
          });
          if (entries.length) await repo.markExported(tx, id, afterSeq, throughSeq, since);
          await audit.record(tx, scope, { action: `regulator.export.${input.mode}`, entity: 'regulator_export', entityId: id, after: { fileName, sha256: row.sha256, counts, afterSeq, throughSeq } });
          // a local file, named before the commit: a failed write leaves no export behind
          renameSync(partial, path);
          partial = undefined;
          return { export: row, path, files: listing };
        });
      } finally {
        // a refusal or a failure after the archive was written: no file left behind
        if (partial) rmSync(partial, { force: true });
        // whatever happened, the files begun have finished compressing before this returns
        await Promise.allSettled(ended);
      }
    },

    /** The regulator accepted (its result code) or refused (code and reason) an export; its changes follow it. */
    async decide(scope: Scope, exportId: string, input: { accepted: boolean; resultCode: string; reason?: string | null }) {
      requirePermission(scope, 'regulator.decide');
      const code = input.resultCode.trim();
      if (!code || code.length > 60) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'resultCode', key: 'field.required' }]);
      if (!input.accepted && !input.reason?.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'reason', key: 'field.required' }]);
      return repo.db.transaction(async (tx) => {
        const before = await repo.lockExport(tx, exportId);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'regulator_export' });
        if (before.status !== 'exported') throw new AppError('REGULATOR_EXPORT_DECIDED', { status: before.status });
        const reason = input.accepted ? null : input.reason!.trim().slice(0, 2000);
        const after = await repo.updateExport(tx, exportId, { status: input.accepted ? 'acknowledged' : 'rejected', resultCode: code, rejectReason: reason, decidedAt: clock.now(), decidedBy: actorOf(scope).actorLogin ?? 'system' });
        await repo.decideChanges(tx, exportId, input.accepted ? { status: 'acknowledged', resultCode: code, rejectReason: null } : { status: 'rejected', resultCode: code, rejectReason: reason });
        await audit.record(tx, scope, { action: input.accepted ? 'regulator.export.acknowledge' : 'regulator.export.reject', entity: 'regulator_export', entityId: exportId, before, after });
        return after;
      });
    },

    async exports(scope: Scope, limit = 100) {
      reader(scope);
      return repo.exports(limit);
    },
    async exportFile(scope: Scope, exportId: string, dir: string) {
      reader(scope);
      const row = await repo.findExport(exportId);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'regulator_export' });
      return { row, path: resolve(join(dir, row.fileName)) };
    },
    /**
     * An export's zip as it was written to `dir` (the directory the console's exports go to), checked against the
     * SHA-256 recorded when it was made: a file gone or changed since is refused, never handed over as the export.
     * The zip holds customers' identities: the read is audited.
     */
    async exportZip(scope: Scope, exportId: string, dir: string): Promise<{ fileName: string; bytes: Buffer; sha256: string }> {
      const { row, path } = await this.exportFile(scope, exportId, dir);
      if (!existsSync(path)) throw new AppError('REGULATOR_EXPORT_FILE_MISSING', { fileName: row.fileName, dir: resolve(dir) });
      const bytes = readFileSync(path);
      if (sha256(bytes) !== row.sha256) throw new AppError('REGULATOR_EXPORT_FILE_ALTERED', { fileName: row.fileName });
      await audit.recordRead(scope, { entity: 'regulator_export', entityId: exportId });
      return { fileName: row.fileName, bytes, sha256: row.sha256 };
    },
    /** The change register, newest first; a row still to report (pending, or refused) past its deadline is overdue. */
    async changes(scope: Scope, filter: { status?: ChangeRow['status']; exportId?: string; limit?: number }) {
      reader(scope);
      const today = shanghaiDate(clock.now());
      const rows = await repo.changes({ ...filter, limit: filter.limit ?? 500 });
      return rows.map((c) => ({ ...c, overdue: (c.status === 'pending' || c.status === 'rejected') && c.dueOn < today }));
    },
  };
  return service;
}

export type RegulatorService = ReturnType<typeof makeRegulatorService>;
