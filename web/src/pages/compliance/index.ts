// The compliance pages: main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { CompliancePage } from './CompliancePage';
export { ConductPage } from './ConductPage';
export { DomainsPage } from './DomainsPage';
// issue 22 §4 and §7: takedown orders, personal-data retention
export { RetentionPage } from './RetentionPage';
export { TakedownsPage } from './TakedownsPage';
