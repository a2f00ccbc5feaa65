import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultTrustRoots } from '../../../main/license/trust-roots';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { createTestPki } from '../../pki/test-pki';
import { startAuthentikSim } from '../../sim/authentik';
import { emptySecrets, INSTALL_ID, invoke, onlyWindow, startReady } from './index-fixtures';

// The composition root's log, run under a recording stand-in for Electron (see index-fixtures.ts).
vi.mock('electron', () => {
  throw new Error('main/index.ts must be loaded through start(), under a fake electron');
});

describe('main/index.ts: the log never shows a token or a license key', () => {
  const TOKEN = 'ak-sentinel-token-3f9c2e7a1b5d4c8e9f0a';

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** What the app wrote to its log (stderr), as text. */
  function captureLog(): () => string {
    const written = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    return () => written.mock.calls.map((args) => args.map(String).join(' ')).join('\n');
  }

  it('a handler failing with the token in its error message and cause logs the failure, not the token', async () => {
    const sim = await startAuthentikSim({
      roots: defaultTrustRoots().certificates,
      tokens: { [TOKEN]: { viewLicense: true } },
    });
    try {
      // A token store that echoes what it was given when it fails, as some libraries do.
      const secrets: SecretStore = {
        ...emptySecrets(),
        set: async (account, secret) => {
          throw new Error(`the Secret Service refused "${secret}" for ${account}`, {
            cause: new Error(`item ${secret} is locked`),
          });
        },
      };
      const log = captureLog();
      const fake = await startReady({ secrets });
      const window = onlyWindow(fake);
      const result = await invoke(fake, 'instances:add', window.webContents.id, {
        name: 'Prod',
        url: sim.url,
        token: TOKEN,
        customer: null,
        tags: [],
        caPem: null,
      });

      expect(result).toMatchObject({ ok: false, error: { code: 'internal_error' } });
      expect(JSON.stringify(result)).not.toContain(TOKEN);
      expect(log()).toContain('IPC instances:add failed');
      expect(log()).toContain('the Secret Service refused "[redacted]"');
      expect(log()).toContain('item [redacted] is locked');
      expect(log()).not.toContain(TOKEN);
    } finally {
      await sim.close();
    }
  });

  it('a handler failing with the license key in its error logs the failure, not the key', async () => {
    const pki = await createTestPki();
    const key = mintKey({
      signer: pki.signerP384,
      intermediate: pki.intermediate,
      claims: licenseClaims(INSTALL_ID, 1_900_000_000),
    });
    const log = captureLog();
    const fake = await startReady();
    const window = onlyWindow(fake);
    // The system clipboard fails, and its error holds the text it was asked to copy.
    fake.clipboard.writeText.mockImplementation((text: string) =>
      Promise.reject(new Error(`the clipboard is busy; not written: ${text}`)),
    );

    const verdict = (await invoke(fake, 'license:verify-key', window.webContents.id, { key, installId: null })) as {
      ok: true;
      value: { fingerprint: string };
    };
    const copied = await invoke(fake, 'license:copy-key', window.webContents.id, {
      fingerprint: verdict.value.fingerprint,
    });

    expect(copied).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(log()).toContain('IPC license:copy-key failed');
    expect(log()).toContain('not written: [redacted');
    for (const part of key.split('.')) expect(log()).not.toContain(part);
  });
});
