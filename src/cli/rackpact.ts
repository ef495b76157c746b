import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHttp, startGateWaker } from '../app.js';
import { parseConfig, type Config } from '../core/config.js';
import { AppError } from '../core/errors.js';
import { localeFromEnv, t, type Locale } from '../core/i18n/index.js';
import { systemScope } from '../core/scope.js';
import { demoLoginsText, seedDemo } from '../demo/seed.js';
import { jobHandlers } from '../jobs/handlers.js';
import { startBackground } from '../jobs/runner.js';
import { makeLogger } from '../http/logging.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { localParams } from '../http/errors.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { startMark, startPhases, startSteps } from '../core/start-timing.js';
import { PACKAGE_ROOT } from '../paths.js';
import { parseArgs, requireOption, UsageError, type ParsedArgs } from './args.js';
import { backup, restore } from './backup.js';
import { makeProgress, type Progress, type ProgressEvent, type ProgressSink } from './progress.js';
import { HELP } from './help.js';
import { renderYear } from './calendar-show.js';
import { kindOfFileName, NETBOX_FILES, NETBOX_KINDS, type NetboxKind } from '../modules/netbox/netbox.columns.js';
import type { ImportMapping } from '../modules/netbox/netbox.service.js';
import { verifyPack } from '../modules/evidence/evidence.pack.js';

const WEB_DIR = join(PACKAGE_ROOT, 'dist', 'web');
const SYSTEM = systemScope('cli');

interface Io {
  out(s: string): void;
  err(s: string): void;
  lang: Locale;
  /** Where the long commands draw their progress (stderr); none: no progress shown. */
  progress?: ProgressSink;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  lang: localeFromEnv(process.env),
  progress: process.stderr,
};

/**
 * Issue 20 §6: a long command's progress on stderr (a bar on a terminal, plain lines otherwise), ended
 * before the command's own report is printed. Nothing when the Io has no progress sink.
 */
async function withProgress<T>(io: Io, label: string, stepLabel: (step: string) => string, fn: (onProgress: (e: ProgressEvent) => void) => Promise<T>): Promise<T> {
  const progress: Progress | undefined = io.progress ? makeProgress(io.progress, { label, stepLabel }) : undefined;
  try {
    return await fn((e) => progress?.update(e));
  } finally {
    progress?.finish();
  }
}

const backupStep = (lang: Locale) => (step: string) => t(lang, step === 'files' ? 'cli.progress.files' : 'cli.progress.database', {});

/**
 * Where each command that opens the database can be done while the server holds the embedded
 * database instead (the running server is the one process that may write it).
 */
const THROUGH_SERVER: Record<string, string> = {
  'gate apply': 'POST /api/v1/compliance/gate/apply',
  'gate export': 'GET /api/v1/compliance/gate/preview',
  'user create': 'POST /api/v1/users',
  'user disable': 'POST /api/v1/users/:id/disable',
  'user reset-password': 'POST /api/v1/users/:id/reset-password',
  'calendar load': 'POST /api/v1/calendar/years',
  'import netbox': 'POST /api/v1/netbox/import',
  'audit verify': 'GET /api/v1/audit/verify',
};

async function withRuntime<T>(config: Config, fn: (rt: Runtime) => Promise<T>, command = 'rackpact', io?: Io): Promise<T> {
  const rt = await openRuntime(config, { command, log: io?.err });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** What every command is given: its arguments, the subcommand, the parsed configuration and the terminal. */
interface CommandContext {
  args: ParsedArgs;
  sub: string | undefined;
  config: Config;
  io: Io;
}
type Command = (c: CommandContext) => Promise<number>;

/** One entry per command group; each returns the exit code (help.ts describes them). */
const COMMANDS: Record<string, Command> = {
  serve: ({ config, io }) => serve(config, io),
  migrate: migrateCommand,
  user: ({ config, sub, args, io }) => withRuntime(config, (rt) => userCommand(rt, sub, args, io), `user ${sub ?? ''}`.trim(), io),
  demo: demoCommand,
  audit: auditCommand,
  files: filesCommand,
  backup: backupCommand,
  restore: restoreCommand,
  calendar: calendarCommand,
  import: importCommand,
  gate: gateCommand,
  regulator: regulatorCommand,
  evidence: evidenceCommand,
  compensation: compensationCommand,
};

/** Returns the process exit code: 0 ok, 1 failure, 2 usage error. */
export async function main(argv: string[], io: Io = defaultIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const args = parseArgs(argv);
  const [command, sub] = args.positionals;
  if (!command || command === 'help' || (args.options.help && command !== 'calc')) {
    io.out(HELP[io.lang]);
    return command || args.options.help ? 0 : 2;
  }
  try {
    // calc works without a database and reads its own arguments (it has a --help of its own)
    if (command === 'calc') return await calcCommand(argv, args, env, io);
    const config = parseConfig(env);
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) {
      io.err(t(io.lang, 'cli.unknownCommand', { command }));
      return 2;
    }
    return await run({ args, sub, config, io });
  } catch (err) {
    return reportError(err, io, [command, sub].filter(Boolean).join(' '));
  }
}

