import { FirstRun } from './FirstRun';
import { OrganizationsList } from './OrganizationsList';
import { useOrganizations } from './queries';

/** The active account's organizations: reading, a problem with what to do, the first run, or the list. */
export function MyOrganizations() {
  const query = useOrganizations();
  if (query.isError) {
    return (
      <div className="problem" role="alert">
        <p>
          <strong>Your organizations could not be read.</strong> {query.error.message}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (query.data === undefined) {
    return (
      <p className="muted" role="status">
        Reading your organizations from the portal…
      </p>
    );
  }
  // First run: the account belongs to no organization yet.
  return query.data.length === 0 ? <FirstRun /> : <OrganizationsList organizations={query.data} />;
}
