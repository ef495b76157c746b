import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { scopeOf } from '../../http/auth.js';
import { readForm, UPLOAD_MAX_BYTES } from '../../http/upload.js';
import { IdParams, InstantString, RowVersion, Timestamp } from '../../http/dto.js';
import { DECLARABLE_SERVICES, PROHIBITED_SERVICES } from '../../rules/index.js';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, DOMAIN_STATUSES, DOMAIN_USES, GATE_OUTCOMES, VERIFICATION_METHODS, VIOLATION_CLAUSES } from './compliance.schema.js';
import type { Upload } from './common.js';
import type { ComplaintsService } from './complaints.service.js';
import type { DeclarationsService } from './declarations.service.js';
import type { InspectionsService } from './inspections.service.js';
import type { DomainsService } from './domains.service.js';
import type { GateService } from './gate.service.js';

const Domain = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    serverId: z.uuid(),
    domain: z.string().meta({ description: 'ASCII (punycode) form, as DNS and nginx see it' }),
    domainUnicode: z.string(),
    address: z.string(),
    use: z.enum(DOMAIN_USES),
    filingNumber: z.string(),
    psbNumber: z.string().nullable(),
    hasEvidence: z.boolean(),
    evidenceFileName: z.string().nullable(),
    evidenceContentType: z.string().nullable(),
    status: z.enum(DOMAIN_STATUSES),
    statusReason: z.string().nullable(),
    verifiedAt: Timestamp,
    verifiedBy: z.string().nullable(),
    verifier: z.string().nullable(),
    verificationMethod: z.enum(VERIFICATION_METHODS).nullable(),
    verificationNote: z.string().nullable(),
    reverifyDueOn: z.string().nullable(),
    reverificationOverdue: z.boolean().optional(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'ComplianceDomain' });

const GateApply = z
  .object({ id: z.uuid(), startedAt: Timestamp, finishedAt: Timestamp, outcome: z.enum(GATE_OUTCOMES), fingerprint: z.string(), domainCount: z.number().int(), output: z.string(), triggeredBy: z.string() })
  .meta({ id: 'GateApply' });
const GateStatus = z
  .object({ dir: z.string(), httpListen: z.string(), httpsListen: z.string(), domainCount: z.number().int(), fingerprint: z.string(), inForce: GateApply.nullable(), lastAttempt: GateApply.nullable(), pending: z.boolean(), recent: z.array(GateApply) })
  .meta({ id: 'GateStatus' });

const Service = z
  .object({ id: z.uuid(), customerId: z.uuid(), serverId: z.uuid(), kind: z.string(), description: z.string(), hasAgreement: z.boolean(), agreementFileName: z.string().nullable(), agreementUploadedAt: Timestamp, declaredAt: Timestamp, withdrawnAt: Timestamp, violation: z.string().nullable() })
  .meta({ id: 'DeclaredService' });
const Attestation = z
  .object({ id: z.uuid(), customerId: z.uuid(), customerName: z.string().optional(), location: z.string(), retentionMonths: z.number().int(), attestedOn: z.string(), validUntil: z.string(), remindedAt: Timestamp, createdAt: Timestamp, state: z.string().optional() })
  .meta({ id: 'LogRetentionAttestation' });
const Complaint = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    serverId: z.uuid().nullable(),
    domainId: z.uuid().nullable(),
    source: z.string().nullable(), // null for a customer: who complained is not theirs to know
    category: z.enum(COMPLAINT_CATEGORIES),
    description: z.string(),
    ip: z.string().nullable(),
    domain: z.string().nullable(),
    hasEvidence: z.boolean(),
    status: z.enum(COMPLAINT_STATUSES),
    receivedAt: Timestamp,
    noticeId: z.string().nullable(),
    deadlineAt: Timestamp,
    clause: z.enum(VIOLATION_CLAUSES).nullable(),
    suggestedClause: z.string(),
    decidedAt: Timestamp,
    decisionNote: z.string().nullable(),
    resolvedAt: Timestamp,
  })
  .meta({ id: 'Complaint' });
const Suspension = z
  .object({ id: z.uuid(), customerId: z.uuid(), serverId: z.uuid(), complaintId: z.uuid().nullable(), clause: z.string(), reason: z.string(), portInstruction: z.string(), suspendedAt: Timestamp, restoredAt: Timestamp, restoreNote: z.string().nullable() })
  .meta({ id: 'ServerSuspension' });
