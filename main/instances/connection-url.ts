import { isPlainHttpElsewhere } from '../../shared/instances/plain-http';
import { InstanceError } from './instance-error';

/** Where the API lives for an instance URL, and the host to name in messages. */
export interface ApiLocation {
  /** `<origin><base path>/api/v3`, without a trailing slash. */
  basePath: string;
  /** `host[:port]`, for messages (never the whole URL: it is ours to keep short and credential-free). */
  host: string;
}

/**
 * Checks an instance URL (an origin, optionally with a base path such as `/authentik`) and derives the
 * API base path from it. Query strings and fragments are dropped; credentials in the URL are refused, and
 * so is plain http:// to another computer unless `allowHttp` (the token would travel unencrypted).
 */
export function apiLocationOf(url: string, allowHttp: boolean): ApiLocation {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new InstanceError('unreachable', 'The instance URL is not a valid URL; give its address as https://host[:port][/path].');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InstanceError('unreachable', `The instance URL must start with https:// or http://, not ${parsed.protocol}//.`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new InstanceError('unreachable', 'The instance URL must not contain a user name or password; the API token authenticates.');
  }
  if (isPlainHttpElsewhere(parsed) && !allowHttp) {
    throw new InstanceError(
      'config',
      `Refused to send the API token to ${parsed.host} over plain http://, where it would cross the network unencrypted. Use the instance's https:// address, or allow plain HTTP for this instance explicitly ("Allow plain HTTP" in its settings in the app; --allow-http with aklm --url; "allow_http": true in a fleet file).`,
    );
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return { basePath: `${parsed.origin}${path}/api/v3`, host: parsed.host };
}
