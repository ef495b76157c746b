import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { Executor } from '../../db/client.js';
import { requirePermission, requireStaff, type Scope } from '../../core/scope.js';
import {
  arrangementProblems,
  arrangementToSchedule,
  diffAgainstDerivation,
  makeCalendar,
  parseYearSchedule,
  parts,
  provisionalArrangement,
  scheduleToArrangement,
  shanghaiDate,
  yearDays,
  type Calendar,
  type CalendarDate,
  type DayDiff,
  type DayView,
  type HolidayBlock,
  type YearSchedule,
} from '../../rules/index.js';
import type { Emitter } from '../../core/reactions.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { CalendarRepository, CalendarYearRow } from './calendar.repository.js';

/** The staff to-do item a module raises when the official calendar moved one of its open deadlines. */
export const DEADLINE_MOVED_TASK = 'calendar.deadlineMoved';

/** A stored date another module computed again when an official year was loaded. */
export interface RecomputedRecord {
  kind: string;
  entityId: string;
  /** the record's number (contract or invoice), for a label in the reader's language */
  number: string;
  /** in Chinese, as the audit has it */
  label: string;
  before: string;
  after: string;
}

/** packaged: the chinese-days data; loaded: an admin loaded the notice; provisional: derived from the holiday law. */
export const YEAR_ORIGINS = ['packaged', 'loaded', 'provisional'] as const;
export interface YearView {
  year: number;
  origin: (typeof YEAR_ORIGINS)[number];
  provisional: boolean;
  source: string | null;
  loadedAt: string | null;
  days: DayView[];
  arrangement: HolidayBlock[];
  diff: DayDiff[];
}

export interface ArrangementInput {
  source?: string;
  holidays: HolidayBlock[];
}

/** The to-do item for admins and NOC from 1 October while next year's arrangement is not loaded. */
export const NEXT_YEAR_TASK = 'calendar.nextYearProvisional';
const TASK_ROLES = ['admin', 'noc'] as const;
/** The State Council usually publishes next year's arrangement in the autumn; from 1 October its absence is flagged. */
const BANNER_FROM = '10-01';

/** One subject per (year, role): the task table takes one open item per kind, subject and date. */
const nextYearSubject = (year: number, role: (typeof TASK_ROLES)[number]) => `ca1e0000-0000-4000-8000-${String(year).padStart(8, '0')}${String(TASK_ROLES.indexOf(role) + 1).padStart(4, '0')}`;

/**
 * The working-day calendar the services use: the packaged State Council schedules, the years an
 * admin loaded from the official notice, and — for the years neither covers, up to the horizon —
 * the provisional derivation from the holiday law. Rebuilt when a year is loaded or the day changes;
 * in another process the cache expires within a minute.
 */
