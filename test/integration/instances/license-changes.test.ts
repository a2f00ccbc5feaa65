import { describe, expect, it } from 'vitest';
import { DAY_S, expectInstanceError, instanceFixtures, logSince, nowSeconds, TOKEN } from './instance-fixtures';

const fx = await instanceFixtures();
const UNKNOWN_UUID = '0f4b6a4e-9a7c-4c1e-8d2b-5e6f7a8b9c0d';

describe('replaceLicense (renewal)', () => {
  it("PATCHes the license's key exactly once and returns the license as authentik saved it", async () => {
    const sim = await fx.sim();
    const uuid = sim.addLicense(fx.key(sim.installId, 10, { name: 'Acme 2026' }));
    const exp = nowSeconds() + 375 * DAY_S;
    const renewal = fx.key(sim.installId, 375, { name: 'Acme 2027', internal_users: 20, external_users: 40, exp });
    const before = sim.requests.length;

    const license = await fx.client(sim.url).replaceLicense(uuid, `\n${renewal}\n`);

    expect(logSince(sim, before)).toEqual([`PATCH /enterprise/license/${uuid}/ 200`]);
    expect(license).toEqual({
      licenseUuid: uuid,
      name: 'Acme 2027',
      key: renewal,
      expiry: exp * 1000,
      internalUsers: 20,
      externalUsers: 40,
    });
    expect(sim.installed()).toEqual([{ licenseUuid: uuid, key: renewal }]);
  });

  it("invalid_key: a renewal for another install carries authentik's words, never the key, and leaves the license as it was", async () => {
    const sim = await fx.sim();
    const current = fx.key(sim.installId, 10);
    const uuid = sim.addLicense(current);
    const wrong = fx.key('00000000-0000-4000-8000-000000000000', 365);
    const before = sim.requests.length;
    const error = await expectInstanceError(fx.client(sim.url).replaceLicense(uuid, wrong), 'invalid_key', [
      TOKEN,
      wrong,
    ]);
    expect(error.serverMessages).toEqual(['Invalid Install ID in license']);
    expect(logSince(sim, before)).toEqual([`PATCH /enterprise/license/${uuid}/ 400`]);
    expect(sim.installed()).toEqual([{ licenseUuid: uuid, key: current }]);
  });

  it('never puts the key in a message, even when the server echoes it', async () => {
    const sim = await fx.sim();
    const uuid = sim.addLicense(fx.key(sim.installId, 10));
    const renewal = fx.key(sim.installId, 365);
    sim.fault({ method: 'PATCH', kind: 'status', status: 400, body: { key: [`Cannot use ${renewal}`] } });
    const error = await expectInstanceError(fx.client(sim.url).replaceLicense(uuid, renewal), 'invalid_key', [
      TOKEN,
      renewal,
    ]);
    expect(error.serverMessages).toEqual(['Cannot use [redacted]']);
  });

  it('not_found: a license deleted meanwhile is named as gone, in words', async () => {
    const sim = await fx.sim();
    const renewal = fx.key(sim.installId, 365);
    const error = await expectInstanceError(fx.client(sim.url).replaceLicense(UNKNOWN_UUID, renewal), 'not_found', [
      TOKEN,
      renewal,
    ]);
    expect(error.message).toMatch(
      /no such license \(HTTP 404\) for replacing the license key: it was deleted or replaced meanwhile/,
    );
  });

  it('forbidden: names the permission a change needs', async () => {
    const token = 'token-of-a-viewer';
    const sim = await fx.sim({ tokens: { [token]: { viewLicense: false } } });
    const uuid = sim.addLicense(fx.key(sim.installId, 10));
    const renewal = fx.key(sim.installId, 365);
    const error = await expectInstanceError(fx.client(sim.url, { token }).replaceLicense(uuid, renewal), 'forbidden', [
      token,
      renewal,
    ]);
    expect(error.message).toContain('"Can change License" (change_license)');
  });

  it('is never retried: a connection dropped after the PATCH was handled is reported as maybe delivered, after one PATCH', async () => {
    const sim = await fx.sim();
    const uuid = sim.addLicense(fx.key(sim.installId, 10));
    const renewal = fx.key(sim.installId, 365);
    sim.fault({ method: 'PATCH', kind: 'drop-after-handling' });
    const before = sim.requests.length;
    const error = await expectInstanceError(fx.client(sim.url).replaceLicense(uuid, renewal), 'unreachable', [
      TOKEN,
      renewal,
    ]);
    expect(error.maybeDelivered).toBe(true);
    expect(logSince(sim, before)).toEqual([`PATCH /enterprise/license/${uuid}/ dropped`]);
  });
});

describe('deleteLicense', () => {
  it('DELETEs exactly once; authentik answers 204 and the license is gone', async () => {
    const sim = await fx.sim();
    const kept = fx.key(sim.installId, 30, { name: 'Kept' });
    sim.addLicense(kept);
    const uuid = sim.addLicense(fx.key(sim.installId, 30, { name: 'Going' }));
    const before = sim.requests.length;
    await expect(fx.client(sim.url).deleteLicense(uuid)).resolves.toBeUndefined();
    expect(logSince(sim, before)).toEqual([`DELETE /enterprise/license/${uuid}/ 204`]);
    expect(sim.installed().map((license) => license.key)).toEqual([kept]);
  });

  it('not_found: a license that is not installed, in words', async () => {
    const sim = await fx.sim();
    const error = await expectInstanceError(fx.client(sim.url).deleteLicense(UNKNOWN_UUID), 'not_found');
    expect(error.message).toMatch(/no such license .* for deleting the license: it was deleted or replaced meanwhile/);
  });

  it('forbidden: names the permission a deletion needs', async () => {
    const token = 'token-of-another-viewer';
    const sim = await fx.sim({ tokens: { [token]: { viewLicense: false } } });
    const uuid = sim.addLicense(fx.key(sim.installId, 10));
    const error = await expectInstanceError(fx.client(sim.url, { token }).deleteLicense(uuid), 'forbidden', [token]);
    expect(error.message).toContain('"Can delete License" (delete_license)');
    expect(sim.installed()).toHaveLength(1);
  });

  it('is never retried, not even on a 503', async () => {
    const sim = await fx.sim();
    const uuid = sim.addLicense(fx.key(sim.installId, 10));
    sim.fault({ method: 'DELETE', kind: 'status', status: 503, times: 3 });
    const before = sim.requests.length;
    await expectInstanceError(fx.client(sim.url).deleteLicense(uuid), 'server_error');
    expect(logSince(sim, before)).toEqual([`DELETE /enterprise/license/${uuid}/ 503`]);
  });
});
