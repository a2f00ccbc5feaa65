import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AccountStoreError, confAccountStore } from '../../../main/portal/account-store';
import { portalAccountId, type PortalAccount } from '../../../main/portal/portal-account';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { instanceRecord as record } from '../../seeds/instance-record';
import { tempDataDirs } from '../registry/registry-fixtures';

const dataDir = tempDataDirs();

function account(userId: string, lastUsedAt: string, portalUrl = 'https://customers.example.com'): PortalAccount {
  return {
    id: portalAccountId(portalUrl, userId),
    portalUrl,
    userId,
    email: `${userId}@example.com`,
    name: userId,
    lastUsedAt,
  };
}

describe('portal account ids', () => {
  it('scope the portal user id by the portal host (and path), so two portals never share one', () => {
    expect(portalAccountId('https://customers.example.com', 'u1')).toBe('u1@customers.example.com');
    expect(portalAccountId('http://127.0.0.1:4100', 'u1')).toBe('u1@127.0.0.1:4100');
    expect(portalAccountId('https://example.com/portal/', 'u1')).toBe('u1@example.com/portal');
  });
});

describe('portal account store', () => {
  it('reads an absent file as no accounts, without creating the data folder', async () => {
    const dir = await dataDir();
    const store = confAccountStore(dir);
    expect(store.list()).toEqual([]);
    expect(store.mostRecent()).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps several accounts, most recently used first, and tracks use', async () => {
    const store = confAccountStore(await dataDir());
    const alice = account('alice', '2026-05-01T10:00:00.000Z');
    const bob = account('bob', '2026-05-02T10:00:00.000Z');
    store.save(alice);
    store.save(bob);
    expect(store.list().map((saved) => saved.userId)).toEqual(['bob', 'alice']);
    expect(store.mostRecent()?.id).toBe(bob.id);

    store.touch(alice.id, new Date('2026-05-03T10:00:00.000Z'));
    expect(store.mostRecent()).toEqual({ ...alice, lastUsedAt: '2026-05-03T10:00:00.000Z' });
    store.touch('nobody@nowhere', new Date());
    expect(store.list()).toHaveLength(2);
  });

  it('replaces an account signed in again, and removes one', async () => {
    const store = confAccountStore(await dataDir());
    const alice = account('alice', '2026-05-01T10:00:00.000Z');
    store.save(alice);
    store.save({ ...alice, name: 'Alice Renamed', lastUsedAt: '2026-05-04T10:00:00.000Z' });
    expect(store.list()).toEqual([{ ...alice, name: 'Alice Renamed', lastUsedAt: '2026-05-04T10:00:00.000Z' }]);
    expect(store.remove(alice.id)).toBe(true);
    expect(store.remove(alice.id)).toBe(false);
    expect(store.list()).toEqual([]);
  });

  it('shares config.json with the saved instances without touching them', async () => {
    const dir = await dataDir();
    const registry = createInstanceRegistry(confRegistryStore(dir));
    const instance = registry.add(record({ name: 'Prod' }));
    const store = confAccountStore(dir);
    store.save(account('alice', '2026-05-01T10:00:00.000Z'));
    expect(registry.list()).toEqual([instance]);
    registry.remove(instance.id);
    expect(store.list().map((saved) => saved.userId)).toEqual(['alice']);
    const file = JSON.parse(readFileSync(store.location, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(file).sort()).toEqual(['instances', 'portalAccounts', 'schemaVersion']);
  });

  it('sets a damaged accounts entry aside with its file, restores the last good copy and says so', async () => {
    const dir = await dataDir();
    const notices: string[] = [];
    const store = confAccountStore(dir, (notice) => void notices.push(notice));
    store.save(account('alice', '2026-05-01T10:00:00.000Z'));
    writeFileSync(store.location, JSON.stringify({ portalAccounts: [{ id: 'x' }] }));
    expect(store.list().map((saved) => saved.userId)).toEqual(['alice']);
    expect(notices).toEqual([
      expect.stringMatching(
        /^The settings file .+ was damaged: portalAccounts\[0\]\.portalUrl: .+ It was moved to .+config\.json\.damaged-.+, and the last good copy .+ was restored\.$/,
      ),
    ]);
  });

  it('refuses to write over a file it cannot read, in words naming the file', async () => {
    const dir = await dataDir();
    mkdirSync(`${dir}/config.json`, { recursive: true });
    const store = confAccountStore(dir);
    expect(() => store.save(account('alice', '2026-05-01T10:00:00.000Z'))).toThrow(AccountStoreError);
    expect(() => store.list()).toThrow(
      `The portal accounts cannot be read: The settings file ${store.location} cannot be read (EISDIR)`,
    );
  });
});
