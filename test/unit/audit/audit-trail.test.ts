import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, lineHash } from '../../../main/audit/audit-chain';
import { auditHeadAccount, AuditWriteError, fileAuditTrail, type NewAuditEntry } from '../../../main/audit/audit-trail';
import type { SecretStore } from '../../../main/secrets/secret-store';

const root = mkdtempSync(join(tmpdir(), 'aklm-audit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const folder = (): string => join(root, `data-${++folders}`);

/** The keychain's part the trail uses, in memory; `failSet` makes recording a head fail as a locked keychain would. */
function memoryKeychain(
  options: { failSet?: boolean } = {},
): Pick<SecretStore, 'get' | 'set'> & { heads: Map<string, string> } {
  const heads = new Map<string, string>();
  return {
    heads,
    get: async (account) => heads.get(account) ?? null,
    set: async (account, secret) => {
      if (options.failSet === true) throw new Error('The Secret Service keyring is locked');
      heads.set(account, secret);
    },
  };
}

const entry = (detail: string): NewAuditEntry => ({
  time: '2026-05-01T12:00:00.000Z',
  actor: { kind: 'os', name: 'alice' },
  action: 'license.install',
  target: { instance: { id: null, name: null, url: 'https://auth.example.com' } },
  fingerprint: `sha256:${'cd'.repeat(32)}`,
  result: 'attempted',
  detail,
  op: 'op-1',
});

describe('the audit trail file', () => {
  it("appends chained lines to a 0600 audit.jsonl, the newest hash in the keychain under the folder's own account", async () => {
    const dir = folder();
    const keychain = memoryKeychain();
    const trail = fileAuditTrail(dir, keychain);
    await trail.append(entry('one'));
    await trail.append(entry('two'));

    const file = join(dir, 'audit.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0] ?? '')).toEqual({ v: 1, ...entry('one'), prev: GENESIS_HASH });
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ detail: 'two', prev: lineHash(lines[0] ?? '') });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect([...keychain.heads]).toEqual([[`audit:head:${dir}`, lineHash(lines[1] ?? '')]]);
    expect(auditHeadAccount(`${dir}/.`)).toBe(`audit:head:${dir}`);
    expect(await trail.read()).toMatchObject({
      lines: lines.slice(0, 2),
      verification: { state: 'intact', entries: 2 },
    });
  });

  it("chains a new entry onto the keychain's head, not the file's last line, so a deletion stays visible", async () => {
    const dir = folder();
    const trail = fileAuditTrail(dir, memoryKeychain());
    await trail.append(entry('one'));
    await trail.append(entry('two'));
    const file = join(dir, 'audit.jsonl');
    const [first] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${first}\n`);
    expect((await trail.read()).verification).toMatchObject({ state: 'altered' });

    await trail.append(entry('three'));
    expect((await trail.read()).verification).toMatchObject({
      state: 'altered',
      firstAltered: 1,
      message: expect.stringContaining('Entry 2 does not follow entry 1'),
    });
  });

  it('takes the line back when its hash cannot be recorded, and says why', async () => {
    const dir = folder();
    const keychain = memoryKeychain();
    await fileAuditTrail(dir, keychain).append(entry('kept'));
    const before = readFileSync(join(dir, 'audit.jsonl'), 'utf8');

    const locked = { ...keychain, set: memoryKeychain({ failSet: true }).set };
    const failure = await fileAuditTrail(dir, locked)
      .append(entry('lost'))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuditWriteError);
    expect((failure as AuditWriteError).refusal()).toMatch(
      /could not be written: The Secret Service keyring is locked\. Nothing was done, since every change is recorded before it is made/,
    );
    expect(readFileSync(join(dir, 'audit.jsonl'), 'utf8')).toBe(before);
    expect((await fileAuditTrail(dir, keychain).read()).verification).toMatchObject({ state: 'intact', entries: 1 });
  });

  it('refuses to write where the file cannot be opened, and records no head', async () => {
    const dir = folder();
    // A folder in the file's place: unwritable even for root, which file modes do not stop.
    mkdirSync(join(dir, 'audit.jsonl'), { recursive: true });
    const keychain = memoryKeychain();
    await expect(fileAuditTrail(dir, keychain).append(entry('lost'))).rejects.toThrow(/could not be written: EISDIR/);
    expect(keychain.heads.size).toBe(0);
  });

  it('is unverifiable, not altered, when the file or the keychain cannot be read', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'audit.jsonl'), { recursive: true });
    expect((await fileAuditTrail(dir, memoryKeychain()).read()).verification).toMatchObject({
      state: 'unverifiable',
      message: expect.stringContaining('EISDIR'),
    });

    const other = folder();
    const keychain = memoryKeychain();
    await fileAuditTrail(other, keychain).append(entry('one'));
    const unreachable = { ...keychain, get: () => Promise.reject(new Error('No D-Bus session bus is reachable')) };
    expect(await fileAuditTrail(other, unreachable).read()).toMatchObject({
      lines: [expect.any(String)],
      verification: { state: 'unverifiable', message: expect.stringContaining('No D-Bus session bus') },
    });
  });
});
