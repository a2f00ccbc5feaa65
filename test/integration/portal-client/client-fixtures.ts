import type { AccessTokenSource } from '../../../main/portal/account-session';
import { SEED, type PortalSim } from '../../sim/portal';
import { storedTokens, type portalFixtures, type PortalWorld } from './portal-fixtures';

export const ACME = SEED.organizations.acme.id;

/**
 * `signedIn(...emails)` over these fixtures: a simulator and a world with these users signed in; the first one
 * is the most recent.
 */
export function signedInWith(fx: ReturnType<typeof portalFixtures>) {
  return async (...emails: string[]): Promise<{ sim: PortalSim; world: PortalWorld }> => {
    const sim = await fx.sim();
    const world = await fx.world();
    for (const email of [...emails].reverse()) {
      world.browser.play = { email };
      await world.accounts.signIn(sim.url);
    }
    return { sim, world };
  };
}

/** A token source for a site that is not (quite) a portal: one token, never refreshed. */
export function fixedTokens(accessToken: string): AccessTokenSource {
  return { current: async () => ({ accessToken, refreshed: false }), renew: async () => accessToken };
}

export function tokenOf(world: PortalWorld, email: string): string {
  return storedTokens(world, world.accounts.resolve(email).id)?.access_token ?? '';
}
