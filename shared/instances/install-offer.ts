import type { InstallPreflightView } from './install-preflight-view';

/** What a preflight lets the person do: install, install despite the capacity refusal, or nothing. */
export type InstallOffer = 'install' | 'install-anyway' | null;

/** Read from the preflight alone, so the instance's install dialog and the portal's license install offer the same choices. */
export function installOffer(preflight: Pick<InstallPreflightView, 'action' | 'reason'> | null): InstallOffer {
  if (preflight === null) return null;
  if (preflight.action === 'send') return 'install';
  return preflight.action === 'refuse' && preflight.reason === 'over_capacity' ? 'install-anyway' : null;
}
