import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { t } from '../../core/i18n/index.js';
import type { CalendarDate } from '../../rules/index.js';
import { scopeOf } from '../../http/auth.js';
import { contentDisposition } from '../../http/download.js';
import { FileBody } from '../../http/dto.js';
import {
  AcknowledgeBody,
  ChangeList,
  ChangeQuery,
  Converted,
  DismissBody,
  ExportBody,
  ExportList,
  ExportResult,
  Finding,
  FindingList,
  FindingQuery,
  IdParams,
  ReconcileBody,
  ReconcileResult,
  RegisterPage,
  RegisterParams,
  RegisterQuery,
  RegulatorSettings,
  RegulatorSettingsBody,
  RejectBody,
  Validation,
  Export,
} from './regulator.dto.js';
import type { RegulatorService } from './regulator.service.js';

const tags = ['regulator'];

/**
 * 监管报送 (issue 22 §1–3): the basic-data register as it stands, its checks, the change register, exports
 * (written to `exportDir`, downloaded from there), the regulator's answer, and the reconciliation's findings.
 * Compliance (and admin) act; auditors read — the service decides (src/core/permissions.ts `regulator.*`).
 */
export function regulatorRoutes(deps: { regulator: RegulatorService; exportDir: string }): FastifyPluginAsyncZod {
  const { regulator, exportDir } = deps;
  return async (app) => {
    app.get('/regulator/settings', { schema: { tags, summary: "The licence holder's particulars and the province's reporting days", response: { 200: RegulatorSettings } } }, async (request) =>
      regulator.settings(scopeOf(request)),
    );
    app.put('/regulator/settings', { schema: { tags, summary: 'Set the licence number, province, house nature and officer, and the working days to report a change', body: RegulatorSettingsBody, response: { 200: RegulatorSettings } } }, async (request) =>
      regulator.updateSettings(scopeOf(request), request.body),
    );
    app.get(
      '/regulator/register/:kind',
      { schema: { tags, summary: 'One record kind of the basic-data register as it stands now (a page, in the file’s field order), with the count of every kind', params: RegisterParams, querystring: RegisterQuery, response: { 200: RegisterPage } } },
      async (request) => {
        const { page, pageSize } = request.query;
        return regulator.registerPage(scopeOf(request), request.params.kind, { offset: (page - 1) * pageSize, limit: pageSize });
      },
    );
    app.get('/regulator/validation', { schema: { tags, summary: 'Every reason the register could not be exported now (kind, record, reason in the request’s language)', response: { 200: Validation } } }, async (request) => {
      const failures = await regulator.validate(scopeOf(request));
      return {
        valid: failures.length === 0,
        failures: failures.map((f) => ({ ...f, detail: f.detail ?? null, message: t(request.locale, `regulator.failure.${f.reason}`, { key: f.recordKey, detail: f.detail ?? '' }) })),
      };
    });
    app.get('/regulator/changes', { schema: { tags, summary: 'The change register, newest first (deadline, status; overdue flagged)', querystring: ChangeQuery, response: { 200: ChangeList } } }, async (request) => ({
      items: await regulator.changes(scopeOf(request), request.query),
    }));
    app.get('/regulator/exports', { schema: { tags, summary: 'Exports handed over and the regulator’s answers, newest first', response: { 200: ExportList } } }, async (request) => ({
      items: await regulator.exports(scopeOf(request)),
    }));
    app.post(
      '/regulator/exports',
      { schema: { tags, summary: 'Export: a full snapshot, or the changes since the last acknowledged export (or an instant); refused with every failure listed, nothing written', body: ExportBody, response: { 201: ExportResult } } },
      async (request, reply) => {
        const r = await regulator.export(scopeOf(request), { mode: request.body.mode, since: request.body.since ?? null, dir: exportDir });
        return reply.status(201).send({ export: r.export, files: r.files });
      },
    );
    app.get('/regulator/exports/:id/zip', { schema: { tags, summary: 'The export’s zip as written (checked against its recorded SHA-256)', params: IdParams, produces: ['application/zip'], response: { 200: FileBody } } }, async (request, reply) => {
      const f = await regulator.exportZip(scopeOf(request), request.params.id, exportDir);
      reply.header('content-type', 'application/zip').header('content-disposition', contentDisposition(f.fileName)).header('x-content-sha256', f.sha256).header('x-content-type-options', 'nosniff');
      return f.bytes;
    });
    app.post('/regulator/exports/:id/acknowledge', { schema: { tags, summary: 'The regulator accepted the export (its result code); its changes are acknowledged', params: IdParams, body: AcknowledgeBody, response: { 200: Export } } }, async (request) =>
      regulator.decide(scopeOf(request), request.params.id, { accepted: true, resultCode: request.body.resultCode }),
    );
    app.post('/regulator/exports/:id/reject', { schema: { tags, summary: 'The regulator refused the export (result code and reason); its changes go out again with the next incremental export', params: IdParams, body: RejectBody, response: { 200: Export } } }, async (request) =>
      regulator.decide(scopeOf(request), request.params.id, { accepted: false, resultCode: request.body.resultCode, reason: request.body.reason }),
    );
    app.get('/regulator/findings', { schema: { tags, summary: 'Reconciliation findings, soonest deadline first', querystring: FindingQuery, response: { 200: FindingList } } }, async (request) => ({
      items: await regulator.findings(scopeOf(request), request.query),
    }));
    app.post('/regulator/findings/:id/convert', { schema: { tags, summary: 'Turn a finding into a complaint/violation (5.6 unfiled site) in one step', params: IdParams, response: { 200: Converted } } }, async (request) => {
      const r = await regulator.convertFinding(scopeOf(request), request.params.id);
      return { finding: r.finding, complaint: { id: r.complaint.id, number: r.complaint.number, customerId: r.complaint.customerId } };
    });
    app.post('/regulator/findings/:id/dismiss', { schema: { tags, summary: 'Dismiss a finding with a note', params: IdParams, body: DismissBody, response: { 200: Finding } } }, async (request) =>
      regulator.dismissFinding(scopeOf(request), request.params.id, request.body.note),
    );
    app.post('/regulator/reconcile', { schema: { tags, summary: 'Reconcile now: each day after the last reconciled one up to yesterday (or `through`)', body: ReconcileBody, response: { 200: ReconcileResult } } }, async (request) =>
      regulator.reconcile(scopeOf(request), { through: request.body.through as CalendarDate | undefined }),
    );
  };
}
