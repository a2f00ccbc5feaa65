import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium';
import { DEMO_PASSWORD, SEED } from '../../sim/portal';
import { authorizationRequest, discover, freshPortalSimPerTest } from './portal-sim-fixtures';
import { expectKeyAcceptedForAYear, type LicenseWithKey } from './verify-with-cli';

const { users: U, organizations: O, plans: P } = SEED;
const BROWSER_INSTALL_ID = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/** The app's side of RFC 8252: a loopback server that receives the browser after sign-in. */
async function loopbackReceiver(): Promise<{ redirectUri: string; received: Promise<URL>; server: Server }> {
  let resolve: (url: URL) => void = () => undefined;
  const received = new Promise<URL>((done) => (resolve = done));
  const server = createServer((request, response) => {
    resolve(new URL(request.url ?? '/', 'http://127.0.0.1'));
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('Signed in. You can close this window.');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { redirectUri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`, received, server };
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
});
afterAll(() => browser.close());

describe('a checkout paid in Chromium yields a key that aklm verify accepts', () => {
  // A real delay: the page says the payment is being validated, and the key comes later.
  const kit = freshPortalSimPerTest({ checkoutDelayMs: 500 });

  it('opens the checkout page, presses Pay, waits for the license, and the built CLI accepts its key for a year', async () => {
    const page = await browser.newPage();
    try {
      const org = `/api/v1/organizations/${O.globex.id}`;
      const carol = await kit.token(U.carol.email);
      const ordered = await kit.call('POST', `${org}/checkout`, {
        token: carol,
        body: {
          plan: P.yearlyUsd.id,
          name: 'Browser',
          install_id: BROWSER_INSTALL_ID,
          internal_users: 2,
          external_users: 3,
        },
      });
      const { checkout_url: checkoutUrl, license_id: licenseId } = ordered.body as {
        checkout_url: string;
        license_id: string;
      };
      await page.goto(checkoutUrl);
      const paidAt = Date.now();
      await page.getByRole('button', { name: 'Pay' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain("once we've validated your payment");

      const issued = async () =>
        (await kit.call('GET', `${org}/licenses/${licenseId}`, { token: carol })).body as LicenseWithKey;
      await expect.poll(async () => (await issued()).status, { timeout: 15_000 }).toBe('active');
      const license = await issued();
      expect(license.key).toEqual(expect.any(String));

      await expectKeyAcceptedForAYear(
        kit.sim,
        license,
        { installId: BROWSER_INSTALL_ID, name: 'Browser', internal_users: 2, external_users: 3 },
        paidAt,
      );
      await page.reload();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Payment complete');
    } finally {
      await page.close();
    }
  });
});

describe("the simulator's pages in Chromium (as Playwright E2E tests drive them)", () => {
  const kit = freshPortalSimPerTest({ checkoutDelayMs: 0 });

  it('signs in on the sign-in page, then adds a card on the setup page', async () => {
    const page = await browser.newPage();
    const loopback = await loopbackReceiver();
    try {
      const config = await discover(kit.sim);
      const request = await authorizationRequest(config, loopback.redirectUri);
      await page.goto(request.url.href);
      await page.getByLabel('E-mail').fill(U.alice.email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Allow' }).click();
      const callback = await loopback.received;
      await expect.poll(() => page.textContent('body')).toContain('Signed in');
      const tokens = await oidc.authorizationCodeGrant(config, new URL(`${loopback.redirectUri}${callback.search}`), {
        pkceCodeVerifier: request.verifier,
        expectedState: request.state,
      });

      const org = `/api/v1/organizations/${O.globex.id}`;
      const carol = await kit.token(U.carol.email);
      const setup = await kit.call('POST', `${org}/billing/payment-methods/setup`, { token: carol });
      await page.goto((setup.body as { setup_url: string }).setup_url);
      await page.getByLabel('Card number').fill('5555 5555 5555 4444');
      await page.getByRole('button', { name: 'Add card' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Mastercard ending in 4444');

      expect((await kit.call('GET', '/api/v1/me', { token: tokens.access_token })).body).toMatchObject({
        email: U.alice.email,
      });
    } finally {
      await page.close();
      loopback.server.close();
    }
  });

  it('a browser that is already signed in is only asked to Allow or Deny, for the same user', async () => {
    const page = await browser.newPage();
    const first = await loopbackReceiver();
    const second = await loopbackReceiver();
    try {
      const config = await discover(kit.sim);
      await page.goto((await authorizationRequest(config, first.redirectUri)).url.href);
      await page.getByLabel('E-mail').fill(U.bob.email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Allow' }).click();
      await first.received;

      const request = await authorizationRequest(config, second.redirectUri);
      await page.goto(request.url.href);
      await expect.poll(() => page.textContent('body')).toContain(`Signed in as ${U.bob.email}.`);
      expect(await page.getByLabel('Password').count()).toBe(0);
      await page.getByRole('button', { name: 'Allow' }).click();
      const callback = await second.received;
      const tokens = await oidc.authorizationCodeGrant(config, new URL(`${second.redirectUri}${callback.search}`), {
        pkceCodeVerifier: request.verifier,
        expectedState: request.state,
      });
      expect((await kit.call('GET', '/api/v1/me', { token: tokens.access_token })).body).toMatchObject({
        email: U.bob.email,
      });
    } finally {
      await page.close();
      first.server.close();
      second.server.close();
    }
  });

  it('Deny on the sign-in page returns access_denied to the app', async () => {
    const page = await browser.newPage();
    const loopback = await loopbackReceiver();
    try {
      const request = await authorizationRequest(await discover(kit.sim), loopback.redirectUri);
      await page.goto(request.url.href);
      await page.getByRole('button', { name: 'Deny' }).click();
      const callback = await loopback.received;
      expect(callback.searchParams.get('error')).toBe('access_denied');
      expect(callback.searchParams.get('state')).toBe(request.state);
    } finally {
      await page.close();
      loopback.server.close();
    }
  });
});
