import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { DOCUMENT_TYPES } from '../../files/sniff.js';
import { scopeOf } from '../../http/auth.js';
import { FileBody, IdParams } from '../../http/dto.js';
import { readForm, readUpload, UPLOAD_MAX_BYTES } from '../../http/upload.js';
import { DECLARABLE_SERVICES, PROHIBITED_SERVICES } from '../../rules/index.js';
import type { ComplaintsService } from './complaints.service.js';
import {
  AddDomainBody,
  AttestationQuery,
  AttestBody,
  Complaint,
  ComplaintList,
  ComplaintQuery,
  ComplianceDomain,
  ComplianceDomainList,
  ConfirmBody,
  DeclaredService,
  DeclaredServiceList,
  DeclareServiceBody,
  DomainQuery,
  EditDomainBody,
  GateApplyBody,
  GateApplyResult,
  GatePreview,
  GateStatus,
  Inspection,
  InspectionFields,
  InspectionList,
  InspectionQuery,
  IntakeBody,
  LogRetentionAttestation,
  LogRetentionAttestationList,
  LogRetentionReadiness,
  Note,
  NotifyBody,
  PaperAttestationFields,
  Reason,
  ServerSuspension,
  ServerSuspensionList,
  ServiceQuery,
  SuspendBody,
  SuspensionQuery,
  TerminateBody,
  TerminatedContract,
  VerifyDomainBody,
  WithholdBody,
} from './compliance.dto.js';
import type { DeclarationsService } from './declarations.service.js';
import type { DomainsService } from './domains.service.js';
import type { GateService } from './gate.service.js';
import type { InspectionsService } from './inspections.service.js';
import { contentDisposition } from '../../http/download.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['compliance'];
/** The filed documents (evidence, agreements, authorisation scans) are PDF, JPEG or PNG, sent as attachments. */
const fileDownload = { params: IdParams, produces: [...DOCUMENT_TYPES], response: { 200: FileBody } };

/** A filed document as a download: its own type, never sniffed by the browser; a customer's file is private. */
function sendDocument(reply: FastifyReply, f: { bytes: Buffer; contentType: string; fileName: string }) {
  reply.header('content-type', f.contentType).header('content-disposition', contentDisposition(f.fileName)).header('x-content-type-options', 'nosniff');
  return f.bytes;
}

/** 域名清单 (5.6, 5.7, 5.11): the domain list and its verification queue. */
function domainRoutes(app: App, domains: DomainsService) {
  app.get('/compliance/domains', { schema: { tags, summary: 'The domain list (a customer sees its own)', querystring: DomainQuery, response: { 200: ComplianceDomainList } } }, async (request) => ({
    items: await domains.list(scopeOf(request), request.query),
  }));
  app.post(
    '/compliance/domains',
    { schema: { tags, summary: 'Add a website to the domain list (5.11); it is not served until verified', body: AddDomainBody, response: { 201: ComplianceDomain } } },
    async (request, reply) => reply.status(201).send(await domains.add(scopeOf(request), request.body)),
  );
  app.get('/compliance/domains/:id', { schema: { tags, summary: 'One domain entry', params: IdParams, response: { 200: ComplianceDomain } } }, async (request) => domains.get(scopeOf(request), request.params.id));
  app.put(
    '/compliance/domains/:id',
    { schema: { tags, summary: 'Edit a filing (5.7): the entry goes back for verification', params: IdParams, body: EditDomainBody, response: { 200: ComplianceDomain } } },
    async (request) => domains.edit(scopeOf(request), request.params.id, request.body),
  );
  app.post(
    '/compliance/domains/:id/evidence',
    { schema: { tags, summary: 'Upload the MIIT record screenshot or licence copy (multipart: file — PDF/JPEG/PNG ≤ 10 MB)', params: IdParams, consumes: ['multipart/form-data'], response: { 200: ComplianceDomain } } },
    async (request) => domains.uploadEvidence(scopeOf(request), request.params.id, await readUpload(request, UPLOAD_MAX_BYTES)),
  );
  app.get('/compliance/domains/:id/evidence', { schema: { tags, summary: 'The evidence file', ...fileDownload } }, async (request, reply) =>
    sendDocument(reply, await domains.evidence(scopeOf(request), request.params.id)),
  );
  app.post('/compliance/domains/:id/verify', { schema: { tags, summary: 'Verify (or re-verify) a filing, saying how (compliance)', params: IdParams, body: VerifyDomainBody, response: { 200: ComplianceDomain } } }, async (request) =>
    domains.verify(scopeOf(request), request.params.id, request.body),
  );
  app.post('/compliance/domains/:id/suspend', { schema: { tags, summary: 'Suspend access to a site (5.7)', params: IdParams, body: Reason, response: { 200: ComplianceDomain } } }, async (request) =>
    domains.suspend(scopeOf(request), request.params.id, request.body.reason),
  );
  app.post('/compliance/domains/:id/revoke', { schema: { tags, summary: 'Revoke a site for good (5.7)', params: IdParams, body: Reason, response: { 200: ComplianceDomain } } }, async (request) =>
    domains.revoke(scopeOf(request), request.params.id, request.body.reason),
  );
  app.get('/compliance/queue/filings', { schema: { tags, summary: 'Filings to verify (new, edited, due yearly)', response: { 200: ComplianceDomainList } } }, async (request) => ({
    items: await domains.queue(scopeOf(request)),
  }));
}

