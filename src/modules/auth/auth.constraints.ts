import type { ConstraintErrors } from '../../core/errors.js';

/** The auth module's database constraints, as the errors a user reads (registered by app.ts). */
export const authConstraints: ConstraintErrors = {
  /** a login names one user; the service checks first, this catches two creations at once */
  users_login_unique: { code: 'LOGIN_TAKEN', field: 'login' },
};
