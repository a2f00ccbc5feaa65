import { InstallIdCell } from './InstallIdCell';
import { InstallIntoButton } from './InstallIntoButton';
import { LicenseExpiry } from './LicenseExpiry';
import { LicenseInstanceNotes } from './LicenseInstanceNotes';
import { useLicenseScreen } from './license-screen';
import { LicenseStatusBadge } from './LicenseStatusBadge';
import type { PortalLicense } from './queries';

function LicenseRow({ license, orgId, now }: { license: PortalLicense; orgId: string; now: number }) {
  const detailsOpened = useLicenseScreen((state) => state.detailsOpened);
  // Each saved instance with this Install ID has its own state: installed there, or not yet.
  const renewed = license.instances.filter((instance) => instance.renewedNotInstalled);
  return (
    <tr data-license-id={license.id} data-status={license.status}>
      <th scope="row">{license.nickname}</th>
      <td>
        <InstallIdCell license={license} />
      </td>
      <td className="num">{license.internal_users.toLocaleString()}</td>
      <td className="num">{license.external_users.toLocaleString()}</td>
      <td>
        <LicenseExpiry expiresAt={license.expires_at} now={now} />
      </td>
      <td>
        <span className="org-licenses__status">
          <LicenseStatusBadge status={license.status} />
          <LicenseInstanceNotes instances={license.instances} />
        </span>
      </td>
      <td className="licenses__actions">
        <button type="button" className="small-button" onClick={() => detailsOpened(license.id)}>
          Details<span className="sr-only"> of {license.nickname}</span>
        </button>
        {renewed.map((instance) => (
          <InstallIntoButton
            key={instance.instanceId}
            target={{
              orgId,
              licenseId: license.id,
              licenseName: license.nickname,
              instanceId: instance.instanceId,
              instanceName: instance.instanceName,
            }}
          />
        ))}
      </td>
    </tr>
  );
}

/** The organization's licenses, each with its instance, users, expiry and status. */
export function LicensesTable({
  licenses,
  orgId,
  now,
}: {
  licenses: readonly PortalLicense[];
  orgId: string;
  now: number;
}) {
  return (
    <div className="table-scroll">
      <table className="licenses org-licenses__table" aria-labelledby="org-licenses-heading">
        <thead>
          <tr>
            <th scope="col">License</th>
            <th scope="col">Install ID</th>
            <th scope="col">Internal users</th>
            <th scope="col">External users</th>
            <th scope="col">Expiry</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {licenses.map((license) => (
            <LicenseRow key={license.id} license={license} orgId={orgId} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
