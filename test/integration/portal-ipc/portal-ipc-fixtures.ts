import { X509Certificate } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { ChannelName } from '../../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { IpcFailure, Result } from '../../../shared/ipc/result';
import { createHandlers } from '../../../main/app/create-handlers';
import { fileAuditTrail } from '../../../main/audit/audit-trail';
import { fileStatusHistory, statusHistoryDir } from '../../../main/instances/status-history';
import { createEventHub } from '../../../main/ipc/event-hub';
import { createRouter } from '../../../main/ipc/router';
import { createSenderPolicy } from '../../../main/ipc/sender';
import { trustRootsOf } from '../../../main/license/trust-roots';
import { confAccountStore } from '../../../main/portal/account-store';
import { confRegistryStore } from '../../../main/registry/registry-store';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { manualClock, type ManualClock } from '../../e2e/bridge/manual-clock';
import { memoryClipboard } from '../../e2e/bridge/memory-clipboard';
import { createTestPki, type TestPki } from '../../pki/test-pki';
import { startAuthentikSim, type AuthentikSim, type AuthentikSimOptions } from '../../sim/authentik';
import { completeSignIn, startPortalSim, type PortalSim, type PortalSimOptions } from '../../sim/portal';
import { requireKeychain, tempDataDirs, trackedKeychain, trackedVaults } from '../keychain/keychain-fixtures';
import { secretLeaks, secretsOfKeychainEntry, secretsOfRequest } from '../secret-scan';

const APP = 'app://renderer';
const WINDOW = { id: 1, url: `${APP}/index.html`, isMainFrame: true };

/**
 * The system browser as a person uses it: every URL the app opens is recorded; a sign-in page is
 * answered (e-mail, password, Allow) by `signInAs` when one is armed, and the browser then follows the
 * redirect to the app's loopback server.
 */
export interface TestBrowser {
  readonly opened: string[];
  /** Who signs in at the next sign-in page; null leaves the page open (nobody answers). */
  signInAs: string | null;
  /** While set, the system browser cannot be started: every open fails with this error and opens nothing. */
  failure: Error | null;
}

/** The app's composition (createHandlers) behind the real router, with observable OS ports. */
export interface PortalApp {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** The value of a call that must succeed (the test fails with the error otherwise). */
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** The error of a call that must fail. */
  failure<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<IpcFailure>;
  /** Signs `email` in at `portalUrl` through the browser, as the app's "Sign in" does. */
  signIn(email: string, portalUrl?: string | null): Promise<ChannelOutput<'portal:sign-in'>>;
  browser: TestBrowser;
  clipboard: ReturnType<typeof memoryClipboard>;
  clock: ManualClock;
  /** Push events, in order, as `name`. */
  events: string[];
  /** The same push events with what they carried to the page. */
  pushed: { event: string; payload: unknown }[];
  /** Files the app asked the system to open. */
  openedFiles: string[];
  dataDir: string;
}

/** The one channel whose answer may carry a license key: the explicit, user-triggered reveal. */
const REVEAL_CHANNEL: ChannelName = 'portal:reveal-license-key';

export interface PortalIpcFixtures {
  pki: TestPki;
  /** A portal simulator signing keys with the test PKI; stopped after the test. */
  portal(options?: PortalSimOptions): Promise<PortalSim>;
  /** An authentik simulator trusting the test PKI's root; stopped after the test. */
  authentik(options?: Partial<AuthentikSimOptions>): Promise<AuthentikSim>;
  /**
   * A fresh app session (the data folder's token vault, its key in the real OS keychain) whose default portal
   * is `portalUrl`, with a new data folder, or `dataDir` to start again on another session's saved instances,
   * accounts and tokens.
   */
  app(portalUrl: string, dataDir?: string): Promise<PortalApp>;
}

/**
 * Per file: one test PKI; per test: simulators; per app: a data folder. Keychain entries written are deleted after the file.
 * Every answer and push event of every app is searched, string by string, for each secret it could leak: the
 * tokens, keys and invitation links sent to it, the tokens it put in the token vault, and the license keys and
 * invitation tokens of the portal simulators (keys only outside the reveal); a leak fails the test there.
 */
