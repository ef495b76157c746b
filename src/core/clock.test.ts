import { describe, expect, it } from 'vitest';
import { manualClock, shiftedClock } from './clock.js';

describe('shiftedClock (CLOCK_START)', () => {
  it('reads the start instant at creation and runs on with the base clock', () => {
    const base = manualClock('2026-11-25T12:00:00Z');
    const clock = shiftedClock('2026-11-25T19:00:00Z', base);
    expect(clock.now().toISOString()).toBe('2026-11-25T19:00:00.000Z');
    base.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-11-25T19:01:30.000Z');
  });
});
