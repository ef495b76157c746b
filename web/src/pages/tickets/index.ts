// The ticket pages: main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { TicketReportsPage } from './TicketReportsPage';
export { TicketsPage } from './TicketsPage';
