import * as oidc from 'openid-client';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createTestPki, type TestPki } from '../../pki/test-pki';
import { completeSignIn, DEMO_CARD, startPortalSim, type PortalSim, type PortalSimOptions } from '../../sim/portal';
import {
  loadOpenApiResponseValidator,
  type ObservedResponse,
  type OpenApiResponseValidator,
} from './openapi-response-validator';

/** The loopback redirect URI a native app would use (any port is accepted). */
export const REDIRECT_URI = 'http://127.0.0.1:49152/callback';
export const SCOPE = 'openid email profile offline_access';

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
}

/** The simulator's issuer as a relying party sees it (plain-http loopback allowed, as in tests). */
export async function discover(sim: PortalSim): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(sim.issuer), sim.clientId, undefined, oidc.None(), {
    execute: [oidc.allowInsecureRequests],
  });
}

/** An authorization request with PKCE (S256) and a fresh state, and what the token request will need. */
export async function authorizationRequest(config: oidc.Configuration, redirectUri = REDIRECT_URI) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  return { url, verifier, state };
}

/** Signs `email` in through the real authorization-code flow and returns the tokens. */
export async function signIn(sim: PortalSim, email: string): Promise<SignedIn> {
  const config = await discover(sim);
  const request = await authorizationRequest(config);
  const callback = await completeSignIn(request.url.href, { email });
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: request.verifier,
    expectedState: request.state,
  });
  if (tokens.refresh_token === undefined) throw new Error('the simulator issued no refresh token');
  return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
}

export interface CallOptions {
  token?: string | null;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with Content-Type: application/json. */
  rawBody?: string;
}

export type ApiCall = (method: string, path: string, options?: CallOptions) => Promise<ObservedResponse>;

/**
 * Calls the simulator's API and checks every answer against docs/portal-api-v1.yaml (a failed check
 * fails the test there); `seen` collects `METHOD template status` for coverage.
 */
export function apiCaller(sim: PortalSim, validator: OpenApiResponseValidator, seen: Set<string>): ApiCall {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.token !== undefined && options.token !== null) headers.Authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined || options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = options.rawBody ?? JSON.stringify(options.body);
    }
    const response = await fetch(`${sim.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const contentType = response.headers.get('content-type');
    const bytes = new Uint8Array(await response.arrayBuffer());
    let parsed: unknown;
    if (bytes.byteLength > 0)
      parsed =
        contentType?.startsWith('application/json') === true ? JSON.parse(Buffer.from(bytes).toString('utf8')) : bytes;
    const observed: ObservedResponse = {
      method,
      path: path.split('?')[0] ?? path,
      status: response.status,
      contentType,
      headers: response.headers,
      body: parsed,
    };
    const verdict = validator.check(observed);
    expect(verdict.problems, `${method} ${path} → ${response.status} ${JSON.stringify(parsed)?.slice(0, 300)}`).toEqual(
      [],
    );
    seen.add(`${method} ${verdict.template} ${response.status}`);
    return observed;
  };
}

export interface PortalKit {
  sim: PortalSim;
  call: ApiCall;
  validator: OpenApiResponseValidator;
  seen: Set<string>;
  /** Access tokens of seeded users, signed in once per simulator. */
  token(email: string): Promise<string>;
}

/**
 * A simulator (`options`) with an API caller that checks every answer against the document and adds
 * it to `seen`, and signed-in tokens on demand; stop it with `kit.sim.stop()`.
 */
export async function startPortalKit(
  options: PortalSimOptions,
  validator: OpenApiResponseValidator,
  seen: Set<string>,
): Promise<PortalKit> {
  const sim = await startPortalSim(options);
  const tokens = new Map<string, string>();
  return {
    sim,
    call: apiCaller(sim, validator, seen),
    validator,
    seen,
    async token(email) {
      let token = tokens.get(email);
      if (token === undefined) {
        token = (await signIn(sim, email)).accessToken;
        tokens.set(email, token);
      }
      return token;
    },
  };
}

/**
 * Registers hooks giving each test a fresh kit (`startPortalKit`): a simulator (`options`; checkout
 * delay 0 and one test PKI for the file unless given). Read the fields inside tests.
 */
export function freshPortalSimPerTest(options: PortalSimOptions = {}): PortalKit {
  const kit = { seen: new Set<string>() } as PortalKit;
  let validator: OpenApiResponseValidator;
  let pki: TestPki;
  beforeAll(async () => {
    validator = await loadOpenApiResponseValidator();
    pki = await createTestPki();
  });
  beforeEach(async () => {
    Object.assign(kit, await startPortalKit({ checkoutDelayMs: 0, pki, ...options }, validator, kit.seen));
  });
  afterEach(async () => {
    await kit.sim.stop();
  });
  return kit;
}

/** Presses Pay on a checkout page with a card, as the browser form posts it; returns the answer's status. */
export async function pressPay(checkoutUrl: string, cardNumber = DEMO_CARD): Promise<number> {
  const form = new URLSearchParams({ card_number: cardNumber, exp_month: '12', exp_year: '2099' });
  const response = await fetch(`${checkoutUrl}/pay`, { method: 'POST', body: form, redirect: 'manual' });
  await response.body?.cancel();
  return response.status;
}

/** Presses "Add card" on a payment-method setup page; returns the answer's status. */
export async function pressAddCard(setupUrl: string, cardNumber = DEMO_CARD): Promise<number> {
  const form = new URLSearchParams({ card_number: cardNumber, exp_month: '7', exp_year: '2099' });
  const response = await fetch(setupUrl, { method: 'POST', body: form, redirect: 'manual' });
  await response.body?.cancel();
  return response.status;
}
