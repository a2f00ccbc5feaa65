import { useDashboardScreen } from './dashboard-screen';

/** Filters that leave no instance, and the way back. */
export function NoMatches() {
  const filtersCleared = useDashboardScreen((state) => state.filtersCleared);
  return (
    <div className="empty-state">
      <p>No instance matches these filters.</p>
      <button type="button" onClick={filtersCleared}>
        Clear filters
      </button>
    </div>
  );
}
