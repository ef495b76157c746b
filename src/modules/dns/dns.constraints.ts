import type { ConstraintErrors } from '../../core/errors.js';

/** DNS's database constraints, answered as the error a service would have raised (a race that slips past it). */
export const dnsConstraints: ConstraintErrors = {
  dns_zones_domain_key: { code: 'CONFLICT', field: 'domain' },
  dns_records_unique: { code: 'CONFLICT', field: 'value' },
  dns_ptr_one_per_name: { code: 'CONFLICT', field: 'hostname' },
};
