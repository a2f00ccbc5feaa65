import type { DetailWarningKind } from '../../../shared/instances/instance-detail';
import type {
  ExpiryDateKind,
  GuideLadderKind,
  OverCapacityDateKind,
} from '../../../shared/instances/instance-timeline';

/** What happens on each date authentik's status code acts on as the licenses run out, by the instance's release. */
export const EXPIRY_DATE_WORDS: Record<ExpiryDateKind, string> = {
  expiry_soon: 'Administrators see “Expiring soon”: the licenses expire within 2 weeks',
  expired: 'The licenses expire: the status turns Expired and enterprise features stop',
  read_only: 'The instance becomes read-only, six weeks after the latest expiry',
  seats_lapse:
    'The licenses expire and their seats stop counting, so the users exceed them: administrators see “User count exceeded” and enterprise features stop',
  not_valid:
    'The licenses expire and their seats stop counting, so the users exceed them: authentik reports the licenses as not valid',
  admin_banner: 'Administrators see a warning banner (2 weeks after the last valid usage record)',
  user_banner: 'Every user sees “User count exceeded” (4 weeks after the last valid usage record)',
  read_only_capacity: 'The instance becomes read-only (6 weeks after the last valid usage record)',
};

/** authentik's over-capacity steps, counted from its last valid usage record. */
export const OVER_CAPACITY_DATE_WORDS: Record<OverCapacityDateKind, string> = {
  admin_banner: 'Administrators see “User count exceeded” (2 weeks after the last valid usage record)',
  user_banner: 'Every user sees “User count exceeded” (4 weeks after it)',
  read_only: 'The instance becomes read-only (6 weeks after it)',
};

/** The product guide's ladder, as the guide words it. */
export const GUIDE_LADDER_WORDS: Record<GuideLadderKind, string> = {
  expirySoon: 'Expiring soon: administrators are warned 2 weeks ahead',
  expiry: 'The last license expires',
  adminWarning: 'Administrators see a warning banner',
  userWarning: 'Users see a warning banner',
  readOnly: 'The instance becomes read-only',
};

/** Each detail warning: a title, and what to do about it. */
export const DETAIL_WARNING_WORDS: Record<DetailWarningKind, { title: string; action: string }> = {
  duplicate_key: {
    title: 'A key is installed twice',
    action:
      'authentik counts the seats of each copy, so the licensed seats look larger than they are. Delete one of the copies (marked “Installed twice” in the licenses below).',
  },
  trial_only: {
    title: 'A trial key is about to be the only license',
    action:
      'Install the purchased key before the other licenses expire, or the instance is left on the trial’s seats and expiry.',
  },
  clock_skew: {
    title: 'The server’s clock is off',
    action:
      'Set the server’s time right (NTP). A wrong clock makes authentik reject unexpired keys or treat keys as expired too early.',
  },
  install_id_changed: {
    title: 'The Install ID changed',
    action:
      'Keys issued for the previous Install ID no longer match this instance. Get keys for the new Install ID from the customer portal and install them.',
  },
};

/** "3 minutes ahead", "1 hour 5 minutes behind": the server's clock against this computer's. */
export function skewWords(skewMs: number): string {
  const minutes = Math.round(Math.abs(skewMs) / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    hours > 0 ? `${hours} hour${hours === 1 ? '' : 's'}` : null,
    rest > 0 || hours === 0 ? `${rest} minute${rest === 1 ? '' : 's'}` : null,
  ].filter((part) => part !== null);
  return `${parts.join(' ')} ${skewMs > 0 ? 'ahead of' : 'behind'} this computer’s clock`;
}
