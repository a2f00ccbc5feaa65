import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../main/license/fingerprint';
import { AT, AT_SECONDS, INSTALL_ID, OTHER_INSTALL_ID } from '../pki/key-cases';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { signatureTwinKey } from '../pki/signature-twin';
import { cliFixtures } from './cli-fixtures';
import { json, runAklm } from './run-aklm';

const fx = await cliFixtures();
const DAY = 24 * 3600;
const at = AT.toISOString();
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const key = (installId: string, exp: number, extra: Record<string, unknown>): string =>
  mintKey({
    signer: fx.pki.signerP384,
    intermediate: fx.pki.intermediate,
    claims: licenseClaims(installId, exp, extra),
  });

const primary = key(INSTALL_ID, AT_SECONDS + 60 * DAY, { name: 'Primary', internal_users: 100, external_users: 1000 });
const addOn = key(INSTALL_ID, AT_SECONDS + 30 * DAY, {
  name: 'Add-on',
  internal_users: 50,
  external_users: 0,
  license_flags: ['trial'],
});
const lapsed = key(INSTALL_ID, AT_SECONDS - 10 * DAY, { name: 'Lapsed', internal_users: 20, external_users: 20 });
const foreign = key(OTHER_INSTALL_ID, AT_SECONDS + 90 * DAY, { name: 'Elsewhere' });
const [header, , signature] = primary.split('.');
const tampered = `${header}.${Buffer.from(JSON.stringify(licenseClaims(INSTALL_ID, AT_SECONDS + 999 * DAY))).toString('base64url')}.${signature}`;

const files = {
  primary: await fx.write('primary.jwt', primary),
  addOn: await fx.write('add-on.jwt', `${addOn}\n`),
  lapsed: await fx.write('lapsed.jwt', lapsed),
  foreign: await fx.write('foreign.jwt', foreign),
  duplicate: await fx.write('primary-copy.jwt', `  ${primary}\r\n`),
  garbage: await fx.write('garbage.jwt', 'not a key'),
  tampered: await fx.write('tampered.jwt', tampered),
};

interface TimelineJson {
  at: string;
  cumulative_expiry: string | null;
  steps: { from: string; to: string; internal_users: number; external_users: number }[];
  ladder: Record<string, string> | null;
  authentik: {
    status_now: string;
    expired_from: string;
    read_only_from: string;
    with_users: { kind: string; at: string; at_the_latest: boolean }[];
  } | null;
  licenses: Record<string, unknown>[];
  expired: Record<string, unknown>[];
  rejected: { file: string; reason: string }[];
  authentik_rules: { authentik_version: string | null; releases: string; assumed: boolean; basis: string };
}

/** The newest rules with users: the admin banner at the last expiry, then users 2 and read-only 4 weeks after, counted from 2 weeks before it. */
const withUsers = (last: number) => [
  { kind: 'expiry_soon', at: iso(last - 14 * DAY), at_the_latest: false },
  { kind: 'seats_lapse', at: iso(last), at_the_latest: false },
  { kind: 'user_banner', at: iso(last + 14 * DAY), at_the_latest: true },
  { kind: 'read_only_capacity', at: iso(last + 28 * DAY), at_the_latest: true },
];

const timeline = (args: string[]) => runAklm(['timeline', ...args, '--root', fx.root, '--at', at, '--json']);

