import { capacitySeries, type ChartLicense, type SeatSegment, type TimelineChartData } from './chart-data';
import { placeMarkers, type PlacedMarker } from './markers';
import { clamp, linearScale, monthTicks, timeDomain, type TimeTick } from './scale';

const YEAR_MS = 365 * 86_400_000;

/** The chart's fixed coordinate system (the SVG scales to its box through its viewBox). */
export const WIDTH = 800;
export const PLOT_X0 = 48;
export const PLOT_X1 = 784;
const TOP = 22;
const LANE = 22;
const LANE_GAP = 6;
const SEATS_HEIGHT = 110;
const MARKER_ROW = 18;

/** A license's bar: from the axis start (its start is not known) to its expiry. */
export interface LicenseBar {
  license: ChartLicense;
  x0: number;
  x1: number;
  y: number;
  height: number;
  label: string;
  /** The expiry lies after the axis end: the bar runs on. */
  runsOn: boolean;
  expired: boolean;
}

/** Everything the chart draws, in chart units: pure geometry from the data. */
export interface ChartLayout {
  domain: [number, number];
  height: number;
  todayX: number;
  bars: LicenseBar[];
  seats: {
    top: number;
    bottom: number;
    segments: (SeatSegment & { x0: number; x1: number; y: number })[];
    path: string;
    /** Today's internal users and the forecast band to a year from now (or the axis end; null without a forecast). */
    users: { x: number; y: number; band: { points: string; endX: number; endY: number } | null } | null;
  };
  markers: PlacedMarker[];
  markerRowsTop: number;
  axisY: number;
  ticks: (TimeTick & { x: number })[];
}

function barLabel(license: ChartLicense, expired: boolean): string {
  const seats = `${license.internalUsers.toLocaleString('en-US')} internal, ${license.externalUsers.toLocaleString('en-US')} external`;
  return `${license.name} · ${seats}${expired ? ' · expired' : ''}`;
}

/** Lays the chart out: the time axis spans every license, marker and the forecast year around now. */
export function chartLayout(data: TimelineChartData): ChartLayout {
  const { now, licenses, users } = data;
  const instants = [
    ...licenses.map((license) => license.expiresAt),
    ...data.markers.flatMap((marker) => {
      const earliest = marker.estimate?.earliest ?? null;
      return earliest === null ? [marker.at] : [marker.at, earliest];
    }),
    ...(users?.inAYear == null ? [] : [now + YEAR_MS]),
  ];
  const domain = timeDomain(now, instants);
  const x = linearScale(domain, [PLOT_X0, PLOT_X1]);
  const xIn = (at: number): number => clamp(x(at), PLOT_X0, PLOT_X1);

  const bars = licenses.map((license, index) => ({
    license,
    x0: PLOT_X0,
    x1: Math.max(PLOT_X0 + 4, xIn(license.expiresAt)),
    y: TOP + index * (LANE + LANE_GAP),
    height: LANE,
    label: barLabel(license, license.expiresAt < now),
    runsOn: license.expiresAt > domain[1],
    expired: license.expiresAt < now,
  }));

  const top = TOP + licenses.length * (LANE + LANE_GAP) + 14;
  const bottom = top + SEATS_HEIGHT;
  const series = capacitySeries(licenses, data.expiredSeatsCount, domain[0], domain[1]);
  const highest = Math.max(
    1,
    ...series.map((segment) => segment.internalUsers),
    ...(users === null ? [] : [users.today, users.inAYear ?? 0]),
  );
  const y = linearScale([0, highest * 1.15], [bottom, top]);
  const segments = series.map((segment) => ({
    ...segment,
    x0: xIn(segment.from),
    x1: xIn(segment.to),
    y: y(segment.internalUsers),
  }));
  const path = segments
    .map((segment, index) =>
      index === 0
        ? `M${fixed(segment.x0)} ${fixed(segment.y)} H${fixed(segment.x1)}`
        : `V${fixed(segment.y)} H${fixed(segment.x1)}`,
    )
    .join(' ');

  const placed = placeMarkers(data.markers, x, [PLOT_X0, PLOT_X1]);
  const rows = placed.reduce((most, marker) => Math.max(most, marker.row + 1), 0);
  const markerRowsTop = bottom + 8;
  const axisY = markerRowsTop + rows * MARKER_ROW + 6;

  return {
    domain,
    height: axisY + 24,
    todayX: xIn(now),
    bars,
    seats: { top, bottom, segments, path, users: users === null ? null : usersLayout(users, now, domain[1], xIn, y) },
    markers: placed,
    markerRowsTop,
    axisY,
    ticks: monthTicks(domain[0], domain[1], 8).map((tick) => ({ ...tick, x: x(tick.at) })),
  };
}

function usersLayout(
  users: NonNullable<TimelineChartData['users']>,
  now: number,
  end: number,
  x: (at: number) => number,
  y: (seats: number) => number,
): NonNullable<ChartLayout['seats']['users']> {
  const [nowX, nowY] = [x(now), y(users.today)];
  if (users.inAYear === null) return { x: nowX, y: nowY, band: null };
  // The forecast grows linearly over the year; an axis ending sooner cuts the band there.
  const endAt = Math.min(end, now + YEAR_MS);
  const endUsers = users.today + ((users.inAYear - users.today) * (endAt - now)) / YEAR_MS;
  const [endX, endY] = [x(endAt), y(endUsers)];
  return {
    x: nowX,
    y: nowY,
    band: {
      points: `${fixed(nowX)},${fixed(nowY)} ${fixed(endX)},${fixed(endY)} ${fixed(endX)},${fixed(nowY)}`,
      endX,
      endY,
    },
  };
}

function fixed(value: number): string {
  return value.toFixed(1);
}
