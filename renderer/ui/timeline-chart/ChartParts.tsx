import { localDate } from '../../format/dates';
import type { ChartLayout } from './layout';
import { PLOT_X0, PLOT_X1 } from './layout';
import { markerText } from './markers';

const dateOf = (at: number): string => localDate(new Date(at).toISOString());

/** One bar per license, labelled with its name and seats. */
export function LicenseBars({ bars }: { bars: ChartLayout['bars'] }) {
  return (
    <g className="timeline-chart__bars">
      {bars.map((bar, index) => (
        <g
          key={index}
          className={bar.expired ? 'timeline-chart__bar timeline-chart__bar--expired' : 'timeline-chart__bar'}
          data-license={bar.license.name}
        >
          <title>{`${bar.label}; ${bar.expired ? 'expired' : 'expires'} ${dateOf(bar.license.expiresAt)}`}</title>
          <rect x={bar.x0} y={bar.y} width={bar.x1 - bar.x0} height={bar.height} rx={3} />
          <text x={bar.x0 + 6} y={bar.y + bar.height / 2} dominantBaseline="central">
            {bar.label}
          </text>
          {bar.runsOn && (
            <text
              className="timeline-chart__runs-on"
              x={PLOT_X1 - 4}
              y={bar.y + bar.height / 2}
              textAnchor="end"
              dominantBaseline="central"
            >
              →
            </text>
          )}
        </g>
      ))}
    </g>
  );
}

/** Licensed internal seats as a step line, labelled at each step, with today's users and the forecast band. */
export function SeatsPanel({ seats }: { seats: ChartLayout['seats'] }) {
  const { users } = seats;
  return (
    <g className="timeline-chart__seats">
      <line className="timeline-chart__baseline" x1={PLOT_X0} x2={PLOT_X1} y1={seats.bottom} y2={seats.bottom} />
      <text
        className="timeline-chart__axis-label"
        x={PLOT_X0 - 6}
        y={seats.bottom}
        textAnchor="end"
        dominantBaseline="central"
      >
        0
      </text>
      <text className="timeline-chart__panel-title" x={PLOT_X0} y={seats.top - 4}>
        {users === null ? 'Licensed internal seats' : 'Internal users: licensed seats and users'}
      </text>
      {users?.band != null && (
        <g className="timeline-chart__forecast" data-forecast="">
          <title>Forecast of internal users over the next 12 months</title>
          <polygon points={users.band.points} />
          <text x={users.band.endX - 4} y={users.band.endY - 6} textAnchor="end">
            forecast
          </text>
        </g>
      )}
      <path className="timeline-chart__capacity" d={seats.path} data-capacity="" />
      {seats.segments.map((segment) => (
        <text
          key={segment.from}
          className="timeline-chart__capacity-label"
          x={segment.x0 + 4}
          y={segment.y - 5}
          data-seats={segment.internalUsers}
        >
          {`${segment.internalUsers.toLocaleString('en-US')} seats`}
        </text>
      ))}
      {users !== null && (
        <g className="timeline-chart__users" data-users="">
          <circle cx={users.x} cy={users.y} r={4} />
          <text x={users.x + 7} y={users.y + 14}>
            users today
          </text>
        </g>
      )}
    </g>
  );
}

/** The enforcement steps: a line at each date, a hatched span before estimated ones, a label in its row. */
export function MarkerLayer({ layout, hatchId }: { layout: ChartLayout; hatchId: string }) {
  const plotTop = layout.bars[0]?.y ?? layout.seats.top;
  return (
    <g className="timeline-chart__markers">
      {layout.markers.map((placed) => {
        const { marker } = placed;
        const labelY = layout.markerRowsTop + placed.row * 18 + 12;
        const estimated = marker.estimate !== null;
        return (
          <g
            key={marker.id}
            className={`timeline-chart__marker timeline-chart__marker--${marker.tone}`}
            data-marker={marker.id}
            data-estimated={estimated}
          >
            <title>{`${markerText(marker)}: ${estimated ? 'at the latest ' : ''}${dateOf(marker.at)}`}</title>
            {placed.span !== null && (
              <rect
                className="timeline-chart__estimate"
                x={placed.span.x0}
                y={plotTop}
                width={Math.max(4, placed.span.x1 - placed.span.x0)}
                height={layout.seats.bottom - plotTop}
                fill={`url(#${hatchId})`}
              />
            )}
            <line x1={placed.x} x2={placed.x} y1={plotTop} y2={labelY - 10} />
            <text x={placed.labelX0 + 4} y={labelY} dominantBaseline="auto">
              {markerText(marker)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** The time axis with its month ticks, and the "today" line across the chart. */
export function TimeAxis({ layout }: { layout: ChartLayout }) {
  const plotTop = (layout.bars[0]?.y ?? layout.seats.top) - 8;
  return (
    <g className="timeline-chart__axis">
      <line x1={PLOT_X0} x2={PLOT_X1} y1={layout.axisY} y2={layout.axisY} />
      {layout.ticks.map((tick) => (
        <g key={tick.at} className="timeline-chart__tick">
          <line x1={tick.x} x2={tick.x} y1={layout.axisY} y2={layout.axisY + 4} />
          <text x={tick.x} y={layout.axisY + 16} textAnchor="middle">
            {tick.label}
          </text>
        </g>
      ))}
      <g className="timeline-chart__today" data-today="">
        <line x1={layout.todayX} x2={layout.todayX} y1={plotTop} y2={layout.axisY} />
        <text x={layout.todayX} y={plotTop - 4} textAnchor="middle">
          Today
        </text>
      </g>
    </g>
  );
}
