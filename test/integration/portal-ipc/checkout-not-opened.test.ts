import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { portalKeychainAccount } from '../../../main/portal/portal-tokens';
import { SEED } from '../../sim/portal';
import { vaultSecret } from '../keychain/vault-reader';
import { pressPay } from '../portal-sim/portal-sim-fixtures';
import { portalIpcFixtures, type PortalApp } from './portal-ipc-fixtures';

const fx = portalIpcFixtures();
const { alice: ALICE } = SEED.users;
const { acme: ACME } = SEED.organizations;
const NO_BROWSER = 'No application is registered to open https links';

const order = (installId: string) => ({
  plan: SEED.plans.yearlyEur.id,
  name: 'Offsite DR',
  install_id: installId,
  internal_users: 5,
  external_users: 1,
});
const licensesFor = async (app: PortalApp, installId: string) =>
  (await app.ok('portal:list-licenses', { org: ACME.id })).licenses.filter(
    (license) => license.install_id === installId,
  );

describe('a checkout whose page does not open in the system browser', () => {
  it('is created once and answered with its license and address; the same page opens again, or its address is copied, and it can be paid', async () => {
    const portal = await fx.portal({ checkoutDelayMs: 0 });
    const app = await fx.app(portal.url);
    const { account } = await app.signIn(ALICE.email);
    const installId = randomUUID();

    app.browser.failure = new Error(NO_BROWSER);
    const checkout = await app.ok('portal:checkout', { org: ACME.id, order: order(installId) });
    expect(checkout).toEqual({
      licenseId: expect.any(String),
      checkoutUrl: expect.stringMatching(new RegExp(`^${portal.url}/checkout/`)),
      accountId: account.id,
      opened: false,
      openProblem: `The system browser could not be opened: ${NO_BROWSER}.`,
    });
    expect(app.browser.opened.filter((url) => url.includes('/checkout/'))).toEqual([]);
    expect((await licensesFor(app, installId)).map((license) => [license.id, license.status])).toEqual([
      [checkout.licenseId, 'pending_payment'],
    ]);
    // The address is shown and copied: it carries neither of the account's tokens.
    const tokens = JSON.parse(vaultSecret(app.dataDir, portalKeychainAccount(account.id)) ?? '{}') as {
      access_token?: string;
      refresh_token?: string | null;
    };
    expect(tokens.access_token).toBeTruthy();
    for (const token of [tokens.access_token, tokens.refresh_token])
      if (typeof token === 'string') expect(checkout.checkoutUrl).not.toContain(token);

    // Still no browser: opening again says why, in words, and orders nothing.
    expect(await app.failure('portal:open-checkout', { checkoutUrl: checkout.checkoutUrl })).toEqual({
      code: 'refused',
      message: `The system browser could not be opened: ${NO_BROWSER}.`,
    });
    await app.ok('portal:copy-checkout-url', { checkoutUrl: checkout.checkoutUrl });
    expect(app.clipboard.peek()).toBe(checkout.checkoutUrl);
    app.browser.failure = null;
    await app.ok('portal:open-checkout', { checkoutUrl: checkout.checkoutUrl });
    expect(app.browser.opened.filter((url) => url.includes('/checkout/'))).toEqual([checkout.checkoutUrl]);
    expect(await licensesFor(app, installId)).toHaveLength(1);

    expect(await pressPay(checkout.checkoutUrl)).toBe(303);
    expect((await app.ok('portal:get-license', { org: ACME.id, id: checkout.licenseId })).license.status).toBe(
      'active',
    );
  });

  it('a renewal too: its checkout is answered with opened false and why', async () => {
    const portal = await fx.portal({ checkoutDelayMs: 0 });
    const app = await fx.app(portal.url);
    await app.signIn(ALICE.email);
    app.browser.failure = new Error(NO_BROWSER);
    const renewal = await app.ok('portal:renew-license', { org: ACME.id, id: SEED.licenses.acmeProduction.id });
    expect(renewal).toEqual({
      checkoutUrl: expect.stringMatching(/\/checkout\//),
      accountId: expect.any(String),
      opened: false,
      openProblem: `The system browser could not be opened: ${NO_BROWSER}.`,
    });
    app.browser.failure = null;
    await app.ok('portal:open-checkout', { checkoutUrl: renewal.checkoutUrl });
    expect(app.browser.opened.at(-1)).toBe(renewal.checkoutUrl);
  });

  it('a page that is not https is never opened, the order stands, said in words', async () => {
    const portal = await fx.portal({ checkoutDelayMs: 0 });
    const app = await fx.app(portal.url);
    await app.signIn(ALICE.email);
    // A portal that names its checkout pages on plain http, away from this computer.
    portal.state.settings.origin = 'http://portal.example.test';
    const installId = randomUUID();
    const checkout = await app.ok('portal:checkout', { org: ACME.id, order: order(installId) });
    const words = "The portal's checkout page at portal.example.test is not an https:// address, so it was not opened.";
    expect(checkout).toMatchObject({
      checkoutUrl: expect.stringMatching(/^http:\/\/portal\.example\.test\/checkout\//),
      opened: false,
      openProblem: words,
    });
    expect(await app.failure('portal:open-checkout', { checkoutUrl: checkout.checkoutUrl })).toEqual({
      code: 'refused',
      message: words,
    });
    expect(app.browser.opened.filter((url) => url.includes('/checkout/'))).toEqual([]);
    expect(await licensesFor(app, installId)).toHaveLength(1);
  });

  it('opens or copies only checkout pages the portal gave in this session', async () => {
    const portal = await fx.portal();
    const app = await fx.app(portal.url);
    await app.signIn(ALICE.email);
    const elsewhere = 'https://phishing.example.test/checkout/1';
    expect(await app.failure('portal:open-checkout', { checkoutUrl: elsewhere })).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('not a checkout page the portal gave'),
    });
    expect(await app.failure('portal:copy-checkout-url', { checkoutUrl: elsewhere })).toMatchObject({
      code: 'not_found',
    });
    expect(app.browser.opened.filter((url) => url === elsewhere)).toEqual([]);
    expect(app.clipboard.peek()).not.toBe(elsewhere);
  });
});
