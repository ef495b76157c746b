import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { readForm, UPLOAD_MAX_BYTES } from '../../http/upload.js';
import { CalendarDate, IdParams, Timestamp } from '../../http/dto.js';
import { CONTRACT_STATUSES, INVOICE_STATUSES } from './contracts.schema.js';
import type { ContractsService } from './contracts.service.js';
import { DOCUMENT_PARTS } from './contract-document.js';

const Contract = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    siteId: z.uuid(),
    providerVersion: z.number(),
    templateVersion: z.string(),
    terms: z.unknown(),
    termMonths: z.number(),
    annualFeeFen: z.number(),
    signingPlace: z.string(),
    signingDate: z.string().nullable(),
    status: z.enum(CONTRACT_STATUSES),
    securityLetterSigned: z.boolean(),
    userUndertakingSigned: z.boolean(),
    securityLetterSha256: z.string().nullable().optional(),
    userUndertakingSha256: z.string().nullable().optional(),
    activationDate: z.string().nullable(),
    termStart: z.string().nullable(),
    termEnd: z.string().nullable(),
    compensationHours: z.number(),
    nonRenewalNoticedAt: Timestamp,
    renewalCount: z.number(),
    version: z.number(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Contract' });
export const Invoice = z
  .object({
    id: z.uuid(),
    number: z.string(),
    contractId: z.uuid(),
    customerId: z.uuid(),
    periodStart: z.string(),
    periodEnd: z.string(),
    amountFen: z.number(),
    issuedOn: z.string(),
    dueOn: z.string(),
    paidOn: z.string().nullable(),
    status: z.enum(INVOICE_STATUSES),
    createdAt: Timestamp,
    paidFen: z.number(),
    creditAppliedFen: z.number(),
    overdueSince: z.string().nullable(),
    fapiaoTitle: z.string().nullable(),
    fapiaoTaxNumber: z.string().nullable(),
    fapiaoType: z.enum(['ordinary', 'special']).nullable(),
    fapiaoRequestedAt: Timestamp,
    fapiaoNumber: z.string().nullable(),
    fapiaoIssuedOn: z.string().nullable(),
    /** the due date rests on a provisional calendar year (the State Council had not published it) */
    dueOnProvisional: z.boolean(),
    /** the due date first announced, when the official calendar year later moved it */
    provisionalDueOn: z.string().nullable(),
  })
  .meta({ id: 'Invoice' });
const Commissioning = z
  .object({ id: z.uuid(), contractId: z.uuid(), serverId: z.uuid(), customerId: z.uuid(), rackedOn: z.string(), dueOn: z.string(), dueOnProvisional: z.boolean(), completedAt: Timestamp, breachedAt: Timestamp, createdAt: Timestamp })
  .meta({ id: 'CommissioningOrder' });

export function contractsRoutes(deps: { contracts: ContractsService }): FastifyPluginAsyncZod {
  const { contracts } = deps;
  return async (app) => {
    app.get(
      '/contracts',
      { schema: { tags: ['contracts'], summary: 'Contracts (a customer sees its own)', querystring: z.object({ customerId: z.uuid().optional(), status: z.enum(CONTRACT_STATUSES).optional() }), response: { 200: z.object({ items: z.array(Contract) }) } } },
      async (request) => ({ items: await contracts.list(scopeOf(request), request.query) }),
    );
    app.post(
      '/contracts',
      {
        schema: {
          tags: ['contracts'],
          summary: 'Draft a contract from the shipped template; its number is continuous per year',
          body: z.object({
            customerId: z.uuid(),
            siteId: z.uuid(),
            serverIds: z.array(z.uuid()).min(1).max(50),
            annualFee: z.string().trim().min(1).max(30),
            termMonths: z.number().int().min(1).max(120).optional(),
            signingPlace: z.string().trim().min(1).max(50).optional(),
          }),
          response: { 201: Contract },
        },
      },
      async (request, reply) => reply.status(201).send(await contracts.create(scopeOf(request), request.body)),
    );
    app.get(
      '/contracts/:id',
      { schema: { tags: ['contracts'], summary: 'A contract with its servers, invoices and commissioning orders', params: IdParams, response: { 200: Contract.extend({ serviceEndsAt: z.string().nullable(), serverIds: z.array(z.uuid()), invoices: z.array(Invoice), commissioning: z.array(Commissioning) }) } } },
      async (request) => contracts.get(scopeOf(request), request.params.id),
    );
    app.get(
      '/contracts/:id/document',
      {
        schema: {
          tags: ['contracts'],
          summary: 'The contract or one attachment (附件一, 附件二) as a document: PDF (default), .docx or HTML, with amounts in figures and 大写',
          params: IdParams,
          querystring: z.object({ format: z.enum(['pdf', 'docx', 'html']).default('pdf'), part: z.enum(DOCUMENT_PARTS).default('contract') }),
        },
      },
      async (request, reply) => {
        const doc = await contracts.document(scopeOf(request), request.params.id, request.query.format, request.query.part);
        return reply
          .header('content-type', doc.contentType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
          .send(doc.bytes);
      },
    );
    app.post('/contracts/:id/send', { schema: { tags: ['contracts'], summary: 'Send for signing', params: IdParams, response: { 200: Contract } } }, async (request) => contracts.send(scopeOf(request), request.params.id));
    app.post(
      '/contracts/:id/sign',
      { schema: { tags: ['contracts'], summary: 'Record the signature (multipart: signingDate, securityLetterSigned, userUndertakingSigned, file = the signed scan)', params: IdParams, consumes: ['multipart/form-data'], response: { 200: Contract } } },
      async (request) => {
        const { file, fields } = await readForm(request, { maxBytes: UPLOAD_MAX_BYTES, fileField: 'signedCopy' });
        const bytes = file?.bytes ?? Buffer.alloc(0);
        return contracts.sign(scopeOf(request), request.params.id, {
          signingDate: fields.signingDate ?? '',
          securityLetterSigned: fields.securityLetterSigned === 'true',
          userUndertakingSigned: fields.userUndertakingSigned === 'true',
          signedCopy: bytes,
        });
      },
    );
    app.post('/contracts/:id/object-to-renewal', { schema: { tags: ['contracts'], summary: 'File a non-renewal objection (第十三条)', params: IdParams, response: { 200: Contract } } }, async (request) =>
      contracts.objectToRenewal(scopeOf(request), request.params.id),
    );
    app.post(
      '/contracts/:id/terminate',
      { schema: { tags: ['contracts'], summary: 'Terminate for cause (6.8, clause cited, no refund) or by agreement', params: IdParams, body: z.object({ kind: z.enum(['for_cause', 'by_agreement']), clause: z.string().trim().max(20).optional() }), response: { 200: Contract } } },
      async (request) => contracts.terminate(scopeOf(request), request.params.id, request.body),
    );
    app.get(
      '/invoices',
      { schema: { tags: ['contracts'], summary: 'Invoices (第四条)', querystring: z.object({ contractId: z.uuid().optional(), customerId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(Invoice) }) } } },
      async (request) => ({ items: await contracts.invoices(scopeOf(request), request.query) }),
    );
    app.post('/invoices/:id/paid', { schema: { tags: ['contracts'], summary: 'Record payment (finance)', params: IdParams, body: z.object({ paidOn: CalendarDate }), response: { 200: Invoice } } }, async (request) =>
      contracts.markPaid(scopeOf(request), request.params.id, request.body.paidOn),
    );
    // templates (versioned; a warning for a repealed law) and each attachment's signed scan
    const Block = z.object({ kind: z.enum(['title', 'subtitle', 'heading', 'para', 'party', 'sign', 'attachment', 'attachmentTitle']), text: z.string().max(5000) });
    const Template = z
      .object({
        version: z.string(),
        sequence: z.number(),
        blocks: z.array(Block),
        note: z.string().nullable(),
        warnings: z.array(z.object({ path: z.string(), code: z.literal('REPEALED_LAW'), cited: z.string(), repealedOn: z.string(), replacedBy: z.string() })),
        createdBy: z.uuid().nullable(),
        createdAt: Timestamp,
      })
      .meta({ id: 'ContractTemplate' });
    app.get('/contract-templates', { schema: { tags: ['contracts'], summary: 'Template versions: the shipped one and those admins added', response: { 200: z.object({ items: z.array(Template) }) } } }, async (request) => ({
      items: (await contracts.templates(scopeOf(request))) as z.infer<typeof Template>[],
    }));
    app.post(
      '/contract-templates',
      { schema: { tags: ['contracts'], summary: 'Add a template version (admin); citing a repealed law returns warnings', body: z.object({ blocks: z.array(Block).min(1).max(2000), note: z.string().trim().max(200).optional() }), response: { 201: Template } } },
      async (request, reply) => reply.status(201).send((await contracts.addTemplate(scopeOf(request), request.body)) as z.infer<typeof Template>),
    );
    app.post(
      '/contracts/:id/attachments/:part',
      { schema: { tags: ['contracts'], summary: 'Upload the signed scan of 附件一 or 附件二 (multipart: file)', params: z.object({ id: z.uuid(), part: z.enum(['security-letter', 'user-undertaking']) }), consumes: ['multipart/form-data'], response: { 200: Contract } } },
      async (request) => {
        const { file } = await readForm(request, { maxBytes: UPLOAD_MAX_BYTES });
        const bytes = file?.bytes ?? Buffer.alloc(0);
        return contracts.signAttachment(scopeOf(request), request.params.id, request.params.part, bytes);
      },
    );
    app.post('/commissioning/:id/complete', { schema: { tags: ['contracts'], summary: 'Installation and commissioning done (5.1)', params: IdParams, response: { 200: Commissioning } } }, async (request) =>
      contracts.completeCommissioning(scopeOf(request), request.params.id),
    );
  };
}
