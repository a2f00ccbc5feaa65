import { activeClient, portalChanged, type PortalSession } from '../../portal/portal-session';
import { portalAnswering } from '../answering/portal-answering';
import { openPortalPage } from '../answering/portal-pages';
import type { Handlers } from '../handlers';

type OrganizationChannels =
  | 'portal:list-organizations'
  | 'portal:create-organization'
  | 'portal:get-organization'
  | 'portal:update-organization'
  | 'portal:open-support';

/** "My organizations", one organization's details, and the support center (deleting an organization is a ticket there). */
export function portalOrganizationHandlers(session: PortalSession): Pick<Handlers, OrganizationChannels> {
  return {
    'portal:list-organizations': async () =>
      portalAnswering(async () => {
        const client = activeClient(session);
        const [organizations, config] = await Promise.all([client.listOrganizations(), client.config()]);
        return { organizations, supportUrl: config.support_url };
      }),

    'portal:create-organization': async (body) =>
      portalAnswering(async () => {
        const organization = await activeClient(session).createOrganization(body);
        portalChanged(session);
        return { organization };
      }),

    'portal:get-organization': async ({ org }) =>
      portalAnswering(async () => {
        const client = activeClient(session);
        const [organization, config] = await Promise.all([client.getOrganization(org), client.config()]);
        return { organization, supportUrl: config.support_url };
      }),

    'portal:update-organization': async ({ org, change }) =>
      portalAnswering(async () => {
        const organization = await activeClient(session).updateOrganization(org, change);
        portalChanged(session);
        return { organization };
      }),

    'portal:open-support': async () =>
      portalAnswering(async () => {
        const { support_url: url } = await activeClient(session).config();
        await openPortalPage(session, url, 'support center');
        return { url };
      }),
  };
}
