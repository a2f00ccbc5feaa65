import { notInstalledOrigin } from '../../../shared/links/renewed-not-installed';
import { InstanceNotComparedNote } from './InstanceNotComparedNote';
import type { PortalLicense } from './queries';
import { RenewedNotInstalledBadge } from './RenewedNotInstalledBadge';

/** After a license's status: each saved instance still without its key (paid or renewed), then each whose licenses were not read. */
export function LicenseInstanceNotes({ license }: { license: PortalLicense }) {
  const origin = notInstalledOrigin({ previousKeyFingerprint: license.previous_key_fingerprint });
  return (
    <>
      {license.instances
        .filter((instance) => instance.renewedNotInstalled)
        .map((instance) => (
          <RenewedNotInstalledBadge key={instance.instanceId} instanceName={instance.instanceName} origin={origin} />
        ))}
      {license.instances.map(
        (instance) =>
          instance.lastReadProblem !== null && (
            <InstanceNotComparedNote
              key={instance.instanceId}
              instanceId={instance.instanceId}
              instanceName={instance.instanceName}
              problem={instance.lastReadProblem}
            />
          ),
      )}
    </>
  );
}