/** The access gate: nginx serves only verified domains (先备案后接入). */
function gateRoutes(app: App, gate: GateService) {
  app.get('/compliance/gate', { schema: { tags, summary: 'The gate: what nginx runs, the last apply and its result', response: { 200: GateStatus } } }, async (request) => gate.status(scopeOf(request)));
  app.post(
    '/compliance/gate/apply',
    { schema: { tags, summary: 'Write the maps, nginx -t, reload (a failed test keeps the previous gate)', body: GateApplyBody, response: { 200: GateApplyResult } } },
    async (request) => gate.apply(scopeOf(request), { force: request.body.force }),
  );
  app.get('/compliance/gate/preview', { schema: { tags, summary: 'The files the gate would write now', response: { 200: GatePreview } } }, async (request) => gate.preview(scopeOf(request)));
}

/** 5.3 declared services and their agreements; 5.5 log-retention attestations and readiness. */
function declarationRoutes(app: App, declarations: DeclarationsService) {
  app.get('/compliance/services', { schema: { tags, summary: 'Declared services per server, with standing violations', querystring: ServiceQuery, response: { 200: DeclaredServiceList } } }, async (request) => ({
    items: await declarations.services(scopeOf(request), request.query),
  }));
  app.post(
    '/compliance/services',
    {
      schema: {
        tags,
        summary: `Declare a service on a server (5.3): ${DECLARABLE_SERVICES.join(', ')}; ${PROHIBITED_SERVICES.join(', ')} are refused`,
        body: DeclareServiceBody,
        response: { 201: DeclaredService },
      },
    },
    async (request, reply) => reply.status(201).send(await declarations.declareService(scopeOf(request), request.body)),
  );
  app.post(
    '/compliance/services/:id/agreement',
    { schema: { tags, summary: 'File the signed supplementary agreement (multipart: file)', params: IdParams, consumes: ['multipart/form-data'], response: { 200: DeclaredService } } },
    async (request) => declarations.fileAgreement(scopeOf(request), request.params.id, await readUpload(request, UPLOAD_MAX_BYTES)),
  );
  app.get('/compliance/services/:id/agreement', { schema: { tags, summary: 'The signed supplementary agreement (5.3)', ...fileDownload } }, async (request, reply) =>
    sendDocument(reply, await declarations.serviceAgreementFile(scopeOf(request), request.params.id)),
  );
  app.post('/compliance/services/:id/withdraw', { schema: { tags, summary: 'Withdraw a declared service', params: IdParams, response: { 200: DeclaredService } } }, async (request) =>
    declarations.withdrawService(scopeOf(request), request.params.id),
  );

  app.get(
    '/compliance/attestations',
    { schema: { tags, summary: "A customer's log-retention attestations, latest first", querystring: AttestationQuery, response: { 200: LogRetentionAttestationList } } },
    async (request) => ({ items: await declarations.attestations(scopeOf(request), request.query.customerId) }),
  );
  app.post(
    '/compliance/attestations',
    { schema: { tags, summary: 'Attest where and how long access logs are kept (≥ 6 months)', body: AttestBody, response: { 201: LogRetentionAttestation } } },
    async (request, reply) => reply.status(201).send(await declarations.attest(scopeOf(request), request.body)),
  );
  app.post(
    '/compliance/attestations/paper',
    {
      schema: {
        tags,
        summary: 'Record an attestation the customer signed on paper (staff; multipart: customerId, location, retentionMonths, receivedBy, receivedOn, file)',
        consumes: ['multipart/form-data'],
        response: { 201: LogRetentionAttestation },
      },
    },
    async (request, reply) => {
      const { fields, ...file } = await readUpload(request, UPLOAD_MAX_BYTES);
      const parsed = PaperAttestationFields.safeParse(fields);
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', {}, parsed.error.issues.map((i) => ({ path: i.path.join('.'), key: 'field.invalid' })));
      return reply.status(201).send(await declarations.recordPaper(scopeOf(request), { ...parsed.data, file }));
    },
  );
  app.get('/compliance/attestations/:id/scan', { schema: { tags, summary: "A paper attestation's signed scan", ...fileDownload } }, async (request, reply) =>
    sendDocument(reply, await declarations.attestationScan(scopeOf(request), request.params.id)),
  );
  app.get(
    '/compliance/readiness/:id',
    { schema: { tags, summary: 'Log-retention readiness of a customer (for activation, 5.5)', params: IdParams, response: { 200: LogRetentionReadiness } } },
    async (request) => {
      const scope = scopeOf(request);
      if (scope.kind === 'customer' && scope.customerId !== request.params.id) throw new AppError('NOT_FOUND', { entity: 'customer' });
      if (scope.kind === 'token') throw new AppError('FORBIDDEN');
      return declarations.logRetentionReadiness(scope, request.params.id);
    },
  );
  app.get('/compliance/queue/attestations', { schema: { tags, summary: 'Attestations lapsed or lapsing within 30 days', response: { 200: LogRetentionAttestationList } } }, async (request) => ({
    items: await declarations.attestationsDue(scopeOf(request)),
  }));
}

