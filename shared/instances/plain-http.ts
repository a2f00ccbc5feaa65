/** 127.0.0.0/8 as the URL parser writes it (it turns `127.1` or `0x7f.0.0.1` into dotted decimal first). */
const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** A host name on this computer (127.0.0.0/8, ::1, localhost): what is sent there never crosses a network. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || LOOPBACK_V4.test(host);
}

/**
 * True for an http:// address of another computer: the API token would cross the network unencrypted,
 * so it is used only when the person allowed plain HTTP for that instance. Takes a parsed URL (see
 * `parseAddress` in validation/address.ts), and is false for https:// and for loopback.
 */
export function isPlainHttpElsewhere(address: { protocol: string; hostname: string }): boolean {
  return address.protocol === 'http:' && !isLoopbackHostname(address.hostname);
}
