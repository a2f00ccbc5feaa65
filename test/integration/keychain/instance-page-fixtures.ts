import type { SecretStore } from '../../../main/secrets/secret-store';
import type { AuthentikSim, AuthentikSimOptions } from '../../sim/authentik';
import { instanceFixtures } from '../instances/instance-fixtures';
import { startApp, type AppUnderTest } from './app-fixtures';
import { requireKeychain, tempDataDirs, trackedVaults, uniqueToken } from './keychain-fixtures';

/**
 * What the instance page's tests share, registered for the calling test file: the app over fresh data
 * folders, each with its token vault (its key in the real keychain, deleted after the file), two tokens,
 * simulators on the app's clock that accept them, and keys no IPC answer may carry.
 */
export async function instancePageFixtures() {
  requireKeychain();
  const fx = await instanceFixtures();
  const { vaultOf } = trackedVaults();
  const dataDir = tempDataDirs();
  const TOKEN = uniqueToken();
  const SECOND_TOKEN = uniqueToken();
  /** Tokens and keys no IPC answer may carry; keys are added as the tests mint them. */
  const watched: string[] = [TOKEN, SECOND_TOKEN];

  /** The app over a fresh data folder and its token vault; `dir` is that folder, `secrets` that vault. */
  async function app(): Promise<AppUnderTest & { dir: string; secrets: SecretStore }> {
    const dir = await dataDir();
    const secrets = vaultOf(dir);
    return { ...startApp({ dataDir: dir, secrets, pki: fx.pki, watched }), dir, secrets };
  }

  /** A simulator on the app's clock (shifted by `clockOffsetMs`) that accepts TOKEN and SECOND_TOKEN. */
  function sim(
    under: AppUnderTest,
    options: Partial<AuthentikSimOptions> & { clockOffsetMs?: number } = {},
  ): Promise<AuthentikSim> {
    const { clockOffsetMs = 0, ...rest } = options;
    return fx.sim({
      tokens: { [TOKEN]: { viewLicense: true }, [SECOND_TOKEN]: { viewLicense: true } },
      now: () => under.clock.now() + clockOffsetMs,
      ...rest,
    });
  }

  /** A key for `installId` that expires in `days`, watched from now on. */
  function key(installId: string, days: number, claims: Record<string, unknown> = {}): string {
    const text = fx.key(installId, days, claims);
    watched.push(text);
    return text;
  }

  async function add(under: AppUnderTest, server: AuthentikSim, name = 'Prod') {
    const { instance } = await under.ok('instances:add', {
      name,
      url: server.url,
      token: TOKEN,
      customer: null,
      tags: [],
      caPem: null,
    });
    return instance;
  }

  return { TOKEN, SECOND_TOKEN, watched, app, sim, key, add };
}
