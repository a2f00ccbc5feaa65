import type { PortalAccountStore } from '../portal/account-store';
import { portalKeychainAccount } from '../portal/portal-tokens';
import { createInstanceRegistry } from '../registry/instance-registry';
import type { RegistryStore } from '../registry/registry-store';
import { instanceAccount, type SecretStore } from './secret-store';
import { vaultSecretStore } from './vault-secret-store';

export interface DataFolderVaultOptions {
  dataDir: string;
  /** The OS keychain. */
  keychain: SecretStore;
  /** The folder's saved instances and portal accounts, as the rest of the app reads them. */
  registryStore: RegistryStore;
  accountStore: PortalAccountStore;
  /** Told, in words, when a damaged vault was set aside and what took its place. */
  report: (message: string) => void;
}

/** The token accounts a data folder has: its saved instances' and its portal accounts'. */
export function folderAccounts(registryStore: RegistryStore, accountStore: PortalAccountStore): string[] {
  return [
    ...createInstanceRegistry(registryStore)
      .list()
      .map((record) => instanceAccount(record.id)),
    ...accountStore.list().map((account) => portalKeychainAccount(account.id)),
  ];
}

/**
 * The token vault of a data folder as the app and the CLI use it: its key in the keychain, and on first
 * use the tokens of the folder's saved instances and portal accounts moved in from the keychain.
 */
export function dataFolderVault(options: DataFolderVaultOptions): SecretStore {
  const { dataDir, keychain, registryStore, accountStore, report } = options;
  return vaultSecretStore({
    dataDir,
    keychain,
    report,
    ownedAccounts: () => folderAccounts(registryStore, accountStore),
  });
}
