// The site-access pages (issue 21): main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { FrontDeskPage } from './FrontDeskPage';
export { MyVisitsPage } from './MyVisitsPage';
export { VisitsPage } from './VisitsPage';
