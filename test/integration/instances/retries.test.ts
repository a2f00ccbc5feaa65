import { describe, expect, it } from 'vitest';
import { closedPort, expectInstanceError, instanceFixtures, logSince, TOKEN } from './instance-fixtures';

const fx = await instanceFixtures();

describe('GETs are retried with backoff', () => {
  it('after one 503, the read succeeds on the second attempt', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'GET', path: '/admin/version/', kind: 'status', status: 503 });
    const before = sim.requests.length;
    const snapshot = await fx.client(sim.url).readSnapshot();
    expect(snapshot.version).toBe('2026.5.6');
    expect(logSince(sim, before).filter((line) => line.includes('/admin/version/'))).toEqual([
      'GET /admin/version/ 503',
      'GET /admin/version/ 200',
    ]);
  });

  it('after one dropped connection, the read succeeds on the second attempt', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'GET', path: '/enterprise/license/', kind: 'drop' });
    const before = sim.requests.length;
    const licenses = await fx.client(sim.url).listLicenses();
    expect(licenses).toEqual([]);
    expect(logSince(sim, before)).toEqual([
      'GET /enterprise/license/?page=1&page_size=100 dropped',
      'GET /enterprise/license/?page=1&page_size=100 200',
    ]);
  });

  it('an attempt that hangs is abandoned and retried within the same budget', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'GET', path: '/admin/version/', kind: 'delay', delayMs: 10_000 });
    const started = Date.now();
    const snapshot = await fx.client(sim.url, { timeoutMs: 3_000 }).readSnapshot();
    expect(snapshot.installId).toBe(sim.installId);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(sim.requests.filter((entry) => entry.path === '/admin/version/')).toHaveLength(2);
  });

  it('the timeout bounds the whole request, retries included', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'GET', path: '/admin/version/', kind: 'delay', delayMs: 10_000, times: 10 });
    const timeoutMs = 1_200;
    const started = Date.now();
    const error = await expectInstanceError(fx.client(sim.url, { timeoutMs }).readSnapshot(), 'unreachable');
    const elapsed = Date.now() - started;
    expect(error.message).toMatch(/did not answer within 1\.2 s \(timeout, 2 attempts\)/);
    expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(elapsed).toBeLessThan(timeoutMs + 500);
  });
});

describe('POSTs are sent exactly once', () => {
  it('a 503 is reported, not retried', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'POST', path: '/enterprise/license/', kind: 'status', status: 503 });
    const key = fx.key(sim.installId, 30);
    const before = sim.requests.length;
    const error = await expectInstanceError(fx.client(sim.url).installLicense(key), 'server_error', [TOKEN, key]);
    expect(error.maybeDelivered).toBe(false);
    expect(logSince(sim, before)).toEqual(['POST /enterprise/license/ 503']);
  });

  it('a connection dropped before an answer is not retried, and the outcome is flagged as unknown', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'POST', path: '/enterprise/license/', kind: 'drop' });
    const key = fx.key(sim.installId, 30);
    const before = sim.requests.length;
    const error = await expectInstanceError(fx.client(sim.url).installLicense(key), 'unreachable', [TOKEN, key]);
    expect(error.maybeDelivered).toBe(true);
    expect(logSince(sim, before)).toEqual(['POST /enterprise/license/ dropped']);
  });

  it('a connection dropped after authentik stored the key: maybeDelivered, and the license IS installed', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'POST', path: '/enterprise/license/', kind: 'drop-after-handling' });
    const key = fx.key(sim.installId, 30);
    const error = await expectInstanceError(fx.client(sim.url).installLicense(key), 'unreachable', [TOKEN, key]);
    expect(error.maybeDelivered).toBe(true);
    expect(error.message).toMatch(/closed the connection/);
    expect(sim.installed().map((license) => license.key)).toEqual([key]);
    expect(sim.requests.filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });

  it('a timeout after sending: maybeDelivered, one POST, within the budget', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'POST', path: '/enterprise/license/', kind: 'delay', delayMs: 5_000 });
    const key = fx.key(sim.installId, 30);
    const started = Date.now();
    const error = await expectInstanceError(fx.client(sim.url, { timeoutMs: 800 }).installLicense(key), 'unreachable', [
      TOKEN,
      key,
    ]);
    expect(Date.now() - started).toBeLessThan(800 + 500);
    expect(error.maybeDelivered).toBe(true);
    expect(error.message).toMatch(
      /\(timeout\)\. The request may have reached authentik: check whether it took effect before sending it again\./,
    );
    expect(sim.requests.filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });

  it('a refused connection: nothing was delivered', async () => {
    const port = await closedPort();
    const key = fx.key('00000000-0000-4000-8000-000000000000', 30);
    const error = await expectInstanceError(fx.client(`http://127.0.0.1:${port}`).installLicense(key), 'unreachable', [
      TOKEN,
      key,
    ]);
    expect(error.maybeDelivered).toBe(false);
    expect(error.message).toMatch(/refused/);
  });
});
