import * as oidc from 'openid-client';
import type { ExternalBrowserPort } from '../ports/external-browser';
import type { SecretStore } from '../secrets/secret-store';
import { createAccountSession, type AccessTokenSource } from './account-session';
import type { PortalAccountStore } from './account-store';
import { signInWithBrowser } from './browser-sign-in';
import { discoverIdentityProvider, identityProviderError } from './oidc-configuration';
import { portalAccountId, type PortalAccount } from './portal-account';
import { createPortalClient, type PortalClient } from './portal-client';
import { fetchPortalConfig } from './portal-config';
import { PortalError } from './portal-error';
import { DEFAULT_PORTAL_TIMEOUT_MS } from './portal-http';
import { createTokenVault, type PortalTokens } from './portal-tokens';
import { hostOf, normalizePortalUrl } from './portal-url';

export interface PortalAccountsDeps {
  store: PortalAccountStore;
  secrets: SecretStore;
  /** The system browser, for signing in. */
  browser: ExternalBrowserPort;
  now?: () => number;
  /** Per request to the portal. */
  timeoutMs?: number;
  /** How long the browser has to come back from the sign-in. */
  signInTimeoutMs?: number;
  /** The clients' `checkRequests` (default true); the CLI passes false so the portal judges what was typed. */
  checkRequests?: boolean;
}

/** The outcome of signing out: the tokens are gone from this computer; `revocationProblem` says why the portal may still honour them. */
export interface SignOutResult {
  account: PortalAccount;
  /** Null when the portal's identity provider revoked the tokens; otherwise why it could not. */
  revocationProblem: string | null;
}

/** The customer portal accounts signed in on this computer: several at once, tokens in the token vault only. */
export interface PortalAccounts {
  /** Most recently used first. */
  list(): PortalAccount[];
  /**
   * The account a command means: by id or e-mail address (exact, case-insensitive) when named, else the
   * most recently used one. Throws PortalError `not_signed_in` in words.
   */
  resolve(account?: string): PortalAccount;
  /** Signs in through the system browser and saves (or replaces) the account; it becomes the most recent. */
  signIn(portalUrl: string, options?: { signal?: AbortSignal }): Promise<PortalAccount>;
  /** Revokes the account's tokens at the identity provider (best effort) and deletes them and the account here in any case. */
  signOut(account?: string): Promise<SignOutResult>;
  /**
   * A client for the account (resolved as `resolve` does), marking it used unless `markUsed` is false
   * (reading on an account's behalf without making it the most recent one).
   */
  client(account?: string, options?: { markUsed?: boolean }): PortalClient;
}

