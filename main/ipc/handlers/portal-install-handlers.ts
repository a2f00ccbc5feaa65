import { portalActor } from '../../audit/audit-actor';
import { installOnInstance, preflightPortalKey, type InstallStepDeps } from '../../instances/install-steps';
import { keyedLicense, licenseKey } from '../../portal/license-key';
import { accountClient, portalChanged, type PortalSession } from '../../portal/portal-session';
import { hostOf } from '../../portal/portal-url';
import { portalAnswering } from '../answering/portal-answering';
import type { Handlers } from '../handlers';

/**
 * "Install into <instance>" for a portal license: the key is fetched in main (as the account the license
 * came from, else the active one) and goes through the same preflight and install as a pasted key; it
 * never reaches the page. A renewal whose previous key runs on the instance replaces that license (one
 * PATCH), in every one-click path alike.
 */
export function portalInstallHandlers(
  session: PortalSession,
  install: InstallStepDeps,
): Pick<Handlers, 'portal:preflight-license-install' | 'portal:install-license'> {
  return {
    'portal:preflight-license-install': async ({ org, id, instanceId, accountId = null }) =>
      portalAnswering(async () => {
        const license = await keyedLicense(accountClient(session, accountId), org, id);
        // A renewal replaces the installed license still running its previous key (found by fingerprint), so its seats are not counted twice.
        return preflightPortalKey(install, instanceId, license.key, license.previous_key_fingerprint);
      }),

    'portal:install-license': async ({ org, id, instanceId, allowOverCapacity, replaces = null, accountId = null }) =>
      portalAnswering(async () => {
        // The account the key comes from installs it: the trail names it as the actor.
        const account = session.accounts.resolve(accountId ?? undefined);
        const key = await licenseKey(accountClient(session, accountId), org, id);
        const outcome = await installOnInstance(install, instanceId, key, {
          allowOverCapacity,
          replaces,
          actor: portalActor(account),
          target: { portal: hostOf(account.portalUrl), organization: org, portal_license: id },
        });
        // The license's link to the instance (renewed but not installed) has changed.
        portalChanged(session);
        return outcome;
      }),
  };
}
