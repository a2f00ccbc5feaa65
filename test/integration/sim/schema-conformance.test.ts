import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthentikSim, type AuthentikSim } from '../../sim/authentik';
import { loadOpenApiValidator } from './openapi-validator';
import {
  ADMIN_TOKEN,
  createSimKit,
  INSTALL_ID,
  NOW,
  NOW_SECONDS,
  OTHER_INSTALL_ID,
  VIEWER_TOKEN,
  WEEK_MS,
  type SimKit,
} from './sim-fixtures';
import { call, type CallOptions, type CallResult } from './sim-http';

const validator = loadOpenApiValidator();
const covered = new Set<string>();
let kit: SimKit;
let sim: AuthentikSim;

/** Calls the simulator and checks the answer against the response schema authentik's OpenAPI names for it. */
async function conformant(path: string, options: CallOptions = {}): Promise<CallResult> {
  const method = options.method ?? 'GET';
  const result = await call(sim.url, path, options);
  const check = validator.check(path.split('?')[0] ?? path, method, result.status, result.body);
  expect(check.declared, `${method} ${path} → ${result.status} is not declared by the schema`).toBe(true);
  expect(check.valid, `${method} ${path} → ${result.status}: ${check.errors}\n${result.text}`).toBe(true);
  covered.add(`${check.template} ${method} ${result.status}`);
  return result;
}

/** Statuses the schema does not declare (404, 405) still carry authentik's GenericError body. */
async function genericError(path: string, options: CallOptions, status: number): Promise<void> {
  const result = await call(sim.url, path, options);
  expect(result.status).toBe(status);
  const check = validator.validateComponent('GenericError', result.body);
  expect(check.valid, check.errors).toBe(true);
}

beforeAll(async () => {
  kit = await createSimKit();
  sim = await startAuthentikSim({
    roots: kit.roots,
    installId: INSTALL_ID,
    now: () => NOW,
    maxPageSize: 2,
    tokens: {
      [ADMIN_TOKEN]: { viewLicense: true, name: 'authentik Default Admin' },
      [VIEWER_TOKEN]: { viewLicense: false, name: 'viewer' },
    },
    users: { internal: 40, external: 300, internalJoinedLast30Days: 3 },
    lastValid: NOW - WEEK_MS,
  });
});

afterAll(async () => {
  await sim.close();
});