export function createPortalAccounts(deps: PortalAccountsDeps): PortalAccounts {
  const { store } = deps;
  const vault = createTokenVault(deps.secrets);
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_PORTAL_TIMEOUT_MS;

  /** The identity provider of a portal, from its config (one discovery per use, only when needed). */
  const providerOf = async (portalUrl: string): Promise<oidc.Configuration> => {
    const config = await fetchPortalConfig(portalUrl, timeoutMs);
    return discoverIdentityProvider(config.oidc_issuer, config.client_id);
  };

  const resolve = (reference?: string): PortalAccount => {
    const accounts = store.list();
    if (reference === undefined) {
      const latest = accounts[0];
      if (latest === undefined)
        throw new PortalError('not_signed_in', 'You are not signed in to the customer portal; sign in first.');
      return latest;
    }
    const wanted = reference.trim().toLowerCase();
    const byId = accounts.find((account) => account.id.toLowerCase() === wanted);
    if (byId !== undefined) return byId;
    const byEmail = accounts.filter((account) => account.email.toLowerCase() === wanted);
    const [only, ...others] = byEmail;
    if (only !== undefined && others.length === 0) return only;
    if (only !== undefined)
      throw new PortalError(
        'not_signed_in',
        `${reference} is signed in at several portals; name the account by its id: ${byEmail.map((account) => account.id).join(', ')}.`,
      );
    const known = accounts.map((account) => account.id);
    throw new PortalError(
      'not_signed_in',
      `No portal account "${reference}" is signed in here${known.length === 0 ? '; sign in first' : `; the signed-in accounts are ${known.join(', ')}`}.`,
    );
  };

  /** Best effort: tokens just obtained that cannot be kept should not stay valid at the provider. */
  const revokeQuietly = async (provider: oidc.Configuration, tokens: PortalTokens): Promise<void> => {
    await revokeTokens(provider, tokens).catch(() => undefined);
  };

  return {
    list: () => store.list(),
    resolve,

    async signIn(portalUrlText, options = {}) {
      let portalUrl: string;
      try {
        portalUrl = normalizePortalUrl(portalUrlText);
      } catch (error) {
        const message = (error as Error).message;
        throw new PortalError('validation', `Nothing was sent: ${message}.`, { fields: { portalUrl: message } });
      }
      const provider = await providerOf(portalUrl);
      const tokens = await signInWithBrowser({
        provider,
        portalHost: hostOf(portalUrl),
        browser: deps.browser,
        now,
        ...(deps.signInTimeoutMs === undefined ? {} : { timeoutMs: deps.signInTimeoutMs }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      let me;
      try {
        me = await createPortalClient({ baseUrl: portalUrl, tokens: fixedToken(tokens.accessToken), timeoutMs }).me();
      } catch (error) {
        await revokeQuietly(provider, tokens);
        throw error;
      }
      const account: PortalAccount = {
        id: portalAccountId(portalUrl, me.user_id),
        portalUrl,
        userId: me.user_id,
        email: me.email,
        name: me.name,
        lastUsedAt: new Date(now()).toISOString(),
      };
      try {
        await vault.write(account.id, tokens);
      } catch (error) {
        await revokeQuietly(provider, tokens);
        throw error;
      }
      try {
        store.save(account);
      } catch (error) {
        // Nothing half-done: no tokens in the vault without their account.
        await vault.remove(account.id).catch(() => false);
        await revokeQuietly(provider, tokens);
        throw error;
      }
      return account;
    },

    async signOut(reference) {
      const account = resolve(reference);
      const tokens = await vault.read(account.id);
      let revocationProblem: string | null = null;
      if (tokens !== null) {
        try {
          await revokeTokens(await providerOf(account.portalUrl), tokens);
        } catch (error) {
          revocationProblem = error instanceof Error ? error.message : String(error);
        }
      }
      await vault.remove(account.id);
      store.remove(account.id);
      return { account, revocationProblem };
    },

    client(reference, options = {}) {
      const account = resolve(reference);
      if (options.markUsed !== false) store.touch(account.id, new Date(now()));
      const session = createAccountSession({ account, vault, provider: () => providerOf(account.portalUrl), now });
      return createPortalClient({
        baseUrl: account.portalUrl,
        tokens: session,
        timeoutMs,
        checkRequests: deps.checkRequests ?? true,
      });
    },
  };
}

/** A token source for one access token that cannot be renewed (right after sign-in). */
function fixedToken(accessToken: string): AccessTokenSource {
  return {
    current: () => Promise.resolve({ accessToken, refreshed: false }),
    renew: () =>
      Promise.reject(
        new PortalError('unauthorized', 'The portal refused the token it had just issued; sign in again.', {
          status: 401,
        }),
      ),
  };
}

/** Revokes the refresh token (which ends the whole grant) and then the access token, at the provider's revocation endpoint. */
async function revokeTokens(provider: oidc.Configuration, tokens: PortalTokens): Promise<void> {
  const host = hostOf(provider.serverMetadata().issuer);
  try {
    if (tokens.refreshToken !== null)
      await oidc.tokenRevocation(provider, tokens.refreshToken, { token_type_hint: 'refresh_token' });
    await oidc.tokenRevocation(provider, tokens.accessToken, { token_type_hint: 'access_token' });
  } catch (error) {
    throw identityProviderError(error, host);
  }
}
