import { InstallIdCell } from './InstallIdCell';
import { LicenseExpiry } from './LicenseExpiry';
import { LicenseInstanceNotes } from './LicenseInstanceNotes';
import { LicenseRowActions } from './LicenseRowActions';
import { LicenseStatusBadge } from './LicenseStatusBadge';
import type { PortalLicense } from './queries';

type Role = 'owner' | 'member';

function LicenseRow({ license, orgId, role, now }: { license: PortalLicense; orgId: string; role: Role; now: number }) {
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
          <LicenseInstanceNotes license={license} />
        </span>
      </td>
      <td className="licenses__actions">
        <LicenseRowActions license={license} orgId={orgId} role={role} />
      </td>
    </tr>
  );
}

/** The organization's licenses, each with its instance, users, expiry and status. */
export function LicensesTable({
  licenses,
  orgId,
  role,
  now,
}: {
  licenses: readonly PortalLicense[];
  orgId: string;
  role: Role;
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
            <LicenseRow key={license.id} license={license} orgId={orgId} role={role} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
