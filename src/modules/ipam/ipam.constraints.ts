import type { ConstraintErrors } from '../../core/errors.js';

/** IPAM's database constraints, answered as the error a service would have raised (a race that slips past it). */
export const ipamConstraints: ConstraintErrors = {
  ip_allocations_never_twice: { code: 'IP_ALREADY_ALLOCATED', field: 'address' },
  ip_pools_no_overlap: { code: 'IP_POOL_OVERLAP', field: 'prefix' },
};
