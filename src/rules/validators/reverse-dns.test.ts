import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cidrContains, parseCidr, parseIp, type Cidr } from './ip.js';
import { reverseName, reverseRecord, reverseZones } from './reverse-dns.js';

const cidr = (s: string) => parseCidr(s) as Cidr;

describe('reverse zones of a pool', () => {
  test.each([
    ['203.0.113.0/24', ['113.0.203.in-addr.arpa']],
    ['203.0.112.0/23', ['112.0.203.in-addr.arpa', '113.0.203.in-addr.arpa']],
    ['203.0.113.64/26', ['113.0.203.in-addr.arpa']],
    ['203.0.113.7/32', ['113.0.203.in-addr.arpa']],
    ['10.0.0.0/16', ['0.10.in-addr.arpa']],
    ['10.0.0.0/8', ['10.in-addr.arpa']],
    ['2001:db8:100::/48', ['0.0.1.0.8.b.d.0.1.0.0.2.ip6.arpa']],
    ['2001:db8:100::/47', ['0.0.1.0.8.b.d.0.1.0.0.2.ip6.arpa', '1.0.1.0.8.b.d.0.1.0.0.2.ip6.arpa']],
    ['2001:db8:100:7::/64', ['7.0.0.0.0.0.1.0.8.b.d.0.1.0.0.2.ip6.arpa']],
    ['2001:db8:100:7::/126', ['0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.7.0.0.0.0.0.1.0.8.b.d.0.1.0.0.2.ip6.arpa'.split('.').slice(1).join('.')]],
  ])('%s → %j', (prefix, zones) => expect(reverseZones(cidr(prefix))).toEqual(zones));

  test.each([
    ['203.0.113.0/24', '203.0.113.5', '113.0.203.in-addr.arpa', '5'],
    ['10.0.0.0/16', '10.0.3.9', '0.10.in-addr.arpa', '9.3'],
    ['203.0.112.0/23', '203.0.113.200', '113.0.203.in-addr.arpa', '200'],
    ['2001:db8:100::/48', '2001:db8:100::2', '0.0.1.0.8.b.d.0.1.0.0.2.ip6.arpa', '2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0'],
  ])('in %s, %s is %s / %s', (prefix, address, origin, name) => expect(reverseRecord(cidr(prefix), parseIp(address)!)).toEqual({ origin, name }));

  test('name + origin is the full reverse name, and the origin is one of the pool zones (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 32 }), fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), (prefix, value) => {
        const mask = ((1n << BigInt(prefix)) - 1n) << BigInt(32 - prefix);
        const pool: Cidr = { version: 4, network: value & mask, prefix };
        const ip = { version: 4 as const, value };
        expect(cidrContains(pool, ip)).toBe(true);
        const r = reverseRecord(pool, ip);
        expect(`${r.name}.${r.origin}`).toBe(reverseName(ip));
        if (prefix >= 16) expect(reverseZones(pool)).toContain(r.origin);
      }),
    );
  });
});
