import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { confAccountStore } from '../../../main/portal/account-store';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { instanceFixtures } from '../instances/instance-fixtures';
import { runChild } from '../keychain/keychain-fixtures';

const APP_CHILD = fileURLToPath(new URL('./race-app-child.ts', import.meta.url));
const CLI_CHILD = fileURLToPath(new URL('./race-cli-child.ts', import.meta.url));
const COUNT = 300;
const TOKEN = 'race-admin-token';
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

const names = (prefix: string): string[] => Array.from({ length: COUNT }, (_, index) => `${prefix} ${index}`);

describe('the app and the CLI writing one data folder at the same time', () => {
  it(
    `keeps every write: ${COUNT} instances added in the app, ${COUNT} accounts and ${COUNT} instances saved by the CLI`,
    { timeout: 180_000 },
    async () => {
      const fx = await instanceFixtures();
      const sim = await fx.sim({ tokens: { [TOKEN]: { viewLicense: true } } });
      const parent = await mkdtemp(join(tmpdir(), 'aklm-race-'));
      made.push(parent);
      const dataDir = join(parent, 'authentik License Manager');

      const [app, cli] = await Promise.all([
        runChild<{ added: number }>(APP_CHILD, { dataDir, barrier: parent, url: sim.url, token: TOKEN, count: COUNT }),
        runChild<{ added: number }>(CLI_CHILD, { dataDir, barrier: parent, url: sim.url, count: COUNT }),
      ]);
      expect([app.added, cli.added]).toEqual([COUNT, COUNT]);

      const saved = createInstanceRegistry(confRegistryStore(dataDir))
        .list()
        .map((record) => record.name);
      expect(saved.filter((name) => name.startsWith('App ')).sort()).toEqual(names('App').sort());
      expect(saved.filter((name) => name.startsWith('CLI ')).sort()).toEqual(names('CLI').sort());
      expect(saved).toHaveLength(2 * COUNT);
      expect(
        confAccountStore(dataDir)
          .list()
          .map((account) => account.userId)
          .sort(),
      ).toEqual(
        names('user')
          .map((name) => name.replace(' ', '-'))
          .sort(),
      );
      // The last good copy is the file as last written.
      expect(await readFile(join(dataDir, 'config.json.bak'), 'utf8')).toBe(
        await readFile(join(dataDir, 'config.json'), 'utf8'),
      );
    },
  );
});