/** 5.4, 5.8 complaints and violations; 6.3 suspension of the server; 6.8 termination for cause. */
function complaintRoutes(app: App, complaints: ComplaintsService) {
  app.get('/compliance/complaints', { schema: { tags, summary: 'Complaints (a customer sees those about it)', querystring: ComplaintQuery, response: { 200: ComplaintList } } }, async (request) => ({
    items: await complaints.complaints(scopeOf(request), { customerId: request.query.customerId, status: request.query.status ? [request.query.status] : undefined }),
  }));
  app.post('/compliance/complaints', { schema: { tags, summary: 'Take in a complaint; the IP or domain names the customer', body: IntakeBody, response: { 201: Complaint } } }, async (request, reply) =>
    reply.status(201).send(await complaints.intake(scopeOf(request), request.body)),
  );
  app.get('/compliance/complaints/:id', { schema: { tags, summary: 'One complaint', params: IdParams, response: { 200: Complaint } } }, async (request) => complaints.complaint(scopeOf(request), request.params.id));
  app.post(
    '/compliance/complaints/:id/evidence',
    { schema: { tags, summary: 'Attach the complaint evidence (multipart: file)', params: IdParams, consumes: ['multipart/form-data'], response: { 200: Complaint } } },
    async (request) => complaints.complaintEvidence(scopeOf(request), request.params.id, await readUpload(request, UPLOAD_MAX_BYTES)),
  );
  app.get('/compliance/complaints/:id/evidence', { schema: { tags, summary: 'The complaint evidence file', ...fileDownload } }, async (request, reply) =>
    sendDocument(reply, await complaints.complaintEvidenceFile(scopeOf(request), request.params.id)),
  );
  app.post('/compliance/complaints/:id/notify', { schema: { tags, summary: 'Notify the customer (第九条) with a deadline', params: IdParams, body: NotifyBody, response: { 200: Complaint } } }, async (request) =>
    complaints.notifyComplaint(scopeOf(request), request.params.id, request.body),
  );
  app.post('/compliance/complaints/:id/confirm', { schema: { tags, summary: 'Confirm a violation, citing its clause', params: IdParams, body: ConfirmBody, response: { 200: Complaint } } }, async (request) =>
    complaints.confirmViolation(scopeOf(request), request.params.id, request.body),
  );
  app.post('/compliance/complaints/:id/dismiss', { schema: { tags, summary: 'Dismiss a complaint', params: IdParams, body: Note, response: { 200: Complaint } } }, async (request) =>
    complaints.dismissComplaint(scopeOf(request), request.params.id, request.body),
  );
  app.post('/compliance/complaints/:id/resolve', { schema: { tags, summary: 'Record that a confirmed violation was remedied', params: IdParams, body: Note, response: { 200: Complaint } } }, async (request) =>
    complaints.resolveComplaint(scopeOf(request), request.params.id, request.body),
  );
  app.post(
    '/compliance/complaints/:id/terminate',
    { schema: { tags, summary: 'Terminate the contract for cause (6.8; breaches of 5.3–5.7 only, no refund)', params: IdParams, body: TerminateBody, response: { 200: TerminatedContract } } },
    async (request) => {
      const c = await complaints.terminateForCause(scopeOf(request), request.params.id, request.body.contractId);
      return { id: c.id, status: c.status };
    },
  );

  app.get('/compliance/suspensions', { schema: { tags, summary: 'Server suspensions and restorations', querystring: SuspensionQuery, response: { 200: ServerSuspensionList } } }, async (request) => ({
    items: await complaints.suspensions(scopeOf(request), { customerId: request.query.customerId, serverId: request.query.serverId, liveOnly: request.query.live ?? false }),
  }));
  app.post(
    '/compliance/suspensions',
    { schema: { tags, summary: 'Suspend a server: the gate closes its domains; NOC gets the port shutdown instruction', body: SuspendBody, response: { 201: ServerSuspension } } },
    async (request, reply) => reply.status(201).send(await complaints.suspendServer(scopeOf(request), request.body)),
  );
  app.post('/compliance/suspensions/:id/restore', { schema: { tags, summary: 'Restore service once the fault is fixed (6.3)', params: IdParams, body: Note, response: { 200: ServerSuspension } } }, async (request) =>
    complaints.restoreServer(scopeOf(request), request.params.id, request.body.note),
  );
}

