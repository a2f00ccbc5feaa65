import { useEffect } from 'react';
import { useDashboardScreen } from './dashboard-screen';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDeleteOrphanedTokens } from './mutations';
import { useVaultAudit } from './queries';

const NONE: readonly string[] = [];

/** Asks before deleting the tokens in the vault that belong to no saved instance; Cancel is the default. */
export function DeleteOrphansDialog() {
  const open = useDashboardScreen((state) => state.orphansDialogOpen);
  const orphanDeleteDialogClosed = useDashboardScreen((state) => state.orphansDialogClosed);
  const accounts = useVaultAudit().data?.orphanedAccounts ?? NONE;
  const deletion = useDeleteOrphanedTokens();
  const { reset } = deletion;
  // Each confirmation starts without the last one's refusal.
  useEffect(() => {
    if (open) reset();
  }, [open, reset]);
  const count = accounts.length;
  const noun = count === 1 ? 'token' : 'tokens';
  return (
    <ConfirmDialog
      open={open}
      onClose={orphanDeleteDialogClosed}
      idPrefix="orphans"
      title={`Delete ${count.toLocaleString()} orphaned ${noun}?`}
      what={
        <>
          These API tokens in this computer’s token vault belong to no instance saved in this app. They are deleted from
          the vault; the authentik instances themselves and their tokens in authentik are not touched.
        </>
      }
      confirm={{
        label: `Delete ${count.toLocaleString()} ${noun}`,
        busyLabel: 'Deleting…',
        busy: deletion.isPending,
        disabled: count === 0,
        run: () => deletion.mutate(),
        problem: deletion.error?.message ?? null,
        problemLead: 'Deleting the entries failed.',
        announce: true,
      }}
    >
      <ul className="orphans-list">
        {accounts.map((account) => (
          <li key={account} className="mono">
            {account}
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