describe('every current-version simulator response conforms to authentik 2026.5.6 OpenAPI', () => {
  it('admin, core and root endpoints', async () => {
    await conformant('/admin/version/');
    await conformant('/admin/version/', { token: null });
    const system = await conformant('/admin/system/');
    expect((system.body as { server_time: string }).server_time).toBe('2026-05-06T12:00:00Z');
    expect(JSON.stringify((system.body as { http_headers: unknown }).http_headers)).not.toContain(ADMIN_TOKEN);
    await conformant('/admin/system/', { method: 'POST' });
    await conformant('/admin/system/', { token: VIEWER_TOKEN });
    await conformant('/admin/system/', { method: 'POST', token: VIEWER_TOKEN });
    await conformant('/core/users/me/');
    await conformant('/core/users/me/', { token: VIEWER_TOKEN });
    await conformant('/core/users/me/', { token: 'not-a-token' });
    await conformant('/root/config/', { token: null });
    await conformant('/root/config/', { token: 'not-a-token' });
  });

  it('an unlicensed instance: empty list, epoch latest_valid, install ID, forecast', async () => {
    const list = await conformant('/enterprise/license/');
    expect(list.body).toMatchObject({
      pagination: { count: 0, current: 1, total_pages: 1, start_index: 0, end_index: 0, next: 0, previous: 0 },
    });
    const summary = await conformant('/enterprise/license/summary/');
    expect(summary.body).toMatchObject({
      status: 'unlicensed',
      latest_valid: '1970-01-01T00:00:00Z',
      license_flags: [],
    });
    await conformant('/enterprise/license/summary/?cached=false');
    await conformant('/enterprise/license/summary/', { token: null });
    await conformant('/enterprise/license/install_id/');
    await conformant('/enterprise/license/install_id/', { token: VIEWER_TOKEN });
    await conformant('/enterprise/license/forecast/');
    await conformant('/enterprise/license/forecast/', { token: VIEWER_TOKEN });
    await conformant('/enterprise/license/', { token: VIEWER_TOKEN });
  });

  it('installing, reading, paging, replacing and deleting licenses', async () => {
    const created: string[] = [];
    for (const [index, flags] of [[], ['trial'], ['non_production'], ['trial', 'non_production'], []].entries()) {
      const result = await conformant('/enterprise/license/', {
        method: 'POST',
        body: { key: kit.key({ name: `License ${index}`, flags }) },
      });
      expect(result.status).toBe(201);
      created.push((result.body as { license_uuid: string }).license_uuid);
    }
    await conformant('/enterprise/license/', {
      method: 'POST',
      body: { key: kit.key({ installId: OTHER_INSTALL_ID }) },
    });
    await conformant('/enterprise/license/', { method: 'POST', body: {} });
    await conformant('/enterprise/license/', { method: 'POST', body: [] });
    await conformant('/enterprise/license/', { method: 'POST', token: VIEWER_TOKEN, body: { key: kit.key() } });

    for (const page of [1, 2, 3]) {
      const result = await conformant(`/enterprise/license/?page=${page}`);
      expect((result.body as { pagination: { current: number } }).pagination.current).toBe(page);
    }
    await conformant('/enterprise/license/?page_size=50&ordering=-expiry&search=license');
    await genericError('/enterprise/license/?page=4', {}, 404);

    const [first = '', second = '', third = ''] = created;
    await conformant(`/enterprise/license/${first}/`);
    await conformant(`/enterprise/license/${first}/`, { token: VIEWER_TOKEN });
    await conformant(`/enterprise/license/${first}/used_by/`);
    await conformant(`/enterprise/license/${first}/used_by/`, { token: VIEWER_TOKEN });
    await conformant(`/enterprise/license/${first}/`, {
      method: 'PUT',
      body: { key: kit.key({ name: 'Renewed', exp: NOW_SECONDS + 2 * 365 * 86400 }) },
    });
    await conformant(`/enterprise/license/${first}/`, { method: 'PUT', body: { key: 'not a key' } });
    await conformant(`/enterprise/license/${first}/`, { method: 'PUT', token: VIEWER_TOKEN, body: { key: kit.key() } });
    await conformant(`/enterprise/license/${second}/`, {
      method: 'PATCH',
      body: { key: kit.key({ name: 'Patched' }) },
    });
    await conformant(`/enterprise/license/${second}/`, {
      method: 'PATCH',
      body: { key: kit.key({ exp: NOW_SECONDS - 60 }) },
    });
    await conformant(`/enterprise/license/${second}/`, { method: 'PATCH', token: VIEWER_TOKEN, body: {} });
    await conformant(`/enterprise/license/${third}/`, { method: 'DELETE' });
    await conformant(`/enterprise/license/${second}/`, { method: 'DELETE', token: VIEWER_TOKEN });
    await genericError(`/enterprise/license/${third}/`, {}, 404);
    await genericError('/enterprise/license/install_id/', { method: 'DELETE' }, 405);
    await genericError('/no/such/endpoint/', {}, 404);

    const summary = await conformant('/enterprise/license/summary/?cached=false');
    // License 0 and 1 were replaced by keys without flags, license 2 deleted: only license 3's flags remain.
    expect(summary.body).toMatchObject({
      status: 'valid',
      internal_users: 400,
      license_flags: ['trial', 'non_production'],
    });
  });

  it('the read-only refusal is a ValidationError-shaped 400', async () => {
    sim.setLastValid(NOW - 7 * WEEK_MS);
    sim.setUsers({ internal: 10_000, external: 0, internalJoinedLast30Days: 0 });
    sim.refreshCachedSummary();
    const refused = await conformant('/admin/system/', { method: 'POST' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ detail: 'Request denied due to expired/invalid license.', code: 'denied_license' });
    sim.setUsers({ internal: 40, external: 300, internalJoinedLast30Days: 3 });
    sim.refreshCachedSummary();
  });

  it('covered every operation the schema declares: its success status and its 403, and 400 where a body is sent', () => {
    const expected = validator.operations
      .filter(
        ({ method, status }) =>
          status.startsWith('2') || status === '403' || (status === '400' && method !== 'GET' && method !== 'DELETE'),
      )
      .map(({ template, method, status }) => `${template} ${method} ${status}`);
    const missing = expected.filter((operation) => !covered.has(operation));
    expect(missing).toEqual([]);
  });
});

