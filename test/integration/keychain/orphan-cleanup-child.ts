// Runs the app's real handlers and router over a data folder's token vault, its key in a keychain of its own
// (run it under PRIVATE_KEYCHAIN): saves one instance with its token, leaves an orphaned instance token and a
// portal account's tokens beside it in the vault, and an instance token of another data folder in the keychain
// as older versions kept it; then asks for the audit and the orphan clean-up over IPC and prints what the
// vault and the keychain hold afterwards.
// Usage: node --import tsx orphan-cleanup-child.ts '{"dataDir":…,"savedId":…,"orphanId":…,"foreignId":…}'
import { createHandlers } from '../../../main/app/create-handlers';
import { fileAuditTrail } from '../../../main/audit/audit-trail';
import { fileStatusHistory, statusHistoryDir } from '../../../main/instances/status-history';
import { createRouter } from '../../../main/ipc/router';
import { confAccountStore } from '../../../main/portal/account-store';
import { DEFAULT_PORTAL_URL } from '../../../main/portal/purchase-url';
import { createLog } from '../../../main/logging/log';
import { createSecretRedactor } from '../../../main/logging/secret-redactor';
import { createSystemClock } from '../../../main/ports/clock';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { instanceAccount } from '../../../main/secrets/secret-store';
import { memoryClipboard } from '../../e2e/bridge/memory-clipboard';
import { folderVault } from './folder-vault';
import { instanceRecord } from '../../seeds/instance-record';

export interface OrphanChildInput {
  dataDir: string;
  savedId: string;
  orphanId: string;
  /** An instance of another data folder, whose token an older version left in the keychain. */
  foreignId: string;
}

const input = JSON.parse(process.argv[2] ?? '{}') as OrphanChildInput;
const keychain = keyringSecretStore();
const secrets = folderVault(input.dataDir, keychain);
const registryStore = confRegistryStore(input.dataDir);
try {
  createInstanceRegistry(registryStore).add(instanceRecord({ id: input.savedId, name: 'Saved' }));
  await secrets.set(instanceAccount(input.savedId), 'token-of-the-saved-instance');
  await secrets.set(instanceAccount(input.orphanId), 'token-left-behind');
  await secrets.set('portal:default', 'portal-token');
  await keychain.set(instanceAccount(input.foreignId), 'token-of-another-folder');
  const before = await secrets.accounts();

  const log = createLog((text) => process.stderr.write(`${text}\n`), createSecretRedactor());
  const handlers = createHandlers(
    {
      clipboard: memoryClipboard(),
      clock: createSystemClock(log),
      emit: () => undefined,
      browser: { open: async () => undefined },
      secrets,
      registryStore,
      accountStore: confAccountStore(input.dataDir),
      dataNotices: () => [],
      files: { open: async () => undefined },
      statusHistory: fileStatusHistory(statusHistoryDir(input.dataDir), log, () => Date.now()),
      audit: fileAuditTrail(input.dataDir, keyringSecretStore()),
    },
    {
      roots: () => ({ id: 'none', certificates: [] }),
      portalUrl: () => DEFAULT_PORTAL_URL,
      refreshConcurrency: 1,
      requestTimeoutMs: 5000,
    },
  );
  const router = createRouter({ handlers, isTrusted: () => true, outputCheck: 'strict' });
  const sender = { id: 1, url: 'app://renderer/index.html', isMainFrame: true };
  const audit = await router('instances:audit', {}, sender);
  const cleanup = await router('instances:delete-orphaned-tokens', {}, sender);
  const again = await router('instances:delete-orphaned-tokens', {}, sender);
  const after = await secrets.accounts();
  const saved = await secrets.get(instanceAccount(input.savedId));
  process.stdout.write(
    `${JSON.stringify({ ok: true, before, audit, cleanup, again, after, saved, keychain: await keychain.accounts() })}\n`,
  );
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) })}\n`,
  );
}
