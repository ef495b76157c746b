// The incident pages: main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { IncidentsPage } from './IncidentsPage';
export { StatusPage } from './StatusPage';
