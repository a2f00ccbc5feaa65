/** What the rules read of a parsed address. */
interface ParsedAddress {
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly origin: string;
  readonly pathname: string;
}

/**
 * The WHATWG URL parser, which every runtime of this code has (Node in main and aklm, Chromium in the
 * page). shared/ is compiled without DOM or Node types, so only what the rules read is declared; using
 * the runtime's parser (not a pattern of our own) means the rules see the address exactly as it is sent.
 */
const WhatwgUrl = (
  globalThis as unknown as { URL: { canParse(text: string): boolean; new (text: string): ParsedAddress } }
).URL;

/** `text` parsed as a URL, or null when it is none. */
export function parseAddress(text: string): ParsedAddress | null {
  return WhatwgUrl.canParse(text) ? new WhatwgUrl(text) : null;
}

export const ADDRESS_MESSAGES = {
  missing: 'Enter the address you open authentik at, like https://auth.example.com.',
  notWeb: 'The address starts with https:// (or http://), like https://auth.example.com.',
  credentials: 'Leave the user name and password out of the address; the API token signs in.',
} as const;

export type AddressCheck = { ok: true; address: string } | { ok: false; problem: string };

/**
 * An instance address as typed, checked: http(s), with no user name or password (the token signs in).
 * When it passes, `address` is what is saved and used: trimmed, query and fragment dropped (a token
 * pasted there never travels or stays), no trailing slash; it may keep a base path like `/authentik`.
 */
export function checkInstanceAddress(text: string): AddressCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: ADDRESS_MESSAGES.missing };
  const url = parseAddress(trimmed);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    return { ok: false, problem: ADDRESS_MESSAGES.notWeb };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: ADDRESS_MESSAGES.credentials };
  return { ok: true, address: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** Why `text` is not an instance address, or null when it is one. */
export function instanceAddressProblem(text: string): string | null {
  const checked = checkInstanceAddress(text);
  return checked.ok ? null : checked.problem;
}
