import { usageView } from '../format/usage';

/** Current users against licensed seats as a bar with its numbers; a meter for assistive technology. */
export function UsageMeter({ used, licensed, noun }: { used: number | null; licensed: number | null; noun: string }) {
  const view = usageView(used, licensed, noun);
  if (view.level === 'unknown') {
    return (
      <span className="usage usage--unknown">
        <span aria-hidden="true">{view.counts}</span>
        <span className="sr-only">{view.spoken}</span>
      </span>
    );
  }
  const max = licensed === 0 ? (used ?? 0) : (licensed ?? 0);
  return (
    <span className={`usage usage--${view.level}`} data-level={view.level} title={view.spoken}>
      <span className="usage__counts" aria-hidden="true">
        {view.counts}
      </span>
      <span className="usage__line">
        <span
          className="usage__bar"
          role="meter"
          aria-label={noun}
          aria-valuemin={0}
          aria-valuemax={max}
          aria-valuenow={Math.min(used ?? 0, max)}
          aria-valuetext={view.spoken}
        >
          <span className="usage__fill" style={{ width: `${view.fill}%` }} />
        </span>
        <span className="usage__share" aria-hidden="true">
          {view.share}
        </span>
      </span>
    </span>
  );
}
