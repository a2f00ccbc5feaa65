import { useDashboardScreen } from './dashboard-screen';

/**
 * "Refresh all" under way: a progress bar with done/total as main reports it. Its line is kept while no
 * refresh runs, so the table does not jump when one starts or ends.
 */
export function RefreshProgress() {
  const progress = useDashboardScreen((state) => state.progress);
  if (progress === null) return <div className="refresh-progress" />;
  const { done, total } = progress;
  return (
    <div className="refresh-progress">
      <label htmlFor="refresh-progress">Refreshing instances</label>
      {total > 0 ? (
        <progress
          id="refresh-progress"
          max={total}
          value={Math.min(done, total)}
          aria-describedby="refresh-progress-count"
        />
      ) : (
        <progress id="refresh-progress" aria-describedby="refresh-progress-count" />
      )}
      <span id="refresh-progress-count" className="refresh-progress__count">
        {done.toLocaleString()} of {total.toLocaleString()}
      </span>
    </div>
  );
}
