import type { ConstraintErrors } from '../../core/errors.js';

/** The billing tables' constraints a race can still hit after the service's checks (migration 0011). */
export const billingConstraints: ConstraintErrors = {
  // one bank transfer is recorded once per customer
  payments_bank_reference_once: { code: 'CONFLICT', field: 'bankReference' },
  // two payments at once cannot together settle more than is owed (the rest becomes credit)
  invoices_never_overpaid: { code: 'CONFLICT', field: 'amount' },
};
