import { usePortalOrganization } from '../../store/portal-context';

/** The guide's note: an organization is deleted through a ticket in the Support center, not here. */
export function DeleteOrganizationNote() {
  const supportRequested = usePortalOrganization((state) => state.supportRequested);
  return (
    <section className="portal-note" aria-labelledby="delete-org-heading">
      <h3 id="delete-org-heading">Deleting the organization</h3>
      <p>If you need to delete an organization, open a ticket in the Support center. Neither the portal nor this app deletes one directly.</p>
      <button type="button" onClick={() => void supportRequested()}>
        Open the Support center
      </button>
    </section>
  );
}
