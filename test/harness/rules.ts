import { RuleError } from '../../src/rules/errors.js';

/** The code of the RuleError a call throws, or 'no error'. */
export function ruleCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleError) return e.code;
    throw e;
  }
  return 'no error';
}
