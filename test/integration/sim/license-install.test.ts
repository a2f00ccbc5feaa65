import { describe, expect, it } from 'vitest';
import { mintKey } from '../../pki/mint-key';
import { freshSimPerTest, INSTALL_ID, NOW_SECONDS, OTHER_INSTALL_ID, tamper } from './sim-fixtures';
import { call } from './sim-http';

const ctx = freshSimPerTest();

const install = (key: unknown) =>
  call(ctx.sim.url, '/enterprise/license/', { method: 'POST', body: key === undefined ? {} : { key } });

describe('installing a license (POST /enterprise/license/)', () => {
  it('accepts a genuine key for this install: 201 with name, expiry and users from its claims', async () => {
    const key = ctx.kit.key({
      name: 'Acme Prod',
      exp: Date.UTC(2027, 0, 31, 23, 59, 59) / 1000,
      internal: 25,
      external: 250,
    });
    const result = await install(key);
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      license_uuid: ctx.sim.installed()[0]?.licenseUuid,
      name: 'Acme Prod',
      key,
      expiry: '2027-01-31T23:59:59Z',
      internal_users: 25,
      external_users: 250,
    });
  });

  it.each([
    ['a tampered key for this install', () => tamper(ctx.kit.key()), 'Unable to verify license'],
    ['a key for another install', () => ctx.kit.key({ installId: OTHER_INSTALL_ID }), 'Invalid Install ID in license'],
    [
      'an expired key for another install',
      () => ctx.kit.key({ installId: OTHER_INSTALL_ID, exp: NOW_SECONDS - 86400 }),
      'Invalid Install ID in license',
    ],
    [
      'a tampered key for another install',
      () => tamper(ctx.kit.key({ installId: OTHER_INSTALL_ID })),
      'Invalid Install ID in license',
    ],
    ['an expired key for this install', () => ctx.kit.key({ exp: NOW_SECONDS - 86400 }), 'Unable to verify license'],
    ['a key expiring exactly now', () => ctx.kit.key({ exp: NOW_SECONDS }), 'Unable to verify license'],
    [
      'a key whose chain is not trusted, even for another install',
      () => ctx.kit.rogueKey({ installId: OTHER_INSTALL_ID }),
      'Unable to verify license',
    ],
    [
      'this install’s ID in upper case (PyJWT compares the audience exactly)',
      () => ctx.kit.key({ installId: INSTALL_ID.toUpperCase() }),
      'Invalid Install ID in license',
    ],
    ['text that is not a JWT', () => 'hello', 'Unable to verify license'],
    [
      'a key whose x5c is empty',
      () =>
        mintKey({
          signer: ctx.kit.pki.signerP384,
          intermediate: ctx.kit.pki.intermediate,
          header: { alg: 'ES512', x5c: [] },
          claims: {},
        }),
      'Unable to verify license',
    ],
  ])('refuses %s with 400 {"key": [authentik’s message]} and stores nothing', async (_title, makeKey, message) => {
    const result = await install(makeKey());
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ key: [message] });
    expect(ctx.sim.installed()).toEqual([]);
  });

  it('answers 500 for a key with a single x5c entry, as authentik crashes on it', async () => {
    const key = mintKey({
      signer: ctx.kit.pki.signerP384,
      intermediate: ctx.kit.pki.intermediate,
      header: { alg: 'ES512', typ: 'JWT', x5c: [ctx.kit.pki.signerP384.x5c] },
      claims: { aud: `enterprise.goauthentik.io/license/${INSTALL_ID}`, exp: NOW_SECONDS + 3600, name: 'x' },
    });
    const result = await install(key);
    expect(result.status).toBe(500);
    expect(result.body).toEqual({ detail: 'A server error occurred.' });
  });

  it('gives DRF’s field errors for a missing, blank, null or non-text key and a body that is not an object', async () => {
    expect((await install(undefined)).body).toEqual({ key: ['This field is required.'] });
    expect((await install('   ')).body).toEqual({ key: ['This field may not be blank.'] });
    expect((await install(null)).body).toEqual({ key: ['This field may not be null.'] });
    expect((await install(true)).body).toEqual({ key: ['Not a valid string.'] });
    const list = await call(ctx.sim.url, '/enterprise/license/', { method: 'POST', body: ['x'] });
    expect(list).toMatchObject({
      status: 400,
      body: { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] },
    });
    const broken = await call(ctx.sim.url, '/enterprise/license/', { method: 'POST', body: '{"key": ' });
    expect(broken.status).toBe(400);
    expect((broken.body as { detail: string }).detail).toMatch(/^JSON parse error - /);
  });

  it('trims surrounding whitespace from the key, as DRF’s CharField does', async () => {
    const key = ctx.kit.key();
    expect((await install(`\n  ${key}\n`)).status).toBe(201);
    expect(ctx.sim.installed()[0]?.key).toBe(key);
  });

  it('accepts the same key twice and counts its seats twice, as released authentik does', async () => {
    const key = ctx.kit.key({ internal: 10, external: 20 });
    const first = await install(key);
    const second = await install(key);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((first.body as { license_uuid: string }).license_uuid).not.toBe(
      (second.body as { license_uuid: string }).license_uuid,
    );
    const summary = await call(ctx.sim.url, '/enterprise/license/summary/?cached=false');
    expect(summary.body).toMatchObject({ internal_users: 20, external_users: 40 });
  });
});

