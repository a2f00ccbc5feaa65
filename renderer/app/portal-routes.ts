/** The organization page's tabs, in order. */
export const ORG_TABS = ['overview', 'members', 'licenses', 'billing'] as const;
export type OrgTab = (typeof ORG_TABS)[number];

export const ORG_TAB_TITLES: Record<OrgTab, string> = {
  overview: 'Overview',
  members: 'Members',
  licenses: 'Licenses',
  billing: 'Billing',
};

/** The portal's routes beyond its screen (`#portal`): an organization's page, and accepting an invitation. */
export type PortalRoute = { screen: 'org'; id: string; tab: OrgTab } | { screen: 'invitation'; link: string | null };

const ORG_FRAGMENT = /^org\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/([a-z]+))?$/i;
const INVITATION_FRAGMENT = /^invitation(?:\?(.*))?$/;

export const orgFragment = (id: string, tab: OrgTab): string => `org/${id.toLowerCase()}/${tab}`;

/** `#invitation`, or `#invitation?link=<encoded>` as the shell's deep links will open it. */
export const invitationFragment = (link: string | null): string =>
  link === null ? 'invitation' : `invitation?${new URLSearchParams({ link }).toString()}`;

/** The portal route a fragment names, or null when it names none (an unknown tab opens the Overview). */
export function portalRouteOf(fragment: string): PortalRoute | null {
  const org = ORG_FRAGMENT.exec(fragment);
  if (org?.[1] !== undefined) {
    const tab = (ORG_TABS as readonly string[]).includes(org[2] ?? '') ? (org[2] as OrgTab) : 'overview';
    return { screen: 'org', id: org[1].toLowerCase(), tab };
  }
  const invitation = INVITATION_FRAGMENT.exec(fragment);
  if (invitation === null) return null;
  const link = new URLSearchParams(invitation[1] ?? '').get('link');
  return { screen: 'invitation', link: link === null || link.trim() === '' ? null : link };
}

/** The fragment in its one spelling (a stable snapshot for the router), or null when it is no portal route. */
export function portalFragmentOf(fragment: string): string | null {
  const route = portalRouteOf(fragment);
  if (route === null) return null;
  return route.screen === 'org' ? orgFragment(route.id, route.tab) : invitationFragment(route.link);
}
