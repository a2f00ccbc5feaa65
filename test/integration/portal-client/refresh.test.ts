import { describe, expect, it } from 'vitest';
import { SEED } from '../../sim/portal';
import { portalFailure, portalFixtures, requestLog, storedTokens } from './portal-fixtures';

const fx = portalFixtures();
const ALICE = SEED.users.alice;

/** The log without the reads of the portal's config and its provider's discovery document. */
function apiAndTokenCalls(lines: string[]): string[] {
  return lines.filter((line) => !line.includes('/api/v1/config') && !line.includes('/.well-known/'));
}

describe('portal tokens: refresh on 401 once, then "sign in again"', () => {
  it('answers a 401 by refreshing once, sending the request again and keeping the new tokens in the token vault', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    const account = await world.accounts.signIn(sim.url);
    const before = storedTokens(world, account.id);
    sim.expireTokens(['AccessToken']);
    const from = sim.requests.length;

    expect((await world.accounts.client().me()).email).toBe(ALICE.email);
    expect(apiAndTokenCalls(requestLog(sim, from))).toEqual([
      'GET /api/v1/me 401',
      'POST /oidc/token 200',
      'GET /api/v1/me 200',
    ]);
    const after = storedTokens(world, account.id);
    expect(after?.access_token).not.toBe(before?.access_token);
    expect(after?.refresh_token).toEqual(expect.any(String));
    expect(world.configText()).not.toContain(after?.access_token);
  });

  it('asks to sign in again when the refreshed token is refused too, without a second refresh', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    await world.accounts.signIn(sim.url);
    sim.fault({ path: '/api/v1/me', status: 401, times: 2 });
    const from = sim.requests.length;

    const error = await portalFailure(world.accounts.client().me());
    expect(error.code).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(apiAndTokenCalls(requestLog(sim, from))).toEqual([
      'GET /api/v1/me 401',
      'POST /oidc/token 200',
      'GET /api/v1/me 401',
    ]);
  });

  it('shares one refresh among requests refused at the same time (the provider rotates refresh tokens)', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    await world.accounts.signIn(sim.url);
    sim.expireTokens(['AccessToken']);
    const from = sim.requests.length;

    const client = world.accounts.client();
    const answers = await Promise.all([client.me(), client.listOrganizations(), client.listPlans()]);
    expect(answers[0].email).toBe(ALICE.email);
    expect(requestLog(sim, from).filter((line) => line.startsWith('POST /oidc/token'))).toEqual([
      'POST /oidc/token 200',
    ]);
    // The session still works afterwards: the rotated refresh token was kept.
    sim.expireTokens(['AccessToken']);
    expect((await world.accounts.client().me()).email).toBe(ALICE.email);
  });

  it('refreshes before sending when the stored expiry says the access token has expired', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    await world.accounts.signIn(sim.url);
    const later = await fx.world({ now: () => Date.now() + 2 * 3600_000 }, null, { dir: world.dir });
    const from = sim.requests.length;

    expect((await later.accounts.client().me()).email).toBe(ALICE.email);
    expect(apiAndTokenCalls(requestLog(sim, from))).toEqual(['POST /oidc/token 200', 'GET /api/v1/me 200']);
  });

  it('refreshes at most once per call: a 401 on the token just refreshed before sending asks to sign in again', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    const account = await world.accounts.signIn(sim.url);
    const later = await fx.world({ now: () => Date.now() + 2 * 3600_000 }, null, { dir: world.dir });
    sim.fault({ path: '/api/v1/me', status: 401 });
    const from = sim.requests.length;

    const error = await portalFailure(later.accounts.client().me());
    expect(error.code).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      `Your sign-in to the portal at ${new URL(sim.url).host} as ${ALICE.email} has ended; sign in again.`,
    );
    expect(apiAndTokenCalls(requestLog(sim, from))).toEqual(['POST /oidc/token 200', 'GET /api/v1/me 401']);
    // The refreshed tokens are kept: the next call is a call of its own, and it works.
    expect(storedTokens(world, account.id)?.access_token).toEqual(expect.any(String));
    expect((await world.accounts.client().me()).email).toBe(ALICE.email);
  });

  it('reads the token vault per request, so tokens another process refreshed are used without refreshing again', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    await world.accounts.signIn(sim.url);
    const stale = world.accounts.client();
    // Another process (the desktop app, say) refreshes and stores new tokens.
    sim.expireTokens(['AccessToken']);
    await world.accounts.client().me();
    const from = sim.requests.length;

    expect((await stale.me()).email).toBe(ALICE.email);
    expect(apiAndTokenCalls(requestLog(sim, from))).toEqual(['GET /api/v1/me 200']);
  });
});
