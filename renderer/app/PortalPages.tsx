import { OrgBillingTab } from '../features/billing/OrgBillingTab';
import { dashboardNoticeShown } from '../features/dashboard/dashboard-screen';
import { AcceptInvitationScreen } from '../features/members/AcceptInvitationScreen';
import { OrgMembersTab } from '../features/members/OrgMembersTab';
import { MyOrganizations } from '../features/organizations/MyOrganizations';
import { useOrganizationJoined } from '../features/organizations/mutations';
import { OrganizationPage, type OrgTabPanel } from '../features/organizations/OrganizationPage';
import { OrgLicensesTab } from '../features/portal-licenses/OrgLicensesTab';
import { PortalScreen } from '../features/portal/PortalScreen';
import type { OrgTab } from './portal-routes';

/** The organization page's tabs that other features draw. */
const otherOrgTab: OrgTabPanel = (organization, tab) => {
  switch (tab) {
    case 'members':
      return <OrgMembersTab orgId={organization.id} orgName={organization.name} role={organization.role} />;
    case 'licenses':
      return <OrgLicensesTab orgId={organization.id} role={organization.role} noticeElsewhere={dashboardNoticeShown} />;
    case 'billing':
      return <OrgBillingTab orgId={organization.id} role={organization.role} />;
  }
};

/** `#org/<id>/<tab>`, with the members, licenses and billing tabs. */
export function OrganizationRoute({ id, tab }: { id: string; tab: OrgTab }) {
  return <OrganizationPage id={id} tab={tab} otherTab={otherOrgTab} />;
}

/** `#invitation`: an accepted invitation opens the organization joined, shown at once. */
export function InvitationRoute({ link }: { link: string | null }) {
  const organizationJoined = useOrganizationJoined();
  return <AcceptInvitationScreen link={link} onJoined={organizationJoined} />;
}

/** `#portal`, with "My organizations" once signed in. */
export function PortalRoute() {
  return <PortalScreen organizations={<MyOrganizations />} />;
}
