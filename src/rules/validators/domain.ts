import { punycodeEncode } from './punycode.js';
import { fail, ok, toHalfWidth, type Validation } from './result.js';

/**
 * A domain name as the filing system and DNS see it: lower case, no trailing dot, internationalised
 * labels in punycode (中国.cn → xn--fiqs8s.cn), LDH labels of 1–63 characters, at most 253 in all,
 * at least two labels, a TLD that is not numeric.
 */
export function validateDomain(value: string): Validation<{ unicode: string }> {
  const unicode = toHalfWidth(value).trim().replace(/[。．｡]/g, '.').replace(/\.$/, '').toLowerCase().normalize('NFC');
  if (!unicode) return fail('DOMAIN_EMPTY');
  if (/\s|\/|:|@/.test(unicode)) return fail('DOMAIN_CHARACTERS');
  const labels = unicode.split('.');
  if (labels.length < 2) return fail('DOMAIN_SINGLE_LABEL');
  const ascii: string[] = [];
  for (const label of labels) {
    if (!label) return fail('DOMAIN_EMPTY_LABEL');
    const encoded = /^[\x00-\x7f]*$/.test(label) ? label : `xn--${punycodeEncode(label)}`;
    if (encoded.length > 63) return fail('DOMAIN_LABEL_TOO_LONG');
    if (!/^[a-z0-9-]+$/.test(encoded)) return fail('DOMAIN_CHARACTERS');
    if (encoded.startsWith('-') || encoded.endsWith('-')) return fail('DOMAIN_HYPHEN');
    if (/^..--/.test(encoded) && !encoded.startsWith('xn--')) return fail('DOMAIN_HYPHEN');
    ascii.push(encoded);
  }
  const normalized = ascii.join('.');
  if (normalized.length > 253) return fail('DOMAIN_TOO_LONG');
  if (/^\d+$/.test(ascii[ascii.length - 1])) return fail('DOMAIN_NUMERIC_TLD');
  return ok(normalized, { unicode });
}