export function makeCalendarService(deps: {
  repo: CalendarRepository;
  audit: Pick<AuditService, 'record'>;
  customers: Pick<CustomersService, 'addTask' | 'closeTasksAbout'>;
  clock: Clock;
  /** CALENDAR_HORIZON_YEARS */
  horizonYears: number;
  /** asks calendar.yearLoaded (calendar.events.ts) of the modules that store dates computed on the calendar */
  bus: Emitter<Executor>;
}) {
  const { repo, audit, clock } = deps;
  const TTL_MS = 60_000;
  let cached: { calendar: Calendar; at: number; today: string } | undefined;
  const today = () => shanghaiDate(clock.now());

  const build = (rows: CalendarYearRow[], day: CalendarDate) => makeCalendar(rows.map((r) => r.schedule as YearSchedule), { today: day, horizonYears: deps.horizonYears });

  /** Pass the transaction when calling from inside one (the embedded database has one connection). */
  async function current(tx?: Executor): Promise<Calendar> {
    const now = clock.now().getTime();
    const day = today();
    if (!cached || now - cached.at > TTL_MS || now < cached.at || cached.today !== day) {
      cached = { calendar: build(await repo.list(tx), day), at: now, today: day };
    }
    return cached.calendar;
  }

  function view(calendar: Calendar, year: number, row: CalendarYearRow | undefined): YearView {
    const days = yearDays(calendar, year); // refuses a year out of coverage (CALENDAR_NOT_COVERED)
    const official = calendar.officialSchedule(year);
    const origin: YearView['origin'] = row ? 'loaded' : official ? 'packaged' : 'provisional';
    const source = row ? ((row.schedule as YearSchedule).source ?? null) : official ? '国务院办公厅节假日安排通知（chinese-days 数据包）' : null;
    return {
      year,
      origin,
      provisional: origin === 'provisional',
      source,
      loadedAt: row ? row.loadedAt.toISOString() : null,
      days,
      arrangement: official ? scheduleToArrangement(official) : provisionalArrangement(year),
      diff: official ? diffAgainstDerivation(year, days) : [],
    };
  }

  /** The arrangement checked field by field (zh-CN and en messages under calendar.arrangement.*). */
  function checkedSchedule(year: number, input: ArrangementInput): YearSchedule {
    const problems = arrangementProblems(year, input.holidays);
    if (problems.length) throw new AppError('VALIDATION_FAILED', {}, problems.map((p) => ({ path: p.path, key: `calendar.arrangement.${p.reason}`, params: p.params })));
    return arrangementToSchedule(year, input.holidays, input.source?.trim() || undefined);
  }

  /** Stores an official year and recomputes the open provisional records, in one transaction. */
  async function store(scope: Scope, schedule: YearSchedule, action: string): Promise<{ recomputed: RecomputedRecord[]; calendar: Calendar; row: CalendarYearRow }> {
    const result = await repo.db.transaction(async (tx) => {
      const before = (await repo.list(tx)).find((r) => r.year === schedule.year);
      const row: CalendarYearRow = { year: schedule.year, schedule, loadedBy: scope.kind === 'staff' ? scope.userId : null, loadedAt: clock.now() };
      await repo.upsert(tx, row);
      const calendar = build(await repo.list(tx), today());
      const recomputed = await deps.bus.ask(tx, scope, 'calendar.yearLoaded', calendar);
      await deps.customers.closeTasksAbout(tx, NEXT_YEAR_TASK, TASK_ROLES.map((role) => nextYearSubject(schedule.year, role)));
      const moved = recomputed.filter((r) => r.before !== r.after);
      await audit.record(tx, scope, { action, entity: 'calendar_year', entityId: String(schedule.year), before: before?.schedule ?? null, after: { ...schedule, recomputed: recomputed.length, moved } });
      return { recomputed, calendar, row };
    });
    cached = undefined;
    return result;
  }

  return {
    current,

    async coverage() {
      const loaded = (await repo.list()).map((r) => ({ year: r.year, loadedAt: r.loadedAt, source: (r.schedule as YearSchedule).source ?? null }));
      return { years: (await current()).coveredYears(), loaded };
    },

    /** What the calendar page and the banner need: today in Beijing, which years are official or provisional. */
    async status(scope: Scope) {
      requireStaff(scope);
      const calendar = await current();
      const day = today();
      const nextYear = parts(day).year + 1;
      const nextYearProvisional = !calendar.officialYears().includes(nextYear);
      return {
        today: day as string,
        officialYears: calendar.officialYears(),
        provisionalYears: calendar.provisionalYears(),
        nextYear,
        nextYearProvisional,
        bannerDue: nextYearProvisional && day.slice(5) >= BANNER_FROM,
      };
    },

    /** A year day by day, with the arrangement as the notice states it and (official years) the diff against the law's derivation. */
    async yearView(scope: Scope, year: number): Promise<YearView> {
      requireStaff(scope);
      const calendar = await current();
      const row = (await repo.list()).find((r) => r.year === year);
      return view(calendar, year, row);
    },

    /** The year as it would be with this arrangement, nothing saved (admin). */
    async preview(scope: Scope, year: number, input: ArrangementInput): Promise<YearView> {
      requirePermission(scope, 'calendar.edit');
      const schedule = checkedSchedule(year, input);
      const rows = (await repo.list()).filter((r) => r.year !== year);
      const calendar = makeCalendar([...rows.map((r) => r.schedule as YearSchedule), schedule], { today: today(), horizonYears: deps.horizonYears });
      return { ...view(calendar, year, undefined), origin: 'loaded', provisional: false, source: schedule.source ?? null, loadedAt: null };
    },

    /** Saves a year's official arrangement as an admin entered it from the notice (audited); open provisional records are recomputed. */
    async saveYear(scope: Scope, year: number, input: ArrangementInput): Promise<{ year: number; view: YearView; recomputed: RecomputedRecord[] }> {
      requirePermission(scope, 'calendar.edit');
      const schedule = checkedSchedule(year, input);
      const { recomputed, calendar, row } = await store(scope, schedule, 'calendar.saveYear');
      return { year, view: view(calendar, year, row), recomputed };
    },

    /** Loads (or replaces) a year's official schedule from its JSON file (YearSchedule); validated before anything is stored. */
    async loadYear(scope: Scope, json: unknown): Promise<number> {
      requirePermission(scope, 'calendar.edit');
      const schedule = parseYearSchedule(json);
      await store(scope, schedule, 'calendar.loadYear');
      return schedule.year;
    },

    /**
     * Daily (job calendar-next-year): from 1 October while next year is provisional, a to-do item for
     * admins and NOC; closed when the year is loaded. Catch-up safe: one item per year and role.
     */
    async remindNextYear(): Promise<number> {
      const calendar = await current();
      const day = today();
      const nextYear = parts(day).year + 1;
      if (day.slice(5) < BANNER_FROM || calendar.officialYears().includes(nextYear)) return 0;
      let created = 0;
      await repo.db.transaction(async (tx) => {
        for (const role of TASK_ROLES) {
          const isNew = await deps.customers.addTask(tx, {
            kind: NEXT_YEAR_TASK,
            role,
            customerId: null,
            subjectId: nextYearSubject(nextYear, role),
            dueOn: `${nextYear}-01-01`,
            payload: { year: nextYear, provisionalYears: calendar.provisionalYears() },
          });
          if (isNew) created += 1;
        }
      });
      return created;
    },
  };
}

export type CalendarService = ReturnType<typeof makeCalendarService>;
