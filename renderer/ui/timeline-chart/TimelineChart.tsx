import { useId, type ReactNode } from 'react';
import type { TimelineChartData } from './chart-data';
import { MarkerLayer, LicenseBars, SeatsPanel, TimeAxis } from './ChartParts';
import { chartLayout, WIDTH } from './layout';
import { chartSummary } from './summary';

/** A legend entry: a small drawn sample and its words, so no line is told apart by colour alone. */
function LegendItem({ sample, children }: { sample: ReactNode; children: string }) {
  return (
    <li>
      <svg className="timeline-chart__sample" viewBox="0 0 24 12" width={24} height={12} aria-hidden="true">
        {sample}
      </svg>
      {children}
    </li>
  );
}

/**
 * An instance's or a key's timeline drawn on one time axis: a bar per license, licensed internal seats
 * as a step line, today's users and the forecast, the enforcement steps (estimated ones hatched and
 * labelled) and a "today" line. Pages keep the same facts as text and tables beside it, for reading and copying.
 */
export function TimelineChart({ data }: { data: TimelineChartData }) {
  const hatchId = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const layout = chartLayout(data);
  const summary = chartSummary(data, layout.domain);
  const estimated = data.markers.some((marker) => marker.estimate !== null);
  return (
    <figure className="timeline-chart">
      <svg
        className="timeline-chart__svg"
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${layout.height}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title>{summary}</title>
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
            <line className="timeline-chart__hatch" x1={0} y1={0} x2={0} y2={6} />
          </pattern>
        </defs>
        {layout.ticks.map((tick) => (
          <line
            key={tick.at}
            className="timeline-chart__grid"
            x1={tick.x}
            x2={tick.x}
            y1={layout.bars[0]?.y ?? layout.seats.top}
            y2={layout.axisY}
          />
        ))}
        <LicenseBars bars={layout.bars} />
        <MarkerLayer layout={layout} hatchId={hatchId} />
        <SeatsPanel seats={layout.seats} />
        <TimeAxis layout={layout} />
      </svg>
      <figcaption>
        <ul className="timeline-chart__legend">
          <LegendItem sample={<rect className="timeline-chart__sample-bar" x={1} y={2} width={22} height={8} rx={2} />}>
            License, to its expiry
          </LegendItem>
          <LegendItem sample={<path className="timeline-chart__capacity" d="M1 3 H12 V9 H23" />}>
            Licensed internal seats
          </LegendItem>
          {data.users !== null && (
            <LegendItem
              sample={
                <>
                  <polygon className="timeline-chart__sample-forecast" points="1,9 23,2 23,9" />
                  <circle className="timeline-chart__sample-users" cx={4} cy={8} r={3} />
                </>
              }
            >
              Internal users today and forecast
            </LegendItem>
          )}
          {estimated && (
            <LegendItem sample={<rect x={1} y={1} width={22} height={10} fill={`url(#${hatchId})`} />}>
              Estimated step: at the latest by its line
            </LegendItem>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
