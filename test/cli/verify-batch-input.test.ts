import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../main/license/fingerprint';
import { AT_SECONDS, INSTALL_ID } from '../pki/key-cases';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { json, runAklm } from './run-aklm';
import { at, FIELDS, verifyFixtures, type VerdictJson } from './verify-fixtures';

const { fx, cases, caseKey, validKey, validFile } = await verifyFixtures();

describe('aklm verify --batch: every case through the built CLI', () => {
  const groups = new Map<string | undefined, typeof cases>();
  for (const entry of cases) groups.set(entry.installId, [...(groups.get(entry.installId) ?? []), entry]);

  it.each([...groups.entries()])(
    'decides every case for --install-id %s as the verifier does',
    async (installId, group) => {
      const input = group.map((entry) => entry.key.replace(/\s/g, '') || 'x').join('\n');
      const args = [
        'verify',
        '--batch',
        '-',
        '--root',
        fx.root,
        '--at',
        at,
        ...(installId ? ['--install-id', installId] : []),
      ];
      const run = await runAklm(args, { stdin: input });
      const lines = run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as VerdictJson);
      expect(lines.map((line) => line.line)).toEqual(group.map((_, index) => index + 1));
      const expected = group.map((entry) => (/^\s*$/.test(entry.key) ? 'malformed' : entry.reason));
      expect(lines.map((line) => line.reason)).toEqual(expected);
      expect(run.code).toBe(expected.every((reason) => reason === 'ok') ? 0 : 1);
    },
  );

  it('numbers physical lines, skips blank ones, accepts --json, reads a file, exits 0 when all are valid', async () => {
    const other = mintKey({
      signer: fx.pki.signerP521,
      intermediate: fx.pki.intermediate,
      claims: licenseClaims(INSTALL_ID, AT_SECONDS + 60),
    });
    const file = await fx.write('batch.txt', `\n${validKey}\r\n   \n${other}\n\n`);
    const run = await runAklm(['verify', '--batch', file, '--root', fx.root, '--at', at, '--json']);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as VerdictJson);
    expect(lines.map((line) => [line.line, line.reason, line.fingerprint])).toEqual([
      [2, 'ok', keyFingerprint(validKey)],
      [4, 'ok', keyFingerprint(other)],
    ]);
    expect(Object.keys(lines[0] ?? {})).toEqual(['line', ...FIELDS]);
  });

  it('exits 1 when any key is invalid', async () => {
    const run = await runAklm(['verify', '--batch', '-', '--root', fx.root, '--at', at], {
      stdin: `${validKey}\nnot-a-key\n`,
    });
    expect(run.code).toBe(1);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as VerdictJson).reason),
    ).toEqual(['ok', 'malformed']);
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
    const file = await fx.write(
      'boundary.jwt',
      mintKey({ signer: fx.pki.signerP384, intermediate: fx.pki.intermediate, claims: licenseClaims(INSTALL_ID, exp) }),
    );
    const reasons = await Promise.all(
      [
        '2026-12-01',
        '2026-11-30T23:59:59',
        '2026-12-01T00:00:00',
        '2026-12-01T01:00:00+02:00',
        '2026-12-01T00:59:59+01:00',
        '2026-11-30T23:59:59.999Z',
      ].map(
        async (instant) =>
          json<VerdictJson>(await runAklm(['verify', file, '--root', fx.root, '--at', instant, '--json'])).reason,
      ),
    );
    expect(reasons).toEqual(['expired', 'ok', 'expired', 'ok', 'ok', 'ok']);
  });
});
