import type Provider from 'oidc-provider';
import type { PortalState } from '../state/portal-state';
import type { UserRecord } from '../state/records';
import { ApiError } from './api-error';

/** The header every 401 carries (RFC 6750). */
export const WWW_AUTHENTICATE = 'Bearer error="invalid_token"';

const NO_TOKEN = 'Sign in to the portal first: the request carried no access token (Authorization: Bearer …).';
const BAD_TOKEN = 'The access token is not valid: it is unknown or was revoked. Sign in to the portal again.';
const EXPIRED = 'The access token has expired. Refresh it, or sign in to the portal again.';

/**
 * The caller of an API request: the user whose access token, issued by the simulator's own identity
 * provider to its client, is in the `Authorization` header. Throws the 401 to answer otherwise.
 */
export async function authenticate(
  provider: Provider,
  clientId: string,
  state: PortalState,
  authorization: string | undefined,
): Promise<UserRecord> {
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization ?? '');
  if (match?.[1] === undefined) throw new ApiError(401, 'invalid_token', NO_TOKEN);
  const token = await provider.AccessToken.find(match[1], { ignoreExpiration: true });
  if (token === undefined || token.clientId !== clientId) throw new ApiError(401, 'invalid_token', BAD_TOKEN);
  if (token.isExpired) throw new ApiError(401, 'token_expired', EXPIRED);
  const user = state.user(token.accountId);
  if (user === undefined) throw new ApiError(401, 'invalid_token', BAD_TOKEN);
  return user;
}
