import { describe, expect, it } from 'vitest';
import { SEED } from '../../sim/portal';
import { freshPortalSimPerTest } from './portal-sim-fixtures';

const { users: U } = SEED;

describe('faults', () => {
  const kit = freshPortalSimPerTest();

  it('answers a queued 500 once, in the error shape, then serves normally', async () => {
    const token = await kit.token(U.alice.email);
    kit.sim.fault({ path: '/api/v1/me' });
    const failed = await fetch(`${kit.sim.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: { code: 'server_error', message: expect.any(String) } });
    expect((await kit.call('GET', '/api/v1/me', { token })).status).toBe(200);
  });

  it('drops matching connections without an answer, and can hit the identity provider', async () => {
    kit.sim.fault({ path: /^\/oidc\//, kind: 'drop', times: 2 });
    await expect(fetch(`${kit.sim.issuer}/.well-known/openid-configuration`)).rejects.toThrow();
    await expect(fetch(`${kit.sim.issuer}/jwks`)).rejects.toThrow();
    expect((await fetch(`${kit.sim.issuer}/.well-known/openid-configuration`)).status).toBe(200);
    expect(kit.sim.requests.filter((request) => request.status === null)).toHaveLength(2);
  });

  it('logs requests by method, path and status, never with a query', async () => {
    await kit.call('GET', '/api/v1/invitations/preview?token=secret-token', { token: await kit.token(U.erin.email) });
    const logged = kit.sim.requests.find((request) => request.path === '/api/v1/invitations/preview');
    expect(logged).toEqual({ method: 'GET', path: '/api/v1/invitations/preview', status: 404 });
    expect(JSON.stringify(kit.sim.requests)).not.toContain('secret-token');
  });
});
