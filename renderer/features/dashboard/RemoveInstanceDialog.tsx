import { useEffect } from 'react';
import { useInstanceRows } from '../../queries/instance-list';
import { useDashboardScreen } from './dashboard-screen';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useRemoveInstance } from './mutations';

/** Asks before removing an instance, naming it and saying what is (and is not) removed. */
export function RemoveInstanceDialog() {
  const removalId = useDashboardScreen((state) => state.removalId);
  const removeDialogClosed = useDashboardScreen((state) => state.removeDialogClosed);
  const rows = useInstanceRows();
  const row = removalId === null ? null : (rows.find((candidate) => candidate.id === removalId) ?? null);
  const remove = useRemoveInstance();
  const { reset } = remove;
  // Each confirmation starts without the last one's refusal.
  useEffect(() => reset(), [removalId, reset]);
  const dialog = { open: removalId !== null, onClose: removeDialogClosed, idPrefix: 'remove' };
  if (row === null) {
    return (
      <ConfirmDialog
        {...dialog}
        title="Instance already removed"
        what="This instance is no longer in the list."
        confirm={null}
      />
    );
  }
  return (
    <ConfirmDialog
      {...dialog}
      title={`Remove ${row.name}?`}
      what={
        <>
          {row.name} ({row.url}) will be removed from this app and its API token deleted from the token vault. Nothing
          changes on the authentik instance itself: its licenses stay installed.
        </>
      }
      confirm={{
        label: `Remove ${row.name}`,
        busyLabel: 'Removing…',
        busy: remove.isPending,
        run: () => remove.mutate(row.id),
        problem: remove.error?.message ?? null,
      }}
    />
  );
}
