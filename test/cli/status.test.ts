import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../main/license/fingerprint';
import { closedUrl, DAY_S, instanceFixtures, TOKEN } from './instance-fixtures';
import { json } from './run-aklm';

const fx = await instanceFixtures();
const WEEK_MS = 7 * DAY_S * 1000;
const STATUS_FIELDS = [
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
  'exit',
];

interface StatusJson {
  instance: { url: string; version: string | null; install_id: string | null };
  status: string | null;
  status_cached: string;
  latest_valid: string | null;
  licensed: { internal_users: number; external_users: number };
  usage: { internal_users: number; external_users: number } | null;
  forecast: Record<string, number> | null;
  flags: string[];
  licenses: {
    license_uuid: string;
    name: string;
    expiry: string;
    internal_users: number;
    external_users: number;
    fingerprint: string;
    verification: { valid: boolean; reason: string };
  }[];
  warnings: string[];
  notes: string[];
  error?: { code: string; message: string };
  exit: number;
}

const status = async (url: string, extra: string[] = [], env?: Record<string, string>) => {
  const run = await fx.aklm(['status', '--url', url, '--json', ...extra], { env });
  return { run, report: json<StatusJson>(run) };
};

async function simWith(days: number[], options: Parameters<typeof fx.sim>[0] = {}) {
  const sim = await fx.sim(options);
  for (const [index, expiresIn] of days.entries())
    sim.addLicense(
      fx.key(sim.installId, expiresIn, { name: `License ${index + 1}`, internal_users: 50, external_users: 100 }),
    );
  sim.refreshCachedSummary();
  return sim;
}

