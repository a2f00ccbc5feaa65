import * as oidc from 'openid-client';
import { identityProviderError } from './oidc-configuration';
import type { PortalAccount } from './portal-account';
import { PortalError } from './portal-error';
import { tokensFrom, type PortalTokens, type TokenVault } from './portal-tokens';
import { hostOf } from './portal-url';

/** The access token a call sends. */
export interface SessionToken {
  accessToken: string;
  /** It was refreshed for this call (it had expired): a 401 on it means "sign in again", not a second refresh. */
  refreshed: boolean;
}

/** Where a client gets its bearer token, and a fresh one after a 401: at most one refresh per call. */
export interface AccessTokenSource {
  /** The access token to send, refreshed first when the stored expiry says it has expired. */
  current(): Promise<SessionToken>;
  /**
   * A new access token after `rejected` was answered 401; throws PortalError `unauthorized` ("sign in
   * again") when there is none to be had, and at once when `rejected` was itself refreshed for this call.
   */
  renew(rejected: SessionToken): Promise<string>;
}

/** Refresh a little before the provider's expiry, so a request does not race it. */
const EXPIRY_MARGIN_MS = 10_000;

export interface AccountSessionDeps {
  account: PortalAccount;
  vault: TokenVault;
  /** The identity provider's configuration, discovered only when a refresh is needed. */
  provider: () => Promise<oidc.Configuration>;
  now: () => number;
}

/** "Sign in again", in words, for this account. */
export function signInAgain(account: PortalAccount): PortalError {
  return new PortalError(
    'unauthorized',
    `Your sign-in to the portal at ${hostOf(account.portalUrl)} as ${account.email} has ended; sign in again.`,
    { status: 401 },
  );
}

/**
 * One account's tokens from the token vault, refreshed with the refresh token when the access token has
 * expired or was refused, at most once per call; the new tokens go back to the vault. Concurrent renewals share one
 * refresh, and a token another process refreshed meanwhile is picked up instead of refreshing again
 * (the provider rotates refresh tokens: using an old one twice would end the session).
 */
export function createAccountSession(deps: AccountSessionDeps): AccessTokenSource {
  const { account, vault } = deps;
  let renewing: Promise<SessionToken> | undefined;

  const stored = async (): Promise<PortalTokens> => {
    const tokens = await vault.read(account.id);
    if (tokens === null) {
      throw new PortalError(
        'not_signed_in',
        `There are no tokens in the token vault for ${account.email} at ${hostOf(account.portalUrl)}; sign in again.`,
      );
    }
    return tokens;
  };

  const refresh = async (rejected: string): Promise<SessionToken> => {
    const tokens = await stored();
    if (tokens.accessToken !== rejected) return { accessToken: tokens.accessToken, refreshed: false };
    if (tokens.refreshToken === null) throw signInAgain(account);
    const provider = await deps.provider();
    let response: oidc.TokenEndpointResponse;
    try {
      response = await oidc.refreshTokenGrant(provider, tokens.refreshToken);
    } catch (error) {
      const failure = identityProviderError(error, hostOf(provider.serverMetadata().issuer));
      if (failure.code === 'unreachable') throw failure;
      // invalid_grant and friends: the refresh token has expired or was revoked.
      throw signInAgain(account);
    }
    const next = tokensFrom(response, deps.now(), tokens.refreshToken);
    await vault.write(account.id, next);
    return { accessToken: next.accessToken, refreshed: true };
  };

  const shared = (rejected: string): Promise<SessionToken> => {
    renewing ??= refresh(rejected).finally(() => {
      renewing = undefined;
    });
    return renewing;
  };

  return {
    async current() {
      if (renewing !== undefined) return renewing;
      const tokens = await stored();
      const expired = tokens.expiresAt !== null && tokens.expiresAt - EXPIRY_MARGIN_MS <= deps.now();
      return expired && tokens.refreshToken !== null
        ? shared(tokens.accessToken)
        : { accessToken: tokens.accessToken, refreshed: false };
    },
    async renew(rejected) {
      // A token refreshed for this call was refused: a second refresh would only hide that the session has ended.
      if (rejected.refreshed) throw signInAgain(account);
      return (await shared(rejected.accessToken)).accessToken;
    },
  };
}
