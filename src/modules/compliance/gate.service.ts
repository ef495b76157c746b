import { readFileSync } from 'node:fs';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireStaff, systemScope, type Scope } from '../../core/scope.js';
import type { Emitter } from '../../core/reactions.js';
import type { Executor } from '../../db/client.js';
import type { AuditService } from '../audit/audit.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import type { ProviderService } from '../provider/provider.service.js';
import type { ComplianceRepository, GateApplyRow, GateBlocks } from './compliance.repository.js';
import { DEFAULT_GATE_TEMPLATE, renderGate, type GateOptions } from './gate-config.js';
import { applyGate, fingerprintOf, writeGateFiles } from './nginx.js';

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
}) {
  const { repo, audit, clock, ids, settings } = deps;
  const system = systemScope('compliance-gate');
  // one apply at a time in this process; the job runs on one worker (pg-boss) across processes
  let chain: Promise<unknown> = Promise.resolve();

  async function render() {
    const held = await deps.ipam.activeAddresses(system);
    const blocked: GateBlocks = { domains: [], addresses: [] };
    for (const source of deps.blocks ?? []) {
      const b = await source();
      blocked.domains.push(...b.domains);
      blocked.addresses.push(...b.addresses);
    }
    const map = await repo.gateMap(held, blocked);
    const template = settings.templatePath ? readFileSync(settings.templatePath, 'utf8') : DEFAULT_GATE_TEMPLATE;
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
      await audit.record(tx, scope, { action: `gate.${row.outcome}`, entity: 'compliance_gate', entityId: row.id, after: { ...row, output: row.output.slice(0, 2000) } });
      if (row.outcome !== 'applied') await deps.bus.emit(tx, scope, 'compliance.gateApplyFailed', row);
    });
    if (row.outcome !== 'applied') for (const alert of deps.alerts) alert(row);
  }

  async function applyNow(scope: Scope, trigger: string, force: boolean): Promise<Omit<GateApplyRow, 'seq'> | { outcome: 'unchanged'; fingerprint: string; domainCount: number }> {
    const startedAt = clock.now();
    const r = await render();
    if (!force) {
      const [last] = await repo.recentApplies(1);
      // the same files were tried last: applied (nothing to do) or failed (already alerted; a fix changes the fingerprint)
      if (last && last.fingerprint === r.fingerprint) return { outcome: 'unchanged', fingerprint: r.fingerprint, domainCount: r.count };
    }
    const result = await applyGate({ bin: settings.nginxBin, dir: settings.dir }, r.files);
    const row: Omit<GateApplyRow, 'seq'> = { id: ids.uuid(), startedAt, finishedAt: clock.now(), outcome: result.outcome, fingerprint: r.fingerprint, domainCount: r.count, output: result.output.slice(0, 20_000), triggeredBy: trigger };
    await record(scope, row);
    return row;
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
      const next = chain.then(() => applyNow(scope, trigger, opts.force ?? false));
      chain = next.catch(() => undefined);
      return next;
    },

    /** The job: every minute, apply if the verified state changed since the last attempt (debounced by the minute). */
    async applyIfChanged() {
      if (!settings.applyOn) return { outcome: 'disabled' as const };
      const next = chain.then(() => applyNow(system, 'job', false));
      chain = next.catch(() => undefined);
      const r = await next;
      return { outcome: r.outcome };
    },

    async status(scope: Scope) {
      requireStaff(scope);
      const recent = await repo.recentApplies(20);
      const lastApplied = await repo.lastApplied();
      const r = await render();
      return {
        dir: settings.dir,
        httpListen: settings.httpListen,
        httpsListen: settings.httpsListen,
        domainCount: r.count,
        fingerprint: r.fingerprint,
        inForce: lastApplied ?? null,
        lastAttempt: recent[0] ?? null,
        /** the verified state differs from what nginx runs: an apply is due (or failed) */
        pending: !lastApplied || lastApplied.fingerprint !== r.fingerprint,
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
