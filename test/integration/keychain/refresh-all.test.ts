import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError, type SecretStore } from '../../../main/secrets/secret-store';
import { instanceFixtures } from '../instances/instance-fixtures';
import { startApp } from './app-fixtures';
import { requireKeychain, tempDataDirs, trackedVaults, uniqueToken } from './keychain-fixtures';

requireKeychain();
const fx = await instanceFixtures();
const { vaultOf } = trackedVaults();
const dataDir = tempDataDirs();
const TOKEN = uniqueToken();

describe("instances:refresh when the tokens cannot be read (the keychain holding the vault's key stops answering)", () => {
  it("answers with every row marked by the keychain's words, saves that refresh, and reads them all once it answers again", async () => {
    let locked = false;
    const dir = await dataDir();
    const vault = vaultOf(dir);
    const secrets: SecretStore = {
      ...vault,
      entries: () =>
        locked
          ? Promise.reject(
              new KeychainUnavailableError('locked', 'The Secret Service keyring is locked: unlock it and try again.'),
            )
          : vault.entries(),
    };
    const under = startApp({ dataDir: dir, secrets, pki: fx.pki, watched: [TOKEN] });
    const ids: string[] = [];
    for (const name of ['Alpha', 'Beta']) {
      const server = await fx.sim({ tokens: { [TOKEN]: { viewLicense: true } }, now: () => under.clock.now() });
      const { instance } = await under.ok('instances:add', {
        name,
        url: server.url,
        token: TOKEN,
        customer: null,
        tags: [],
        caPem: null,
      });
      ids.push(instance.id);
    }

    locked = true;
    const { instances } = await under.ok('instances:refresh', { ids: null });
    expect(instances.map((row) => [row.name, row.lastRefresh?.ok, row.lastRefresh?.error?.code])).toEqual([
      ['Alpha', false, 'keychain_unavailable'],
      ['Beta', false, 'keychain_unavailable'],
    ]);
    expect(instances[0]?.lastRefresh?.error?.message).toContain('The Secret Service keyring is locked');
    for (const id of ids)
      expect(under.registry.get(id)?.lastRefresh).toMatchObject({ ok: false, errorCode: 'keychain_unavailable' });

    locked = false;
    const again = await under.ok('instances:refresh', { ids: null });
    expect(again.instances.map((row) => [row.name, row.lastRefresh?.ok, row.status])).toEqual([
      ['Alpha', true, 'unlicensed'],
      ['Beta', true, 'unlicensed'],
    ]);
  });
});