describe('aklm status --json: the contract', () => {
  it('reports a healthy instance field by field, exit 0 OK', async () => {
    const sim = await simWith([365], { users: { internal: 40, external: 3, internalJoinedLast30Days: 2 } });
    const { run, report } = await status(sim.url);
    expect(run.code).toBe(0);
    expect(Object.keys(report)).toEqual(STATUS_FIELDS);
    const [installed] = sim.installed();
    expect(report).toMatchObject({
      instance: { url: sim.url, version: '2026.5.6', install_id: sim.installId },
      status: 'valid',
      status_cached: 'valid',
      licensed: { internal_users: 50, external_users: 100 },
      usage: { internal_users: 40, external_users: 3 },
      forecast: { internal_users: 40, external_users: 3, forecasted_internal_users: 24, forecasted_external_users: 36 },
      flags: [],
      warnings: [],
      exit: 0,
    });
    expect(report.latest_valid).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(report.licenses).toEqual([
      {
        license_uuid: installed?.licenseUuid,
        name: 'License 1',
        expiry: expect.stringMatching(/Z$/),
        internal_users: 50,
        external_users: 100,
        fingerprint: keyFingerprint(installed?.key ?? ''),
        verification: { valid: true, reason: 'ok' },
      },
    ]);
    expect(run.stdout).not.toContain(installed?.key.split('.')[1]);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it.each([
    ['expiry_soon', 1, [10], {}],
    ['expired', 2, [-1], {}],
    ['read_only', 2, [-50], {}],
    [
      'limit_exceeded_admin',
      1,
      [365],
      { users: { internal: 51, external: 0, internalJoinedLast30Days: 0 }, lastValid: Date.now() - 3 * WEEK_MS },
    ],
    [
      'limit_exceeded_user',
      2,
      [365],
      { users: { internal: 51, external: 0, internalJoinedLast30Days: 0 }, lastValid: Date.now() - 5 * WEEK_MS },
    ],
    ['read_only', 2, [365], { users: { internal: 0, external: 101, internalJoinedLast30Days: 0 }, lastValid: null }],
    ['unlicensed', 1, [], {}],
  ] as const)('maps %s to exit %i', async (expected, exit, days, options) => {
    const sim = await simWith([...days], options);
    const { run, report } = await status(sim.url);
    expect(report.status).toBe(expected);
    expect(report.status_cached).toBe(expected);
    expect(run.code).toBe(exit);
    expect(report.exit).toBe(exit);
  });

  it('warns when the live and cached status differ, and exits on the worse', async () => {
    const sim = await simWith([365]);
    sim.addLicense(fx.key(sim.installId, -60, { name: 'Lapsed' }));
    sim.setUsers({ internal: 500, external: 0, internalJoinedLast30Days: 0 });
    // The usage task recorded valid just now; over capacity is read-only only once the last valid record is 6 weeks old.
    sim.setLastValid(Date.now() - 7 * WEEK_MS);
    const { run, report } = await status(sim.url);
    expect(report.status).toBe('read_only');
    expect(report.status_cached).toBe('valid');
    expect(report.warnings.some((warning) => warning.includes('cached status'))).toBe(true);
    expect(report.notes.some((note) => note.includes('"Lapsed"'))).toBe(true);
    expect(run.code).toBe(2);
  });

  it('warns about a duplicate key (authentik counts it twice)', async () => {
    const sim = await fx.sim();
    const key = fx.key(sim.installId, 365);
    sim.addLicense(key);
    sim.addLicense(key);
    sim.refreshCachedSummary();
    const { run, report } = await status(sim.url);
    expect(report.licensed.internal_users).toBe(200);
    expect(report.warnings).toEqual([expect.stringContaining('installed twice')]);
    expect(run.code).toBe(1);
  });

  it('degrades to warnings when the token may not read the Install ID or usage', async () => {
    const sim = await simWith([365]);
    const denied = { detail: 'You do not have permission to perform this action.' };
    sim.fault({ path: '/enterprise/license/install_id/', kind: 'status', status: 403, body: denied });
    sim.fault({ path: '/enterprise/license/forecast/', kind: 'status', status: 403, body: denied });
    const { run, report } = await status(sim.url);
    expect(report.instance.install_id).toBeNull();
    expect(report.usage).toBeNull();
    expect(report.warnings).toHaveLength(2);
    expect(run.code).toBe(1);
  });

  it('reads a pre-2024.8 instance, noting that it has no forecast', async () => {
    const sim = await simWith([365], { legacy: true });
    // authentik has served forecast/ since 2023.10; the 2023.8 enterprise preview did not, which this 404 stands for.
    sim.fault({
      path: '/enterprise/license/forecast/',
      kind: 'status',
      status: 404,
      body: { detail: 'No License matches the given query.' },
    });
    const { run, report } = await status(sim.url);
    expect(report).toMatchObject({
      status: 'valid',
      instance: { install_id: sim.installId },
      usage: null,
      forecast: null,
      warnings: [],
    });
    expect(report.notes).toEqual([expect.stringContaining('no forecast endpoint')]);
    expect(run.code).toBe(0);
  });

  it('reports a status value it does not know as received, exit 3', async () => {
    const sim = await simWith([365]);
    sim.fault({
      path: '/enterprise/license/summary/',
      times: 2,
      kind: 'status',
      status: 200,
      body: {
        internal_users: 50,
        external_users: 100,
        status: 'frozen',
        latest_valid: new Date().toISOString(),
        license_flags: [],
      },
    });
    const { run, report } = await status(sim.url);
    expect(report.status).toBe('frozen');
    expect(run.code).toBe(3);
  });
});

describe('aklm status: when the instance cannot be read', () => {
  it.each([
    ['unreachable', closedUrl, {}],
    ['unauthorized', async (): Promise<string> => (await fx.sim()).url, { AKLM_TOKEN: 'wrong-token' }],
    ['not_found', async (): Promise<string> => `${(await fx.sim()).url}/not-authentik`, {}],
    [
      'forbidden',
      async (): Promise<string> => (await fx.sim({ tokens: { limited: { viewLicense: false } } })).url,
      { AKLM_TOKEN: 'limited' },
    ],
  ] as const)('prints the error object with code %s, exit 3', async (code, url, env) => {
    const target = await url();
    const { run, report } = await status(target, ['--timeout', '3'], env);
    expect(run.code).toBe(3);
    expect(report).toEqual({
      instance: { url: target, version: null, install_id: null },
      status: null,
      error: { code, message: expect.any(String) },
      exit: 3,
    });
    expect(run.stdout).not.toContain('wrong-token');
  });

  it('exits 3 when the token variable is unset, naming the variable', async () => {
    const sim = await fx.sim();
    const { run, report } = await status(sim.url, ['--token-env', 'MY_AUTHENTIK_TOKEN']);
    expect(run.code).toBe(3);
    expect(report.error).toEqual({ code: 'config', message: expect.stringContaining('MY_AUTHENTIK_TOKEN') });
  });

  it.each([
    ['an unknown --instance', ['status', '--instance', 'prod'], 'no saved instances'],
    ['an unknown flag', ['status', '--url', 'https://a.example', '--frob'], "Unknown option '--frob'"],
    ['neither --url nor --instance', ['status'], '--url'],
    ['a bad --timeout', ['status', '--url', 'https://a.example', '--timeout', 'soon'], '--timeout'],
    ['an unreadable --ca', ['status', '--url', 'https://a.example', '--ca', '/nonexistent.pem'], 'CA file'],
  ])('exits 3 on %s, with one line on stderr', async (_, args, words) => {
    const run = await fx.aklm(args);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^aklm: .+\n$/);
    expect(run.stderr).toContain(words);
  });
});

describe('aklm status: text', () => {
  it('prints the monitoring line, then one line per warning', async () => {
    const sim = await simWith([10], { users: { internal: 40, external: 3, internalJoinedLast30Days: 0 } });
    const run = await fx.aklm(['status', '--url', sim.url]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^AKLM WARNING - expiry_soon, expires \d{4}-\d\d-\d\d \((9|10) days\), internal 40\/50, external 3\/100$/,
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('renew');
  });

  it('says no license and ? for unknown usage', async () => {
    const sim = await simWith([], { legacy: true });
    // No forecast/ (as on the 2023.8 enterprise preview): the usage is unknown.
    sim.fault({
      path: '/enterprise/license/forecast/',
      kind: 'status',
      status: 404,
      body: { detail: 'No License matches the given query.' },
    });
    const run = await fx.aklm(['status', '--url', sim.url]);
    expect(run.stdout.split('\n')[0]).toBe('AKLM WARNING - unlicensed, no license, internal ?/0, external ?/0');
  });
});
