import type { TokenEndpointResponse } from 'openid-client';
import { z } from 'zod';
import type { SecretStore } from '../secrets/secret-store';

/** What a sign-in leaves in the token vault for one portal account; nowhere else. */
export interface PortalTokens {
  accessToken: string;
  /** Null when the identity provider issued none (then the session ends with the access token). */
  refreshToken: string | null;
  /** When the access token expires (epoch ms), when the provider said. */
  expiresAt: number | null;
}

/** The tokens of a token-endpoint answer; expiry from `expires_in`, counted from `now`. */
export function tokensFrom(
  response: TokenEndpointResponse,
  now: number,
  previousRefreshToken: string | null = null,
): PortalTokens {
  return {
    accessToken: response.access_token,
    // A provider that does not rotate refresh tokens sends none on refresh: the old one stays valid.
    refreshToken: response.refresh_token ?? previousRefreshToken,
    expiresAt: typeof response.expires_in === 'number' ? now + response.expires_in * 1000 : null,
  };
}

const PORTAL_ACCOUNT_PREFIX = 'portal:';

/** The account (in the token vault) holding a portal account's tokens: `portal:<account id>`. */
export function portalKeychainAccount(accountId: string): string {
  return `${PORTAL_ACCOUNT_PREFIX}${accountId}`;
}

/** The stored secret: one JSON object, so access token, refresh token and expiry change together. */
const STORED_TOKENS = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).nullable(),
  expires_at: z.iso.datetime().nullable(),
});

/** Portal tokens by account id, in the token vault only. */
export interface TokenVault {
  /** The tokens, or null when there are none (or the entry is not ours to read: then the user signs in again). */
  read(accountId: string): Promise<PortalTokens | null>;
  write(accountId: string, tokens: PortalTokens): Promise<void>;
  /** True when an entry was deleted. */
  remove(accountId: string): Promise<boolean>;
}

export function createTokenVault(secrets: SecretStore): TokenVault {
  return {
    async read(accountId) {
      const secret = await secrets.get(portalKeychainAccount(accountId));
      if (secret === null) return null;
      let json: unknown;
      try {
        json = JSON.parse(secret);
      } catch {
        return null;
      }
      const parsed = STORED_TOKENS.safeParse(json);
      if (!parsed.success) return null;
      const { access_token, refresh_token, expires_at } = parsed.data;
      return {
        accessToken: access_token,
        refreshToken: refresh_token,
        expiresAt: expires_at === null ? null : Date.parse(expires_at),
      };
    },
    write(accountId, tokens) {
      const stored: z.infer<typeof STORED_TOKENS> = {
        access_token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
        expires_at: tokens.expiresAt === null ? null : new Date(tokens.expiresAt).toISOString(),
      };
      return secrets.set(portalKeychainAccount(accountId), JSON.stringify(stored));
    },
    remove: (accountId) => secrets.delete(portalKeychainAccount(accountId)),
  };
}
