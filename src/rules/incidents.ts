/**
 * What the agreement names about outages and planned work (6.3, 7.2, 7.3, 第十条), as the value lists
 * the server's schema and the UI share. No I/O.
 */

/**
 * Causes as the NOC names them. third_party_circuit is a carrier's line: 第十条 treats it as force
 * majeure, so the ledger reads it as such; the others are compensation.ts's causes.
 */
export const INCIDENT_CAUSES = ['provider_fault', 'customer_fault', 'force_majeure', 'third_party_circuit', 'network_cutover', 'relocation', 'provider_planned'] as const;
export type IncidentCause = (typeof INCIDENT_CAUSES)[number];

/** 6.3 kinds of planned work; the first three need 48 h notice, the last two notice and consent (7.3). */
export const MAINTENANCE_KINDS = ['expansion', 'relocation', 'network_cutover', 'circuit_debugging', 'provider_work'] as const;
export type MaintenanceKind = (typeof MAINTENANCE_KINDS)[number];
export const NOTICE_BOUND_KINDS: readonly MaintenanceKind[] = ['expansion', 'relocation', 'network_cutover'];
export const CONSENT_BOUND_KINDS: readonly MaintenanceKind[] = ['circuit_debugging', 'provider_work'];

/** Where an incident or a window bites: resolved to servers, and through them to contracts. */
export const SCOPE_KINDS = ['site', 'room', 'cabinet', 'switch', 'port', 'server', 'ip'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
