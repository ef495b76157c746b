import { readFileSync } from 'node:fs';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireStaff, systemScope, type Scope } from '../../core/scope.js';
import type { Emitter } from '../../core/reactions.js';
import type { Executor, Listener } from '../../db/client.js';
import type { AuditService } from '../audit/audit.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import type { ProviderService } from '../provider/provider.service.js';
import type { ComplianceRepository, GateApplyRow, GateBlocks } from './compliance.repository.js';
import { DEFAULT_GATE_TEMPLATE, renderGate, type GateOptions } from './gate-config.js';
import { createHash } from 'node:crypto';
import { applyGate, fingerprintOf, writeGateFiles } from './nginx.js';

/** The channel compliance_gate_bump() notifies on (migration 0035), with the new version. */
export const GATE_CHANNEL = 'rackpact_gate';
/** A change is applied this long after its notification, so a burst of changes makes one apply (issue 23 §4: within 5 s). */
export const GATE_WAKE_DEBOUNCE_MS = 1000;

export interface GateSettings extends GateOptions {
  nginxBin: string;
  /** an operator's template file; read at each apply, so a broken edit is caught by nginx -t */
  templatePath?: string;
  applyOn: boolean;
}

/** Where the gate learns what must stay closed besides unverified names (takedown orders, issue 22 §4). */
export type GateBlockSource = () => Promise<GateBlocks>;

/** Told when an apply fails: the previous gate stays in force, and someone must look. */
export type GateAlert = (apply: Omit<GateApplyRow, 'seq'>) => void;

/**
 * The gate: the verified domain list as nginx maps, applied to a real nginx. Only verified domains
 * of servers without a live suspension, at an address the server still holds, are written — there
 * is no other input, so nothing can open the gate except a verification.
 */
