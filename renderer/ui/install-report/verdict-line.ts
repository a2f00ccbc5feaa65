import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import type { UserCounts } from '../../../shared/license/capacity';
import { localDate } from '../../format/dates';

/** "12 Jan 2027 → 12 Jan 2028", "stays 12 Jan 2028", "none → 12 Jan 2028"; null when neither is known. */
export function expiryChange(before: string | null, after: string | null): string | null {
  if (before === null && after === null) return null;
  const date = (iso: string | null): string => (iso === null ? 'none' : localDate(iso));
  if (before !== null && after !== null && localDate(before) === localDate(after)) return `stays ${date(after)}`;
  return `${date(before)} → ${date(after)}`;
}

/** "50 → 85" internal seats, with the external seats after when there are any. */
export function seatsChange(before: UserCounts, after: UserCounts): string {
  const pair = (from: number, to: number): string =>
    from === to ? `stay ${to.toLocaleString()}` : `${from.toLocaleString()} → ${to.toLocaleString()}`;
  const internal = `seats ${pair(before.internalUsers, after.internalUsers)}`;
  if (before.externalUsers === 0 && after.externalUsers === 0) return internal;
  return `${internal}, external seats ${pair(before.externalUsers, after.externalUsers)}`;
}

/** What installing changes, in one clause: "expiry 12 Jan 2027 → 12 Jan 2028, seats 50 → 85" (authentik's expiry). */
export function changeWords(preflight: InstallPreflightView): string {
  const expiry = expiryChange(preflight.latestValidNow, preflight.latestValidAfter);
  const seats = seatsChange(preflight.capacityNow, preflight.capacityAfter);
  return expiry === null ? seats : `expiry ${expiry}, ${seats}`;
}

/**
 * Whether installing leaves users uncovered in a way the person has to agree to: fewer seats than the
 * users in use after it, fewer seats than now, or an earlier expiry than now (a replacement that shortens).
 */
export function uncoveringChange(preflight: InstallPreflightView): string | null {
  const { usage, capacityNow, capacityAfter, latestValidNow, latestValidAfter } = preflight;
  if (preflight.action !== 'send') return null;
  if (
    usage !== null &&
    (usage.internalUsers > capacityAfter.internalUsers || usage.externalUsers > capacityAfter.externalUsers)
  )
    return 'the users in use would exceed the licensed seats';
  if (
    capacityAfter.internalUsers < capacityNow.internalUsers ||
    capacityAfter.externalUsers < capacityNow.externalUsers
  )
    return 'fewer seats would be licensed than now';
  if (latestValidNow !== null && latestValidAfter !== null && Date.parse(latestValidAfter) < Date.parse(latestValidNow))
    return 'the licenses would expire earlier than now';
  return null;
}
