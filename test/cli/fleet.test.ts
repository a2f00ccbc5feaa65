import { describe, expect, it } from 'vitest';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { withUnreadableDates } from '../pki/unreadable-dates';
import { closedUrl, DAY_S, instanceFixtures, nowSeconds, TOKEN } from './instance-fixtures';
import { json } from './run-aklm';

const fx = await instanceFixtures();

interface FleetJson {
  instances: ({
    name: string;
    url: string;
    exit: number;
    status?: string;
    error?: { code: string; message: string };
  } & Record<string, unknown>)[];
  totals: { ok: number; warning: number; critical: number; unknown: number };
  exit: number;
}

async function licensedSim(days: number) {
  const sim = await fx.sim();
  sim.addLicense(fx.key(sim.installId, days));
  sim.refreshCachedSummary();
  return sim;
}

async function fleetFile(entries: unknown): Promise<string> {
  return fx.write(`fleet-${Math.random().toString(36).slice(2)}.json`, JSON.stringify(entries));
}

/** An instance with a key installed whose signing certificate has validity dates Node cannot read (its chain still verifies, as authentik checks no dates). */
async function hostileSim() {
  const sim = await fx.sim();
  const x5c = [withUnreadableDates(fx.pki.signerP384, fx.pki.intermediate.privateKey), fx.pki.intermediate.x5c];
  sim.addLicense(
    mintKey({
      signer: fx.pki.signerP384,
      intermediate: fx.pki.intermediate,
      header: { alg: 'ES512', typ: 'JWT', x5c },
      claims: licenseClaims(sim.installId, nowSeconds() + 365 * DAY_S),
    }),
  );
  sim.refreshCachedSummary();
  return sim;
}

