import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInstanceService } from '../../../main/instances/instance-service';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { SEED } from '../../sim/portal';
import { filesHolding } from '../keychain/vault-reader';
import { portalFailure, portalFixtures, requestLog, storedTokens } from './portal-fixtures';

const fx = portalFixtures();
const ALICE = SEED.users.alice;
const BOB = SEED.users.bob;

describe('portal sign-in through the system browser (authorization code + PKCE, loopback redirect)', () => {
  it('signs in, keeps the tokens only in the token vault and the account (no token) in the data folder', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    const account = await world.accounts.signIn(`${sim.url}/`);

    expect(account).toEqual({
      id: `${ALICE.id}@${new URL(sim.url).host}`,
      portalUrl: sim.url,
      userId: ALICE.id,
      email: ALICE.email,
      name: ALICE.name,
      lastUsedAt: expect.stringMatching(/Z$/),
    });
    const tokens = storedTokens(world, account.id);
    expect(tokens?.access_token).toEqual(expect.any(String));
    expect(tokens?.refresh_token).toEqual(expect.any(String));
    expect(Date.parse(tokens?.expires_at ?? '')).toBeGreaterThan(Date.now());

    const file = world.configText();
    expect(JSON.parse(file)).toEqual({ portalAccounts: [account], schemaVersion: 1 });
    expect(file).not.toContain(tokens?.access_token);
    expect(file).not.toContain(tokens?.refresh_token);
    // Sealed in the vault: no file of the data folder holds either in the clear.
    for (const token of [tokens?.access_token, tokens?.refresh_token])
      expect(filesHolding(world.dir, token ?? '')).toEqual([]);

    const [opened] = world.browser.opened;
    const authorization = new URL(opened ?? '');
    expect(authorization.origin + authorization.pathname).toBe(`${sim.issuer}/auth`);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(authorization.searchParams.get('state')).toEqual(expect.any(String));
    expect(authorization.searchParams.has('code_verifier')).toBe(false);
    expect(world.browser.pages[0]).toContain('You can close this tab');

    expect((await world.accounts.client().listOrganizations()).map((organization) => organization.name).sort()).toEqual(
      ['Acme Corp', 'Globex Inc.'],
    );
  });

  it('refuses an answer whose state was tampered with, exchanges no code, and says so when the wait ends', async () => {
    const sim = await fx.sim();
    const world = await fx.world(
      { signInTimeoutMs: 500 },
      { email: ALICE.email, tamper: (redirect) => redirect.searchParams.set('state', 'forged-state') },
    );
    const error = await portalFailure(world.accounts.signIn(sim.url));

    expect(error.code).toBe('sign_in_state_mismatch');
    expect(error.message).toContain('an answer with another state was refused');
    expect(world.browser.pages[0]).toContain('refused');
    expect(requestLog(sim).filter((line) => line.startsWith('POST /oidc/token'))).toEqual([]);
    expect(world.store.list()).toEqual([]);
    expect(storedTokens(world, `${ALICE.id}@${new URL(sim.url).host}`)).toBeNull();
  });

  it("is not ended by another local program's forged answer: the browser's own answer still signs in", async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email, interloper: true });
    const account = await world.accounts.signIn(sim.url);

    expect(account.email).toBe(ALICE.email);
    expect(world.browser.pages[0]).toContain('Sign-in refused');
    expect(world.browser.pages[1]).toContain('You can close this tab');
    // Only the browser's code was exchanged, once.
    expect(requestLog(sim).filter((line) => line.startsWith('POST /oidc/token'))).toEqual(['POST /oidc/token 200']);
    expect(storedTokens(world, account.id)?.access_token).toEqual(expect.any(String));
  });

  it('says "You declined" when consent is denied, and saves nothing', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email, deny: true });
    const error = await portalFailure(world.accounts.signIn(sim.url));

    expect(error.code).toBe('sign_in_declined');
    expect(error.message).toMatch(/^You declined the sign-in at 127\.0\.0\.1:\d+, so nothing was signed in/);
    expect(world.browser.pages[0]).toContain('You declined');
    expect(world.store.list()).toEqual([]);
    expect(world.configText()).toBe('');
    expect(storedTokens(world, `${ALICE.id}@${new URL(sim.url).host}`)).toBeNull();
  });

  it('gives up when the browser never comes back', async () => {
    const sim = await fx.sim();
    const world = await fx.world({ signInTimeoutMs: 300 });
    const error = await portalFailure(world.accounts.signIn(sim.url));
    expect(error.code).toBe('sign_in_timeout');
    expect(world.browser.opened).toHaveLength(1);
    expect(world.store.list()).toEqual([]);
  });

  it('asks to sign in again once the refresh token has expired', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    const account = await world.accounts.signIn(sim.url);
    sim.expireTokens(['AccessToken', 'RefreshToken']);
    const from = sim.requests.length;

    const error = await portalFailure(world.accounts.client().me());
    expect(error.code).toBe('unauthorized');
    expect(error.message).toBe(
      `Your sign-in to the portal at ${new URL(sim.url).host} as ${ALICE.email} has ended; sign in again.`,
    );
    // One refused call, one refused refresh (after reading the portal's config and its provider's), and no second call.
    expect(requestLog(sim, from)).toEqual([
      'GET /api/v1/me 401',
      'GET /api/v1/config 200',
      'GET /oidc/.well-known/openid-configuration 200',
      'POST /oidc/token 400',
    ]);
    expect(world.store.get(account.id)).toBeDefined();
  });

  it('asks to sign in again when the refresh token ran out by its lifetime', async () => {
    const sim = await fx.sim({ accessTokenTtlSeconds: 1, refreshTokenTtlSeconds: 1 });
    const world = await fx.world({}, { email: ALICE.email });
    await world.accounts.signIn(sim.url);
    // oidc-provider counts whole seconds: 1.2 s after the sign-in, a token issued with 1 s to live has expired.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await portalFailure(world.accounts.client().listPlans())).code).toBe('unauthorized');
  });

  it('signs out: the provider revokes the tokens (the old access token gets 401) and its tokens leave the vault', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    const account = await world.accounts.signIn(sim.url);
    const old = storedTokens(world, account.id);

    const result = await world.accounts.signOut();
    expect(result).toEqual({ account: { ...account, lastUsedAt: expect.any(String) }, revocationProblem: null });
    expect(requestLog(sim).filter((line) => line.startsWith('POST /oidc/token/revocation'))).toEqual([
      'POST /oidc/token/revocation 200',
      'POST /oidc/token/revocation 200',
    ]);
    expect(storedTokens(world, account.id)).toBeNull();
    expect(world.store.list()).toEqual([]);

    const me = await fetch(`${sim.url}/api/v1/me`, { headers: { authorization: `Bearer ${old?.access_token ?? ''}` } });
    expect(me.status).toBe(401);
  });

  it('deletes the tokens from the keychain even when the provider cannot revoke them, and says so', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    const account = await world.accounts.signIn(sim.url);
    sim.fault({ path: '/oidc/token/revocation', status: 503 });

    const result = await world.accounts.signOut(account.id);
    expect(result.revocationProblem).toContain(new URL(sim.url).host);
    expect(storedTokens(world, account.id)).toBeNull();
    expect(world.store.list()).toEqual([]);
  });

  it('keeps several accounts at once and uses the most recently used one by default', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    const alice = await world.accounts.signIn(sim.url);
    world.browser.play = { email: BOB.email };
    const bob = await world.accounts.signIn(sim.url);

    expect(world.accounts.list().map((account) => account.email)).toEqual([BOB.email, ALICE.email]);
    expect((await world.accounts.client().me()).email).toBe(BOB.email);
    expect((await world.accounts.client(ALICE.email.toUpperCase()).me()).email).toBe(ALICE.email);
    expect(world.accounts.resolve().id).toBe(alice.id);
    expect(storedTokens(world, alice.id)?.access_token).not.toBe(storedTokens(world, bob.id)?.access_token);

    await world.accounts.signOut(bob.id);
    expect(world.accounts.list().map((account) => account.id)).toEqual([alice.id]);
    expect(storedTokens(world, alice.id)).not.toBeNull();
  });

  it('names the accounts there are when asked for another, and says when none is signed in', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    expect((await portalFailure(world.accounts.signOut())).code).toBe('not_signed_in');
    const alice = await world.accounts.signIn(sim.url);
    const error = await portalFailure(Promise.resolve().then(() => world.accounts.client('nobody@example.test')));
    expect(error.code).toBe('not_signed_in');
    expect(error.message).toContain(alice.id);
  });

  it('replaces an account signed in again instead of adding a second one', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    const first = await world.accounts.signIn(sim.url);
    const before = storedTokens(world, first.id);
    await world.accounts.signIn(sim.url);
    expect(world.accounts.list()).toHaveLength(1);
    expect(storedTokens(world, first.id)?.access_token).not.toBe(before?.access_token);
  });

  it('says when the address is not a portal that implements the API, offering its web pages instead', async () => {
    const site = await fx.site((_request, response) =>
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'),
    );
    const world = await fx.world({}, { email: ALICE.email });
    const error = await portalFailure(world.accounts.signIn(site));
    expect(error.code).toBe('not_a_portal');
    expect(error.message).toContain('does not implement the customer portal API');
    expect(error.message).toContain(`open ${site} in your browser`);
    expect(error.webUrl).toBe(site);
    expect(world.browser.opened).toEqual([]);
  });

  it('refuses a portal address that is not https (or http on this computer), before any request', async () => {
    const world = await fx.world({}, { email: ALICE.email });
    const error = await portalFailure(world.accounts.signIn('http://portal.example.com'));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual({ portalUrl: expect.stringContaining('must use https://') });
    expect(world.browser.opened).toEqual([]);
  });

  it("leaves the instance tokens' audit alone: portal entries are not orphaned instance tokens", async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    const account = await world.accounts.signIn(sim.url);
    const registry = createInstanceRegistry(confRegistryStore(world.dir));
    const audit = await createInstanceService({ registry, secrets: world.secrets, newId: randomUUID }).audit();
    expect(audit.orphanedSecrets).not.toContain(`portal:${account.id}`);
    expect(audit.orphanedSecrets.filter((entry) => entry.startsWith('portal:'))).toEqual([]);
  });
});