/** `rackpact calc …`: the rules from the command line, with the statutory calendar as of today in Beijing. */
async function calcCommand(argv: string[], args: ParsedArgs, env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { runCalc } = await import('./calc.js');
  const { makeCalendar, parseYearSchedule, shanghaiDate } = await import('../rules/index.js');
  const scheduleFile = args.options.schedule;
  const calcConfig = parseConfig(env);
  // today in Beijing (the demo clock when CLOCK_START is set): years after it are answered provisionally, up to the horizon
  const today = shanghaiDate(calcConfig.CLOCK_START ? new Date(calcConfig.CLOCK_START) : new Date());
  const horizonYears = calcConfig.CALENDAR_HORIZON_YEARS;
  return runCalc(argv.slice(1).filter((a, i, all) => a !== '--schedule' && all[i - 1] !== '--schedule'), {
    calendar: typeof scheduleFile === 'string' ? makeCalendar([parseYearSchedule(JSON.parse(readFileSync(scheduleFile, 'utf8')))], { today, horizonYears }) : undefined,
    readStdin: readAllStdin,
    out: io.out,
    err: io.err,
    lang: io.lang,
    today,
    horizonYears,
  });
}

async function migrateCommand({ config, io }: CommandContext): Promise<number> {
  return withRuntime(config, async (rt) => {
    io.out(rt.migration.applied.length ? `applied: ${rt.migration.applied.join(', ')}` : `up to date (version ${rt.migration.version})`);
    return 0;
  }, 'migrate', io);
}

async function demoCommand({ config, sub, io }: CommandContext): Promise<number> {
  if (sub !== 'seed') throw new UsageError('demo seed');
  return withRuntime(config, async (rt) => {
    const { seeded } = await seedDemo(rt.services, rt.clock);
    io.out(seeded ? `demo data loaded\n${demoLoginsText()}` : 'demo data already present');
    return 0;
  }, 'demo seed', io);
}

async function auditCommand({ config, sub, io }: CommandContext): Promise<number> {
  if (sub !== 'verify' && sub !== 'anchor') throw new UsageError('audit verify | audit anchor');
  return withRuntime(config, (rt) => (sub === 'verify' ? auditVerify(rt, io) : auditAnchor(rt, io)), `audit ${sub}`, io);
}

async function filesCommand({ config, sub, io }: CommandContext): Promise<number> {
  if (sub !== 'verify') throw new UsageError('files verify');
  return withRuntime(config, (rt) => filesVerify(rt, io), 'files verify', io);
}

async function backupCommand({ config, args, io }: CommandContext): Promise<number> {
  // `--no-files <file>`: the parser takes the file as the flag's value
  const noFiles = args.options['no-files'];
  const file = typeof noFiles === 'string' ? noFiles : requirePositional(args, 1, 'file');
  const r = await withProgress(io, t(io.lang, 'cli.progress.backup', {}), backupStep(io.lang), (onProgress) => backup(config, file, { files: noFiles === undefined, onProgress }));
  io.out(t(io.lang, r.files === null ? 'cli.backupDoneNoFiles' : 'cli.backupDone', { files: r.files ?? 0 }));
  return 0;
}

async function restoreCommand({ config, args, io }: CommandContext): Promise<number> {
  const noFiles = args.options['no-files'];
  const force = args.options.force;
  const file = [noFiles, force].find((v): v is string => typeof v === 'string') ?? requirePositional(args, 1, 'file');
  const r = await withProgress(io, t(io.lang, 'cli.progress.restore', {}), backupStep(io.lang), (onProgress) =>
    restore(config, file, { force: force !== undefined, files: noFiles === undefined, onProgress }),
  );
  io.out(t(io.lang, r.files === null ? 'cli.restoreDoneNoFiles' : 'cli.restoreDone', { files: r.files ?? 0 }));
  return 0;
}

