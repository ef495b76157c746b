// The platform pages: main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { AccountPage } from './AccountPage';
export { AuditPage } from './AuditPage';
export { CalendarPage } from './CalendarPage';
export { ProviderPage } from './ProviderPage';
export { TokensPage } from './TokensPage';
export { UsersPage } from './UsersPage';
// alert channels (issue 20 §5)
export { AlertChannelsPage } from './AlertChannelsPage';
