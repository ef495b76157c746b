import type { ComponentType } from 'react';
import type { MessageKey } from './i18n';
import type { Schemas } from './api/client';

/**
 * The navigation registry. Each page of each business area adds one entry; the menu shows an
 * entry when the user's audience matches and one of their roles is listed (admin sees every
 * staff entry).
 */
export interface NavEntry {
  key: string;
  path: string;
  labelKey: MessageKey;
  audience: 'staff' | 'customer';
  roles: readonly string[];
  icon?: ComponentType;
}

export const ALL_STAFF = ['admin', 'sales', 'noc', 'compliance', 'finance', 'auditor'] as const satisfies readonly Schemas['UserRole'][];
export const ALL_CUSTOMER = ['owner', 'technical', 'billing'] as const satisfies readonly Schemas['UserRole'][];

export const NAV: NavEntry[] = [
  { key: 'dashboard', path: '/console', labelKey: 'nav.dashboard', audience: 'staff', roles: ALL_STAFF },
  { key: 'customers', path: '/console/customers', labelKey: 'nav.customers', audience: 'staff', roles: ALL_STAFF },
  { key: 'contracts', path: '/console/contracts', labelKey: 'nav.contracts', audience: 'staff', roles: ['sales', 'finance', 'noc', 'auditor'] },
  { key: 'tickets', path: '/console/tickets', labelKey: 'nav.tickets', audience: 'staff', roles: ['noc', 'sales', 'compliance', 'auditor'] },
  { key: 'notices', path: '/console/notices', labelKey: 'nav.notices', audience: 'staff', roles: ALL_STAFF },
  { key: 'inventory', path: '/console/inventory', labelKey: 'nav.inventory', audience: 'staff', roles: ['noc', 'sales', 'auditor'] },
  { key: 'racks', path: '/console/racks', labelKey: 'nav.racks', audience: 'staff', roles: ALL_STAFF },
  { key: 'servers', path: '/console/servers', labelKey: 'nav.servers', audience: 'staff', roles: ALL_STAFF },
  { key: 'ip-pools', path: '/console/ip-pools', labelKey: 'nav.ipPools', audience: 'staff', roles: ['noc', 'sales', 'auditor'] },
  { key: 'kyc-queue', path: '/console/kyc', labelKey: 'kyc.queue', audience: 'staff', roles: ['sales', 'compliance', 'auditor'] },
  { key: 'tasks', path: '/console/tasks', labelKey: 'nav.tasks', audience: 'staff', roles: ['sales', 'noc', 'compliance', 'finance', 'auditor'] },
  { key: 'provider', path: '/console/provider', labelKey: 'nav.provider', audience: 'staff', roles: ALL_STAFF },
  { key: 'users', path: '/console/users', labelKey: 'nav.users', audience: 'staff', roles: ['admin'] },
  { key: 'tokens', path: '/console/tokens', labelKey: 'nav.tokens', audience: 'staff', roles: ['admin'] },
  { key: 'audit', path: '/console/audit', labelKey: 'nav.audit', audience: 'staff', roles: ['admin', 'auditor'] },
  { key: 'calendar', path: '/console/calendar', labelKey: 'nav.calendar', audience: 'staff', roles: ALL_STAFF },
  { key: 'account', path: '/console/account', labelKey: 'nav.account', audience: 'staff', roles: ALL_STAFF },
  { key: 'compliance', path: '/console/compliance', labelKey: 'nav.compliance', audience: 'staff', roles: ['compliance', 'auditor'] },
  // issue 22 §1–3: the regulator's basic data, change register, exports, findings
  { key: 'regulator', path: '/console/regulator', labelKey: 'nav.regulator', audience: 'staff', roles: ['compliance', 'auditor'] },
  { key: 'domains', path: '/console/domains', labelKey: 'nav.domains', audience: 'staff', roles: ['compliance', 'sales', 'noc', 'auditor'] },
  { key: 'my-company', path: '/portal', labelKey: 'nav.myCompany', audience: 'customer', roles: ALL_CUSTOMER },
  { key: 'my-documents', path: '/portal/documents', labelKey: 'nav.myDocuments', audience: 'customer', roles: ALL_CUSTOMER },
  { key: 'my-roster', path: '/portal/roster', labelKey: 'nav.myRoster', audience: 'customer', roles: ALL_CUSTOMER },
  { key: 'my-contracts', path: '/portal/contracts', labelKey: 'nav.myContracts', audience: 'customer', roles: ALL_CUSTOMER },
  { key: 'my-tickets', path: '/portal/tickets', labelKey: 'nav.tickets', audience: 'customer', roles: ALL_CUSTOMER },
  { key: 'my-notices', path: '/portal/notices', labelKey: 'nav.notices', audience: 'customer', roles: ALL_CUSTOMER },
  { key: 'my-servers', path: '/portal/servers', labelKey: 'nav.myServers', audience: 'customer', roles: ALL_CUSTOMER },
  { key: 'my-racks', path: '/portal/racks', labelKey: 'nav.racks', audience: 'customer', roles: ALL_CUSTOMER },
  { key: 'my-audit', path: '/portal/audit', labelKey: 'nav.myAudit', audience: 'customer', roles: ALL_CUSTOMER },
  // ── issue 7: DNS ──
  { key: 'dns', path: '/console/dns', labelKey: 'nav.dns', audience: 'staff', roles: ['noc', 'sales', 'auditor'] },
  { key: 'netbox-import', path: '/console/netbox-import', labelKey: 'nav.netboxImport', audience: 'staff', roles: ['noc'] },
  { key: 'my-dns', path: '/portal/dns', labelKey: 'nav.myDns', audience: 'customer', roles: ALL_CUSTOMER },
  { key: 'my-domains', path: '/portal/domains', labelKey: 'nav.domains', audience: 'customer', roles: ALL_CUSTOMER },
  { key: 'team', path: '/portal/team', labelKey: 'nav.team', audience: 'customer', roles: ['owner'] },
  { key: 'portal-account', path: '/portal/account', labelKey: 'nav.account', audience: 'customer', roles: ALL_CUSTOMER },
  // helpdesk reports and notice preferences (issue 6)
  { key: 'ticket-reports', path: '/console/ticket-reports', labelKey: 'nav.ticketReports', audience: 'staff', roles: ['noc', 'sales', 'compliance', 'auditor'] },
  { key: 'notice-preferences', path: '/console/notice-preferences', labelKey: 'nav.noticePreferences', audience: 'staff', roles: ['sales', 'compliance', 'noc', 'auditor'] },
  { key: 'my-notice-preferences', path: '/portal/notice-preferences', labelKey: 'nav.noticePreferences', audience: 'customer', roles: ALL_CUSTOMER },
  // billing: expiring contracts and dunning
  { key: 'expiring', path: '/console/expiring', labelKey: 'nav.expiring', audience: 'staff', roles: ['sales', 'finance', 'auditor'] },
  { key: 'dunning', path: '/console/dunning', labelKey: 'nav.dunning', audience: 'staff', roles: ['finance', 'sales', 'auditor'] },
  { key: 'contract-templates', path: '/console/contract-templates', labelKey: 'contracts.templates', audience: 'staff', roles: ['admin', 'sales', 'auditor'] },
  { key: 'my-expiring', path: '/portal/expiring', labelKey: 'nav.expiring', audience: 'customer', roles: ALL_CUSTOMER },
  // incidents, planned work, compensation (6.3, 7.2, 7.3)
  { key: 'incidents', path: '/console/incidents', labelKey: 'nav.incidents', audience: 'staff', roles: ['noc', 'sales', 'compliance', 'finance', 'auditor'] },
  { key: 'my-status', path: '/portal/status', labelKey: 'nav.status', audience: 'customer', roles: ALL_CUSTOMER },
  // compliance: complaints, inspections, declared services (5.3, 5.4, 5.8, 6.6)
  { key: 'conduct', path: '/console/conduct', labelKey: 'nav.conduct', audience: 'staff', roles: ['compliance', 'noc', 'sales', 'auditor'] },
  // issue 22 §4 / §7: authorities' takedown orders, personal-data retention
  { key: 'takedowns', path: '/console/takedowns', labelKey: 'nav.takedowns', audience: 'staff', roles: ['compliance', 'auditor'] },
  { key: 'retention', path: '/console/retention', labelKey: 'nav.retention', audience: 'staff', roles: ['compliance', 'auditor'] },
  { key: 'my-conduct', path: '/portal/conduct', labelKey: 'nav.conduct', audience: 'customer', roles: ALL_CUSTOMER },
  // finance desk (issue 20 item 4): receivables, payments received, statements, bank-statement import
  { key: 'receivables', path: '/console/receivables', labelKey: 'nav.receivables', audience: 'staff', roles: ['finance', 'auditor'] },
  { key: 'payments', path: '/console/payments', labelKey: 'nav.payments', audience: 'staff', roles: ['finance', 'auditor'] },
  { key: 'statement', path: '/console/statement', labelKey: 'nav.statement', audience: 'staff', roles: ['finance', 'auditor', 'sales'] },
  { key: 'bank-import', path: '/console/bank-import', labelKey: 'nav.bankImport', audience: 'staff', roles: ['finance'] },
  { key: 'my-statement', path: '/portal/statement', labelKey: 'nav.myStatement', audience: 'customer', roles: ['owner', 'billing'] },
  // alert channels (issue 20 §5): admin only (shows at the end of the system section)
  { key: 'alert-channels', path: '/console/alert-channels', labelKey: 'nav.alertChannels', audience: 'staff', roles: ['admin'] },
  // desk (issue 20): the customer's own to-do list
  // site access (issue 21): visits and equipment in and out, gated by the 5.10 roster
  { key: 'visits', path: '/console/visits', labelKey: 'nav.visits', audience: 'staff', roles: ['noc', 'sales', 'auditor'] },
  { key: 'front-desk', path: '/console/front-desk', labelKey: 'nav.frontDesk', audience: 'staff', roles: ['noc'] },
  { key: 'my-visits', path: '/portal/visits', labelKey: 'nav.myVisits', audience: 'customer', roles: ALL_CUSTOMER },
  { key: 'my-todo', path: '/portal/todo', labelKey: 'nav.tasks', audience: 'customer', roles: ALL_CUSTOMER },
];

