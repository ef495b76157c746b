// The contract and billing pages: main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { ContractDetailPage, ContractsPage } from './ContractsPage';
export { DunningPage, ExpiringPage } from './BillingPages';
export { TemplatesPage } from './TemplatesPage';
