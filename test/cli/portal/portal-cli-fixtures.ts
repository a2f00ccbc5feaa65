import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { vaultJson } from '../../integration/keychain/vault-reader';
import { portalFixtures } from '../../integration/portal-client/portal-fixtures';
import type { PortalSim } from '../../sim/portal';
import { runAklm, type AklmRun } from '../run-aklm';

const BROWSER_SCRIPT = fileURLToPath(new URL('./fixtures/sign-in-browser.ts', import.meta.url));

/** `$BROWSER` for the built CLI: the sign-in browser fixture, run by this Node through tsx. */
export const TEST_BROWSER = `'${process.execPath}' --import tsx '${BROWSER_SCRIPT}'`;

/**
 * The portal fixtures plus a data folder per test that the built CLI uses (AKLM_DATA_DIR); the key of
 * the folder's token vault (which the CLI may have made) is deleted from the keychain after each test.
 */
export function portalCliFixtures() {
  const fx = portalFixtures();
  const dirs: string[] = [];
  afterEach(async () => {
    const keychain = keyringSecretStore();
    for (const dir of dirs.splice(0)) {
      const vault = vaultJson(dir);
      if (vault !== null) await keychain.delete(`vault-key:${vault.folderId}`).catch(() => false);
    }
  });

  return {
    ...fx,
    /** A data folder with these users signed in to the simulator (in process, as `login` does); the first is the most recent. */
    async signedIn(sim: PortalSim, ...emails: string[]) {
      const world = await fx.world();
      dirs.push(world.dir);
      for (const email of [...emails].reverse()) {
        world.browser.play = { email };
        await world.accounts.signIn(sim.url);
      }
      const aklm = (args: string[], env: Record<string, string> = {}): Promise<AklmRun> =>
        runAklm(['portal', ...args], { env: { AKLM_DATA_DIR: world.dir, ...env } });
      return {
        world,
        aklm,
        configText: () => (existsSync(world.store.location) ? readFileSync(world.store.location, 'utf8') : ''),
      };
    },
  };
}
