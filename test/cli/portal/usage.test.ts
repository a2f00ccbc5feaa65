import { describe, expect, it } from 'vitest';
import { runAklm } from '../run-aklm';

describe('aklm portal: help and usage errors', () => {
  it('lists the portal commands in aklm --help', async () => {
    const run = await runAklm(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('aklm portal  login [--portal URL]');
    expect(run.stdout).toContain('aklm portal  invite --org ORG --email EMAIL --role owner|member');
  });

  it('prints its own help for aklm portal --help and for any subcommand with --help', async () => {
    for (const args of [
      ['portal', '--help'],
      ['portal', 'licenses', '--help'],
      ['portal', 'help'],
    ]) {
      const run = await runAklm(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^aklm portal: the customer portal \(Portal API v1\)\n/);
      expect(run.stdout).toContain('Exit codes: 0 done, 1 refused by the portal');
    }
  });

  it('exits 2 with words for a missing or unknown subcommand, an unknown flag, or stray arguments', async () => {
    const cases: [string[], string][] = [
      [
        ['portal'],
        'aklm: portal needs a subcommand: login, logout, orgs, licenses or invite (try: aklm portal --help)\n',
      ],
      [
        ['portal', 'delete'],
        'aklm: unknown portal subcommand "delete"; the subcommands are login, logout, orgs, licenses and invite (try: aklm portal --help)\n',
      ],
      [['portal', 'orgs', '--org', 'x'], "aklm: Unknown option '--org'\n"],
      [['portal', 'logout', 'alice'], 'aklm: portal logout takes no arguments, got "alice"\n'],
      [
        ['portal', 'invite', '--org', 'Acme Corp', '--role', 'member'],
        'aklm: portal invite needs --email EMAIL: the address to send the invitation to\n',
      ],
    ];
    for (const [args, stderr] of cases) {
      const run = await runAklm(args, { env: { AKLM_DATA_DIR: '/nonexistent/aklm-usage-test' } });
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 2, stderr });
    }
  });
});
