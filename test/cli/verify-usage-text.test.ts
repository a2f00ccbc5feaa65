import { describe, expect, it } from 'vitest';
import { CHECK_NAMES } from '../../shared/license/verdict';
import { keyFingerprint } from '../../main/license/fingerprint';
import { runAklm } from './run-aklm';
import { at, NEWEST_ASSUMED, verifyFixtures } from './verify-fixtures';

const { fx, caseKey, validKey, validFile } = await verifyFixtures();

describe('aklm verify: usage errors exit 2 with one line on stderr', () => {
  it.each([
    ['an unknown flag', ['verify', '--frobnicate']],
    ['an unreadable file', ['verify', '/nonexistent/key.jwt']],
    ['an unreadable batch file', ['verify', '--batch', '/nonexistent/keys.txt']],
    ['--install-id not a UUID', ['verify', '--install-id', 'not-a-uuid']],
    ['--at not a date', ['verify', '--at', 'next tuesday']],
    ['--at an impossible date', ['verify', '--at', '2026-02-30']],
    ['a --root file without a certificate', ['verify', '--root', 'package.json']],
    ['an unreadable --root file', ['verify', '--root', '/nonexistent/root.pem']],
    ['two FILEs', ['verify', 'a.jwt', 'b.jwt']],
    ['an unknown command', ['verfiy']],
  ])('%s', async (_, args) => {
    const run = await runAklm(args, { stdin: 'x.y.z' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^aklm: .+\n$/);
  });

  it('says which flag was wrong', async () => {
    expect((await runAklm(['verify', '--install-id', 'nope'])).stderr).toContain('--install-id');
    expect((await runAklm(['verify', '--at', 'nope'])).stderr).toContain('--at');
    expect((await runAklm(['verify', '--root', 'package.json'])).stderr).toContain('package.json');
  });
});

describe('aklm verify: text output', () => {
  it('prints one line per check, the claims, expiry in UTC and local time, and days left', async () => {
    const run = await runAklm(['verify', validFile, '--root', fx.root, '--at', at], { env: { TZ: 'Asia/Tokyo' } });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^VALID: /);
    for (const name of CHECK_NAMES) {
      expect(
        lines.some((line) => new RegExp(`^  ${name}\\s+${name === 'install_id' ? 'skipped' : 'pass'}\\s`).test(line)),
      ).toBe(true);
    }
    expect(run.stdout).toMatch(/name:\s+Acme Corp/);
    expect(run.stdout).toMatch(/internal users:\s+100/);
    expect(run.stdout).toMatch(/expires \(UTC\):\s+2027-11-29T12:00:00Z/);
    expect(run.stdout).toMatch(/expires \(local\):\s+2027-11-29 21:00:00 UTC\+09:00$/m);
    expect(run.stdout).toMatch(/days left:\s+365/);
    expect(run.stdout).toContain(keyFingerprint(validKey));
    expect(run.stdout).toContain(`authentik rules: ${NEWEST_ASSUMED}\n`);
  });

  it("marks the failed check, the ones not run, and an expired key's days", async () => {
    const file = await fx.write('expired.jwt', caseKey('expired a year ago'));
    const run = await runAklm(['verify', file, '--root', fx.root, '--at', at]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^INVALID \(expired\): /);
    expect(run.stdout).toMatch(/^ {2}expiry\s+FAIL\s/m);
    expect(run.stdout).toMatch(/days left:\s+-365 \(expired 365 days ago\)/);
    const malformed = await runAklm(['verify', '--root', fx.root], { stdin: 'garbage' });
    expect(malformed.stdout).toMatch(/^ {2}algorithm\s+not run\s/m);
  });

  it('never prints the key itself', async () => {
    const runs = await Promise.all([
      runAklm(['verify', validFile, '--root', fx.root, '--at', at]),
      runAklm(['verify', validFile, '--root', fx.root, '--at', at, '--json']),
      runAklm(['verify', validFile, '--at', at]),
    ]);
    for (const run of runs) {
      expect(run.stdout + run.stderr).not.toContain(validKey.split('.')[2]);
      expect(run.stdout + run.stderr).not.toContain(validKey.split('.')[1]);
    }
  });
});
