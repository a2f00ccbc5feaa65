import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { licensedCapacity } from '../../../shared/license/capacity';
import {
  capacitySeries,
  seatRows,
  segmentAt,
  type ChartLicense,
  type ChartMarker,
} from '../../../renderer/ui/timeline-chart/chart-data';
import { placeMarkers } from '../../../renderer/ui/timeline-chart/markers';
import { linearScale, monthTicks, timeDomain } from '../../../renderer/ui/timeline-chart/scale';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 12);

const license = (name: string, days: number, internalUsers: number, externalUsers = 0): ChartLicense => ({
  name,
  expiresAt: NOW + days * DAY,
  internalUsers,
  externalUsers,
});

describe('the time axis', () => {
  it.each([
    { name: 'no dates: a month back, three months ahead', instants: [], start: NOW - 30 * DAY, end: NOW + 90 * DAY },
    { name: 'a date a year ahead', instants: [NOW + 365 * DAY], start: NOW - 30 * DAY, end: NOW + 365 * DAY },
    { name: 'a date 90 days back', instants: [NOW - 90 * DAY], start: NOW - 90 * DAY, end: NOW + 90 * DAY },
    {
      name: 'dates far out are capped',
      instants: [NOW - 900 * DAY, NOW + 4000 * DAY],
      start: NOW - 365 * DAY,
      end: NOW + 5 * 365 * DAY,
    },
  ])('$name', ({ instants, start, end }) => {
    const [from, to] = timeDomain(NOW, instants);
    expect(from).toBe(start);
    expect(to).toBe(end + (end - start) * 0.04);
  });

  it.each([
    { months: 3, labels: ['Dec 2026', 'Jan 2027', 'Feb 2027'] },
    { months: 12, labels: ['Jan 2027', 'Apr 2027', 'Jul 2027', 'Oct 2027'] },
    { months: 30, labels: ['Jan 2027', 'Jul 2027', 'Jan 2028', 'Jul 2028', 'Jan 2029'] },
  ])('ticks month starts every few months over $months months, at most 5', ({ months, labels }) => {
    const start = Date.UTC(2026, 10, 20);
    const end = Date.UTC(2026, 10 + months, 20);
    const ticks = monthTicks(start, end, 5);
    expect(ticks.map((tick) => tick.label)).toEqual(labels);
    for (const tick of ticks) expect(new Date(tick.at).getUTCDate()).toBe(1);
  });

  it('keeps every tick within the axis', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 1, max: 3000 }), (offset, length) => {
        const start = NOW - offset * DAY;
        const end = start + length * DAY;
        const ticks = monthTicks(start, end, 8);
        for (const tick of ticks) expect(tick.at >= start && tick.at <= end).toBe(true);
        expect(ticks.length).toBeLessThanOrEqual(Math.max(8, Math.ceil(length / 1800)));
      }),
    );
  });
});

describe('licensed capacity as a step line', () => {
  it('steps down just after each expiry, unless the release counts expired seats', () => {
    const licenses = [license('Main', 365, 50, 100), license('Add-on', 20, 5)];
    expect(capacitySeries(licenses, false, NOW - DAY, NOW + 400 * DAY).map((s) => s.internalUsers)).toEqual([
      55, 50, 0,
    ]);
    expect(capacitySeries(licenses, true, NOW - DAY, NOW + 400 * DAY).map((s) => s.internalUsers)).toEqual([55]);
  });

  it('gives the seats table a row per expiry still to come, as authentik counts them', () => {
    const licenses = [license('Main', 365, 50, 100), license('Add-on', 20, 5), license('Lapsed', -30, 30)];
    expect(seatRows(licenses, false, NOW).map((row) => [row.internalUsers, row.externalUsers])).toEqual([
      [55, 100],
      [50, 100],
    ]);
    // 2024.8 to 2025.4.0 count an expired license's seats on: 85, as authentik's total (the meter) says.
    expect(seatRows(licenses, true, NOW).map((row) => row.internalUsers)).toEqual([85, 85]);
  });

  const licensesArb = fc.array(
    fc.record({
      name: fc.string(),
      expiresAt: fc.integer({ min: NOW - 400 * DAY, max: NOW + 2000 * DAY }),
      internalUsers: fc.nat(1000),
      externalUsers: fc.nat(1000),
    }),
    { maxLength: 6 },
  );

  it.each(['2024.8.0', '2025.4.1', '2024.6.0'])(
    'equals at every instant the seats authentik %s counts (the sum over the licenses valid then)',
    (version) => {
      const rules = authentikRules(version);
      fc.assert(
        fc.property(licensesArb, fc.integer({ min: -400, max: 2000 }), fc.nat(DAY), (licenses, day, ms) => {
          const [start, end] = [NOW - 400 * DAY, NOW + 2001 * DAY];
          const series = capacitySeries(licenses, rules.expiredSeatsCount, start, end);
          const probes = [NOW + day * DAY + ms, ...licenses.flatMap((l) => [l.expiresAt, l.expiresAt + 1])];
          for (const at of probes) {
            const segment = segmentAt(series, at);
            const expected = licensedCapacity(licenses, { rules, now: at });
            expect(segment && { internalUsers: segment.internalUsers, externalUsers: segment.externalUsers }).toEqual(
              expected,
            );
          }
        }),
      );
    },
  );
});

