import { describe, expect, it } from 'vitest';
import type { AuthentikSim } from '../../sim/authentik';
import { NOW, NOW_SECONDS, WEEK_MS, simsOfFile } from './sim-fixtures';
import { call } from './sim-http';

/*
 * authentik's own `authentik/enterprise/tests/test_read_only.py` (TestReadOnly), against the simulator's
 * read-only middleware over HTTP. Every test there starts the same way: one license 100/100 valid for
 * 3000 days, user counts patched to 1000/1000, `record_usage` mocked, one `valid` usage record 7 weeks
 * old, so the status is read_only.
 *
 * Not mirrored: `test_login` (the flow executor keeps working in read-only mode): the simulator serves
 * no flows. `test_manage_flows` and `test_manage_users` use the flow and user-list/user-detail views,
 * which the simulator does not serve either; the middleware decides by the view alone, so the
 * simulator's applications view stands in for the flow view (neither is exempt) and its `users/me/`
 * action for the user views (a `UserViewSet` action, exempt since #12289).
 */
const DENIED = { detail: 'Request denied due to expired/invalid license.', code: 'denied_license' };
const EXPIRY_VALID = NOW_SECONDS + 3000 * 86400;

const sims = simsOfFile();

/** The common setup; the uuid of its license. */
async function readOnlyInstance(version: string): Promise<{ sim: AuthentikSim; licenseUuid: string }> {
  const sim = await sims.start({
    version,
    users: { internal: 1000, external: 1000, internalJoinedLast30Days: 0 },
    usageRecords: [{ at: NOW - 7 * WEEK_MS, status: 'valid' }],
  });
  const licenseUuid = sim.addLicense(sims.kit().key({ exp: EXPIRY_VALID, internal: 100, external: 100 }));
  // authentik's middleware reads `cached_summary()`, which with `record_usage` mocked and nothing cached
  // computes the summary live. The simulator's usage task caches it instead; the record it writes says
  // read_only, not valid, so the last valid record is still the 7-week-old one.
  sim.refreshCachedSummary();
  expect((await call(sim.url, '/enterprise/license/summary/')).body).toMatchObject({ status: 'read_only' });
  return { sim, licenseUuid };
}

describe.each(['2024.8.0', '2026.5.6'])('authentik test_read_only.py on %s: read_only for capacity', (version) => {
  it('test_manage_licenses: GET license-list 200, PATCH license-detail with an empty body 200', async () => {
    const { sim, licenseUuid } = await readOnlyInstance(version);
    expect((await call(sim.url, '/enterprise/license/')).status).toBe(200);
    expect((await call(sim.url, `/enterprise/license/${licenseUuid}/`, { method: 'PATCH' })).status).toBe(200);
  });

  it('test_manage_flows (applications for flows): a read 200, a write 400 with exactly the denied_license body', async () => {
    const { sim } = await readOnlyInstance(version);
    expect((await call(sim.url, '/core/applications/')).status).toBe(200);
    const write = await call(sim.url, '/core/applications/', { method: 'POST' });
    expect(write.status).toBe(400);
    expect(write.body).toEqual(DENIED);
  });
});

describe('authentik test_manage_users (added with #12289): GET user-list 200, PATCH user-detail 200 (users/me/ for both)', () => {
  it('2026.5.6: a read 200, and a write passes the middleware to the view (users/me/ is GET-only: 405)', async () => {
    const { sim } = await readOnlyInstance('2026.5.6');
    expect((await call(sim.url, '/core/users/me/')).status).toBe(200);
    expect(await call(sim.url, '/core/users/me/', { method: 'PATCH' })).toMatchObject({
      status: 405,
      body: { detail: 'Method "PATCH" not allowed.' },
    });
  });

  it('2024.8.0, before #12289: a read 200, a write refused with 400 denied_license', async () => {
    const { sim } = await readOnlyInstance('2024.8.0');
    expect((await call(sim.url, '/core/users/me/')).status).toBe(200);
    expect(await call(sim.url, '/core/users/me/', { method: 'PATCH' })).toMatchObject({ status: 400, body: DENIED });
  });
});
