/**
 * The tenant-isolation walk: every operation of the OpenAPI document, called as customer A's
 * owner with customer B's ids, must answer 403/404, and a list a customer may call must not
 * contain anything of B's. Every operation must have an entry in CASES, so a new route cannot
 * ship without joining the walk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, multipart, type ApiClient, type TestApp } from '../harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../harness/factories.js';
import { systemScope } from '../../src/core/scope.js';

export interface TenantB {
  customerId: string;
  customerName: string;
  userId: string;
  tokenId: string;
  rosterMemberId: string;
  kycDocumentId: string;
  changeRequestId: string;
  taskId: string;
  siteId: string;
  roomId: string;
  cabinetId: string;
  serverId: string;
  switchId: string;
  portId: string;
  portAssignmentId: string;
  poolId: string;
  ipAllocationId: string;
  zoneId: string;
  recordId: string;
  contractId: string;
  invoiceId: string;
  commissioningId: string;
  noticeId: string;
  /** B's notice received from it with the scan of its letter (issue 19) */
  receivedNoticeId: string;
  ticketId: string;
  ticketAttachmentId: string;
  noticeDeliveryId: string;
  // compliance
  domainId: string;
  serviceId: string;
  /** B's attestation received on paper, with its scan (issue 18) */
  paperAttestationId: string;
  complaintId: string;
  suspensionId: string;
  inspectionId: string;
  incidentId: string;
  maintenanceId: string;
  compensationLineId: string;
  /** strings that must never appear in a response to customer A */
  secrets: string[];
  // billing
  dunningActionId?: string;
  // issue 18: the intake checklist and one of its photos
  intakeInspectionId?: string;
  inspectionPhotoId?: string;
  // issue 21: site access
  visitId?: string;
  visitPersonId?: string;
  movementId?: string;
  // issue 24: B's open invitation and B's own API token
  invitationId: string;
  customerTokenId: string;
}

interface Case {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** send this as multipart/form-data instead of JSON */
  multipart?: ReturnType<typeof multipart>;
  /** a list customer A may call: 2xx allowed, but nothing of B's in it */
  listForA?: boolean;
  /** staff-only or public operations: A gets 2xx on its own data or 401/403, never B's data */
  ownOnly?: boolean;
}

