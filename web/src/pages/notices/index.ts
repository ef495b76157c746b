// The notice pages: main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { NoticePreferencesPage } from './NoticePreferencesPage';
export { NoticesPage } from './NoticesPage';
