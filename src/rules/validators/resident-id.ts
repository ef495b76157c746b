import { daysInMonth } from '../dates.js';
import { fail, ok, toHalfWidth, type Validation } from './result.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** GB/T 2260 province-level codes that appear in resident ID numbers (incl. 71 台, 81 港, 82 澳). */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);

/**
 * GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date, 3-digit sequence, check
 * character (ISO 7064 MOD 11-2). The birth date must be a real date, not after `today`, not before 1900.
 */
export function validateResidentId(value: string, today: string): Validation<{ birthDate: string; sex: 'male' | 'female' }> {
  const s = toHalfWidth(value).trim().toUpperCase().replace(/\s+/g, '');
  if (s.length !== 18) return fail('ID_LENGTH');
  if (!/^\d{17}[\dX]$/.test(s)) return fail('ID_FORMAT');
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return fail('ID_REGION');
  const [y, m, d] = [Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14))];
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || birthDate > today) return fail('ID_BIRTHDATE');
  const sum = [...s.slice(0, 17)].reduce((acc, ch, i) => acc + Number(ch) * WEIGHTS[i], 0);
  const expected = CHECK[sum % 11];
  if (s[17] !== expected) return fail('ID_CHECKSUM', expected);
  return ok(s, { birthDate, sex: Number(s[16]) % 2 === 1 ? ('male' as const) : ('female' as const) });
}