const CASES: Record<string, (b: TenantB) => Case> = {
  'POST /api/v1/auth/login': () => ({ body: { login: 'nobody', password: 'x' }, ownOnly: true }),
  'POST /api/v1/auth/logout': () => ({ ownOnly: true }),
  'GET /api/v1/auth/me': () => ({ ownOnly: true }),
  'POST /api/v1/auth/password': () => ({ body: { currentPassword: 'wrong-one', newPassword: 'whatever-long' }, ownOnly: true }),
  'PUT /api/v1/auth/locale': () => ({ body: { locale: 'en' }, ownOnly: true }),
  'GET /api/v1/users': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/users': (b) => ({
    body: { login: 'intruder', displayName: 'x', kind: 'customer', roles: ['owner'], customerId: b.customerId, password: 'long-enough-pw' },
  }),
  'POST /api/v1/users/{id}/disable': (b) => ({ params: { id: b.userId } }),
  'POST /api/v1/users/{id}/enable': (b) => ({ params: { id: b.userId } }),
  'POST /api/v1/users/{id}/reset-password': (b) => ({ params: { id: b.userId } }),
  'GET /api/v1/tokens': () => ({}),
  'POST /api/v1/tokens': () => ({ body: { name: 'x', scopes: ['read'] } }),
  'DELETE /api/v1/tokens/{id}': (b) => ({ params: { id: b.tokenId } }),
  // ── issue 24: my account is my own; B's team, invitations, tokens and policy are not A's ──
  'POST /api/v1/auth/login/second-factor': () => ({ body: { code: '123456' }, ownOnly: true }),
  'GET /api/v1/account/sessions': () => ({ ownOnly: true }),
  'POST /api/v1/auth/passkey/options': () => ({ ownOnly: true }),
  'POST /api/v1/auth/passkey/login': () => ({ body: { response: { id: 'x', rawId: 'x', type: 'public-key', response: {} } }, ownOnly: true }),
  'POST /api/v1/account/passkeys/options': () => ({ ownOnly: true }),
  'POST /api/v1/account/passkeys': () => ({ body: { name: 'x', response: { id: 'x', rawId: 'x', type: 'public-key', response: {} } }, ownOnly: true }),
  'DELETE /api/v1/account/passkeys/{id}': () => ({ params: { id: Buffer.from('not-a-passkey-of-mine').toString('base64url') /* well-formed, someone else's */ } }),
  'DELETE /api/v1/account/sessions/{id}': () => ({ params: { id: '0123456789abcdef0123456789abcdef' } }),
  'GET /api/v1/account/factors': () => ({ ownOnly: true }),
  'POST /api/v1/account/totp': () => ({ ownOnly: true }),
  'POST /api/v1/account/totp/confirm': () => ({ body: { code: '123456' }, ownOnly: true }),
  'POST /api/v1/account/recovery-codes': () => ({ body: { code: '123456' }, ownOnly: true }),
  'POST /api/v1/users/{id}/reset-factors': (b) => ({ params: { id: b.userId } }),
  'GET /api/v1/customers/{id}/team': (b) => ({ params: { id: b.customerId } }),
  'POST /api/v1/customers/{id}/invitations': (b) => ({ params: { id: b.customerId }, body: { email: 'intruder@example.cn', displayName: 'x', roles: ['owner'] } }),
  'DELETE /api/v1/customers/{id}/invitations/{invitationId}': (b) => ({ params: { id: b.customerId, invitationId: b.invitationId } }),
  'PUT /api/v1/customers/{id}/users/{userId}/roles': (b) => ({ params: { id: b.customerId, userId: b.userId }, body: { roles: ['billing'] } }),
  'POST /api/v1/customers/{id}/users/{userId}/disable': (b) => ({ params: { id: b.customerId, userId: b.userId } }),
  'POST /api/v1/customers/{id}/users/{userId}/enable': (b) => ({ params: { id: b.customerId, userId: b.userId } }),
  'GET /api/v1/customers/{id}/account-policy': (b) => ({ params: { id: b.customerId } }),
  'PUT /api/v1/customers/{id}/account-policy': (b) => ({ params: { id: b.customerId }, body: { require2fa: true } }),
  'GET /api/v1/customers/{id}/tokens': (b) => ({ params: { id: b.customerId } }),
  'POST /api/v1/customers/{id}/tokens': (b) => ({ params: { id: b.customerId }, body: { name: 'x', scopes: ['read'] } }),
  'DELETE /api/v1/customers/{id}/tokens/{tokenId}': (b) => ({ params: { id: b.customerId, tokenId: b.customerTokenId } }),
  'GET /api/v1/invitations/{token}': () => ({ params: { token: 'not-a-real-invitation-token-xxxxxxxx' }, ownOnly: true }),
  'POST /api/v1/invitations/{token}/accept': () => ({ params: { token: 'not-a-real-invitation-token-xxxxxxxx' }, body: { login: 'intruder2', password: 'x' }, ownOnly: true }),
  'GET /api/v1/customers': () => ({ listForA: true }),
  'GET /api/v1/customers/{id}': (b) => ({ params: { id: b.customerId } }),
  'GET /api/v1/customers/export.csv': () => ({ listForA: true }),
  'POST /api/v1/customers': () => ({ body: { name: '入侵者公司' } }),
  'PATCH /api/v1/customers/{id}': (b) => ({ params: { id: b.customerId }, body: { version: 1, postalAddress: 'x' } }),
  'GET /api/v1/customers/{id}/readiness': (b) => ({ params: { id: b.customerId } }),
  // issue 22 §5: staff only (compliance, auditor); a customer user gets 403 even for its own
  'GET /api/v1/customers/{id}/evidence-pack': (b) => ({ params: { id: b.customerId } }),
  'GET /api/v1/customers/{id}/onboarding': (b) => ({ params: { id: b.customerId } }),
  'GET /api/v1/contracts/{id}/onboarding': (b) => ({ params: { id: b.contractId } }),
  'POST /api/v1/customers/{id}/change-requests': (b) => ({ params: { id: b.customerId }, body: { postalAddress: '入侵' } }),
  'GET /api/v1/change-requests': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/change-requests/{id}/decision': (b) => ({ params: { id: b.changeRequestId }, body: { approve: true } }),
  'GET /api/v1/customers/{id}/roster': (b) => ({ params: { id: b.customerId } }),
  'PUT /api/v1/customers/{id}/roster': (b) => ({ params: { id: b.customerId }, body: { side: 'customer', role: 'server_admin', name: '入侵者' } }),
  'GET /api/v1/customers/{id}/roster/history': (b) => ({ params: { id: b.customerId } }),
  'DELETE /api/v1/customers/{id}/roster/{memberId}': (b) => ({ params: { id: b.customerId, memberId: b.rosterMemberId } }),
  'GET /api/v1/customers/{id}/kyc': (b) => ({ params: { id: b.customerId } }),
  'POST /api/v1/customers/{id}/kyc': (b) => ({
    params: { id: b.customerId },
    multipart: multipart({ kind: 'handler_id', holderName: '入侵者', idType: 'passport', idNumber: 'E00000001' }, { name: 'x.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }),
  }),
  'GET /api/v1/kyc/queue': () => ({}),
  'POST /api/v1/kyc/{id}/review': (b) => ({ params: { id: b.kycDocumentId }, body: { verify: true } }),
  'GET /api/v1/kyc/{id}/file': (b) => ({ params: { id: b.kycDocumentId } }),
  'GET /api/v1/customers/{id}/outbox': (b) => ({ params: { id: b.customerId } }),
  'GET /api/v1/tasks': () => ({}),
  'POST /api/v1/tasks/{id}/done': (b) => ({ params: { id: b.taskId } }),
  'GET /api/v1/provider': () => ({ ownOnly: true }),
  'GET /api/v1/sites': () => ({ ownOnly: true }),
  'POST /api/v1/sites': () => ({ body: { code: 'EVIL', name: 'x', address: 'x', accessPoint: 'x' } }),
  'GET /api/v1/rooms': () => ({}),
  'POST /api/v1/rooms': (b) => ({ body: { siteId: b.siteId, name: 'x' } }),
  'GET /api/v1/cabinets': () => ({ listForA: true }),
  'POST /api/v1/cabinets': (b) => ({ body: { roomId: b.roomId, code: 'X9' } }),
  'GET /api/v1/cabinets/{id}/elevation.svg': (b) => ({ params: { id: b.cabinetId } }),
  'GET /api/v1/servers': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/servers': (b) => ({ body: { customerId: b.customerId, brand: 'x', model: 'x', serialNumber: 'EVIL1', heightU: 1 } }),
  'GET /api/v1/servers/{id}': (b) => ({ params: { id: b.serverId } }),
  'POST /api/v1/servers/{id}/inspections': (b) => ({ params: { id: b.serverId }, body: { powerSupplies: true, rails: true, interfaces: true, labelling: true } }),
  'POST /api/v1/servers/{id}/rack': (b) => ({ params: { id: b.serverId }, body: { cabinetId: b.cabinetId, lowestU: 30, face: 'front' } }),
  'POST /api/v1/servers/{id}/status': (b) => ({ params: { id: b.serverId }, body: { status: 'suspended' } }),
  'POST /api/v1/servers/{id}/remove': (b) => ({ params: { id: b.serverId } }),
  'GET /api/v1/switches': () => ({}),
  'POST /api/v1/switches': (b) => ({ body: { roomId: b.roomId, name: 'evil', model: 'x', portCount: 1 } }),
  'GET /api/v1/switches/{id}/ports': (b) => ({ params: { id: b.switchId } }),
  'POST /api/v1/servers/{id}/ports': (b) => ({ params: { id: b.serverId }, body: { portId: b.portId, interfaceName: 'eth9' } }),
  'DELETE /api/v1/port-assignments/{id}': (b) => ({ params: { id: b.portAssignmentId } }),
  'GET /api/v1/bandwidth': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'GET /api/v1/ip-pools': () => ({}),
  'POST /api/v1/ip-pools': () => ({ body: { name: 'evil', prefix: '198.51.100.0/24' } }),
  'GET /api/v1/ip-allocations': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/ip-allocations': (b) => ({ body: { poolId: b.poolId, serverId: b.serverId } }),
  'DELETE /api/v1/ip-allocations/{id}': (b) => ({ params: { id: b.ipAllocationId } }),
  'GET /api/v1/dns/zones': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/dns/zones': (b) => ({ body: { customerId: b.customerId, domain: 'evil-takeover.cn' } }),
  'GET /api/v1/dns/zones/{id}': (b) => ({ params: { id: b.zoneId } }),
  'POST /api/v1/dns/zones/{id}/records': (b) => ({ params: { id: b.zoneId }, body: { name: 'www', type: 'A', value: '192.0.2.66' } }),
  'DELETE /api/v1/dns/records/{id}': (b) => ({ params: { id: b.recordId } }),
  'GET /api/v1/dns/zones/{id}/zonefile': (b) => ({ params: { id: b.zoneId } }),
  'GET /api/v1/contracts': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/contracts': (b) => ({ body: { customerId: b.customerId, siteId: b.siteId, serverIds: [b.serverId], annualFee: '1' } }),
  'GET /api/v1/contracts/{id}': (b) => ({ params: { id: b.contractId } }),
  'GET /api/v1/contracts/{id}/document': (b) => ({ params: { id: b.contractId }, query: { format: 'html' } }),
  'POST /api/v1/contracts/{id}/send': (b) => ({ params: { id: b.contractId } }),
  'POST /api/v1/contracts/{id}/sign': (b) => ({
    params: { id: b.contractId },
    multipart: multipart({ signingDate: '2026-03-01', securityLetterSigned: 'true', userUndertakingSigned: 'true' }, { name: 's.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }),
  }),
  'POST /api/v1/contracts/{id}/object-to-renewal': (b) => ({ params: { id: b.contractId } }),
  'POST /api/v1/contracts/{id}/terminate': (b) => ({ params: { id: b.contractId }, body: { kind: 'by_agreement' } }),
  'GET /api/v1/invoices': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/commissioning/{id}/complete': (b) => ({ params: { id: b.commissioningId } }),
  'GET /api/v1/notices': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/notices': (b) => ({ body: { customerId: b.customerId, subject: '冒名通知', body: 'x' } }),
  'GET /api/v1/notices/{id}': (b) => ({ params: { id: b.noticeId } }),
  'GET /api/v1/notices/{id}/letter.pdf': (b) => ({ params: { id: b.noticeId } }),
  'GET /api/v1/tickets': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/tickets': (b) => ({ body: { customerId: b.customerId, serverId: b.serverId, type: 'reboot', subject: '重启别人的服务器' } }),
  'GET /api/v1/tickets/{id}': (b) => ({ params: { id: b.ticketId } }),
  'POST /api/v1/tickets/{id}/comments': (b) => ({ params: { id: b.ticketId }, body: { body: 'x' } }),
  'POST /api/v1/tickets/{id}/status': (b) => ({ params: { id: b.ticketId }, body: { status: 'closed' } }),
  // billing (payments, credit, 发票, dunning, expiry, the daily sweep)
  'GET /api/v1/invoices/{id}': (b) => ({ params: { id: b.invoiceId } }),
  'GET /api/v1/invoices/{id}/document': (b) => ({ params: { id: b.invoiceId }, query: { format: 'html' } }),
  'POST /api/v1/invoices/{id}/payments': (b) => ({ params: { id: b.invoiceId }, body: { amount: '1', receivedOn: '2026-03-02', bankReference: 'A-PAYS-B' } }),
  'PUT /api/v1/invoices/{id}/fapiao-request': (b) => ({ params: { id: b.invoiceId }, body: { title: '冒名抬头', taxNumber: '91350100M000100Y43', type: 'ordinary' } }),
  'POST /api/v1/invoices/{id}/fapiao': (b) => ({ params: { id: b.invoiceId }, body: { fapiaoNumber: '12345678', issuedOn: '2026-03-02' } }),
  'GET /api/v1/customers/{id}/credit': (b) => ({ params: { id: b.customerId } }),
  'GET /api/v1/billing/dunning-policy': () => ({ ownOnly: true }),
  'PUT /api/v1/billing/dunning-policy': () => ({ body: { reminderDays: [1], suspensionProposalDays: 2 }, ownOnly: true }),
  'GET /api/v1/billing/dunning': (b) => ({ query: { invoiceId: b.invoiceId }, listForA: true }),
  'POST /api/v1/billing/dunning/{id}/decision': (b) => ({ params: { id: b.dunningActionId! }, body: { decision: 'confirmed' } }),
  'GET /api/v1/contracts/expiring': () => ({ query: { withinDays: '366' }, listForA: true }),
  'GET /api/v1/billing/sweeps': () => ({ ownOnly: true }),
  // contract templates and attachment scans
  'GET /api/v1/contract-templates': () => ({ ownOnly: true }),
  'POST /api/v1/contract-templates': () => ({ body: { blocks: [{ kind: 'title', text: 'x' }] }, ownOnly: true }),
  'POST /api/v1/contracts/{id}/attachments/{part}': (b) => ({ params: { id: b.contractId, part: 'security-letter' }, multipart: multipart({}, { name: 's.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }) }),
  'GET /api/v1/provider/versions': () => ({}),
  'GET /api/v1/provider/seal': () => ({}),
  'PUT /api/v1/provider/seal': () => ({ multipart: multipart({}, { name: 'seal.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]) }) }),
  'PUT /api/v1/provider': () => ({
    body: { legalName: 'x', uscc: '91110106MA00YQ8D7K', address: 'x', domicileCourt: 'x', bankName: 'x', bankAccount: '1234567890', signingPlace: 'x', postalAddress: 'x' },
  }),
  'GET /api/v1/audit': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'GET /api/v1/audit/verify': () => ({}),
  'POST /api/v1/audit/anchors': () => ({}),
  'GET /api/health': () => ({ ownOnly: true }),
  'GET /api/v1/calendar/coverage': () => ({ ownOnly: true }),
  'POST /api/v1/calendar/years': () => ({ body: { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] } }),
  'GET /api/v1/calendar/deadline': () => ({ query: { from: '2026-09-30', workingDays: '2' }, ownOnly: true }),
  // issue 16: staff only — a customer gets 403
  'GET /api/v1/calendar/status': () => ({}),
  'GET /api/v1/calendar/years/{year}': () => ({ params: { year: '2026' } }),
  'POST /api/v1/calendar/years/{year}/preview': () => ({ params: { year: '2027' }, body: { holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01', makeUpDays: [] }] } }),
  'PUT /api/v1/calendar/years/{year}': () => ({ params: { year: '2027' }, body: { holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01', makeUpDays: [] }] } }),
  // helpdesk and notice preferences (issue 6)
  'GET /api/v1/tickets/assignees': () => ({}),
  'GET /api/v1/tickets/sla-targets': () => ({ ownOnly: true }),
  'PUT /api/v1/tickets/sla-targets': () => ({ body: { type: 'reboot', firstResponseMinutes: 600, resolutionMinutes: null } }),
  'GET /api/v1/tickets/reports/response-times': () => ({ query: { from: '2026-01', to: '2026-12' } }),
  'GET /api/v1/tickets/reports/response-times.csv': () => ({ query: { from: '2026-01', to: '2026-12' } }),
  'POST /api/v1/tickets/{id}/assign': (b) => ({ params: { id: b.ticketId }, body: { assigneeId: null } }),
  'POST /api/v1/tickets/{id}/attachments': (b) => ({ params: { id: b.ticketId }, multipart: multipart({}, { name: 'x.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }) }),
  'GET /api/v1/tickets/{id}/attachments/{attachmentId}': (b) => ({ params: { id: b.ticketId, attachmentId: b.ticketAttachmentId } }),
  'POST /api/v1/notices/{id}/deliveries/{deliveryId}/proof': (b) => ({
    params: { id: b.noticeId, deliveryId: b.noticeDeliveryId },
    multipart: multipart({}, { name: 'receipt.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }),
  }),
  'GET /api/v1/notices/{id}/deliveries/{deliveryId}/proof': (b) => ({ params: { id: b.noticeId, deliveryId: b.noticeDeliveryId } }),
  // issue 19: the scan of a received notice; a roster change of B's recorded by someone else
  'GET /api/v1/notices/{id}/document': (b) => ({ params: { id: b.receivedNoticeId } }),
  'POST /api/v1/customers/{id}/roster/changes': (b) => ({
    params: { id: b.customerId },
    multipart: multipart({ side: 'customer', items: JSON.stringify([{ op: 'upsert', role: 'server_admin', name: '入侵者' }]) }),
  }),
  'GET /api/v1/notice-preferences': (b) => ({ query: { customerId: b.customerId } }),
  'PUT /api/v1/notice-preferences/{memberId}': (b) => ({ params: { memberId: b.rosterMemberId }, body: { customerId: b.customerId, categories: ['incident'] } }),
  // ── facility/ipam/dns additions (issue 7) ──
  'GET /api/v1/dns/reverse-zones': () => ({}),
  'GET /api/v1/dns/reverse-zones/{origin}/zonefile': () => ({ params: { origin: '113.0.203.in-addr.arpa' } }),
  'GET /api/v1/dns/ptr-records': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'PUT /api/v1/dns/ptr-records/{id}': (b) => ({ params: { id: b.ipAllocationId }, body: { hostname: 'evil.example.cn' } }),
  'DELETE /api/v1/dns/ptr-records/{id}': (b) => ({ params: { id: b.ipAllocationId } }),
  'POST /api/v1/netbox/import': (b) => ({ body: { dryRun: true, devices: `name,device_role,manufacturer,device_type,serial,tenant\nx,server,Dell,R1,EVILSN,${b.customerName}\n` } }),
  'GET /api/v1/netbox/export/{file}': () => ({ params: { file: 'devices.csv' } }),
  'GET /api/v1/sites/export.csv': () => ({ ownOnly: true }),
  'GET /api/v1/cabinets/export.csv': () => ({}),
  'GET /api/v1/servers/export.csv': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'GET /api/v1/switches/export.csv': () => ({}),
  'GET /api/v1/switch-ports/export.csv': () => ({}),
  'GET /api/v1/ip-pools/export.csv': () => ({}),
  'GET /api/v1/ip-allocations/export.csv': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'GET /api/v1/dns/zones/export.csv': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'GET /api/v1/dns/records/export.csv': (b) => ({ query: { zoneId: b.zoneId }, listForA: true }),
  // ── issue 18 inventory: edit, retire, utilisation, elevation data, bulk ──
  'PATCH /api/v1/sites/{id}': (b) => ({ params: { id: b.siteId }, body: { version: 1, name: 'x' } }),
  'POST /api/v1/sites/{id}/retire': (b) => ({ params: { id: b.siteId } }),
  'PATCH /api/v1/rooms/{id}': (b) => ({ params: { id: b.roomId }, body: { version: 1, name: 'x' } }),
  'POST /api/v1/rooms/{id}/retire': (b) => ({ params: { id: b.roomId } }),
  'PATCH /api/v1/cabinets/{id}': (b) => ({ params: { id: b.cabinetId }, body: { version: 1, heightU: 1 } }),
  'POST /api/v1/cabinets/{id}/retire': (b) => ({ params: { id: b.cabinetId } }),
  'GET /api/v1/cabinets/utilisation': () => ({}),
  'GET /api/v1/rooms/utilisation': () => ({}),
  'GET /api/v1/cabinets/{id}/elevation': (b) => ({ params: { id: b.cabinetId } }),
  'PATCH /api/v1/switches/{id}': (b) => ({ params: { id: b.switchId }, body: { version: 1, name: 'evil' } }),
  'POST /api/v1/switches/{id}/retire': (b) => ({ params: { id: b.switchId } }),
  'POST /api/v1/switches/{id}/ports': (b) => ({ params: { id: b.switchId }, body: { count: 1 } }),
  'PATCH /api/v1/switch-ports/{id}': (b) => ({ params: { id: b.portId }, body: { name: 'evil' } }),
  'PATCH /api/v1/ip-pools/{id}': (b) => ({ params: { id: b.poolId }, body: { version: 1, gateway: null } }),
  'POST /api/v1/ip-pools/{id}/retire': (b) => ({ params: { id: b.poolId } }),
  'GET /api/v1/ip-pools/{id}/reserved': (b) => ({ params: { id: b.poolId } }),
  'POST /api/v1/servers/import': (b) => ({ body: { customerId: b.customerId, csv: 'brand,model,serial,height_u\nDell,R1,EVILCSV,1\n' } }),
  'POST /api/v1/servers/{id}/inspections/{inspectionId}/photos': (b) => ({
    params: { id: b.serverId, inspectionId: b.intakeInspectionId! },
    multipart: multipart({ item: 'rails' }, { name: 'x.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 2]) }),
  }),
  'GET /api/v1/inspection-photos/{id}': (b) => ({ params: { id: b.inspectionPhotoId! } }),
  'POST /api/v1/ip-allocations/next': (b) => ({ body: { poolId: b.poolId, serverId: b.serverId, count: 1 } }),
  // ── compliance ──
  'GET /api/v1/compliance/domains': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/compliance/domains': (b) => ({ body: { customerId: b.customerId, serverId: b.serverId, domain: 'a-steals.example.cn', use: 'non_commercial', filingNumber: '京ICP备12345678号' } }),
  'GET /api/v1/compliance/domains/{id}': (b) => ({ params: { id: b.domainId } }),
  'PUT /api/v1/compliance/domains/{id}': (b) => ({ params: { id: b.domainId }, body: { version: 1, filingNumber: '京ICP备12345679号' } }),
  'POST /api/v1/compliance/domains/{id}/evidence': (b) => ({ params: { id: b.domainId }, multipart: multipart({}, { name: 'e.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }) }),
  'GET /api/v1/compliance/domains/{id}/evidence': (b) => ({ params: { id: b.domainId } }),
  'POST /api/v1/compliance/domains/{id}/verify': (b) => ({ params: { id: b.domainId }, body: { method: 'miit_lookup', note: 'x' } }),
  'POST /api/v1/compliance/domains/{id}/suspend': (b) => ({ params: { id: b.domainId }, body: { reason: 'x' } }),
  'POST /api/v1/compliance/domains/{id}/revoke': (b) => ({ params: { id: b.domainId }, body: { reason: 'x' } }),
  'GET /api/v1/compliance/queue/filings': () => ({}),
  'GET /api/v1/compliance/gate': () => ({}),
  'POST /api/v1/compliance/gate/apply': () => ({ body: { force: true } }),
  'GET /api/v1/compliance/gate/preview': () => ({}),
  'GET /api/v1/compliance/services': (b) => ({ query: { customerId: b.customerId, serverId: b.serverId }, listForA: true }),
  'POST /api/v1/compliance/services': (b) => ({ body: { serverId: b.serverId, kind: 'email' } }),
  'POST /api/v1/compliance/services/{id}/agreement': (b) => ({ params: { id: b.serviceId }, multipart: multipart({}, { name: 'a.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }) }),
  'POST /api/v1/compliance/services/{id}/withdraw': (b) => ({ params: { id: b.serviceId } }),
  'GET /api/v1/compliance/attestations': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/compliance/attestations': (b) => ({ body: { customerId: b.customerId, location: 'x', retentionMonths: 6 }, ownOnly: true }),
  'POST /api/v1/compliance/attestations/paper': (b) => ({
    multipart: multipart({ customerId: b.customerId, location: 'x', retentionMonths: '6', receivedBy: 'x', receivedOn: '2026-03-01' }, { name: 'p.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }),
  }),
  'GET /api/v1/compliance/attestations/{id}/scan': (b) => ({ params: { id: b.paperAttestationId } }),
  'GET /api/v1/compliance/readiness/{id}': (b) => ({ params: { id: b.customerId } }),
  'GET /api/v1/compliance/queue/attestations': () => ({}),
  'GET /api/v1/compliance/complaints': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/compliance/complaints': () => ({ body: { source: 'x', category: 'spam', description: 'x', domain: 'b-secret-site.example.cn' } }),
  'GET /api/v1/compliance/complaints/{id}': (b) => ({ params: { id: b.complaintId } }),
  'POST /api/v1/compliance/complaints/{id}/evidence': (b) => ({ params: { id: b.complaintId }, multipart: multipart({}, { name: 'e.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }) }),
  'POST /api/v1/compliance/complaints/{id}/notify': (b) => ({ params: { id: b.complaintId }, body: { hours: 24 } }),
  'POST /api/v1/compliance/complaints/{id}/confirm': (b) => ({ params: { id: b.complaintId }, body: { clause: '5.8', note: 'x' } }),
  'POST /api/v1/compliance/complaints/{id}/dismiss': (b) => ({ params: { id: b.complaintId }, body: { note: 'x' } }),
  'POST /api/v1/compliance/complaints/{id}/resolve': (b) => ({ params: { id: b.complaintId }, body: { note: 'x' } }),
  'POST /api/v1/compliance/complaints/{id}/terminate': (b) => ({ params: { id: b.complaintId }, body: { contractId: b.contractId } }),
  'GET /api/v1/compliance/suspensions': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/compliance/suspensions': (b) => ({ body: { serverId: b.serverId, clause: '6.3', reason: 'x' } }),
  'POST /api/v1/compliance/suspensions/{id}/restore': (b) => ({ params: { id: b.suspensionId }, body: { note: 'x' } }),
  // ── issue 22 §4, §6, §7: staff-only (compliance/noc); a customer gets 403 and nothing of B's ──
  // ── issue 22 §1–3: the regulator's view — staff only (compliance acts, auditors read) ──
  'GET /api/v1/regulator/settings': () => ({ ownOnly: true }),
  'PUT /api/v1/regulator/settings': () => ({ body: { licenceNumber: 'B1-1', province: '110000', houseNature: 'self_built', houseOfficer: 'x', houseOfficerPhone: '1', workingDays: 5 }, ownOnly: true }),
  'GET /api/v1/regulator/register/{kind}': () => ({ params: { kind: 'user' }, ownOnly: true }),
  'GET /api/v1/regulator/validation': () => ({ ownOnly: true }),
  'GET /api/v1/regulator/changes': () => ({ ownOnly: true }),
  'GET /api/v1/regulator/exports': () => ({ ownOnly: true }),
  'POST /api/v1/regulator/exports': () => ({ body: { mode: 'full' }, ownOnly: true }),
  'GET /api/v1/regulator/exports/{id}/zip': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, ownOnly: true }),
  'POST /api/v1/regulator/exports/{id}/acknowledge': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, body: { resultCode: '0' }, ownOnly: true }),
  'POST /api/v1/regulator/exports/{id}/reject': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, body: { resultCode: 'E1', reason: 'x' }, ownOnly: true }),
  'GET /api/v1/regulator/findings': () => ({ ownOnly: true }),
  'POST /api/v1/regulator/findings/{id}/convert': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, ownOnly: true }),
  'POST /api/v1/regulator/findings/{id}/dismiss': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, body: { note: 'x' }, ownOnly: true }),
  'POST /api/v1/regulator/reconcile': () => ({ body: {}, ownOnly: true }),
  'GET /api/v1/takedowns': (b) => ({ query: { customerId: b.customerId }, ownOnly: true }),
  'POST /api/v1/takedowns': (b) => ({ body: { issuer: 'x', documentNumber: 'x', receivedAt: '2026-03-01T00:00:00Z', deadlineAt: '2026-03-02T00:00:00Z', actions: ['suspend_server'], reason: 'x', serverIds: [b.serverId] }, ownOnly: true }),
  'GET /api/v1/takedowns/{id}': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, ownOnly: true }),
  'POST /api/v1/takedowns/{id}/scan': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, multipart: multipart({}, { name: 's.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }), ownOnly: true }),
  'POST /api/v1/takedowns/{id}/execute': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, ownOnly: true }),
  'POST /api/v1/takedowns/{id}/lift': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, body: { note: 'x' }, ownOnly: true }),
  'GET /api/v1/takedowns/{id}/scan': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, ownOnly: true }),
  'GET /api/v1/takedowns/{id}/receipt': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, ownOnly: true }),
  'GET /api/v1/incidents/security-settings': () => ({ ownOnly: true }),
  'PUT /api/v1/incidents/security-settings': () => ({ body: { criticalInfrastructure: false }, ownOnly: true }),
  'GET /api/v1/incidents/{id}/security-report': (b) => ({ params: { id: b.incidentId }, ownOnly: true }),
  'POST /api/v1/incidents/{id}/security-report/classify': (b) => ({ params: { id: b.incidentId }, body: { grade: 'general' }, ownOnly: true }),
  'PUT /api/v1/incidents/{id}/security-report': (b) => ({ params: { id: b.incidentId }, body: { unit: 'x' }, ownOnly: true }),
  'POST /api/v1/incidents/{id}/security-report/reported': (b) => ({ params: { id: b.incidentId }, body: { reportedTo: 'x' }, ownOnly: true }),
  'GET /api/v1/retention/policies': () => ({ ownOnly: true }),
  'PUT /api/v1/retention/policies/{kind}': () => ({ params: { kind: 'kyc_copies' }, body: { months: 36, answerWorkingDays: 15 }, ownOnly: true }),
  'GET /api/v1/retention/customers/{customerId}/holds': (b) => ({ params: { customerId: b.customerId }, ownOnly: true }),
  'POST /api/v1/retention/customers/{customerId}/holds': (b) => ({ params: { customerId: b.customerId }, body: { reason: 'x' }, ownOnly: true }),
  'POST /api/v1/retention/holds/{id}/release': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, ownOnly: true }),
  'GET /api/v1/retention/customers/{customerId}/redactions': (b) => ({ params: { customerId: b.customerId }, ownOnly: true }),
  'GET /api/v1/retention/requests': (b) => ({ query: { customerId: b.customerId }, ownOnly: true }),
  'POST /api/v1/retention/requests': (b) => ({ body: { customerId: b.customerId, kind: 'deletion', subjectName: 'x', detail: 'x' }, ownOnly: true }),
  'POST /api/v1/retention/requests/{id}/answer': () => ({ params: { id: '00000000-0000-4000-8000-000000000022' }, body: { status: 'refused', answer: 'x' }, ownOnly: true }),
  'GET /api/v1/compliance/inspections': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/compliance/inspections': (b) => ({
    multipart: multipart({ serverId: b.serverId, authority: 'x', documentNumber: 'x', inspectedAt: '2026-03-01T10:00:00+08:00', scope: 'x', staffPresent: 'x' }, { name: 'i.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }),
  }),
  'POST /api/v1/compliance/inspections/{id}/withhold': (b) => ({ params: { id: b.inspectionId }, body: { withheld: false, reason: 'x' } }),
  'GET /api/v1/compliance/inspections/{id}/document': (b) => ({ params: { id: b.inspectionId } }),
  // compliance: evidence and agreement downloads
  'GET /api/v1/compliance/complaints/{id}/evidence': (b) => ({ params: { id: b.complaintId } }),
  'GET /api/v1/compliance/services/{id}/agreement': (b) => ({ params: { id: b.serviceId } }),
  // incidents, planned work, compensation
  'GET /api/v1/incidents': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/incidents': (b) => ({ body: { title: 'x', cause: 'provider_fault', scope: [{ kind: 'server', target: b.serverId }] } }),
  'GET /api/v1/incidents/dashboard': () => ({}),
  'GET /api/v1/incidents/{id}': (b) => ({ params: { id: b.incidentId } }),
  'PATCH /api/v1/incidents/{id}': (b) => ({ params: { id: b.incidentId }, body: { cause: 'customer_fault' } }),
  'POST /api/v1/incidents/{id}/resolve': (b) => ({ params: { id: b.incidentId }, body: {} }),
  'POST /api/v1/incidents/{id}/notes': (b) => ({ params: { id: b.incidentId }, body: { body: 'x' } }),
  'POST /api/v1/incidents/{id}/restore': (b) => ({ params: { id: b.incidentId }, body: {} }),
  'POST /api/v1/suspensions': (b) => ({ body: { serverId: b.serverId, reason: 'x', evidence: 'y' } }),
  'POST /api/v1/alerts/alertmanager': (b) => ({ body: { version: '4', status: 'firing', alerts: [{ status: 'firing', labels: { alertname: 'x', server_id: b.serverId }, startsAt: '2026-03-01T00:00:00Z', fingerprint: 'evil' }] } }),
  // alerts that matched nothing: NOC only (issue 15)
  'GET /api/v1/alerts/unmatched': () => ({}),
  'POST /api/v1/alerts/unmatched/{id}/map': (b) => ({ params: { id: b.incidentId }, body: { scope: [{ kind: 'server', target: b.serverId }] } }),
  'GET /api/v1/compensation': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'GET /api/v1/compensation/{id}': (b) => ({ params: { id: b.contractId } }),
  'GET /api/v1/compensation/{id}/timeline.svg': (b) => ({ params: { id: b.contractId } }),
  'POST /api/v1/compensation/recompute-runs': () => ({ ownOnly: true }),
  'GET /api/v1/compensation/recompute-runs/latest': () => ({ ownOnly: true }),
  'GET /api/v1/compensation/recompute-runs/{id}': () => ({ params: { id: '00000000-0000-4000-8000-0000000000c1' }, ownOnly: true }),
  'POST /api/v1/compensation/lines/{id}/dispute': (b) => ({ params: { id: b.compensationLineId }, body: { reason: 'x' } }),
  'GET /api/v1/maintenance': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/maintenance': (b) => ({ body: { title: 'x', kind: 'provider_work', startsAt: '2026-04-01T00:00:00Z', endsAt: '2026-04-01T01:00:00Z', scope: [{ kind: 'server', target: b.serverId }] } }),
  'GET /api/v1/maintenance/{id}': (b) => ({ params: { id: b.maintenanceId } }),
  'POST /api/v1/maintenance/{id}/decision': (b) => ({ params: { id: b.maintenanceId }, body: { decision: 'declined' } }),
  'POST /api/v1/maintenance/{id}/cancel': (b) => ({ params: { id: b.maintenanceId } }),
  'POST /api/v1/maintenance/{id}/perform': (b) => ({ params: { id: b.maintenanceId }, body: {} }),
  'POST /api/v1/portal/calendar-feed': () => ({ ownOnly: true }),
  'GET /api/v1/portal/calendar.ics': () => ({ query: { token: 'rpc_not-a-real-token' }, ownOnly: true }),
  'GET /api/v1/status': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  // issue 20 §3: the global search — B's serial number must not come back to A (the search test walks every kind)
  'GET /api/v1/search': () => ({ query: { q: 'BSECRETSN' }, listForA: true }),
  // finance desk (issue 20 item 4): staff lists refuse customers; B's statement is not A's to read
  'GET /api/v1/billing/receivables': (b) => ({ query: { customerId: b.customerId } }),
  'GET /api/v1/billing/payments': (b) => ({ query: { customerId: b.customerId } }),
  'GET /api/v1/billing/payments/export.csv': (b) => ({ query: { customerId: b.customerId } }),
  'GET /api/v1/customers/{id}/statement': (b) => ({ params: { id: b.customerId } }),
  'GET /api/v1/customers/{id}/statement/document': (b) => ({ params: { id: b.customerId } }),
  'POST /api/v1/billing/bank-import/preview': (b) => ({ body: { csv: `date,amount,payer,reference\n2026-03-01,1.00,x,${b.customerId}` } }),
  'POST /api/v1/billing/bank-import/record': (b) => ({ body: { csv: 'date,amount,payer,reference\n2026-03-01,1.00,x,y', confirmed: [{ line: 2, invoiceId: b.invoiceId }] } }),
  // alert channels (issue 20 §5): admin only
  'GET /api/v1/alert-channels': () => ({}),
  'POST /api/v1/alert-channels': () => ({ body: { kind: 'webhook', name: 'x', url: 'https://example.cn/hook', secret: 'x' } }),
  'PATCH /api/v1/alert-channels/{id}': () => ({ params: { id: '00000000-0000-4000-8000-0000000000a1' }, body: { enabled: false } }),
  'POST /api/v1/alert-channels/{id}/test': () => ({ params: { id: '00000000-0000-4000-8000-0000000000a1' } }),
  'GET /api/v1/alert-subscriptions': () => ({}),
  'PUT /api/v1/alert-subscriptions': () => ({ body: { items: [] } }),
  'GET /api/v1/alert-deliveries': () => ({}),
  // issue 19 §3 (doc-versions): the versions of B's contract documents (its sent copy is frozen: B's contract is signed)
  'GET /api/v1/contracts/{id}/documents': (b) => ({ params: { id: b.contractId } }),
  'GET /api/v1/contracts/{id}/documents/{kind}/{part}': (b) => ({ params: { id: b.contractId, kind: 'sent', part: 'contract' }, query: { format: 'html' } }),
  // ── desk (issue 20): A's to-do list holds nothing of B's; dashboards and the digest are staff's ──
  // site access (issue 21)
  'GET /api/v1/access/settings': () => ({ ownOnly: true }),
  'PUT /api/v1/access/settings': () => ({ body: { opensMinute: 0, closesMinute: 1440, maxVisitMinutes: 1440, equipmentRoles: ['contract_contact'] } }),
  'GET /api/v1/access/booking-options': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'GET /api/v1/access/visits': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/access/visits': (b) => ({ body: { customerId: b.customerId, roomId: b.roomId, purpose: 'maintenance', startsAt: '2099-03-02T10:00:00+08:00', endsAt: '2099-03-02T11:00:00+08:00', memberIds: [b.rosterMemberId], serverIds: [b.serverId] } }),
  'GET /api/v1/access/visits/export.csv': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'GET /api/v1/access/visits/{id}': (b) => ({ params: { id: b.visitId! } }),
  'POST /api/v1/access/visits/{id}/decision': (b) => ({ params: { id: b.visitId! }, body: { approve: false, reason: 'x' } }),
  'POST /api/v1/access/visits/{id}/people/{personId}/check-in': (b) => ({ params: { id: b.visitId!, personId: b.visitPersonId! }, body: { idDocumentType: 'passport', idLast4: '1234' } }),
  'POST /api/v1/access/visits/{id}/people/{personId}/check-out': (b) => ({ params: { id: b.visitId!, personId: b.visitPersonId! } }),
  'GET /api/v1/access/front-desk': () => ({}),
  'GET /api/v1/access/reports/visits': () => ({ query: { from: '2000-01-01', to: '2099-12-31' }, listForA: true }),
  'GET /api/v1/access/equipment': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'GET /api/v1/access/equipment/export.csv': (b) => ({ query: { customerId: b.customerId }, listForA: true }),
  'POST /api/v1/access/equipment/in': (b) => ({ body: { serverId: b.serverId, cabinetId: b.cabinetId, lowestU: 30, face: 'front' } }),
  'POST /api/v1/access/equipment/releases': (b) => ({ body: { serverId: b.serverId, memberId: b.rosterMemberId } }),
  'GET /api/v1/access/equipment/{id}/holds': (b) => ({ params: { id: b.movementId! } }),
  'POST /api/v1/access/equipment/{id}/take-out': (b) => ({ params: { id: b.movementId! }, body: {} }),
  'GET /api/v1/desk/todo': () => ({ listForA: true }),
  'GET /api/v1/desk/dashboards/{role}': () => ({ params: { role: 'admin' } }),
  'GET /api/v1/desk/digest': () => ({}),
  'PUT /api/v1/desk/digest': () => ({ body: { optedOut: true } }),
};

let t: TestApp;
let asA: ApiClient;
let b: TenantB;
let operations: { method: string; path: string }[];

beforeAll(async () => {
  t = await makeTestApp();
  await makeStaff(t.services, 'walk-admin', ['admin']);
  const customerA = await makeCustomer(t.services, { name: '甲公司A' });
  const customerB = await makeCustomer(t.services, { name: '乙客户B秘密名称' });
  await makeCustomerUser(t.services, 'a-owner', customerA.id);
  const bUser = await makeCustomerUser(t.services, 'b-owner', customerB.id);
  const admin = await t.login('walk-admin');
  const token = (await admin.post('/api/v1/tokens', { name: 'b-walk', scopes: ['read'] })).json();
  // issue 24: B's owner invites a colleague and makes a token of its own
  const bOwnerScope = { kind: 'customer' as const, userId: bUser.id, login: 'b-owner', customerId: customerB.id, roles: ['owner' as const] };
  const bInvitation = await t.services.team.invite(bOwnerScope, customerB.id, { email: 'b-secret-invitee@example.cn', displayName: '乙方受邀人秘密', roles: ['technical'] });
  const bToken = await t.services.tokens.createForCustomer(bOwnerScope, customerB.id, { name: 'b-secret-token', scopes: ['read', 'tickets:write'] });
  // B's own activity, so B has audit rows, a roster, a KYC document, a change request and a task of its own
  const bClient = await t.login('b-owner');
  await bClient.put('/api/v1/auth/locale', { locale: 'en' });
  const system = systemScope('isolation-fixture');
  // issue 19: B's roster person came by letter, recorded with its scan (a notice received from B)
  const member = await t.services.roster.upsert(
    system,
    customerB.id,
    { side: 'customer', role: 'technical_lead', name: '乙方技术秘密', mobile: '13800000001', available24h: true },
    { how: 'post', documentName: '乙方来函秘密', document: { bytes: Buffer.from('%PDF-1.4\n%%EOF\n'), fileName: 'b-letter.pdf' } },
  );
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const bDocument = await t.services.kyc.upload(system, customerB.id, { kind: 'handler_id', holderName: '乙经办人', idType: 'passport', idNumber: 'E12345678', expiresOn: '2026-03-20', fileName: 'b.pdf', bytes: pdf });
  const expiring = await t.services.kyc.upload(system, customerB.id, { kind: 'handler_id', holderName: '乙经办人', idType: 'passport', idNumber: 'E12345679', expiresOn: '2026-03-20', fileName: 'b2.pdf', bytes: pdf });
  await t.services.kyc.review(system, expiring.id, { verify: true });
  await t.services.kyc.remindExpiring();
  const [task] = await t.services.customers.openTasks(system);
  const change = (await bClient.post(`/api/v1/customers/${customerB.id}/change-requests`, { postalAddress: '乙方新地址秘密' })).json();
  const site = await t.services.floor.createSite(system, { code: 'T-1', name: '测试机房', address: 'x', accessPoint: 'x' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'R1' });
  const cabinet = await t.services.floor.createCabinet(system, { roomId: room.id, code: 'B01' });
  const sw = await t.services.network.createSwitch(system, { roomId: room.id, name: 'SW-B', model: 'x', portCount: 4 });
  const bServer = await t.services.servers.createServer(system, { customerId: customerB.id, brand: 'Dell', model: 'R750', serialNumber: 'BSECRETSN', heightU: 2 });
  const bIntake = await t.services.servers.inspect(system, bServer.id, { powerSupplies: true, rails: true, interfaces: true, labelling: true });
  const bPhoto = await t.services.servers.addInspectionPhoto(system, bServer.id, bIntake.id, { item: 'rails', fileName: 'rails.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]) });
  await t.services.provider.update(system, { legalName: '乙方', uscc: '91110106MA00YQ8D7K', address: 'x', domicileCourt: 'x', bankName: 'x', bankAccount: '1234567890', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: 'x', sealFile: null });
  for (const [kind, idType, idNumber] of [['business_licence', 'uscc', '91350100M000100Y43'], ['legal_representative_id', 'resident_id', '11010519491231002X']] as const) {
    const d = await t.services.kyc.upload(system, customerB.id, { kind, holderName: '乙', idType, idNumber, fileName: 'k.pdf', bytes: pdf });
    await t.services.kyc.review(system, d.id, { verify: true });
  }
  await t.services.roster.upsert(system, customerB.id, { side: 'customer', role: 'legal_representative', name: '乙法人', mobile: '13800000002', available24h: true });
  await t.services.declarations.attest(system, { customerId: customerB.id, location: '乙方日志秘密位置', retentionMonths: 12 });
  const bPaper = await t.services.declarations.recordPaper(system, { customerId: customerB.id, location: '乙方纸质承诺', retentionMonths: 12, receivedBy: '前台', receivedOn: '2026-03-01', file: { fileName: 'paper.pdf', bytes: pdf } });
  const bContract = await t.services.contracts.create(system, { customerId: customerB.id, siteId: site.id, serverIds: [bServer.id], annualFee: '12000' });
  await t.services.contracts.sign(system, bContract.id, { signingDate: '2026-03-01', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: pdf });
  await t.services.servers.rack(system, bServer.id, { cabinetId: cabinet.id, lowestU: 10, face: 'full' });
  const bContractDetail = await t.services.contracts.get(system, bContract.id);
  // B's invoice left unpaid past the suspension-proposal day: a dunning step to decide
  const setupNow = t.clock.now();
  t.clock.set(new Date(setupNow.getTime() + 45 * 86_400_000).toISOString());
  await t.services.billing.sweep();
  const [bProposal] = await t.services.billing.dunning(system, { invoiceId: bContractDetail.invoices[0].id, decision: 'proposed' });
  t.clock.set(setupNow.toISOString());
  // issue 19: a notice to B with a post leg (the provider's side of B's roster; B's postal address)
  await t.services.customers.update(system, customerB.id, { version: (await t.services.customers.get(system, customerB.id)).version, postalAddress: '乙方邮寄地址秘密' });
  await t.services.roster.upsert(system, customerB.id, { side: 'provider', role: 'network_admin', name: '乙方对接人', mobile: '13800000009', available24h: true });
  await t.services.notices.drainOutbox();
  const bNotice = (await t.services.notices.list(system, customerB.id)).find((n) => n.deliveries.some((d) => d.channel === 'post'))!;
  const bReceived = (await t.services.notices.list(system, customerB.id)).find((n) => n.hasDocument)!;
  const bTicket = await t.services.tickets.open(system, { customerId: customerB.id, serverId: bServer.id, type: 'reboot', subject: '乙方工单秘密', description: '' });
  const bAttachment = await t.services.tickets.attach(system, bTicket.id, { bytes: pdf, fileName: 'b-secret-attachment.pdf' });
  const bPost = bNotice.deliveries.find((d) => d.channel === 'post')!;
  await t.services.notices.recordProof(system, bNotice.id, bPost.id, { bytes: pdf, fileName: 'b-secret-receipt.pdf' });
  const assignment = await t.services.network.assignPort(system, bServer.id, { portId: sw.ports[0].id, interfaceName: 'eth0' });
  const pool = await t.services.ipam.createPool(system, { name: 'P', prefix: '203.0.113.0/24' });
  const ip = await t.services.ipam.allocate(system, { poolId: pool.id, serverId: bServer.id });
  // B's incident (resolved, so a ledger line exists) and a window of provider work on B's server
  await t.services.servers.setStatus(system, bServer.id, 'in_service');
  const bIncident = await t.services.incidents.open(system, { title: '乙方故障秘密', cause: 'provider_fault', scope: [{ kind: 'server', target: bServer.id }], startedAt: new Date(t.clock.now().getTime() - 3_600_000) });
  await t.services.incidents.resolve(system, bIncident.id, {});
  const [bLine] = await t.services.incidents.customerLedger(system, customerB.id);
  const bWindow = await t.services.maintenance.schedule(system, { title: '乙方作业秘密', kind: 'provider_work', startsAt: new Date(t.clock.now().getTime() + 72 * 3_600_000), endsAt: new Date(t.clock.now().getTime() + 73 * 3_600_000), scope: [{ kind: 'server', target: bServer.id }] });
  const zone = await t.services.dns.createZone(system, { customerId: customerB.id, domain: 'b-secret-zone.cn' });
  const record = await t.services.dns.addRecord(system, zone.id, { name: 'www', type: 'A', value: ip.address });
  // compliance: B's domain (with evidence), a declared service, an attestation, a complaint, a suspension, an inspection
  const bDomain = await t.services.domains.add(system, { customerId: customerB.id, serverId: bServer.id, domain: 'b-secret-site.example.cn', use: 'non_commercial', filingNumber: '京ICP备2021012345号' });
  await t.services.domains.uploadEvidence(system, bDomain.id, { fileName: 'b.pdf', bytes: pdf });
  const bService = await t.services.declarations.declareService(system, { serverId: bServer.id, kind: 'ftp', description: '乙方FTP秘密' });
  const bComplaint = await t.services.complaints.intake(system, { source: '乙方投诉来源秘密', category: 'spam', description: 'x', domain: 'b-secret-site.example.cn' });
  const bSuspension = await t.services.complaints.suspendServer(system, { serverId: bServer.id, clause: '6.3', reason: '乙方暂停秘密' });
  const bInspection = await t.services.inspections.recordInspection(system, { serverId: bServer.id, authority: '乙方检查机关秘密', documentNumber: 'x', inspectedAt: '2026-03-01T10:00:00+08:00', scope: 'x', staffPresent: 'x' }, { fileName: 'i.pdf', bytes: pdf });
  // B's complaint evidence and supplementary agreement, so the downloads have something to withhold
  await t.services.complaints.complaintEvidence(system, bComplaint.id, { fileName: 'b-evidence.pdf', bytes: pdf });
  await t.services.declarations.fileAgreement(system, bService.id, { fileName: 'b-agreement.pdf', bytes: pdf });
  b = {
    customerId: customerB.id,
    customerName: customerB.name,
    userId: bUser.id,
    tokenId: token.item.id,
    invitationId: bInvitation.id,
    customerTokenId: bToken.item.id,
    rosterMemberId: member.memberId,
    kycDocumentId: bDocument.id,
    changeRequestId: change.id,
    taskId: task.id,
    siteId: site.id,
    roomId: room.id,
    cabinetId: cabinet.id,
    serverId: bServer.id,
    switchId: sw.id,
    portId: sw.ports[1].id,
    portAssignmentId: assignment.id,
    poolId: pool.id,
    ipAllocationId: ip.id,
    zoneId: zone.id,
    recordId: record.id,
    contractId: bContract.id,
    invoiceId: bContractDetail.invoices[0].id,
    commissioningId: bContractDetail.commissioning[0].id,
    noticeId: bNotice.id,
    receivedNoticeId: bReceived.id,
    ticketId: bTicket.id,
    ticketAttachmentId: bAttachment.id,
    noticeDeliveryId: bPost.id,
    dunningActionId: bProposal.id,
    intakeInspectionId: bIntake.id,
    inspectionPhotoId: bPhoto.id,
    domainId: bDomain.id,
    serviceId: bService.id,
    paperAttestationId: bPaper.id,
    complaintId: bComplaint.id,
    suspensionId: bSuspension.id,
    inspectionId: bInspection.id,
    incidentId: bIncident.id,
    maintenanceId: bWindow.id,
    compensationLineId: bLine.id,
    secrets: ['b-secret-invitee', '乙方受邀人秘密', 'b-secret-token', bToken.item.prefix, customerB.id, customerB.name, bUser.id, 'b-owner', '乙方技术秘密', '乙经办人', '乙方新地址秘密', bDocument.id, change.id, bServer.id, 'BSECRETSN', ip.address, 'b-secret-zone', bContract.number, '乙方工单秘密', bTicket.number, 'b-secret-attachment', 'b-secret-receipt', bContractDetail.invoices[0].number, 'b-secret-site', '乙方FTP秘密', '乙方日志秘密位置', '乙方投诉来源秘密', '乙方暂停秘密', '乙方检查机关秘密', bComplaint.number, '乙方故障秘密', bIncident.number, '乙方作业秘密', bWindow.number, bLine.id],
  };
  // issue 7: B's reverse DNS must not leak either
  // issue 21: B's visit (tomorrow 10:00 in Beijing) and a release of its server
  const tomorrow = new Date(t.clock.now().getTime() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const bVisit = await t.services.access.book(system, { customerId: customerB.id, roomId: room.id, purpose: 'maintenance', startsAt: new Date(`${tomorrow}T10:00:00+08:00`), endsAt: new Date(`${tomorrow}T11:00:00+08:00`), memberIds: [member.memberId], serverIds: [bServer.id], note: '乙方进出秘密' });
  const bRelease = await t.services.access.authoriseRelease(system, { serverId: bServer.id, memberId: member.memberId, note: '乙方放行秘密' });
  b.visitId = bVisit.id;
  b.visitPersonId = bVisit.people[0].id;
  b.movementId = bRelease.id;
  b.secrets.push(bVisit.number, bRelease.number, '乙方进出秘密', '乙方放行秘密');
  await t.services.dns.setPtr(system, ip.id, { hostname: 'b-secret-ptr.example.cn' });
  b.secrets.push('b-secret-ptr');
  asA = await t.login('a-owner');
  const doc = (await t.anonymous().get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(() => t.close());

describe('tenant isolation walk', () => {
  it('covers every operation of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(10);
    const missing = operations.map((o) => `${o.method} ${o.path}`).filter((k) => !CASES[k]);
    expect(missing, 'add these operations to CASES in test/platform/isolation.test.ts').toEqual([]);
  });

  it("never lets customer A read or change customer B's data", async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const key = `${op.method} ${op.path}`;
      const c = CASES[key]?.(b);
      if (!c) continue;
      let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = c.params?.[name];
        if (!value) failures.push(`${key}: no value for {${name}}`);
        return value ?? 'missing';
      });
      if (c.query) url += `?${new URLSearchParams(c.query)}`;
      const res = c.multipart
        ? await asA.request(op.method as never, url, c.multipart.body, c.multipart.headers)
        : await asA.request(op.method as never, url, c.body ?? (op.method === 'GET' || op.method === 'DELETE' ? undefined : {}));
      // the walk includes logout: carry on with a fresh session
      if (key === 'POST /api/v1/auth/logout') asA = await t.login('a-owner');
      const leaked = b.secrets.filter((s) => res.body.includes(s));
      if (leaked.length) failures.push(`${key}: leaked ${leaked.join(', ')} (status ${res.statusCode})`);
      if (c.listForA || c.ownOnly) continue;
      if (![403, 404].includes(res.statusCode)) failures.push(`${key}: expected 403/404, got ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  it("leaves B's data unchanged", async () => {
    const bOwner = await t.login('b-owner');
    expect((await bOwner.get('/api/v1/auth/me')).json().customerId).toBe(b.customerId);
    const rows = await t.database.raw.query<{ disabled_at: Date | null }>('SELECT disabled_at FROM users WHERE id = $1', [b.userId]);
    expect(rows[0].disabled_at).toBeNull();
    // issue 24: B's invitation is still open, B's token unrevoked, B's policy unset
    const team = await t.services.team.team(systemScope('walk'), b.customerId);
    expect(team.invitations.find((i) => i.id === b.invitationId)?.status).toBe('open');
    expect(team.require2fa).toBe(false);
    const tokens = await t.services.tokens.listOfCustomer(systemScope('walk'), b.customerId);
    expect(tokens.find((x) => x.id === b.customerTokenId)?.revokedAt).toBeNull();
  });
});
