import { describe, expect, it } from 'vitest';
import { startLoopbackRedirect, type LoopbackRedirect } from '../../../main/portal/loopback-redirect';
import { PortalError } from '../../../main/portal/portal-error';

const STATE = 'expected-state-value';

function start(overrides: Partial<Parameters<typeof startLoopbackRedirect>[0]> = {}): Promise<LoopbackRedirect> {
  return startLoopbackRedirect({ expectedState: STATE, timeoutMs: 10_000, portalHost: 'portal.example', ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<PortalError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof PortalError)) throw error;
  return error;
}

describe('loopback redirect (RFC 8252 §7.3)', () => {
  it('listens on 127.0.0.1 on a port the system picked, at /callback', async () => {
    const loopback = await start();
    expect(loopback.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(new URL(loopback.redirectUri).port).not.toBe('0');
    await loopback.close();
  });

  it('hands back the URL with the code, and shows a page that echoes nothing of it', async () => {
    const loopback = await start();
    const page = await fetch(`${loopback.redirectUri}?code=secret-code-123&state=${STATE}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('You can close this tab');
    expect(html).not.toContain('secret-code-123');
    expect(html).not.toContain(STATE);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const url = await loopback.response;
    // The token request repeats the redirect URI exactly, port included.
    expect(`${url.origin}${url.pathname}`).toBe(loopback.redirectUri);
    expect(url.searchParams.get('code')).toBe('secret-code-123');
  });

  it('refuses an answer with another state with a 400 page, and goes on waiting for the right one', async () => {
    const loopback = await start();
    let settled = false;
    void loopback.response.then(
      () => (settled = true),
      () => (settled = true),
    );
    const forged = await fetch(`${loopback.redirectUri}?code=forged-code&state=forged`);
    expect(forged.status).toBe(400);
    const html = await forged.text();
    expect(html).toContain('Sign-in refused');
    expect(html).toContain('does not carry the state');
    expect(html).not.toContain('forged');
    // Another local program cannot end the sign-in: the browser's real answer still comes through.
    expect(settled).toBe(false);
    const page = await fetch(`${loopback.redirectUri}?code=real-code&state=${STATE}`);
    expect(page.status).toBe(200);
    expect((await loopback.response).searchParams.get('code')).toBe('real-code');
  });

  it('refuses an answer without a state, or with an empty one, and goes on waiting', async () => {
    const loopback = await start();
    expect((await fetch(`${loopback.redirectUri}?code=abc`)).status).toBe(400);
    expect((await fetch(`${loopback.redirectUri}?code=abc&state=`)).status).toBe(400);
    expect((await fetch(`${loopback.redirectUri}?error=access_denied&state=forged`)).status).toBe(400);
    await fetch(`${loopback.redirectUri}?code=c&state=${STATE}`);
    expect((await loopback.response).searchParams.get('code')).toBe('c');
  });

  it('says at the timeout that it refused answers with another state, if that is all that came', async () => {
    const loopback = await start({ timeoutMs: 300 });
    expect((await fetch(`${loopback.redirectUri}?code=abc&state=forged`)).status).toBe(400);
    const error = await failure(loopback.response);
    expect(error.code).toBe('sign_in_state_mismatch');
    expect(error.message).toMatch(
      /^No answer carrying the state this sign-in sent came back.*an answer with another state was refused.*Nothing was signed in/,
    );
    expect(error.message).not.toContain('abc');
    await expect(fetch(`${loopback.redirectUri}?code=abc&state=${STATE}`)).rejects.toThrow();
  });

  it('says "You declined" for error=access_denied', async () => {
    const loopback = await start();
    const page = await fetch(`${loopback.redirectUri}?error=access_denied&state=${STATE}`);
    expect(await page.text()).toContain('You declined');
    const error = await failure(loopback.response);
    expect(error.code).toBe('sign_in_declined');
    expect(error.message).toMatch(/^You declined the sign-in at portal\.example/);
  });

  it("reports another provider error with the provider's description, made safe for one line", async () => {
    const loopback = await start();
    await fetch(
      `${loopback.redirectUri}?error=server_error&error_description=${encodeURIComponent('boom\nsecond line')}&state=${STATE}`,
    );
    const error = await failure(loopback.response);
    expect(error.code).toBe('sign_in_failed');
    expect(error.message).toContain('server_error: boom second line');
  });

  it('refuses an answer with neither code nor error', async () => {
    const loopback = await start();
    await fetch(`${loopback.redirectUri}?state=${STATE}`);
    const error = await failure(loopback.response);
    expect(error.code).toBe('sign_in_failed');
    expect(error.message).toContain('without an authorization code');
  });

  it('answers other paths 404 and keeps waiting for the callback', async () => {
    const loopback = await start();
    const origin = new URL(loopback.redirectUri).origin;
    expect((await fetch(`${origin}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${loopback.redirectUri}?code=c&state=${STATE}`, { method: 'POST' })).status).toBe(405);
    await fetch(`${loopback.redirectUri}?code=c&state=${STATE}`);
    expect((await loopback.response).searchParams.get('code')).toBe('c');
  });

  it('gives up after the timeout, in words', async () => {
    const loopback = await start({ timeoutMs: 50 });
    const error = await failure(loopback.response);
    expect(error.code).toBe('sign_in_timeout');
    expect(error.message).toMatch(/No answer came back from the browser.*nothing was signed in/);
    await expect(fetch(`${loopback.redirectUri}?code=c&state=${STATE}`)).rejects.toThrow();
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    const loopback = await start({ signal: controller.signal });
    controller.abort();
    const error = await failure(loopback.response);
    expect(error.code).toBe('sign_in_failed');
    expect(error.message).toContain('cancelled');
  });
});
