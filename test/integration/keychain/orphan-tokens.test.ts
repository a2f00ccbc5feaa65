import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { instanceAccount } from '../../../main/secrets/secret-store';
import { PRIVATE_KEYCHAIN, runChild, tempDataDirs } from './keychain-fixtures';
import type { OrphanChildInput } from './orphan-cleanup-child';
import { vaultJson } from './vault-reader';

const CHILD = fileURLToPath(new URL('./orphan-cleanup-child.ts', import.meta.url));
const dataDir = tempDataDirs();

describe('instances:delete-orphaned-tokens', () => {
  // In a keychain of its own, so that all it holds afterwards can be checked: the folder's vault key, and the
  // other folder's entry the clean-up must not touch.
  it("deletes exactly the vault's instance tokens no saved instance owns, never a portal account's, a saved instance's or a keychain entry", async () => {
    const input: OrphanChildInput = {
      dataDir: await dataDir(),
      savedId: randomUUID(),
      orphanId: randomUUID(),
      foreignId: randomUUID(),
    };
    const result = await runChild<Record<string, unknown>>(CHILD, input, { wrapper: PRIVATE_KEYCHAIN });

    const saved = instanceAccount(input.savedId);
    const orphan = instanceAccount(input.orphanId);
    expect(result).toEqual({
      ok: true,
      before: [orphan, saved, 'portal:default'].sort(),
      audit: { ok: true, value: { orphanedAccounts: [orphan], missingTokens: [] } },
      cleanup: { ok: true, value: { deleted: 1 } },
      again: { ok: true, value: { deleted: 0 } },
      after: [saved, 'portal:default'].sort(),
      saved: 'token-of-the-saved-instance',
      keychain: expect.arrayContaining([
        instanceAccount(input.foreignId),
        `vault-key:${vaultJson(input.dataDir)?.folderId}`,
      ]),
    });
    expect(result.keychain).not.toContain(orphan);
    // A child process with its own D-Bus session and keyring takes several seconds to start.
  }, 60_000);
});
