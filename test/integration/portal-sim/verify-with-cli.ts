import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAklm, type AklmRun } from '../../cli/run-aklm';
import type { PortalSim } from '../../sim/portal';

/** What `aklm verify --json` says about a key the simulator issued (the fields these tests read). */
export interface Verdict {
  valid: boolean;
  reason: string;
  claims: { aud: string; exp: number; name: string; internal_users: number; external_users: number };
  fingerprint: string;
}

/**
 * `aklm verify --root <the simulator's root> --install-id <id> - --json` with the built CLI, the key on
 * standard input (never in a file); the root's PEM file is removed afterwards.
 */
export async function verifyWithCli(sim: PortalSim, key: string, installId: string): Promise<AklmRun> {
  const dir = await mkdtemp(join(tmpdir(), 'portal-sim-root-'));
  try {
    const root = join(dir, 'root.pem');
    await writeFile(root, sim.rootPem);
    return await runAklm(['verify', '--root', root, '--install-id', installId, '-', '--json'], { stdin: `${key}\n` });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
