import * as oidc from 'openid-client';
import { errorCodes } from '../instances/transport-errors';
import { identityProviderFetch } from './identity-provider-fetch';
import { PortalError } from './portal-error';
import { unreachableError } from './portal-transport-errors';
import { isLoopbackHost } from './portal-url';

const DISCOVERY_TIMEOUT_S = 30;

/**
 * openid-client's configuration for the portal's identity provider, discovered from its issuer.
 * Plain http is allowed only for an issuer on this computer (the simulator); any other http issuer is
 * refused, so tokens never cross a network in the clear.
 */
export async function discoverIdentityProvider(issuer: string, clientId: string): Promise<oidc.Configuration> {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new PortalError(
      'unexpected_response',
      `The portal names "${issuer}" as its identity provider, which is not a web address; the portal is misconfigured.`,
    );
  }
  const insecure = url.protocol === 'http:';
  if (url.protocol !== 'https:' && !(insecure && isLoopbackHost(url))) {
    throw new PortalError(
      'unexpected_response',
      `The portal's identity provider ${url.origin} does not use https://, so signing in there is refused: tokens would cross the network unencrypted.`,
    );
  }
  try {
    return await oidc.discovery(url, clientId, undefined, oidc.None(), {
      timeout: DISCOVERY_TIMEOUT_S,
      // Kept by the configuration, so token, refresh and revocation answers are bounded too.
      [oidc.customFetch]: identityProviderFetch,
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  } catch (error) {
    throw identityProviderError(error, url.host);
  }
}

/** A PortalError our own fetch threw (an answer too large), which openid-client wraps in its ClientError. */
function ownError(error: unknown): PortalError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    if (current instanceof PortalError) return current;
    current = current.cause;
  }
  return null;
}

/** An error from openid-client (discovery, token, refresh or revocation endpoint) in words; never its raw body. */
export function identityProviderError(error: unknown, host: string): PortalError {
  const own = ownError(error);
  if (own !== null) return own;
  if (error instanceof oidc.ResponseBodyError) {
    const description = (error.error_description ?? '').replace(/[\p{Cc}]/gu, ' ').slice(0, 200);
    return new PortalError(
      'sign_in_failed',
      `The identity provider at ${host} refused the request (${error.error}${description === '' ? '' : `: ${description}`}).`,
      { status: error.status },
    );
  }
  const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  if (timedOut || (error instanceof TypeError && (error.message === 'fetch failed' || errorCodes(error).length > 0))) {
    return unreachableError(error, `the identity provider at ${host}`, timedOut);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new PortalError(
    'unexpected_response',
    `The identity provider at ${host} answered in a way this app does not understand (${detail.slice(0, 200)}).`,
  );
}
