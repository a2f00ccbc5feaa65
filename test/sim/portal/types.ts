import type { TestPki } from '../../pki/test-pki';
import type { PortalFault } from './http/faults';
import type { PortalState } from './state/portal-state';
import type { UserRecord } from './state/records';

export interface PortalSimOptions {
  /** Listen on this port of 127.0.0.1; default a free one. */
  port?: number;
  /** Seeded demo data (`SEED`); default true. Without it the simulator has the plans and `users` only. */
  seed?: boolean;
  /** Extra users who can sign in (with `DEMO_PASSWORD`), in no organization. */
  users?: { email: string; name: string }[];
  /** The business clock (epoch ms) for license and invitation expiry and billing dates; default Date.now. */
  now?: () => number;
  /** Real time after Pay before the key is issued and the license becomes active; default 1000 ms. */
  checkoutDelayMs?: number;
  /** Access token lifetime; default 3600 s. */
  accessTokenTtlSeconds?: number;
  /** Refresh token lifetime; default 14 days. */
  refreshTokenTtlSeconds?: number;
  /** The public client's id; default 'authentik-license-manager'. */
  clientId?: string;
  /** Loopback redirect URIs registered for the client (any port matches); default `NATIVE_REDIRECT_URIS`. */
  redirectUris?: string[];
  /** Invitation links are `${invitationBase}?token=…`; default `${url}/invitations/accept`. */
  invitationBase?: string;
  /** Default `${url}/support`. */
  supportUrl?: string;
  /** Sign keys with this PKI's P-384 signer; default a fresh `createTestPki()` (or the state file's chain). */
  pki?: TestPki;
  /** Keep the state in this JSON file: loaded when it exists, written after every request. */
  stateFile?: string;
}

/** One request as the simulator saw it; never a token, a query or a body. */
export interface PortalSimRequest {
  method: string;
  path: string;
  /** null when the connection was dropped without an answer. */
  status: number | null;
}

/** An invitation e-mail as `outbox()` and `GET /__sim/outbox` give it. */
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** The invitation link in `text`, holding the token. */
  link: string;
  sent_at: string;
}

export interface PortalSim {
  /** The origin, e.g. `http://127.0.0.1:41234`; the API is under `${url}/api/v1`. */
  url: string;
  /** The OpenID Connect issuer (`${url}/oidc`). */
  issuer: string;
  clientId: string;
  /** PEM of the root the issued keys chain to: what `aklm verify --root` needs. */
  rootPem: string;
  /** The live data; tests may read it and arrange situations in it. */
  state: PortalState;
  requests: PortalSimRequest[];
  outbox(): OutboxMail[];
  /** Adds a user who can sign in (no organization). */
  addUser(user: { email: string; name: string }): UserRecord;
  /** Makes every access token issued so far (by default; or the kinds given) expired now. */
  expireTokens(kinds?: ('AccessToken' | 'RefreshToken')[]): void;
  fault(fault: PortalFault): void;
  stop(): Promise<void>;
}
