import { useEffect, useRef } from 'react';
import { instancesReturned, SCREEN_HEADING_ID } from '../../app/navigation';
import { useInstancePage } from '../../store/instance-page-context';
import { useInstances } from '../../store/instances-context';
import { EditInstanceDialog } from '../dashboard/EditInstanceDialog';
import { RemoveInstanceDialog } from '../dashboard/RemoveInstanceDialog';
import { useNow } from '../dashboard/use-now';
import { InstallDialog } from '../install/InstallDialog';
import { BackToInstances } from './BackToInstances';
import { DeleteLicenseDialog } from './DeleteLicenseDialog';
import { InstanceDetailView } from './InstanceDetailView';

const CLOCK_TICK_MS = 30_000;

/** Leaves for the dashboard once the instance is removed (from this page's Remove, or anywhere else). */
function useLeaveWhenRemoved(id: string): void {
  const saved = useInstances((state) => (state.listed ? state.rows.some((row) => row.id === id) : null));
  const seen = useRef(false);
  useEffect(() => {
    if (saved === true) seen.current = true;
    if (saved === false && seen.current) instancesReturned({ replace: true });
  }, [saved]);
}

/** One instance: Install ID, status, warnings, licenses and the dates that matter, with every action on them. */
export function InstancePage({ id }: { id: string }) {
  const instancePageOpened = useInstancePage((state) => state.instancePageOpened);
  const instancePageClosed = useInstancePage((state) => state.instancePageClosed);
  const detail = useInstancePage((state) => (state.id === id ? state.detail : null));
  const loading = useInstancePage((state) => state.loading);
  const loadProblem = useInstancePage((state) => state.loadProblem);
  const listedName = useInstances((state) => state.rows.find((row) => row.id === id)?.name ?? null);
  const name = detail?.instance.name ?? listedName;
  const now = useNow(CLOCK_TICK_MS);

  useEffect(() => {
    void instancePageOpened(id);
    return () => instancePageClosed();
  }, [id, instancePageOpened, instancePageClosed]);
  useLeaveWhenRemoved(id);
  useEffect(() => {
    document.title = `${name ?? 'Instance'} · authentik License Manager`;
  }, [name]);

  return (
    <main className="screen screen--instance instance-page" aria-labelledby={SCREEN_HEADING_ID} aria-busy={loading}>
      <BackToInstances />
      {detail !== null ? (
        <InstanceDetailView detail={detail} now={now} />
      ) : (
        <>
          <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
            {name ?? 'Instance'}
          </h1>
          {loadProblem !== null ? (
            <div className="problem" role="alert">
              <p>
                <strong>This instance could not be shown.</strong> {loadProblem}
              </p>
              <p>Go back to the instances and open it again; if it was removed, it is no longer in the list.</p>
            </div>
          ) : (
            <p className="muted" role="status">
              Loading {name ?? 'the instance'}…
            </p>
          )}
        </>
      )}
      <DeleteLicenseDialog />
      <RemoveInstanceDialog />
      <InstallDialog />
      <EditInstanceDialog />
    </main>
  );
}
