import * as oidc from 'openid-client';
import type { ExternalBrowserPort } from '../ports/external-browser';
import { startLoopbackRedirect } from './loopback-redirect';
import { identityProviderError } from './oidc-configuration';
import { PortalError } from './portal-error';
import { tokensFrom, type PortalTokens } from './portal-tokens';

/** What the portal's identity provider is asked for: who you are, and a refresh token (offline_access). */
export const SIGN_IN_SCOPE = 'openid email profile offline_access';
/** How long the browser has to come back, by default. */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export interface BrowserSignInOptions {
  /** The identity provider's configuration (discoverIdentityProvider). */
  provider: oidc.Configuration;
  /** The portal's host, for messages. */
  portalHost: string;
  browser: ExternalBrowserPort;
  now: () => number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * OAuth 2.0 authorization code with PKCE through the system browser (RFC 8252): a loopback redirect on
 * 127.0.0.1, a fresh `state` and code verifier per attempt; the code is exchanged only when the answer
 * carries this attempt's state. Resolves with the tokens; rejects with a PortalError in words.
 */
export async function signInWithBrowser(options: BrowserSignInOptions): Promise<PortalTokens> {
  const { provider, portalHost } = options;
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
  const state = oidc.randomState();
  const loopback = await startLoopbackRedirect({
    expectedState: state,
    timeoutMs: options.timeoutMs ?? SIGN_IN_TIMEOUT_MS,
    portalHost,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  try {
    const authorizationUrl = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: loopback.redirectUri,
      scope: SIGN_IN_SCOPE,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
      state,
      // Consent is what makes an OpenID provider honour offline_access (a refresh token).
      prompt: 'consent',
    });
    try {
      await options.browser.open(authorizationUrl.href);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new PortalError(
        'sign_in_failed',
        `The browser could not be opened for the sign-in (${detail}); nothing was signed in.`,
      );
    }
    const callback = await loopback.response;
    try {
      const response = await oidc.authorizationCodeGrant(provider, callback, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
      });
      return tokensFrom(response, options.now());
    } catch (error) {
      const failure = identityProviderError(error, new URL(provider.serverMetadata().issuer).host);
      throw failure.code === 'unreachable' || failure.code === 'sign_in_failed'
        ? failure
        : new PortalError(
            'sign_in_failed',
            `The sign-in could not be completed: ${failure.message} Nothing was signed in; try again.`,
          );
    }
  } finally {
    await loopback.close();
  }
}
