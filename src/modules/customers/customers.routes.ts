import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { scopeOf } from '../../http/auth.js';
import { readForm } from '../../http/upload.js';
import { FileBody, IdParams, NoContent } from '../../http/dto.js';
import {
  ActivationReadiness,
  ChangeRequest,
  ChangeRequestList,
  ChangeRequestQuery,
  ContactChangeBody,
  CreateCustomerBody,
  Customer,
  CustomerExportQuery,
  CustomerPage,
  CustomerQuery,
  DecisionBody,
  KycDocument,
  KycList,
  KycMeta,
  KycQueueQuery,
  OutboxList,
  ReviewBody,
  RosterList,
  RosterMember,
  RosterChangeFields,
  RosterChangeResult,
  RosterMemberParams,
  RosterRemoveQuery,
  RosterUpsertBody,
  RosterQuery,
  StaffTask,
  StaffTaskList,
  TaskQuery,
  UpdateCustomerBody,
} from './customers.dto.js';
import { KYC_CONTENT_TYPES } from './customers.schema.js';
import type { CustomersService } from './customers.service.js';
import { KYC_MAX_BYTES, type KycService } from './kyc.service.js';
import { RECEIVED_DOCUMENT_MAX_BYTES, type RosterService } from './roster.service.js';
import { contentDisposition } from '../../http/download.js';

