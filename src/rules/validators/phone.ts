import { fail, ok, toHalfWidth, type Validation } from './result.js';

/**
 * Chinese mainland phone numbers. Mobile: 11 digits 1[3-9]…, optionally +86 / 0086 / 86 first →
 * 13812345678. Landline: area code (010, 02x, or 0 + 3 digits) and a 7–8 digit number not starting
 * with 0 or 1, optional extension → 010-12345678, 0755-1234567-808.
 */
export function validatePhone(value: string): Validation<{ kind: 'mobile' | 'landline' }> {
  const raw = toHalfWidth(value).trim();
  if (!/^[\d\s()+-]+(?:(?:转|ext\.?|x)\s*\d{1,6})?$/i.test(raw)) return fail('PHONE_CHARACTERS');
  const [main, extension] = raw.split(/转|ext\.?|x/i).map((p) => p?.replace(/[\s()-]/g, ''));
  const digits = main.replace(/^(\+86|0086)/, '');
  const mobile = /^(?:86)?(1[3-9]\d{9})$/.exec(digits);
  if (mobile && !extension) return ok(mobile[1], { kind: 'mobile' as const });
  if (/^1\d*$/.test(digits)) return fail('PHONE_MOBILE_FORMAT');
  const landline = /^(01\d|02\d|0[3-9]\d{2})([2-9]\d{6,7})$/.exec(digits);
  if (!landline) return fail('PHONE_LANDLINE_FORMAT');
  const area = landline[1];
  // 010 and 02x are three-digit area codes; their subscriber numbers have 8 digits
  if (/^0[12]/.test(area) && landline[2].length !== 8) return fail('PHONE_LANDLINE_FORMAT');
  return ok(`${area}-${landline[2]}${extension ? `-${extension}` : ''}`, { kind: 'landline' as const });
}

/**
 * What a typed phone number may look like stored: the rules core keeps mobiles as 11 digits and
 * landlines as 010-62345678, so "01062345678", "010 6234" and "+86 139…" all find their row.
 */
export function phonePrefixes(term: string): string[] {
  const digits = term.replace(/[\s()+-]/g, '').replace(/^(0086|86(?=1[3-9]))/, '');
  if (!/^\d{3,}$/.test(digits)) return [];
  const out = [digits];
  // landline area codes: three digits for 010 and 02x, four otherwise; the dash follows them
  if (digits.startsWith('0') && digits.length > 3) out.push(`${digits.slice(0, 3)}-${digits.slice(3)}`);
  if (digits.startsWith('0') && digits.length > 4) out.push(`${digits.slice(0, 4)}-${digits.slice(4)}`);
  return out;
}