describe('aklm fleet', () => {
  it('gives a hostile instance (a key with unreadable certificate dates) its own row, and checks the healthy ones around it', async () => {
    const [first, hostile, last] = await Promise.all([licensedSim(365), hostileSim(), licensedSim(365)]);
    const file = await fleetFile([
      { name: 'first', url: first.url, token_env: 'FLEET_TOKEN' },
      { name: 'hostile', url: hostile.url, token_env: 'FLEET_TOKEN' },
      { name: 'last', url: last.url, token_env: 'FLEET_TOKEN' },
    ]);
    // One instance at a time, so the healthy one after the hostile one is read by the same worker.
    const text = await fx.aklm(['fleet', file, '--concurrency', '1', '--timeout', '5'], {
      env: { FLEET_TOKEN: TOKEN },
    });
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^first: AKLM OK - valid, /);
    // Its only key fails the offline check (untrusted_chain: its certificate's dates cannot be read): a warning.
    expect(lines[1]).toMatch(/^hostile: AKLM WARNING - /);
    expect(lines[2]).toMatch(/^last: AKLM OK - valid, /);
    expect(text.stderr).toBe('');

    const run = await fx.aklm(['fleet', file, '--json', '--concurrency', '1', '--timeout', '5'], {
      env: { FLEET_TOKEN: TOKEN },
    });
    const report = json<FleetJson>(run);
    expect(report.instances.map((row) => row.name)).toEqual(['first', 'hostile', 'last']);
    expect(report.instances[1]).toMatchObject({
      exit: 1,
      warnings: [expect.stringContaining('fails offline verification: untrusted_chain')],
    });
    expect(report.instances[0]).toMatchObject({ exit: 0, status: 'valid' });
    expect(report.instances[2]).toMatchObject({ exit: 0, status: 'valid' });
    expect(report.totals).toEqual({ ok: 2, warning: 1, critical: 0, unknown: 0 });
    // The rule in docs/cli.md: 1 when any instance has a warning and none is critical or unknown.
    expect([report.exit, run.code, text.code]).toEqual([1, 1, 1]);
    expect(lines[3]).toMatch(/^fleet: WARNING - /);
  });

  it('keeps each instance on one line whatever its name holds: control characters are shown, not obeyed', async () => {
    const ok = await licensedSim(365);
    const run = await fx.aklm(
      ['fleet', await fleetFile([{ name: 'prod\u001b[2K\rfake\nfleet: OK', url: ok.url, token_env: 'FLEET_TOKEN' }])],
      { env: { FLEET_TOKEN: TOKEN } },
    );
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^prod\\u001b\[2K\\u000dfake\\u000afleet: OK: AKLM OK - valid, /);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\r');
  });

  it('checks every instance, keeps going past failures, totals them, exit 2 when any is critical', async () => {
    const [ok, soon, lapsed] = await Promise.all([licensedSim(365), licensedSim(5), licensedSim(-3)]);
    const file = await fleetFile([
      { name: 'prod', url: ok?.url, token_env: 'FLEET_TOKEN' },
      { name: 'staging', url: soon?.url, token_env: 'FLEET_TOKEN' },
      { name: 'legacy', url: lapsed?.url, token_env: 'FLEET_TOKEN' },
      { name: 'no-token', url: ok?.url, token_env: 'UNSET_FLEET_TOKEN' },
      { name: 'gone', url: await closedUrl(), token_env: 'FLEET_TOKEN' },
    ]);
    const run = await fx.aklm(['fleet', file, '--json', '--timeout', '2'], { env: { FLEET_TOKEN: TOKEN } });
    expect(run.code).toBe(2);
    const report = json<FleetJson>(run);
    expect(Object.keys(report)).toEqual(['instances', 'totals', 'exit']);
    expect(report.instances.map((row) => [row.name, row.exit, row.status ?? row.error?.code])).toEqual([
      ['prod', 0, 'valid'],
      ['staging', 1, 'expiry_soon'],
      ['legacy', 2, 'expired'],
      ['no-token', 3, 'config'],
      ['gone', 3, 'unreachable'],
    ]);
    expect(Object.keys(report.instances[0] ?? {})).toEqual([
      'name',
      'url',
      'exit',
      'instance',
      'status',
      'status_cached',
      'latest_valid',
      'licensed',
      'usage',
      'forecast',
      'flags',
      'licenses',
      'warnings',
      'notes',
    ]);
    expect(report.instances[3]).toEqual({
      name: 'no-token',
      url: ok?.url,
      exit: 3,
      error: { code: 'config', message: expect.stringContaining('UNSET_FLEET_TOKEN') },
    });
    expect(report.totals).toEqual({ ok: 1, warning: 1, critical: 1, unknown: 2 });
    expect(report.exit).toBe(2);
    expect(run.stdout).not.toContain(TOKEN);
  });

  it('exits 3 when any is unknown and none critical, 1 with only warnings, 0 when all are OK', async () => {
    const [ok, soon] = await Promise.all([licensedSim(365), licensedSim(5)]);
    const exitOf = async (entries: unknown[]) =>
      (await fx.aklm(['fleet', await fleetFile(entries), '--timeout', '2'], { env: { FLEET_TOKEN: TOKEN } })).code;
    const entry = (name: string, url: string | undefined) => ({ name, url, token_env: 'FLEET_TOKEN' });
    expect(await exitOf([entry('a', ok?.url), entry('b', await closedUrl()), entry('c', soon?.url)])).toBe(3);
    expect(await exitOf([entry('a', ok?.url), entry('c', soon?.url)])).toBe(1);
    expect(await exitOf([entry('a', ok?.url), entry('b', ok?.url)])).toBe(0);
  });

  it('prints one status line per instance and a totals line', async () => {
    const ok = await licensedSim(365);
    const run = await fx.aklm(
      [
        'fleet',
        await fleetFile([
          { name: 'prod', url: ok.url, token_env: 'FLEET_TOKEN' },
          { name: 'gone', url: await closedUrl(), token_env: 'FLEET_TOKEN' },
        ]),
        '--timeout',
        '2',
      ],
      {
        env: { FLEET_TOKEN: TOKEN },
      },
    );
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^prod: AKLM OK - valid, expires /);
    expect(lines[1]).toMatch(/^gone: AKLM UNKNOWN - /);
    expect(lines[2]).toBe('fleet: UNKNOWN - 1 ok, 0 warning, 0 critical, 1 unknown');
    expect(run.code).toBe(3);
  });

  it("reads an entry's ca relative to the fleet file", async () => {
    const ok = await licensedSim(365);
    await fx.write('fleet-ca.pem', 'not a certificate');
    const file = await fleetFile([{ name: 'prod', url: ok.url, token_env: 'FLEET_TOKEN', ca: 'fleet-ca.pem' }]);
    const report = json<FleetJson>(await fx.aklm(['fleet', file, '--json'], { env: { FLEET_TOKEN: TOKEN } }));
    expect(report.instances[0]?.error).toEqual({
      code: 'config',
      message: expect.stringContaining(`the CA file ${fx.dir}/fleet-ca.pem: The CA is not a PEM certificate`),
    });
  });

  it.each([
    ['an unreadable fleet file', ['fleet', '/nonexistent/fleet.json']],
    ['a fleet file that is not JSON', ['fleet', 'README.md']],
    ['a bad --concurrency', ['fleet', 'README.md', '--concurrency', '0']],
    ['no FILE', ['fleet']],
  ])('exits 3 on %s', async (_, args) => {
    const run = await fx.aklm(args);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^aklm: .+\n$/);
  });

  it('names the entry and field that is wrong in an invalid fleet file', async () => {
    const run = await fx.aklm(['fleet', await fleetFile([{ name: 'prod', url: 'https://a.example', token: 'oops' }])]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('entry 0.token_env');
  });
});
