import type { PortalLicense } from '../../store/portal-licenses';
import { InstanceLink } from './InstanceLink';
import { shortInstallId } from './license-words';

/** The license's Install ID, linked to the saved instance with that Install ID when there is one. */
export function InstallIdCell({ license }: { license: PortalLicense }) {
  const { instance } = license;
  return (
    <span className="install-id-cell">
      {instance === null ? <span className="hint">No saved instance</span> : <InstanceLink instance={instance} />}
      <code className="install-id-cell__id" title={license.install_id}>
        {shortInstallId(license.install_id)}
        <span className="sr-only"> (Install ID {license.install_id})</span>
      </code>
    </span>
  );
}
