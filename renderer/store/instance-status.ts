import type { InstanceRow, InstanceState } from '../../shared/instances/instance-row';
import { AUTHENTIK_STATUSES, type AuthentikStatus } from '../../shared/license/authentik-status';

/** What a row's status badge says: authentik's own statuses, or why there is none. */
export type StatusKind = AuthentikStatus | 'unknown' | 'never';

export const STATUS_KINDS: readonly StatusKind[] = [
  'read_only',
  'limit_exceeded_user',
  'expired',
  'invalid',
  'limit_exceeded_admin',
  'expiry_soon',
  'unlicensed',
  'valid',
  'unknown',
  'never',
];

/** authentik's words for its statuses (its Licenses page badges), and ours for no status. */
export const STATUS_WORDS: Record<StatusKind, string> = {
  valid: 'Valid',
  expiry_soon: 'Expiring soon',
  expired: 'Expired',
  invalid: 'Not valid',
  read_only: 'Read only',
  limit_exceeded_admin: 'User count exceeded (admin)',
  limit_exceeded_user: 'User count exceeded (users)',
  unlicensed: 'Unlicensed',
  unknown: 'Unknown',
  never: 'Not refreshed',
};

/** authentik's badge colours: green, orange, red, gray. */
export type StatusTone = 'ok' | 'warn' | 'bad' | 'neutral';

export const STATUS_TONES: Record<StatusKind, StatusTone> = {
  valid: 'ok',
  expiry_soon: 'warn',
  expired: 'bad',
  invalid: 'bad',
  read_only: 'bad',
  limit_exceeded_admin: 'warn',
  limit_exceeded_user: 'bad',
  unlicensed: 'neutral',
  unknown: 'neutral',
  never: 'neutral',
};

/** The banner authentik itself shows for the status (models and UI texts), to explain a badge. */
export const STATUS_MEANINGS: Record<StatusKind, string> = {
  valid: 'The licenses are valid; enterprise features are unlocked.',
  expiry_soon: 'One or more license(s) will expire within the next 2 weeks.',
  expired: 'One or more license(s) have expired.',
  invalid:
    'authentik (before 2024.8) reports the licenses as not valid: the users in use exceed the seats of the unexpired licenses, because there are too many users or every license has expired.',
  read_only: 'This authentik instance has entered read-only mode due to expired/exceeded licenses.',
  limit_exceeded_admin: 'The current user count has exceeded the configured licenses. Administrators see this banner.',
  limit_exceeded_user: 'The current user count has exceeded the configured licenses. Every user sees this banner.',
  unlicensed: 'No license is installed.',
  unknown: 'The status could not be read; see the last refresh.',
  never: 'This instance has not been refreshed yet.',
};

/** What to do about each status, in the order a person would act. */
export const STATUS_ADVICE: Record<StatusKind, string> = {
  valid: 'Nothing to do now. Renew before the expiry on the timeline below.',
  expiry_soon:
    'Renew now: buy the renewal in the customer portal, then install the new key here (Replace key… on the license it renews).',
  expired:
    'Install a renewed key. Enterprise features stay off until then, and six weeks after the latest expiry authentik turns read-only.',
  invalid:
    'Install a renewed key with enough seats, or deactivate users until they fit the seats of the unexpired licenses. Two weeks after its last valid state authentik warns administrators, then every user, and six weeks after it turns read-only.',
  read_only:
    'Install a valid key with enough seats (authentik still accepts license installs in read-only mode), or deactivate users until they fit the licensed seats. Writes work again once the status is valid.',
  limit_exceeded_admin:
    'Deactivate users until they fit the licensed seats, or buy more seats and install the key. Two weeks later every user sees the banner; four weeks later authentik turns read-only.',
  limit_exceeded_user:
    'Act now: deactivate users or install a key with more seats. Two weeks after every user sees this banner authentik turns read-only.',
  unlicensed:
    'Install a license key. Check that its seats cover the users in use first: a first key that is too small makes authentik read-only at once.',
  unknown:
    'Refresh the instance. If it keeps failing, check its address, API token and network (the error is shown above).',
  never: 'Refresh to read the instance.',
};

/** authentik's banner for each license flag. */
export const FLAG_BANNERS: Record<string, string> = {
  trial: 'This authentik instance uses a Trial license.',
  non_production: 'This authentik instance uses a Non-production license.',
};

/** A status value (live or cached) as a badge kind: authentik's own, or unknown. */
export function statusKindOfValue(status: string | null, state: InstanceState): StatusKind {
  if (status !== null && isAuthentikStatus(status)) return status;
  if (status === null && state === 'never') return 'never';
  return 'unknown';
}

/** The monitoring states, worst first (the default order of the dashboard). */
export const STATE_ORDER: readonly InstanceState[] = ['critical', 'unknown', 'warning', 'never', 'ok'];

export const STATE_WORDS: Record<InstanceState, string> = {
  critical: 'Critical',
  unknown: 'Unknown',
  warning: 'Warning',
  never: 'Not refreshed',
  ok: 'OK',
};

function isAuthentikStatus(status: string): status is AuthentikStatus {
  return (AUTHENTIK_STATUSES as readonly string[]).includes(status);
}

/** The badge for a row: the server's live status when it is one authentik defines. */
export function statusKindOf(row: InstanceRow): StatusKind {
  return statusKindOfValue(row.status, row.state);
}

/** When a row shows its last known status (no read of this session has replaced it), when that was read; else null. */
export function lastKnownAtOf(row: InstanceRow): string | null {
  return row.statusSource === 'last_known' ? row.statusReadAt : null;
}
