import { describe, expect, it } from 'vitest';
import { CHECK_NAMES, VERDICT_REASONS } from '../../shared/license/verdict';
import { keyFingerprint } from '../../main/license/fingerprint';
import { AT, AT_SECONDS, INSTALL_ID, OTHER_INSTALL_ID, keyCases } from '../pki/key-cases';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { cliFixtures } from './cli-fixtures';
import { json, runAklm } from './run-aklm';

const fx = await cliFixtures();
const cases = keyCases(fx.pki);
const at = AT.toISOString();
const YEAR = 365 * 24 * 3600;
const caseKey = (title: string): string => {
  const found = cases.find((entry) => entry.title === title);
  if (found === undefined) throw new Error(`no case "${title}"`);
  return found.key;
};
const validKey = caseKey('ES512 over a P-384 signer, as authentik issues');
const validFile = await fx.write('valid.jwt', `${validKey}\n`);

interface VerdictJson {
  valid: boolean;
  reason: string;
  message: string;
  checks: { name: string; ok: boolean | null; detail: string }[];
  claims: Record<string, unknown> | null;
  claims_verified: boolean;
  install_id: string | null;
  expires_at: string | null;
  fingerprint: string;
  authentik_rules: { authentik_version: string | null; releases: string; assumed: boolean; basis: string };
  line?: number;
}

const FIELDS = ['valid', 'reason', 'message', 'checks', 'claims', 'claims_verified', 'install_id', 'expires_at', 'fingerprint', 'authentik_rules'];
const NEWEST_ASSUMED = 'newest rules assumed (authentik 2026.5 or later): no authentik version known';

