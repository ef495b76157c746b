// The one drizzle schema: every module's tables, re-exported. SQL lives in migrations/.
export * from '../modules/customers/customers.schema.js';
export * from '../modules/auth/auth.schema.js';
// issue 24: second factors, invitations, account mail
export * from '../modules/auth/accounts.schema.js';
export * from '../modules/audit/audit.schema.js';
export * from '../modules/calendar/calendar.schema.js';
export * from '../modules/provider/provider.schema.js';
export * from '../modules/facility/facility.schema.js';
export * from '../modules/ipam/ipam.schema.js';
export * from '../modules/dns/dns.schema.js';
export * from '../modules/contracts/contracts.schema.js';
export * from '../modules/notices/notices.schema.js';
export * from '../modules/tickets/tickets.schema.js';
export * from '../modules/billing/billing.schema.js';
export * from '../modules/compliance/compliance.schema.js';
export * from '../modules/incidents/incidents.schema.js';
export * from '../modules/alerting/alerting.schema.js';
// issue 19 §3 (doc-versions): the frozen versions of a contract's documents
export * from '../modules/contracts/contract-copies.schema.js';
// ── desk: the digest outbox (issue 20) ──
export * from '../modules/desk/desk.schema.js';
// issue 21: site access (visits, equipment in and out)
export * from '../modules/access/access.schema.js';
// issue 22 §1–3: the regulator's view (basic-data change register, exports, reconciliation)
export * from '../modules/regulator/regulator.schema.js';
// ── issue 22 §4–7: takedown orders, security reports, personal-data retention ──
export * from '../modules/takedowns/takedowns.schema.js';
// ── issue 23 §5: Idempotency-Key answers (src/http/idempotency.ts) ──
export * from '../http/idempotency.schema.js';
// ── daily duties done per day (issue 23 §8) ──
export * from '../jobs/duties.schema.js';
export * from '../modules/retention/retention.schema.js';
