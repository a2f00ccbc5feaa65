import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePemCertificates, trustRootsOf } from '../../../main/license/trust-roots';
import { verifyKey } from '../../../main/license/verify-key';
import { SEED, startPortalSim } from '../../sim/portal';
import { discover, pressPay, signIn } from './portal-sim-fixtures';

const { users: U, organizations: O } = SEED;
const INSTALL_ID = '0f1e2d3c-4b5a-4697-8877-665544332211';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portal-sim-state-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function api(url: string, path: string, token: string, init: RequestInit = {}) {
  const response = await fetch(`${url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('state file', () => {
  it('a restarted simulator carries on: data, issued keys (same root) and sign-ins, without tokens in the clear', async () => {
    const stateFile = join(dir, 'portal.json');
    const first = await startPortalSim({ stateFile, checkoutDelayMs: 0 });
    const tokens = await signIn(first, U.dave.email);
    const ordered = await api(first.url, `/api/v1/organizations/${O.initech.id}/checkout`, tokens.accessToken, {
      method: 'POST',
      body: JSON.stringify({
        plan: SEED.plans.monthlyUsd.id,
        name: 'Initech prod',
        install_id: INSTALL_ID,
        internal_users: 12,
        external_users: 1,
      }),
    });
    expect(await pressPay(String(ordered.body.checkout_url))).toBe(303);
    const licensePath = `/api/v1/organizations/${O.initech.id}/licenses/${String(ordered.body.license_id)}`;
    const issued = (await api(first.url, licensePath, tokens.accessToken)).body;
    expect(issued.status).toBe('active');
    const port = new URL(first.url).port;
    await first.stop();
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
    const saved = await readFile(stateFile, 'utf8');
    expect(saved).not.toContain(tokens.accessToken);
    expect(saved).not.toContain(tokens.refreshToken);

    const second = await startPortalSim({ stateFile, port: Number(port) });
    try {
      expect(second.url).toBe(first.url);
      expect(second.rootPem).toBe(first.rootPem);
      const again = await api(second.url, licensePath, tokens.accessToken);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(issued);
      const verdict = verifyKey(String(issued.key), {
        roots: trustRootsOf(parsePemCertificates(second.rootPem)),
        at: Date.now(),
        installId: INSTALL_ID,
      });
      expect(verdict.reason).toBe('ok');
      const refreshed = await oidc.refreshTokenGrant(await discover(second), tokens.refreshToken);
      expect((await api(second.url, '/api/v1/me', refreshed.access_token)).body).toMatchObject({ email: U.dave.email });
    } finally {
      await second.stop();
    }
  });

  it('keeps seeded data as it was changed, not re-seeded', async () => {
    const stateFile = join(dir, 'changed.json');
    const first = await startPortalSim({ stateFile });
    const token = (await signIn(first, U.alice.email)).accessToken;
    await api(first.url, `/api/v1/organizations/${O.acme.id}`, token, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'Acme Renamed' }),
    });
    await first.stop();
    const second = await startPortalSim({ stateFile });
    try {
      expect(second.state.organization(O.acme.id)?.name).toBe('Acme Renamed');
      expect(JSON.parse(await readFile(stateFile, 'utf8'))).toMatchObject({ format: 'portal-sim-state/1' });
    } finally {
      await second.stop();
    }
  });

  it('refuses a file that is not its state, naming it', async () => {
    const stateFile = join(dir, 'other.json');
    await writeFile(stateFile, JSON.stringify({ instances: [] }));
    await expect(startPortalSim({ stateFile })).rejects.toThrow(`${stateFile} is not a portal simulator state file`);
  });
});
