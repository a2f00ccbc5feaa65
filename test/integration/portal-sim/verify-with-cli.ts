import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { json, runAklm, type AklmRun } from '../../cli/run-aklm';
import type { PortalSim } from '../../sim/portal';

const DAY_S = 24 * 3600;

/** A license as the portal answers for it, with its key once paid (the fields these tests read). */
export interface LicenseWithKey {
  status: string;
  key: string | null;
  expires_at: string | null;
  key_fingerprint: string | null;
  previous_key_fingerprint: string | null;
}

/** What a checkout ordered: the installation and the name and users its key must carry. */
export interface Ordered {
  installId: string;
  name: string;
  internal_users: number;
  external_users: number;
}

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

/**
 * The built CLI accepts the paid license's key for the installation ordered, with the name, users and
 * fingerprint of the license, and the key expires a year after the payment, when the license says it does.
 */
export async function expectKeyAcceptedForAYear(
  sim: PortalSim,
  license: LicenseWithKey,
  ordered: Ordered,
  paidAt: number,
): Promise<void> {
  const { installId, ...claims } = ordered;
  const run = await verifyWithCli(sim, license.key ?? '', installId);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const verdict = json<Verdict>(run);
  expect(verdict).toMatchObject({
    valid: true,
    reason: 'ok',
    fingerprint: license.key_fingerprint,
    claims: { aud: `enterprise.goauthentik.io/license/${installId}`, ...claims },
  });
  const daysAhead = (verdict.claims.exp - paidAt / 1000) / DAY_S;
  expect(daysAhead).toBeGreaterThan(364.9);
  expect(daysAhead).toBeLessThan(366.1);
  expect(Date.parse(license.expires_at ?? '')).toBe(verdict.claims.exp * 1000);
}