/**
 * Menu sections, in order, and the entries each holds (by key, in menu order). An entry not listed
 * here still shows, at the end of its audience's last section, so a new page is never hidden.
 */
export const NAV_SECTIONS: { key: string; labelKey: MessageKey; audience: 'staff' | 'customer'; entries: string[] }[] = [
  { key: 'overview', labelKey: 'navSection.overview', audience: 'staff', entries: ['dashboard', 'tasks'] },
  { key: 'business', labelKey: 'navSection.business', audience: 'staff', entries: ['customers', 'kyc-queue', 'contracts', 'expiring', 'dunning', 'contract-templates'] },
  { key: 'facility', labelKey: 'navSection.facility', audience: 'staff', entries: ['inventory', 'racks', 'servers', 'visits', 'front-desk', 'ip-pools', 'dns', 'netbox-import', 'incidents'] },
  { key: 'compliance', labelKey: 'navSection.compliance', audience: 'staff', entries: ['compliance', 'domains', 'conduct', 'takedowns', 'regulator', 'retention'] },
  { key: 'service', labelKey: 'navSection.service', audience: 'staff', entries: ['tickets', 'ticket-reports', 'notices', 'notice-preferences'] },
  { key: 'system', labelKey: 'navSection.system', audience: 'staff', entries: ['provider', 'users', 'tokens', 'audit', 'calendar', 'account'] },
  { key: 'my-business', labelKey: 'navSection.myBusiness', audience: 'customer', entries: ['my-todo', 'my-company', 'my-documents', 'my-roster', 'my-contracts', 'my-expiring'] },
  { key: 'my-service', labelKey: 'navSection.myService', audience: 'customer', entries: ['my-status', 'my-servers', 'my-visits', 'my-racks', 'my-dns', 'my-domains', 'my-conduct'] },
  { key: 'my-contact', labelKey: 'navSection.myContact', audience: 'customer', entries: ['my-tickets', 'my-notices', 'my-notice-preferences'] },
  { key: 'my-account', labelKey: 'navSection.myAccount', audience: 'customer', entries: ['team', 'my-audit', 'portal-account'] },
  // finance desk (issue 20 item 4)
  { key: 'finance', labelKey: 'navSection.finance', audience: 'staff', entries: ['receivables', 'payments', 'statement', 'bank-import'] },
];

/** The user's entries grouped into the sections that have any (empty sections are left out). */
export function sectionsFor(entries: NavEntry[], audience: 'staff' | 'customer') {
  const sections = NAV_SECTIONS.filter((s) => s.audience === audience).map((s) => ({ ...s, items: s.entries.map((k) => entries.find((e) => e.key === k)).filter((e): e is NavEntry => !!e) }));
  const placed = new Set(sections.flatMap((s) => s.items.map((e) => e.key)));
  const rest = entries.filter((e) => !placed.has(e.key));
  if (rest.length && sections.length) sections[sections.length - 1].items.push(...rest);
  return sections.filter((s) => s.items.length > 0);
}

export function navFor(user: { kind: 'staff' | 'customer'; roles: string[] }): NavEntry[] {
  return NAV.filter(
    (e) => e.audience === user.kind && (e.roles.some((r) => user.roles.includes(r)) || (user.kind === 'staff' && user.roles.includes('admin'))),
  );
}

export const homeOf = (user: { kind: 'staff' | 'customer' }) => (user.kind === 'staff' ? '/console' : '/portal');
