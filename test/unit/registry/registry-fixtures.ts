import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { InstanceRecord } from '../../../main/registry/instance-record';

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

export function record(overrides: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    id: randomUUID(),
    name: 'Prod',
    url: 'https://auth.example.com',
    customer: null,
    tags: [],
    caPem: null,
    lastInstallId: null,
    lastVersion: null,
    lastRefresh: null,
    overCapacitySince: null,
    previousInstallId: null,
    ...overrides,
  };
}
