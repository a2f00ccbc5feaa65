import type { ChartMarker } from './chart-data';
import { clamp } from './scale';

/** A marker placed on the axis: its line, its estimated span and its label, in one row of labels. */
export interface PlacedMarker {
  marker: ChartMarker;
  /** The marker's line: its date, or the latest date for an estimate; within the axis. */
  x: number;
  /** An estimate's span from its earliest date (a short stretch when unknown) to `x`; null when exact. */
  span: { x0: number; x1: number } | null;
  /** Where the label's box starts and ends; within the axis. */
  labelX0: number;
  labelX1: number;
  /** 0 is the row nearest the plot; rows are added until no two labels in a row overlap. */
  row: number;
  /** The marker's date lies outside the axis and is drawn at its edge. */
  clipped: boolean;
}

/** The label a marker carries: estimated ones say so in words, not only by their hatching. */
export function markerText(marker: ChartMarker): string {
  return marker.estimate === null ? marker.label : `${marker.label} (estimated)`;
}

/** A label's width in the chart's units, from its length (about 6.2 per character at 11 px, plus padding). */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.2) + 8;
}

const GAP = 6;
/** How wide an estimate with no known earliest date is drawn: it may come any time before its line. */
const UNKNOWN_SPAN = 12;

/**
 * Places each marker at its date on the axis [x0, x1] (clamped to it) and gives its label the first row
 * where it overlaps no other label; a label starts at its marker, or ends there near the right edge.
 */
export function placeMarkers(
  markers: readonly ChartMarker[],
  scale: (at: number) => number,
  [x0, x1]: readonly [number, number],
): PlacedMarker[] {
  const sorted = [...markers].sort((a, b) => a.at - b.at);
  const rowEnds: number[] = [];
  return sorted.map((marker) => {
    const raw = scale(marker.at);
    const x = clamp(raw, x0, x1);
    const span =
      marker.estimate === null
        ? null
        : {
            x0: clamp(marker.estimate.earliest === null ? x - UNKNOWN_SPAN : scale(marker.estimate.earliest), x0, x),
            x1: x,
          };
    const width = Math.min(labelWidth(markerText(marker)), x1 - x0);
    const labelX0 = x + width <= x1 ? x : Math.max(x0, x - width);
    const labelX1 = labelX0 + width;
    let row = rowEnds.findIndex((end) => end + GAP <= labelX0);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(labelX1);
    } else {
      rowEnds[row] = labelX1;
    }
    return { marker, x, span, labelX0, labelX1, row, clipped: raw !== x };
  });
}
