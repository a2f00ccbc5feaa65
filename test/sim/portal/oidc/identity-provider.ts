import Provider, { type Account, type JWK } from 'oidc-provider';
import { renderErrorPage } from './interaction-pages';
import type { TokenStore } from './token-store';

/** The loopback redirect URIs registered for the native client; any port matches (RFC 8252 §7.3). */
export const NATIVE_REDIRECT_URIS = ['http://127.0.0.1/callback'];

/** Where the identity provider lives below the simulator's origin: the issuer is `${url}${ISSUER_PATH}`. */
export const ISSUER_PATH = '/oidc';

/** Where oidc-provider sends the browser to sign in and consent: `${INTERACTION_PATH}/<uid>`. */
export const INTERACTION_PATH = '/interaction';

export interface IdentityUser {
  id: string;
  email: string;
  name: string;
}

export interface IdentityProviderOptions {
  issuer: string;
  clientId: string;
  redirectUris: readonly string[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  signingKey: JWK;
  cookieKeys: string[];
  tokens: TokenStore;
  findUser(id: string): IdentityUser | undefined;
}

const DAY_SECONDS = 24 * 3600;

/**
 * A real OpenID Provider (oidc-provider) with one public native client: authorization code with PKCE
 * (S256, required), refresh tokens on every grant, revocation, opaque access tokens.
 */
export function createIdentityProvider(options: IdentityProviderOptions): Provider {
  const provider = new Provider(options.issuer, {
    adapter: options.tokens.adapterFor,
    clients: [
      {
        client_id: options.clientId,
        client_name: 'authentik License Manager',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...options.redirectUris],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [options.signingKey] },
    cookies: { keys: options.cookieKeys },
    // Tokens expire exactly at `exp`, so a test with a 1-second TTL sees it go.
    clockTolerance: 0,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      resourceIndicators: { enabled: false },
    },
    // A native app keeps its sign-in across browser sessions: every grant gets a refresh token.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    expiresWithSession: async () => false,
    ttl: {
      AccessToken: options.accessTokenTtlSeconds,
      RefreshToken: options.refreshTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * DAY_SECONDS,
      Grant: 365 * DAY_SECONDS,
    },
    interactions: { url: async (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    findAccount: async (_ctx, sub): Promise<Account | undefined> => {
      const user = options.findUser(sub);
      if (user === undefined) return undefined;
      return {
        accountId: user.id,
        claims: () => ({ sub: user.id, email: user.email, email_verified: true, name: user.name }),
      };
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage(String(out.error ?? 'error'), String(out.error_description ?? ''));
    },
  });
  return provider;
}
