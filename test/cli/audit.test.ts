import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, lineHash } from '../../main/audit/audit-chain';
import { auditHeadAccount } from '../../main/audit/audit-trail';
import { keyFingerprint } from '../../main/license/fingerprint';
import { keyringSecretStore } from '../../main/secrets/keyring-secret-store';
import { keychainLookup, requireKeychain, tempDataDirs } from '../integration/keychain/keychain-fixtures';
import { instanceFixtures, TOKEN } from './instance-fixtures';
import { json, runAklm } from './run-aklm';

requireKeychain();
const fx = await instanceFixtures();
const dataDirs = tempDataDirs();
const heads: string[] = [];
afterAll(async () => {
  for (const account of heads) await keyringSecretStore().delete(account);
});

interface AuditJson {
  state: string;
  entries: number;
  first_altered: number | null;
  message: string;
  trail?: { line: number; entry: Record<string, unknown> | null }[];
}

/** A data folder whose trail holds three installs (attempt and outcome each), made by `aklm install` itself. */
async function threeInstalls() {
  const dir = await dataDirs();
  heads.push(auditHeadAccount(dir));
  const env = { AKLM_DATA_DIR: dir };
  const sim = await fx.sim();
  const keys = [30, 60, 90].map((days) => fx.key(sim.installId, days, { name: `Acme ${days}` }));
  for (const [index, key] of keys.entries()) {
    const file = await fx.write(`audit-${index}-${Math.random().toString(36).slice(2)}.jwt`, key);
    expect((await fx.aklm(['install', file, '--url', sim.url, '--json'], { env })).code).toBe(0);
  }
  const file = join(dir, 'audit.jsonl');
  const verify = async () => {
    const run = await runAklm(['audit', '--verify', '--json'], { env });
    return { code: run.code, report: json<AuditJson>(run) };
  };
  return { dir, env, sim, keys, file, text: await readFile(file, 'utf8'), verify };
}

const linesOf = (text: string): string[] => text.split('\n').filter((line) => line !== '');

describe('aklm audit', () => {
  it('after three installs: six chained entries naming the OS user, the instance and each key by fingerprint only; --verify exits 0', async () => {
    const { env, sim, keys, file, text, verify } = await threeInstalls();
    expect(await verify()).toEqual({
      code: 0,
      report: { state: 'intact', entries: 6, first_altered: null, message: expect.stringContaining('6 entries') },
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    for (const key of keys) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(key.split('.')[2]);
    }
    expect(text).not.toContain(TOKEN);

    const listed = await runAklm(['audit', '--json'], { env });
    expect(listed.code).toBe(0);
    const entries = json<AuditJson>(listed).trail?.map(({ entry }) => entry) ?? [];
    expect(entries.map((entry) => [entry?.action, entry?.result, entry?.fingerprint])).toEqual(
      keys.flatMap((key) => [
        ['license.install', 'attempted', keyFingerprint(key)],
        ['license.install', 'succeeded', keyFingerprint(key)],
      ]),
    );
    expect(entries[1]).toMatchObject({
      actor: { kind: 'os', name: userInfo().username },
      target: { instance: { id: null, name: null, url: sim.url }, license_name: 'Acme 30' },
    });
    expect(JSON.parse(linesOf(text)[0] ?? '')).toMatchObject({ prev: GENESIS_HASH });
    expect(keychainLookup(auditHeadAccount(env.AKLM_DATA_DIR))).toBe(lineHash(linesOf(text)[5] ?? ''));

    const plain = await runAklm(['audit'], { env });
    expect(plain.stdout.split('\n')[1]).toMatch(
      new RegExp(
        `^#2  \\S+Z  ${userInfo().username} \\(this computer\\)  license\\.install  succeeded  ${sim.url.replace(/[.:/]/g, '\\$&')}, license "Acme 30"`,
      ),
    );
    expect(plain.stdout.trim().split('\n').at(-1)).toMatch(/^INTACT: 6 entries/);
  });

  it('exits 1 after a line is changed, deleted or inserted, or the file is rewritten whole with a fresh chain', async () => {
    const { file, text, verify } = await threeInstalls();
    const lines = linesOf(text);
    const tampered = async (changed: string[]) => {
      await writeFile(file, `${changed.join('\n')}\n`);
      const run = await verify();
      await writeFile(file, text);
      return run;
    };

    const changed = [...lines];
    changed[1] = (changed[1] ?? '').replace('"Acme 30"', '"Acme 300"');
    expect(changed[1]).not.toBe(lines[1]);
    expect(await tampered(changed)).toMatchObject({ code: 1, report: { state: 'altered', first_altered: 2 } });

    expect(await tampered(lines.filter((_, index) => index !== 3))).toMatchObject({
      code: 1,
      report: { state: 'altered', first_altered: 3 },
    });
    expect(await tampered(lines.slice(0, 5))).toMatchObject({
      code: 1,
      report: { state: 'altered', message: expect.stringContaining('removed from the end') },
    });

    const forged = JSON.stringify({ ...JSON.parse(lines[1] ?? ''), result: 'refused', prev: lineHash(lines[1] ?? '') });
    expect(await tampered([...lines.slice(0, 2), forged, ...lines.slice(2)])).toMatchObject({
      code: 1,
      report: { state: 'altered', first_altered: 3 },
    });

    // A fresh, self-consistent chain from 64 zeros, every entry as before but one: only the keychain's head gives it away.
    let prev = GENESIS_HASH;
    const rewritten = lines.map((line, index) => {
      const next = JSON.stringify({ ...JSON.parse(line), ...(index === 4 ? { result: 'failed' } : {}), prev });
      prev = lineHash(next);
      return next;
    });
    expect(await tampered(rewritten)).toMatchObject({
      code: 1,
      report: { state: 'altered', first_altered: null, message: expect.stringContaining('replaced whole') },
    });

    expect(await verify()).toMatchObject({ code: 0, report: { state: 'intact' } });
  });

  it('does not install, and sends nothing, when the trail cannot be written', async () => {
    const dir = await dataDirs();
    heads.push(auditHeadAccount(dir));
    // A folder where the file belongs: no process, root included, can append to it.
    await mkdir(join(dir, 'audit.jsonl'));
    const sim = await fx.sim();
    const key = await fx.write('unrecorded.jwt', fx.key(sim.installId, 365));
    const run = await fx.aklm(['install', key, '--url', sim.url, '--json'], { env: { AKLM_DATA_DIR: dir } });
    expect(run.code).toBe(3);
    expect(json(run)).toMatchObject({
      installed: false,
      reason: 'audit_unwritable',
      message: expect.stringMatching(
        /audit\.jsonl could not be written: EISDIR.* Nothing was sent, since every change is recorded before it is made/,
      ),
    });
    expect(sim.requests).toEqual([]);
    expect(sim.installed()).toEqual([]);

    await rm(join(dir, 'audit.jsonl'), { recursive: true });
    const verified = await runAklm(['audit', '--verify'], { env: { AKLM_DATA_DIR: dir } });
    expect(verified).toMatchObject({ code: 0, stdout: 'INTACT: No entries yet.\n' });
  });

  it('exits 3 for a usage error', async () => {
    const run = await runAklm(['audit', '--everything']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^aklm: Unknown option '--everything'/);
  });
});
