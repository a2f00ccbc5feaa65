import { describe, expect, it } from 'vitest';
import { usageAfterLapse } from '../seeds/usage-after-lapse';
import { DAY_S, instanceFixtures, nowSeconds, TOKEN } from './instance-fixtures';
import { json } from './run-aklm';

const fx = await instanceFixtures();
const WEEK_MS = 7 * DAY_S * 1000;

interface InstallJson {
  installed: boolean;
  reason: string;
  message: string;
  warnings: string[];
}

/** The newest authentik with 40 internal users, whose only license (50 seats) expired five weeks ago: read-only now. */
async function lapsedInstance() {
  const sim = await fx.sim({ version: '2026.5.6', users: { internal: 40, external: 0, internalJoinedLast30Days: 0 } });
  const expired = fx.key(sim.installId, -35, { name: 'Lapsed', internal_users: 50, external_users: 0 });
  const expiredAt = (nowSeconds() - 35 * DAY_S) * 1000;
  sim.setUsageRecords(usageAfterLapse(expiredAt, Date.now()));
  sim.addLicense(expired);
  sim.refreshCachedSummary();
  return sim;
}

/** Asked of the simulator over its own API, not through aklm. */
async function ask<T>(sim: { url: string }, path: string): Promise<T> {
  const answer = await fetch(`${sim.url}/api/v3${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return (await answer.json()) as T;
}
const licenses = async (sim: { url: string }) =>
  (await ask<{ results: { name: string }[] }>(sim, '/enterprise/license/')).results
    .map((license) => license.name)
    .sort();
const liveStatus = async (sim: { url: string }) =>
  (await ask<{ status: string }>(sim, '/enterprise/license/summary/?cached=false')).status;

async function install(sim: { url: string }, key: string, extra: string[] = []) {
  const file = await fx.write(`key-${Math.random().toString(36).slice(2)}.jwt`, key);
  const run = await fx.aklm(['install', file, '--url', sim.url, '--json', ...extra]);
  return { run, report: json<InstallJson>(run) };
}

/** The UTC days a date `ms` before now fell on while the run lasted (a day may turn meanwhile). */
const daysBefore = (ms: number, startedAt: number) =>
  new Set([new Date(startedAt - ms).toISOString().slice(0, 10), new Date(Date.now() - ms).toISOString().slice(0, 10)]);

describe('aklm install on an instance whose only license expired five weeks ago (authentik read-only for capacity)', () => {
  it('the simulator, as authentik, is read-only: its last valid usage record is about 7 weeks old', async () => {
    const sim = await lapsedInstance();
    const valid = sim.usageRecords().filter((record) => 'status' in record && record.status === 'valid');
    const lastValid = valid.at(-1)?.at ?? 0;
    expect(Date.now() - lastValid).toBeGreaterThan(6.9 * WEEK_MS);
    expect(Date.now() - lastValid).toBeLessThan(7.1 * WEEK_MS);
    expect(await liveStatus(sim)).toBe('read_only');
  });

  it('refuses a key too small for the users: exit 1, over_capacity, the reason with the dates, nothing sent', async () => {
    const sim = await lapsedInstance();
    const startedAt = Date.now();
    const { run, report } = await install(
      sim,
      fx.key(sim.installId, 365, { name: 'Too small', internal_users: 10, external_users: 0 }),
    );
    expect(run.code).toBe(1);
    expect(report).toMatchObject({ installed: false, reason: 'over_capacity', warnings: [] });
    expect(report.message).toMatch(
      /^It stays read-only: 40 internal users, 10 seats after this key\. The seats of the expired license "Lapsed" do not count \(authentik 2026\.5 or later\)\. /,
    );
    const before =
      /authentik's last valid usage record is from before (\d{4}-\d{2}-\d{2}) \(it reports read_only now\), more than 6 weeks ago/.exec(
        report.message,
      );
    expect(daysBefore(6 * WEEK_MS, startedAt)).toContain(before?.[1]);
    expect(report.message).toContain(
      'Nothing was sent; use a license with enough seats for the users, or --allow-over-capacity to install it anyway.',
    );
    expect(sim.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(await licenses(sim)).toEqual(['Lapsed']);

    const text = await fx.aklm([
      'install',
      await fx.write('small.jwt', fx.key(sim.installId, 365, { internal_users: 10 })),
      '--url',
      sim.url,
    ]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /^NOT INSTALLED \(over_capacity\): It stays read-only: 40 internal users, 10 seats after this key\./,
    );
  });

  it('installs the same key with --allow-over-capacity, saying it stays read-only; authentik agrees', async () => {
    const sim = await lapsedInstance();
    const { run, report } = await install(
      sim,
      fx.key(sim.installId, 365, { name: 'Too small', internal_users: 10, external_users: 0 }),
      ['--allow-over-capacity'],
    );
    expect(run.code).toBe(0);
    expect(report).toMatchObject({ installed: true, reason: 'ok' });
    expect(report.warnings).toEqual([
      expect.stringMatching(
        /^With this key, 40 internal users exceed the 10 licensed\. .*Installed anyway: it stays read-only\. authentik's last valid usage record is from before /,
      ),
    ]);
    expect(await licenses(sim)).toEqual(['Lapsed', 'Too small']);
    expect(await liveStatus(sim)).toBe('read_only');
  });

  it('installs a key large enough for the users without the flag, and authentik is valid again', async () => {
    const sim = await lapsedInstance();
    const { run, report } = await install(
      sim,
      fx.key(sim.installId, 365, { name: 'Enough', internal_users: 40, external_users: 0 }),
    );
    expect(run.code).toBe(0);
    expect(report).toMatchObject({ installed: true, reason: 'ok', warnings: [] });
    expect(await licenses(sim)).toEqual(['Enough', 'Lapsed']);
    expect(await liveStatus(sim)).toBe('valid');
  });

  it('an instance over capacity for under 6 weeks (limit_exceeded_admin) gets the key, with the real dates of the next steps', async () => {
    // Expired 1 week ago: the last valid record is about 3 weeks old.
    const sim = await fx.sim({
      version: '2026.5.6',
      users: { internal: 40, external: 0, internalJoinedLast30Days: 0 },
    });
    sim.setUsageRecords(usageAfterLapse((nowSeconds() - 7 * DAY_S) * 1000, Date.now()));
    sim.addLicense(fx.key(sim.installId, -7, { name: 'Lapsed', internal_users: 50, external_users: 0 }));
    expect(await liveStatus(sim)).toBe('limit_exceeded_admin');
    const startedAt = Date.now();
    const { run, report } = await install(sim, fx.key(sim.installId, 365, { internal_users: 10, external_users: 0 }));
    expect(run.code).toBe(0);
    const steps =
      /administrators already see a warning banner, users see a warning banner between (\S+) and (\S+) and it turns read-only between (\S+) and (\S+)\.$/.exec(
        report.warnings[0] ?? '',
      );
    expect(steps).not.toBeNull();
    // The last valid record lies 2 to 4 weeks back, so read-only comes 2 to 4 weeks from now; authentik says so too.
    expect(daysBefore(-2 * WEEK_MS, startedAt)).toContain(steps?.[3]);
    expect(daysBefore(-4 * WEEK_MS + 1, startedAt)).toContain(steps?.[4]);
    expect(await liveStatus(sim)).toBe('limit_exceeded_admin');
  });
});