describe('aklm verify --json: the contract', () => {
  it('prints exactly the contract fields for a key made like authentik\'s, and exits 0', async () => {
    const run = await runAklm(['verify', validFile, '--root', fx.root, '--install-id', INSTALL_ID, '--at', at, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const verdict = json<VerdictJson>(run);
    expect(Object.keys(verdict)).toEqual(FIELDS);
    expect(verdict).toMatchObject({
      valid: true,
      reason: 'ok',
      claims: {
        name: 'Acme Corp',
        aud: `enterprise.goauthentik.io/license/${INSTALL_ID}`,
        exp: AT_SECONDS + YEAR,
        internal_users: 100,
        external_users: 1000,
        license_flags: [],
      },
      claims_verified: true,
      install_id: INSTALL_ID,
      expires_at: '2027-11-29T12:00:00Z',
      fingerprint: keyFingerprint(validKey),
      authentik_rules: { authentik_version: null, releases: 'authentik 2026.5 or later', assumed: true, basis: NEWEST_ASSUMED },
    });
    expect(Object.keys(verdict.claims ?? {})).toEqual(['name', 'aud', 'exp', 'internal_users', 'external_users', 'license_flags']);
    expect(verdict.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(verdict.message.length).toBeGreaterThan(10);
    expect(verdict.checks.map((check) => [check.name, check.ok])).toEqual(CHECK_NAMES.map((name) => [name, true]));
    expect(verdict.checks.every((check) => Object.keys(check).join() === 'name,ok,detail' && check.detail.length > 0)).toBe(true);
  });

  it('fails the same key untrusted_chain against the default (real) root, and exits 1', async () => {
    const run = await runAklm(['verify', validFile, '--at', at, '--json']);
    expect(run.code).toBe(1);
    const verdict = json<VerdictJson>(run);
    expect(verdict).toMatchObject({ valid: false, reason: 'untrusted_chain', claims_verified: false, install_id: INSTALL_ID });
    expect(verdict.checks.map((check) => check.ok)).toEqual([true, true, false, null, null, null]);
  });

  it.each([
    ['malformed', 'aud an array', undefined, [false, null, null, null, null, null]],
    ['unsupported_algorithm', 'alg HS256', undefined, [true, false, null, null, null, null]],
    ['untrusted_chain', 'rogue chain reusing the real names', undefined, [true, true, false, null, null, null]],
    ['bad_signature', 'payload changed after signing', undefined, [true, true, true, false, null, null]],
    ['install_id_mismatch', 'key for another installation', OTHER_INSTALL_ID, [true, true, true, true, false, null]],
    ['expired', 'expired a year ago', undefined, [true, true, true, true, null, false]],
    ['not_yet_valid', 'not valid for one more second', INSTALL_ID, [true, true, true, true, true, false]],
  ] as const)('reports %s with the deciding check failed, later ones null, exit 1', async (reason, title, installId, oks) => {
    const file = await fx.write(`${reason}.jwt`, caseKey(title));
    const args = ['verify', file, '--root', fx.root, '--at', at, '--json', ...(installId ? ['--install-id', installId] : [])];
    const run = await runAklm(args);
    expect(run.code).toBe(1);
    const verdict = json<VerdictJson>(run);
    expect(Object.keys(verdict)).toEqual(FIELDS);
    expect(verdict.valid).toBe(false);
    expect(verdict.reason).toBe(reason);
    expect(verdict.checks.map((check) => check.ok)).toEqual(oks);
    expect(verdict.claims === null).toBe(reason === 'malformed');
    expect(verdict.install_id === null).toBe(reason === 'malformed');
    expect(verdict.expires_at === null).toBe(reason === 'malformed');
    expect(verdict.claims_verified).toBe(oks[3] === true);
    expect(verdict.fingerprint).toBe(keyFingerprint(caseKey(title)));
    if (reason === 'install_id_mismatch') expect(verdict.message).toContain('Install ID');
    if (reason === 'not_yet_valid') expect(verdict.message).toContain('clock');
  });

  it('checks iat as authentik does: in the future not_yet_valid (the expiry check names iat), "yesterday" malformed', async () => {
    const future = await fx.write('iat-future.jwt', caseKey('issued one second from now'));
    const run = await runAklm(['verify', future, '--root', fx.root, '--at', at, '--json']);
    expect(run.code).toBe(1);
    const verdict = json<VerdictJson>(run);
    expect(verdict.reason).toBe('not_yet_valid');
    expect(verdict.checks[5]).toMatchObject({ name: 'expiry', ok: false, detail: expect.stringContaining('(iat)') });
    const yesterday = await fx.write('iat-yesterday.jwt', caseKey('iat "yesterday"'));
    const malformed = await runAklm(['verify', yesterday, '--root', fx.root, '--at', at, '--json']);
    expect(malformed.code).toBe(1);
    const unreadable = json<VerdictJson>(malformed);
    expect(unreadable).toMatchObject({ reason: 'malformed', claims: null });
    expect(unreadable.checks[0]).toEqual({ name: 'format', ok: false, detail: 'the "iat" claim "yesterday" is not an integer' });
  });

  it('accepts --install-id in any case, normalised to authentik\'s lower case; the key\'s aud is compared exactly', async () => {
    const run = await runAklm(['verify', validFile, '--root', fx.root, '--install-id', INSTALL_ID.toUpperCase(), '--at', at, '--json']);
    expect(run.code).toBe(0);
    expect(json<VerdictJson>(run).checks[4]).toEqual({ name: 'install_id', ok: true, detail: `the key is for Install ID ${INSTALL_ID}` });
    const shouting = await fx.write('aud-upper.jwt', mintKey({ signer: fx.pki.signerP384, intermediate: fx.pki.intermediate, claims: licenseClaims(INSTALL_ID.toUpperCase(), AT_SECONDS + YEAR) }));
    const mismatch = await runAklm(['verify', shouting, '--root', fx.root, '--install-id', INSTALL_ID.toUpperCase(), '--at', at, '--json']);
    expect(mismatch.code).toBe(1);
    expect(json<VerdictJson>(mismatch).reason).toBe('install_id_mismatch');
  });

  it('skips the install_id check (null) without --install-id and stays valid', async () => {
    const run = await runAklm(['verify', validFile, '--root', fx.root, '--at', at, '--json']);
    expect(run.code).toBe(0);
    expect(json<VerdictJson>(run).checks[4]).toMatchObject({ name: 'install_id', ok: null });
  });

  it('reports the legacy users claim as authentik reads it, with a note in the format check', async () => {
    const file = await fx.write('legacy-users.jwt', caseKey('legacy "users" claim'));
    const verdict = json<VerdictJson>(await runAklm(['verify', file, '--root', fx.root, '--at', at, '--json']));
    expect(verdict.claims).toMatchObject({ internal_users: 0 });
    expect(verdict.checks[0]?.detail).toContain('users');
  });
});

describe('aklm verify --batch: every case through the built CLI', () => {
  const groups = new Map<string | undefined, typeof cases>();
  for (const entry of cases) groups.set(entry.installId, [...(groups.get(entry.installId) ?? []), entry]);

  it.each([...groups.entries()])('decides every case for --install-id %s as the verifier does', async (installId, group) => {
    const input = group.map((entry) => entry.key.replace(/\s/g, '') || 'x').join('\n');
    const args = ['verify', '--batch', '-', '--root', fx.root, '--at', at, ...(installId ? ['--install-id', installId] : [])];
    const run = await runAklm(args, { stdin: input });
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as VerdictJson);
    expect(lines.map((line) => line.line)).toEqual(group.map((_, index) => index + 1));
    const expected = group.map((entry) => (/^\s*$/.test(entry.key) ? 'malformed' : entry.reason));
    expect(lines.map((line) => line.reason)).toEqual(expected);
    expect(run.code).toBe(expected.every((reason) => reason === 'ok') ? 0 : 1);
  });

  it('numbers physical lines, skips blank ones, accepts --json, reads a file, exits 0 when all are valid', async () => {
    const other = mintKey({ signer: fx.pki.signerP521, intermediate: fx.pki.intermediate, claims: licenseClaims(INSTALL_ID, AT_SECONDS + 60) });
    const file = await fx.write('batch.txt', `\n${validKey}\r\n   \n${other}\n\n`);
    const run = await runAklm(['verify', '--batch', file, '--root', fx.root, '--at', at, '--json']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as VerdictJson);
    expect(lines.map((line) => [line.line, line.reason, line.fingerprint])).toEqual([
      [2, 'ok', keyFingerprint(validKey)],
      [4, 'ok', keyFingerprint(other)],
    ]);
    expect(Object.keys(lines[0] ?? {})).toEqual(['line', ...FIELDS]);
  });

  it('exits 1 when any key is invalid', async () => {
    const run = await runAklm(['verify', '--batch', '-', '--root', fx.root, '--at', at], { stdin: `${validKey}\nnot-a-key\n` });
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as VerdictJson).reason)).toEqual(['ok', 'malformed']);
  });
});

