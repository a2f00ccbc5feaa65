import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthentikSim, type AuthentikSim } from '../../sim/authentik';
import { ADMIN_TOKEN, createSimKit, INSTALL_ID, NOW, VIEWER_TOKEN, type SimKit } from './sim-fixtures';
import { call } from './sim-http';

const NOT_PROVIDED = { detail: 'Authentication credentials were not provided.' };
const INVALID = { detail: 'Token invalid/expired' };
const NO_PERMISSION = { detail: 'You do not have permission to perform this action.' };
let kit: SimKit;
let sim: AuthentikSim;
let uuid: string;

beforeAll(async () => {
  kit = await createSimKit();
  sim = await startAuthentikSim({
    roots: kit.roots,
    installId: INSTALL_ID,
    now: () => NOW,
    tokens: { [ADMIN_TOKEN]: { viewLicense: true }, [VIEWER_TOKEN]: { viewLicense: false, name: 'Viewer Bot' } },
  });
  uuid = sim.addLicense(kit.key());
});

afterAll(async () => {
  await sim.close();
});

describe('authentication and permissions (DRF answers 403 with a detail)', () => {
  it('answers 403 "not provided" without a token, and "Token invalid/expired" for an unknown one', async () => {
    for (const path of ['/enterprise/license/', '/enterprise/license/summary/', '/admin/version/', '/core/users/me/']) {
      expect(await call(sim.url, path, { token: null })).toMatchObject({ status: 403, body: NOT_PROVIDED });
      expect(await call(sim.url, path, { token: 'guessed' })).toMatchObject({ status: 403, body: INVALID });
    }
  });

  it('refuses other schemes and an empty bearer, and accepts the scheme in any case', async () => {
    expect(
      await call(sim.url, '/admin/version/', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }),
    ).toMatchObject({
      status: 403,
      body: { detail: 'Unsupported authentication type' },
    });
    expect(await call(sim.url, '/admin/version/', { authorization: 'Bearer' })).toMatchObject({
      status: 403,
      body: NOT_PROVIDED,
    });
    expect((await call(sim.url, '/admin/version/', { authorization: `bearer ${ADMIN_TOKEN}` })).status).toBe(200);
  });

  it('lets a token without view_license read the summary, its user and the version, and nothing else', async () => {
    expect((await call(sim.url, '/enterprise/license/summary/', { token: VIEWER_TOKEN })).status).toBe(200);
    expect((await call(sim.url, '/admin/version/', { token: VIEWER_TOKEN })).status).toBe(200);
    expect(await call(sim.url, '/core/users/me/', { token: VIEWER_TOKEN })).toMatchObject({
      status: 200,
      body: { user: { name: 'Viewer Bot', username: 'Viewer-Bot', is_superuser: false, system_permissions: [] } },
    });
    const refused: [string, string, unknown?][] = [
      ['GET', '/enterprise/license/install_id/'],
      ['GET', '/enterprise/license/forecast/'],
      ['GET', '/enterprise/license/'],
      ['POST', '/enterprise/license/', { key: kit.key() }],
      ['GET', `/enterprise/license/${uuid}/`],
      ['PATCH', `/enterprise/license/${uuid}/`, { key: kit.key() }],
      ['DELETE', `/enterprise/license/${uuid}/`],
      ['GET', '/admin/system/'],
    ];
    for (const [method, path, body] of refused) {
      expect(await call(sim.url, path, { method, token: VIEWER_TOKEN, body })).toMatchObject({
        status: 403,
        body: NO_PERMISSION,
      });
    }
    expect(sim.installed()).toHaveLength(1);
  });

  it('serves /root/config/ without a token, but not with a bad one', async () => {
    expect((await call(sim.url, '/root/config/', { token: null })).status).toBe(200);
    expect(await call(sim.url, '/root/config/', { token: 'guessed' })).toMatchObject({ status: 403, body: INVALID });
  });

  it('answers 404 for unknown paths and 405 for a method a path lacks', async () => {
    expect(await call(sim.url, '/enterprise/nothing/')).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
    expect(await call(sim.url, '/enterprise/license/summary/', { method: 'POST' })).toMatchObject({
      status: 405,
      body: { detail: 'Method "POST" not allowed.' },
    });
    const outside = await fetch(`${sim.url}/if/admin/`);
    expect(outside.status).toBe(404);
  });

  it('logs whether each request was authorized, never the token', async () => {
    const before = sim.requests.length;
    await call(sim.url, '/admin/version/', { token: null });
    await call(sim.url, '/admin/version/', { token: 'guessed' });
    await call(sim.url, '/admin/version/');
    expect(sim.requests.slice(before).map((request) => request.authorized)).toEqual([false, false, true]);
    const log = JSON.stringify(sim.requests);
    expect(log).not.toContain(ADMIN_TOKEN);
    expect(log).not.toContain(VIEWER_TOKEN);
  });
});
