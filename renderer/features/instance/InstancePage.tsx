import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { instancesReturned, SCREEN_HEADING_ID } from '../../app/navigation';
import { useInstanceList } from '../../queries/instance-list';
import { useNow } from '../../ui/use-now';
import { BackToInstances } from './BackToInstances';
import { DeleteLicenseDialog } from './DeleteLicenseDialog';
import { InstanceDetailView } from './InstanceDetailView';
import { useInstanceScreen } from './instance-screen';
import type { InstanceSlots } from './instance-slots';
import { instanceMutationKeys } from './mutations';
import { useInstanceDetail } from '../../queries/instance-detail';

const CLOCK_TICK_MS = 30_000;

/** Leaves for the dashboard once the instance is removed (from this page's Remove, or anywhere else). */
function useLeaveWhenRemoved(id: string): void {
  const list = useInstanceList().data;
  const saved = list === undefined ? null : list.instances.some((row) => row.id === id);
  const seen = useRef(false);
  useEffect(() => {
    if (saved === true) seen.current = true;
    if (saved === false && seen.current) instancesReturned({ replace: true });
  }, [saved]);
}

/** One instance: Install ID, status, warnings, licenses and the dates that matter, with every action on them. */
export function InstancePage({ id, slots }: { id: string; slots: InstanceSlots }) {
  const query = useInstanceDetail(id);
  const detail = query.data ?? null;
  const loading = query.isPending;
  const loadProblem = query.error?.message ?? null;
  const pageClosed = useInstanceScreen((state) => state.pageClosed);
  const queryClient = useQueryClient();
  // The page's dialogs (remove, install) look the instance up in the list: reading it here asks for it.
  const listedName = useInstanceList().data?.instances.find((row) => row.id === id)?.name ?? null;
  const name = detail?.instance.name ?? listedName;
  const now = useNow(CLOCK_TICK_MS);

  useEffect(() => {
    return () => {
      // Leaving the page forgets its notice, its dialog and what its actions left to say.
      pageClosed();
      const mutations = queryClient.getMutationCache();
      for (const mutation of mutations.findAll({ mutationKey: instanceMutationKeys.page(id), status: 'error' }))
        mutations.remove(mutation);
    };
  }, [id, pageClosed, queryClient]);
  useLeaveWhenRemoved(id);
  useEffect(() => {
    document.title = `${name ?? 'Instance'} · authentik License Manager`;
  }, [name]);

  return (
    <main className="screen screen--instance instance-page" aria-labelledby={SCREEN_HEADING_ID} aria-busy={loading}>
      <BackToInstances />
      {detail !== null ? (
        <InstanceDetailView detail={detail} now={now} loadProblem={loadProblem} slots={slots} />
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
      <DeleteLicenseDialog detail={detail} now={now} />
      {slots.dialogs}
    </main>
  );
}
