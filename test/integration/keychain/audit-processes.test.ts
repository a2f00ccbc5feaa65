import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { auditHeadAccount, fileAuditTrail } from '../../../main/audit/audit-trail';
import { keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { requireKeychain, runChild, tempDataDirs } from './keychain-fixtures';

requireKeychain();
const dataDirs = tempDataDirs();
const CHILD = fileURLToPath(new URL('./audit-append-child.ts', import.meta.url));
const keychain = keyringSecretStore();
const heads: string[] = [];
afterAll(async () => {
  for (const account of heads) await keychain.delete(account);
});

describe('one audit trail, written by several processes at once', () => {
  it('keeps every entry of each, in one unbroken chain', async () => {
    const dir = await dataDirs();
    heads.push(auditHeadAccount(dir));
    const trail = fileAuditTrail(dir, keychain);
    const COUNT = 15;
    const here = (async () => {
      for (let index = 0; index < COUNT; index++) {
        await trail.append({
          time: new Date().toISOString(),
          actor: { kind: 'os', name: 'app' },
          action: 'instance.remove',
          target: {},
          fingerprint: null,
          result: 'attempted',
          detail: null,
          op: `app-${index}`,
        });
      }
    })();
    const children = ['cli-a', 'cli-b'].map((name) =>
      runChild<{ ok: boolean; message?: string }>(CHILD, { dataDir: dir, name, count: COUNT }),
    );
    expect(await Promise.all(children)).toEqual([{ ok: true }, { ok: true }]);
    await here;

    const { lines, verification } = await trail.read();
    expect(verification).toEqual({
      state: 'intact',
      entries: 3 * COUNT,
      firstAltered: null,
      message: expect.any(String),
    });
    const ops = lines.map((line) => (JSON.parse(line) as { op: string }).op);
    for (const name of ['app', 'cli-a', 'cli-b']) {
      // Each process's entries, all there, in the order it wrote them.
      expect(ops.filter((op) => op.startsWith(`${name}-`))).toEqual(
        Array.from({ length: COUNT }, (_, index) => `${name}-${index}`),
      );
    }
  });
});