describe('reading, replacing and deleting one license', () => {
  it('GET, PATCH with a new key (validated), PUT, DELETE → 204, then 404', async () => {
    const uuid = ctx.sim.addLicense(ctx.kit.key({ name: 'Old' }));
    expect((await call(ctx.sim.url, `/enterprise/license/${uuid}/`)).body).toMatchObject({
      license_uuid: uuid,
      name: 'Old',
    });
    expect((await call(ctx.sim.url, `/enterprise/license/${uuid.toUpperCase()}/`)).status).toBe(200);

    const refused = await call(ctx.sim.url, `/enterprise/license/${uuid}/`, {
      method: 'PATCH',
      body: { key: ctx.kit.key({ exp: NOW_SECONDS - 1 }) },
    });
    expect(refused).toMatchObject({ status: 400, body: { key: ['Unable to verify license'] } });
    expect((await call(ctx.sim.url, `/enterprise/license/${uuid}/`)).body).toMatchObject({ name: 'Old' });

    const renewed = ctx.kit.key({ name: 'Renewed' });
    const patched = await call(ctx.sim.url, `/enterprise/license/${uuid}/`, {
      method: 'PATCH',
      body: { key: renewed },
    });
    expect(patched).toMatchObject({ status: 200, body: { license_uuid: uuid, name: 'Renewed', key: renewed } });
    expect((await call(ctx.sim.url, `/enterprise/license/${uuid}/`, { method: 'PATCH', body: {} })).body).toMatchObject(
      { name: 'Renewed' },
    );
    expect((await call(ctx.sim.url, `/enterprise/license/${uuid}/`, { method: 'PUT', body: {} })).body).toEqual({
      key: ['This field is required.'],
    });
    expect(
      (
        await call(ctx.sim.url, `/enterprise/license/${uuid}/`, {
          method: 'PUT',
          body: { key: ctx.kit.key({ name: 'Put' }) },
        })
      ).body,
    ).toMatchObject({ name: 'Put' });

    const deleted = await call(ctx.sim.url, `/enterprise/license/${uuid}/`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(ctx.sim.installed()).toEqual([]);
    expect(await call(ctx.sim.url, `/enterprise/license/${uuid}/`)).toMatchObject({
      status: 404,
      body: { detail: 'No License matches the given query.' },
    });
  });

  it('answers 404 for an unknown or malformed license UUID', async () => {
    for (const id of ['3f2b1d4e-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(await call(ctx.sim.url, `/enterprise/license/${id}/`, { method: 'DELETE' })).toMatchObject({
        status: 404,
        body: { detail: 'No License matches the given query.' },
      });
    }
  });

  it('lists used_by as empty for an installed license', async () => {
    const uuid = ctx.sim.addLicense(ctx.kit.key());
    expect(await call(ctx.sim.url, `/enterprise/license/${uuid}/used_by/`)).toMatchObject({ status: 200, body: [] });
  });

  it('addLicense installs keys authentik would refuse now (expired, other install) without validation', async () => {
    ctx.sim.addLicense(ctx.kit.key({ exp: NOW_SECONDS - 3600 }));
    ctx.sim.addLicense(ctx.kit.key({ installId: OTHER_INSTALL_ID }));
    expect(ctx.sim.installed()).toHaveLength(2);
    expect(() => ctx.sim.addLicense('garbage')).toThrow(/addLicense/);
  });
});