const CSV_COLUMNS = ['id', 'name', 'uscc', 'status', 'legalRepresentative', 'contactPhone', 'noticeEmail', 'noticeFax', 'registeredAddress', 'postalAddress', 'createdAt'] as const;

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
function csvCell(value: unknown): string {
  let s = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function customersRoutes(deps: { customers: CustomersService; roster: RosterService; kyc: KycService }): FastifyPluginAsyncZod {
  const { customers, roster, kyc } = deps;
  return async (app) => {
    app.get(
      '/customers',
      { schema: { tags: ['customers'], summary: 'Search customers by name, pinyin initials, USCC or phone (a customer sees only itself)', querystring: CustomerQuery, response: { 200: CustomerPage } } },
      async (request) => customers.list(scopeOf(request), request.query),
    );

    app.get(
      '/customers/export.csv',
      {
        schema: {
          tags: ['customers'],
          summary: 'CSV export of the search result',
          querystring: CustomerExportQuery,
          produces: ['text/csv'],
          response: { 200: FileBody.meta({ description: 'customers.csv (UTF-8 with BOM)' }) },
        },
      },
      async (request, reply) => {
        const scope = scopeOf(request);
        const lines = [CSV_COLUMNS.join(',')];
        for await (const batch of customers.iterate(scope, request.query)) {
          for (const row of batch) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
        }
        reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="customers.csv"');
        return `\uFEFF${lines.join('\r\n')}\r\n`; // BOM: Excel reads the Chinese correctly
      },
    );

    app.post(
      '/customers',
      { schema: { tags: ['customers'], summary: 'Create a customer (sales)', body: CreateCustomerBody, response: { 201: Customer } } },
      async (request, reply) => reply.status(201).send(await customers.create(scopeOf(request), request.body)),
    );

    app.get('/customers/:id', { schema: { tags: ['customers'], summary: 'One customer', params: IdParams, response: { 200: Customer } } }, async (request) =>
      customers.get(scopeOf(request), request.params.id),
    );

    app.patch(
      '/customers/:id',
      { schema: { tags: ['customers'], summary: 'Edit a customer (optimistic: send the version you read)', params: IdParams, body: UpdateCustomerBody, response: { 200: Customer } } },
      async (request) => customers.update(scopeOf(request), request.params.id, request.body),
    );

    app.get(
      '/customers/:id/readiness',
      {
        schema: {
          tags: ['customers'],
          summary: 'Whether a server of this customer may be activated (24-hour contacts, KYC)',
          params: IdParams,
          response: { 200: ActivationReadiness },
        },
      },
      async (request) => customers.activationReadiness(scopeOf(request), request.params.id),
    );

    // ── change requests ───────────────────────────────────────────────
    app.post(
      '/customers/:id/change-requests',
      { schema: { tags: ['customers'], summary: 'Propose a change of contact data (customer portal)', params: IdParams, body: ContactChangeBody, response: { 201: ChangeRequest } } },
      async (request, reply) => reply.status(201).send(await customers.proposeChange(scopeOf(request), request.params.id, request.body)),
    );
    app.get(
      '/change-requests',
      {
        schema: {
          tags: ['customers'],
          summary: 'Contact-change requests',
          querystring: ChangeRequestQuery,
          response: { 200: ChangeRequestList },
        },
      },
      async (request) => ({ items: await customers.listChangeRequests(scopeOf(request), request.query) }),
    );
    app.post(
      '/change-requests/:id/decision',
      { schema: { tags: ['customers'], summary: 'Approve or reject a change request (sales)', params: IdParams, body: DecisionBody, response: { 200: ChangeRequest } } },
      async (request) => customers.decideChange(scopeOf(request), request.params.id, request.body),
    );

    // ── rosters ─────────────────────────────────────────────────────────
    app.get(
      '/customers/:id/roster',
      {
        schema: {
          tags: ['customers'],
          summary: 'Both rosters, now or as of an instant',
          params: IdParams,
          querystring: RosterQuery,
          response: { 200: RosterList },
        },
      },
      async (request) => ({ items: await roster.current(scopeOf(request), request.params.id, request.query.at) }),
    );
    app.get(
      '/customers/:id/roster/history',
      { schema: { tags: ['customers'], summary: 'Every version of every roster member', params: IdParams, response: { 200: RosterList } } },
      async (request) => ({ items: await roster.history(scopeOf(request), request.params.id) }),
    );
    app.put(
      '/customers/:id/roster',
      {
        schema: {
          tags: ['customers'],
          summary: "Add a person or change one (a one-person change: a new version, one notice); staff changing the customer's side say how the change came (received)",
          params: IdParams,
          body: RosterUpsertBody,
          response: { 200: RosterMember },
        },
      },
      async (request) => {
        const { received, ...member } = request.body;
        return roster.upsert(scopeOf(request), request.params.id, member, received);
      },
    );
    app.delete(
      '/customers/:id/roster/:memberId',
      {
        schema: {
          tags: ['customers'],
          summary: "Take a person off the roster (a one-person change); staff taking one off the customer's side say how the change came (how, documentName)",
          params: RosterMemberParams,
          querystring: RosterRemoveQuery,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { how, documentName } = request.query;
        await roster.remove(scopeOf(request), request.params.id, request.params.memberId, how || documentName ? { how: how ?? null, documentName: documentName ?? null } : undefined);
        return reply.status(204).send(null);
      },
    );
    // issue 19 §5: one change, several people, one notice; staff record one the customer sent, with its document
    app.post(
      '/customers/:id/roster/changes',
      {
        schema: {
          tags: ['customers'],
          summary:
            "One roster change of one side, one notice (multipart: side, items — JSON list of {op: upsert|remove, …}, how, documentName, file — the scan of the document that carried it, PDF/JPEG/PNG ≤ 10 MB; staff recording the customer's side must give how and documentName)",
          params: IdParams,
          consumes: ['multipart/form-data'],
          response: { 200: RosterChangeResult },
        },
      },
      async (request) => {
        const { fields, file } = await readForm(request, { maxBytes: RECEIVED_DOCUMENT_MAX_BYTES });
        let items: unknown;
        try {
          items = JSON.parse(fields.items ?? '');
        } catch {
          throw new AppError('VALIDATION_FAILED', {}, [{ path: 'items', key: 'field.invalid' }]);
        }
        const parsed = RosterChangeFields.safeParse({ ...fields, items });
        if (!parsed.success) throw new AppError('VALIDATION_FAILED', {}, parsed.error.issues.map((i) => ({ path: i.path.join('.'), key: 'field.invalid' })));
        const { side, items: changes, how, documentName } = parsed.data;
        const received = how || documentName || file ? { how: how ?? null, documentName: documentName ?? null, document: file } : undefined;
        return roster.change(scopeOf(request), request.params.id, { side, items: changes, received });
      },
    );

    // ── KYC ─────────────────────────────────────────────────────────────
    app.get(
      '/customers/:id/kyc',
      { schema: { tags: ['customers'], summary: 'KYC documents of a customer', params: IdParams, response: { 200: KycList } } },
      async (request) => ({ items: await kyc.list(scopeOf(request), request.params.id) }),
    );
    app.post(
      '/customers/:id/kyc',
      {
        schema: {
          tags: ['customers'],
          summary: 'Upload a KYC document (multipart: kind, holderName, idType, idNumber, issuedOn, expiresOn, file — PDF/JPEG/PNG ≤ 10 MB)',
          params: IdParams,
          consumes: ['multipart/form-data'],
          response: { 201: KycDocument },
        },
      },
      async (request, reply) => {
        const { fields, file } = await readForm(request, { maxBytes: KYC_MAX_BYTES });
        const meta = KycMeta.safeParse(fields);
        if (!meta.success) {
          throw new AppError('VALIDATION_FAILED', {}, meta.error.issues.map((i) => ({ path: i.path.join('.'), key: 'field.invalid' })));
        }
        if (!file) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'field.required' }]);
        const doc = await kyc.upload(scopeOf(request), request.params.id, { ...meta.data, ...file });
        return reply.status(201).send(doc);
      },
    );
    app.get(
      '/kyc/queue',
      {
        schema: {
          tags: ['customers'],
          summary: 'KYC review queue (staff)',
          querystring: KycQueueQuery,
          response: { 200: KycList },
        },
      },
      async (request) => ({ items: await kyc.queue(scopeOf(request), request.query.status) }),
    );
    app.post(
      '/kyc/:id/review',
      { schema: { tags: ['customers'], summary: 'Verify or reject a KYC document (sales, compliance)', params: IdParams, body: ReviewBody, response: { 200: KycDocument } } },
      async (request) => kyc.review(scopeOf(request), request.params.id, request.body),
    );
    app.get(
      '/kyc/:id/file',
      { schema: { tags: ['customers'], summary: 'The document file', params: IdParams, produces: [...KYC_CONTENT_TYPES], response: { 200: FileBody } } },
      async (request, reply) => {
      const f = await kyc.file(scopeOf(request), request.params.id);
      reply
        .header('content-type', f.contentType)
        .header('content-disposition', contentDisposition(f.fileName))
        .header('x-content-type-options', 'nosniff');
      return f.bytes;
      },
    );

    // ── notices owed and staff tasks ─────────────────────────────────────
    app.get(
      '/customers/:id/outbox',
      { schema: { tags: ['customers'], summary: 'Notices owed because of changes to this customer', params: IdParams, response: { 200: OutboxList } } },
      async (request) => ({ items: await customers.outboxFor(scopeOf(request), request.params.id) }),
    );
    app.get(
      '/tasks',
      {
        schema: {
          tags: ['customers'],
          summary: 'Open staff tasks (e.g. KYC expiring)',
          querystring: TaskQuery,
          response: { 200: StaffTaskList },
        },
      },
      async (request) => ({ items: await customers.openTasks(scopeOf(request), request.query.role) }),
    );
    app.post(
      '/tasks/:id/done',
      { schema: { tags: ['customers'], summary: 'Mark a task done', params: IdParams, response: { 200: StaffTask } } },
      async (request) => customers.completeTask(scopeOf(request), request.params.id),
    );
  };
}