export function makeGateService(deps: {
  repo: ComplianceRepository;
  ipam: Pick<IpamService, 'activeAddresses'>;
  provider: Pick<ProviderService, 'current'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  ids: IdGenerator;
  settings: GateSettings;
  alerts: GateAlert[];
  /** filled by app.ts once the modules that order blocks are built */
  blocks?: GateBlockSource[];
  bus: Emitter<Executor>;
  /**
   * Runs one check-and-apply at a time across processes (on PostgreSQL an advisory lock on a
   * connection of its own); without it, one at a time in this process only.
   */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
}) {
  const { repo, audit, clock, ids, settings } = deps;
  const system = systemScope('compliance-gate');
  // one apply at a time in this process; the job runs on one worker (pg-boss) across processes
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = deps.exclusive ?? (<T>(fn: () => Promise<T>) => fn());
  /**
   * The template's hash at this process's last check. The operator's template file and this
   * process's settings are not in the database: the first check after a start always renders, and
   * an edited template is noticed by its hash.
   */
  let checkedTemplate: string | undefined;

  const readTemplate = () => (settings.templatePath ? readFileSync(settings.templatePath, 'utf8') : DEFAULT_GATE_TEMPLATE);
  const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

  async function render(template = readTemplate()) {
    const held = await deps.ipam.activeAddresses(system);
    const blocked: GateBlocks = { domains: [], addresses: [] };
    for (const source of deps.blocks ?? []) {
      const b = await source();
      blocked.domains.push(...b.domains);
      blocked.addresses.push(...b.addresses);
    }
    const map = await repo.gateMap(held, blocked);
    let providerName = '本机房';
    try {
      providerName = (await deps.provider.current(system)).legalName;
    } catch {
      // no provider profile yet: the page still says why the site is blocked
    }
    const files = renderGate(map.text, map.count, settings, template, providerName);
    return { files, count: map.count, fingerprint: fingerprintOf(files) };
  }

  async function record(scope: Scope, row: Omit<GateApplyRow, 'seq'>) {
    await repo.db.transaction(async (tx) => {
      await repo.insertApply(tx, row);
      if (row.gateVersion !== null) await repo.markGateChecked(row.gateVersion, tx);
      await audit.record(tx, scope, { action: `gate.${row.outcome}`, entity: 'compliance_gate', entityId: row.id, after: { ...row, output: row.output.slice(0, 2000) } });
      if (row.outcome !== 'applied') await deps.bus.emit(tx, scope, 'compliance.gateApplyFailed', row);
    });
    if (row.outcome !== 'applied') for (const alert of deps.alerts) alert(row);
  }

  type Unchanged = { outcome: 'unchanged'; gateVersion: number };

  async function applyNow(scope: Scope, trigger: string, force: boolean): Promise<Omit<GateApplyRow, 'seq'> | Unchanged> {
    const startedAt = clock.now();
    // the version first: the render below sees at least every change up to it (READ COMMITTED)
    const state = await repo.gateState();
    const template = readTemplate();
    const templateHash = hashOf(template);
    // issue 23 §3: one number tells whether anything the gate is made of moved since the last check
    if (!force && state.version === state.checkedVersion && checkedTemplate === templateHash) return { outcome: 'unchanged', gateVersion: state.version };
    const r = await render(template);
    if (!force) {
      const [last] = await repo.recentApplies(1);
      // the same files were tried last: applied (nothing to do) or failed (already alerted; a fix changes the fingerprint)
      if (last && last.fingerprint === r.fingerprint) {
        await repo.markGateChecked(state.version);
        checkedTemplate = templateHash;
        return { outcome: 'unchanged', gateVersion: state.version };
      }
    }
    const result = await applyGate({ bin: settings.nginxBin, dir: settings.dir }, r.files);
    const row: Omit<GateApplyRow, 'seq'> = {
      id: ids.uuid(),
      startedAt,
      finishedAt: clock.now(),
      outcome: result.outcome,
      fingerprint: r.fingerprint,
      domainCount: r.count,
      output: result.output.slice(0, 20_000),
      triggeredBy: trigger,
      gateVersion: state.version,
    };
    await record(scope, row);
    checkedTemplate = templateHash;
    return row;
  }

  /** One check-and-apply at a time: in this process (chain) and across processes (exclusive). */
  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const next = chain.then(() => exclusive(fn));
    chain = next.catch(() => undefined);
    return next;
  }

  return {
    render,
    /** where the gate listens (the takedown proof probes a blocked name there) */
    listens: () => ({ http: settings.httpListen, https: settings.httpsListen }),

    /** `rackpact gate export`: the files only, into a directory of the operator's choosing. */
    async export(scope: Scope, dir?: string) {
      requireStaff(scope, 'compliance', 'noc');
      const r = await render();
      writeGateFiles(dir ?? settings.dir, r.files);
      return { dir: dir ?? settings.dir, domainCount: r.count, fingerprint: r.fingerprint };
    },

    /** Write, `nginx -t`, reload; on a failed test the previous files are restored and the failure recorded. */
    async apply(scope: Scope, opts: { trigger?: string; force?: boolean } = {}) {
      requirePermission(scope, 'gate.apply');
      const trigger = opts.trigger ?? (scope.kind === 'staff' ? scope.login : scope.kind === 'system' ? scope.reason : 'api');
      const r = await serialized(() => applyNow(scope, trigger, opts.force ?? false));
      if (r.outcome !== 'unchanged') return r;
      // what is in force: the last attempt's files (the same as a render now would give)
      const [last] = await repo.recentApplies(1);
      return { ...r, fingerprint: last?.fingerprint ?? '', domainCount: last?.domainCount ?? 0 };
    },

    /**
     * The job (every minute, the safety net) and the waker (at once on a change): apply if the
     * gate version moved since the last check. An idle check is one one-row read.
     */
    async applyIfChanged(trigger = 'job') {
      if (!settings.applyOn) return { outcome: 'disabled' as const };
      // the idle case without the cross-process lock: one one-row read (issue 23 §3)
      const state = await repo.gateState();
      if (state.version === state.checkedVersion && checkedTemplate === hashOf(readTemplate())) return { outcome: 'unchanged' as const, gateVersion: state.version };
      const r = await serialized(() => applyNow(system, trigger, false));
      return { outcome: r.outcome, gateVersion: r.gateVersion };
    },

    /** The version now and the one the last check covered (issue 23 §3). */
    versions: () => repo.gateState(),

    /**
     * For modules whose changes the database's triggers do not see (e.g. a takedown): moves the
     * gate version in the caller's transaction, so the gate is re-rendered once it commits.
     */
    bumpGateVersion: (tx: Executor) => repo.bumpGateVersion(tx),

    /**
     * issue 23 §4: LISTEN for the version's notification (any process's commit) and apply
     * GATE_WAKE_DEBOUNCE_MS later; changes during an apply make one more. On (re)connecting it
     * checks too, since notifications may have been missed. Returns the listener to hand to
     * Database.listen(GATE_CHANNEL, …) and a stop for pending timers.
     */
    waker(opts: { debounceMs?: number; log?: (err: unknown) => void } = {}): { listener: Listener; stop(): void } {
      const debounceMs = opts.debounceMs ?? GATE_WAKE_DEBOUNCE_MS;
      let timer: NodeJS.Timeout | undefined;
      let running = false;
      let again = false;
      let stopped = false;
      const run = async () => {
        timer = undefined;
        running = true;
        try {
          await this.applyIfChanged('wake');
        } catch (err) {
          opts.log?.(err);
        } finally {
          running = false;
        }
        if (again) {
          again = false;
          schedule();
        }
      };
      const schedule = () => {
        if (stopped) return;
        if (running) {
          again = true;
          return;
        }
        if (timer) return; // the pending apply will see this change too
        timer = setTimeout(() => void run(), debounceMs);
        timer.unref();
      };
      return {
        listener: {
          notify: () => schedule(),
          state: (listening) => {
            if (listening) schedule();
          },
        },
        stop() {
          stopped = true;
          clearTimeout(timer);
        },
      };
    },

    async status(scope: Scope) {
      requireStaff(scope);
      const recent = await repo.recentApplies(20);
      const lastApplied = await repo.lastApplied();
      const state = await repo.gateState();
      const last = recent[0];
      // issue 23 §3: render only when the version moved since the last check (that check's files are the answer otherwise)
      const current = state.version === state.checkedVersion && last ? { count: last.domainCount, fingerprint: last.fingerprint } : await render();
      return {
        dir: settings.dir,
        httpListen: settings.httpListen,
        httpsListen: settings.httpsListen,
        domainCount: current.count,
        fingerprint: current.fingerprint,
        inForce: lastApplied ?? null,
        lastAttempt: last ?? null,
        /** the verified state differs from what nginx runs: an apply is due (or failed) */
        pending: !lastApplied || lastApplied.fingerprint !== current.fingerprint,
        recent,
      };
    },

    async preview(scope: Scope) {
      requireStaff(scope, 'compliance', 'noc', 'auditor');
      const r = await render();
      if (r.count > 5000) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'count', key: 'compliance.previewTooLarge' }]);
      return r.files;
    },
  };
}

export type GateService = ReturnType<typeof makeGateService>;
