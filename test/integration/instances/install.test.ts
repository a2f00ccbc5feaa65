import { describe, expect, it } from 'vitest';
import { DAY_S, expectInstanceError, instanceFixtures, logSince, nowSeconds, TOKEN } from './instance-fixtures';

const fx = await instanceFixtures();

describe('installLicense', () => {
  it('POSTs the key once and returns the license authentik created', async () => {
    const sim = await fx.sim();
    const exp = nowSeconds() + 90 * DAY_S;
    const key = fx.key(sim.installId, 90, { name: 'Fresh', internal_users: 12, external_users: 34 });
    const before = sim.requests.length;

    const license = await fx.client(sim.url).installLicense(key);

    expect(license).toEqual({
      licenseUuid: sim.installed()[0]?.licenseUuid,
      name: 'Fresh',
      key,
      expiry: exp * 1000,
      internalUsers: 12,
      externalUsers: 34,
    });
    expect(logSince(sim, before)).toEqual(['POST /enterprise/license/ 201']);
  });

  it('invalid_key: a key for another install carries authentik\'s "Invalid Install ID in license"', async () => {
    const sim = await fx.sim();
    const key = fx.key('00000000-0000-4000-8000-000000000000', 90);
    const error = await expectInstanceError(fx.client(sim.url).installLicense(key), 'invalid_key', [TOKEN, key]);
    expect(error.serverMessages).toEqual(['Invalid Install ID in license']);
    expect(error.message).toMatch(/Invalid Install ID in license/);
    expect(sim.installed()).toEqual([]);
  });

  it('invalid_key: an expired key carries authentik\'s "Unable to verify license"', async () => {
    const sim = await fx.sim();
    const key = fx.key(sim.installId, -1);
    const error = await expectInstanceError(fx.client(sim.url).installLicense(key), 'invalid_key', [TOKEN, key]);
    expect(error.serverMessages).toEqual(['Unable to verify license']);
  });

  it('read_only: a 400 denied_license is explained, saying that installing a license still works', async () => {
    const sim = await fx.sim();
    sim.fault({
      method: 'POST',
      path: '/enterprise/license/',
      kind: 'status',
      status: 400,
      body: { detail: 'Request denied due to expired/invalid license.', code: 'denied_license' },
    });
    const key = fx.key(sim.installId, 30);
    const error = await expectInstanceError(fx.client(sim.url).installLicense(key), 'read_only', [TOKEN, key]);
    expect(error.message).toMatch(/read-only/);
    expect(error.message).toMatch(/expired or its users exceed/);
    expect(error.message).toMatch(/Installing a license still works/);
  });

  it('forbidden: a token whose user may not add licenses', async () => {
    const token = 'viewer-without-license-rights';
    const sim = await fx.sim({ tokens: { [token]: { viewLicense: false } } });
    const key = fx.key(sim.installId, 30);
    await expectInstanceError(fx.client(sim.url, { token }).installLicense(key), 'forbidden', [token, key]);
    expect(sim.installed()).toEqual([]);
  });

  it('never puts the key in a message, even when the server echoes it', async () => {
    const sim = await fx.sim();
    const key = fx.key(sim.installId, 30);
    sim.fault({
      method: 'POST',
      path: '/enterprise/license/',
      kind: 'status',
      status: 400,
      body: { key: [`Bad key ${key}`] },
    });
    const error = await expectInstanceError(fx.client(sim.url).installLicense(key), 'invalid_key', [TOKEN, key]);
    expect(error.serverMessages).toEqual(['Bad key [redacted]']);
  });
});

describe('installLicense behind a redirect', () => {
  it('does not follow a redirect with the key: one POST, reported as unexpected_response naming the target', async () => {
    const seen: string[] = [];
    const url = await fx.httpServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      request.resume();
      response.writeHead(301, { Location: 'https://auth.example.com/api/v3/enterprise/license/?next=x' }).end();
    });
    const key = fx.key('00000000-0000-4000-8000-000000000000', 30);
    const error = await expectInstanceError(fx.client(url).installLicense(key), 'unexpected_response', [TOKEN, key]);
    expect(error.message).toMatch(
      /redirects installing the license elsewhere \(HTTP 301 to https:\/\/auth\.example\.com\/api\/v3\/enterprise\/license\/\)/,
    );
    expect(seen).toEqual(['POST /api/v3/enterprise/license/']);
  });
});
