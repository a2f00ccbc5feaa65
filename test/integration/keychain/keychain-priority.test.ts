import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the test keychain under load', () => {
  it('runs its keyring daemon ahead of the tests where allowed (as root, as CI runs), at ordinary priority elsewhere', () => {
    // The app's Secret Service client gives each call 2 s; a starved daemon would be left mid-call and abort.
    const run = spawnSync(
      process.execPath,
      ['test/setup/with-keychain.js', 'sh', '-c', 'ps -o ni= -p "$AKLM_KEYRING_DAEMON_PID"'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status).toBe(0);
    const privileged = process.getuid?.() === 0;
    expect(run.stdout.trim()).toBe(privileged ? '-10' : '0');
  });
});
