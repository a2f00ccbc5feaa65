import type { SimUsageRecord } from '../sim/authentik';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
/** `record_usage()` writes at most every 8 hours; rows expire after 90 days. */
const RECORD_EVERY_MS = 8 * HOUR_MS;
const KEPT_MS = 89 * DAY_MS;

/**
 * The usage records authentik (2025.4.1 and later) holds for an instance with users whose only license
 * expired at `expiredAt`, as its usage task wrote them: one every 8 hours over the 90 days they last,
 * each with what `status()` said then. `valid` until the expiry was 2 weeks away, `expiry_soon` until
 * it; from the expiry the license adds no seats, so the users exceed none, and the steps count from the
 * last `valid` record: `limit_exceeded_admin` after 2 weeks, `limit_exceeded_user` after 4, `read_only`
 * after 6 (about four weeks after the expiry). The newest record is under 8 hours old, so the simulator's
 * usage task adds none.
 */
export function usageAfterLapse(expiredAt: number, now: number): SimUsageRecord[] {
  const records: SimUsageRecord[] = [];
  let lastValid = 0;
  for (let at = now - Math.floor(KEPT_MS / RECORD_EVERY_MS) * RECORD_EVERY_MS; at <= now; at += RECORD_EVERY_MS) {
    let status: string;
    if (at < expiredAt - 2 * WEEK_MS) status = 'valid';
    else if (at < expiredAt) status = 'expiry_soon';
    else if (at - lastValid > 6 * WEEK_MS) status = 'read_only';
    else if (at - lastValid > 4 * WEEK_MS) status = 'limit_exceeded_user';
    else if (at - lastValid > 2 * WEEK_MS) status = 'limit_exceeded_admin';
    else status = 'expired';
    if (status === 'valid') lastValid = at;
    records.push({ at, status });
  }
  return records;
}
