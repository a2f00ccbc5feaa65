import type { SimUsageRecord } from '../sim/authentik';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { secretToolLookup, vaultSecret } from '../integration/keychain/vault-reader';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { expect, type Bridge, type Keys } from './fixtures';

/** The token every simulator accepts. */
export const TOKEN = 'sim-admin-token';
const DAY = 24 * 3600;
const KEYCHAIN_SERVICE = 'authentik-license-manager';

let nextInstall = 0;

/** A fresh Install ID per simulator, so a key never matches another test's instance. */
export function newInstallId(prefix: string): string {
  return `${prefix}-4a8b-8c1d-${String(++nextInstall).padStart(12, '0')}`;
}

/** A key for `installId` expiring in `days` (50 internal, 100 external users unless the claims say otherwise). */
export function keyFor(keys: Keys, installId: string, days: number, claims: Record<string, unknown> = {}): string {
  return mintKey({
    signer: keys.pki.signerP384,
    intermediate: keys.pki.intermediate,
    claims: licenseClaims(installId, Math.floor(Date.now() / 1000) + Math.round(days * DAY), {
      internal_users: 50,
      external_users: 100,
      ...claims,
    }),
  });
}

/** A key's `exp` claim (Unix seconds): the instant the timeline's dates are counted from. */
export function expiryOf(key: string): number {
  const claims = JSON.parse(Buffer.from(key.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp: number };
  return claims.exp;
}

/** A date as the page writes it (the reader's locale and zone), from the same instant: no guess about midnight. */
export const pageDate = (app: Page, epochSeconds: number): Promise<string> =>
  app.evaluate((ms) => new Date(ms).toLocaleDateString(undefined, { dateStyle: 'medium' }), epochSeconds * 1000);

export interface SimSetup {
  installId: string;
  keys: string[];
  internalUsers?: number;
  clockOffsetMs?: number;
  /** The simulator's usage records (its last valid one is what authentik counts its over-capacity weeks from). */
  usageRecords?: SimUsageRecord[];
}

/** Starts a simulator and adds it through the Add instance dialog; resolves once its row shows. */
export async function savedInstance(
  app: Page,
  bridge: Bridge,
  name: string,
  setup: SimSetup,
): Promise<{ url: string }> {
  const { url } = await bridge.startSim({
    installId: setup.installId,
    keys: setup.keys,
    users: { internal: setup.internalUsers ?? 10, external: 3, internalJoinedLast30Days: 1 },
    ...(setup.clockOffsetMs === undefined ? {} : { clockOffsetMs: setup.clockOffsetMs }),
    ...(setup.usageRecords === undefined ? {} : { usageRecords: setup.usageRecords }),
  });
  await app.getByRole('button', { name: 'Add instance' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add an authentik instance' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('URL').fill(url);
  await dialog.getByLabel('API token').fill(TOKEN);
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  // Saving tests the connection first (reads the simulator), which can take a while on a busy machine.
  await expect(rowNamed(app, name)).toBeVisible({ timeout: 15_000 });
  return { url };
}

/** The dashboard row whose instance cell names `name`. */
export function rowNamed(app: Page, name: string) {
  return app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: new RegExp(name) }) });
}

/** Chooses an action (Refresh, Edit, Install license, Remove) from a dashboard row's "⋯" menu. */
export async function rowAction(app: Page, name: string, action: string): Promise<void> {
  await app.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await app
    .getByRole('menu', { name: `Actions for ${name}` })
    .getByRole('menuitem', { name: action })
    .click();
}

/** Opens an instance's page from its dashboard row, with the keyboard, and waits for its heading. */
export async function openInstance(app: Page, name: string): Promise<void> {
  await rowNamed(app, name).getByRole('link', { name }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The instances saved in the bridge's registry file, as the app wrote them. */
export function savedInstances(bridge: Bridge): { id: string; name: string }[] {
  const file = join(bridge.dataDir, 'config.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { instances?: { id: string; name: string }[] }).instances ?? [];
}

export function savedId(bridge: Bridge, name: string): string {
  const saved = savedInstances(bridge).find((instance) => instance.name === name);
  if (saved === undefined) throw new Error(`${name} is not saved`);
  return saved.id;
}

/**
 * The token a bridge's vault holds for an account, opened here with the data key read from the bridge's
 * keychain with secret-tool (not through the app, see vault-reader.ts); null when none.
 */
export function vaultToken(bridge: Bridge, account: string): string | null {
  return vaultSecret(bridge.dataDir, account, bridge.keychainEnv);
}

/** The entry a bridge's OS keychain holds under an account of the app's service, read with secret-tool; null when none (as for every token now). */
export function keychainEntry(bridge: Bridge, account: string): string | null {
  return secretToolLookup(account, bridge.keychainEnv);
}

/** Writes an entry into a bridge's OS keychain with secret-tool, as an older version of the app kept each token. */
export function storeKeychainEntry(bridge: Bridge, account: string, secret: string): void {
  execFileSync(
    'secret-tool',
    ['store', '--label', `authentik License Manager (${account})`, 'service', KEYCHAIN_SERVICE, 'username', account],
    {
      input: secret,
      env: bridge.keychainEnv,
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
}
