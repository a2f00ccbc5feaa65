import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAuthentikSim, type AuthentikSim } from '../../sim/authentik';
import { createSimKit, INSTALL_ID, NOW, type SimKit } from './sim-fixtures';
import { call } from './sim-http';

let kit: SimKit;
let sim: AuthentikSim;

beforeAll(async () => {
  kit = await createSimKit();
});

beforeEach(async () => {
  await sim?.close();
  sim = await startAuthentikSim({ roots: kit.roots, installId: INSTALL_ID, now: () => NOW });
});

afterAll(async () => {
  await sim.close();
});

const lastRequest = () => sim.requests.at(-1);

describe('faults', () => {
  it('status: answers 500 {"detail": "A server error occurred."} by default, or the given status and body, `times` times', async () => {
    sim.fault({ kind: 'status' });
    expect(await call(sim.url, '/admin/version/')).toMatchObject({ status: 500, body: { detail: 'A server error occurred.' } });
    expect((await call(sim.url, '/admin/version/')).status).toBe(200);

    sim.fault({ kind: 'status', status: 503, body: { detail: 'Service unavailable' }, times: 2 });
    expect((await call(sim.url, '/admin/version/')).status).toBe(503);
    expect(await call(sim.url, '/admin/version/')).toMatchObject({ status: 503, body: { detail: 'Service unavailable' } });
    expect((await call(sim.url, '/admin/version/')).status).toBe(200);
  });

  it('matches by method and by path (string or RegExp), leaving other requests alone', async () => {
    sim.fault({ kind: 'status', status: 502, method: 'post', path: '/enterprise/license/' });
    sim.fault({ kind: 'status', status: 504, path: /summary/ });
    expect((await call(sim.url, '/enterprise/license/')).status).toBe(200);
    expect((await call(sim.url, '/enterprise/license/summary/')).status).toBe(504);
    expect((await call(sim.url, '/enterprise/license/', { method: 'POST', body: { key: kit.key() } })).status).toBe(502);
    expect(sim.installed()).toEqual([]);
  });

  it('drop: closes the connection without answering or applying the request', async () => {
    sim.fault({ kind: 'drop', method: 'POST' });
    await expect(call(sim.url, '/enterprise/license/', { method: 'POST', body: { key: kit.key() } })).rejects.toThrow();
    expect(sim.installed()).toEqual([]);
    expect(lastRequest()).toEqual({ method: 'POST', path: '/enterprise/license/', query: '', status: null, authorized: true });
  });

  it('drop-after-handling: applies the request (the license IS installed) and then closes without answering', async () => {
    sim.fault({ kind: 'drop-after-handling', method: 'POST', path: '/enterprise/license/' });
    const key = kit.key();
    await expect(call(sim.url, '/enterprise/license/', { method: 'POST', body: { key } })).rejects.toThrow();
    expect(sim.installed().map((license) => license.key)).toEqual([key]);
    expect(lastRequest()?.status).toBeNull();
    // The next request is served normally.
    expect((await call(sim.url, '/enterprise/license/')).body).toMatchObject({ pagination: { count: 1 } });
  });

  it('delay: answers normally after delayMs', async () => {
    sim.fault({ kind: 'delay', delayMs: 300 });
    const started = performance.now();
    expect((await call(sim.url, '/admin/version/')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('malformed: answers 200 with a body that is not JSON', async () => {
    sim.fault({ kind: 'malformed' });
    const response = await fetch(`${sim.url}/api/v3/enterprise/license/`, { headers: { Authorization: 'Bearer sim-admin-token' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(lastRequest()?.status).toBe(200);
  });

  it('logs every request in order: method, path after /api/v3, query, status', async () => {
    sim.fault({ kind: 'status', status: 500, path: '/enterprise/license/summary/' });
    await call(sim.url, '/enterprise/license/?page=2&page_size=5');
    await call(sim.url, '/enterprise/license/summary/?cached=false');
    await call(sim.url, '/enterprise/license/', { method: 'POST', body: {} });
    await call(sim.url, '/admin/version/', { token: null });
    expect(sim.requests).toEqual([
      { method: 'GET', path: '/enterprise/license/', query: 'page=2&page_size=5', status: 404, authorized: true },
      { method: 'GET', path: '/enterprise/license/summary/', query: 'cached=false', status: 500, authorized: true },
      { method: 'POST', path: '/enterprise/license/', query: '', status: 400, authorized: true },
      { method: 'GET', path: '/admin/version/', query: '', status: 403, authorized: false },
    ]);
  });
});

describe('latency', () => {
  it('adds latencyMs before every response, and serves concurrent requests in parallel', async () => {
    const slow = await startAuthentikSim({ roots: kit.roots, latencyMs: 150 });
    try {
      let started = performance.now();
      expect((await call(slow.url, '/admin/version/')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      started = performance.now();
      const answers = await Promise.all(Array.from({ length: 10 }, () => call(slow.url, '/enterprise/license/summary/')));
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      await slow.close();
    }
  });
});
