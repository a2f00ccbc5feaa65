import { describe, expect, it } from 'vitest';
import { startAuthentikSim } from '../../sim/authentik';
import { freshSimPerTest } from './sim-fixtures';
import { call } from './sim-http';

const ctx = freshSimPerTest();

const lastRequest = () => ctx.sim.requests.at(-1);

describe('faults', () => {
  it('status: answers 500 {"detail": "A server error occurred."} by default, or the given status and body, `times` times', async () => {
    ctx.sim.fault({ kind: 'status' });
    expect(await call(ctx.sim.url, '/admin/version/')).toMatchObject({
      status: 500,
      body: { detail: 'A server error occurred.' },
    });
    expect((await call(ctx.sim.url, '/admin/version/')).status).toBe(200);

    ctx.sim.fault({ kind: 'status', status: 503, body: { detail: 'Service unavailable' }, times: 2 });
    expect((await call(ctx.sim.url, '/admin/version/')).status).toBe(503);
    expect(await call(ctx.sim.url, '/admin/version/')).toMatchObject({
      status: 503,
      body: { detail: 'Service unavailable' },
    });
    expect((await call(ctx.sim.url, '/admin/version/')).status).toBe(200);
  });

  it('matches by method and by path (string or RegExp), leaving other requests alone', async () => {
    ctx.sim.fault({ kind: 'status', status: 502, method: 'post', path: '/enterprise/license/' });
    ctx.sim.fault({ kind: 'status', status: 504, path: /summary/ });
    expect((await call(ctx.sim.url, '/enterprise/license/')).status).toBe(200);
    expect((await call(ctx.sim.url, '/enterprise/license/summary/')).status).toBe(504);
    expect(
      (await call(ctx.sim.url, '/enterprise/license/', { method: 'POST', body: { key: ctx.kit.key() } })).status,
    ).toBe(502);
    expect(ctx.sim.installed()).toEqual([]);
  });

  it('drop: closes the connection without answering or applying the request', async () => {
    ctx.sim.fault({ kind: 'drop', method: 'POST' });
    await expect(
      call(ctx.sim.url, '/enterprise/license/', { method: 'POST', body: { key: ctx.kit.key() } }),
    ).rejects.toThrow();
    expect(ctx.sim.installed()).toEqual([]);
    expect(lastRequest()).toEqual({
      method: 'POST',
      path: '/enterprise/license/',
      query: '',
      status: null,
      authorized: true,
    });
  });

  it('drop-after-handling: applies the request (the license IS installed) and then closes without answering', async () => {
    ctx.sim.fault({ kind: 'drop-after-handling', method: 'POST', path: '/enterprise/license/' });
    const key = ctx.kit.key();
    await expect(call(ctx.sim.url, '/enterprise/license/', { method: 'POST', body: { key } })).rejects.toThrow();
    expect(ctx.sim.installed().map((license) => license.key)).toEqual([key]);
    expect(lastRequest()?.status).toBeNull();
    // The next request is served normally.
    expect((await call(ctx.sim.url, '/enterprise/license/')).body).toMatchObject({ pagination: { count: 1 } });
  });

  it('delay: answers normally after delayMs', async () => {
    ctx.sim.fault({ kind: 'delay', delayMs: 300 });
    const started = performance.now();
    expect((await call(ctx.sim.url, '/admin/version/')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('malformed: answers 200 with a body that is not JSON', async () => {
    ctx.sim.fault({ kind: 'malformed' });
    const response = await fetch(`${ctx.sim.url}/api/v3/enterprise/license/`, {
      headers: { Authorization: 'Bearer sim-admin-token' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(lastRequest()?.status).toBe(200);
  });

  it('logs every request in order: method, path after /api/v3, query, status', async () => {
    ctx.sim.fault({ kind: 'status', status: 500, path: '/enterprise/license/summary/' });
    await call(ctx.sim.url, '/enterprise/license/?page=2&page_size=5');
    await call(ctx.sim.url, '/enterprise/license/summary/?cached=false');
    await call(ctx.sim.url, '/enterprise/license/', { method: 'POST', body: {} });
    await call(ctx.sim.url, '/admin/version/', { token: null });
    expect(ctx.sim.requests).toEqual([
      { method: 'GET', path: '/enterprise/license/', query: 'page=2&page_size=5', status: 404, authorized: true },
      { method: 'GET', path: '/enterprise/license/summary/', query: 'cached=false', status: 500, authorized: true },
      { method: 'POST', path: '/enterprise/license/', query: '', status: 400, authorized: true },
      { method: 'GET', path: '/admin/version/', query: '', status: 403, authorized: false },
    ]);
  });
});

describe('latency', () => {
  it('adds latencyMs before every response, and serves concurrent requests in parallel', async () => {
    const slow = await startAuthentikSim({ roots: ctx.kit.roots, latencyMs: 150 });
    try {
      let started = performance.now();
      expect((await call(slow.url, '/admin/version/')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => call(slow.url, '/enterprise/license/summary/')),
      );
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      await slow.close();
    }
  });
});
