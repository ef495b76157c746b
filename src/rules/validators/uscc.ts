import { fail, ok, toHalfWidth, type Validation } from './result.js';

/** GB 32100-2015 统一社会信用代码: 18 characters from this set (no I, O, Z, S, V). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** first character: the registering authority (1 机构编制, 5 民政, 9 工商, Y 其他, …) */
const AUTHORITIES = '123456789ANY';

export function usccCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + CHARSET.indexOf(ch) * WEIGHTS[i], 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

export function validateUscc(value: string): Validation {
  const s = toHalfWidth(value).trim().toUpperCase().replace(/\s+/g, '');
  if (s.length !== 18) return fail('USCC_LENGTH');
  if ([...s].some((ch) => !CHARSET.includes(ch))) return fail('USCC_CHARSET');
  if (!AUTHORITIES.includes(s[0])) return fail('USCC_AUTHORITY');
  if (!/^\d{6}$/.test(s.slice(2, 8))) return fail('USCC_DIVISION');
  const expected = usccCheckChar(s.slice(0, 17));
  if (s[17] !== expected) return fail('USCC_CHECKSUM', expected);
  return ok(s);
}
