import { describe, expect, it } from 'vitest';
import { addressThrottle, clientKeyOf, PAIR_THROTTLE, throttleKeys, waitAfter } from './throttle.js';

describe('sign-in throttle policy', () => {
  it.each([
    [0, 0], [4, 0], [5, 60], [6, 120], [7, 240], [8, 480], [9, 900], [40, 900], [10_000, 900],
  ])('after %i failures of one (login, address) the next attempt waits %i s', (failures, seconds) => {
    expect(waitAfter(failures, PAIR_THROTTLE)).toBe(seconds);
  });

  it('lets an address fail LOGIN_ADDRESS_FAILURES times before its waits begin', () => {
    expect(waitAfter(29, addressThrottle(30))).toBe(0);
    expect(waitAfter(30, addressThrottle(30))).toBe(60);
  });

  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('counts %s as client %s', (address, key) => expect(clientKeyOf(address)).toBe(key));

  it('normalises the login the way the user lookup does', () => {
    expect(throttleKeys(' Victim ', '198.51.100.7')).toEqual(throttleKeys('victim', '198.51.100.7'));
  });
});
