import { existsSync, readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect } from 'vitest';
import { confAccountStore, type PortalAccountStore } from '../../../main/portal/account-store';
import {
  createPortalAccounts,
  type PortalAccounts,
  type PortalAccountsDeps,
} from '../../../main/portal/portal-accounts';
import { PortalError } from '../../../main/portal/portal-error';
import type { ExternalBrowserPort } from '../../../main/ports/external-browser';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { completeSignIn, startPortalSim, type PortalSim, type PortalSimOptions } from '../../sim/portal';
import { requireKeychain, tempDataDirs, trackedVaults } from '../keychain/keychain-fixtures';
import { secretToolLookup, vaultSecret } from '../keychain/vault-reader';

/** How the person at the browser answers the portal's sign-in page. */
export interface BrowserPlay {
  email: string;
  deny?: boolean;
  /** Changes the redirect back to the app before the browser follows it (an attacker's answer). */
  tamper?: (redirect: URL) => void;
  /** Another program on this computer answers the app's loopback first, with a forged state and code. */
  interloper?: boolean;
}

/** A system browser played by the test: the simulator's real sign-in pages, then the app's loopback redirect. */
export interface PlayedBrowser extends ExternalBrowserPort {
  /** Every URL the app asked to open. */
  readonly opened: string[];
  /** What the loopback page said to the browser. */
  readonly pages: string[];
  /** Who signs in next. */
  play: BrowserPlay | null;
}

export function playedBrowser(play: BrowserPlay | null = null): PlayedBrowser {
  const browser: PlayedBrowser = {
    opened: [],
    pages: [],
    play,
    async open(url) {
      browser.opened.push(url);
      const current = browser.play;
      if (current === null) return;
      const redirect = new URL(
        await completeSignIn(url, {
          email: current.email,
          ...(current.deny === undefined ? {} : { deny: current.deny }),
        }),
      );
      current.tamper?.(redirect);
      if (current.interloper === true) {
        const forged = new URL(redirect);
        forged.search = new URLSearchParams({ code: 'interloper-code', state: 'interloper-state' }).toString();
        browser.pages.push(await (await fetch(forged)).text());
      }
      const page = await fetch(redirect);
      browser.pages.push(await page.text());
    },
  };
  return browser;
}

export interface PortalWorld {
  accounts: PortalAccounts;
  store: PortalAccountStore;
  browser: PlayedBrowser;
  dir: string;
  /** The data folder's token vault, as the accounts use it. */
  secrets: SecretStore;
  /** The data folder's config.json as text ('' when absent). */
  configText(): string;
}

/**
 * Per test: simulators (stopped after the test) and a fresh data folder with its token vault, the vault's
 * key in the real OS keychain (deleted after the file's tests).
 */
export function portalFixtures() {
  requireKeychain();
  const { vaultOf } = trackedVaults();
  const dataDir = tempDataDirs();
  const running: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });

  return {
    async sim(options: PortalSimOptions = {}): Promise<PortalSim> {
      const sim = await startPortalSim(options);
      running.push(sim);
      return sim;
    },
    /** A real HTTP server on 127.0.0.1 answering with `listener` (a site that is not, or not quite, a portal). */
    async site(listener: RequestListener): Promise<string> {
      const server = createServer(listener);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      running.push({
        stop: () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      });
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    /**
     * The portal accounts of a fresh data folder (or of `session.dir`, another session's), over the folder's
     * vault, or what `session.wrap` puts between them (as the app's log does).
     */
    async world(
      overrides: Partial<PortalAccountsDeps> = {},
      play: BrowserPlay | null = null,
      session: { dir?: string; wrap?: (vault: SecretStore) => SecretStore } = {},
    ): Promise<PortalWorld> {
      const dir = session.dir ?? (await dataDir());
      const store = confAccountStore(dir);
      const browser = playedBrowser(play);
      const secrets = (session.wrap ?? ((vault) => vault))(vaultOf(dir));
      const accounts = createPortalAccounts({ store, secrets, browser, timeoutMs: 5000, ...overrides });
      return {
        accounts,
        store,
        browser,
        dir,
        secrets,
        configText: () => (existsSync(store.location) ? readFileSync(store.location, 'utf8') : ''),
      };
    },
  };
}

/**
 * The tokens the data folder's vault holds for a portal account (opened independently, see vault-reader.ts),
 * or null; the keychain never holds them as an entry of their own.
 */
export function storedTokens(
  world: Pick<PortalWorld, 'dir'>,
  accountId: string,
): { access_token: string; refresh_token: string | null; expires_at: string | null } | null {
  expect(secretToolLookup(`portal:${accountId}`)).toBeNull();
  const secret = vaultSecret(world.dir, `portal:${accountId}`);
  return secret === null
    ? null
    : (JSON.parse(secret) as { access_token: string; refresh_token: string | null; expires_at: string | null });
}

/** The PortalError a promise rejects with (anything else fails the test). */
export async function portalFailure(promise: Promise<unknown>): Promise<PortalError> {
  const outcome = await promise.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof PortalError)) throw outcome;
  return outcome;
}

/** The requests the simulator saw from index `from` on, as `METHOD path status`. */
export function requestLog(sim: PortalSim, from = 0): string[] {
  return sim.requests.slice(from).map((request) => `${request.method} ${request.path} ${request.status ?? 'dropped'}`);
}
