import { X509Certificate } from 'node:crypto';
import { afterAll } from 'vitest';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { startAuthentikSim, type AuthentikSim, type AuthentikSimOptions } from '../sim/authentik';
import { cliFixtures, type CliFixtures } from './cli-fixtures';
import { runAklm, type AklmRun } from './run-aklm';

export { closedUrl } from '../net/closed-url';

export const TOKEN = 'sim-admin-token';
export const DAY_S = 24 * 3600;
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export interface InstanceFixtures extends CliFixtures {
  /** Starts a simulator trusting the test root; stopped after the file's tests. */
  sim(options?: Partial<AuthentikSimOptions>): Promise<AuthentikSim>;
  /** A key for `installId` expiring `days` from now. */
  key(installId: string, days: number, claims?: Record<string, unknown>): string;
  /** Runs aklm with the token in AKLM_TOKEN and the test root. */
  aklm(args: string[], options?: { env?: Record<string, string>; stdin?: string }): Promise<AklmRun>;
}

export async function instanceFixtures(): Promise<InstanceFixtures> {
  const fx = await cliFixtures();
  const roots = [new X509Certificate(fx.pki.root.pem)];
  const sims: AuthentikSim[] = [];
  afterAll(() => Promise.all(sims.map((sim) => sim.close())));
  return {
    ...fx,
    async sim(options = {}) {
      const sim = await startAuthentikSim({ roots, ...options });
      sims.push(sim);
      return sim;
    },
    key: (installId, days, claims = {}) =>
      mintKey({
        signer: fx.pki.signerP384,
        intermediate: fx.pki.intermediate,
        claims: { ...licenseClaims(installId, nowSeconds() + Math.round(days * DAY_S)), ...claims },
      }),
    aklm: (args, options = {}) =>
      runAklm([...args, '--root', fx.root], { stdin: options.stdin, env: { AKLM_TOKEN: TOKEN, ...options.env } }),
  };
}
