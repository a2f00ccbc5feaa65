import { useEffect } from 'react';
import { SCREEN_HEADING_ID } from '../../app/navigation';
import { portalOpened } from '../../app/portal-navigation';
import type { OrgTab } from '../../app/portal-routes';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import { selectActiveAccount } from '../../store/portal-accounts';
import { usePortalAccounts, usePortalOrganization } from '../../store/portal-context';
import { OrgBillingTab } from '../billing/OrgBillingTab';
import { OrgMembersTab } from '../members/OrgMembersTab';
import { OrgLicensesTab } from '../portal-licenses/OrgLicensesTab';
import { RoleTag } from '../portal/RoleTag';
import { SignInFirst } from '../portal/SignInFirst';
import { EditOrganizationDialog } from './EditOrganizationDialog';
import { OrgOverviewTab } from './OrgOverviewTab';
import { ORG_TABPANEL_ID, orgTabId, OrgTabs } from './OrgTabs';

function TabPanel({ organization, tab }: { organization: Organization; tab: OrgTab }) {
  switch (tab) {
    case 'overview':
      return <OrgOverviewTab organization={organization} />;
    case 'members':
      return <OrgMembersTab orgId={organization.id} role={organization.role} />;
    case 'licenses':
      return <OrgLicensesTab orgId={organization.id} role={organization.role} />;
    case 'billing':
      return <OrgBillingTab orgId={organization.id} role={organization.role} />;
  }
}

/** `#org/<id>/<tab>`: one organization, its role for the active account, and its tabs. */
export function OrganizationPage({ id, tab }: { id: string; tab: OrgTab }) {
  const accountsListed = usePortalAccounts((state) => state.listed);
  const signedIn = usePortalAccounts((state) => selectActiveAccount(state) !== null);
  const organizationPageOpened = usePortalOrganization((state) => state.organizationPageOpened);
  const organizationPageClosed = usePortalOrganization((state) => state.organizationPageClosed);
  const organization = usePortalOrganization((state) => (state.orgId === id ? state.organization : null));
  const loading = usePortalOrganization((state) => state.loading);
  const loadProblem = usePortalOrganization((state) => state.loadProblem);
  const notice = usePortalOrganization((state) => state.notice);
  const problem = usePortalOrganization((state) => state.problem);
  const name = organization?.name ?? null;

  useEffect(() => {
    void organizationPageOpened(id);
    return () => organizationPageClosed();
  }, [id, organizationPageOpened, organizationPageClosed]);
  useEffect(() => {
    document.title = `${name ?? 'Organization'} · authentik License Manager`;
  }, [name]);

  if (accountsListed && !signedIn) {
    return <SignInFirst title="Organization" why="Sign in to the customer portal to see this organization." />;
  }

  return (
    <main className="screen screen--org" aria-labelledby={SCREEN_HEADING_ID} aria-busy={loading}>
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
      <div role="status" className="notice">
        {notice}
      </div>
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {organization !== null ? (
        <>
          <OrgTabs orgId={organization.id} orgName={organization.name} current={tab} />
          <div role="tabpanel" id={ORG_TABPANEL_ID} className="org-tabpanel" aria-labelledby={orgTabId(tab)} tabIndex={0}>
            <TabPanel organization={organization} tab={tab} />
          </div>
        </>
      ) : loadProblem !== null ? (
        <div className="problem" role="alert">
          <p>
            <strong>This organization could not be shown.</strong> {loadProblem.message}
          </p>
          <p>
            {loadProblem.code === 'not_found'
              ? 'The account in use is not a member of it. Switch to the account that is, from the account menu, or go back to your organizations.'
              : 'Go back to your organizations and open it again.'}
          </p>
        </div>
      ) : (
        <p className="muted" role="status">
          Reading the organization from the portal…
        </p>
      )}
      <EditOrganizationDialog />
    </main>
  );
}
