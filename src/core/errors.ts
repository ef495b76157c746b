/**
 * One error type for the whole application. A code is stable (clients and tests match on it);
 * its HTTP status lives in one table; its message lives in core/i18n under the same code.
 */
export interface FieldError {
  path: string;
  /** i18n key of the reason, with params; rendered in the request's language by the error handler. */
  key: string;
  params?: Record<string, unknown>;
}

export const HTTP_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_INPUT: 400,
  NOT_AUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  TOKEN_SCOPE_MISSING: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOGIN_TAKEN: 409,
  USCC_TAKEN: 409,
  STALE_VERSION: 409,
  U_RANGE_OCCUPIED: 409,
  PORT_IN_USE: 409,
  IP_ALREADY_ALLOCATED: 409,
  IP_POOL_EXHAUSTED: 409,
  IP_POOL_OVERLAP: 409,
  INVALID_TRANSITION: 409,
  INSPECTION_REQUIRED: 409,
  ACTIVATION_REFUSED: 409,
  U_RANGE_OUTSIDE_CABINET: 400,
  PASSWORD_WRONG: 400,
  PASSWORD_TOO_WEAK: 400,
  CALENDAR_NOT_COVERED: 422,
  RULE_VIOLATION: 422,
  LOGIN_LOCKED: 429,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
  // compliance (5.3–5.8, 6.8)
  DOMAIN_TAKEN: 409,
  DOMAIN_INVALID_TRANSITION: 409,
  COMPLAINT_INVALID_TRANSITION: 409,
  COMPLAINT_UNMAPPED: 422,
  // issue 22: the regulator's register
  REGULATOR_EXPORT_INVALID: 422,
  REGULATOR_EXPORT_DECIDED: 409,
  REGULATOR_FINDING_CLOSED: 409,
  REGULATOR_EXPORT_FILE_MISSING: 410,
  REGULATOR_EXPORT_FILE_ALTERED: 409,
  // ── issue 22 §4–7 (regulator actions) ──
  TAKEDOWN_UNMAPPED: 422,
  TAKEDOWN_GATE_FAILED: 502,
  TAKEDOWN_INVALID_TRANSITION: 409,
  LEGAL_HOLD: 409,
  SERVICE_PROHIBITED: 422,
  TERMINATION_NOT_ALLOWED: 422,
  // incidents and planned work
  NOTICE_TOO_SHORT: 422,
  COMPENSATION_RECOMPUTE_RUNNING: 409,
  // input at the boundary, stored files, unmatched alerts (issue 15, i15-input)
  INVALID_DATA: 400,
  FILE_NOT_IN_STORE: 404,
  ALERT_ALREADY_MAPPED: 409,
  // site access (issue 21)
  VISIT_NOT_APPROVED: 409,
  VISIT_ALREADY_CHECKED_IN: 409,
  VISIT_NOT_CHECKED_IN: 409,
  VISIT_ALREADY_CHECKED_OUT: 409,
  VISIT_OUTSIDE_WINDOW: 409,
  VISITOR_NOT_ON_ROSTER: 422,
  RELEASE_BLOCKED: 409,
  RELEASE_AUTHORISER_REMOVED: 422,
  // issue 18 onboarding: the four-eyes rule (§6)
  FOUR_EYES_REQUIRED: 403,
  // issue 18 inventory: retiring something that still holds something
  SITE_HAS_ROOMS: 409,
  ROOM_IN_USE: 409,
  CABINET_OCCUPIED: 409,
  SWITCH_IN_USE: 409,
  IP_POOL_IN_USE: 409,
  RETIRED: 409,
  // issue 19 §8: the document printer (Chromium) did not answer in time, or failed
  DOCUMENT_RENDER_TIMEOUT: 503,
  DOCUMENT_RENDER_FAILED: 503,
  // issue 23 §5: Idempotency-Key on creating POSTs
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  // ── issue 24: accounts and self-service ──
  SECOND_FACTOR_EXPIRED: 401,
  SECOND_FACTOR_ENROLMENT_REQUIRED: 403,
  TOTP_WRONG: 400,
  TOTP_REPLAYED: 400,
  TOTP_ALREADY_ENROLLED: 409,
  RECOVERY_CODE_WRONG: 400,
  PASSKEY_REJECTED: 400,
  INVITATION_EXPIRED: 410,
  INVITATION_USED: 409,
  INVITATION_OPEN: 409,
  LAST_OWNER: 409,
  TOKEN_SCOPE_NOT_HELD: 403,
  IDEMPOTENCY_ALREADY_APPLIED: 409,
} as const;

export type ErrorCode = keyof typeof HTTP_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const notFound = (entity: string) => new AppError('NOT_FOUND', { entity });
export const forbidden = () => new AppError('FORBIDDEN');
export const invalidField = (path: string, key: string, params?: Record<string, unknown>) =>
  new AppError('VALIDATION_FAILED', {}, [{ path, key, params }]);

/**
 * A module's database constraint names → the error a client sees (e.g. a unique index → LOGIN_TAKEN on
 * `login`). Each module declares its own in `<area>.constraints.ts`; the composition root registers them.
 */
export type ConstraintErrors = Record<string, { code: ErrorCode; field?: string }>;

/** The first few names of what blocks an action, for a refusal's message (`A01, A02, … ` when there are more). */
export function someNames(list: readonly string[], max = 5): string {
  return list.slice(0, max).join(', ') + (list.length > max ? ' …' : '');
}