const marker = (id: string, days: number, estimate: ChartMarker['estimate'] = null): ChartMarker => ({
  id,
  label: id,
  at: NOW + days * DAY,
  estimate,
  tone: 'warn',
  readOnly: false,
});

describe('marker placement', () => {
  const axis = [48, 784] as const;
  const scale = linearScale([NOW, NOW + 100 * DAY], axis);

  it.each([
    { name: 'apart: one row', days: [10, 50, 90], rows: [0, 0, 0] },
    { name: 'close: the next row', days: [10, 11, 12], rows: [0, 1, 2] },
    { name: 'a row frees up again', days: [10, 11, 60], rows: [0, 1, 0] },
  ])('$name', ({ days, rows }) => {
    const placed = placeMarkers(
      days.map((d, i) => marker(`Step ${i}`, d)),
      scale,
      axis,
    );
    expect(placed.map((p) => p.row)).toEqual(rows);
  });

  it('draws an estimate hatched from its earliest date, or a short stretch when that is unknown', () => {
    const [known, unknown] = placeMarkers(
      [marker('Known', 40, { earliest: NOW + 20 * DAY }), marker('Unknown', 60, { earliest: null })],
      scale,
      axis,
    );
    expect(known?.span).toEqual({ x0: scale(NOW + 20 * DAY), x1: scale(NOW + 40 * DAY) });
    expect(unknown?.span?.x1).toBe(scale(NOW + 60 * DAY));
    expect(unknown?.span?.x0).toBe(scale(NOW + 60 * DAY) - 12);
  });

  it('keeps every marker, its span and its label within the axis, and no two labels of a row overlapping', () => {
    const markerArb = fc.record({
      days: fc.integer({ min: -500, max: 600 }),
      earliest: fc.option(fc.option(fc.integer({ min: -900, max: 600 }), { nil: null }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(markerArb, { maxLength: 10 }), (specs) => {
        const markers = specs.map((spec, i) =>
          marker(
            `Step number ${i}`,
            spec.days,
            spec.earliest === undefined
              ? null
              : { earliest: spec.earliest === null ? null : NOW + spec.earliest * DAY },
          ),
        );
        const placed = placeMarkers(markers, scale, axis);
        expect(placed).toHaveLength(markers.length);
        for (const p of placed) {
          expect(p.x).toBeGreaterThanOrEqual(axis[0]);
          expect(p.x).toBeLessThanOrEqual(axis[1]);
          expect(p.labelX0).toBeGreaterThanOrEqual(axis[0]);
          expect(p.labelX1).toBeLessThanOrEqual(axis[1]);
          if (p.span !== null) {
            expect(p.span.x0).toBeGreaterThanOrEqual(axis[0]);
            expect(p.span.x1).toBeLessThanOrEqual(axis[1]);
          }
        }
        for (const [i, a] of placed.entries())
          for (const b of placed.slice(i + 1))
            if (a.row === b.row) expect(a.labelX1 <= b.labelX0 || b.labelX1 <= a.labelX0).toBe(true);
      }),
    );
  });
});