describe('aklm verify: input, roots and time', () => {
  it('reads the key from stdin with - or with no FILE, ignoring surrounding whitespace', async () => {
    for (const args of [['verify', '-'], ['verify']]) {
      const run = await runAklm([...args, '--root', fx.root, '--at', at, '--json'], { stdin: `\n  ${validKey}  \n\n` });
      expect(run.code).toBe(0);
      expect(json<VerdictJson>(run).fingerprint).toBe(keyFingerprint(validKey));
    }
  });

  it('treats an empty file and a file over 64 KiB as malformed', async () => {
    const empty = await fx.write('empty.jwt', '\n');
    expect(json<VerdictJson>(await runAklm(['verify', empty, '--json'])).reason).toBe('malformed');
    const huge = await fx.write('huge.jwt', caseKey('over 64 KiB'));
    const run = await runAklm(['verify', huge, '--root', fx.root, '--json']);
    expect(run.code).toBe(1);
    expect(json<VerdictJson>(run).checks[0]?.detail).toContain('65536');
  });

  it('lets --root repeat, the files together replacing the default root', async () => {
    const bundle = await fx.write('bundle.pem', `${fx.pki.rogue.root.pem}\n${fx.pki.root.pem}`);
    const runs = await Promise.all([
      runAklm(['verify', validFile, '--root', fx.rogueRoot, '--root', fx.root, '--at', at, '--json']),
      runAklm(['verify', validFile, '--root', bundle, '--at', at, '--json']),
      runAklm(['verify', validFile, '--root', fx.rogueRoot, '--at', at, '--json']),
    ]);
    expect(runs.map((run) => json<VerdictJson>(run).reason)).toEqual(['ok', 'ok', 'untrusted_chain']);
  });

  it('reads --at as ISO 8601: a date alone is 00:00 UTC, no zone means UTC, offsets apply', async () => {
    const exp = Date.parse('2026-12-01T00:00:00Z') / 1000;
    const file = await fx.write('boundary.jwt', mintKey({ signer: fx.pki.signerP384, intermediate: fx.pki.intermediate, claims: licenseClaims(INSTALL_ID, exp) }));
    const reasons = await Promise.all(
      ['2026-12-01', '2026-11-30T23:59:59', '2026-12-01T00:00:00', '2026-12-01T01:00:00+02:00', '2026-12-01T00:59:59+01:00', '2026-11-30T23:59:59.999Z'].map(
        async (instant) => json<VerdictJson>(await runAklm(['verify', file, '--root', fx.root, '--at', instant, '--json'])).reason,
      ),
    );
    expect(reasons).toEqual(['expired', 'ok', 'expired', 'ok', 'ok', 'ok']);
  });
});

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
      expect(lines.some((line) => new RegExp(`^  ${name}\\s+${name === 'install_id' ? 'skipped' : 'pass'}\\s`).test(line))).toBe(true);
    }
    expect(run.stdout).toMatch(/name:\s+Acme Corp/);
    expect(run.stdout).toMatch(/internal users:\s+100/);
    expect(run.stdout).toMatch(/expires \(UTC\):\s+2027-11-29T12:00:00Z/);
    expect(run.stdout).toMatch(/expires \(local\):\s+2027-11-29 21:00:00 UTC\+09:00$/m);
    expect(run.stdout).toMatch(/days left:\s+365/);
    expect(run.stdout).toContain(keyFingerprint(validKey));
    expect(run.stdout).toContain(`authentik rules: ${NEWEST_ASSUMED}\n`);
  });

  it('marks the failed check, the ones not run, and an expired key\'s days', async () => {
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

it('lists every reason the contract names', () => {
  expect([...VERDICT_REASONS]).toEqual(['ok', 'malformed', 'unsupported_algorithm', 'untrusted_chain', 'bad_signature', 'install_id_mismatch', 'expired', 'not_yet_valid']);
});
