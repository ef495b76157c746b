/** A rule refused its input. The code is stable; messages live in messages.ts in both languages. */
export class RuleError extends Error {
  constructor(
    readonly code: RuleErrorCode,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'RuleError';
  }
}

export const RULE_ERROR_CODES = [
  'MONEY_INVALID',
  'MONEY_TOO_MANY_DECIMALS',
  'MONEY_NEGATIVE',
  'MONEY_OUT_OF_RANGE',
  'DATE_INVALID',
  'CALENDAR_NOT_COVERED',
  'CALENDAR_SCHEDULE_INVALID',
  'TERM_MONTHS_INVALID',
  'DAYS_INVALID',
  'INTERRUPTION_INVALID',
  'INSTANT_INVALID',
] as const;
export type RuleErrorCode = (typeof RULE_ERROR_CODES)[number];
