// The customer-management pages: main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { CustomerDetailPage, CustomersPage } from './CustomersPage';
export { KycQueuePage } from './KycQueuePage';
