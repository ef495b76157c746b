import { isIP } from 'node:net';

/**
 * Sign-in throttling, as pure functions. Failures are counted per (login, client address) and per
 * client address, never per login alone: a stranger's failures cannot keep the user out, and the
 * right password from a client that is not failing always gets in. After `free` failures each
 * further attempt waits, the wait doubling from `firstWaitSeconds` up to `maxWaitSeconds`; a
 * counter is forgotten `forgetAfterHours` after its last failure, and a success from the pair
 * forgets the pair.
 */
export interface ThrottlePolicy {
  free: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
  forgetAfterHours: number;
}

/** One client guessing one login: 5 free, then 1, 2, 4, 8, 15, 15 … minutes. */
export const PAIR_THROTTLE: ThrottlePolicy = { free: 5, firstWaitSeconds: 60, maxWaitSeconds: 15 * 60, forgetAfterHours: 24 };

/** One client trying many logins (spraying): `free` from LOGIN_ADDRESS_FAILURES (default 30), same waits. */
export const addressThrottle = (free: number): ThrottlePolicy => ({ ...PAIR_THROTTLE, free });

/** Seconds the next attempt must wait once `failures` failures are counted. */
export function waitAfter(failures: number, p: ThrottlePolicy): number {
  if (failures < p.free) return 0;
  return Math.min(p.maxWaitSeconds, p.firstWaitSeconds * 2 ** Math.min(failures - p.free, 30));
}

/** The login as the user lookup sees it (users.login is stored trimmed and lower-cased). */
export const loginKeyOf = (login: string) => login.trim().toLowerCase();

/**
 * The client a counter belongs to: an IPv4 address as is (also when IPv4-mapped), an IPv6 client
 * by its /64 — one host is handed a whole /64 and could otherwise rotate through it.
 */
export function clientKeyOf(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export const throttleKeys = (login: string, address: string | undefined) => {
  const client = clientKeyOf(address);
  return { address: `address:${client}`, pair: `pair:${loginKeyOf(login)}|${client}` };
};
