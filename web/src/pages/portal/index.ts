// The customer portal pages: main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { MyCompanyPage } from './MyCompanyPage';
// issue 24: the owner's team page and the invitation link
export { TeamPage } from './TeamPage';
export { InvitePage } from './InvitePage';
