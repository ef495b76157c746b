import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { readForm, UPLOAD_MAX_BYTES } from '../../http/upload.js';
import { FileBody, IdParams } from '../../http/dto.js';
import {
  AddTemplateBody,
  AttachmentParams,
  CommissioningOrder,
  Contract,
  ContractDetail,
  ContractDocumentQuery,
  ContractList,
  ContractListQuery,
  ContractTemplate,
  ContractTemplateList,
  CreateContractBody,
  TerminateBody,
} from './contracts.dto.js';
import type { ContractsService } from './contracts.service.js';
import { ContractCopyParams, ContractCopyQuery, ContractDocumentVersions } from './contract-copies.dto.js';
import { contentDisposition } from '../../http/download.js';

export function contractsRoutes(deps: { contracts: ContractsService }): FastifyPluginAsyncZod {
  const { contracts } = deps;
  return async (app) => {
    app.get(
      '/contracts',
      { schema: { tags: ['contracts'], summary: 'Contracts (a customer sees its own)', querystring: ContractListQuery, response: { 200: ContractList } } },
      async (request) => ({ items: await contracts.list(scopeOf(request), request.query) }),
    );
    app.post(
      '/contracts',
      { schema: { tags: ['contracts'], summary: 'Draft a contract from the shipped template; its number is continuous per year', body: CreateContractBody, response: { 201: Contract } } },
      async (request, reply) => reply.status(201).send(await contracts.create(scopeOf(request), request.body)),
    );
    app.get(
      '/contracts/:id',
      { schema: { tags: ['contracts'], summary: 'A contract with its servers, invoices and commissioning orders', params: IdParams, response: { 200: ContractDetail } } },
      async (request) => contracts.get(scopeOf(request), request.params.id),
    );
    app.get(
      '/contracts/:id/document',
      {
        schema: {
          tags: ['contracts'],
          summary: 'The contract or one attachment (附件一, 附件二) as a document: PDF (default), .docx or HTML, with amounts in figures and 大写',
          params: IdParams,
          querystring: ContractDocumentQuery,
          produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/html'],
          response: { 200: FileBody },
        },
      },
      async (request, reply) => {
        const doc = await contracts.document(scopeOf(request), request.params.id, request.query.format, request.query.part);
        return reply
          .header('content-type', doc.contentType)
          .header('content-disposition', contentDisposition(doc.fileName))
          .send(doc.bytes);
      },
    );
    // issue 19 §3 (doc-versions): the versions of the contract's documents, each frozen once made
    app.get(
      '/contracts/:id/documents',
      { schema: { tags: ['contracts'], summary: 'The versions of the contract documents: the copy sent for signature, each 开通确认单 (service activation confirmation), the signed scans — with their SHA-256', params: IdParams, response: { 200: ContractDocumentVersions } } },
      async (request) => contracts.documents(scopeOf(request), request.params.id),
    );
    app.get(
      '/contracts/:id/documents/:kind/:part',
      {
        schema: {
          tags: ['contracts'],
          summary: 'One frozen copy (sent: contract | security-letter | user-undertaking; activation: confirmation-<n>), byte-identical at every download; the PDF is printed from the frozen HTML once',
          params: ContractCopyParams,
          querystring: ContractCopyQuery,
          produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/html'],
          response: { 200: FileBody },
        },
      },
      async (request, reply) => {
        const doc = await contracts.documentCopy(scopeOf(request), request.params.id, request.params.kind, request.params.part, request.query.format);
        return reply
          .header('content-type', doc.contentType)
          .header('x-content-sha256', doc.sha256)
          .header('content-disposition', contentDisposition(doc.fileName))
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
      { schema: { tags: ['contracts'], summary: 'Terminate for cause (6.8, clause cited, no refund) or by agreement', params: IdParams, body: TerminateBody, response: { 200: Contract } } },
      async (request) => contracts.terminate(scopeOf(request), request.params.id, request.body),
    );
    // templates (versioned; a warning for a repealed law) and each attachment's signed scan
    app.get('/contract-templates', { schema: { tags: ['contracts'], summary: 'Template versions: the shipped one and those admins added', response: { 200: ContractTemplateList } } }, async (request) => ({
      items: await contracts.templates(scopeOf(request)),
    }));
    app.post(
      '/contract-templates',
      { schema: { tags: ['contracts'], summary: 'Add a template version (admin); citing a repealed law returns warnings', body: AddTemplateBody, response: { 201: ContractTemplate } } },
      async (request, reply) => reply.status(201).send(await contracts.addTemplate(scopeOf(request), request.body)),
    );
    app.post(
      '/contracts/:id/attachments/:part',
      { schema: { tags: ['contracts'], summary: 'Upload the signed scan of 附件一 or 附件二 (multipart: file)', params: AttachmentParams, consumes: ['multipart/form-data'], response: { 200: Contract } } },
      async (request) => {
        const { file } = await readForm(request, { maxBytes: UPLOAD_MAX_BYTES });
        const bytes = file?.bytes ?? Buffer.alloc(0);
        return contracts.signAttachment(scopeOf(request), request.params.id, request.params.part, bytes);
      },
    );
    app.post('/commissioning/:id/complete', { schema: { tags: ['contracts'], summary: 'Installation and commissioning done (5.1)', params: IdParams, response: { 200: CommissioningOrder } } }, async (request) =>
      contracts.completeCommissioning(scopeOf(request), request.params.id),
    );
  };
}
