import { t, type Locale } from '../core/i18n/index.js';
import {
  calendarDayPeriodEndMarked,
  compensation,
  CAUSES,
  formatShanghai,
  makeCalendar,
  parseDate,
  parseInstant,
  parseYuan,
  REASON_MESSAGES,
  RULE_MESSAGES,
  RuleError,
  term,
  toCapital,
  validateDomain,
  validateIcpFiling,
  validateIcpLicence,
  validateIp,
  validatePhone,
  validatePsbFiling,
  validateResidentId,
  validateUscc,
  workingDayDeadlineMarked,
  type Calendar,
  type CalendarDate,
  type Cause,
  type Interruption,
  type Validation,
} from '../rules/index.js';
import { parseArgs, UsageError, type ParsedArgs } from './args.js';

export interface CalcIo {
  readStdin(): Promise<string>;
  out(s: string): void;
  err(s: string): void;
  lang: Locale;
  /** today in Asia/Shanghai, for checks that depend on it (an ID's birth date cannot be in the future) */
  today: CalendarDate;
  /** CALENDAR_HORIZON_YEARS: years after today's answered provisionally (default 2) */
  horizonYears?: number;
  calendar?: Calendar;
}

const HELP: Record<Locale, string> = {
  'zh-CN': `rackpact calc — 合同规则计算（每个子命令均可加 --json）

  capital <金额>                               金额大写，如 capital 12345.60
  term --start 日期 [--months 12] [--compensation-hours 0]
                                                服务期限：起止日与服务终止时刻（含补偿时长）
  deadline --from 日期 --working-days N         第 N 个工作日的截止日（5.1，法定节假日与调休）
  due --from 日期 --days N                      N 日期间的届满日（末日为休息日顺延，民法典第二百零三条）
  compensation                                 从标准输入读取 {"interruptions":[…]}，计算补偿时长（7.2/7.3）
  check <uscc|resident-id|icp-filing|icp-licence|psb-filing|domain|phone|ip> <值>
                                                校验并规范化

deadline/due 落在国务院尚未公布安排的年份时，按《全国年节及纪念日放假办法》推算并标明“暂定”（--json 中 "provisional": true）；
今年之后超过 CALENDAR_HORIZON_YEARS（默认 2）年的年份不予计算。
--schedule <年份.json> 使用国务院公布的某年节假日安排（覆盖内置日历未含的年份）
退出码：0 成功；1 输入或取值无效；2 用法错误`,
  en: `rackpact calc — contract rule calculations (every subcommand accepts --json)

  capital <amount>                             the amount in capital numerals (大写), e.g. capital 12345.60
  term --start DATE [--months 12] [--compensation-hours 0]
                                                the term: start, end and the instant service ends (with compensation)
  deadline --from DATE --working-days N         end of the Nth working day (5.1; public holidays and make-up days)
  due --from DATE --days N                      end of an N-day period (rolled past rest days, Civil Code art. 203)
  compensation                                 reads {"interruptions":[…]} on stdin; compensation hours (7.2/7.3)
  check <uscc|resident-id|icp-filing|icp-licence|psb-filing|domain|phone|ip> <value>
                                                validate and normalize

deadline/due in a year the State Council has not published yet are derived from the holiday law and marked
provisional ("provisional": true in --json); years more than CALENDAR_HORIZON_YEARS (default 2) after this one are refused.
--schedule <year.json> adds a year's official State Council schedule (for years the packaged calendar lacks)
Exit codes: 0 ok; 1 invalid input or value; 2 usage error`,
};

class InvalidValue extends Error {
  constructor(readonly result: unknown) {
    super('invalid');
  }
}

function option(args: ParsedArgs, name: string): string {
  const v = args.options[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name}`);
  return v;
}

function integerOption(args: ParsedArgs, name: string, fallback?: number): number {
  const raw = args.options[name];
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name}`);
    return fallback;
  }
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new RuleError('DAYS_INVALID', { field: name, value: String(raw) });
  return Number(raw);
}

const CHECKS: Record<string, (value: string, today: CalendarDate) => Validation> = {
  uscc: validateUscc,
  'resident-id': validateResidentId,
  'icp-filing': validateIcpFiling,
  'icp-licence': validateIcpLicence,
  'psb-filing': validatePsbFiling,
  domain: validateDomain,
  phone: validatePhone,
  ip: validateIp,
};

function parseInterruptions(text: string): Interruption[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RuleError('INTERRUPTION_INVALID', { index: '-', field: 'stdin' });
  }
  const list = (json as { interruptions?: unknown })?.interruptions;
  if (!Array.isArray(list)) throw new RuleError('INTERRUPTION_INVALID', { index: '-', field: 'interruptions' });
  return list.map((raw, i) => {
    const item = raw as Record<string, unknown>;
    if (typeof item?.cause !== 'string' || !CAUSES.includes(item.cause as Cause)) {
      throw new RuleError('INTERRUPTION_INVALID', { index: i, field: `interruptions.${i}.cause` });
    }
    const instant = (key: string) => (typeof item[key] === 'string' ? parseInstant(item[key] as string, `interruptions.${i}.${key}`) : undefined);
    const start = instant('start');
    const end = instant('end');
    if (!start || !end) throw new RuleError('INTERRUPTION_INVALID', { index: i, field: `interruptions.${i}` });
    return { start, end, cause: item.cause as Cause, noticeGivenAt: instant('noticeGivenAt'), consentAt: instant('consentAt'), ref: typeof item.ref === 'string' ? item.ref : undefined };
  });
}