/** 6.6 inspections on an authority's authorisation. */
function inspectionRoutes(app: App, inspections: InspectionsService) {
  app.get('/compliance/inspections', { schema: { tags, summary: 'Inspections (a customer sees those not withheld)', querystring: InspectionQuery, response: { 200: InspectionList } } }, async (request) => ({
    items: await inspections.inspections(scopeOf(request), request.query),
  }));
  app.post(
    '/compliance/inspections',
    {
      schema: {
        tags,
        summary: 'Record an inspection (multipart: serverId, authority, documentNumber, inspectedAt, scope, staffPresent, withheld, withheldReason, file — the authorisation scan)',
        consumes: ['multipart/form-data'],
        response: { 201: Inspection },
      },
    },
    async (request, reply) => {
      const { fields, file } = await readForm(request, { maxBytes: UPLOAD_MAX_BYTES });
      const meta = InspectionFields.safeParse(fields);
      if (!meta.success) throw new AppError('VALIDATION_FAILED', {}, meta.error.issues.map((i) => ({ path: i.path.join('.'), key: 'field.invalid' })));
      if (!file) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'field.required' }]);
      return reply.status(201).send(await inspections.recordInspection(scopeOf(request), { ...meta.data, withheld: meta.data.withheld ?? false }, file));
    },
  );
  app.post(
    '/compliance/inspections/:id/withhold',
    { schema: { tags, summary: "Withhold a record from the customer on the authority's instruction, or release it (reason required)", params: IdParams, body: WithholdBody, response: { 200: Inspection } } },
    async (request) => inspections.setWithheld(scopeOf(request), request.params.id, request.body),
  );
  app.get('/compliance/inspections/:id/document', { schema: { tags, summary: 'The authorisation scan', ...fileDownload } }, async (request, reply) =>
    sendDocument(reply, await inspections.inspectionDocument(scopeOf(request), request.params.id)),
  );
}

export function complianceRoutes(deps: { domains: DomainsService; gate: GateService; declarations: DeclarationsService; complaints: ComplaintsService; inspections: InspectionsService }): FastifyPluginAsyncZod {
  return async (app) => {
    domainRoutes(app, deps.domains);
    gateRoutes(app, deps.gate);
    declarationRoutes(app, deps.declarations);
    complaintRoutes(app, deps.complaints);
    inspectionRoutes(app, deps.inspections);
  };
}
