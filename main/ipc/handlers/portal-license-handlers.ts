import { toIsoUtc } from '../../../shared/time/iso';
import type { SecretClipboard } from '../../clipboard/secret-clipboard';
import { linkLicense, linkLicenses, type InstanceLinkDeps } from '../../portal/instance-links';
import { licenseKey } from '../../portal/license-key';
import { listPendingInstalls } from '../../portal/pending-installs';
import { accountClient, activeClient, portalChanged, type PortalSession } from '../../portal/portal-session';
import { portalAnswering } from '../answering/portal-answering';
import type { Handlers } from '../handlers';
import { IpcError } from '../ipc-error';

type LicenseChannels =
  | 'portal:list-licenses'
  | 'portal:get-license'
  | 'portal:reveal-license-key'
  | 'portal:copy-license-key'
  | 'portal:rename-license'
  | 'portal:list-pending-installs';

/**
 * An organization's licenses, linked to the saved instances. Lists never carry a key; the key leaves main
 * only through the explicit reveal, and copying happens in main.
 */
export function portalLicenseHandlers(
  session: PortalSession,
  links: InstanceLinkDeps,
  clipboard: SecretClipboard,
): Pick<Handlers, LicenseChannels> {
  return {
    'portal:list-licenses': async ({ org }) =>
      portalAnswering(async () => ({
        licenses: await linkLicenses(links, await activeClient(session).listLicenses(org)),
      })),

    'portal:get-license': async ({ org, id, accountId = null }) =>
      portalAnswering(async () => {
        // A purchase is followed as the account that placed it, even after another became the active one.
        const license = (await accountClient(session, accountId).listLicenses(org)).find(
          (candidate) => candidate.id === id,
        );
        if (license === undefined)
          throw new IpcError('not_found', 'This organization has no such license (any more); reload its licenses.');
        return { license: await linkLicense(links, license) };
      }),

    'portal:reveal-license-key': async ({ org, id }) =>
      portalAnswering(async () => ({ key: await licenseKey(activeClient(session), org, id) })),

    'portal:copy-license-key': async ({ org, id }) =>
      portalAnswering(async () => {
        const { clearsAt } = await clipboard.copySecret(await licenseKey(activeClient(session), org, id));
        return { clearsAt: toIsoUtc(clearsAt) };
      }),

    'portal:rename-license': async ({ org, id, change }) =>
      portalAnswering(async () => {
        const renamed = await activeClient(session).updateLicense(org, id, change);
        portalChanged(session);
        return { license: await linkLicense(links, renamed) };
      }),

    'portal:list-pending-installs': async () => portalAnswering(() => listPendingInstalls(session, links)),
  };
}
