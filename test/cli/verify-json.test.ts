import { describe, expect, it } from 'vitest';
import { CHECK_NAMES, VERDICT_REASONS } from '../../shared/license/verdict';
import { keyFingerprint } from '../../main/license/fingerprint';
import { AT_SECONDS, INSTALL_ID, OTHER_INSTALL_ID } from '../pki/key-cases';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { json, runAklm } from './run-aklm';
import { at, FIELDS, NEWEST_ASSUMED, verifyFixtures, YEAR, type VerdictJson } from './verify-fixtures';

const { fx, caseKey, validKey, validFile } = await verifyFixtures();

describe('aklm verify --json: the contract', () => {
  it("prints exactly the contract fields for a key made like authentik's, and exits 0", async () => {
    const run = await runAklm([
      'verify',
      validFile,
      '--root',
      fx.root,
      '--install-id',
      INSTALL_ID,
      '--at',
      at,
      '--json',
    ]);
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
      authentik_rules: {
        authentik_version: null,
        releases: 'authentik 2026.5 or later',
        assumed: true,
        basis: NEWEST_ASSUMED,
      },
    });
    expect(Object.keys(verdict.claims ?? {})).toEqual([
      'name',
      'aud',
      'exp',
      'internal_users',
      'external_users',
      'license_flags',
    ]);
    expect(verdict.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(verdict.message.length).toBeGreaterThan(10);
    expect(verdict.checks.map((check) => [check.name, check.ok])).toEqual(CHECK_NAMES.map((name) => [name, true]));
    expect(
      verdict.checks.every((check) => Object.keys(check).join() === 'name,ok,detail' && check.detail.length > 0),
    ).toBe(true);
  });

  it('fails the same key untrusted_chain against the default (real) root, and exits 1', async () => {
    const run = await runAklm(['verify', validFile, '--at', at, '--json']);
    expect(run.code).toBe(1);
    const verdict = json<VerdictJson>(run);
    expect(verdict).toMatchObject({
      valid: false,
      reason: 'untrusted_chain',
      claims_verified: false,
      install_id: INSTALL_ID,
    });
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
  ] as const)(
    'reports %s with the deciding check failed, later ones null, exit 1',
    async (reason, title, installId, oks) => {
      const file = await fx.write(`${reason}.jwt`, caseKey(title));
      const args = [
        'verify',
        file,
        '--root',
        fx.root,
        '--at',
        at,
        '--json',
        ...(installId ? ['--install-id', installId] : []),
      ];
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
    },
  );

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
    expect(unreadable.checks[0]).toEqual({
      name: 'format',
      ok: false,
      detail: 'the "iat" claim "yesterday" is not an integer',
    });
  });

  it("accepts --install-id in any case, normalised to authentik's lower case; the key's aud is compared exactly", async () => {
    const run = await runAklm([
      'verify',
      validFile,
      '--root',
      fx.root,
      '--install-id',
      INSTALL_ID.toUpperCase(),
      '--at',
      at,
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(json<VerdictJson>(run).checks[4]).toEqual({
      name: 'install_id',
      ok: true,
      detail: `the key is for Install ID ${INSTALL_ID}`,
    });
    const shouting = await fx.write(
      'aud-upper.jwt',
      mintKey({
        signer: fx.pki.signerP384,
        intermediate: fx.pki.intermediate,
        claims: licenseClaims(INSTALL_ID.toUpperCase(), AT_SECONDS + YEAR),
      }),
    );
    const mismatch = await runAklm([
      'verify',
      shouting,
      '--root',
      fx.root,
      '--install-id',
      INSTALL_ID.toUpperCase(),
      '--at',
      at,
      '--json',
    ]);
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

it('lists every reason the contract names', () => {
  expect([...VERDICT_REASONS]).toEqual([
    'ok',
    'malformed',
    'unsupported_algorithm',
    'untrusted_chain',
    'bad_signature',
    'install_id_mismatch',
    'expired',
    'not_yet_valid',
  ]);
});
