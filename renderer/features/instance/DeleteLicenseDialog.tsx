import { useState } from 'react';
import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { When } from '../../ui/When';
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
  // Asked again for every license the dialog opens on.
  const [consent, setConsent] = useState<{ uuid: string | null; given: boolean }>({ uuid: null, given: false });
  const consented = consent.uuid === deletionUuid && consent.given;
  const licenseDeleteDialogClosed = (): void => {
    deleteLicense.reset();
    setConsent({ uuid: null, given: false });
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
          {license.externalUsers.toLocaleString()} external users, expires <When at={license.expiry} />) will be deleted
          from {instanceName}. authentik stops counting its seats at once. For 10 seconds after, Undo installs its key
          again.
        </>
      }
      confirm={{
        label: `Delete “${license.name}”`,
        busyLabel: 'Deleting…',
        busy: deleteLicense.isPending,
        // Leaving users without a license needs the same explicit consent as an install that does.
        disabled: short !== null && !consented,
        run: () => deleteLicense.mutate({ license, instanceName, allowOverCapacity: short !== null && consented }),
        problem: deleteLicense.error?.message ?? null,
        problemLead: 'The license was not deleted.',
        announce: true,
      }}
    >
      {short !== null && (
        <div className="callout callout--bad">
          <p id="delete-license-uncovered">
            <strong>The other licenses would not cover the users in use</strong> ({short}). authentik would warn
            administrators two weeks later, then every user, and turn read-only after six weeks.
          </p>
          <div className="install-consent__check">
            <input
              id="delete-license-consent"
              type="checkbox"
              checked={consented}
              disabled={deleteLicense.isPending}
              aria-describedby="delete-license-uncovered"
              onChange={(event) => setConsent({ uuid: deletionUuid, given: event.target.checked })}
            />
            <label htmlFor="delete-license-consent">
              I understand that users on {instanceName} are left without a license; delete anyway
            </label>
          </div>
        </div>
      )}
    </ConfirmDialog>
  );
}
