/** PostgreSQL errors as both drivers surface them (drizzle wraps them; the SQLSTATE is on the cause). */
export interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
  cause?: unknown;
}

export function pgErrorOf(err: unknown): PgLikeError | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const e = current as PgLikeError;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    current = e.cause;
  }
  return undefined;
}

/** True when the error is the violation of this named constraint (unique, exclusion, check, FK). */
export function violates(err: unknown, constraint: string): boolean {
  return pgErrorOf(err)?.constraint === constraint;
}
