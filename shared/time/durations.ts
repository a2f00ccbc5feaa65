/** Durations in milliseconds, for arithmetic on epoch-millisecond timestamps. */

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;
