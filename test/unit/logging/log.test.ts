import { describe, expect, it, vi } from 'vitest';
import { createLog } from '../../../main/logging/log';
import { createSecretRedactor } from '../../../main/logging/secret-redactor';
import { createSystemClock } from '../../../main/ports/clock';
import { rememberingSecretStore } from '../../../main/secrets/remembering-secret-store';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { createTestPki } from '../../pki/test-pki';

const pki = await createTestPki();
const KEY = mintKey({
  signer: pki.signerP384,
  intermediate: pki.intermediate,
  claims: licenseClaims('6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44', 1_900_000_000),
});
const TOKEN = 'ak-api-token-7f3e1c9a2b8d4e6f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b';

function captured() {
  const lines: string[] = [];
  const redactor = createSecretRedactor();
  return { lines, redactor, log: createLog((text) => lines.push(text), redactor), all: () => lines.join('\n') };
}

/** The shapes an error carrying a secret arrives in: its message, its cause, an AggregateError's member, its own fields. */
function errorsCarrying(secret: string): unknown[] {
  const withField = Object.assign(new Error('the server refused'), {
    request: { headers: { authorization: `Bearer ${secret}` } },
  });
  return [
    new Error(`rejected ${secret}`),
    new Error('the keychain call failed', { cause: new Error(`item ${secret} is locked`) }),
    new AggregateError([new Error('first try failed'), new TypeError(`bad value ${secret}`)], 'every attempt failed'),
    withField,
    `a thrown string holding ${secret}`,
  ];
}

describe('the app log', () => {
  it.each(errorsCarrying(TOKEN).map((error, index) => [index, error]))(
    'never shows a token the app was told of (shape %i)',
    (_, error) => {
      const { redactor, log, all } = captured();
      redactor.remember(TOKEN);
      log.error('IPC instances:add failed', error);
      expect(all()).toMatch(/^IPC instances:add failed: /);
      expect(all()).toContain('[redacted]');
      expect(all()).not.toContain(TOKEN);
    },
  );

  it.each(errorsCarrying(KEY).map((error, index) => [index, error]))(
    'never shows a license key, even one it was never told of (shape %i)',
    (_, error) => {
      const { log, all } = captured();
      log.error('A scheduled task failed', error);
      expect(all()).toContain('[redacted key]');
      expect(all()).not.toContain(KEY);
      // Not even one part of it: the signature alone would identify the key.
      for (const part of KEY.split('.')) expect(all()).not.toContain(part);
    },
  );

  it('keeps the rest of the error: message, cause and stack, so the log still says what went wrong', () => {
    const { redactor, log, all } = captured();
    redactor.remember(TOKEN);
    log.error(
      'IPC instances:add failed',
      new Error(`refused ${TOKEN}`, { cause: new Error('ECONNRESET while writing') }),
    );
    expect(all()).toContain('Error: refused [redacted]');
    expect(all()).toContain('ECONNRESET while writing');
    expect(all()).toMatch(/at .*log\.test\.ts/);
  });

  it('remembers the token and key fields of a request before its handler runs, trimmed or not', () => {
    const { redactor, log, all } = captured();
    redactor.rememberRequest({ name: 'Prod', url: 'https://auth.example.com', token: `  ${TOKEN}\n` });
    redactor.rememberRequest({ id: '0b1c5e0a-8d0e-4d7e-9a36-7c1f4b0f2a11', key: 'not-a-jwt-but-secret-all-the-same' });
    redactor.rememberRequest(null);
    log.error('failed', new Error(`${TOKEN} / not-a-jwt-but-secret-all-the-same / Prod`));
    expect(all()).toMatch(/^failed: Error: \[redacted\] \/ \[redacted\] \/ Prod\n/);
    expect(all()).not.toContain(TOKEN);
    expect(all()).not.toContain('not-a-jwt-but-secret-all-the-same');
  });

  it('replaces a longer secret whole when a shorter one is part of it', () => {
    const { redactor, log, all } = captured();
    redactor.remember('abcd1234');
    redactor.remember('abcd1234-and-more');
    log.error(`x abcd1234-and-more y`);
    expect(all()).toBe('x [redacted] y');
  });
});

describe('secrets that pass through the keychain', () => {
  function memoryKeychain(entries: Record<string, string>): SecretStore {
    const map = new Map(Object.entries(entries));
    return {
      get: async (account) => map.get(account) ?? null,
      set: async (account, secret) => void map.set(account, secret),
      delete: async (account) => map.delete(account),
      accounts: async () => [...map.keys()],
      entries: async () => new Map(map),
    };
  }

  it('are known to the log once read, written or listed', async () => {
    const { redactor, log, all } = captured();
    const store = rememberingSecretStore(
      memoryKeychain({ 'instance:a': 'token-read-by-get', 'instance:b': 'token-read-by-entries' }),
      redactor,
    );
    await store.get('instance:a');
    await store.entries();
    await store.set('instance:c', 'token-written-by-set');
    expect(await store.get('instance:c')).toBe('token-written-by-set');
    log.error('failed', new Error('token-read-by-get token-read-by-entries token-written-by-set'));
    expect(all()).toMatch(/^failed: Error: \[redacted\] \[redacted\] \[redacted\]\n/);
  });
});

describe('the system clock', () => {
  it('logs a scheduled task that fails, redacted', async () => {
    vi.useFakeTimers();
    try {
      const { redactor, log, lines } = captured();
      redactor.remember(TOKEN);
      createSystemClock(log).after(60_000, async () => {
        throw new Error(`could not clear the clipboard holding ${KEY} for ${TOKEN}`);
      });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^A scheduled task failed: Error: could not clear the clipboard holding \[redacted key\] for \[redacted\]/,
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
