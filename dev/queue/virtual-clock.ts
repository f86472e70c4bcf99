/**
 * A clock that moves only when told: the SQS model, the emulators, the pacing store's
 * expiry and the consumer all read it, so a simulation runs minutes of traffic in
 * milliseconds and its timings are exact.
 */
export interface VirtualClock {
  now(): number;
  /** Moves the clock forward (never back). */
  advance(ms: number): void;
  /** Moves the clock to `time` if that is later. */
  advanceTo(time: number): void;
  /**
   * For code under test that waits (`deps.sleep`): time passes at once, for everyone
   * reading this clock, and the promise resolves on the next turn of the event loop.
   */
  sleep(ms: number): Promise<void>;
}

export function createVirtualClock(start = Date.UTC(2025, 0, 6, 9, 0, 0)): VirtualClock {
  let time = start;
  const advanceTo = (target: number) => {
    if (target > time) time = target;
  };
  return {
    now: () => time,
    advance: (ms) => advanceTo(time + Math.max(0, ms)),
    advanceTo,
    sleep(ms) {
      advanceTo(time + Math.max(0, ms));
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}
