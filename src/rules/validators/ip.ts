import { fail, ok, type Validation } from './result.js';

export type IpVersion = 4 | 6;
export interface IpAddress {
  version: IpVersion;
  value: bigint;
}

function parseV4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

function parseV6(s: string): bigint | null {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.split('::').length > 2) return null;
  let text = s;
  let tail: number[] = [];
  if (text.includes('.')) {
    // an embedded IPv4 address fills the last two words (::ffff:192.0.2.1)
    const lastColon = text.lastIndexOf(':');
    const v4 = parseV4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = [Number(v4 >> 16n), Number(v4 & 0xffffn)];
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const [head, rest] = text.split('::');
  const parseGroups = (g: string) => (g === '' ? [] : g.split(':'));
  const headGroups = parseGroups(head);
  const restGroups = rest === undefined ? [] : parseGroups(rest);
  const groups = [...headGroups, ...restGroups];
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const total = groups.length + tail.length;
  if (rest === undefined ? total !== 8 : total > 7) return null;
  const zeros = rest === undefined ? 0 : 8 - total;
  const words = [...headGroups.map((g) => parseInt(g, 16)), ...Array(zeros).fill(0), ...restGroups.map((g) => parseInt(g, 16)), ...tail];
  return words.reduce((acc: bigint, w: number) => (acc << 16n) | BigInt(w), 0n);
}

export function parseIp(value: string): IpAddress | null {
  const s = value.trim();
  const v4 = parseV4(s);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = parseV6(s);
  return v6 === null ? null : { version: 6, value: v6 };
}

/** RFC 5952 text form for IPv6 (lower case, longest zero run as ::), dotted quad for IPv4. */
export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  const words = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { start: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j += 1;
    if (j - i > best.len && j - i >= 2) best = { start: i, len: j - i };
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.len).join(':')}`;
}

export function validateIp(value: string): Validation<{ version: IpVersion }> {
  const ip = parseIp(value);
  return ip ? ok(formatIp(ip), { version: ip.version }) : fail('IP_FORMAT');
}

export interface Cidr {
  version: IpVersion;
  network: bigint;
  prefix: number;
}

const bits = (v: IpVersion) => (v === 4 ? 32 : 128);

/** A prefix such as 203.0.113.0/24; host bits must be zero (203.0.113.5/24 is refused as CIDR_HOST_BITS). */
export function parseCidr(value: string): Cidr | { error: string } {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(value.trim());
  if (!m) return { error: 'CIDR_FORMAT' };
  const ip = parseIp(m[1]);
  if (!ip) return { error: 'IP_FORMAT' };
  const prefix = Number(m[2]);
  if (prefix > bits(ip.version) || String(prefix) !== m[2]) return { error: 'CIDR_PREFIX' };
  const hostMask = (1n << BigInt(bits(ip.version) - prefix)) - 1n;
  if ((ip.value & hostMask) !== 0n) return { error: 'CIDR_HOST_BITS' };
  return { version: ip.version, network: ip.value, prefix };
}

export function validateCidr(value: string): Validation<{ version: IpVersion; prefix: number }> {
  const c = parseCidr(value);
  if ('error' in c) return fail(c.error);
  return ok(`${formatIp({ version: c.version, value: c.network })}/${c.prefix}`, { version: c.version, prefix: c.prefix });
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.version !== ip.version) return false;
  const shift = BigInt(bits(cidr.version) - cidr.prefix);
  return ip.value >> shift === cidr.network >> shift;
}

export function cidrSize(cidr: Cidr): bigint {
  return 1n << BigInt(bits(cidr.version) - cidr.prefix);
}

export function ipAt(cidr: Cidr, offset: bigint): IpAddress {
  return { version: cidr.version, value: cidr.network + offset };
}
