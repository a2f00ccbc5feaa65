import { randomUUID } from 'node:crypto';
import type { InstanceRecord } from '../../main/registry/instance-record';

/**
 * An instance as the registry stores it, never refreshed, with `overrides` on top. Free of vitest, so
 * child processes, benches and Playwright specs can seed a data folder with it too.
 */
export function instanceRecord(overrides: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    id: randomUUID(),
    name: 'Prod',
    url: 'https://auth.example.com',
    customer: null,
    tags: [],
    caPem: null,
    allowHttp: false,
    lastInstallId: null,
    lastVersion: null,
    lastRefresh: null,
    overCapacitySince: null,
    previousInstallId: null,
    lastStatus: null,
    ...overrides,
  };
}
