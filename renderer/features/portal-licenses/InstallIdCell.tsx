import type { PortalLicense } from './queries';
import { InstanceLink } from './InstanceLink';
import { shortInstallId } from './license-words';

/** The license's Install ID, linked to every saved instance with that Install ID. */
export function InstallIdCell({ license }: { license: PortalLicense }) {
  const { instances } = license;
  return (
    <span className="install-id-cell">
      {instances.length === 0 ? (
        <span className="hint">No saved instance</span>
      ) : (
        <span className="install-id-cell__instances">
          {instances.map((instance) => (
            <InstanceLink key={instance.instanceId} instance={instance} />
          ))}
        </span>
      )}
      <code className="install-id-cell__id" title={license.install_id}>
        {shortInstallId(license.install_id)}
        <span className="sr-only"> (Install ID {license.install_id})</span>
      </code>
    </span>
  );
}
