/** Time comes through a port so tests can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** `2026-07-30T10`: the UTC hour a moment falls in; the key of an hourly bucket. */
export const hourBucket = (at: Date): string => at.toISOString().slice(0, 13);

/** `2026-07-30`: the UTC day a moment falls in. */
export const dayBucket = (at: Date): string => at.toISOString().slice(0, 10);

export const epochSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);
