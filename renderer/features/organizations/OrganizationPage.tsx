import { useEffect, type ReactNode } from 'react';
import { SCREEN_HEADING_ID } from '../../app/navigation';
import { portalOpened } from '../../app/portal-navigation';
import type { OrgTab } from '../../app/portal-routes';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import { useAccountsListed, useActiveAccountId } from '../../queries/portal-accounts';
import { RoleTag } from '../../ui/RoleTag';
import { SignInFirst } from '../../ui/SignInFirst';
import { EditOrganizationDialog } from './EditOrganizationDialog';
import { useOrganizationScreen } from './organization-screen';
import { OrgOverviewTab } from './OrgOverviewTab';
import { ORG_TABPANEL_ID, orgTabId, OrgTabs } from './OrgTabs';
import { useOrganization } from './queries';

/** The tabs other features draw (members, licenses, billing): the app shell passes them in. */
export type OtherOrgTab = Exclude<OrgTab, 'overview'>;
export type OrgTabPanel = (organization: Organization, tab: OtherOrgTab) => ReactNode;

interface OrganizationPageProps {
  id: string;
  tab: OrgTab;
  otherTab: OrgTabPanel;
}

/** Why the organization cannot be shown, and what to do. */
function LoadProblem({ code, message }: { code: string; message: string }) {
  return (
    <div className="problem" role="alert">
      <p>
        <strong>This organization could not be shown.</strong> {message}
      </p>
      <p>
        {code === 'not_found'
          ? 'The account in use is not a member of it. Switch to the account that is, from the account menu, or go back to your organizations.'
          : 'Go back to your organizations and open it again.'}
      </p>
    </div>
  );
}

function OrganizationView({ id, tab, otherTab }: OrganizationPageProps) {
  const query = useOrganization(id);
  const pageClosed = useOrganizationScreen((state) => state.pageClosed);
  // A failed read hides what an earlier one showed: the caller may have lost the organization.
  const organization = query.isError ? null : (query.data ?? null);
  const name = organization?.name ?? null;

  useEffect(() => pageClosed, [pageClosed]);
  useEffect(() => {
    document.title = `${name ?? 'Organization'} · authentik License Manager`;
  }, [name]);

  return (
    <main className="screen screen--org" aria-labelledby={SCREEN_HEADING_ID} aria-busy={query.isFetching}>
      <p className="back-link">
        <a
          href="#portal"
          onClick={(event) => {
            event.preventDefault();
            portalOpened();
          }}
        >
          ← My organizations
        </a>
      </p>
      <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
        {name ?? 'Organization'}
      </h1>
      {organization !== null && (
        <p className="org-role">
          Your role: <RoleTag role={organization.role} />
        </p>
      )}
      {organization !== null ? (
        <>
          <OrgTabs orgId={organization.id} orgName={organization.name} current={tab} />
          <div
            role="tabpanel"
            id={ORG_TABPANEL_ID}
            className="org-tabpanel"
            aria-labelledby={orgTabId(tab)}
            tabIndex={0}
          >
            {tab === 'overview' ? <OrgOverviewTab organization={organization} /> : otherTab(organization, tab)}
          </div>
          <EditOrganizationDialog organization={organization} />
        </>
      ) : query.isError ? (
        <LoadProblem code={query.error.code} message={query.error.message} />
      ) : (
        <p className="muted" role="status">
          Reading the organization from the portal…
        </p>
      )}
    </main>
  );
}

/** `#org/<id>/<tab>`: one organization, its role for the active account, and its tabs. */
export function OrganizationPage({ id, tab, otherTab }: OrganizationPageProps) {
  const accountsListed = useAccountsListed();
  const accountId = useActiveAccountId();
  if (accountsListed && accountId === null) {
    return <SignInFirst title="Organization" why="Sign in to the customer portal to see this organization." />;
  }
  // Another account or organization is a page of its own: nothing carries over (a dialog, an action in flight).
  return <OrganizationView key={`${accountId ?? ''}/${id}`} id={id} tab={tab} otherTab={otherTab} />;
}
