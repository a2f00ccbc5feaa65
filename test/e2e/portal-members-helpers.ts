import type { Page } from '@playwright/test';
import type { Api } from '../../shared/ipc/api';
import { SEED } from '../sim/portal';
import { expect, portalAddressReady, signInAtPortal, type Bridge } from './fixtures';

// What the portal members specs share: signing in, opening an organization's members, their rows, and a
// page that stops hearing the portal's events when asked to (a change made on another computer).

const acme = SEED.organizations.acme;

/** Presses Sign in on the portal screen and signs in at the portal as `email`. */
export async function signIn(app: Page, bridge: Bridge, email: string): Promise<void> {
  await portalAddressReady(app);
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(app.getByText('Continue in your browser…')).toBeVisible();
  await signInAtPortal(app, bridge, email);
  await expect(app.getByRole('heading', { level: 1, name: 'My organizations' })).toBeVisible();
}

/** Opens an organization from "My organizations" and then its Members tab. */
export async function openMembers(app: Page, name: string): Promise<void> {
  await app.getByRole('link', { name }).click();
  await expect(app.getByRole('heading', { level: 1, name })).toBeVisible();
  await app.getByRole('tab', { name: 'Members' }).click();
  await expect(app.getByRole('heading', { name: 'Membership' })).toBeVisible();
}

export const memberRow = (app: Page, name: string) =>
  app
    .getByRole('table', { name: 'Members and their roles' })
    .getByRole('row')
    .filter({ has: app.getByRole('rowheader', { name }) });
export const invitationRow = (app: Page, email: string) =>
  app
    .getByRole('table', { name: 'Pending invitations' })
    .getByRole('row')
    .filter({ has: app.getByRole('rowheader', { name: email }) });

/**
 * Makes a change at the portal that this page does not hear about, as when another Owner makes it on
 * another computer: the page's own `portal:did-change` events are held back from now on, and the change
 * goes straight through the app's API.
 */
export async function changedElsewhere(
  app: Page,
  heldBack: { events: boolean },
  change: { user: string; role: 'owner' | 'member' },
): Promise<void> {
  heldBack.events = true;
  const result = await app.evaluate(
    ({ org, user, role }) =>
      (window as unknown as { api: Api }).api.invoke('portal:update-member', { org, user, change: { role } }),
    { org: acme.id, ...change },
  );
  expect(result.ok).toBe(true);
}

/**
 * Opens the app in `page` (as the `app` fixture does) with the bridge's portal events passing through a
 * route that holds them back once asked (see changedElsewhere). The route comes first: it must wrap the
 * WebSocket before the bridge's page API opens it.
 */
export async function appWithEventsHeldBack(page: Page, bridge: Bridge): Promise<{ events: boolean }> {
  const heldBack = { events: false };
  await page.routeWebSocket(/\/ipc$/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (heldBack.events && typeof message === 'string' && message.includes('"event":"portal:did-change"')) return;
      socket.send(message);
    });
  });
  await page.addInitScript({ path: 'dist/test-bridge/page-api.js' });
  await page.goto(`${bridge.url}/`);
  return heldBack;
}
