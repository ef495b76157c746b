import type { Clock } from '../../core/clock.js';
import { byDeadline, isForRoles, type DeskFigure, type DeskItem, type DeskSeriesPoint, type DeskSource } from '../../core/desk.js';
import { AppError } from '../../core/errors.js';
import { registerMessages, t, type Locale } from '../../core/i18n/index.js';
import type { IdGenerator } from '../../core/ids.js';
import { requireReader, requireStaff, systemScope, type Scope, type StaffRole } from '../../core/scope.js';
import { formatShanghaiMinute, parts, shanghaiDate, type CalendarDate } from '../../rules/dates.js';
import type { BillingDesk } from '../billing/billing.desk.js';
import type { ComplianceDesk } from '../compliance/compliance.desk.js';
import type { ContractsDesk } from '../contracts/contracts.desk.js';
import type { CustomersDesk } from '../customers/customers.desk.js';
import { NEARLY_FULL_SHARE, type FacilityDesk } from '../facility/facility.desk.js';
import type { FloorService } from '../facility/floor.service.js';
import type { IncidentsDesk } from '../incidents/incidents.desk.js';
import { drainMailOutbox, type Mailer } from '../notices/mailer.js';
import type { TicketsDesk } from '../tickets/tickets.desk.js';
import type { PublicUser } from '../auth/users.service.js';
import type { DeskRepository } from './desk.repository.js';
import { DESK_MESSAGES } from './desk.messages.js';

registerMessages(DESK_MESSAGES);

/** The roles with a dashboard of their own (auditors read the admin's). */
export const DASHBOARD_ROLES = ['admin', 'sales', 'noc', 'compliance', 'finance'] as const;
export type DashboardRole = (typeof DASHBOARD_ROLES)[number];

export interface DeskChart {
  key: string;
  kind: 'line' | 'column' | 'bar' | 'pie';
  unit: DeskFigure['unit'];
  points: DeskSeriesPoint[];
}

