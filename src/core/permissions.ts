/**
 * Who may do what (issue 18 §5): one table, read by the services (requirePermission in scope.ts)
 * and by the web (useCan in web/src/permissions.ts) to show a button only to the roles the API
 * will let through. Pure data — no I/O — so the web imports it as it imports src/rules.
 *
 * `staff` lists the staff roles allowed besides admin (an admin may do everything staff may do, and
 * the system scope — CLI, jobs, demo seed — acts with the operator's authority). `customer` lists the
 * customer users' roles allowed, on their own customer's data only (the service checks whose data it
 * is); no `customer` means customer users may not. test/platform/permissions.test.ts calls every
 * action's service as each role and fails when what the service enforces differs from this table.
 */
import type { CustomerRole, StaffRole } from './scope.js';

export interface Permission {
  readonly staff: readonly StaffRole[];
  readonly customer?: readonly CustomerRole[];
}

const ADMIN_ONLY: Permission = { staff: [] };
const WORKING_STAFF = ['sales', 'noc', 'compliance', 'finance'] as const;

export const PERMISSIONS = {
  // customers, KYC, rosters, tasks
  'customer.create': { staff: ['sales'] },
  'customer.update': { staff: ['sales'] },
  'customer.decideChange': { staff: ['sales'] },
  'kyc.upload': { staff: ['sales', 'compliance'], customer: ['owner'] },
  'kyc.review': { staff: ['sales', 'compliance'] },
  'roster.editCustomerSide': { staff: ['sales'], customer: ['owner', 'technical'] },
  'roster.editProviderSide': { staff: ['noc', 'sales'] },
  'task.complete': { staff: WORKING_STAFF },

  // contracts (第十三条 objection, 6.8 termination), commissioning, templates
  'contract.create': { staff: ['sales'] },
  'contract.send': { staff: ['sales'] },
  'contract.sign': { staff: ['sales'] },
  'contract.signAttachment': { staff: ['sales'] },
  'contract.objectToRenewal': { staff: ['sales'], customer: ['owner'] },
  'contract.terminate': { staff: ['sales'] },
  'commissioning.complete': { staff: ['noc'] },
  'contractTemplate.add': ADMIN_ONLY,

  // billing (第四条), 发票, dunning
  'invoice.recordPayment': { staff: ['finance'] },
  'invoice.requestFapiao': { staff: ['finance'], customer: ['owner', 'billing'] },
  'invoice.recordFapiao': { staff: ['finance'] },
  'dunning.setPolicy': { staff: ['finance'] },
  'dunning.decide': { staff: ['finance'] },

  // facility, network, IPAM (6.1), NetBox
  'site.create': { staff: ['noc'] },
  'room.create': { staff: ['noc'] },
  'cabinet.create': { staff: ['noc'] },
  'switch.create': { staff: ['noc'] },
  // the inventory's edits and retirements (issue 18 §1): NOC keeps the building as it is
  'site.update': { staff: ['noc'] },
  'site.retire': { staff: ['noc'] },
  'room.update': { staff: ['noc'] },
  'room.retire': { staff: ['noc'] },
  'cabinet.update': { staff: ['noc'] },
  'cabinet.retire': { staff: ['noc'] },
  'switch.update': { staff: ['noc'] },
  'switch.retire': { staff: ['noc'] },
  'switch.addPorts': { staff: ['noc'] },
  'port.update': { staff: ['noc'] },
  'server.register': { staff: ['noc', 'sales'] },
  'server.inspect': { staff: ['noc'] },
  'server.rack': { staff: ['noc'] },
  'server.setStatus': { staff: ['noc'] },
  'server.remove': { staff: ['noc'] },
  'port.assign': { staff: ['noc'] },
  'port.release': { staff: ['noc'] },
  'ipPool.create': { staff: ['noc'] },
  'ipPool.update': { staff: ['noc'] },
  'ipPool.retire': { staff: ['noc'] },
  'ip.allocate': { staff: ['noc'] },
  'ip.release': { staff: ['noc'] },
  'netbox.import': { staff: ['noc'] },
  'dns.edit': { staff: ['noc', 'sales'], customer: ['owner', 'technical'] },

  // compliance: domains and filings (5.6/5.11), the gate, declared services (5.3), log retention (5.5),
  // complaints and violations (5.4/5.8, 6.3, 6.8), inspections (6.6)
  'domain.edit': { staff: ['compliance', 'sales'], customer: ['owner', 'technical'] },
  'domain.verify': { staff: ['compliance'] },
  'domain.suspend': { staff: ['compliance'] },
  'domain.revoke': { staff: ['compliance'] },
  'gate.apply': { staff: ['compliance', 'noc'] },
  'service.declare': { staff: ['compliance', 'sales'], customer: ['owner', 'technical'] },
  'service.withdraw': { staff: ['compliance', 'sales'], customer: ['owner', 'technical'] },
  'service.fileAgreement': { staff: ['compliance', 'sales'] },
  'attestation.file': { staff: ['compliance'], customer: ['owner', 'technical'] },
  // issue 18 §2: the attestation the customer signed on paper, recorded by staff with its scan
  'attestation.recordPaper': { staff: ['compliance', 'sales'] },
  'complaint.intake': { staff: ['compliance', 'noc'] },
  'complaint.handle': { staff: ['compliance'] },
  'complaint.terminateForCause': { staff: ['compliance'] },
  'violation.suspendServer': { staff: ['compliance'] },
  'violation.restoreServer': { staff: ['compliance'] },
  'inspection.record': { staff: ['compliance'] },
  'inspection.withhold': { staff: ['compliance'] },
  // the regulator's view (issue 22 §1–3): settings, exports and the regulator's answer, reconciliation, findings
  'regulator.settings': { staff: ['compliance'] },
  'regulator.export': { staff: ['compliance'] },
  'regulator.decide': { staff: ['compliance'] },
  'regulator.reconcile': { staff: ['compliance'] },
  'regulator.finding': { staff: ['compliance'] },
  // takedown orders (issue 22 §4): registering one (and attaching its scan), executing it, lifting it
  'takedown.register': { staff: ['compliance'] },
  'takedown.execute': { staff: ['compliance'] },
  'takedown.lift': { staff: ['compliance'] },
  // personal-data retention (issue 22 §7): the periods, legal holds, and data subjects' requests
  'retention.setPolicy': { staff: ['compliance'] },
  'retention.hold': { staff: ['compliance'] },
  'retention.request': { staff: ['compliance'] },

  // incidents, planned work, alerts (6.3, 7.2, 7.3)
  'incident.manage': { staff: ['noc'] },
  'incident.suspendServer': { staff: ['noc'] },
  // issue 22 §6: grading an incident as a network-security event, its report form, marking it reported;
  // whether the provider is a critical-information-infrastructure operator (the 1-hour clock) is the admin's
  'incident.securityReport': { staff: ['noc', 'compliance'] },
  'incident.criticalInfrastructure': ADMIN_ONLY,
  'maintenance.manage': { staff: ['noc'] },
  'alert.map': { staff: ['noc'] },
  // 7.2: recomputing every contract's compensation ledger (after a rules change), and reading its progress
  'compensation.recompute': { staff: ['finance'] },

  // notices (第九条), helpdesk
  // a customer's owner files a notice to the provider (e.g. an objection); staff send one to the customer
  'notice.send': { staff: WORKING_STAFF, customer: ['owner'] },
  'notice.recordProof': { staff: WORKING_STAFF },
  'noticePreferences.edit': { staff: ['sales'], customer: ['owner', 'technical'] },
  'ticket.open': { staff: ['noc', 'sales', 'compliance'], customer: ['owner', 'technical', 'billing'] },
  // assigning and moving a ticket (a customer may only close or reopen its own resolved ticket: tickets.service.ts)
  'ticket.work': { staff: ['noc', 'sales', 'compliance'] },
  'ticket.setSlaTarget': ADMIN_ONLY,

  // site access (issue 21): visits to the machine room (5.10 roster), equipment in and out
  'visit.request': { staff: ['noc', 'sales'], customer: ['owner', 'technical'] },
  'visit.decide': { staff: ['noc'] },
  'visit.frontDesk': { staff: ['noc'] },
  // the release is the customer's act, by a roster person authorised for equipment (staff enter it on their word)
  'equipment.release': { staff: ['noc'], customer: ['owner', 'technical'] },
  'equipment.move': { staff: ['noc'] },
  'equipment.overrideHold': ADMIN_ONLY,
  'access.settings': ADMIN_ONLY,

  // platform
  'user.manage': ADMIN_ONLY,
  'token.manage': ADMIN_ONLY,
  // issue 24: a customer's owner manages its own users, invitations, tokens, second-factor policy and resets
  'team.manage': { staff: [], customer: ['owner'] },
  'customerToken.manage': { staff: [], customer: ['owner'] },
  'account.resetFactors': { staff: [], customer: ['owner'] },
  'account.setPolicy': { staff: [], customer: ['owner'] },
  'provider.update': ADMIN_ONLY,
  'calendar.edit': ADMIN_ONLY,
  'audit.anchor': ADMIN_ONLY,

  // finance desk (issue 20 item 4): recording the reviewed lines of the provider's bank statement
  'payment.importBank': { staff: ['finance'] },
  // alert channels (issue 20 §5): 企业微信 / 钉钉 robots and webhooks, the event × role matrix, deliveries
  'alertChannel.manage': ADMIN_ONLY,
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Who is asking, as far as permissions go: the session's kind and roles. */
export interface Actor {
  kind: 'staff' | 'customer';
  roles: readonly string[];
}

/** May this signed-in user do `action`? (The service still decides whose data; this is the role half.) */
export function can(actor: Actor | null | undefined, action: Action): boolean {
  if (!actor) return false;
  const p: Permission = PERMISSIONS[action];
  if (actor.kind === 'staff') return actor.roles.includes('admin') || p.staff.some((r) => actor.roles.includes(r));
  return (p.customer ?? []).some((r) => actor.roles.includes(r));
}
