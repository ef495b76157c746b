/**
 * The permission table (src/core/permissions.ts) is what the services enforce (issue 18 §5): every
 * action's service is called as each staff role and each customer role, and the roles it lets past
 * its role check must be exactly the table's. The web hides buttons by the same table, so a role
 * the API refuses never sees the button and a role it admits always does.
 *
 * Each probe calls the action's service with ids that do not exist (or input it will refuse): a role
 * the table admits gets past the role check and meets NOT_FOUND or a validation error — anything but
 * FORBIDDEN; a role it does not admit gets FORBIDDEN. No action admits auditors, so a probe that
 * fails before the role check reads as "auditor allowed" and fails the test rather than passing it.
 * PROBES is typed by the table's actions: a new action without a probe does not compile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/app.js';
import { AppError } from '../../src/core/errors.js';
import { ACTIONS, PERMISSIONS, can, type Action, type Permission } from '../../src/core/permissions.js';
import { CUSTOMER_ROLES, STAFF_ROLES, type Scope } from '../../src/core/scope.js';
import { makeTestApp, type TestApp } from '../harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../harness/factories.js';

const NONE = '00000000-0000-4000-8000-000000000000';
const EMPTY = Buffer.from('');
const anyInput = (x: object = {}): any => x;

/** Calls the action's service as `scope`; `customerId` is the scope's own customer where a tenancy check comes first. */
type Probe = (s: Services, scope: Scope, customerId: string) => Promise<unknown>;

