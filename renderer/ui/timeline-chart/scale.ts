const DAY_MS = 86_400_000;

/** A linear map from a domain onto a range; values outside the domain map outside the range. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** `value` held within [low, high]. */
export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** How far back and ahead of now the axis may reach, so one very old or far date does not squash the rest. */
export const AXIS_BEFORE_MS = 365 * DAY_MS;
export const AXIS_AFTER_MS = 5 * 365 * DAY_MS;

/**
 * The time axis for a set of dates around now: at least a month before and three months after now, wide
 * enough for every date within a year before and five years after, plus a small margin on the right.
 */
export function timeDomain(now: number, instants: readonly number[]): [number, number] {
  let start = now - 30 * DAY_MS;
  let end = now + 90 * DAY_MS;
  for (const at of instants) {
    if (at < start) start = Math.max(at, now - AXIS_BEFORE_MS);
    if (at > end) end = Math.min(at, now + AXIS_AFTER_MS);
  }
  return [start, end + (end - start) * 0.04];
}

/** One tick on the time axis: the first instant of a month (UTC) and its label. */
export interface TimeTick {
  at: number;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STEPS = [1, 2, 3, 6, 12, 24, 60];

/** "Jan 2027" for the first instant of a month (UTC). */
export function monthLabel(at: number): string {
  const date = new Date(at);
  return `${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}

/** Month starts within [start, end], every 1, 2, 3, 6, 12… months: the finest step giving at most `maxTicks`. */
export function monthTicks(start: number, end: number, maxTicks: number): TimeTick[] {
  const first = new Date(start);
  const firstMonth = first.getUTCFullYear() * 12 + first.getUTCMonth();
  const monthStart = (month: number): number => Date.UTC(Math.floor(month / 12), month % 12, 1);
  for (const step of STEPS) {
    const ticks: TimeTick[] = [];
    for (let month = Math.ceil(firstMonth / step) * step; monthStart(month) <= end; month += step) {
      const at = monthStart(month);
      if (at >= start) ticks.push({ at, label: monthLabel(at) });
    }
    if (ticks.length <= maxTicks || step === STEPS.at(-1)) return ticks;
  }
  return [];
}

/** Whole days from `now` to `at`, rounded down; negative when `at` is past. */
export function daysFrom(now: number, at: number): number {
  return Math.trunc((at - now) / DAY_MS);
}