async function calendarCommand({ config, sub, args, io }: CommandContext): Promise<number> {
  if (sub === 'show') {
    // the year as month grids, with the provisional marks (issue 16)
    const year = Number(requirePositional(args, 2, 'year'));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('calendar show <year 2000–2100>');
    return withRuntime(config, async (rt) => {
      io.out(renderYear(await rt.services.calendar.yearView(SYSTEM, year), io.lang));
      return 0;
    });
  }
  if (sub !== 'load') throw new UsageError('calendar load <file.json> | calendar show <year>');
  const file = requirePositional(args, 2, 'file.json');
  return withRuntime(config, async (rt) => {
    const year = await rt.services.calendar.loadYear(SYSTEM, JSON.parse(readFileSync(file, 'utf8')));
    io.out(`calendar ${year} loaded`);
    return 0;
  }, 'calendar load', io);
}

async function importCommand({ config, sub, args, io }: CommandContext): Promise<number> {
  if (sub !== 'netbox') throw new UsageError('import netbox [--dry-run] [--mapping <file.json>] <dir>');
  // `--dry-run <dir>`: the parser takes the directory as the flag's value
  const dryRunValue = args.options['dry-run'];
  const dir = typeof dryRunValue === 'string' ? dryRunValue : requirePositional(args, 2, 'dir');
  const mappingFile = args.options.mapping;
  const mapping = typeof mappingFile === 'string' ? (JSON.parse(readFileSync(mappingFile, 'utf8')) as ImportMapping) : undefined;
  return withRuntime(config, (rt) => importNetbox(rt, dir, { dryRun: dryRunValue !== undefined, mapping }, io), 'import netbox', io);
}

/** 先备案后接入: the nginx gate, generated from the verified domain list only. */
async function gateCommand({ config, sub, args, io }: CommandContext): Promise<number> {
  if (sub !== 'export' && sub !== 'apply') throw new UsageError('gate export [--dir DIR] | gate apply [--force]');
  return withRuntime(config, async (rt) => {
    if (sub === 'export') {
      const dir = typeof args.options.dir === 'string' ? args.options.dir : undefined;
      const r = await rt.services.gate.export(SYSTEM, dir);
      io.out(`gate files written to ${r.dir}: ${r.domainCount} domains, fingerprint ${r.fingerprint.slice(0, 12)}`);
      return 0;
    }
    const r = await rt.services.gate.apply(SYSTEM, { trigger: 'cli', force: args.options.force === true });
    io.out(`gate ${r.outcome}: ${r.domainCount} domains${'output' in r && r.output ? `\n${r.output}` : ''}`);
    return r.outcome === 'applied' || r.outcome === 'unchanged' ? 0 : 1;
  }, `gate ${sub}`, io);
}

/** Issue 22 §2–3: the regulator's basic data (export, the regulator's answer) and the reconciliation. */
async function regulatorCommand({ config, sub, args, io }: CommandContext): Promise<number> {
  const usage = 'regulator export --dir DIR [--full | --since INSTANT] | regulator ack <export-id> --code CODE | regulator reject <export-id> --code CODE --reason TEXT | regulator reconcile';
  if (sub !== 'export' && sub !== 'ack' && sub !== 'reject' && sub !== 'reconcile') throw new UsageError(usage);
  return withRuntime(config, async (rt) => {
    const regulator = rt.services.regulator;
    if (sub === 'export') {
      const dir = args.options.dir;
      if (typeof dir !== 'string') throw new UsageError(usage);
      const sinceText = args.options.since;
      const since = typeof sinceText === 'string' ? new Date(sinceText) : null;
      if (since && Number.isNaN(since.getTime())) throw new UsageError(usage);
      if (since && args.options.full) throw new UsageError(usage);
      try {
        const r = await regulator.export(SYSTEM, { mode: args.options.full ? 'full' : 'incremental', since, dir });
        io.out(`${r.path}\nexport ${r.export.id}\nsha256 ${r.export.sha256}\n${Object.entries(r.export.recordCounts).map(([k, n]) => `${k}: ${n}`).join('\n')}`);
        return 0;
      } catch (err) {
        if (err instanceof AppError && err.code === 'REGULATOR_EXPORT_INVALID') {
          // every failure, one a line, in the operator's language; nothing was written
          io.err(t(io.lang, 'REGULATOR_EXPORT_INVALID', err.params));
          for (const f of err.fields) io.err(`  ${f.path}: ${t(io.lang, f.key, f.params ?? {})}`);
          return 1;
        }
        throw err;
      }
    }
    if (sub === 'reconcile') {
      const r = await regulator.reconcile(SYSTEM);
      io.out(`reconciled ${r.days.join(', ') || '(nothing due)'}: ${r.findings} findings`);
      return 0;
    }
    const id = requirePositional(args, 2, 'export-id');
    const code = args.options.code;
    if (typeof code !== 'string') throw new UsageError(usage);
    const reason = typeof args.options.reason === 'string' ? args.options.reason : null;
    const r = await regulator.decide(SYSTEM, id, { accepted: sub === 'ack', resultCode: code, reason });
    io.out(`${r.fileName}: ${r.status} (${r.resultCode})`);
    return 0;
  }, `regulator ${sub}`, io);
}

