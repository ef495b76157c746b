import type { ComponentType } from 'react';
import type { MessageKey } from './i18n';

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

export const ALL_STAFF = ['admin', 'sales', 'noc', 'compliance', 'finance', 'auditor'] as const;
export const ALL_CUSTOMER = ['owner', 'technical', 'billing'] as const;

export const NAV: NavEntry[] = [
  { key: 'dashboard', path: '/console', labelKey: 'nav.dashboard', audience: 'staff', roles: ALL_STAFF },
  { key: 'customers', path: '/console/customers', labelKey: 'nav.customers', audience: 'staff', roles: ALL_STAFF },
  { key: 'contracts', path: '/console/contracts', labelKey: 'nav.contracts', audience: 'staff', roles: ['sales', 'finance', 'noc', 'auditor'] },
  { key: 'tickets', path: '/console/tickets', labelKey: 'nav.tickets', audience: 'staff', roles: ['noc', 'sales', 'compliance', 'auditor'] },
  { key: 'notices', path: '/console/notices', labelKey: 'nav.notices', audience: 'staff', roles: ALL_STAFF },
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
  { key: 'incidents', path: '/console/incidents', labelKey: 'nav.incidents', audience: 'staff', roles: ['noc', 'sales', 'compliance', 'auditor'] },
  { key: 'my-status', path: '/portal/status', labelKey: 'nav.status', audience: 'customer', roles: ALL_CUSTOMER },
];

export function navFor(user: { kind: 'staff' | 'customer'; roles: string[] }): NavEntry[] {
  return NAV.filter(
    (e) => e.audience === user.kind && (e.roles.some((r) => user.roles.includes(r)) || (user.kind === 'staff' && user.roles.includes('admin'))),
  );
}

export const homeOf = (user: { kind: 'staff' | 'customer' }) => (user.kind === 'staff' ? '/console' : '/portal');
