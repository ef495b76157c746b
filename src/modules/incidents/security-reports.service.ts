import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { requirePermission, requireStaff, type Scope } from '../../core/scope.js';
import { missingReportItems, securityReportDeadline, securityReportLate, type SecurityGrade } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { IncidentsRepository } from './incidents.repository.js';
import type { SecurityReportRow, SecurityReportsRepository } from './security-reports.repository.js';

export interface ReportForm {
  unit?: string | null;
  occurredAt?: string | null;
  place?: string | null;
  eventType?: string | null;
  impact?: string | null;
  measures?: string | null;
}

// the incident.securityReport roles act (the permission table); auditors read too
const reader = (scope: Scope) => requireStaff(scope, 'noc', 'compliance', 'auditor');
const actorId = (scope: Scope) => (scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null);
const clean = (v: string | null | undefined) => (v === undefined ? undefined : v === null || !v.trim() ? null : v.trim());

/**
 * Issue 22 §6: an incident classified as a network-security event. A 较大 or graver event starts the
 * report clock of 国家网络安全事件报告管理办法 — 4 hours from when it was found (the incident's
 * reported-at), 1 hour when the provider is a critical-information-infrastructure operator (a
 * setting) — and carries the report form (unit, time, place, type, impact, measures) with the
 * incident; marking it reported needs every item, and records to whom and when.
 */
export function makeSecurityReportsService(deps: {
  repo: SecurityReportsRepository;
  incidents: Pick<IncidentsRepository, 'find'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
}) {
  const { repo, audit, clock } = deps;

  const view = (r: SecurityReportRow) => ({ ...r, missing: missingReportItems(r), late: securityReportLate(r.reportDueAt, r.reportedAt, clock.now()) });

  async function incidentOf(scope: Scope, id: string) {
    const incident = await deps.incidents.find(scope, id);
    if (!incident) throw new AppError('NOT_FOUND', { entity: 'incident' });
    return incident;
  }

  return {
    async settings(scope: Scope) {
      reader(scope);
      return { criticalInfrastructure: await repo.criticalInfrastructure() };
    },
    async setCriticalInfrastructure(scope: Scope, value: boolean) {
      requirePermission(scope, 'incident.criticalInfrastructure');
      await repo.db.transaction(async (tx) => {
        const before = await repo.criticalInfrastructure(tx);
        await repo.setCriticalInfrastructure(tx, value, actorId(scope), clock.now());
        await audit.record(tx, scope, { action: 'securityReport.settings', entity: 'security_report_settings', entityId: null, before: { criticalInfrastructure: before }, after: { criticalInfrastructure: value } });
      });
      return { criticalInfrastructure: value };
    },

    async get(scope: Scope, incidentId: string) {
      reader(scope);
      await incidentOf(scope, incidentId);
      const row = await repo.find(incidentId);
      return row ? view(row) : null;
    },

    /** Grade the event; the clock runs from when the incident was found, and a regrade recomputes it (until reported). */
    async classify(scope: Scope, incidentId: string, grade: SecurityGrade) {
      requirePermission(scope, 'incident.securityReport');
      const incident = await incidentOf(scope, incidentId);
      return repo.db.transaction(async (tx) => {
        const before = await repo.lock(tx, incidentId);
        if (before?.reportedAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'grade', key: 'security.alreadyReported' }]);
        const cii = await repo.criticalInfrastructure(tx);
        const now = clock.now();
        const row: SecurityReportRow = {
          incidentId,
          grade,
          classifiedAt: now,
          classifiedBy: actorId(scope),
          criticalInfrastructure: cii,
          reportDueAt: securityReportDeadline(grade, incident.reportedAt, cii),
          unit: before?.unit ?? null,
          occurredAt: before?.occurredAt ?? incident.startedAt,
          place: before?.place ?? null,
          eventType: before?.eventType ?? null,
          impact: before?.impact ?? null,
          measures: before?.measures ?? null,
          reportedAt: null,
          reportedBy: null,
          reportedTo: null,
          updatedAt: now,
        };
        // the deadline must lie after classification (schema CHECK); one found long ago is due at once
        if (row.reportDueAt && row.reportDueAt <= now) row.reportDueAt = new Date(now.getTime() + 1000);
        const after = await repo.upsert(tx, row);
        await audit.record(tx, scope, { action: 'securityReport.classify', entity: 'incident', entityId: incidentId, before: before ?? null, after });
        return view(after);
      });
    },

    /** The form's items, kept with the incident (a draft until reported). */
    async saveForm(scope: Scope, incidentId: string, form: ReportForm) {
      requirePermission(scope, 'incident.securityReport');
      await incidentOf(scope, incidentId);
      return repo.db.transaction(async (tx) => {
        const before = await repo.lock(tx, incidentId);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'securityReport' });
        if (before.reportedAt) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'unit', key: 'security.alreadyReported' }]);
        const occurredAt = form.occurredAt === undefined ? before.occurredAt : form.occurredAt ? new Date(form.occurredAt) : null;
        if (occurredAt && Number.isNaN(occurredAt.getTime())) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'occurredAt', key: 'field.invalid' }]);
        const next: SecurityReportRow = {
          ...before,
          unit: clean(form.unit) ?? (form.unit === undefined ? before.unit : null),
          occurredAt,
          place: clean(form.place) ?? (form.place === undefined ? before.place : null),
          eventType: clean(form.eventType) ?? (form.eventType === undefined ? before.eventType : null),
          impact: clean(form.impact) ?? (form.impact === undefined ? before.impact : null),
          measures: clean(form.measures) ?? (form.measures === undefined ? before.measures : null),
          updatedAt: clock.now(),
        };
        const after = await repo.upsert(tx, next);
        await audit.record(tx, scope, { action: 'securityReport.form', entity: 'incident', entityId: incidentId, before, after });
        return view(after);
      });
    },

    /** Reported to the authority: every item must be filled in; when and to whom is recorded (late or not). */
    async markReported(scope: Scope, incidentId: string, input: { reportedTo: string; reportedAt?: string | null }) {
      requirePermission(scope, 'incident.securityReport');
      await incidentOf(scope, incidentId);
      return repo.db.transaction(async (tx) => {
        const before = await repo.lock(tx, incidentId);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'securityReport' });
        const missing = missingReportItems(before);
        // one error per missing item, each naming the item in words (the form marks every field at once)
        if (missing.length) throw new AppError('VALIDATION_FAILED', {}, missing.map((item) => ({ path: item, key: `security.reportMissing.${item}` })));
        if (!input.reportedTo.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'reportedTo', key: 'field.required' }]);
        const at = input.reportedAt ? new Date(input.reportedAt) : clock.now();
        if (Number.isNaN(at.getTime()) || at > clock.now()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'reportedAt', key: 'field.invalid' }]);
        const after = await repo.upsert(tx, { ...before, reportedAt: at, reportedBy: actorId(scope), reportedTo: input.reportedTo.trim(), updatedAt: clock.now() });
        await audit.record(tx, scope, { action: 'securityReport.reported', entity: 'incident', entityId: incidentId, before, after });
        return view(after);
      });
    },
  };
}

export type SecurityReportsService = ReturnType<typeof makeSecurityReportsService>;
