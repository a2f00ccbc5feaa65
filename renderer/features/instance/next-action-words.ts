import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import type { StatusKind } from '../../store/instance-status';
import type { Severity } from './next-action';

/** How much each authentik status needs attention. */
export const STATUS_SEVERITY: Record<StatusKind, Severity> = {
  read_only: 'critical',
  limit_exceeded_user: 'critical',
  expired: 'critical',
  invalid: 'critical',
  limit_exceeded_admin: 'warning',
  expiry_soon: 'warning',
  unlicensed: 'warning',
  unknown: 'warning',
  never: 'warning',
  valid: 'ok',
};

/** The banner's headline for each status but Valid. */
export const STATUS_HEADLINES: Record<Exclude<StatusKind, 'valid'>, string> = {
  read_only: 'Read only: authentik blocks changes until a valid key with enough seats is installed',
  limit_exceeded_user: 'Every user sees “User count exceeded”',
  limit_exceeded_admin: 'Administrators see “User count exceeded”',
  expired: 'Expired: enterprise features are off since',
  invalid: 'Not valid: the users exceed the seats of the unexpired licenses',
  expiry_soon: 'Expiring soon: the licenses expire',
  unlicensed: 'Unlicensed: no license is installed',
  unknown: 'Unknown: authentik reported a status this app does not know',
  never: 'Not refreshed yet: nothing has been read from this instance',
};

/** "The license “X” is not valid here", or, when every one has only expired, that it is still installed. */
export function notCountingHeadline(licenses: InstanceDetail['licenses']): string {
  const expired = licenses.every((license) => license.verdict.reason === 'expired');
  const [first] = licenses;
  if (licenses.length === 1 && first !== undefined)
    return expired
      ? `The expired license “${first.name}” is still installed`
      : `The license “${first.name}” is not valid here`;
  return expired
    ? `${licenses.length} expired licenses are still installed`
    : `${licenses.length} installed licenses are not valid here`;
}
