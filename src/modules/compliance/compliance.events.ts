import type { DomainRow, GateApplyRow } from './compliance.repository.js';

/** What the compliance module tells other modules, inside the transaction of the change (src/core/reactions.ts). */
declare module '../../core/reactions.js' {
  interface DomainEvents {
    /** The gate's apply failed (nginx refused the files or the reload): the previous gate stays in force, someone must look. */
    'compliance.gateApplyFailed': Omit<GateApplyRow, 'seq'>;
    /** A domain-list entry changed status (verified, re-verified, suspended, revoked): the site's filing as the regulator sees it (issue 22). */
    'compliance.domainStatusChanged': { before: DomainRow['status']; after: DomainRow };
  }
}
