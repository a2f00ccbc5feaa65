import { describe, expect, it } from 'vitest';
import { invitationFragment, portalFragmentOf, portalRouteOf } from '../../../renderer/app/portal-routes';

const ORG = '6B3C8A51-2F4E-4D7A-9C1B-0E5F7A9D2C44';

describe('portal routes', () => {
  it('reads an organization page with its tab; no tab or an unknown one is the Overview', () => {
    expect(portalRouteOf(`org/${ORG}/members`)).toEqual({ screen: 'org', id: ORG.toLowerCase(), tab: 'members' });
    expect(portalRouteOf(`org/${ORG}`)).toEqual({ screen: 'org', id: ORG.toLowerCase(), tab: 'overview' });
    expect(portalFragmentOf(`org/${ORG}/settings`)).toBe(`org/${ORG.toLowerCase()}/overview`);
    expect(portalRouteOf('org/not-an-id/members')).toBeNull();
  });

  it('carries an invitation link through the deep-link address unchanged', () => {
    const link = 'https://customers.goauthentik.io/invitations/accept?token=a.b~c-d_e&x=1#frag';
    expect(portalRouteOf(invitationFragment(link))).toEqual({ screen: 'invitation', link });
    expect(portalRouteOf('invitation')).toEqual({ screen: 'invitation', link: null });
    expect(portalRouteOf('invitation?link=')).toEqual({ screen: 'invitation', link: null });
    expect(portalRouteOf('instances')).toBeNull();
  });
});
