import { checkInstanceAddress, plainHttpProblem } from '../../shared/instances/validation';
import { InstanceError } from './instance-error';

/** Where the API lives for an instance URL, and the host to name in messages. */
export interface ApiLocation {
  /** `<origin><base path>/api/v3`, without a trailing slash. */
  basePath: string;
  /** `host[:port]`, for messages (never the whole URL: it is ours to keep short and credential-free). */
  host: string;
}

/**
 * Checks an instance URL (an origin, optionally with a base path such as `/authentik`) by the shared
 * address rule and derives the API base path from it. Plain http:// to another computer is refused unless
 * `allowHttp` (the token would travel unencrypted). Every caller that takes an address from a person
 * checks it first in their terms; what reaches this last check is a saved instance, so its words say
 * to edit it.
 */
export function apiLocationOf(url: string, allowHttp: boolean): ApiLocation {
  const checked = checkInstanceAddress(url);
  if (!checked.ok) throw new InstanceError('unreachable', checked.problem);
  const refused = plainHttpProblem(checked.address, allowHttp, 'saved-instance');
  if (refused !== null) throw new InstanceError('config', refused);
  return { basePath: `${checked.address}/api/v3`, host: new URL(checked.address).host };
}
