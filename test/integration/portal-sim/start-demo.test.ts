import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runAklm } from '../../cli/run-aklm';
import { SEED } from '../../sim/portal';

const SCRIPT = fileURLToPath(new URL('../../sim/start-demo.ts', import.meta.url));
/** Starting means compiling the script with tsx and seeding: give a busy machine time. */
const STARTUP_MS = 60_000;

interface Demo {
  child: ChildProcess;
  /** Everything printed on stdout so far. */
  output(): string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Runs `npm run sim`'s script as npm does (node --import tsx) and waits for its "Stop with" line. */
async function startDemo(): Promise<Demo> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await expect
    .poll(() => stdout, { timeout: STARTUP_MS })
    .toContain(`Stop with Ctrl-C (or SIGTERM to process ${child.pid}).`);
  return { child, output: () => stdout, exited };
}

function printed(output: string, pattern: RegExp): string {
  const match = pattern.exec(output);
  if (match?.[1] === undefined) throw new Error(`not printed: ${String(pattern)}\n${output}`);
  return match[1];
}

describe('npm run sim: the simulators on their own, for a demo', () => {
  it(
    'prints where the portal and authentik simulators listen, the demo users and how to use them, and stops on SIGTERM',
    { timeout: 2 * STARTUP_MS },
    async () => {
      const demo = await startDemo();
      const out = demo.output();
      const portalUrl = printed(out, /^Customer portal\s+(http:\/\/127\.0\.0\.1:\d+)$/m);

      const config = await (await fetch(`${portalUrl}/api/v1/config`)).json();
      expect(config).toEqual({
        api_version: '1',
        oidc_issuer: `${portalUrl}/oidc`,
        client_id: 'authentik-license-manager',
        support_url: `${portalUrl}/support`,
      });
      expect(out).toContain(`OIDC issuer     ${portalUrl}/oidc`);
      expect(out).toContain('Demo users (password: portal-demo):');
      expect(out).toMatch(
        new RegExp(
          `^  ${SEED.users.alice.email}\\s+${SEED.users.alice.name}\\s+Acme Corp \\(owner\\), Globex Inc\\. \\(member\\)$`,
          'm',
        ),
      );
      expect(out).toMatch(
        new RegExp(`^  ${SEED.users.erin.email}\\s+${SEED.users.erin.name}\\s+no organization$`, 'm'),
      );
      expect(out).toContain(`AKLM_PORTAL_URL=${portalUrl} npm start`);
      expect(out).toContain(`AKLM_PORTAL_URL=${portalUrl} node dist/cli/aklm.js portal login`);

      // Each authentik simulator answers with the Install ID printed for it, to the printed token.
      const authentiks = [
        ...out.matchAll(
          /^authentik\s+(http:\/\/127\.0\.0\.1:\d+) \(Acme Corp's "(.+)", Install ID ([0-9a-f-]{36})\)$/gm,
        ),
      ];
      expect(authentiks.map((match) => match[2])).toEqual([
        SEED.licenses.acmeProduction.nickname,
        SEED.licenses.acmeEdge.nickname,
      ]);
      const token = printed(out, /^ {2}API token\s+(\S+)$/m);
      for (const [, url, , installId] of authentiks) {
        const answer = await fetch(`${url}/api/v3/enterprise/license/install_id/`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        expect(await answer.json()).toEqual({ install_id: installId });
      }

      // The printed status command works as printed: the portal's key is installed, valid against the test root.
      const rootFile = printed(out, /^Test root\s+(\S+)$/m);
      expect(readFileSync(rootFile, 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
      const status = /^ {2}AKLM_TOKEN=(\S+) node dist\/cli\/aklm\.js (status .+)$/m.exec(out);
      expect(status?.[1]).toBe(token);
      const run = await runAklm((status?.[2] ?? '').split(' '), { env: { AKLM_TOKEN: status?.[1] ?? '' } });
      expect(run.stdout).toMatch(/^AKLM OK - valid/);
      expect(run.code).toBe(0);

      demo.child.kill('SIGTERM');
      expect(await demo.exited).toBe(0);
      expect(demo.output()).toMatch(/Stopping the simulators…\nStopped\.\n$/);
      await expect(fetch(`${portalUrl}/api/v1/config`)).rejects.toThrow();
      for (const [, url] of authentiks)
        await expect(fetch(`${url}/api/v3/enterprise/license/install_id/`)).rejects.toThrow();
      expect(existsSync(rootFile)).toBe(false);
    },
  );

  it('stops cleanly on Ctrl-C (SIGINT) too', { timeout: 2 * STARTUP_MS }, async () => {
    const demo = await startDemo();
    const portalUrl = printed(demo.output(), /^Customer portal\s+(http:\/\/127\.0\.0\.1:\d+)$/m);
    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(0);
    await expect(fetch(`${portalUrl}/api/v1/config`)).rejects.toThrow();
  });
});
