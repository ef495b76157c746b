import type { ConstraintErrors } from '../../core/errors.js';

/** The contracts tables' constraints a race can still hit after the service's checks (migration 0006). */
export const contractsConstraints: ConstraintErrors = {
  // a server belongs to one contract: two drafts naming the same server at once
  contract_servers_one_contract: { code: 'CONFLICT', field: 'serverIds' },
};
