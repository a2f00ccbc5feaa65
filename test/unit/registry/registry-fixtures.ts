import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { LastStatus } from '../../../main/registry/instance-record';

/** A fresh data folder per test (its parent is removed after the test). */
export function tempDataDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const parent = await mkdtemp(join(tmpdir(), 'aklm-registry-'));
    made.push(parent);
    return join(parent, 'authentik License Manager');
  };
}

/** What a successful read of a healthy instance leaves as its last known status. */
export function lastStatus(overrides: Partial<LastStatus> = {}): LastStatus {
  return {
    at: '2026-11-29T07:00:00.000Z',
    exit: 0,
    status: 'valid',
    statusCached: 'valid',
    latestValid: '2027-06-01T00:00:00Z',
    licensed: { internalUsers: 100, externalUsers: 1000 },
    usage: { internalUsers: 40, externalUsers: 200 },
    flags: [],
    warnings: [],
    ...overrides,
  };
}