describe('the validator can fail', () => {
  const license = {
    license_uuid: '1f0d7e52-8a5b-4c7e-9d1e-2b3c4d5e6f70',
    name: 'Acme',
    key: 'a.b.c',
    expiry: '2027-05-06T12:00:00Z',
    internal_users: 1,
    external_users: 2,
  };
  const pagination = { next: 0, previous: 0, count: 1, current: 1, total_pages: 1, start_index: 1, end_index: 1 };

  it('accepts a well-formed page', () => {
    expect(
      validator.check('/enterprise/license/', 'GET', 200, { pagination, results: [license], autocomplete: {} }).valid,
    ).toBe(true);
  });

  it('rejects `next` as a URL, as DRF’s default pagination would send it', () => {
    const check = validator.check('/enterprise/license/', 'GET', 200, {
      pagination: { ...pagination, next: 'http://authentik/api/v3/enterprise/license/?page=2' },
      results: [license],
      autocomplete: {},
    });
    expect(check.valid).toBe(false);
    expect(check.errors).toContain('next');
  });

  it('rejects a license without license_uuid, a bad date-time, a uuid that is not one', () => {
    const withoutUuid: Partial<typeof license> = { ...license };
    delete withoutUuid.license_uuid;
    expect(validator.check('/enterprise/license/', 'POST', 201, withoutUuid).valid).toBe(false);
    expect(validator.check('/enterprise/license/', 'POST', 201, { ...license, expiry: '06/05/2027' }).valid).toBe(
      false,
    );
    expect(validator.check('/enterprise/license/', 'POST', 201, { ...license, license_uuid: 'nope' }).valid).toBe(
      false,
    );
  });

  it('rejects an unknown summary status and a missing body on a 200', () => {
    const summary = {
      internal_users: 1,
      external_users: 1,
      status: 'valid',
      latest_valid: '2027-05-06T12:00:00Z',
      license_flags: [],
    };
    expect(validator.check('/enterprise/license/summary/', 'GET', 200, summary).valid).toBe(true);
    expect(
      validator.check('/enterprise/license/summary/', 'GET', 200, { ...summary, status: 'grace_period' }).valid,
    ).toBe(false);
    expect(validator.check('/enterprise/license/summary/', 'GET', 200, undefined).valid).toBe(false);
  });

  it('honours nullable: openapi `nullable: true` admits null only where declared', () => {
    const system = {
      http_headers: {},
      http_host: 'h',
      http_is_secure: false,
      runtime: {
        python_version: '3',
        environment: 'e',
        architecture: 'a',
        platform: 'p',
        uname: 'u',
        openssl_version: 'o',
        openssl_fips_enabled: null,
        authentik_version: '2026.5.6',
      },
      brand: 'b',
      server_time: '2026-05-06T12:00:00Z',
      embedded_outpost_disabled: false,
      embedded_outpost_host: '',
    };
    expect(validator.check('/admin/system/', 'GET', 200, system).valid).toBe(true);
    expect(validator.check('/admin/system/', 'GET', 200, { ...system, http_host: null }).valid).toBe(false);
  });
});
