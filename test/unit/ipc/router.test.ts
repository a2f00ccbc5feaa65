import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/channels';
import type { Handlers } from '../../../main/ipc/handlers';
import { IpcError } from '../../../main/ipc/ipc-error';
import { createRouter, type RouterOptions } from '../../../main/ipc/router';
import { createSenderPolicy, type Sender } from '../../../main/ipc/sender';

const FINGERPRINT = `sha256:${'ab'.repeat(32)}`;
const APP = 'app://renderer';
const window1: Sender = { id: 1, url: `${APP}/index.html`, isMainFrame: true };

/** Every channel answers something schema-valid; tests override the ones they look at. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = Object.fromEntries(
    CHANNELS.map((channel) => [channel, vi.fn(async () => Promise.reject(new Error(`${channel} not used`)))]),
  );
  return {
    ...(unused as unknown as Handlers),
    'license:copy-key': vi.fn(async () => ({ clearsAt: '2026-11-29T12:01:00Z' })),
    'license:copy-fingerprint': vi.fn(async () => ({})),
    'portal:open-purchase': vi.fn(async () => ({ url: 'https://customers.goauthentik.io/x' })),
    ...overrides,
  };
}

function router(options: Partial<RouterOptions> = {}) {
  const routes = options.handlers ?? handlers();
  return {
    routes,
    invoke: createRouter({
      handlers: routes,
      isTrusted: createSenderPolicy(APP, new Set([1])),
      outputCheck: 'strict',
      ...options,
    }),
  };
}

describe('IPC router', () => {
  it('passes validated input to the handler and wraps its value in an ok Result', async () => {
    const { invoke, routes } = router();
    expect(await invoke('license:copy-key', { fingerprint: FINGERPRINT }, window1)).toEqual({
      ok: true,
      value: { clearsAt: '2026-11-29T12:01:00Z' },
    });
    expect(routes['license:copy-key']).toHaveBeenCalledWith({ fingerprint: FINGERPRINT });
  });

  it.each([
    ['a missing field', {}],
    ['a wrong type', { fingerprint: 42 }],
    ['a value outside its pattern', { fingerprint: 'sha256:xyz' }],
    ['not an object', 'sha256:abc'],
    ['null', null],
  ])('answers invalid_input for %s, and never calls the handler', async (_, input) => {
    const { invoke, routes } = router();
    const result = await invoke('license:copy-key', input, window1);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(routes['license:copy-key']).not.toHaveBeenCalled();
  });

  it("passes a handler's message per field on with its code (a portal 422), and adds none otherwise", async () => {
    const fields = { postal_code: 'A US ZIP code is 5 digits, or 5+4 (12345-6789)' };
    const { invoke } = router({
      handlers: handlers({
        'license:copy-key': vi.fn(async () =>
          Promise.reject(new IpcError('invalid_input', 'Some fields are not valid.', fields)),
        ),
        'license:copy-fingerprint': vi.fn(async () => Promise.reject(new IpcError('not_found', 'gone'))),
      }),
    });
    expect(await invoke('license:copy-key', { fingerprint: FINGERPRINT }, window1)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Some fields are not valid.', fields },
    });
    expect(await invoke('license:copy-fingerprint', { fingerprint: FINGERPRINT }, window1)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'gone' },
    });
  });

  it('says which field was wrong', async () => {
    const { invoke } = router();
    const result = await invoke('portal:open-purchase', { installId: 'nope' }, window1);
    expect(result.ok === false && result.error.message).toMatch(/^installId: an Install ID is a UUID/);
  });

  it.each([
    ['an unknown webContents', { ...window1, id: 2 }],
    ['a sub-frame of the app window', { ...window1, isMainFrame: false }],
    ['another origin', { ...window1, url: 'https://evil.example/' }],
    ['a file: page', { ...window1, url: 'file:///tmp/index.html' }],
    ['an unknown frame URL', { ...window1, url: null }],
  ])('answers forbidden to %s, before looking at the input', async (_, sender) => {
    const { invoke, routes } = router();
    expect(await invoke('license:copy-key', { fingerprint: FINGERPRINT }, sender)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(routes['license:copy-key']).not.toHaveBeenCalled();
  });

  it('answers unknown_channel for names outside the contract', async () => {
    const { invoke } = router();
    for (const channel of ['secrets:get-token', '__proto__', 42, undefined]) {
      expect(await invoke(channel, {}, window1)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it("passes a handler's IpcError through with its stable code and message", async () => {
    const { invoke } = router({
      handlers: handlers({
        'license:copy-key': async () => {
          throw new IpcError('not_found', 'That key is no longer held by the app.');
        },
      }),
    });
    expect(await invoke('license:copy-key', { fingerprint: FINGERPRINT }, window1)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That key is no longer held by the app.' },
    });
  });

  it('turns an unexpected throw into internal_error without leaking its message, and reports it', async () => {
    const onInternalError = vi.fn();
    const { invoke } = router({
      onInternalError,
      handlers: handlers({
        'license:copy-key': async () => {
          throw new Error('ENOENT /home/user/secret-token');
        },
      }),
    });
    const result = await invoke('license:copy-key', { fingerprint: FINGERPRINT }, window1);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(result)).not.toContain('secret-token');
    expect(onInternalError).toHaveBeenCalledWith('license:copy-key', expect.any(Error));
  });

  it('in strict mode refuses a handler output with a field beyond its schema, so no token can leak', async () => {
    const leaky = handlers({
      'license:copy-key': async () => ({ clearsAt: '2026-11-29T12:01:00Z', token: 'ak-secret' }) as never,
    });
    const strict = await router({ handlers: leaky }).invoke('license:copy-key', { fingerprint: FINGERPRINT }, window1);
    expect(strict).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(strict)).not.toContain('ak-secret');
    const stripped = await router({ handlers: leaky, outputCheck: 'strip' }).invoke(
      'license:copy-key',
      { fingerprint: FINGERPRINT },
      window1,
    );
    expect(stripped).toEqual({ ok: true, value: { clearsAt: '2026-11-29T12:01:00Z' } });
  });

  it('refuses an output that does not match its schema in either mode', async () => {
    const wrong = handlers({ 'license:copy-key': async () => ({ clearsAt: 'tomorrow' }) });
    for (const outputCheck of ['strict', 'strip'] as const) {
      expect(
        await router({ handlers: wrong, outputCheck }).invoke(
          'license:copy-key',
          { fingerprint: FINGERPRINT },
          window1,
        ),
      ).toMatchObject({
        ok: false,
        error: { code: 'internal_error' },
      });
    }
  });

  it('routes every channel of the contract to its own handler', async () => {
    const { invoke, routes } = router();
    await invoke('license:copy-fingerprint', { fingerprint: FINGERPRINT }, window1);
    await invoke('portal:open-purchase', { installId: '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44' }, window1);
    expect(routes['license:copy-fingerprint']).toHaveBeenCalledTimes(1);
    expect(routes['portal:open-purchase']).toHaveBeenCalledTimes(1);
    for (const channel of CHANNELS.filter(
      (name) => name !== 'license:copy-fingerprint' && name !== 'portal:open-purchase',
    )) {
      expect(routes[channel]).not.toHaveBeenCalled();
    }
  });
});
