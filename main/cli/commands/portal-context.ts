import { portalUrlSetting } from '../../app/portal-url-setting';
import type { PortalAccount } from '../../portal/portal-account';
import type { PortalAccounts } from '../../portal/portal-accounts';
import type { PortalClient } from '../../portal/portal-client';
import { normalizePortalUrl } from '../../portal/portal-url';
import type { CliIo } from '../io';
import { terminalLines } from '../output/terminal-safe';
import { UsageError } from '../usage-error';
import { commandLineBrowser } from './portal-browser';
import { reportPortalFailure } from './portal-failure';

/** The portal to sign in to: `--portal`, else the app's setting ($AKLM_PORTAL_URL, else the vendor's portal). */
export function portalUrlFrom(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  try {
    if (flag === undefined) return portalUrlSetting(env);
    return normalizePortalUrl(flag);
  } catch (error) {
    throw new UsageError(flag === undefined ? (error as Error).message : `--portal: ${(error as Error).message}`);
  }
}

/**
 * The portal accounts of this computer for a CLI run: the data folder's account list and token vault
 * (the app's too), the system browser. Loaded only when a portal command runs.
 */
export async function portalAccountsFor(io: CliIo): Promise<PortalAccounts> {
  const [
    { dataDir },
    { confAccountStore },
    { confRegistryStore },
    { keyringSecretStore },
    { dataFolderVault },
    { createPortalAccounts },
  ] = await Promise.all([
    import('../../settings/data-dir'),
    import('../../portal/account-store'),
    import('../../registry/registry-store'),
    import('../../secrets/keyring-secret-store'),
    import('../../secrets/data-folder-vault'),
    import('../../portal/portal-accounts'),
  ]);
  const dir = dataDir(io.env);
  const warn = (notice: string): void => void io.stderr.write(terminalLines([`aklm: warning: ${notice}`]));
  const store = confAccountStore(dir, warn);
  return createPortalAccounts({
    store,
    secrets: dataFolderVault({
      dataDir: dir,
      keychain: keyringSecretStore(),
      registryStore: confRegistryStore(dir, warn),
      accountStore: store,
      report: warn,
    }),
    browser: commandLineBrowser(io.env, io.stderr),
    // What was typed goes to the portal as typed: its own 422 (exit 1) is the verdict on a value.
    checkRequests: false,
  });
}

/**
 * Runs a command's work with a client for the account named by `--account` (or the most recent one), and that account;
 * portal, keychain and account-list failures are reported in words and turned into the exit code.
 */
export async function withPortalClient(
  io: CliIo,
  accountReference: string | undefined,
  work: (client: PortalClient, account: PortalAccount) => Promise<number>,
): Promise<number> {
  let portalUrl: string | undefined;
  try {
    const accounts = await portalAccountsFor(io);
    const account = accounts.resolve(accountReference);
    portalUrl = account.portalUrl;
    return await work(accounts.client(account.id), account);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return reportPortalFailure(error, io, portalUrl);
  }
}
