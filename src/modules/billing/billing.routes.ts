import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { FileBody, IdParams } from '../../http/dto.js';
import { sendCsv } from '../../http/csv.js';
import {
  CustomerCredit,
  DunningAction,
  DunningDecisionBody,
  DunningList,
  DunningPolicy,
  DunningPolicyBody,
  DunningQuery,
  ExpiringList,
  ExpiringQuery,
  FapiaoIssuedBody,
  FapiaoRequestBody,
  Invoice,
  InvoiceDetail,
  InvoiceDocumentQuery,
  InvoiceList,
  InvoiceListQuery,
  RecordedPayment,
  RecordPaymentBody,
  SweepList,
  SweepQuery,
  BankImportBody,
  BankImportPreview,
  BankImportRecordBody,
  BankImportResult,
  PaymentsQuery,
  ReceivedPaymentList,
  Receivables,
  ReceivablesQuery,
  Statement,
  StatementQuery,
} from './billing.dto.js';
import type { BillingService } from './billing.service.js';
import { toYuanString, type Fen } from '../../rules/index.js';
import { contentDisposition } from '../../http/download.js';

export function billingRoutes(deps: { billing: BillingService }): FastifyPluginAsyncZod {
  const { billing } = deps;
  return async (app) => {
    app.get(
      '/invoices',
      { schema: { tags: ['billing'], summary: 'Invoices (第四条); a customer sees its own', querystring: InvoiceListQuery, response: { 200: InvoiceList } } },
      async (request) => ({ items: await billing.invoices(scopeOf(request), request.query) }),
    );
    app.get(
      '/invoices/:id',
      { schema: { tags: ['billing'], summary: 'An invoice with its payments, dunning steps and the customer credit', params: IdParams, response: { 200: InvoiceDetail } } },
      async (request) => billing.invoice(scopeOf(request), request.params.id),
    );
    app.get(
      '/invoices/:id/document',
      {
        schema: {
          tags: ['billing'],
          summary: 'The invoice as PDF (default) or HTML, amounts in figures and 大写',
          params: IdParams,
          querystring: InvoiceDocumentQuery,
          produces: ['application/pdf', 'text/html'],
          response: { 200: FileBody },
        },
      },
      async (request, reply) => {
        const doc = await billing.invoiceDocument(scopeOf(request), request.params.id, request.query.format);
        return reply.header('content-type', doc.contentType).header('content-disposition', contentDisposition(doc.fileName)).send(doc.bytes);
      },
    );
    app.post(
      '/invoices/:id/payments',
      { schema: { tags: ['billing'], summary: 'Record a bank transfer (finance); partial payments add up, an overpayment becomes credit', params: IdParams, body: RecordPaymentBody, response: { 201: RecordedPayment } } },
      async (request, reply) => reply.status(201).send(await billing.recordPayment(scopeOf(request), request.params.id, request.body)),
    );
    app.put(
      '/invoices/:id/fapiao-request',
      { schema: { tags: ['billing'], summary: '发票 request: title, tax number, type (ordinary 普票 / special 专票)', params: IdParams, body: FapiaoRequestBody, response: { 200: Invoice } } },
      async (request) => billing.requestFapiao(scopeOf(request), request.params.id, request.body),
    );
    app.post(
      '/invoices/:id/fapiao',
      { schema: { tags: ['billing'], summary: 'The 发票 number, entered by finance when issued', params: IdParams, body: FapiaoIssuedBody, response: { 200: Invoice } } },
      async (request) => billing.recordFapiao(scopeOf(request), request.params.id, request.body),
    );
    app.get(
      '/customers/:id/credit',
      { schema: { tags: ['billing'], summary: "The customer's credit (overpayments kept, applied to the next invoice)", params: IdParams, response: { 200: CustomerCredit } } },
      async (request) => billing.credit(scopeOf(request), request.params.id),
    );
    app.get('/billing/dunning-policy', { schema: { tags: ['billing'], summary: 'The dunning policy (staff)', response: { 200: DunningPolicy } } }, async (request) => billing.dunningPolicy(scopeOf(request)));
    app.put(
      '/billing/dunning-policy',
      { schema: { tags: ['billing'], summary: 'Set the dunning policy: reminder days after the due date, then the suspension proposal', body: DunningPolicyBody, response: { 200: DunningPolicy } } },
      async (request) => billing.setDunningPolicy(scopeOf(request), request.body),
    );
    app.get(
      '/billing/dunning',
      { schema: { tags: ['billing'], summary: 'Dunning steps: reminders sent and suspension proposals (a customer sees its own)', querystring: DunningQuery, response: { 200: DunningList } } },
      async (request) => ({ items: await billing.dunning(scopeOf(request), request.query) }),
    );
    app.post(
      '/billing/dunning/:id/decision',
      { schema: { tags: ['billing'], summary: 'Confirm or dismiss a suspension proposal (never a termination)', params: IdParams, body: DunningDecisionBody, response: { 200: DunningAction } } },
      async (request) => billing.decideProposal(scopeOf(request), request.params.id, request.body),
    );
    app.get(
      '/contracts/expiring',
      { schema: { tags: ['billing'], summary: 'Active contracts ending within N days (60 by default), bucketed 60/30/7 (第十三条)', querystring: ExpiringQuery, response: { 200: ExpiringList } } },
      async (request) => ({ items: await billing.expiring(scopeOf(request), request.query.withinDays) }),
    );
    app.get(
      '/billing/sweeps',
      { schema: { tags: ['billing'], summary: 'The daily sweep, day by day (staff)', querystring: SweepQuery, response: { 200: SweepList } } },
      async (request) => ({ items: await billing.sweeps(scopeOf(request), request.query.limit) }),
    );

    // ── finance desk (issue 20 item 4) ──
    app.get(
      '/billing/receivables',
      { schema: { tags: ['billing'], summary: 'Receivables (应收账款): open invoices with aging buckets, summed by the database (finance, auditors)', querystring: ReceivablesQuery, response: { 200: Receivables } } },
      async (request) => billing.receivables(scopeOf(request), request.query),
    );
    app.get(
      '/billing/payments',
      { schema: { tags: ['billing'], summary: 'Payments received (收款记录): amount, date, bank reference, who recorded, what it settled', querystring: PaymentsQuery, response: { 200: ReceivedPaymentList } } },
      async (request) => ({ items: await billing.paymentsReceived(scopeOf(request), request.query) }),
    );
    app.get(
      '/billing/payments/export.csv',
      { schema: { tags: ['billing'], summary: 'Payments received as CSV', querystring: PaymentsQuery, produces: ['text/csv'], response: { 200: FileBody } } },
      async (request, reply) =>
        sendCsv(
          reply,
          'payments.csv',
          ['receivedOn', 'customer', 'invoice', 'amountYuan', 'appliedYuan', 'creditedYuan', 'bankReference', 'recordedBy', 'imported', 'recordedAt'],
          (await billing.paymentsReceived(scopeOf(request), request.query)).map((p) => [p.receivedOn, p.customerName, p.invoiceNumber, toYuanString(p.amountFen as Fen), toYuanString(p.appliedFen as Fen), toYuanString(p.creditedFen as Fen), p.bankReference, p.recordedByName, p.imported ? 'yes' : 'no', p.createdAt]),
        ),
    );
    app.get(
      '/customers/:id/statement',
      { schema: { tags: ['billing'], summary: "The customer's statement (对账单) for a period: opening balance, invoices, payments, credit, closing balance", params: IdParams, querystring: StatementQuery, response: { 200: Statement } } },
      async (request) => billing.statement(scopeOf(request), request.params.id, request.query),
    );
    app.get(
      '/customers/:id/statement/document',
      { schema: { tags: ['billing'], summary: 'The statement as a PDF with the provider seal', params: IdParams, querystring: StatementQuery, produces: ['application/pdf'], response: { 200: FileBody } } },
      async (request, reply) => {
        const doc = await billing.statementDocument(scopeOf(request), request.params.id, request.query);
        return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(doc.fileName)).send(doc.bytes);
      },
    );
    app.post(
      '/billing/bank-import/preview',
      { bodyLimit: 4 * 1024 * 1024, schema: { tags: ['billing'], summary: "The provider's bank statement (CSV: date, amount, payer name, reference) matched to invoices for review; records nothing", body: BankImportBody, response: { 200: BankImportPreview } } },
      async (request) => ({ lines: await billing.bankImportPreview(scopeOf(request), request.body.csv) }),
    );
    app.post(
      '/billing/bank-import/record',
      { bodyLimit: 4 * 1024 * 1024, schema: { tags: ['billing'], summary: 'Record the bank-statement lines the reviewer confirmed, each line once', body: BankImportRecordBody, response: { 200: BankImportResult } } },
      async (request) => billing.bankImportRecord(scopeOf(request), request.body),
    );
  };
}