/**
 * Issue 22 §5: `evidence <customer-id | USCC> --out FILE.zip` writes the customer's evidence pack;
 * `evidence verify FILE.zip` checks its manifest's hashes and signature (no database needed).
 */
async function evidenceCommand({ config, sub, args, io }: CommandContext): Promise<number> {
  const usage = 'evidence <customer-id | USCC> --out FILE.zip | evidence verify FILE.zip';
  if (!sub) throw new UsageError(usage);
  if (sub === 'verify') {
    const file = requirePositional(args, 2, 'FILE.zip');
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      io.err(t(io.lang, 'cli.evidence.unreadable', { file }));
      return 1;
    }
    const check = verifyPack(bytes);
    const m = check.manifest;
    if (m) io.out(`${m.customer?.name ?? '—'} (${m.customer?.uscc ?? m.customer?.id ?? '—'}), ${m.files.length} files`);
    if (check.keyFingerprint) io.out(`key ${check.keyFingerprint}`);
    for (const name of check.missing) io.err(t(io.lang, 'cli.evidence.missing', { name }));
    for (const name of check.mismatched) io.err(t(io.lang, 'cli.evidence.mismatched', { name }));
    for (const name of check.unlisted) io.err(t(io.lang, 'cli.evidence.unlisted', { name }));
    if (!check.ok) {
      io.err(t(io.lang, `cli.evidence.problem.${check.problem}`, {}));
      return 1;
    }
    io.out(t(io.lang, 'cli.evidence.verified', { count: m!.files.length }));
    return 0;
  }
  const out = args.options.out;
  if (typeof out !== 'string' || !out.trim()) throw new UsageError('--out FILE.zip');
  return withRuntime(config, async (rt) => {
    let customerId: string;
    try {
      customerId = await rt.services.evidence.resolveCustomer(SYSTEM, sub);
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') {
        io.err(t(io.lang, 'cli.evidence.noCustomer', { key: sub }));
        return 1;
      }
      throw err;
    }
    try {
      const pack = await rt.services.evidence.build(SYSTEM, customerId);
      writeFileSync(out, pack.zip);
      io.out(`${out}\n${pack.manifest.customer.name}: ${pack.manifest.files.length} files\nmanifest sha256 ${pack.manifestSha256}\nkey ${pack.keyFingerprint}`);
      return 0;
    } finally {
      // the summary is printed by Chromium: the browser goes with the command
      await rt.services.pdf.close();
    }
  }, `evidence ${sub}`, io);
}

async function compensationCommand({ config, sub, io }: CommandContext): Promise<number> {
  if (sub !== 'recompute') throw new UsageError('compensation recompute');
  return withRuntime(config, async (rt) => {
    const r = await withProgress(io, t(io.lang, 'cli.progress.recompute', {}), (step) => t(io.lang, step === 'check' ? 'cli.progress.check' : 'cli.progress.rewrite', {}), (onProgress) =>
      rt.services.incidents.recomputeAll({ onProgress }),
    );
    io.out(t(io.lang, 'cli.compensationRecomputed', r));
    return 0;
  }, 'compensation recompute', io);
}

async function auditVerify(rt: Runtime, io: Io): Promise<number> {
  const r = await rt.services.audit.verify(SYSTEM);
  if (!r.problem) {
    io.out(t(io.lang, 'cli.auditIntact', { checked: r.checked, anchors: r.anchors }));
    return 0;
  }
  const p = r.problem;
  const params = { checked: r.checked, seq: p.seq ?? '?', fromSeq: p.fromSeq ?? '?', file: p.anchorFile ?? '', at: p.anchorAt ?? '' };
  io.err(t(io.lang, `cli.audit.${p.kind}`, params));
  return 1;
}

