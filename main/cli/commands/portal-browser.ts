import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ExternalBrowserPort } from '../../ports/external-browser';
import { isAllowedExternalUrl } from '../../security/open-external';
import { withoutTokenVariables } from '../../security/token-variables';

/** The program and arguments that open `url`: `$BROWSER` when set, else the platform's opener. */
export function browserCommand(
  url: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): { program: string; args: string[] } {
  const configured = (env.BROWSER ?? '')
    .split(platform === 'win32' ? ';' : path.delimiter)
    .find((entry) => entry.trim() !== '');
  if (configured !== undefined && platform !== 'win32') {
    // $BROWSER is a command line (it may hold arguments); the URL goes in as "$1", so the shell never parses it.
    const line = configured.includes('%s') ? configured.replaceAll('%s', '"$1"') : `${configured} "$1"`;
    return { program: '/bin/sh', args: ['-c', line, 'aklm-browser', url] };
  }
  if (configured !== undefined) return { program: configured.trim(), args: [url] };
  if (platform === 'darwin') return { program: 'open', args: [url] };
  // rundll32 hands the URL to the default browser without a shell parsing its `&`s.
  if (platform === 'win32') return { program: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { program: 'xdg-open', args: [url] };
}

/**
 * The system browser for the command line: prints the address first (a person on a headless machine
 * opens it elsewhere), then starts `$BROWSER` or xdg-open/open/rundll32 without waiting for it. A
 * browser that cannot be started is reported, not fatal: the address is on the screen. The browser gets
 * the environment without AKLM_TOKEN or any other token variable: it runs pages and extensions, and lives
 * on long after aklm.
 */
export function commandLineBrowser(env: NodeJS.ProcessEnv, stderr: NodeJS.WritableStream): ExternalBrowserPort {
  return {
    open(url) {
      if (!isAllowedExternalUrl(url))
        return Promise.reject(new Error('the sign-in address is neither https:// nor on this computer'));
      stderr.write(
        `Opening the portal's sign-in page in your browser. If it does not open, open this address yourself:\n  ${url}\n`,
      );
      const { program, args } = browserCommand(url, env);
      const child = spawn(program, args, {
        env: withoutTokenVariables(env),
        stdio: ['ignore', 'ignore', 'inherit'],
        detached: process.platform !== 'win32',
      });
      child.on('error', (error) =>
        stderr.write(`note: the browser could not be started (${error.message}); open the address above yourself.\n`),
      );
      child.on('exit', (code) => {
        if (code !== null && code !== 0)
          stderr.write(
            `note: the browser command exited with code ${code}; if no page opened, open the address above yourself.\n`,
          );
      });
      child.unref();
      return Promise.resolve();
    },
  };
}
