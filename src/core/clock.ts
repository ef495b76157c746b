/** The clock is injected everywhere: every date the agreement produces must be reproducible in a test. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock a test can set and step. */
export interface ManualClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | string): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * The real clock shifted so that it read `start` when created, and runs on from there: for demos
 * and browser tests that must happen at a given hour (a reboot request at 3 a.m.).
 */
export function shiftedClock(start: Date | string, base: Clock = systemClock): Clock {
  const offset = new Date(start).getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}
