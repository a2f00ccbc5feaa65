import type { Handlers } from '../handlers';
import { installOnInstance, preflightInstall, type InstallStepDeps } from './install-steps';
import { portalAnswering } from './portal-answering';
import { licenseKey } from './portal-license-key';
import { accountClient, portalChanged, type PortalSession } from './portal-session';

/**
 * "Install into <instance>" for a portal license: the key is fetched in main (as the account the license
 * came from, else the active one) and goes through the same preflight and install as a pasted key; it
 * never reaches the page.
 */
export function portalInstallHandlers(session: PortalSession, install: InstallStepDeps): Pick<Handlers, 'portal:preflight-license-install' | 'portal:install-license'> {
  return {
    'portal:preflight-license-install': async ({ org, id, instanceId, replaces = null, accountId = null }) =>
      portalAnswering(async () => preflightInstall(install, instanceId, await licenseKey(accountClient(session, accountId), org, id), replaces)),

    'portal:install-license': async ({ org, id, instanceId, allowOverCapacity, replaces = null, accountId = null }) =>
      portalAnswering(async () => {
        const outcome = await installOnInstance(install, instanceId, await licenseKey(accountClient(session, accountId), org, id), { allowOverCapacity, replaces });
        // The license's link to the instance (renewed but not installed) has changed.
        portalChanged(session);
        return outcome;
      }),
  };
}
