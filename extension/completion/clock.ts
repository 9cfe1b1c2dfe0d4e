// Time is injected everywhere so tests can drive it by hand and never sleep.

/** Cancels a scheduled callback; calling it after the callback ran does nothing. */
export type CancelTimer = () => void;

export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  schedule(ms: number, callback: () => void): CancelTimer;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  schedule(ms, callback) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};
