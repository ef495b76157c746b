import type { ConstraintErrors } from '../../core/errors.js';

/** The customers module's database constraints, as the errors a user reads (registered by app.ts). */
export const customersConstraints: ConstraintErrors = {
  /** one customer per 统一社会信用代码 */
  customers_uscc_key: { code: 'USCC_TAKEN', field: 'uscc' },
  /** a roster member's versions never overlap in time: two saves at once, one wins */
  roster_member_versions_disjoint: { code: 'CONFLICT' },
};
