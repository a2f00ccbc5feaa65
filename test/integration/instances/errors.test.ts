import { describe, expect, it } from 'vitest';
import { closedPort, expectInstanceError, instanceFixtures, logSince, TOKEN } from './instance-fixtures';

const fx = await instanceFixtures();

describe('errors, each with a stable code and words a person understands', () => {
  it('unreachable: a port nothing listens on is "connection refused", naming the host', async () => {
    const port = await closedPort();
    const error = await expectInstanceError(
      fx.client(`http://127.0.0.1:${port}`, { timeoutMs: 5_000 }).readSnapshot(),
      'unreachable',
    );
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).toMatch(/refused/);
  });

  it('unreachable: a host name that does not resolve says so', async () => {
    const error = await expectInstanceError(
      fx.client('https://aklm-test.invalid', { timeoutMs: 5_000 }).readSnapshot(),
      'unreachable',
    );
    expect(error.message).toMatch(/aklm-test\.invalid.*could not be resolved/);
  });

  it('unauthorized: an unknown token, explained as wrong, expired, or an app password instead of an API token', async () => {
    const sim = await fx.sim();
    const token = 'not-a-token-the-instance-knows';
    const error = await expectInstanceError(fx.client(sim.url, { token }).readSnapshot(), 'unauthorized', [token]);
    expect(error.message).toMatch(/wrong or expired/);
    expect(error.message).toMatch(/app password/);
    expect(error.message).toMatch(/Directory → Tokens/);
    expect(sim.requests.at(-1)).toMatchObject({ path: '/admin/version/', status: 403, authorized: false });
  });

  it('unauthorized: a 401 from a proxy in front of authentik', async () => {
    const sim = await fx.sim();
    sim.fault({ path: '/admin/version/', kind: 'status', status: 401, body: { detail: 'Unauthorized' } });
    await expectInstanceError(fx.client(sim.url).readSnapshot(), 'unauthorized');
  });

  it('forbidden: a valid token whose user lacks view_license cannot list licenses', async () => {
    const token = 'token-without-view-license';
    const sim = await fx.sim({ tokens: { [TOKEN]: { viewLicense: true }, [token]: { viewLicense: false } } });
    const error = await expectInstanceError(fx.client(sim.url, { token }).readSnapshot(), 'forbidden', [token]);
    expect(error.message).toMatch(/license list/);
    expect(error.message).toMatch(/view_license/);
  });

  it('not_found: a URL that is not authentik', async () => {
    const url = await fx.httpServer((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>Not Found</body></html>');
    });
    const error = await expectInstanceError(fx.client(url).readSnapshot(), 'not_found');
    expect(error.message).toMatch(/may not point at authentik/);
  });

  it('not_found: the instance URL with a wrong base path', async () => {
    const sim = await fx.sim();
    await expectInstanceError(fx.client(`${sim.url}/not-authentik`).readSnapshot(), 'not_found');
    expect(sim.requests.at(-1)).toMatchObject({ path: '/not-authentik/api/v3/admin/version/', status: 404 });
  });

  it('server_error: a 500 from authentik (not retried: only 502/503/504 are)', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'GET', path: '/enterprise/license/forecast/', kind: 'status', status: 500 });
    const before = sim.requests.length;
    const error = await expectInstanceError(fx.client(sim.url).readSnapshot(), 'server_error');
    expect(error.message).toMatch(/HTTP 500/);
    expect(logSince(sim, before).filter((line) => line.includes('/forecast/'))).toEqual([
      'GET /enterprise/license/forecast/ 500',
    ]);
  });

  it('server_error: a 503 that persists through every attempt', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'GET', path: '/admin/version/', kind: 'status', status: 503, times: 10 });
    const before = sim.requests.length;
    const error = await expectInstanceError(fx.client(sim.url).readSnapshot(), 'server_error');
    expect(error.message).toMatch(/HTTP 503/);
    expect(logSince(sim, before)).toEqual([
      'GET /admin/version/ 503',
      'GET /admin/version/ 503',
      'GET /admin/version/ 503',
    ]);
  });

  it('unexpected_response: a body that is not valid JSON', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'GET', path: '/enterprise/license/', kind: 'malformed' });
    const error = await expectInstanceError(fx.client(sim.url).readSnapshot(), 'unexpected_response');
    expect(error.message).toMatch(/malformed JSON/);
  });

  it('unexpected_response: JSON of the wrong shape names the field, not its value', async () => {
    const sim = await fx.sim();
    sim.fault({
      method: 'GET',
      path: '/enterprise/license/summary/',
      kind: 'status',
      status: 200,
      body: { internal_users: 'many', status: 'valid' },
    });
    const error = await expectInstanceError(fx.client(sim.url).readSnapshot(), 'unexpected_response');
    expect(error.message).toMatch(/internal_users/);
    expect(error.message).not.toMatch(/many/);
  });

  it('unexpected_response: a web page where the API should be', async () => {
    const url = await fx.httpServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Welcome to nginx!</body></html>');
    });
    const error = await expectInstanceError(fx.client(url).readSnapshot(), 'unexpected_response');
    expect(error.message).toMatch(/text\/html instead of JSON/);
  });

  it('unexpected_response: a license list whose pagination never advances', async () => {
    const sim = await fx.sim();
    const stuck = {
      pagination: { next: 1, previous: 0, count: 3, current: 1, total_pages: 3, start_index: 1, end_index: 1 },
      results: [],
      autocomplete: {},
    };
    sim.fault({ method: 'GET', path: '/enterprise/license/', kind: 'status', status: 200, body: stuck });
    await expectInstanceError(fx.client(sim.url).listLicenses(), 'unexpected_response');
  });

  it('never puts the token in a message, even when the server echoes it', async () => {
    const sim = await fx.sim();
    sim.fault({
      path: '/admin/version/',
      kind: 'status',
      status: 403,
      body: { detail: `Token ${TOKEN} lacks permission` },
    });
    const error = await expectInstanceError(fx.client(sim.url).readSnapshot(), 'unauthorized');
    expect(error.message).toContain('[redacted]');
  });

  it('refuses a token with line breaks before sending anything', async () => {
    const sim = await fx.sim();
    const token = 'abc\ndef-secret';
    await expectInstanceError(fx.client(sim.url, { token }).readSnapshot(), 'unauthorized', [token]);
    expect(sim.requests).toHaveLength(0);
  });
});
