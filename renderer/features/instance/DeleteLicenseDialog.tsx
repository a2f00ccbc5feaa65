import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { localDate } from '../../format/dates';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useInstanceScreen } from './instance-screen';
import { useDeleteLicense } from './mutations';
import { capacityWithout } from './capacity';

/** Whether the other licenses (as the instance's release counts them: expired ones too or not) still cover the users in use once this one is gone. */
function shortfall(
  remaining: { internalUsers: number; externalUsers: number },
  usage: { internalUsers: number; externalUsers: number } | null,
): string | null {
  if (usage === null) return null;
  const parts = [
    usage.internalUsers > remaining.internalUsers
      ? `${usage.internalUsers.toLocaleString()} internal users against ${remaining.internalUsers.toLocaleString()} seats`
      : null,
    usage.externalUsers > remaining.externalUsers
      ? `${usage.externalUsers.toLocaleString()} external users against ${remaining.externalUsers.toLocaleString()} seats`
      : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(' and ');
}

/** Asks before deleting an installed license, naming it, its users and expiry; Cancel is the default. */
export function DeleteLicenseDialog({ detail, now }: { detail: InstanceDetail | null; now: number }) {
  const deletion = useInstanceScreen((state) => state.deletion);
  const deletionClosed = useInstanceScreen((state) => state.deletionClosed);
  const deletionUuid = deletion !== null && deletion.instanceId === detail?.instance.id ? deletion.licenseUuid : null;
  // Looked up in the page as it is now: a license deleted or replaced meanwhile is said to be gone.
  const license =
    deletionUuid === null ? null : (detail?.licenses.find((known) => known.licenseUuid === deletionUuid) ?? null);
  const deleteLicense = useDeleteLicense(detail?.instance.id ?? '');
  const licenseDeleteDialogClosed = (): void => {
    deleteLicense.reset();
    deletionClosed();
  };
  const short =
    detail === null || deletionUuid === null
      ? null
      : shortfall(capacityWithout(detail, deletionUuid, now), detail.instance.usage);
  const instanceName = detail?.instance.name ?? 'the instance';
  const open = deletionUuid !== null;
  if (license === null) {
    return (
      <ConfirmDialog
        open={open}
        onClose={licenseDeleteDialogClosed}
        idPrefix="delete-license"
        title="License already gone"
        what={`This license is no longer installed on ${instanceName}.`}
        confirm={null}
      />
    );
  }
  return (
    <ConfirmDialog
      open={open}
      onClose={licenseDeleteDialogClosed}
      idPrefix="delete-license"
      title={`Delete the license “${license.name}”?`}
      what={
        <>
          “{license.name}” ({license.internalUsers.toLocaleString()} internal and{' '}
          {license.externalUsers.toLocaleString()} external users, expires {localDate(license.expiry)}) will be deleted
          from {instanceName}. authentik stops counting its seats at once. This cannot be undone here: to get it back,
          install its key again.
        </>
      }
      confirm={{
        label: `Delete “${license.name}”`,
        busyLabel: 'Deleting…',
        busy: deleteLicense.isPending,
        run: () => deleteLicense.mutate({ license, instanceName }),
        problem: deleteLicense.error?.message ?? null,
        problemLead: 'The license was not deleted.',
        announce: true,
      }}
    >
      {short !== null && (
        <p className="callout callout--bad">
          <strong>The other licenses would not cover the users in use</strong> ({short}). authentik would warn
          administrators two weeks later, then every user, and turn read-only after six weeks.
        </p>
      )}
    </ConfirmDialog>
  );
}
