import { InstanceNotComparedNote } from './InstanceNotComparedNote';
import type { PortalLicense } from './queries';
import { RenewedNotInstalledBadge } from './RenewedNotInstalledBadge';

/** After a license's status: each saved instance still on the old key, then each whose licenses were not read. */
export function LicenseInstanceNotes({ instances }: { instances: PortalLicense['instances'] }) {
  return (
    <>
      {instances
        .filter((instance) => instance.renewedNotInstalled)
        .map((instance) => (
          <RenewedNotInstalledBadge key={instance.instanceId} instanceName={instance.instanceName} />
        ))}
      {instances.map(
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
