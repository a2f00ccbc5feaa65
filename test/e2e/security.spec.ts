import { createServer, type Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import WebSocket from 'ws';
import { expect, INSTALL_ID, test } from './fixtures';

/** A loopback server offering a script, to prove the CSP (not the network) stops remote scripts. */
async function scriptServer(): Promise<{ url: string; hits: () => number; close: () => void }> {
  let hits = 0;
  const server: Server = createServer((_request, response) => {
    hits += 1;
    response
      .writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' })
      .end('window.__remote = true;');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}/evil.js`, hits: () => hits, close: () => server.close() };
}

test('the renderer is served with the production Content-Security-Policy, plus the bridge socket only', async ({
  page,
  bridge,
}) => {
  const response = await page.goto(`${bridge.url}/`);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain(`connect-src 'self' ws://${new URL(bridge.url).host}`);
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('unsafe-inline');
});

test("inline, remote and eval'd scripts are blocked", async ({ app }) => {
  const remote = await scriptServer();
  try {
    const outcome = await app.evaluate(async (remoteUrl) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const inline = document.createElement('script');
      inline.textContent = 'window.__inline = true;';
      document.head.append(inline);
      const external = document.createElement('script');
      external.src = remoteUrl;
      const loaded = new Promise<string>((resolve) => {
        external.onload = () => resolve('loaded');
        external.onerror = () => resolve('blocked');
      });
      document.head.append(external);
      const remoteOutcome = await loaded;
      let evalOutcome = 'ran';
      try {
        (0, eval)('window.__eval = true');
      } catch (error) {
        evalOutcome = (error as Error).name;
      }
      let functionOutcome = 'ran';
      try {
        new Function('window.__function = true')();
      } catch (error) {
        functionOutcome = (error as Error).name;
      }
      // Violation reports arrive as tasks of their own: wait for both kinds (or 5 s, so a missing one fails, not hangs).
      const deadline = Date.now() + 5_000;
      while (!['script-src-elem', 'script-src'].every((kind) => violations.includes(kind)) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const flags = window as unknown as Record<string, unknown>;
      return {
        remoteOutcome,
        evalOutcome,
        functionOutcome,
        ran: ['__inline', '__remote', '__eval', '__function'].filter((name) => flags[name] === true),
        violations,
      };
    }, remote.url);
    expect(outcome.ran).toEqual([]);
    expect(outcome.remoteOutcome).toBe('blocked');
    expect(outcome.evalOutcome).toBe('EvalError');
    expect(outcome.functionOutcome).toBe('EvalError');
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src']));
    expect(remote.hits()).toBe(0);
  } finally {
    remote.close();
  }
});

test("the bridge applies the app's sender rules: foreign origins are refused, sub-frames are forbidden", async ({
  app,
  bridge,
}) => {
  const foreign = new WebSocket(`${bridge.url.replace('http', 'ws')}/ipc`, { origin: 'http://evil.example' });
  const closeCode = await new Promise<number>((resolve) => foreign.on('close', (code) => resolve(code)));
  expect(closeCode).toBe(1008);

  const answer = await app.evaluate(async () => {
    const socket = new WebSocket(`ws://${location.host}/ipc`);
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
    const reply = new Promise<string>((resolve) =>
      socket.addEventListener('message', (message) => resolve(String(message.data)), { once: true }),
    );
    socket.send(
      JSON.stringify({ id: 1, channel: 'license:verify-key', input: { key: 'x', installId: null }, frame: 'sub' }),
    );
    return JSON.parse(await reply) as { result: { ok: boolean; error?: { code: string } } };
  });
  expect(answer.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('the page cannot reach channels outside the contract, and bad input never reaches a handler', async ({ app }) => {
  const results = await app.evaluate(async (installId) => {
    const { api } = window as unknown as {
      api: {
        invoke(channel: string, input: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }>;
      };
    };
    return {
      unknown: await api.invoke('secrets:read-token', {}),
      badInput: await api.invoke('license:verify-key', { key: 42, installId }),
      badInstallId: await api.invoke('license:verify-key', { key: 'a.b.c', installId: 'not-a-uuid' }),
      extraField: await api.invoke('license:copy-fingerprint', { fingerprint: 'sha256:nope' }),
    };
  }, INSTALL_ID);
  expect(results.unknown.error?.code).toBe('unknown_channel');
  expect(results.badInput.error?.code).toBe('invalid_input');
  expect(results.badInstallId.error).toMatchObject({ code: 'invalid_input' });
  expect(results.badInstallId.error?.message).toContain('installId');
  expect(results.extraField.error?.code).toBe('invalid_input');
});

test('the Instances and Verify screens have no serious accessibility violations, before and after a verdict', async ({
  app,
  keys,
}) => {
  const serious = async (): Promise<string[]> =>
    (await new AxeBuilder({ page: app }).analyze()).violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
      );
  expect(await serious()).toEqual([]);
  await app.getByRole('link', { name: 'Verify a key' }).click();
  expect(await serious()).toEqual([]);
  await app.getByLabel('License key', { exact: true }).fill(keys.valid);
  await app.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Valid license key' })).toBeVisible();
  expect(await serious()).toEqual([]);
});