const PROBES: Record<Action, Probe> = {
  'customer.create': (s, sc) => s.customers.create(sc, anyInput({ name: '', uscc: 'bad' })),
  'customer.update': (s, sc) => s.customers.update(sc, NONE, anyInput({ version: 1 })),
  'customer.decideChange': (s, sc) => s.customers.decideChange(sc, NONE, { approve: true }),
  'kyc.upload': (s, sc, cid) => s.kyc.upload(sc, cid, anyInput({ kind: 'business_licence', fileName: 'k.pdf', bytes: EMPTY })),
  'kyc.review': (s, sc) => s.kyc.review(sc, NONE, { verify: true }),
  'roster.editCustomerSide': (s, sc, cid) => s.roster.upsert(sc, cid, anyInput({ side: 'customer', role: 'nobody', name: '' })),
  'roster.editProviderSide': (s, sc, cid) => s.roster.upsert(sc, cid, anyInput({ side: 'provider', role: 'nobody', name: '' })),
  'task.complete': (s, sc) => s.customers.completeTask(sc, NONE),

  'contract.create': (s, sc) => s.contracts.create(sc, anyInput({ customerId: NONE })),
  'contract.send': (s, sc) => s.contracts.send(sc, NONE),
  'contract.sign': (s, sc) => s.contracts.sign(sc, NONE, { signingDate: '2026-03-02', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: EMPTY }),
  'contract.signAttachment': (s, sc) => s.contracts.signAttachment(sc, NONE, 'security-letter', EMPTY),
  'contract.objectToRenewal': (s, sc) => s.contracts.objectToRenewal(sc, NONE),
  'contract.terminate': (s, sc) => s.contracts.terminate(sc, NONE, { kind: 'by_agreement' }),
  'commissioning.complete': (s, sc) => s.contracts.completeCommissioning(sc, NONE),
  'contractTemplate.add': (s, sc) => s.contracts.addTemplate(sc, { blocks: [] }),

  'invoice.recordPayment': (s, sc) => s.billing.recordPayment(sc, NONE, { amount: '1.00', receivedOn: '2026-03-02', bankReference: null }),
  'invoice.requestFapiao': (s, sc) => s.billing.requestFapiao(sc, NONE, { title: '', taxNumber: 'bad', type: 'ordinary' }),
  'invoice.recordFapiao': (s, sc) => s.billing.recordFapiao(sc, NONE, { fapiaoNumber: '', issuedOn: '2026-03-02' }),
  'dunning.setPolicy': (s, sc) => s.billing.setDunningPolicy(sc, anyInput({ reminderDays: [-1] })),
  'dunning.decide': (s, sc) => s.billing.decideProposal(sc, NONE, { decision: 'dismissed' }),

  'site.create': (s, sc) => s.floor.createSite(sc, anyInput({ code: '', name: '' })),
  'room.create': (s, sc) => s.floor.createRoom(sc, anyInput({ siteId: NONE, name: '' })),
  'cabinet.create': (s, sc) => s.floor.createCabinet(sc, anyInput({ roomId: NONE, code: '' })),
  'switch.create': (s, sc) => s.network.createSwitch(sc, anyInput({ roomId: NONE, name: '' })),
  'site.update': (s, sc) => s.floor.updateSite(sc, NONE, { version: 1 }),
  'site.retire': (s, sc) => s.floor.retireSite(sc, NONE),
  'room.update': (s, sc) => s.floor.updateRoom(sc, NONE, { version: 1 }),
  'room.retire': (s, sc) => s.floor.retireRoom(sc, NONE),
  'cabinet.update': (s, sc) => s.floor.updateCabinet(sc, NONE, anyInput({ version: 1 })),
  'cabinet.retire': (s, sc) => s.floor.retireCabinet(sc, NONE),
  'switch.update': (s, sc) => s.network.updateSwitch(sc, NONE, { version: 1 }),
  'switch.retire': (s, sc) => s.network.retireSwitch(sc, NONE),
  'switch.addPorts': (s, sc) => s.network.addPorts(sc, NONE, { count: 1 }),
  'port.update': (s, sc) => s.network.updatePort(sc, NONE, {}),
  'server.register': (s, sc) => s.servers.createServer(sc, anyInput({ customerId: NONE })),
  'server.inspect': (s, sc) => s.servers.inspect(sc, NONE, anyInput({})),
  'server.rack': (s, sc) => s.servers.rack(sc, NONE, anyInput({ cabinetId: NONE, startU: 1 })),
  'server.setStatus': (s, sc) => s.servers.setStatus(sc, NONE, 'in_service'),
  'server.remove': (s, sc) => s.servers.remove(sc, NONE),
  'port.assign': (s, sc) => s.network.assignPort(sc, NONE, anyInput({ portId: NONE })),
  'port.release': (s, sc) => s.network.releasePort(sc, NONE),
  'ipPool.create': (s, sc) => s.ipam.createPool(sc, anyInput({ name: '', prefix: 'bad' })),
  'ipPool.update': (s, sc) => s.ipam.updatePool(sc, NONE, anyInput({ version: 1 })),
  'ipPool.retire': (s, sc) => s.ipam.retirePool(sc, NONE),
  'ip.allocate': (s, sc) => s.ipam.allocate(sc, anyInput({ poolId: NONE, serverId: NONE })),
  'ip.release': (s, sc) => s.ipam.release(sc, NONE),
  'netbox.import': (s, sc) => s.netbox.importCsv(sc, {}, anyInput({ dryRun: true })),
  'dns.edit': (s, sc, cid) => s.dns.createZone(sc, { customerId: cid, domain: '' }),

  'domain.edit': (s, sc) => s.domains.edit(sc, NONE, anyInput({ version: 1 })),
  'domain.verify': (s, sc) => s.domains.verify(sc, NONE, anyInput({ method: 'miit_lookup' })),
  'domain.suspend': (s, sc) => s.domains.suspend(sc, NONE, ''),
  'domain.revoke': (s, sc) => s.domains.revoke(sc, NONE, ''),
  'gate.apply': (s, sc) => s.gate.apply(sc, {}),
  'service.declare': (s, sc) => s.declarations.declareService(sc, { serverId: NONE, kind: 'web' }),
  'service.withdraw': (s, sc) => s.declarations.withdrawService(sc, NONE),
  'service.fileAgreement': (s, sc) => s.declarations.fileAgreement(sc, NONE, { fileName: 'a.pdf', bytes: EMPTY }),
  'attestation.file': (s, sc) => s.declarations.attest(sc, { customerId: NONE, location: '', retentionMonths: 0 }),
  'attestation.recordPaper': (s, sc) => s.declarations.recordPaper(sc, { customerId: NONE, location: '', retentionMonths: 0, receivedBy: '', receivedOn: '2026-01-01', file: { fileName: 'p.pdf', bytes: EMPTY } }),
  'complaint.intake': (s, sc) => s.complaints.intake(sc, anyInput({ description: '' })),
  'complaint.handle': (s, sc) => s.complaints.dismissComplaint(sc, NONE, { note: '' }),
  'complaint.terminateForCause': (s, sc) => s.complaints.terminateForCause(sc, NONE, NONE),
  'violation.suspendServer': (s, sc) => s.complaints.suspendServer(sc, anyInput({ serverId: NONE })),
  'violation.restoreServer': (s, sc) => s.complaints.restoreServer(sc, NONE, ''),
  'inspection.record': (s, sc) => s.inspections.recordInspection(sc, anyInput({ customerId: NONE }), { fileName: 'i.pdf', bytes: EMPTY }),
  'inspection.withhold': (s, sc) => s.inspections.setWithheld(sc, NONE, { withheld: true, reason: '' }),

  'incident.manage': (s, sc) => s.incidents.resolve(sc, NONE, {}),
  'incident.suspendServer': (s, sc) => s.incidents.suspend(sc, { serverId: NONE, reason: '', evidence: '' }),
  // issue 22 §6: an unknown incident after the role check; the switch has no input to refuse, so an admitted role sets it to what it is (off)
  'incident.securityReport': (s, sc) => s.securityReports.saveForm(sc, NONE, {}),
  'incident.criticalInfrastructure': (s, sc) => s.securityReports.setCriticalInfrastructure(sc, false),
  'maintenance.manage': (s, sc) => s.maintenance.cancel(sc, NONE),
  'alert.map': (s, sc) => s.alerts.mapUnmatched(sc, NONE, []),

  'notice.send': (s, sc, cid) => s.notices.send(sc, { customerId: sc.kind === 'customer' ? cid : NONE, subject: '', body: '' }),
  'notice.recordProof': (s, sc) => s.notices.recordProof(sc, NONE, NONE, { bytes: EMPTY, fileName: 'p.pdf' }),
  'noticePreferences.edit': (s, sc, cid) => s.notices.setPreferences(sc, cid, NONE, []),
  'ticket.open': (s, sc) => s.tickets.open(sc, anyInput({ customerId: NONE, subject: '' })),
  'ticket.work': (s, sc) => s.tickets.assign(sc, NONE, null),
  'ticket.setSlaTarget': (s, sc) => s.tickets.setSlaTarget(sc, 'network', anyInput({ firstResponseMinutes: -1 })),

  'visit.request': (s, sc, cid) => s.access.book(sc, anyInput({ customerId: cid, roomId: NONE, purpose: 'maintenance', startsAt: new Date(0), endsAt: new Date(0), memberIds: [], serverIds: [] })),
  'visit.decide': (s, sc) => s.access.decide(sc, NONE, { approve: false, reason: 'x' }),
  'visit.frontDesk': (s, sc) => s.access.checkOut(sc, NONE, NONE),
  'equipment.release': (s, sc) => s.access.authoriseRelease(sc, { serverId: NONE, memberId: NONE }),
  'equipment.move': (s, sc) => s.access.takeOut(sc, NONE, {}),
  'equipment.overrideHold': (s, sc) => s.access.takeOut(sc, NONE, { overrideReason: 'x' }),
  'access.settings': (s, sc) => s.access.setSettings(sc, anyInput({ opensMinute: -1, closesMinute: 0, maxVisitMinutes: 0, equipmentRoles: [] })),

  'user.manage': (s, sc) => s.users.resetPassword(sc, NONE),
  'token.manage': (s, sc) => s.tokens.revoke(sc, NONE),
  // issue 24: a customer's owner on its own customer (staff: admin); unknown ids meet NOT_FOUND after the role check
  'team.manage': (s, sc, cid) => s.team.revokeInvitation(sc, cid, NONE),
  'customerToken.manage': (s, sc, cid) => s.tokens.revokeOfCustomer(sc, cid, NONE),
  'account.resetFactors': async (s, sc) => s.factors.reset(sc, await s.users.idOfLogin('perm-c-billing')),
  'account.setPolicy': (s, sc, cid) => s.factors.setPolicy(sc, cid, false),
  'provider.update': (s, sc) => s.provider.update(sc, anyInput({})),
  'calendar.edit': (s, sc) => s.calendar.preview(sc, 2026, anyInput({})),
  'audit.anchor': (s, sc) => s.audit.anchorOnRequest(sc),

  // finance desk (issue 20 item 4): a file without the bank's columns is refused after the role check
  'payment.importBank': (s, sc) => s.billing.bankImportRecord(sc, { csv: 'x', confirmed: [{ line: 2, invoiceId: NONE }] }),
  'compensation.recompute': (s, sc) => s.incidents.recomputeRun(sc, NONE),
  // the regulator's view (issue 22 §1–3): input refused (or an export unknown) after the role check
  'regulator.settings': (s, sc) => s.regulator.updateSettings(sc, { province: 'x' }),
  'regulator.export': (s, sc) => s.regulator.export(sc, anyInput({ mode: 'neither', dir: '/nonexistent' })),
  'regulator.decide': (s, sc) => s.regulator.decide(sc, NONE, { accepted: true, resultCode: '0' }),
  'regulator.reconcile': (s, sc) => s.regulator.reconcile(sc, anyInput({ through: 'not-a-day' })),
  'regulator.finding': (s, sc) => s.regulator.dismissFinding(sc, NONE, 'x'),
  // takedown orders (issue 22 §4): input refused or an order unknown after the role check
  'takedown.register': (s, sc) => s.takedowns.register(sc, anyInput({ issuer: '', documentNumber: '', receivedAt: 'bad', deadlineAt: 'bad', actions: [], reason: '' })),
  'takedown.execute': (s, sc) => s.takedowns.execute(sc, NONE),
  'takedown.lift': (s, sc) => s.takedowns.lift(sc, NONE, ''),
  // personal-data retention (issue 22 §7)
  'retention.setPolicy': (s, sc) => s.retention.setPolicy(sc, 'kyc_copies', { months: 0, answerWorkingDays: 0 }),
  'retention.hold': (s, sc) => s.retention.releaseHold(sc, NONE),
  'retention.request': (s, sc) => s.retention.answerRequest(sc, NONE, { status: 'refused', answer: '' }),
  // alert channels (issue 20 §5)
  'alertChannel.manage': (s, sc) => s.alerting.channels(sc),
};

