import type { ConstraintErrors } from '../../core/errors.js';

/** A race that slips past the compliance services still answers with the error they would have raised. */
export const complianceConstraints: ConstraintErrors = {
  compliance_domains_active_unique: { code: 'DOMAIN_TAKEN', field: 'domain' },
  compliance_services_one_live: { code: 'CONFLICT', field: 'kind' },
  compliance_suspensions_one_live: { code: 'CONFLICT', field: 'serverId' },
};
