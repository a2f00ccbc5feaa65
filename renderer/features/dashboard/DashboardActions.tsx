import { selectHasInstances } from '../../store/instance-selectors';
import { useInstances } from '../../store/instances-context';

/** Add an instance, refresh them all, export the list. */
export function DashboardActions() {
  const hasInstances = useInstances(selectHasInstances);
  const refreshingAll = useInstances((state) => state.refreshingAll);
  const refreshAllRequested = useInstances((state) => state.refreshAllRequested);
  const addDialogOpened = useInstances((state) => state.addDialogOpened);
  const exportRequested = useInstances((state) => state.exportRequested);
  // Without instances the empty state offers "Add instance" on its own.
  if (!hasInstances) return null;
  return (
    <div className="dashboard-actions" role="group" aria-label="Instance actions">
      <button type="button" className="primary" onClick={addDialogOpened}>
        Add instance
      </button>
      <button type="button" aria-disabled={refreshingAll} onClick={() => void refreshAllRequested()}>
        {refreshingAll ? 'Refreshing…' : 'Refresh all'}
      </button>
      <button type="button" onClick={() => void exportRequested('csv')} title="Every instance, without tokens">
        Export CSV
      </button>
      <button type="button" onClick={() => void exportRequested('json')} title="Every instance, without tokens">
        Export JSON
      </button>
    </div>
  );
}