describe('aklm timeline --json', () => {
  it("sorts keys into licenses, expired and rejected and draws the guide's timeline", async () => {
    const run = await timeline([
      files.primary,
      files.addOn,
      files.lapsed,
      files.foreign,
      files.duplicate,
      files.garbage,
      files.tampered,
    ]);
    expect(run.code).toBe(0);
    const report = json<TimelineJson>(run);
    expect(Object.keys(report)).toEqual([
      'at',
      'cumulative_expiry',
      'steps',
      'ladder',
      'authentik',
      'licenses',
      'expired',
      'rejected',
      'authentik_rules',
    ]);
    // No instance is read, so no version is known: authentik's newest rules stand in, and the report says so.
    expect(report.authentik_rules).toEqual({
      authentik_version: null,
      releases: 'authentik 2026.5 or later',
      assumed: true,
      basis: 'newest rules assumed (authentik 2026.5 or later): no authentik version known',
    });
    expect(report.at).toBe('2026-11-29T12:00:00Z');
    expect(report.cumulative_expiry).toBe(iso(AT_SECONDS + 30 * DAY));
    expect(report.steps).toEqual([
      { from: at.replace('.000Z', 'Z'), to: iso(AT_SECONDS + 30 * DAY), internal_users: 150, external_users: 1000 },
      { from: iso(AT_SECONDS + 30 * DAY), to: iso(AT_SECONDS + 60 * DAY), internal_users: 100, external_users: 1000 },
    ]);
    const last = AT_SECONDS + 60 * DAY;
    expect(report.ladder).toEqual({
      expiry_soon: iso(last - 14 * DAY),
      expiry: iso(last),
      admin_warning: iso(last + 14 * DAY),
      user_warning: iso(last + 28 * DAY),
      read_only: iso(last + 42 * DAY),
    });
    expect(report.authentik).toEqual({
      status_now: 'valid',
      expired_from: iso(last),
      read_only_from: iso(last + 42 * DAY),
      with_users: withUsers(last),
    });
    expect(report.licenses).toEqual([
      {
        file: files.primary,
        name: 'Primary',
        fingerprint: keyFingerprint(primary),
        expires_at: iso(last),
        internal_users: 100,
        external_users: 1000,
        license_flags: [],
      },
      {
        file: files.addOn,
        name: 'Add-on',
        fingerprint: keyFingerprint(addOn),
        expires_at: iso(AT_SECONDS + 30 * DAY),
        internal_users: 50,
        external_users: 0,
        license_flags: ['trial'],
      },
    ]);
    expect(report.expired).toEqual([{ file: files.lapsed, name: 'Lapsed', expires_at: iso(AT_SECONDS - 10 * DAY) }]);
    expect(report.rejected).toEqual([
      { file: files.foreign, reason: 'install_id_mismatch' },
      { file: files.duplicate, reason: 'duplicate' },
      { file: files.garbage, reason: 'malformed' },
      { file: files.tampered, reason: 'bad_signature' },
    ]);
  });

  it('takes the installation from --install-id when given', async () => {
    const report = json<TimelineJson>(
      await timeline([files.primary, files.foreign, '--install-id', OTHER_INSTALL_ID.toUpperCase()]),
    );
    expect(report.licenses.map((license) => license.name)).toEqual(['Elsewhere']);
    expect(report.rejected).toEqual([{ file: files.primary, reason: 'install_id_mismatch' }]);
  });

  it('takes the installation from the first key whose signature verifies', async () => {
    const report = json<TimelineJson>(await timeline([files.tampered, files.garbage, files.foreign, files.primary]));
    expect(report.licenses.map((license) => license.name)).toEqual(['Elsewhere']);
    expect(report.rejected.map((entry) => entry.reason)).toEqual(['bad_signature', 'malformed', 'install_id_mismatch']);
  });

  it('with only expired keys: no cumulative expiry, no steps, ladder and authentik at the latest past expiry, exit 0', async () => {
    const older = await fx.write('older.jwt', key(INSTALL_ID, AT_SECONDS - 50 * DAY, { name: 'Older' }));
    const run = await timeline([older, files.lapsed]);
    expect(run.code).toBe(0);
    const report = json<TimelineJson>(run);
    const last = AT_SECONDS - 10 * DAY;
    expect(report.cumulative_expiry).toBeNull();
    expect(report.steps).toEqual([]);
    expect(report.ladder?.expiry).toBe(iso(last));
    expect(report.ladder?.read_only).toBe(iso(last + 42 * DAY));
    expect(report.authentik).toEqual({
      status_now: 'expired',
      expired_from: iso(last),
      read_only_from: iso(last + 42 * DAY),
      with_users: withUsers(last),
    });
    expect(report.licenses).toEqual([]);
    expect(report.expired.map((license) => license.name)).toEqual(['Older', 'Lapsed']);
  });

  it("reports authentik's read_only and expiry_soon for these licenses", async () => {
    const ancient = await fx.write('ancient.jwt', key(INSTALL_ID, AT_SECONDS - 43 * DAY, { name: 'Ancient' }));
    expect(json<TimelineJson>(await timeline([ancient])).authentik?.status_now).toBe('read_only');
    const soon = await fx.write('soon.jwt', key(INSTALL_ID, AT_SECONDS + 14 * DAY, { name: 'Soon' }));
    expect(json<TimelineJson>(await timeline([soon, files.lapsed])).authentik?.status_now).toBe('expiry_soon');
  });

  it('exits 1 with empty ladder and authentik when no key verified', async () => {
    const run = await timeline([files.garbage, files.tampered]);
    expect(run.code).toBe(1);
    const report = json<TimelineJson>(run);
    expect(report).toMatchObject({
      cumulative_expiry: null,
      steps: [],
      ladder: null,
      authentik: null,
      licenses: [],
      expired: [],
    });
    expect(report.rejected).toHaveLength(2);
  });

  it('reads one key from stdin with - or no FILE', async () => {
    for (const args of [['-'], []]) {
      const run = await runAklm(['timeline', ...args, '--root', fx.root, '--at', at, '--json'], { stdin: primary });
      expect(json<TimelineJson>(run).licenses).toMatchObject([{ file: '-', name: 'Primary' }]);
    }
  });
});

