import { useOpenSupport } from './mutations';

/** The guide's note: an organization is deleted through a ticket in the Support center, not here. */
export function DeleteOrganizationNote() {
  const support = useOpenSupport();
  return (
    <section className="portal-note" aria-labelledby="delete-org-heading">
      <h3 id="delete-org-heading">Deleting the organization</h3>
      <p>
        If you need to delete an organization, open a ticket in the Support center. Neither the portal nor this app
        deletes one directly.
      </p>
      <button
        type="button"
        aria-disabled={support.isPending}
        onClick={() => !support.isPending && support.mutate(undefined)}
      >
        Open the Support center
      </button>
      <div role="status" className="notice">
        {support.isSuccess && `Opened the Support center (${support.data.url}) in your browser.`}
      </div>
      {support.isError && (
        <p className="problem" role="alert">
          The Support center could not be opened: {support.error.message}
        </p>
      )}
    </section>
  );
}
