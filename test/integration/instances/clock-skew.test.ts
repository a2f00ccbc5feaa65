import { describe, expect, it } from 'vitest';
import { instanceFixtures } from './instance-fixtures';

const fx = await instanceFixtures();

// Each request takes LEG_MS to reach the simulator and LEG_MS to come back; the server reads its clock in
// the middle. Measuring against the time after the whole read (two round trips and more) would be off by
// about 3 × LEG_MS, and the Date header alone by up to a second more.
const LEG_MS = 600;

describe("the server clock against this computer's", () => {
  it("takes authentik's server_time (sub-second) against the middle of its request's round trip", async () => {
    const offset = 97_250;
    const sim = await fx.sim({ now: () => Date.now() + offset, latencyMs: LEG_MS, returnLatencyMs: LEG_MS });

    const { clock } = await fx.client(sim.url).readSnapshot();

    expect(clock?.source).toBe('server_time');
    // Within a fraction of a leg, where a measurement after the read would be seconds off.
    expect(Math.abs((clock?.skewMs ?? Number.NaN) - offset)).toBeLessThan(LEG_MS / 2);
  });

  it('falls back to the HTTP Date header (whole seconds, taken at the middle of its second) when /admin/system/ is refused', async () => {
    const offset = -(10 * 60_000 + 250);
    const sim = await fx.sim({ now: () => Date.now() + offset, latencyMs: LEG_MS, returnLatencyMs: LEG_MS });
    // authentik refuses SystemInfo to a token whose user lacks the permission.
    sim.fault({
      method: 'GET',
      path: '/admin/system/',
      kind: 'status',
      status: 403,
      body: { detail: 'You do not have permission to perform this action.' },
    });

    const { clock } = await fx.client(sim.url).readSnapshot();

    expect(sim.requests.find((entry) => entry.path === '/admin/system/')?.status).toBe(403);
    expect(clock?.source).toBe('date');
    // Half a second for the header's precision, plus a fraction of a leg.
    expect(Math.abs((clock?.skewMs ?? Number.NaN) - offset)).toBeLessThan(500 + LEG_MS / 2);
  });

  it('a failing /admin/system/ never fails the read: the Date header stands in', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'GET', path: '/admin/system/', kind: 'status', status: 500 });

    const snapshot = await fx.client(sim.url).readSnapshot();

    expect(snapshot.live.status).toBe('unlicensed');
    expect(snapshot.clock).toEqual({ skewMs: expect.any(Number), source: 'date' });
  });
});