describe('aklm timeline: one license, one identity', () => {
  it("rejects a key whose signature is the twin (r, n−s) of an accepted key's as a duplicate, so its seats count once", async () => {
    const twin = await fx.write('primary-twin.jwt', signatureTwinKey(primary));
    const run = await timeline([files.primary, twin]);
    const report = json<TimelineJson>(run);
    expect(report.licenses.map((license) => license.file)).toEqual([files.primary]);
    expect(report.rejected).toEqual([{ file: twin, reason: 'duplicate' }]);
    expect(report.steps.map((step) => step.internal_users)).toEqual([100]);
  });

  it('does not let a rejected key of the same signed content shadow the genuine one', async () => {
    const forged = await fx.write(
      'primary-forged-signature.jwt',
      `${primary.slice(0, primary.lastIndexOf('.'))}.${'A'.repeat(128)}`,
    );
    const report = json<TimelineJson>(await timeline([forged, files.primary]));
    expect(report.rejected).toEqual([{ file: forged, reason: 'bad_signature' }]);
    expect(report.licenses.map((license) => license.file)).toEqual([files.primary]);
  });
});

describe('aklm timeline: text and usage errors', () => {
  it('draws the step-down as a table and the ladder as dated lines', async () => {
    const run = await runAklm(['timeline', files.primary, files.addOn, files.garbage, '--root', fx.root, '--at', at]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Timeline for Install ID ${INSTALL_ID}`);
    expect(run.stdout).toMatch(
      new RegExp(`^  2026-11-29T12:00:00Z\\s+${iso(AT_SECONDS + 30 * DAY)}\\s+150\\s+1000$`, 'm'),
    );
    expect(run.stdout).toMatch(
      new RegExp(`^  ${iso(AT_SECONDS + 30 * DAY)}\\s+${iso(AT_SECONDS + 60 * DAY)}\\s+100\\s+1000$`, 'm'),
    );
    expect(run.stdout).toMatch(/^ {2}2027-02-11 {2}administrators see a warning banner$/m);
    expect(run.stdout).toMatch(/^ {2}2027-03-11 {2}the instance becomes read-only$/m);
    expect(run.stdout).toMatch(/garbage\.jwt: malformed/);
    expect(run.stdout).toMatch(/^ {4}by 2027-02-25 {2}the instance becomes read-only$/m);
    expect(run.stdout).toContain(
      '  authentik rules: newest rules assumed (authentik 2026.5 or later): no authentik version known\n',
    );
    expect(run.stdout).not.toContain(primary.split('.')[1]);
  });

  it.each([
    ['an unreadable file', ['timeline', '/nonexistent.jwt']],
    ['stdin twice', ['timeline', '-', '-']],
    ['an unknown flag', ['timeline', '--batch', 'x']],
    ['--install-id not a UUID', ['timeline', '--install-id', '42']],
  ])('exits 2 on %s', async (_, args) => {
    const run = await runAklm(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^aklm: .+\n$/);
  });
});