export function portalIpcFixtures(): PortalIpcFixtures {
  requireKeychain();
  const keychain = trackedKeychain();
  const { vaultOf } = trackedVaults();
  const dataDirs = tempDataDirs();
  const running: { stop(): Promise<void> }[] = [];
  const portals: PortalSim[] = [];
  const watchedTokens = new Set<string>();
  const watchedKeys = new Set<string>();
  /** A data folder's vault that watches every token put in it. */
  const watching = (vault: SecretStore): SecretStore => ({
    ...vault,
    set: async (account, secret) => {
      for (const token of secretsOfKeychainEntry(secret)) watchedTokens.add(token);
      await vault.set(account, secret);
    },
  });
  /** Fails the test if `value`, sent to the page as `where`, carries a watched secret. */
  const expectNoSecrets = (where: string, value: unknown, keysAllowed: boolean): void => {
    // Keys and invitations issued since the last look are watched from now on, and stay watched once gone.
    for (const portal of portals) {
      for (const license of portal.state.data.licenses) if (license.key !== null) watchedKeys.add(license.key);
      for (const invitation of portal.state.data.invitations) watchedTokens.add(invitation.token);
    }
    const watched = keysAllowed ? [...watchedTokens] : [...watchedTokens, ...watchedKeys];
    expect(secretLeaks(where, value, watched)).toEqual([]);
  };
  let pki: TestPki | undefined;
  beforeAll(async () => {
    pki = await createTestPki();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });
  afterAll(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });
  const testPki = (): TestPki => {
    if (pki === undefined) throw new Error('the test PKI is made in beforeAll');
    return pki;
  };
  const roots = () => trustRootsOf([new X509Certificate(testPki().root.pem)]);

  return {
    get pki() {
      return testPki();
    },
    async portal(options = {}) {
      const sim = await startPortalSim({ pki: testPki(), checkoutDelayMs: 0, ...options });
      running.push(sim);
      portals.push(sim);
      return sim;
    },
    async authentik(options = {}) {
      const sim = await startAuthentikSim({ roots: roots().certificates, ...options });
      running.push({ stop: () => sim.close() });
      return sim;
    },
    async app(portalUrl, savedDataDir) {
      const dataDir = savedDataDir ?? (await dataDirs());
      const clipboard = memoryClipboard();
      const clock = manualClock();
      const events: string[] = [];
      const pushed: { event: string; payload: unknown }[] = [];
      const openedFiles: string[] = [];
      const hub = createEventHub();
      hub.subscribe((event, payload) => {
        expectNoSecrets(`event ${event}`, payload, false);
        events.push(event);
        pushed.push({ event, payload });
      });
      const browser: TestBrowser & { open(url: string): Promise<void> } = {
        opened: [],
        signInAs: null,
        failure: null,
        async open(url) {
          if (browser.failure !== null) throw browser.failure;
          browser.opened.push(url);
          const email = browser.signInAs;
          if (email === null || !new URL(url).pathname.endsWith('/oidc/auth')) return;
          browser.signInAs = null;
          // The person signs in on the portal's page; the browser then lands on the app's loopback page.
          const callback = await completeSignIn(url, { email });
          await (await fetch(callback)).text();
        },
      };
      const handlers = createHandlers(
        {
          clipboard,
          browser,
          clock,
          emit: hub.emit,
          secrets: watching(vaultOf(dataDir)),
          registryStore: confRegistryStore(dataDir),
          accountStore: confAccountStore(dataDir),
          dataNotices: () => [],
          files: { open: async (path) => void openedFiles.push(path) },
          statusHistory: fileStatusHistory(statusHistoryDir(dataDir), { error: (what) => console.error(what) }, () =>
            clock.now(),
          ),
          audit: fileAuditTrail(dataDir, keychain),
        },
        { roots, portalUrl: () => portalUrl, refreshConcurrency: 4, requestTimeoutMs: 5_000 },
      );
      const router = createRouter({
        handlers,
        isTrusted: createSenderPolicy(APP, new Set([WINDOW.id])),
        outputCheck: 'strict',
        onInternalError: (channel, error) => console.error(channel, error),
      });
      const invoke = async <C extends ChannelName>(
        channel: C,
        input: ChannelInput<C>,
      ): Promise<Result<ChannelOutput<C>>> => {
        // What the page sends in is watched like the rest: a key it sent to be checked may come back only from the reveal.
        const sentKey = (input as Record<string, unknown>).key;
        for (const secret of secretsOfRequest(input)) (secret === sentKey ? watchedKeys : watchedTokens).add(secret);
        const result = (await router(channel, input, WINDOW)) as Result<ChannelOutput<C>>;
        expectNoSecrets(`answer of ${channel}`, result, channel === REVEAL_CHANNEL && result.ok);
        return result;
      };
      const app: PortalApp = {
        invoke,
        async ok(channel, input) {
          const result = await invoke(channel, input);
          if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
          return result.value;
        },
        async failure(channel, input) {
          const result = await invoke(channel, input);
          if (result.ok)
            throw new Error(`${channel} succeeded, but it should have failed: ${JSON.stringify(result.value)}`);
          return result.error;
        },
        async signIn(email, url = portalUrl) {
          browser.signInAs = email;
          return app.ok('portal:sign-in', { portalUrl: url });
        },
        browser,
        clipboard,
        clock,
        events,
        pushed,
        openedFiles,
        dataDir,
      };
      return app;
    },
  };
}
