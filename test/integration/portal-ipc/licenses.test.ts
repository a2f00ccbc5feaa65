import { describe, expect, it } from 'vitest';
import { SECRET_CLIPBOARD_TTL_MS } from '../../../main/clipboard/secret-clipboard';
import { SEED } from '../../sim/portal';
import { portalIpcFixtures } from './portal-ipc-fixtures';

const fx = portalIpcFixtures();
const { alice: ALICE, bob: BOB, dave: DAVE } = SEED.users;
const { acme: ACME } = SEED.organizations;
const { acmeProduction: PRODUCTION, acmeStaging: STAGING } = SEED.licenses;

describe('portal licenses over IPC: the key leaves main only through the reveal channel', () => {
  it('lists licenses without keys; a Member reveals one key through the one reveal channel', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(BOB.email);
    const keys = sim.state.data.licenses.flatMap((license) => (license.key === null ? [] : [license.key]));
    expect(keys.length).toBeGreaterThan(2);

    const { licenses } = await app.ok('portal:list-licenses', { org: ACME.id });
    expect(licenses.map(({ nickname, status }) => `${nickname}: ${status}`).sort()).toEqual([
      'Edge sites: active',
      'Legacy cluster: expired',
      'Production: active',
      'Staging: pending_payment',
    ]);
    expect(licenses.every((license) => license.instances.length === 0 && !('key' in license))).toBe(true);
    const single = await app.ok('portal:get-license', { org: ACME.id, id: PRODUCTION.id });
    for (const answer of [licenses, single]) for (const key of keys) expect(JSON.stringify(answer)).not.toContain(key);

    const production = sim.state.data.licenses.find((license) => license.id === PRODUCTION.id);
    expect(await app.ok('portal:reveal-license-key', { org: ACME.id, id: PRODUCTION.id })).toEqual({
      key: production?.key,
    });
  });

  it('says a license waiting for its payment has no key yet', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    expect(await app.failure('portal:reveal-license-key', { org: ACME.id, id: STAGING.id })).toEqual({
      code: 'not_found',
      message:
        'The license "Staging" has no key yet: its payment has not been validated. It appears once the portal has validated the payment.',
    });
  });

  it('copies a key in main; the clipboard is cleared once the clock passes 60 seconds, if it still holds the key', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(BOB.email);
    const key = sim.state.data.licenses.find((license) => license.id === PRODUCTION.id)?.key;

    const { clearsAt } = await app.ok('portal:copy-license-key', { org: ACME.id, id: PRODUCTION.id });
    expect(Date.parse(clearsAt)).toBe(app.clock.now() + SECRET_CLIPBOARD_TTL_MS);
    expect(app.clipboard.peek()).toBe(key);
    await app.clock.advance(SECRET_CLIPBOARD_TTL_MS - 1);
    expect(app.clipboard.peek()).toBe(key);
    expect(app.events).not.toContain('clipboard:did-clear');
    await app.clock.advance(1);
    expect(app.clipboard.peek()).toBe('');
    expect(app.events).toContain('clipboard:did-clear');
  });

  it('renames a license as its Owner; a Member is refused in words', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(BOB.email);
    expect(
      await app.failure('portal:rename-license', { org: ACME.id, id: PRODUCTION.id, change: { nickname: 'Mine' } }),
    ).toEqual({
      code: 'forbidden',
      message: 'Only an Owner of Acme Corp can rename licenses. Ask an Owner to do it, or to make you an Owner.',
    });
    await app.signIn(ALICE.email);
    expect(
      (
        await app.ok('portal:rename-license', {
          org: ACME.id,
          id: PRODUCTION.id,
          change: { nickname: 'Production EU' },
        })
      ).license,
    ).toMatchObject({ id: PRODUCTION.id, nickname: 'Production EU', instances: [] });
  });

  it('refuses an empty nickname before anything is sent to the portal', async () => {
    const sim = await fx.portal();
    const app = await fx.app(sim.url);
    await app.signIn(ALICE.email);
    const before = sim.requests.length;
    const failure = await app.failure('portal:rename-license', {
      org: ACME.id,
      id: PRODUCTION.id,
      change: { nickname: '   ' },
    });
    expect(failure).toMatchObject({ code: 'invalid_input' });
    expect(sim.requests.slice(before)).toEqual([]);
  });

  it('reads a purchase as the account that placed it, also once another account is the active one, without switching back', async () => {
    const sim = await fx.portal({ checkoutDelayMs: 60_000 });
    const app = await fx.app(sim.url);
    const { account: alice } = await app.signIn(ALICE.email);
    const order = {
      plan: SEED.plans.yearlyEur.id,
      name: 'Followed',
      install_id: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      internal_users: 3,
      external_users: 1,
    };
    const checkout = await app.ok('portal:checkout', { org: ACME.id, order });
    expect(checkout.accountId).toBe(alice.id);
    expect((await app.ok('portal:renew-license', { org: ACME.id, id: PRODUCTION.id })).accountId).toBe(alice.id);

    // Dave signs in too and is the active account now; he is in no organization of Alice's.
    await app.signIn(DAVE.email);
    expect(await app.failure('portal:get-license', { org: ACME.id, id: checkout.licenseId })).toMatchObject({
      code: 'not_found',
    });
    const { license } = await app.ok('portal:get-license', {
      org: ACME.id,
      id: checkout.licenseId,
      accountId: checkout.accountId,
    });
    expect(license).toMatchObject({ id: checkout.licenseId, nickname: 'Followed', status: 'pending_payment' });
    expect((await app.ok('portal:list-accounts', {})).accounts.find((account) => account.active)?.email).toBe(
      DAVE.email,
    );
  });
});
