import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { instanceAccount } from '../../../main/secrets/secret-store';
import { PRIVATE_KEYCHAIN, runChild, tempDataDirs } from './keychain-fixtures';
import type { OrphanChildInput } from './orphan-cleanup-child';

const CHILD = fileURLToPath(new URL('./orphan-cleanup-child.ts', import.meta.url));
const dataDir = tempDataDirs();

describe('instances:delete-orphaned-tokens', () => {
  // Deleting orphans touches every entry of the service, so it runs against a keychain of its own: the
  // other test files' entries in the shared one belong to registries this test cannot see.
  it('deletes exactly the instance entries no saved instance owns, never a portal entry or a saved instance\'s token', async () => {
    const input: OrphanChildInput = { dataDir: await dataDir(), savedId: randomUUID(), orphanId: randomUUID() };
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
    });
    // A child process with its own D-Bus session and keyring takes several seconds to start.
  }, 60_000);
});
