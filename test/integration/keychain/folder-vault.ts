import { confAccountStore } from '../../../main/portal/account-store';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { dataFolderVault } from '../../../main/secrets/data-folder-vault';
import type { SecretStore } from '../../../main/secrets/secret-store';

/**
 * The token vault of a data folder as the app, the bridge and the CLI compose it, over `keychain`; what it
 * (or the settings file) says about a damaged file goes to `report`, stderr unless given.
 */
export function folderVault(
  dataDir: string,
  keychain: SecretStore,
  report = (message: string): void => void process.stderr.write(`${message}\n`),
): SecretStore {
  return dataFolderVault({
    dataDir,
    keychain,
    registryStore: confRegistryStore(dataDir, report),
    accountStore: confAccountStore(dataDir, report),
    report,
  });
}
