import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../main/license/fingerprint';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { closedUrl, DAY_S, instanceFixtures, nowSeconds, TOKEN } from './instance-fixtures';
import { json } from './run-aklm';

const fx = await instanceFixtures();
const OTHER = 'f0e1d2c3-b4a5-4968-8776-655443322110';

interface InstallJson {
  installed: boolean;
  reason: string;
  message: string;
  warnings: string[];
  license?: {
    license_uuid: string;
    name: string;
    expiry: string;
    internal_users: number;
    external_users: number;
    fingerprint: string;
  };
}

const posts = (sim: Awaited<ReturnType<typeof fx.sim>>) =>
  sim.requests.filter((request) => request.method === 'POST').length;

async function install(sim: { url: string }, key: string, extra: string[] = [], env?: Record<string, string>) {
  const file = await fx.write(`key-${Math.random().toString(36).slice(2)}.jwt`, key);
  const run = await fx.aklm(['install', file, '--url', sim.url, '--json', '--timeout', '3', ...extra], { env });
  return { run, report: json<InstallJson>(run) };
}

describe('aklm install: preflight, then exactly one POST', () => {
  it('installs a genuine key for this instance with one POST, exit 0', async () => {
    const sim = await fx.sim();
    const key = fx.key(sim.installId, 365, { name: 'Acme', internal_users: 25, external_users: 10 });
    const { run, report } = await install(sim, key);
    expect(run.code).toBe(0);
    expect(Object.keys(report)).toEqual(['installed', 'reason', 'message', 'warnings', 'license']);
    expect(report).toMatchObject({ installed: true, reason: 'ok', warnings: [] });
    expect(report.license).toEqual({
      license_uuid: sim.installed()[0]?.licenseUuid,
      name: 'Acme',
      expiry: expect.stringMatching(/Z$/),
      internal_users: 25,
      external_users: 10,
      fingerprint: keyFingerprint(key),
    });
    expect(posts(sim)).toBe(1);
    expect(run.stdout + run.stderr).not.toContain(key.split('.')[1]);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('reports an identical key already installed and sends nothing, exit 0', async () => {
    const sim = await fx.sim();
    const key = fx.key(sim.installId, 365);
    const uuid = sim.addLicense(key);
    const { run, report } = await install(sim, `${key}\n`);
    expect(run.code).toBe(0);
    expect(report).toMatchObject({
      installed: true,
      reason: 'already_installed',
      license: { license_uuid: uuid, fingerprint: keyFingerprint(key) },
    });
    expect(posts(sim)).toBe(0);
  });

  it.each([
    ['install_id_mismatch', (installId: string) => fx.key(OTHER, 365) ?? installId],
    ['expired', (installId: string) => fx.key(installId, -1)],
    ['malformed', () => 'not a key'],
  ])('refuses a key the offline check rejects (%s), sends nothing, exit 1', async (reason, make) => {
    const sim = await fx.sim();
    const { run, report } = await install(sim, make(sim.installId));
    expect(run.code).toBe(1);
    expect(report).toMatchObject({ installed: false, reason });
    expect(report.message).toContain('Nothing was sent');
    expect(posts(sim)).toBe(0);
  });

  it('refuses a first key too small for an unlicensed instance, unless --allow-over-capacity', async () => {
    const sim = await fx.sim({ users: { internal: 30, external: 0, internalJoinedLast30Days: 0 } });
    const key = fx.key(sim.installId, 365, { internal_users: 20 });
    const refused = await install(sim, key);
    expect(refused.run.code).toBe(1);
    expect(refused.report).toMatchObject({ installed: false, reason: 'over_capacity' });
    expect(posts(sim)).toBe(0);
    const allowed = await install(sim, key, ['--allow-over-capacity']);
    expect(allowed.run.code).toBe(0);
    expect(allowed.report).toMatchObject({ installed: true, reason: 'ok' });
    expect(allowed.report.warnings[0]).toContain('30 internal users exceed the 20 licensed');
    expect(posts(sim)).toBe(1);
  });

  it('refuses when the Install ID cannot be read, exit 1, nothing sent', async () => {
    const sim = await fx.sim();
    sim.fault({
      path: '/enterprise/license/install_id/',
      kind: 'status',
      status: 403,
      body: { detail: 'You do not have permission to perform this action.' },
    });
    const { run, report } = await install(sim, fx.key(sim.installId, 365));
    expect(run.code).toBe(1);
    expect(report).toMatchObject({ installed: false, reason: 'forbidden' });
    expect(posts(sim)).toBe(0);
  });

  it("reports authentik's refusal as rejected_by_server, exit 1", async () => {
    const sim = await fx.sim();
    const rogue = mintKey({
      signer: fx.pki.rogue.signerP384,
      intermediate: fx.pki.rogue.intermediate,
      claims: licenseClaims(sim.installId, nowSeconds() + 365 * DAY_S),
    });
    const file = await fx.write('rogue.jwt', rogue);
    const run = await fx.aklm(['install', file, '--url', sim.url, '--json', '--root', fx.rogueRoot]);
    expect(run.code).toBe(1);
    expect(json<InstallJson>(run)).toMatchObject({
      installed: false,
      reason: 'rejected_by_server',
      message: 'authentik refused the key: Unable to verify license',
    });
    expect(posts(sim)).toBe(1);
  });

  it('when the answer is lost after the POST applied, re-reads and reports it installed, without a second POST', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'POST', path: '/enterprise/license/', kind: 'drop-after-handling' });
    const { run, report } = await install(sim, fx.key(sim.installId, 365));
    expect(run.code).toBe(0);
    expect(report).toMatchObject({ installed: true, reason: 'ok' });
    expect(report.message).toContain('answer was lost');
    expect(posts(sim)).toBe(1);
  });

  it('when the answer is lost and the key is not there, reports outcome_unknown, exit 3, without a second POST', async () => {
    const sim = await fx.sim();
    sim.fault({ method: 'POST', path: '/enterprise/license/', kind: 'delay', delayMs: 5000 });
    const { run, report } = await install(sim, fx.key(sim.installId, 365), ['--timeout', '1']);
    expect(run.code).toBe(3);
    expect(report).toMatchObject({ installed: false, reason: 'outcome_unknown' });
    expect(posts(sim)).toBe(1);
  });

  it('exits 3 when the instance is unreachable, and reads the key from stdin with -', async () => {
    const run = await fx.aklm(['install', '-', '--url', await closedUrl(), '--json', '--timeout', '2'], {
      stdin: 'a.b.c',
    });
    expect(run.code).toBe(3);
    expect(json<InstallJson>(run)).toMatchObject({ installed: false, reason: 'unreachable' });
  });

  it('prints a readable result without --json', async () => {
    const sim = await fx.sim();
    const file = await fx.write('text.jwt', fx.key(OTHER, 365));
    const run = await fx.aklm(['install', file, '--url', sim.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^NOT INSTALLED \(install_id_mismatch\): The key is for Install ID/);
  });

  it.each([
    ['no FILE', ['install', '--url', 'https://a.example']],
    ['an unreadable FILE', ['install', '/nonexistent.jwt', '--url', 'https://a.example']],
    ['an unset token variable', ['install', 'x.jwt', '--url', 'https://a.example', '--token-env', 'UNSET_VARIABLE_X']],
  ])('exits 3 on %s', async (_, args) => {
    const run = await fx.aklm(args);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^aklm: .+\n$/);
  });
});
