import { describe, expect, it } from 'vitest';
import { closedUrl } from '../../net/closed-url';
import { SEED } from '../../sim/portal';
import { storedTokens } from '../../integration/portal-client/portal-fixtures';
import { portalCliFixtures, TEST_BROWSER } from './portal-cli-fixtures';

const fx = portalCliFixtures();
const ALICE = SEED.users.alice;
const BOB = SEED.users.bob;

const browserAs = (email: string, extra: Record<string, string> = {}) => ({
  BROWSER: TEST_BROWSER,
  AKLM_TEST_SIGN_IN_EMAIL: email,
  ...extra,
});

describe('aklm portal login (built CLI, system browser = $BROWSER, token vault with its key in the real keychain)', () => {
  it('signs in through the browser, prints the address too, and keeps the tokens only in the token vault', async () => {
    const sim = await fx.sim();
    const { world, aklm, configText } = await fx.signedIn(sim);
    const run = await aklm(['login', '--portal', sim.url], browserAs(ALICE.email));

    const id = `${ALICE.id}@${new URL(sim.url).host}`;
    expect(run.stderr).toContain(`open this address yourself:\n  ${sim.issuer}/auth?`);
    expect(run.stdout).toBe(
      `Signed in to ${new URL(sim.url).host} as ${ALICE.name} <${ALICE.email}> (account ${id}). The tokens are in the token vault, encrypted with a key the OS keychain holds.\n`,
    );
    expect(run.code).toBe(0);
    const tokens = storedTokens(world, id);
    expect(tokens?.access_token).toEqual(expect.any(String));
    const file = configText();
    expect(JSON.parse(file)).toMatchObject({ portalAccounts: [{ id, email: ALICE.email, portalUrl: sim.url }] });
    expect(file).not.toContain(tokens?.access_token);
    expect(file).not.toContain(tokens?.refresh_token);
    expect(`${run.stdout}${run.stderr}`).not.toContain(tokens?.access_token);
  });

  it('takes the portal from $AKLM_PORTAL_URL', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim);
    const run = await aklm(['login'], browserAs(BOB.email, { AKLM_PORTAL_URL: sim.url }));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`as ${BOB.name} <${BOB.email}>`);
  });

  it('exits 3 with "You declined" when consent is denied', async () => {
    const sim = await fx.sim();
    const { aklm, configText } = await fx.signedIn(sim);
    const run = await aklm(['login', '--portal', sim.url], browserAs(ALICE.email, { AKLM_TEST_SIGN_IN_DENY: '1' }));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`aklm: You declined the sign-in at ${new URL(sim.url).host}`);
    expect(configText()).toBe('');
  });

  it("refuses another program's answer with another state, and signs in with the browser's own", async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim);
    const run = await aklm(
      ['login', '--portal', sim.url],
      browserAs(ALICE.email, { AKLM_TEST_SIGN_IN_INTERLOPER: '1' }),
    );
    expect(run.stderr).toContain('interloper: HTTP 400\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`as ${ALICE.name} <${ALICE.email}>`);
  });

  it('exits 3 and offers the web pages when the address is not a Portal API v1 portal', async () => {
    const site = await fx.site((_request, response) => response.writeHead(404).end());
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim);
    const run = await aklm(['login', '--portal', site], browserAs(ALICE.email));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`does not implement the customer portal API this app uses`);
    expect(run.stderr).toContain(`open ${site} in your browser`);
  });

  it('exits 3 when the portal is unreachable', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim);
    const run = await aklm(['login', '--portal', await closedUrl()], browserAs(ALICE.email));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('refused the connection');
  });

  it('exits 2 for a portal address that is not https (or http on this computer)', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim);
    const run = await aklm(['login', '--portal', 'http://portal.example.com']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--portal: the portal's address must use https://");
  });
});

describe('aklm portal logout', () => {
  it('revokes the tokens, deletes them from the token vault, and the old access token stops working', async () => {
    const sim = await fx.sim();
    const { world, aklm } = await fx.signedIn(sim, ALICE.email);
    const account = world.accounts.resolve();
    const old = storedTokens(world, account.id);

    const run = await aklm(['logout']);
    expect(run.stdout).toBe(
      `Signed out ${ALICE.email} at ${new URL(sim.url).host}: the portal revoked the tokens and they were deleted from the token vault.\n`,
    );
    expect(run.code).toBe(0);
    expect(storedTokens(world, account.id)).toBeNull();
    expect(
      (await fetch(`${sim.url}/api/v1/me`, { headers: { authorization: `Bearer ${old?.access_token ?? ''}` } })).status,
    ).toBe(401);

    const after = await aklm(['orgs']);
    expect(after.code).toBe(3);
    expect(after.stderr).toContain('You are not signed in to the customer portal');
  });

  it('signs out the account named by --account and keeps the others', async () => {
    const sim = await fx.sim();
    const { world, aklm } = await fx.signedIn(sim, BOB.email, ALICE.email);
    const alice = world.accounts.resolve(ALICE.email);
    const run = await aklm(['logout', '--account', alice.id]);
    expect(run.code).toBe(0);
    expect(world.accounts.list().map((account) => account.email)).toEqual([BOB.email]);
    expect(storedTokens(world, alice.id)).toBeNull();
  });

  it('deletes the tokens even when the portal cannot revoke them, and says so', async () => {
    const sim = await fx.sim();
    const { world, aklm } = await fx.signedIn(sim, ALICE.email);
    const account = world.accounts.resolve();
    sim.fault({ path: '/oidc/token/revocation', status: 503 });
    const run = await aklm(['logout']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the tokens were deleted from the token vault');
    expect(run.stderr).toContain('note: the portal could not be told to revoke them');
    expect(storedTokens(world, account.id)).toBeNull();
  });

  it('exits 3 when no account is signed in', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim);
    const run = await aklm(['logout']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Sign in with: aklm portal login');
  });
});
