import { punycodeEncode } from './punycode.js';
import { fail, ok, type Validation } from './result.js';

/**
 * Characters no DNS record field may hold: C0 and C1 controls, DEL, the Unicode line and paragraph
 * separators, and unpaired surrogates. In a master file a line break in data ends the record and
 * starts another line — which may be a directive such as $INCLUDE.
 */
export function hasControlCharacter(value: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

/**
 * A record's owner name as stored: relative to the zone ('@' for the apex), lower case, labels in
 * punycode. A name ending in a dot is absolute and must lie inside the zone (www.example.cn. in
 * example.cn → www); without the dot it is relative to the zone. Labels are letters, digits,
 * hyphens and underscores (_dmarc, _acme-challenge); a leading '*.' makes a wildcard.
 */
export function validateRecordName(input: string, zoneDomain: string): Validation {
  if (hasControlCharacter(input)) return fail('DNS_CONTROL_CHARACTER');
  const name = input.trim().toLowerCase().normalize('NFC');
  if (name === '' || name === '@') return ok('@');
  const absolute = name.endsWith('.');
  let relative = absolute ? name.slice(0, -1) : name;
  if (absolute) {
    if (relative === zoneDomain) return ok('@');
    if (!relative.endsWith(`.${zoneDomain}`)) return fail('DNS_NAME_OUTSIDE_ZONE', zoneDomain);
    relative = relative.slice(0, -(zoneDomain.length + 1));
  }
  const labels = relative.split('.');
  const ascii: string[] = [];
  for (const [i, label] of labels.entries()) {
    if (!label) return fail('DOMAIN_EMPTY_LABEL');
    if (label === '*' && i === 0 && labels.length > 1) {
      ascii.push(label);
      continue;
    }
    const encoded = /^[\x00-\x7f]*$/.test(label) ? label : `xn--${punycodeEncode(label)}`;
    if (encoded.length > 63) return fail('DOMAIN_LABEL_TOO_LONG');
    if (!/^[a-z0-9_-]+$/.test(encoded)) return fail('DNS_NAME_CHARACTERS');
    if (encoded.startsWith('-') || encoded.endsWith('-')) return fail('DOMAIN_HYPHEN');
    ascii.push(encoded);
  }
  const normalized = ascii.join('.');
  if (normalized.length + 1 + zoneDomain.length > 253) return fail('DOMAIN_TOO_LONG');
  return ok(normalized);
}
