import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { IdParams } from '../../http/dto.js';
import { ClassifyBody, MaybeSecurityReport, ReportedBody, ReportFormBody, SecurityReport, SecuritySettings } from './security-reports.dto.js';
import type { SecurityReportsService } from './security-reports.service.js';

const tags = ['incidents'];

/** Issue 22 §6: a network-security event's grade, its report clock and form, kept with the incident. */
export function securityReportsRoutes(deps: { securityReports: SecurityReportsService }): FastifyPluginAsyncZod {
  const { securityReports } = deps;
  return async (app) => {
    app.get('/incidents/security-settings', { schema: { tags, summary: 'Whether the provider reports as a critical-infrastructure operator (1 h instead of 4 h)', response: { 200: SecuritySettings } } }, async (request) =>
      securityReports.settings(scopeOf(request)),
    );
    app.put('/incidents/security-settings', { schema: { tags, summary: 'Set the critical-infrastructure operator setting (admin)', body: SecuritySettings, response: { 200: SecuritySettings } } }, async (request) =>
      securityReports.setCriticalInfrastructure(scopeOf(request), request.body.criticalInfrastructure),
    );
    app.get('/incidents/:id/security-report', { schema: { tags, summary: "The incident's security-event grade and report (null when not classified)", params: IdParams, response: { 200: MaybeSecurityReport } } }, async (request) => ({
      report: await securityReports.get(scopeOf(request), request.params.id),
    }));
    app.post('/incidents/:id/security-report/classify', { schema: { tags, summary: 'Classify as a network-security event: 较大 or graver starts the 4 h (1 h) report clock', params: IdParams, body: ClassifyBody, response: { 200: SecurityReport } } }, async (request) =>
      securityReports.classify(scopeOf(request), request.params.id, request.body.grade),
    );
    app.put('/incidents/:id/security-report', { schema: { tags, summary: 'Save the report form (unit, time, place, type, impact, measures)', params: IdParams, body: ReportFormBody, response: { 200: SecurityReport } } }, async (request) =>
      securityReports.saveForm(scopeOf(request), request.params.id, request.body),
    );
    app.post('/incidents/:id/security-report/reported', { schema: { tags, summary: 'Record that the report was made (every item filled in): to whom and when', params: IdParams, body: ReportedBody, response: { 200: SecurityReport } } }, async (request) =>
      securityReports.markReported(scopeOf(request), request.params.id, request.body),
    );
  };
}