/** The twelve calendar months ending with the current one, 'YYYY-MM', oldest first. */
export function lastTwelveMonths(today: CalendarDate): string[] {
  const { year, month } = parts(today);
  return Array.from({ length: 12 }, (_, i) => {
    const m = year * 12 + (month - 1) - (11 - i);
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** Every month of every series present, zero where the database had no row (a line without holes). */
function fillMonths(points: DeskSeriesPoint[], months: string[], series: string[]): DeskSeriesPoint[] {
  const at = new Map(points.map((p) => [`${p.series}|${p.label}`, p.value]));
  return series.flatMap((s) => months.map((m) => ({ label: m, series: s, value: at.get(`${s}|${m}`) ?? 0 })));
}

/**
 * The desk (issue 20 §1–3): one to-do list merged from every area's own SQL, the role dashboards
 * (figures counted by the database, each with the list behind it), and the daily digest e-mail.
 */
export function makeDeskService(deps: {
  repo: DeskRepository;
  sources: {
    customers: CustomersDesk;
    contracts: ContractsDesk;
    billing: BillingDesk;
    compliance: ComplianceDesk;
    tickets: TicketsDesk;
    incidents: IncidentsDesk;
    facility: FacilityDesk;
    /** issue 22: reconciliation findings and changes to report */
    regulator?: DeskSource;
    /** site access (issue 21) */
    access?: DeskSource;
  };
  floor: Pick<FloorService, 'roomUtilisation'>;
  users: { activeStaff(scope: Scope): Promise<PublicUser[]> };
  mailer: Mailer;
  provider: { current(scope: Scope): Promise<{ legalName: string; noticeEmail: string | null } | null> };
  publicUrl: string;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { sources: s, clock } = deps;
  const itemSources: DeskSource[] = [s.customers, s.contracts, s.billing, s.compliance, s.tickets, s.incidents, ...(s.regulator ? [s.regulator] : []), ...(s.access ? [s.access] : [])];

  async function allItems(scope: Scope): Promise<DeskItem[]> {
    const ctx = { now: clock.now() };
    // one after another: the embedded database has one connection, and each query is small
    const lists: DeskItem[][] = [];
    for (const src of itemSources) lists.push(await src.items(scope, ctx));
    return lists.flat().sort(byDeadline);
  }

  /** The list as one person sees it: staff by role (admins all), a customer user its own items. */
  async function todo(scope: Scope): Promise<DeskItem[]> {
    requireReader(scope);
    const items = await allItems(scope);
    if (scope.kind === 'customer') return items.filter((i) => i.forCustomer).map((i) => ({ ...i, link: i.portalLink ?? '/portal' }));
    if (scope.kind === 'staff') return items.filter((i) => isForRoles(i, scope.roles));
    return items;
  }

  const f = (key: string, value: number, unit: DeskFigure['unit'], link: string): DeskFigure => ({ key, value, unit, link });

  async function dashboard(scope: Scope, role: DashboardRole): Promise<{ role: DashboardRole; asOf: Date; figures: DeskFigure[]; charts: DeskChart[] }> {
    requireStaff(scope);
    if (scope.kind === 'staff' && !scope.roles.includes('admin') && !scope.roles.includes('auditor') && !scope.roles.includes(role as StaffRole)) throw new AppError('FORBIDDEN');
    const now = clock.now();
    const ctx = { now };
    const today = shanghaiDate(now);
    const months = lastTwelveMonths(today);
    const from = `${months[0]}-01` as CalendarDate;
    const figures: DeskFigure[] = [];
    const charts: DeskChart[] = [];
    const rooms = async () => {
      const rows = await deps.floor.roomUtilisation(systemScope('desk'));
      return rows.flatMap((r) => [
        { label: `${r.siteName} ${r.name}`, series: 'u', value: r.totalU > 0 ? Math.round((1000 * r.usedU) / r.totalU) / 10 : 0 },
        { label: `${r.siteName} ${r.name}`, series: 'power', value: r.powerBudgetW > 0 ? Math.round((1000 * r.powerW) / r.powerBudgetW) / 10 : 0 },
      ]);
    };
    switch (role) {
      case 'admin': {
        // independent aggregates, asked at once: on PostgreSQL each runs on its own pooled connection, so the
        // page takes about as long as its largest query (bench/desk.bench.ts); the embedded database queues them
        const [c, cu, b, i, fa, newContracts, revenue, compensation, byRoom] = await Promise.all([
          s.contracts.figures(ctx),
          s.customers.figures(),
          s.billing.figures(ctx),
          s.incidents.figures(ctx),
          s.facility.figures(),
          s.contracts.newPerMonth(ctx, from),
          s.billing.revenuePerMonth(from),
          s.incidents.compensationPerMonth(from),
          rooms(),
        ]);
        figures.push(
          f('activeContracts', c.activeContracts, 'count', '/console/contracts?status=active'),
          f('activeCustomers', cu.activeCustomers, 'count', '/console/customers?status=active'),
          f('annualContractValue', c.annualContractValueFen, 'fen', '/console/contracts?status=active'),
          f('receivable', b.receivableFen, 'fen', '/console/receivables'),
          f('overdue', b.overdueFen, 'fen', '/console/receivables?bucket=overdue'),
          f('renewals30', c.expiring30, 'count', '/console/expiring?within=30'),
          f('renewals60', c.expiring60, 'count', '/console/expiring?within=60'),
          f('incidentsOpen', i.incidentsOpen, 'count', '/console/incidents?status=open'),
          f('compensationHoursThisYear', i.compensationHoursThisYear, 'hours', '/console/incidents'),
          f('uUtilisation', fa.uUtilisationPercent, 'percent', '/console/racks'),
          f('powerUtilisation', fa.powerUtilisationPercent, 'percent', '/console/racks'),
        );
        charts.push(
          { key: 'newContracts', kind: 'line', unit: 'count', points: fillMonths(newContracts, months, ['newContracts']) },
          { key: 'revenue', kind: 'column', unit: 'fen', points: fillMonths(revenue, months, ['invoiced', 'received']) },
          { key: 'compensationHours', kind: 'column', unit: 'hours', points: fillMonths(compensation, months, ['compensationHours']) },
          { key: 'roomUtilisation', kind: 'bar', unit: 'percent', points: byRoom },
        );
        break;
      }
      case 'sales': {
        const c = await s.contracts.figures(ctx);
        figures.push(
          f('awaitingSignature', c.sent, 'count', '/console/contracts?status=sent'),
          f('draftContracts', c.draft, 'count', '/console/contracts?status=draft'),
          f('signedContracts', c.signed, 'count', '/console/contracts?status=signed'),
          f('activeContracts', c.activeContracts, 'count', '/console/contracts?status=active'),
          f('expiring7', c.expiring7, 'count', '/console/expiring?within=7'),
          f('expiring30', c.expiring30, 'count', '/console/expiring?within=30'),
          f('expiring60', c.expiring60, 'count', '/console/expiring?within=60'),
          f('nonRenewal60', c.objected60, 'count', '/console/expiring?within=60&renews=no'),
        );
        charts.push({
          key: 'pipeline',
          kind: 'column',
          unit: 'count',
          points: [
            { label: 'draft', series: 'contracts', value: c.draft },
            { label: 'sent', series: 'contracts', value: c.sent },
            { label: 'signed', series: 'contracts', value: c.signed },
            { label: 'active', series: 'contracts', value: c.activeContracts },
          ],
        });
        break;
      }
      case 'noc': {
        const [c, tk, i, fa, byRoom] = await Promise.all([s.contracts.figures(ctx), s.tickets.figures(ctx), s.incidents.figures(ctx), s.facility.figures(), rooms()]);
        figures.push(
          f('commissioningOpen', c.commissioningOpen, 'count', '/console/tasks?area=commissioning'),
          f('commissioningLate', c.commissioningLate, 'count', '/console/tasks?area=commissioning&late=1'),
          f('rebootTicketsOpen', tk.rebootTicketsOpen, 'count', '/console/tickets?type=reboot&open=1'),
          f('rebootTicketsLate', tk.rebootTicketsLate, 'count', '/console/tasks?kind=ticket.reboot&late=1'),
          f('incidentsOpen', i.incidentsOpen, 'count', '/console/incidents?status=open'),
          f('lineFaultsOpen', i.lineFaultsOpen, 'count', '/console/tasks?kind=incident.lineFault'),
          f('lineFaultsLate', i.lineFaultsLate, 'count', '/console/tasks?kind=incident.lineFault&late=1'),
          f('maintenanceNext7', i.maintenanceNext7, 'count', '/console/tasks?area=maintenance'),
          f('maintenanceUnnoticed', i.maintenanceUnnoticed, 'count', '/console/tasks?kind=maintenance.notice'),
          f('cabinetsNearlyFull', fa.cabinetsNearlyFull, 'count', `/console/racks?minUsed=${Math.round(NEARLY_FULL_SHARE * 100)}`),
        );
        charts.push({ key: 'roomUtilisation', kind: 'bar', unit: 'percent', points: byRoom });
        break;
      }
      case 'compliance': {
        const [c, domains] = await Promise.all([s.compliance.figures(ctx), s.compliance.domainsByStatus()]);
        figures.push(
          f('filingsAwaiting', c.filingsAwaiting, 'count', '/console/domains?status=submitted'),
          f('domainsRefused', c.domainsRefused, 'count', '/console/domains?status=refused'),
          f('complaintsOpen', c.complaintsOpen, 'count', '/console/tasks?kind=complaint.open'),
          f('complaintsLate', c.complaintsLate, 'count', '/console/tasks?kind=complaint.open&late=1'),
          f('attestationsExpiring', c.attestationsExpiring, 'count', '/console/tasks?kind=attestation.expiring'),
          f('inspectionsThisYear', c.inspectionsThisYear, 'count', '/console/conduct'),
        );
        charts.push({ key: 'domainsByStatus', kind: 'pie', unit: 'count', points: domains });
        break;
      }
      case 'finance': {
        const b = await s.billing.figures(ctx);
        figures.push(
          f('receivable', b.receivableFen, 'fen', '/console/receivables'),
          f('agingNotDue', b.agingNotDueFen, 'fen', '/console/receivables?bucket=not_due'),
          f('aging1to30', b.aging1to30Fen, 'fen', '/console/receivables?bucket=d1_30'),
          f('aging31to60', b.aging31to60Fen, 'fen', '/console/receivables?bucket=d31_60'),
          f('aging61to90', b.aging61to90Fen, 'fen', '/console/receivables?bucket=d61_90'),
          f('agingOver90', b.agingOver90Fen, 'fen', '/console/receivables?bucket=over_90'),
          f('paymentsThisMonth', b.paymentsThisMonthFen, 'fen', `/console/payments?from=${today.slice(0, 8)}01&to=${today}`),
          f('fapiaoWaiting', b.fapiaoWaiting, 'count', '/console/tasks?kind=fapiao.requested'),
          f('dunningDue', b.dunningDue, 'count', '/console/dunning?decision=proposed'),
        );
        charts.push({
          key: 'aging',
          kind: 'column',
          unit: 'fen',
          points: [
            { label: 'notDue', series: 'receivable', value: b.agingNotDueFen },
            { label: '1-30', series: 'receivable', value: b.aging1to30Fen },
            { label: '31-60', series: 'receivable', value: b.aging31to60Fen },
            { label: '61-90', series: 'receivable', value: b.aging61to90Fen },
            { label: '90+', series: 'receivable', value: b.agingOver90Fen },
          ],
        });
        break;
      }
    }
    return { role, asOf: now, figures, charts };
  }

  function digestText(user: PublicUser, items: DeskItem[], locale: Locale): string {
    const lines = items.map((i) => {
      const due = i.dueAt ? formatShanghaiMinute(i.dueAt) : t(locale, 'desk.digest.noDeadline');
      const words = t(locale, i.titleKey, i.params);
      return `- ${due}  ${words}${i.customerName ? ` · ${i.customerName}` : ''}${i.clause ? ` (${i.clause})` : ''}`;
    });
    return [t(locale, 'desk.digest.intro', { name: user.displayName }), '', ...lines, '', t(locale, 'desk.digest.footer', { url: deps.publicUrl.replace(/\/$/, '') })].join('\n');
  }

  return {
    todo,
    dashboard,

    async digestPreference(scope: Scope) {
      requireStaff(scope);
      if (scope.kind !== 'staff') throw new AppError('FORBIDDEN');
      return { optedOut: await deps.repo.isOptedOut(scope.userId) };
    },
    async setDigestPreference(scope: Scope, optedOut: boolean) {
      requireStaff(scope);
      if (scope.kind !== 'staff') throw new AppError('FORBIDDEN');
      await deps.repo.setOptOut(scope.userId, optedOut, clock.now());
      return { optedOut };
    },

    /**
     * Daily at 08:00 Asia/Shanghai (job desk-digest): each active staff member with an e-mail address,
     * not opted out, and anything on their list gets one digest (both languages, Chinese first) in the
     * outbox; the delivery step sends it. Idempotent per person and day.
     */
    queueDigests,
    deliverDigests,

    /** queue then send: what the 08:00 job runs */
    async sendDailyDigest() {
      const queued = await queueDigests();
      const delivered = await deliverDigests();
      return { queued, ...delivered };
    },
    digestsOf: (day: string) => deps.repo.digestsOf(day),
  };

  async function queueDigests(): Promise<number> {
    const now = clock.now();
    const day = shanghaiDate(now);
    const [staff, optedOut, items] = [await deps.users.activeStaff(systemScope('desk-digest')), await deps.repo.optedOut(), await allItems(systemScope('desk-digest'))];
    let queued = 0;
    for (const user of staff) {
      if (!user.email || optedOut.has(user.id)) continue;
      const mine = items.filter((i) => isForRoles(i, user.roles as StaffRole[]));
      if (mine.length === 0) continue;
      const subject = `${t('zh-CN', 'desk.digest.subject', { count: mine.length })} / ${t('en', 'desk.digest.subject', { count: mine.length })}`;
      const body = `${digestText(user, mine, 'zh-CN')}\n\n————\n\n${digestText(user, mine, 'en')}\n`;
      const isNew = await deps.repo.queueDigest({
        id: deps.ids.uuid(),
        userId: user.id,
        day,
        recipient: user.email,
        subject,
        body,
        itemCount: mine.length,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        claimedUntil: null,
        lastError: null,
        proof: null,
        sentAt: null,
        createdAt: now,
      });
      if (isNew) queued += 1;
    }
    return queued;
  }

  /** Sends due digests through SMTP; retried with the mail backoff, like the ticket mail. */
  async function deliverDigests(limit = 50) {
    if (!deps.mailer.configured) return { sent: 0, retried: 0, failed: 0 };
    const provider = await deps.provider.current(systemScope('desk-digest')).catch(() => null);
    const from = provider?.noticeEmail ? `"${provider.legalName}" <${provider.noticeEmail}>` : 'rackpact <noreply@localhost>';
    return drainMailOutbox({
      clock,
      limit,
      send: (mail) => deps.mailer.send(mail),
      claimNext: (at, claimedUntil) => deps.repo.db.transaction((tx) => deps.repo.claimDue(tx, at, claimedUntil)),
      attemptsOf: (mail) => mail.attempts,
      mailOf: (mail) => ({ from, to: mail.recipient, subject: mail.subject, text: mail.body }),
      record: (mail, claimedUntil, outcome) => deps.repo.recordOutcome(mail.id, claimedUntil, outcome),
    });
  }
}
export type DeskService = ReturnType<typeof makeDeskService>;
