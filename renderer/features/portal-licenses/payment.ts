import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IpcFailureError } from '../../ipc/answer';
import { portalKeys } from '../../queries/portal-keys';
import { askMain } from '../../queries/query-client';
import { isPaid } from './paid-license';
import type { CheckChoice, FollowedLicense } from './purchase-screen';
import { licenseAnswered, type PortalLicense } from './queries';

/** How often the dialog reads the license while the portal validates the payment. */
export const POLL_INTERVAL_MS = 3000;
/** The first read after the dialog closed comes this soon; each later wait doubles… */
export const TRACK_FIRST_DELAY_MS = 3000;
/** …up to this: a payment validated late is still seen within a minute, and the portal is not flooded. */
export const TRACK_MAX_DELAY_MS = 60_000;

/** Checking for the paid license: every few seconds, stopped (by the person, or an answer no retry can change), or done (paid). */
type PaymentCheck = 'checking' | 'stopped' | 'done';

/** Signed out, or the license is gone: asking again cannot help until the person acts. */
const HOPELESS = new Set<string>(['not_signed_in', 'not_found', 'forbidden']);

/**
 * The license as the portal has it now, read as the account that placed the order. Each answer shows in
 * the organization's list at once: the portal does not tell main of a payment, so no event would.
 */
export const followedLicenseQuery = ({ orgId, licenseId, accountId }: FollowedLicense) =>
  queryOptions({
    queryKey: portalKeys.license(accountId, orgId, licenseId),
    queryFn: async ({ client }) => {
      const { license } = await askMain(client, 'portal:get-license', { org: orgId, id: licenseId, accountId });
      licenseAnswered(client, orgId, license);
      return license;
    },
    // Read on its own schedule (refetchInterval), and when main says the portal changed.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** Where the checking is, from the license as last read, its last failure and the person's say. */
function paymentCheck(
  license: PortalLicense | undefined,
  error: IpcFailureError | null,
  renewing: PortalLicense | null,
  choice: CheckChoice,
): PaymentCheck {
  if (isPaid(license, renewing)) return 'done';
  return choice === 'stopped' || (error !== null && HOPELESS.has(error.code)) ? 'stopped' : 'checking';
}

/**
 * The wait before the next read of a purchase followed since `since`: 3 s, then 6, 12, 24, 48, and from then
 * on 60 s. Told from the time alone: the reads at 3, 9, 21, 45… seconds each double it.
 */
export function trackedDelay(since: number, now: number): number {
  const reads = Math.floor(Math.log2(Math.max(0, now - since) / TRACK_FIRST_DELAY_MS + 1));
  return Math.min(TRACK_FIRST_DELAY_MS * 2 ** reads, TRACK_MAX_DELAY_MS);
}

/**
 * The followed license, read every `every()` ms while it is checking: no longer once it is paid, stopped
 * by the person, or answered with what no retry changes. The schedule runs also while the window is in
 * the background: the person pays in the browser, not here. Shown again after a while (the Licenses tab
 * left and opened again), it is read at once when its last answer is older than the wait.
 */
export function useFollowedLicense(followed: FollowedLicense, choice: CheckChoice, every: () => number) {
  const checking = (license: PortalLicense | undefined, error: IpcFailureError | null): boolean =>
    paymentCheck(license, error, followed.renewing, choice) === 'checking';
  const query = useQuery({
    ...followedLicenseQuery(followed),
    staleTime: () => every(),
    refetchOnMount: ({ state }) => checking(state.data, state.error),
    refetchInterval: ({ state }) => (checking(state.data, state.error) ? every() : false),
    refetchIntervalInBackground: true,
  });
  return { query, check: paymentCheck(query.data, query.error, followed.renewing, choice) };
}
