import { fragmentChosen, screenChosen } from './navigation';
import { invitationFragment, orgFragment, type OrgTab } from './portal-routes';

/** Opens an organization's page on a tab. */
export function organizationOpened(id: string, tab: OrgTab = 'overview'): void {
  fragmentChosen(orgFragment(id, tab));
}

/** Another tab of the open organization page: it replaces the entry, so Back leaves the page rather than stepping through tabs. */
export function orgTabChosen(id: string, tab: OrgTab): void {
  fragmentChosen(orgFragment(id, tab), { replace: true });
}

export function invitationOpened(): void {
  fragmentChosen(invitationFragment(null));
}

/** The deep link's invitation was read into the screen: the link (with its token) leaves the address. */
export function invitationLinkConsumed(): void {
  fragmentChosen(invitationFragment(null), { replace: true });
}

export function portalOpened(): void {
  screenChosen('portal');
}
