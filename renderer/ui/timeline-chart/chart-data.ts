/** One license drawn as a bar: valid until its expiry (the start of its validity is not known to the page). */
export interface ChartLicense {
  name: string;
  /** Epoch ms. */
  expiresAt: number;
  internalUsers: number;
  externalUsers: number;
}

/** How severe an enforcement step is; also its colour, never its only sign (every marker has a label). */
export type MarkerTone = 'warn' | 'bad';

/** One enforcement step (banner, read-only, expiry) as a marker on the axis. */
export interface ChartMarker {
  /** Stable within one chart: the React key and the test hook. */
  id: string;
  label: string;
  /** Epoch ms: the date, or the latest it can come when estimated. */
  at: number;
  /** Estimated steps come between `earliest` (null: unknown, possibly long ago) and `at`; exact ones have none. */
  estimate: { earliest: number | null } | null;
  tone: MarkerTone;
  /** A read-only step: the summary names the first one. */
  readOnly: boolean;
}

/** Today's internal users and authentik's forecast of them in a year (null: no forecast). */
export interface ChartUsers {
  today: number;
  inAYear: number | null;
}

export interface TimelineChartData {
  /** Epoch ms: where the "today" line is drawn and what "in N days" counts from. */
  now: number;
  licenses: ChartLicense[];
  /** authentik's count: an expired license's seats count on (2024.8 to 2025.4.0) or stop at its expiry. */
  expiredSeatsCount: boolean;
  users: ChartUsers | null;
  markers: ChartMarker[];
}

/** Licensed seats holding from `from` (inclusive) until `to` (exclusive; the last segment includes its end). */
export interface SeatSegment {
  from: number;
  to: number;
  internalUsers: number;
  externalUsers: number;
}

/** Whether a license's seats count at `at`, as authentik's `get_total()` counts them (`expiry >= now`). */
function counts(license: ChartLicense, at: number, expiredSeatsCount: boolean): boolean {
  return expiredSeatsCount || license.expiresAt >= at;
}

/** The seats licensed at `at`: the sum over the licenses that count then. */
export function seatsAt(
  licenses: readonly ChartLicense[],
  at: number,
  expiredSeatsCount: boolean,
): { internalUsers: number; externalUsers: number } {
  let internalUsers = 0;
  let externalUsers = 0;
  for (const license of licenses) {
    if (!counts(license, at, expiredSeatsCount)) continue;
    internalUsers += license.internalUsers;
    externalUsers += license.externalUsers;
  }
  return { internalUsers, externalUsers };
}

/**
 * Licensed capacity over [start, end] as a step series: a new segment just after each expiry inside the
 * range (a license still counts at the instant of its expiry).
 */
export function capacitySeries(
  licenses: readonly ChartLicense[],
  expiredSeatsCount: boolean,
  start: number,
  end: number,
): SeatSegment[] {
  const changes = expiredSeatsCount
    ? []
    : [...new Set(licenses.map((license) => license.expiresAt + 1))].filter((at) => at > start && at <= end);
  const bounds = [start, ...changes.sort((a, b) => a - b), end];
  const segments: SeatSegment[] = [];
  for (let index = 0; index < bounds.length - 1; index++) {
    const from = bounds[index] ?? start;
    const to = bounds[index + 1] ?? end;
    if (to <= from) continue;
    segments.push({ from, to, ...seatsAt(licenses, from, expiredSeatsCount) });
  }
  return segments;
}

/** The segment of `series` holding at `at`; null outside it. */
export function segmentAt(series: readonly SeatSegment[], at: number): SeatSegment | null {
  const last = series.at(-1);
  if (last !== undefined && at === last.to) return last;
  return series.find((segment) => segment.from <= at && at < segment.to) ?? null;
}

/** One row of the seats table: the seats holding from `from` until `until` (an expiry, inclusive). */
export interface SeatRow {
  from: number;
  until: number;
  internalUsers: number;
  externalUsers: number;
}

/** Licensed seats from `now` until the last expiry, a row per expiry still to come; empty when none is. */
export function seatRows(licenses: readonly ChartLicense[], expiredSeatsCount: boolean, now: number): SeatRow[] {
  const expiries = [...new Set(licenses.map((license) => license.expiresAt))]
    .filter((at) => at > now)
    .sort((a, b) => a - b);
  let from = now;
  return expiries.map((until) => {
    const row = { from, until, ...seatsAt(licenses, until, expiredSeatsCount) };
    from = until;
    return row;
  });
}