/** Whether the service let `scope` past its role check. */
async function admitted(probe: Probe, s: Services, scope: Scope, customerId: string): Promise<boolean> {
  try {
    await probe(s, scope, customerId);
    return true;
  } catch (e) {
    return !(e instanceof AppError && e.code === 'FORBIDDEN');
  }
}

let t: TestApp;
let customerId: string;
const staff = new Map<string, Scope>();
const customers = new Map<string, Scope>();

beforeAll(async () => {
  t = await makeTestApp();
  customerId = (await makeCustomer(t.services)).id;
  for (const role of STAFF_ROLES) {
    const u = await makeStaff(t.services, `perm-${role}`, [role]);
    staff.set(role, { kind: 'staff', userId: u.id, login: u.login, roles: [role] });
  }
  for (const role of CUSTOMER_ROLES) {
    const u = await makeCustomerUser(t.services, `perm-c-${role}`, customerId, [role]);
    customers.set(role, { kind: 'customer', userId: u.id, login: u.login, customerId, roles: [role] });
  }
}, 120_000);
afterAll(() => t?.close());

describe('the permission table is what the services enforce', () => {
  it('has a probe for every action and no probe for an action it does not list', () => {
    expect(Object.keys(PROBES).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(ACTIONS)('%s', async (action) => {
    const probe = PROBES[action];
    const enforced = { staff: [] as string[], customer: [] as string[] };
    for (const [role, scope] of staff) if (await admitted(probe, t.services, scope, customerId)) enforced.staff.push(role);
    for (const [role, scope] of customers) if (await admitted(probe, t.services, scope, customerId)) enforced.customer.push(role);
    // the table says, for the same roles one at a time (admin is implied for staff)
    const table = {
      staff: STAFF_ROLES.filter((r) => can({ kind: 'staff', roles: [r] }, action)),
      customer: CUSTOMER_ROLES.filter((r) => can({ kind: 'customer', roles: [r] }, action)),
    };
    expect(enforced).toEqual(table);
    expect(table.staff).toContain('admin');
    expect(table.staff).not.toContain('auditor');
  });

  it('reads the table the way the web does: admins may do every staff action, customers only what lists them', () => {
    for (const action of ACTIONS) {
      expect(can({ kind: 'staff', roles: ['admin'] }, action)).toBe(true);
      expect(can({ kind: 'staff', roles: ['auditor'] }, action)).toBe(false);
      expect(can(null, action)).toBe(false);
      const p: Permission = PERMISSIONS[action];
      expect(can({ kind: 'customer', roles: ['owner', 'technical', 'billing'] }, action)).toBe((p.customer ?? []).length > 0);
    }
  });
});
