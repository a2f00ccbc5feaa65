import { describe, expect, it } from 'vitest';
import { SEED } from '../../sim/portal';
import { tokenPlaces, vaultSecret } from '../keychain/vault-reader';
import { portalIpcFixtures } from './portal-ipc-fixtures';

const fx = portalIpcFixtures();
const { alice: ALICE, carol: CAROL } = SEED.users;

describe('portal accounts over IPC (the real router, the portal simulator, the token vault and its key in the OS keychain)', () => {
  it('signs in through the browser: the account is active, its tokens are only in the token vault, its organizations load', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);

    expect(await app.failure('portal:list-organizations', {})).toEqual({
      code: 'not_signed_in',
      message: 'You are not signed in to the customer portal; sign in first.',
    });

    const { account } = await app.signIn(ALICE.email);
    const accountId = `${ALICE.id}@${new URL(sim.url).host}`;
    expect(account).toEqual({
      id: accountId,
      portalUrl: sim.url,
      email: ALICE.email,
      name: ALICE.name,
      lastUsedAt: expect.stringMatching(/Z$/),
      active: true,
    });
    expect(new URL(app.browser.opened[0] ?? '').pathname).toBe('/oidc/auth');
    expect(app.events).toContain('portal:did-change');

    const sealed = vaultSecret(app.dataDir, `portal:${accountId}`) ?? 'null';
    const stored = JSON.parse(sealed) as { access_token: string; refresh_token: string };
    expect(stored.access_token).toEqual(expect.any(String));
    for (const token of [sealed, stored.access_token, stored.refresh_token])
      expect(tokenPlaces(app.dataDir, `portal:${accountId}`, token)).toMatchObject({ keychain: null, inClear: [] });
    const listed = await app.ok('portal:list-accounts', {});
    expect(listed).toEqual({ accounts: [account], defaultPortalUrl: sim.url });
    expect(JSON.stringify(listed)).not.toContain(stored.access_token);
    expect(JSON.stringify(listed)).not.toContain(stored.refresh_token);

    const { organizations, supportUrl } = await app.ok('portal:list-organizations', {});
    expect(organizations.map(({ name, role }) => `${name} (${role})`).sort()).toEqual([
      'Acme Corp (owner)',
      'Globex Inc. (member)',
    ]);
    expect(supportUrl).toBe(`${sim.url}/support`);
  });

  it('signs in at the default portal when none is named, and switches between signed-in accounts', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    const alice = (await app.signIn(ALICE.email, null)).account;
    const carol = (await app.signIn(CAROL.email, null)).account;

    expect((await app.ok('portal:list-accounts', {})).accounts.map(({ email, active }) => [email, active])).toEqual([
      [CAROL.email, true],
      [ALICE.email, false],
    ]);
    expect((await app.ok('portal:list-organizations', {})).organizations.map(({ name }) => name)).toEqual([
      'Globex Inc.',
    ]);

    expect((await app.ok('portal:switch-account', { accountId: alice.id })).account).toMatchObject({
      id: alice.id,
      active: true,
    });
    expect((await app.ok('portal:list-organizations', {})).organizations.map(({ name }) => name).sort()).toEqual([
      'Acme Corp',
      'Globex Inc.',
    ]);

    expect(await app.ok('portal:sign-out', { accountId: carol.id })).toEqual({ revocationProblem: null });
    expect(vaultSecret(app.dataDir, `portal:${carol.id}`)).toBeNull();
    expect((await app.ok('portal:list-accounts', {})).accounts.map(({ email }) => email)).toEqual([ALICE.email]);
  });

  it('stops waiting when the sign-in is cancelled, and saves nothing', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    const pending = app.invoke('portal:sign-in', { portalUrl: sim.url });
    await expect.poll(() => app.browser.opened.length).toBe(1);
    expect(await app.ok('portal:cancel-sign-in', {})).toEqual({});

    expect(await pending).toEqual({
      ok: false,
      error: { code: 'refused', message: 'The sign-in was cancelled; nothing was signed in.' },
    });
    expect((await app.ok('portal:list-accounts', {})).accounts).toEqual([]);
  });

  it('asks to sign in again once the portal has ended the sign-in (401 after one refresh)', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    sim.expireTokens(['AccessToken', 'RefreshToken']);

    const failure = await app.failure('portal:list-organizations', {});
    expect(failure.code).toBe('not_signed_in');
    expect(failure.message).toContain('sign in again');
  });

  it('says when an address is not a customer portal, and offers its web pages', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    // The simulator's support page exists, but there is no Portal API below it.
    const failure = await app.failure('portal:sign-in', { portalUrl: `${sim.url}/support` });
    expect(failure.code).toBe('not_a_portal');
    expect(failure.message).toContain(
      `You can still use the portal's web pages: open ${sim.url}/support in your browser.`,
    );
    expect(app.browser.opened).toEqual([]);
  });

  it("opens a portal's own web pages in the browser, https only", async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    expect(await app.ok('portal:open-web', { portalUrl: 'https://customers.goauthentik.io/' })).toEqual({
      url: 'https://customers.goauthentik.io/',
    });
    expect(await app.failure('portal:open-web', { portalUrl: 'http://customers.goauthentik.io/' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(app.browser.opened).toEqual(['https://customers.goauthentik.io/']);
  });

  it('refuses a plain-http portal that is not on this computer before anything opens', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    const failure = await app.failure('portal:sign-in', { portalUrl: 'http://portal.example.com' });
    expect(failure.code).toBe('invalid_input');
    expect(failure.message).toMatch(/^portalUrl: the portal's address must use https:\/\//);
    expect(app.browser.opened).toEqual([]);
  });
});
