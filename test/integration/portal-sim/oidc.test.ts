import { setTimeout as sleep } from 'node:timers/promises';
import * as oidc from 'openid-client';
import { describe, expect, it } from 'vitest';
import { completeSignIn, SEED } from '../../sim/portal';
import { authorizationRequest, discover, freshPortalSimPerTest, REDIRECT_URI } from './portal-sim-fixtures';

const { users: U } = SEED;

describe('sign-in: authorization code with PKCE against the real OpenID Provider', () => {
  const kit = freshPortalSimPerTest();

  it('signs a seeded user in and the API accepts the access token', async () => {
    const config = await discover(kit.sim);
    expect(config.serverMetadata()).toMatchObject({
      issuer: kit.sim.issuer,
      code_challenge_methods_supported: ['S256'],
    });
    const request = await authorizationRequest(config);
    const callback = new URL(await completeSignIn(request.url.href, { email: U.carol.email }));
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe(request.state);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    expect(tokens.claims()).toMatchObject({ sub: U.carol.id, iss: kit.sim.issuer, aud: kit.sim.clientId });
    expect(await oidc.fetchUserInfo(config, tokens.access_token, U.carol.id)).toMatchObject({
      email: U.carol.email,
      email_verified: true,
      name: U.carol.name,
    });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect((await kit.call('GET', '/api/v1/me', { token: tokens.access_token })).body).toEqual({
      user_id: U.carol.id,
      email: U.carol.email,
      name: U.carol.name,
    });
  });

  it('accepts the loopback redirect on any port (RFC 8252) and nothing else', async () => {
    const config = await discover(kit.sim);
    for (const port of [1024, 61234]) {
      const request = await authorizationRequest(config, `http://127.0.0.1:${port}/callback`);
      expect(new URL(await completeSignIn(request.url.href, { email: U.bob.email })).port).toBe(String(port));
    }
    for (const redirectUri of [
      'http://127.0.0.1:8080/elsewhere',
      'http://evil.test:8080/callback',
      'https://127.0.0.1/callback',
    ]) {
      const request = await authorizationRequest(config, redirectUri);
      await expect(completeSignIn(request.url.href, { email: U.bob.email })).rejects.toThrow(/redirect_uri/);
    }
  });

  it('requires PKCE: no code challenge is refused, a wrong verifier gets no tokens', async () => {
    const config = await discover(kit.sim);
    const withoutPkce = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      state: 'abc',
    });
    const refused = new URL(await completeSignIn(withoutPkce.href, { email: U.bob.email }));
    expect(refused.searchParams.get('error')).toBe('invalid_request');
    const request = await authorizationRequest(config);
    const callback = new URL(await completeSignIn(request.url.href, { email: U.bob.email }));
    await expect(
      oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: oidc.randomPKCECodeVerifier(),
        expectedState: request.state,
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('Deny sends the browser back with access_denied and the state', async () => {
    const config = await discover(kit.sim);
    const request = await authorizationRequest(config);
    const callback = new URL(await completeSignIn(request.url.href, { email: U.bob.email, deny: true }));
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(request.state);
    expect(callback.searchParams.has('code')).toBe(false);
  });

  it('a wrong password or unknown e-mail stops on the sign-in page with the reason', async () => {
    const config = await discover(kit.sim);
    const request = await authorizationRequest(config);
    await expect(completeSignIn(request.url.href, { email: U.bob.email, password: 'guess' })).rejects.toThrow(
      'Unknown e-mail address or wrong password',
    );
    await expect(completeSignIn(request.url.href, { email: 'nobody@example.test' })).rejects.toThrow(
      'Unknown e-mail address or wrong password',
    );
  });
});

describe('tokens: refresh, revocation, expiry', () => {
  const kit = freshPortalSimPerTest({ accessTokenTtlSeconds: 1 });

  async function signedIn() {
    const config = await discover(kit.sim);
    const request = await authorizationRequest(config);
    const callback = new URL(await completeSignIn(request.url.href, { email: U.alice.email }));
    return {
      config,
      tokens: await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: request.verifier,
        expectedState: request.state,
      }),
    };
  }

  it('an access token past its lifetime is 401 token_expired; the refresh token gets a working one', async () => {
    const { config, tokens } = await signedIn();
    expect(tokens.expires_in).toBe(1);
    await sleep(1100);
    const expired = await kit.call('GET', '/api/v1/me', { token: tokens.access_token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: { code: 'token_expired' } });
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? '');
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect((await kit.call('GET', '/api/v1/me', { token: refreshed.access_token })).status).toBe(200);
  });

  it('a revoked access token is 401 invalid_token at once', async () => {
    const { config, tokens } = await signedIn();
    await oidc.tokenRevocation(config, tokens.access_token, { token_type_hint: 'access_token' });
    const answer = await kit.call('GET', '/api/v1/me', { token: tokens.access_token });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('revoking the refresh token (sign-out) ends the whole sign-in: no refresh, and its access token is refused', async () => {
    const { config, tokens } = await signedIn();
    await oidc.tokenRevocation(config, tokens.refresh_token ?? '', { token_type_hint: 'refresh_token' });
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect((await kit.call('GET', '/api/v1/me', { token: tokens.access_token })).status).toBe(401);
  });

  it('an expired refresh token is refused with invalid_grant: the user must sign in again', async () => {
    const { config, tokens } = await signedIn();
    kit.sim.expireTokens(['RefreshToken']);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });
});

describe('token lifetimes are options', () => {
  const kit = freshPortalSimPerTest({ refreshTokenTtlSeconds: 1 });

  it('a refresh token past its lifetime is refused', async () => {
    const config = await discover(kit.sim);
    const request = await authorizationRequest(config);
    const callback = new URL(await completeSignIn(request.url.href, { email: U.alice.email }));
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    await sleep(1100);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });
});
