import { PortalError } from './portal-error';
import { isLoopbackHost } from './portal-url';

/**
 * The app's own deep link for an invitation: `authentik-license-manager://invitation?token=…` (the
 * scheme the desktop shell registers; the token as in the e-mail's link).
 */
export const INVITATION_DEEP_LINK = 'authentik-license-manager://invitation';
const DEEP_LINK = new URL(INVITATION_DEEP_LINK);

/** An invitation token: URL-safe characters, at most 256 of them (Portal API v1). */
const TOKEN = /^[A-Za-z0-9._~-]{1,256}$/;

export interface InvitationLink {
  token: string;
  /** The origin of the portal the e-mail's link points to; null for a deep link or a bare token. */
  portalOrigin: string | null;
}

const NOT_A_LINK =
  'This is not an invitation link: paste the whole link from the invitation e-mail (https://…?token=…), the app link authentik-license-manager://invitation?token=…, or just the token.';

function tokenOf(url: URL): string {
  const token = url.searchParams.get('token') ?? '';
  if (!TOKEN.test(token)) {
    throw new PortalError(
      'validation',
      `This link carries no usable invitation token (token=…); copy the whole link from the invitation e-mail again.`,
    );
  }
  return token;
}

/** The token (and the portal) of an invitation as pasted: the e-mail's https link, the app's deep link, or the bare token. */
export function parseInvitationLink(text: string): InvitationLink {
  const trimmed = text.trim();
  if (TOKEN.test(trimmed)) return { token: trimmed, portalOrigin: null };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new PortalError('validation', NOT_A_LINK);
  }
  if (url.protocol === DEEP_LINK.protocol) {
    if (url.hostname !== DEEP_LINK.hostname || (url.pathname !== '' && url.pathname !== '/'))
      throw new PortalError('validation', NOT_A_LINK);
    return { token: tokenOf(url), portalOrigin: null };
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url)))
    return { token: tokenOf(url), portalOrigin: url.origin };
  if (url.protocol === 'http:')
    throw new PortalError(
      'validation',
      'Invitation links use https://; this one does not, so it was not used. Paste the link from the invitation e-mail.',
    );
  throw new PortalError('validation', NOT_A_LINK);
}
