import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ChannelName } from '../../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { createHandlers } from '../../../main/app/create-handlers';
import { fileAuditTrail } from '../../../main/audit/audit-trail';
import { fileStatusHistory, statusHistoryDir } from '../../../main/instances/status-history';
import { createRouter } from '../../../main/ipc/router';
import { createSenderPolicy } from '../../../main/ipc/sender';
import { trustRootsOf } from '../../../main/license/trust-roots';
import { confAccountStore } from '../../../main/portal/account-store';
import { DEFAULT_PORTAL_URL } from '../../../main/portal/purchase-url';
import type { Emit } from '../../../main/ports/page-events';
import { createInstanceRegistry, type InstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore, type RegistryStore } from '../../../main/registry/registry-store';
import { keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { createDataNotices } from '../../../main/settings/data-notices';
import { manualClock, type ManualClock } from '../../e2e/bridge/manual-clock';
import { memoryClipboard } from '../../e2e/bridge/memory-clipboard';
import type { TestPki } from '../../pki/test-pki';
import { secretLeaks, secretsOfRequest } from '../secret-scan';

const APP_ORIGIN = 'app://renderer';
const WINDOW = { id: 1, url: `${APP_ORIGIN}/index.html`, isMainFrame: true };

/** The app's real composition (handlers, router with strict output checks) over a data folder and the real keychain. */
export interface AppUnderTest {
  /** Sends one request as the app's window does; fails the test if any watched secret is in the answer. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** The same, for a request that must succeed; its value. */
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Push events emitted, by name, in order. */
  events: string[];
  clipboard: ReturnType<typeof memoryClipboard>;
  /** URLs given to the system browser. */
  opened: string[];
  /** The app's clock; simulators can follow it. */
  clock: ManualClock;
  registry: InstanceRegistry;
  store: RegistryStore;
  /** The registry file as it is on disk ('' before it exists). */
  fileText(): string;
  /** A new composition over the same data folder, keychain and clock: the next session of the app. */
  restart(): AppUnderTest;
  /** What the status history wrote to the app's log (damaged files, failed writes), in order. */
  historyLog: string[];
}

/**
 * Starts the composition the desktop app and the E2E bridge run, with `secrets` (the real keychain),
 * trusting the test PKI's root. `watched` lists tokens and keys no answer may ever contain, besides those the requests send.
 */
export function startApp(options: {
  dataDir: string;
  secrets: SecretStore;
  pki: TestPki;
  watched: readonly string[];
  clock?: ManualClock;
  /** The registry file's store; the settings file in `dataDir` unless given (a test may wrap that one to watch its writes). */
  registryStore?: RegistryStore;
}): AppUnderTest {
  const clock = options.clock ?? manualClock();
  // The app's log is not watched here: what it repaired is read back from `instances:list`, as the dashboard does.
  const dataNotices = createDataNotices({ error: () => undefined });
  const store = options.registryStore ?? confRegistryStore(options.dataDir, dataNotices.report);
  const roots = trustRootsOf([new X509Certificate(options.pki.root.pem)]);
  const events: string[] = [];
  const opened: string[] = [];
  const clipboard = memoryClipboard();
  const emit: Emit = (event) => void events.push(event);
  const internalErrors: unknown[] = [];
  const historyLog: string[] = [];
  const handlers = createHandlers(
    {
      clipboard,
      clock,
      emit,
      browser: { open: async (url) => void opened.push(url) },
      secrets: options.secrets,
      registryStore: store,
      accountStore: confAccountStore(options.dataDir, dataNotices.report),
      dataNotices: dataNotices.list,
      files: { open: async () => undefined },
      statusHistory: fileStatusHistory(
        statusHistoryDir(options.dataDir),
        { error: (what) => void historyLog.push(what) },
        () => clock.now(),
      ),
      // The audit trail's head in the harness's real keychain, whatever `secrets` stands for.
      audit: fileAuditTrail(options.dataDir, keyringSecretStore()),
    },
    { roots: () => roots, portalUrl: () => DEFAULT_PORTAL_URL, refreshConcurrency: 4, requestTimeoutMs: 5000 },
  );
  const router = createRouter({
    handlers,
    isTrusted: createSenderPolicy(APP_ORIGIN, new Set([WINDOW.id])),
    outputCheck: 'strict',
    onInternalError: (_, error) => void internalErrors.push(error),
  });

  const sent: string[] = [];
  const call = async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> => {
    const result = (await router(channel, input, WINDOW)) as Result<ChannelOutput<C>>;
    expect(internalErrors).toEqual([]);
    // The tokens and keys this request sent in are watched too, from this answer on.
    sent.push(...secretsOfRequest(input));
    expect(secretLeaks(`answer of ${channel}`, result, [...options.watched, ...sent])).toEqual([]);
    return result;
  };

  const app: AppUnderTest = {
    call,
    async ok(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    events,
    clipboard,
    opened,
    clock,
    registry: createInstanceRegistry(store),
    store,
    fileText: () => (existsSync(store.location) ? readFileSync(store.location, 'utf8') : ''),
    restart: () => startApp({ ...options, clock }),
    historyLog,
  };
  return app;
}
