import type { ReactNode } from 'react';
import { useInstanceRows, useRefreshAllRunning } from '../../queries/instance-list';
import { useDashboardScreen } from './dashboard-screen';
import { useExportInstances, useRefreshAll } from './mutations';

/** Add an instance (or import many: `importAction`, from the app shell), refresh them all, export the list. */
export function DashboardActions({ importAction }: { importAction?: ReactNode } = {}) {
  const hasInstances = useInstanceRows().length > 0;
  const refreshingAll = useRefreshAllRunning();
  const refreshAll = useRefreshAll();
  const addDialogOpened = useDashboardScreen((state) => state.addDialogOpened);
  const exportInstances = useExportInstances();
  // Without instances the empty state offers "Add instance" on its own; importing many stays here.
  if (!hasInstances && importAction === undefined) return null;
  return (
    <div className="dashboard-actions" role="group" aria-label="Instance actions">
      {hasInstances && (
        <button type="button" className="primary" onClick={addDialogOpened}>
          Add instance
        </button>
      )}
      {importAction}
      {hasInstances && (
        <>
          <button
            type="button"
            className="refresh-all"
            aria-disabled={refreshingAll}
            onClick={() => refreshingAll || refreshAll.mutate()}
          >
            {refreshingAll ? 'Refreshing…' : 'Refresh all'}
          </button>
          <button type="button" onClick={() => exportInstances.mutate('csv')} title="Every instance, without tokens">
            Export CSV
          </button>
          <button type="button" onClick={() => exportInstances.mutate('json')} title="Every instance, without tokens">
            Export JSON
          </button>
        </>
      )}
    </div>
  );
}
