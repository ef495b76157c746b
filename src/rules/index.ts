// The agreement as pure functions: no I/O, no database, no HTTP. Services, documents, the CLI and
// the UI call these; nothing re-implements them.
export * from './errors.js';
export * from './messages.js';
export * from './money.js';
export * from './capital.js';
export * from './dates.js';
export * from './calendar.js';
export * from './deadline.js';
export * from './defaults.js';
export * from './term.js';
export * from './compensation.js';
export * from './notice.js';
export * from './validators/index.js';
export * from './sla.js';
export * from './billing.js';
export * from './numbering.js';
export * from './legal.js';
export * from './compliance.js';
export * from './incidents.js';
export * from './holiday-law.js';
export * from './arrangement.js';
export * from './finance.js';
export * from './access.js';
export * from './security-report.js';
export * from './retention.js';
