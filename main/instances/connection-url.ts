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
 * API base path from it. Query strings and fragments are dropped; credentials in the URL are refused.
 */
export function apiLocationOf(url: string): ApiLocation {
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
  const path = parsed.pathname.replace(/\/+$/, '');
  return { basePath: `${parsed.origin}${path}/api/v3`, host: parsed.host };
}
