// The customer portal pages: main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { MyCompanyPage } from './MyCompanyPage';
