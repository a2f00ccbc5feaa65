import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { browserCommand, commandLineBrowser } from '../../../main/cli/commands/portal-browser';

const URL_WITH_QUERY =
  'https://id.example.com/authorize?client_id=aklm&state=a%20b&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback';

async function waitForFile(file: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (existsSync(file) && readFileSync(file, 'utf8').endsWith('\n')) return readFileSync(file, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the browser command never wrote ${file}`);
}

describe('the command line browser', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('puts the URL where $BROWSER says %s', () => {
    expect(browserCommand(URL_WITH_QUERY, { BROWSER: 'firefox --new-tab %s' }, 'linux')).toEqual({
      program: '/bin/sh',
      args: ['-c', 'firefox --new-tab "$1"', 'aklm-browser', URL_WITH_QUERY],
    });
  });

  it("uses the platform's opener when $BROWSER is not set", () => {
    expect(browserCommand(URL_WITH_QUERY, {}, 'linux')).toEqual({ program: 'xdg-open', args: [URL_WITH_QUERY] });
    expect(browserCommand(URL_WITH_QUERY, {}, 'darwin')).toEqual({ program: 'open', args: [URL_WITH_QUERY] });
    expect(browserCommand(URL_WITH_QUERY, { BROWSER: '' }, 'win32')).toEqual({
      program: 'rundll32',
      args: ['url.dll,FileProtocolHandler', URL_WITH_QUERY],
    });
  });

  it('runs $BROWSER as a command line with the URL as one argument, never parsed by the shell', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aklm-browser-'));
    dirs.push(dir);
    const out = join(dir, 'opened.txt');
    const stderr = new PassThrough();
    let said = '';
    stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    // `&` and `;` in the URL would run other commands if a shell parsed it.
    const url = `${URL_WITH_QUERY}&x=1;touch ${join(dir, 'pwned')}`;
    const script = join(dir, 'browser.sh');
    await writeFile(script, `#!/bin/sh\necho "$1" > ${out}\n`, { mode: 0o755 });
    await commandLineBrowser({ ...process.env, BROWSER: `${script} ` }, stderr).open(url);
    expect(await waitForFile(out)).toBe(`${url}\n`);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(said).toContain(`open this address yourself:\n  ${url}\n`);
  });

  it('starts $BROWSER without AKLM_TOKEN or any other token variable, and with the rest of the environment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aklm-browser-'));
    dirs.push(dir);
    const out = join(dir, 'env.txt');
    const script = join(dir, 'browser.sh');
    // `env` lists the environment the browser really got; the last line marks the file as complete.
    await writeFile(script, `#!/bin/sh\nenv > ${out}.tmp\necho "opened $1" >> ${out}.tmp\nmv ${out}.tmp ${out}\n`, {
      mode: 0o755,
    });
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      BROWSER: script,
      AKLM_TOKEN: 'aklm-token-value-1',
      GITHUB_TOKEN: 'github-token-value-2',
      AWS_SECRET_ACCESS_KEY: 'aws-secret-value-3',
      PGPASSWORD: 'pg-password-value-4',
      DISPLAY: ':7',
      XAUTHORITY: '/run/user/1000/xauth',
      AKLM_PORTAL_URL: 'https://portal.example',
    };
    await commandLineBrowser(env, new PassThrough()).open(URL_WITH_QUERY);
    const seen = await waitForFile(out);
    expect(seen).toContain(`opened ${URL_WITH_QUERY}\n`);
    for (const value of ['aklm-token-value-1', 'github-token-value-2', 'aws-secret-value-3', 'pg-password-value-4'])
      expect(seen).not.toContain(value);
    expect(seen).not.toMatch(/^(AKLM_TOKEN|GITHUB_TOKEN|AWS_SECRET_ACCESS_KEY|PGPASSWORD)=/m);
    for (const kept of [
      'DISPLAY=:7',
      'XAUTHORITY=/run/user/1000/xauth',
      'AKLM_PORTAL_URL=https://portal.example',
      `BROWSER=${script}`,
    ])
      expect(seen).toContain(`${kept}\n`);
  });

  it('refuses to open anything but https or a loopback http address', async () => {
    await expect(
      commandLineBrowser({ BROWSER: 'true' }, new PassThrough()).open('http://evil.example/authorize'),
    ).rejects.toThrow('neither https');
    await expect(
      commandLineBrowser({ BROWSER: 'true' }, new PassThrough()).open('file:///etc/passwd'),
    ).rejects.toThrow();
  });
});
