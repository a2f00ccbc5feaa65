import { instanceOpened } from '../../app/navigation';
import type { LicenseInstanceLink } from './queries';

/** A saved instance a license is for, as a link to its page. */
export function InstanceLink({ instance }: { instance: LicenseInstanceLink }) {
  return (
    <a
      href={`#instance/${instance.instanceId}`}
      onClick={(event) => {
        // One window only: the instance's page opens here, and "back" returns to this list.
        event.preventDefault();
        instanceOpened(instance.instanceId);
      }}
    >
      {instance.instanceName}
    </a>
  );
}