const Inspection = z
  .object({ id: z.uuid(), customerId: z.uuid(), serverId: z.uuid(), authority: z.string(), documentNumber: z.string(), documentFileName: z.string(), documentContentType: z.string(), inspectedAt: Timestamp, scope: z.string(), staffPresent: z.string(), withheld: z.boolean(), withheldReason: z.string().nullable(), createdAt: Timestamp })
  .meta({ id: 'Inspection' });

const Note = z.object({ note: z.string().trim().min(1).max(2000) });
const Reason = z.object({ reason: z.string().trim().min(1).max(2000) });

/** One multipart body: text fields and the single file (the module checks the type by content). */
const readMultipart = (request: FastifyRequest): Promise<{ fields: Record<string, string>; file?: Upload }> => readForm(request, { maxBytes: UPLOAD_MAX_BYTES });

const requireFile = (file: Upload | undefined): Upload => {
  if (!file) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'field.required' }]);
  return file;
};

export function complianceRoutes(deps: { domains: DomainsService; gate: GateService; declarations: DeclarationsService; complaints: ComplaintsService; inspections: InspectionsService }): FastifyPluginAsyncZod {
  const { domains, gate, declarations, complaints, inspections } = deps;
  const tags = ['compliance'];
  return async (app) => {
    // ── 域名清单 ───────────────────────────────────────────────────────
    app.get(
      '/compliance/domains',
      { schema: { tags, summary: 'The domain list (a customer sees its own)', querystring: z.object({ customerId: z.uuid().optional(), serverId: z.uuid().optional(), status: z.enum(DOMAIN_STATUSES).optional() }), response: { 200: z.object({ items: z.array(Domain) }) } } },
      async (request) => ({ items: await domains.list(scopeOf(request), request.query) }),
    );
    app.post(
      '/compliance/domains',
      {
        schema: {
          tags,
          summary: 'Add a website to the domain list (5.11); it is not served until verified',
          body: z.object({
            customerId: z.uuid().optional(),
            serverId: z.uuid(),
            domain: z.string().trim().min(1).max(300),
            address: z.string().trim().max(45).nullable().optional(),
            use: z.enum(DOMAIN_USES),
            filingNumber: z.string().trim().min(1).max(60),
            psbNumber: z.string().trim().max(60).nullable().optional(),
          }),
          response: { 201: Domain },
        },
      },
      async (request, reply) => reply.status(201).send(await domains.add(scopeOf(request), request.body)),
    );
    app.get('/compliance/domains/:id', { schema: { tags, summary: 'One domain entry', params: IdParams, response: { 200: Domain } } }, async (request) => domains.get(scopeOf(request), request.params.id));
    app.put(
      '/compliance/domains/:id',
      {
        schema: {
          tags,
          summary: 'Edit a filing (5.7): the entry goes back for verification',
          params: IdParams,
          body: z.object({ version: RowVersion, serverId: z.uuid().optional(), address: z.string().trim().max(45).nullable().optional(), use: z.enum(DOMAIN_USES).optional(), filingNumber: z.string().trim().min(1).max(60).optional(), psbNumber: z.string().trim().max(60).nullable().optional() }),
          response: { 200: Domain },
        },
      },
      async (request) => domains.edit(scopeOf(request), request.params.id, request.body),
    );
    app.post(
      '/compliance/domains/:id/evidence',
      { schema: { tags, summary: 'Upload the MIIT record screenshot or licence copy (multipart: file — PDF/JPEG/PNG ≤ 10 MB)', params: IdParams, consumes: ['multipart/form-data'], response: { 200: Domain } } },
      async (request) => domains.uploadEvidence(scopeOf(request), request.params.id, requireFile((await readMultipart(request)).file)),
    );
    app.get('/compliance/domains/:id/evidence', { schema: { tags, summary: 'The evidence file', params: IdParams } }, async (request, reply) => {
      const f = await domains.evidence(scopeOf(request), request.params.id);
      reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).header('x-content-type-options', 'nosniff');
      return f.bytes;
    });
    app.post(
      '/compliance/domains/:id/verify',
      { schema: { tags, summary: 'Verify (or re-verify) a filing, saying how (compliance)', params: IdParams, body: z.object({ method: z.enum(VERIFICATION_METHODS), note: z.string().trim().min(1).max(2000) }), response: { 200: Domain } } },
      async (request) => domains.verify(scopeOf(request), request.params.id, request.body),
    );
    app.post('/compliance/domains/:id/suspend', { schema: { tags, summary: 'Suspend access to a site (5.7)', params: IdParams, body: Reason, response: { 200: Domain } } }, async (request) =>
      domains.suspend(scopeOf(request), request.params.id, request.body.reason),
    );
    app.post('/compliance/domains/:id/revoke', { schema: { tags, summary: 'Revoke a site for good (5.7)', params: IdParams, body: Reason, response: { 200: Domain } } }, async (request) =>
      domains.revoke(scopeOf(request), request.params.id, request.body.reason),
    );
    app.get('/compliance/queue/filings', { schema: { tags, summary: 'Filings to verify (new, edited, due yearly)', response: { 200: z.object({ items: z.array(Domain) }) } } }, async (request) => ({
      items: await domains.queue(scopeOf(request)),
    }));

    // ── the gate ───────────────────────────────────────────────────────
    app.get('/compliance/gate', { schema: { tags, summary: 'The gate: what nginx runs, the last apply and its result', response: { 200: GateStatus } } }, async (request) => gate.status(scopeOf(request)));
    app.post(
      '/compliance/gate/apply',
      { schema: { tags, summary: 'Write the maps, nginx -t, reload (a failed test keeps the previous gate)', body: z.object({ force: z.boolean().default(false) }), response: { 200: z.object({ outcome: z.string(), fingerprint: z.string(), domainCount: z.number().int(), output: z.string().optional() }) } } },
      async (request) => gate.apply(scopeOf(request), { force: request.body.force }),
    );
    app.get('/compliance/gate/preview', { schema: { tags, summary: 'The files the gate would write now', response: { 200: z.object({ conf: z.string(), map: z.string(), blockedPage: z.string() }) } } }, async (request) =>
      gate.preview(scopeOf(request)),
    );

    // ── 5.3 declared services ──────────────────────────────────────────
    app.get(
      '/compliance/services',
      { schema: { tags, summary: 'Declared services per server, with standing violations', querystring: z.object({ customerId: z.uuid().optional(), serverId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(Service) }) } } },
      async (request) => ({ items: await declarations.services(scopeOf(request), request.query) }),
    );
    app.post(
      '/compliance/services',
      {
        schema: {
          tags,
          summary: `Declare a service on a server (5.3): ${DECLARABLE_SERVICES.join(', ')}; ${PROHIBITED_SERVICES.join(', ')} are refused`,
          body: z.object({ serverId: z.uuid(), kind: z.string().trim().min(1).max(40), description: z.string().trim().max(500).optional() }),
          response: { 201: Service },
        },
      },
      async (request, reply) => reply.status(201).send(await declarations.declareService(scopeOf(request), request.body)),
    );
    app.post(
      '/compliance/services/:id/agreement',
      { schema: { tags, summary: 'File the signed supplementary agreement (multipart: file)', params: IdParams, consumes: ['multipart/form-data'], response: { 200: Service } } },
      async (request) => declarations.fileAgreement(scopeOf(request), request.params.id, requireFile((await readMultipart(request)).file)),
    );
    app.post('/compliance/services/:id/withdraw', { schema: { tags, summary: 'Withdraw a declared service', params: IdParams, response: { 200: Service } } }, async (request) =>
      declarations.withdrawService(scopeOf(request), request.params.id),
    );

    // ── 5.5 log retention ──────────────────────────────────────────────
    app.get(
      '/compliance/attestations',
      { schema: { tags, summary: "A customer's log-retention attestations, latest first", querystring: z.object({ customerId: z.uuid() }), response: { 200: z.object({ items: z.array(Attestation) }) } } },
      async (request) => ({ items: await declarations.attestations(scopeOf(request), request.query.customerId) }),
    );
    app.post(
      '/compliance/attestations',
      { schema: { tags, summary: 'Attest where and how long access logs are kept (≥ 6 months)', body: z.object({ customerId: z.uuid().optional(), location: z.string().trim().min(1).max(500), retentionMonths: z.number().int() }), response: { 201: Attestation } } },
      async (request, reply) => reply.status(201).send(await declarations.attest(scopeOf(request), request.body)),
    );
    app.get(
      '/compliance/readiness/:id',
      { schema: { tags, summary: 'Log-retention readiness of a customer (for activation, 5.5)', params: IdParams, response: { 200: z.object({ ready: z.boolean(), state: z.string(), validUntil: z.string().nullable(), gap: z.string().nullable() }) } } },
      async (request) => {
        const scope = scopeOf(request);
        if (scope.kind === 'customer' && scope.customerId !== request.params.id) throw new AppError('NOT_FOUND', { entity: 'customer' });
        if (scope.kind === 'token') throw new AppError('FORBIDDEN');
        return declarations.logRetentionReadiness(scope, request.params.id);
      },
    );
    app.get('/compliance/queue/attestations', { schema: { tags, summary: 'Attestations lapsed or lapsing within 30 days', response: { 200: z.object({ items: z.array(Attestation) }) } } }, async (request) => ({
      items: await declarations.attestationsDue(scopeOf(request)),
    }));

    // ── 5.4, 5.8 complaints ────────────────────────────────────────────
    app.get(
      '/compliance/complaints',
      { schema: { tags, summary: 'Complaints (a customer sees those about it)', querystring: z.object({ customerId: z.uuid().optional(), status: z.enum(COMPLAINT_STATUSES).optional() }), response: { 200: z.object({ items: z.array(Complaint) }) } } },
      async (request) => ({ items: await complaints.complaints(scopeOf(request), { customerId: request.query.customerId, status: request.query.status ? [request.query.status] : undefined }) }),
    );
    app.post(
      '/compliance/complaints',
      {
        schema: {
          tags,
          summary: 'Take in a complaint; the IP or domain names the customer',
          body: z.object({ source: z.string().trim().min(1).max(300), category: z.enum(COMPLAINT_CATEGORIES), description: z.string().trim().min(1).max(5000), ip: z.string().trim().max(45).nullable().optional(), domain: z.string().trim().max(300).nullable().optional(), receivedAt: InstantString.nullable().optional() }),
          response: { 201: Complaint },
        },
      },
      async (request, reply) => reply.status(201).send(await complaints.intake(scopeOf(request), request.body)),
    );
    app.get('/compliance/complaints/:id', { schema: { tags, summary: 'One complaint', params: IdParams, response: { 200: Complaint } } }, async (request) => complaints.complaint(scopeOf(request), request.params.id));
    app.post(
      '/compliance/complaints/:id/evidence',
      { schema: { tags, summary: 'Attach the complaint evidence (multipart: file)', params: IdParams, consumes: ['multipart/form-data'], response: { 200: Complaint } } },
      async (request) => complaints.complaintEvidence(scopeOf(request), request.params.id, requireFile((await readMultipart(request)).file)),
    );
    app.post(
      '/compliance/complaints/:id/notify',
      { schema: { tags, summary: 'Notify the customer (第九条) with a deadline', params: IdParams, body: z.object({ hours: z.number().int(), message: z.string().trim().max(2000).optional() }), response: { 200: Complaint } } },
      async (request) => complaints.notifyComplaint(scopeOf(request), request.params.id, request.body),
    );
    app.post(
      '/compliance/complaints/:id/confirm',
      { schema: { tags, summary: 'Confirm a violation, citing its clause', params: IdParams, body: z.object({ clause: z.enum(VIOLATION_CLAUSES), note: z.string().trim().min(1).max(2000) }), response: { 200: Complaint } } },
      async (request) => complaints.confirmViolation(scopeOf(request), request.params.id, request.body),
    );
    app.post('/compliance/complaints/:id/dismiss', { schema: { tags, summary: 'Dismiss a complaint', params: IdParams, body: Note, response: { 200: Complaint } } }, async (request) =>
      complaints.dismissComplaint(scopeOf(request), request.params.id, request.body),
    );
    app.post('/compliance/complaints/:id/resolve', { schema: { tags, summary: 'Record that a confirmed violation was remedied', params: IdParams, body: Note, response: { 200: Complaint } } }, async (request) =>
      complaints.resolveComplaint(scopeOf(request), request.params.id, request.body),
    );
    app.post(
      '/compliance/complaints/:id/terminate',
      { schema: { tags, summary: 'Terminate the contract for cause (6.8; breaches of 5.3–5.7 only, no refund)', params: IdParams, body: z.object({ contractId: z.uuid() }), response: { 200: z.object({ id: z.uuid(), status: z.string() }) } } },
      async (request) => {
        const c = await complaints.terminateForCause(scopeOf(request), request.params.id, request.body.contractId);
        return { id: c.id, status: c.status };
      },
    );

    // ── 6.3 suspension ─────────────────────────────────────────────────
    app.get(
      '/compliance/suspensions',
      { schema: { tags, summary: 'Server suspensions and restorations', querystring: z.object({ customerId: z.uuid().optional(), serverId: z.uuid().optional(), live: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(Suspension) }) } } },
      async (request) => ({ items: await complaints.suspensions(scopeOf(request), { customerId: request.query.customerId, serverId: request.query.serverId, liveOnly: request.query.live === 'true' }) }),
    );
    app.post(
      '/compliance/suspensions',
      { schema: { tags, summary: 'Suspend a server: the gate closes its domains; NOC gets the port shutdown instruction', body: z.object({ serverId: z.uuid(), clause: z.enum(VIOLATION_CLAUSES), reason: z.string().trim().min(1).max(2000), complaintId: z.uuid().nullable().optional() }), response: { 201: Suspension } } },
      async (request, reply) => reply.status(201).send(await complaints.suspendServer(scopeOf(request), request.body)),
    );
    app.post('/compliance/suspensions/:id/restore', { schema: { tags, summary: 'Restore service once the fault is fixed (6.3)', params: IdParams, body: Note, response: { 200: Suspension } } }, async (request) =>
      complaints.restoreServer(scopeOf(request), request.params.id, request.body.note),
    );

    // ── 6.6 inspections ────────────────────────────────────────────────
    app.get(
      '/compliance/inspections',
      { schema: { tags, summary: 'Inspections (a customer sees those not withheld)', querystring: z.object({ customerId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(Inspection) }) } } },
      async (request) => ({ items: await inspections.inspections(scopeOf(request), request.query) }),
    );
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
        const { fields, file } = await readMultipart(request);
        const meta = z
          .object({ serverId: z.uuid(), authority: z.string().trim().min(1).max(300), documentNumber: z.string().trim().min(1).max(100), inspectedAt: InstantString, scope: z.string().trim().min(1).max(2000), staffPresent: z.string().trim().min(1).max(500), withheld: z.enum(['true', 'false']).optional(), withheldReason: z.string().trim().max(2000).optional() })
          .safeParse(fields);
        if (!meta.success) throw new AppError('VALIDATION_FAILED', {}, meta.error.issues.map((i) => ({ path: i.path.join('.'), key: 'field.invalid' })));
        const row = await inspections.recordInspection(scopeOf(request), { ...meta.data, withheld: meta.data.withheld === 'true' }, requireFile(file));
        return reply.status(201).send(row);
      },
    );
    app.post(
      '/compliance/inspections/:id/withhold',
      { schema: { tags, summary: "Withhold a record from the customer on the authority's instruction, or release it (reason required)", params: IdParams, body: z.object({ withheld: z.boolean(), reason: z.string().trim().min(1).max(2000) }), response: { 200: Inspection } } },
      async (request) => inspections.setWithheld(scopeOf(request), request.params.id, request.body),
    );
    // the evidence and agreement files (the customer its own; reads audited)
    app.get('/compliance/complaints/:id/evidence', { schema: { tags, summary: 'The complaint evidence file', params: IdParams } }, async (request, reply) => {
      const f = await complaints.complaintEvidenceFile(scopeOf(request), request.params.id);
      reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).header('x-content-type-options', 'nosniff');
      return f.bytes;
    });
    app.get('/compliance/services/:id/agreement', { schema: { tags, summary: 'The signed supplementary agreement (5.3)', params: IdParams } }, async (request, reply) => {
      const f = await declarations.serviceAgreementFile(scopeOf(request), request.params.id);
      reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).header('x-content-type-options', 'nosniff');
      return f.bytes;
    });
    app.get('/compliance/inspections/:id/document', { schema: { tags, summary: 'The authorisation scan', params: IdParams } }, async (request, reply) => {
      const f = await inspections.inspectionDocument(scopeOf(request), request.params.id);
      reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).header('x-content-type-options', 'nosniff');
      return f.bytes;
    });
  };
}
