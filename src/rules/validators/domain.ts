import { punycodeDecode } from './punycode.js';
import { fail, ok, type Validation } from './result.js';

/**
 * Code points a reader cannot see: default-ignorables (zero-width space and joiners, soft hyphen,
 * variation selectors, the Hangul fillers), format and control characters. UTS-46 drops some of them
 * silently, so a name carrying one would look like another on screen (`x.cn` + ZWSP is `x.xn--cn-h1t`
 * to a resolver that does not map, `x.cn` to one that does): refused, never mapped.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Cs}]/u;
/** Characters that make the input a URL or an address rather than a name (the URL parser would read them as such). */
const NOT_A_NAME = /[\s/\\:@?#%[\]<>^|"'`{}]/u;

/**
 * A domain name as browsers, the filing system and DNS see it: mapped by UTS-46 (non-transitional,
 * IDNA 2008) exactly as the WHATWG URL parser maps a host — case folded, compatibility forms folded
 * (`Ⅸ.cn` → `ix.cn`, full-width `ｅｘａｍｐｌｅ．cn` → `example.cn`), internationalised labels in
 * punycode (中国.cn → xn--fiqs8s.cn) — so the name stored is the one a browser sends in Host/SNI.
 * Then: no trailing dot, LDH labels of 1–63 characters, at most 253 in all, at least two labels,
 * a TLD that is not numeric. `unicode` is the same name for display (labels decoded from punycode).
 *
 * The mapping is the URL constructor's host parser (the same in Node and in the browser, no I/O).
 */
export function validateDomain(value: string): Validation<{ unicode: string }> {
  const input = value.trim();
  if (!input) return fail('DOMAIN_EMPTY');
  if (INVISIBLE.test(input)) return fail('DOMAIN_INVISIBLE');
  if (NOT_A_NAME.test(input)) return fail('DOMAIN_CHARACTERS');
  // the URL parser would read a name ending in a number as an IPv4 address and refuse it as such
  if (/(^|\.)\d+\.?$/.test(input)) return fail(input.includes('.') ? 'DOMAIN_NUMERIC_TLD' : 'DOMAIN_SINGLE_LABEL');
  let mapped: string;
  try {
    mapped = new URL(`http://${input}`).hostname;
  } catch {
    // the host parser refuses code points UTS-46 disallows, bad punycode, a misplaced joiner…
    return fail('DOMAIN_DISALLOWED');
  }
  const name = mapped.replace(/\.$/, '');
  if (!name) return fail('DOMAIN_EMPTY');
  const labels = name.split('.');
  if (labels.length < 2) return fail('DOMAIN_SINGLE_LABEL');
  const unicode: string[] = [];
  for (const label of labels) {
    if (!label) return fail('DOMAIN_EMPTY_LABEL');
    if (label.length > 63) return fail('DOMAIN_LABEL_TOO_LONG');
    if (!/^[a-z0-9-]+$/.test(label)) return fail('DOMAIN_CHARACTERS');
    if (label.startsWith('-') || label.endsWith('-')) return fail('DOMAIN_HYPHEN');
    if (/^..--/.test(label) && !label.startsWith('xn--')) return fail('DOMAIN_HYPHEN');
    const decoded = label.startsWith('xn--') ? punycodeDecode(label.slice(4)) : label;
    if (decoded === null) return fail('DOMAIN_DISALLOWED');
    unicode.push(decoded);
  }
  if (name.length > 253) return fail('DOMAIN_TOO_LONG');
  if (/^\d+$/.test(labels[labels.length - 1])) return fail('DOMAIN_NUMERIC_TLD');
  return ok(name, { unicode: unicode.join('.') });
}

/** A normalised name and the names above it, short of the top-level domain: www.example.cn → [www.example.cn, example.cn]. */
export function domainAndParents(name: string): string[] {
  const labels = name.split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}