async function compute(sub: string, args: ParsedArgs, io: CalcIo): Promise<{ result: unknown; human: string }> {
  const calendar = () => io.calendar ?? makeCalendar([], { today: io.today, horizonYears: io.horizonYears });
  // 暂定: the answer rests on a year the State Council has not published; said in every human answer that does
  const mark = (provisional: boolean) => (provisional ? `  ${t(io.lang, 'cli.calc.provisional')}` : '');
  switch (sub) {
    case 'capital': {
      const value = args.positionals[1];
      if (!value) throw new UsageError('<amount>');
      const capital = toCapital(parseYuan(value));
      return { result: capital, human: capital };
    }
    case 'term': {
      const period = term(parseDate(option(args, 'start'), 'start'), integerOption(args, 'months', 12), integerOption(args, 'compensation-hours', 0));
      const result = { start: period.start, end: period.end, endsAt: formatShanghai(period.endsAt) };
      return { result, human: t(io.lang, 'cli.calc.term', result) };
    }
    case 'deadline': {
      const { date: deadline, provisional } = workingDayDeadlineMarked(calendar(), parseDate(option(args, 'from'), 'from'), integerOption(args, 'working-days'));
      return { result: { deadline, provisional }, human: t(io.lang, 'cli.calc.deadline', { date: deadline }) + mark(provisional) };
    }
    case 'due': {
      const { date: due, provisional } = calendarDayPeriodEndMarked(calendar(), parseDate(option(args, 'from'), 'from'), integerOption(args, 'days'));
      return { result: { due, provisional }, human: t(io.lang, 'cli.calc.due', { date: due }) + mark(provisional) };
    }
    case 'compensation': {
      const c = compensation(parseInterruptions(await io.readStdin()));
      const result = {
        hours: c.hours,
        lines: c.lines.map((l) => ({ from: formatShanghai(l.from), to: formatShanghai(l.to), minutes: l.minutes, hours: l.hours, reasons: l.reasons, sources: l.sources })),
        excluded: c.excluded.map((e) => ({ index: e.index, reason: e.reason })),
        breaches: c.breaches.map((b) => ({ index: b.index, reason: b.reason })),
      };
      const lines = result.lines.map((l) => `${l.from} – ${l.to}  ${l.minutes} min → ${l.hours} h  ${l.reasons.join(',')}`);
      return { result, human: [...lines, t(io.lang, 'cli.calc.compensationTotal', { hours: c.hours })].join('\n') };
    }
    case 'check': {
      const [, kind, value] = args.positionals;
      const check = kind ? CHECKS[kind] : undefined;
      if (!check || value === undefined) throw new UsageError('check <uscc|resident-id|icp-filing|icp-licence|psb-filing|domain|phone|ip> <value>');
      const v = check(value, io.today);
      if (!v.valid) throw new InvalidValue({ valid: false, reason: v.reason });
      return { result: { valid: true, normalized: v.normalized }, human: v.normalized };
    }
    default:
      throw new UsageError(`calc ${sub}`);
  }
}

/** `rackpact calc …` (argv without the leading "calc"); returns the exit code. */
export async function runCalc(argv: string[], io: CalcIo): Promise<number> {
  const args = parseArgs(argv);
  const json = args.options.json === true;
  const sub = args.positionals[0];
  if (!sub || args.options.help) {
    io.out(HELP[io.lang]);
    return sub || args.options.help ? 0 : 2;
  }
  const emit = (payload: unknown, human: string, toErr = false) => (json ? io.out(JSON.stringify(payload)) : toErr ? io.err(human) : io.out(human));
  try {
    const { result, human } = await compute(sub, args, io);
    emit({ ok: true, result }, human);
    return 0;
  } catch (err) {
    if (err instanceof InvalidValue) {
      const reason = (err.result as { reason: string }).reason;
      const message = REASON_MESSAGES[reason]?.[io.lang] ?? reason;
      if (json) io.out(JSON.stringify({ ok: true, result: err.result }));
      else io.err(`${reason}: ${message}`);
      return 1;
    }
    if (err instanceof RuleError) {
      const template = RULE_MESSAGES[err.code][io.lang];
      const message = template.replace(/\{(\w+)\}/g, (w, k: string) => (err.params[k] === undefined ? w : String(err.params[k])));
      emit({ ok: false, error: { code: err.code, message } }, `${err.code}: ${message}`, true);
      return 1;
    }
    if (err instanceof UsageError) {
      const message = t(io.lang, 'cli.calc.usage', { detail: err.message });
      emit({ ok: false, error: { code: 'USAGE', message } }, message, true);
      return 2;
    }
    throw err;
  }
}