async function auditAnchor(rt: Runtime, io: Io): Promise<number> {
  const r = await rt.services.audit.anchor(SYSTEM);
  if (!r) {
    io.out(t(io.lang, 'cli.auditAnchorEmpty', {}));
    return 0;
  }
  io.out(t(io.lang, r.written ? 'cli.auditAnchorWritten' : 'cli.auditAnchorUnchanged', { seq: r.anchor.seq, file: r.file }));
  io.out(JSON.stringify(r.anchor));
  return 0;
}

/** Files the database names but the store lacks, and stored files whose bytes changed; exit 1 on any. */
async function filesVerify(rt: Runtime, io: Io): Promise<number> {
  const r = await rt.services.fileCheck.verify(SYSTEM);
  for (const m of r.missing) io.out(`missing\t${m.sha256}\t${m.column}\t${m.rows}`);
  for (const hash of r.damaged) io.out(`damaged\t${hash}`);
  const summary = t(io.lang, 'cli.filesReport', { referenced: r.referenced, stored: r.stored, missing: new Set(r.missing.map((m) => m.sha256)).size, damaged: r.damaged.length });
  if (r.missing.length || r.damaged.length) {
    io.err(summary);
    return 1;
  }
  io.out(summary);
  return 0;
}

/**
 * NetBox CSV files from a directory (sites.csv or NetBox's netbox_sites.csv, …); prints the role and
 * tenant mapping used, one line per row, and exits 1 only when a row is refused (a re-run's
 * unchanged rows are fine).
 */
async function importNetbox(rt: Runtime, dir: string, opts: { dryRun: boolean; mapping?: ImportMapping }, io: Io): Promise<number> {
  const files: Partial<Record<NetboxKind, string>> = {};
  for (const name of readdirSync(dir).sort()) {
    const kind = kindOfFileName(name);
    if (kind && !files[kind]) files[kind] = readFileSync(join(dir, name), 'utf8');
  }
  if (!Object.keys(files).length) throw new UsageError(`${dir}/{${NETBOX_KINDS.map((k) => NETBOX_FILES[k].file).join(',')}}`);
  const report = await withProgress(io, t(io.lang, 'cli.progress.import', {}), (step) => NETBOX_FILES[step as NetboxKind]?.file ?? step, (onProgress) =>
    rt.services.netbox.importCsv(SYSTEM, files, { dryRun: opts.dryRun, locale: io.lang, mapping: opts.mapping, onProgress }),
  );
  for (const r of report.roles) io.out(`role\t${r.role}\t${r.devices}\t${r.action}`);
  for (const x of report.tenants) io.out(`tenant\t${x.tenant}\t${x.rows}\t${x.customerName ?? '-'}`);
  for (const f of report.files) {
    for (const r of f.rows) {
      const detail = r.status === 'refused' ? `\t${r.reason}${r.fields?.length ? ` (${r.fields.map((x) => `${x.path}: ${x.message}`).join('; ')})` : ''}` : r.note ? `\t${r.note}` : '';
      io.out(`${f.file}:${r.line}\t${r.status}\t${r.ref}${detail}`);
    }
  }
  io.out(t(io.lang, opts.dryRun ? 'cli.netboxDryRun' : 'cli.netboxImported', report.counts));
  return report.counts.refused ? 1 : 0;
}

function requirePositional(args: ParsedArgs, index: number, name: string): string {
  const value = args.positionals[index];
  if (!value) throw new UsageError(name);
  return value;
}

async function userCommand(rt: Runtime, sub: string | undefined, args: ParsedArgs, io: Io): Promise<number> {
  switch (sub) {
    case 'create': {
      const kind = requireOption(args, 'kind');
      if (kind !== 'staff' && kind !== 'customer') throw new UsageError('--kind staff|customer');
      const user = await rt.services.users.create(SYSTEM, {
        login: requireOption(args, 'login'),
        displayName: typeof args.options.name === 'string' ? args.options.name : requireOption(args, 'login'),
        kind,
        roles: requireOption(args, 'roles').split(',').map((r) => r.trim()).filter(Boolean),
        customerId: typeof args.options.customer === 'string' ? args.options.customer : null,
        password: requireOption(args, 'password'),
      });
      io.out(`${user.login} ${user.id}`);
      return 0;
    }
    case 'disable': {
      const id = await rt.services.users.idOfLogin(requirePositional(args, 2, 'login'));
      await rt.services.users.disable(SYSTEM, id);
      io.out('ok');
      return 0;
    }
    case 'reset-password': {
      const id = await rt.services.users.idOfLogin(requirePositional(args, 2, 'login'));
      const { temporaryPassword } = await rt.services.users.resetPassword(SYSTEM, id);
      io.out(temporaryPassword);
      return 0;
    }
    default:
      throw new UsageError('user create|disable|reset-password');
  }
}

