/**
 * RFC 1035 master-file text for one zone: SOA, the provider's NS, then the customer's records.
 *
 * The writer escapes by construction: every piece of data goes through nameText (names), a
 * character-string (TXT) or a strict pattern (addresses, numbers), none of which can emit a line
 * break, blank, quote, parenthesis, ';' or a leading '$'. Whatever a record holds, it stays one
 * record on one line and can never become a directive ($INCLUDE, $ORIGIN, $TTL) or another record.
 */
export interface ZoneRecord {
  name: string;
  type: 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'NS' | 'PTR';
  value: string;
  ttl: number | null;
  priority: number | null;
}

const decimalEscape = (byte: number) => `\\${String(byte).padStart(3, '0')}`;

/** One label: letters, digits, '-', '_' and '*' as they are; any other byte as \DDD (RFC 1035 §5.1). */
function labelText(label: string): string {
  if (!label) throw new Error(`zone file: empty label in a name`);
  let out = '';
  for (const byte of Buffer.from(label, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[a-zA-Z0-9_*-]/.test(ch) ? ch : decimalEscape(byte);
  }
  return out;
}

/** A domain name: '@', a relative name, or an absolute one (ending in '.'). */
export function nameText(name: string): string {
  if (name === '@') return '@';
  const absolute = name.endsWith('.');
  const labels = (absolute ? name.slice(0, -1) : name).split('.');
  return `${labels.map(labelText).join('.')}${absolute ? '.' : ''}`;
}

/** One <character-string>: quoted; '"' and '\' escaped; control characters as \DDD; other text as it is. */
function characterString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += decimalEscape(code);
    else out += ch;
  }
  return `${out}"`;
}

/**
 * TXT data as character-strings of at most 255 bytes each (RFC 1035 §3.3), cut only between
 * characters, so that no piece ends in half of a multi-byte UTF-8 character.
 */
export function txtChunks(value: string): string[] {
  const chunks: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of value) {
    const bytes = Buffer.byteLength(ch, 'utf8');
    if (size + bytes > 255) {
      chunks.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  if (size > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** TXT data in quoted strings of at most 255 bytes, quotes and backslashes escaped. */
export function txtStrings(value: string): string {
  return txtChunks(value).map(characterString).join(' ');
}

function integer(n: number, min: number, max: number, what: string): string {
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`zone file: ${what} ${n} is not an integer in ${min}–${max}`);
  return String(n);
}

/** The record's data in master-file form; an address that is not one cannot reach the file. */
function rdataText(r: ZoneRecord): string {
  switch (r.type) {
    case 'A':
      if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(r.value)) throw new Error(`zone file: ${JSON.stringify(r.value)} is not an IPv4 address`);
      return r.value;
    case 'AAAA':
      if (!/^[0-9a-fA-F:.]+$/.test(r.value) || !r.value.includes(':')) throw new Error(`zone file: ${JSON.stringify(r.value)} is not an IPv6 address`);
      return r.value;
    case 'MX':
      return `${integer(r.priority ?? NaN, 0, 65535, 'MX preference')} ${nameText(r.value)}`;
    case 'TXT':
      return txtStrings(r.value);
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return nameText(r.value);
  }
}

/** 2026112501: the date in Asia/Shanghai and a counter, always above the last serial. */
export function nextSerial(current: number, shanghaiDate: string): number {
  const base = Number(shanghaiDate.replace(/-/g, '')) * 100 + 1;
  return Math.max(current + 1, base);
}

export function renderZoneFile(zone: { domain: string; serial: number; defaultTtl: number }, records: ZoneRecord[], ns: { nameservers: string[]; hostmaster: string }): string {
  const origin = nameText(`${zone.domain}.`);
  const lines = [
    `; zone ${origin} — exported by rackpact`,
    `$ORIGIN ${origin}`,
    `$TTL ${integer(zone.defaultTtl, 0, 2147483647, 'TTL')}`,
    `@ IN SOA ${nameText(ns.nameservers[0])} ${nameText(ns.hostmaster)} ( ${integer(zone.serial, 0, 4294967295, 'serial')} 3600 900 1209600 300 )`,
    ...ns.nameservers.map((n) => `@ IN NS ${nameText(n)}`),
  ];
  const sorted = [...records].sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type) || a.value.localeCompare(b.value));
  for (const r of sorted) {
    const ttl = r.ttl ? ` ${integer(r.ttl, 0, 2147483647, 'TTL')}` : '';
    lines.push(`${nameText(r.name)}${ttl} IN ${r.type} ${rdataText(r)}`);
  }
  return `${lines.join('\n')}\n`;
}
