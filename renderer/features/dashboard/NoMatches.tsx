import { useInstances } from '../../store/instances-context';

/** Filters that leave no instance, and the way back. */
export function NoMatches() {
  const filtersCleared = useInstances((state) => state.filtersCleared);
  return (
    <div className="empty-state">
      <p>No instance matches these filters.</p>
      <button type="button" onClick={filtersCleared}>
        Clear filters
      </button>
    </div>
  );
}
