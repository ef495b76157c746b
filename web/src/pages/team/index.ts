// issue 24: a customer owner's team page and the invitation link — a chunk of its own, off the portal's first visit.
export { TeamPage } from './TeamPage';
export { InvitePage } from './InvitePage';
