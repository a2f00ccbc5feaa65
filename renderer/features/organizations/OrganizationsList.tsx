import { useState } from 'react';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import { invitationOpened, organizationOpened } from '../../app/portal-navigation';
import { RoleTag } from '../../ui/RoleTag';
import { CreateOrganizationDialog } from './CreateOrganizationDialog';

/** "My organizations": each with the caller's role; its name opens its page. */
export function OrganizationsList({ organizations }: { organizations: readonly Organization[] }) {
  const [creating, setCreating] = useState(false);
  return (
    <section className="portal-panel" aria-labelledby="orgs-heading">
      <h2 id="orgs-heading">Your organizations</h2>
      <table className="portal-table">
        <caption className="sr-only">Your organizations and your role in each</caption>
        <thead>
          <tr>
            <th scope="col">Organization</th>
            <th scope="col">Your role</th>
            <th scope="col">Notification e-mail</th>
          </tr>
        </thead>
        <tbody>
          {organizations.map((organization) => (
            <tr key={organization.id}>
              <th scope="row">
                <a
                  href={`#org/${organization.id}/overview`}
                  onClick={(event) => {
                    event.preventDefault();
                    organizationOpened(organization.id);
                  }}
                >
                  {organization.name}
                </a>
              </th>
              <td>
                <RoleTag role={organization.role} />
              </td>
              <td>{organization.notification_email}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          Create an organization
        </button>
        <button type="button" onClick={invitationOpened}>
          Accept an invitation
        </button>
      </div>
      <CreateOrganizationDialog open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}
