import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { localDate } from '../../format/dates';
import { ModalDialog } from '../../ui/ModalDialog';
import { useInstanceScreen } from './instance-screen';
import { useDeleteLicense } from './mutations';
import { capacityWithout } from './capacity';

/** Whether the other licenses (as the instance's release counts them: expired ones too or not) still cover the users in use once this one is gone. */
function shortfall(remaining: { internalUsers: number; externalUsers: number }, usage: { internalUsers: number; externalUsers: number } | null): string | null {
  if (usage === null) return null;
  const parts = [
    usage.internalUsers > remaining.internalUsers ? `${usage.internalUsers.toLocaleString()} internal users against ${remaining.internalUsers.toLocaleString()} seats` : null,
    usage.externalUsers > remaining.externalUsers ? `${usage.externalUsers.toLocaleString()} external users against ${remaining.externalUsers.toLocaleString()} seats` : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(' and ');
}

/** Asks before deleting an installed license, naming it, its users and expiry; Cancel is the default. */
export function DeleteLicenseDialog({ detail }: { detail: InstanceDetail | null }) {
  const deletion = useInstanceScreen((state) => state.deletion);
  const deletionClosed = useInstanceScreen((state) => state.deletionClosed);
  const deletionUuid = deletion !== null && deletion.instanceId === detail?.instance.id ? deletion.licenseUuid : null;
  // Looked up in the page as it is now: a license deleted or replaced meanwhile is said to be gone.
  const license = deletionUuid === null ? null : (detail?.licenses.find((known) => known.licenseUuid === deletionUuid) ?? null);
  const deleteLicense = useDeleteLicense(detail?.instance.id ?? '');
  const deleting = deleteLicense.isPending;
  const deleteProblem = deleteLicense.error?.message ?? null;
  const licenseDeleteDialogClosed = (): void => {
    deleteLicense.reset();
    deletionClosed();
  };
  const short = detail === null || deletionUuid === null ? null : shortfall(capacityWithout(detail, deletionUuid, Date.now()), detail.instance.usage);
  const instanceName = detail?.instance.name ?? 'the instance';
  return (
    <ModalDialog open={deletionUuid !== null} onDismiss={licenseDeleteDialogClosed} labelledBy="delete-license-title" describedBy="delete-license-what" className="dialog">
      {license === null ? (
        <>
          <h2 id="delete-license-title">License already gone</h2>
          <p id="delete-license-what">This license is no longer installed on {instanceName}.</p>
          <div className="dialog__actions">
            <button type="button" onClick={licenseDeleteDialogClosed} data-autofocus>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id="delete-license-title">Delete the license “{license.name}”?</h2>
          <p id="delete-license-what">
            “{license.name}” ({license.internalUsers.toLocaleString()} internal and {license.externalUsers.toLocaleString()} external users, expires{' '}
            {localDate(license.expiry)}) will be deleted from {instanceName}. authentik stops counting its seats at once. This cannot be undone
            here: to get it back, install its key again.
          </p>
          {short !== null && (
            <p className="callout callout--bad">
              <strong>The other licenses would not cover the users in use</strong> ({short}). authentik would warn administrators two weeks
              later, then every user, and turn read-only after six weeks.
            </p>
          )}
          {deleteProblem !== null && (
            <p className="problem" role="alert">
              <strong>The license was not deleted.</strong> {deleteProblem}
            </p>
          )}
          <p className="notice" role="status">
            {deleting ? 'Deleting…' : ''}
          </p>
          <div className="dialog__actions">
            <button type="button" onClick={licenseDeleteDialogClosed} data-autofocus>
              Cancel
            </button>
            <button type="button" className="danger" aria-disabled={deleting} onClick={() => {
                if (!deleting) deleteLicense.mutate({ license, instanceName });
              }}>
              {deleting ? 'Deleting…' : `Delete “${license.name}”`}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
