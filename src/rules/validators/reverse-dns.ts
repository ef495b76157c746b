import type { Cidr, IpAddress } from './ip.js';

/**
 * Reverse DNS (in-addr.arpa, RFC 1035 §3.5; ip6.arpa, RFC 3596 §2.5) for the provider's pools.
 * A zone cut sits on a label boundary: octets for IPv4, nibbles for IPv6. A pool wider than a
 * boundary is split into the zones at the next boundary down (a /23 is two /24 zones); a pool
 * narrower than a /24 (IPv4) or a /64 (IPv6) lives in the enclosing zone, which the provider holds.
 */
export function reverseZoneBits(cidr: Pick<Cidr, 'version' | 'prefix'>): number {
  if (cidr.version === 4) return cidr.prefix > 24 ? 24 : Math.ceil(cidr.prefix / 8) * 8;
  return cidr.prefix > 64 ? Math.floor(cidr.prefix / 4) * 4 : Math.ceil(cidr.prefix / 4) * 4;
}

/** The labels of an address, most specific first: 4.3.2.1 for 1.2.3.4, one nibble per label for IPv6. */
function labels(ip: IpAddress): string[] {
  if (ip.version === 4) return [0n, 8n, 16n, 24n].map((s) => String((ip.value >> s) & 0xffn));
  return Array.from({ length: 32 }, (_, i) => ((ip.value >> BigInt(4 * i)) & 0xfn).toString(16));
}

const suffix = (v: 4 | 6) => (v === 4 ? 'in-addr.arpa' : 'ip6.arpa');
const labelBits = (v: 4 | 6) => (v === 4 ? 8 : 4);

/** The full reverse name of an address, without the trailing dot: 5.113.0.203.in-addr.arpa */
export function reverseName(ip: IpAddress): string {
  return `${labels(ip).join('.')}.${suffix(ip.version)}`;
}

/** The origin of the zone of `bits` leading bits that holds the address. */
function originAt(ip: IpAddress, bits: number): string {
  const keep = bits / labelBits(ip.version);
  const all = labels(ip);
  return [...all.slice(all.length - keep), suffix(ip.version)].join('.');
}

/** Every reverse zone a pool needs (at most 256 of them; a wider pool is a configuration error). */
export function reverseZones(cidr: Cidr): string[] {
  const bits = reverseZoneBits(cidr);
  const total = cidr.version === 4 ? 32 : 128;
  const count = bits > cidr.prefix ? 1 << Math.min(bits - cidr.prefix, 8) : 1;
  const step = 1n << BigInt(total - bits);
  return Array.from({ length: count }, (_, i) => originAt({ version: cidr.version, value: cidr.network + BigInt(i) * step }, bits));
}

/** The zone of the pool that holds this address, and the address's name relative to that zone. */
export function reverseRecord(cidr: Cidr, ip: IpAddress): { origin: string; name: string } {
  const origin = originAt(ip, reverseZoneBits(cidr));
  const full = reverseName(ip);
  return { origin, name: full.slice(0, full.length - origin.length - 1) };
}