function reportError(err: unknown, io: Io, command: string): number {
  if (err instanceof UsageError) {
    io.err(t(io.lang, 'cli.missingArgument', { name: err.message }));
    return 2;
  }
  if (err instanceof DataDirLockedError) {
    const via = THROUGH_SERVER[command];
    const advice = via ? t(io.lang, 'cli.dataDirLocked.useServer', { via }) : t(io.lang, 'cli.dataDirLocked.stop', {});
    io.err(t(io.lang, 'cli.dataDirLocked', { dir: err.dir, pid: err.holder.pid, command: err.holder.command, since: err.holder.since, advice }));
    return 1;
  }
  if (err instanceof AppError) {
    const detail = err.fields.map((f) => `${f.path}: ${t(io.lang, f.key, f.params)}`).join('; ');
    io.err(`${err.code}: ${t(io.lang, err.code, localParams(io.lang, err.code, err.params, err.fields))}${detail ? ` (${detail})` : ''}`);
    return 1;
  }
  if (err instanceof Error && err.name === 'RuleError') {
    const code = (err as Error & { code: string }).code;
    io.err(`${code}: ${t(io.lang, code, (err as Error & { params?: Record<string, unknown> }).params ?? {})}`);
    return 1;
  }
  io.err(err instanceof Error ? err.message : String(err));
  return 1;
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function serve(config: Config, io: Io): Promise<number> {
  const logger = makeLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const rt = await openRuntime(config, { command: 'serve', log: (message) => logger.warn(message), pgliteCompiler: config.PGLITE_COMPILER });
  const seedWanted = config.DEMO_DATA === 'on' || (config.DEMO_DATA === 'auto' && !config.DATABASE_URL);
  if (seedWanted && (await seedDemo(rt.services, rt.clock)).seeded) logger.info('demo data loaded');
  startMark('demo data checked');
  const http = await buildHttp(rt.services, { ...rt, passwords: undefined }, { logger, webDir: WEB_DIR });
  startMark('http built');
  // issue 23 §4: the gate applies within seconds of a change, not at the next minute
  const stopGateWaker = config.GATE_APPLY === 'on' ? await startGateWaker(rt.services, rt.database, (err) => logger.error({ err }, 'gate apply failed')) : undefined;
  await http.listen({ port: config.PORT, host: config.HOST });
  startMark('listening');
  logger.debug({ startMs: startPhases(), stepsMs: startSteps() }, 'start phases');
  const address = http.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
  io.out(`rackpact ${rt.database.kind === 'pglite' ? '(embedded database)' : '(PostgreSQL)'} listening on ${url}`);
  if (seedWanted) io.out(`demo logins — ${demoLoginsText()}`);
  // issue 23 §1: what can wait starts a few seconds after the server listens, so that the first pages are
  // not queued behind it (on the embedded database every query shares one connection): the job queue with
  // the daily duties' catch-up (§8), then the document printer — Chromium, a process of its own whose
  // memory is not the server's RSS
  let jobs: Awaited<ReturnType<typeof startBackground>> | undefined;
  let started: Promise<void> | undefined;
  const timer = setTimeout(() => {
    started = (config.JOBS === 'on' ? startBackground(rt, jobHandlers(rt.services), logger) : Promise.resolve(undefined))
      .then((j) => {
        jobs = j;
        // issue 19 §8: Chromium starts now, in the background, so the first document does not wait for it
        if (config.PDF_WARM === 'on') {
          rt.services.pdf.warm().then(
            () => logger.info({ pdf: rt.services.pdf.status() }, 'document printer ready'),
            (err: unknown) => logger.warn(`document printer: Chromium did not start (${(err as Error).message}); documents will try again`),
          );
        }
      })
      .catch((err: unknown) => logger.error({ err }, 'the job queue did not start'));
  }, BACKGROUND_AFTER_MS);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  clearTimeout(timer);
  await started;
  await http.close();
  await stopGateWaker?.();
  await jobs?.stop();
  await rt.close();
  return 0;
}

/** How long after listening `serve` starts the job queue and the document printer (issue 23 §1). */
const BACKGROUND_AFTER_MS = 3000;
