import type { Organization } from '../../../shared/portal/schemas/organizations';
import { localDate } from '../../format/dates';
import { ROLE_SUMMARIES } from '../../store/portal-roles';
import { RoleTag } from '../../ui/RoleTag';
import { DeleteOrganizationNote } from './DeleteOrganizationNote';
import { useOrganizationScreen } from './organization-screen';

/** The organization's details; the Owner's Edit; and how to delete it (a support ticket). */
export function OrgOverviewTab({ organization }: { organization: Organization }) {
  const editOpened = useOrganizationScreen((state) => state.editOpened);
  const owner = organization.role === 'owner';
  return (
    <section className="portal-panel" aria-labelledby="org-overview-heading">
      <h2 id="org-overview-heading">Details</h2>
      <dl className="details">
        <dt>Name</dt>
        <dd>{organization.name}</dd>
        <dt>Notification e-mail</dt>
        <dd>{organization.notification_email}</dd>
        <dt>Your role</dt>
        <dd>
          <RoleTag role={organization.role} /> <span className="muted">{ROLE_SUMMARIES[organization.role]}.</span>
        </dd>
        <dt>Created</dt>
        <dd>
          <time dateTime={organization.created_at}>{localDate(organization.created_at)}</time>
        </dd>
      </dl>
      {owner ? (
        <button type="button" onClick={editOpened}>
          Edit organization
        </button>
      ) : (
        <p className="hint">
          Only an Owner can edit the organization. Ask an Owner to change it, or to make you an Owner.
        </p>
      )}
      <DeleteOrganizationNote />
    </section>
  );
}
