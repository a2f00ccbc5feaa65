const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The portal's base address from what a person typed: http(s), no credentials, no query or fragment; trailing slashes dropped. */
export function normalizePortalUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new TypeError(
      `"${text}" is not a web address; give the portal's address, like https://customers.goauthentik.io`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError(`the portal's address must start with https:// (or http:// on this computer), got "${text}"`);
  if (url.protocol === 'http:' && !isLoopbackHost(url)) {
    throw new TypeError(
      `the portal's address must use https:// — plain http:// is allowed only on this computer (127.0.0.1 or localhost), got "${text}"`,
    );
  }
  if (url.username !== '' || url.password !== '')
    throw new TypeError("the portal's address must not carry a user name or password");
  if (url.search !== '' || url.hash !== '')
    throw new TypeError(`the portal's address must not carry a query or fragment, got "${text}"`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** True for a URL on this computer (127.0.0.1, localhost, ::1). */
export function isLoopbackHost(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/** `host[:port]` of an address, for messages. */
export function hostOf(url: string): string {
  return new URL(url).host;
}
