import { DAY_MS } from './durations';

/** Whole days from `now` to `until`, rounded down; negative once `until` has passed. */
export function daysLeft(until: number, now: number): number {
  return Math.floor((until - now) / DAY_MS);
}
