import { describe, expect, it } from 'vitest';
import type { License } from '../../../shared/portal/schemas/licenses';
import { linkLicenses, type InstanceLinkDeps } from '../../../main/portal/instance-links';
import { statusFailure, type StatusFailure, type StatusReport } from '../../../main/instances/status-report';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { instanceRecord as record } from '../../seeds/instance-record';
import { tempDataDirs } from '../registry/registry-fixtures';

const dataDir = tempDataDirs();
const INSTALL_ID = '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44';
const OTHER_INSTALL_ID = '9d0e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f01';
const OLD_KEY = `sha256:${'a'.repeat(64)}`;
const NEW_KEY = `sha256:${'b'.repeat(64)}`;

/** The portal's renewal: active, a new key, a year later than the old one. */
const RENEWAL: License = {
  id: '33333333-3333-4333-8333-333333333333',
  nickname: 'Production 2027',
  install_id: INSTALL_ID,
  internal_users: 20,
  external_users: 0,
  expires_at: '2027-11-29T09:00:00.000Z',
  status: 'active',
  key_fingerprint: NEW_KEY,
  previous_key_fingerprint: OLD_KEY,
};

/** What the fleet monitor read of an instance with these keys installed (fingerprint, expiry). */
function readWith(installed: [string, string][], installId = INSTALL_ID): StatusReport {
  return {
    instance: { url: 'https://auth.example.com', version: '2026.8.3', install_id: installId },
    status: 'valid',
    status_cached: 'valid',
    latest_valid: null,
    licensed: { internal_users: 20, external_users: 0 },
    usage: null,
    forecast: null,
    flags: [],
    licenses: installed.map(([fingerprint, expiry], index) => ({
      license_uuid: `uuid-${index}`,
      name: `key ${index}`,
      expiry,
      internal_users: 20,
      external_users: 0,
      fingerprint,
      verification: { valid: true, reason: 'ok' },
    })),
    warnings: [],
    notes: [],
    exit: 0,
  };
}

/**
 * Saved instances in a real registry file, and a fleet monitor that has read some of them this session;
 * the others are "read" from `answers` when linking asks for them.
 */
async function fleet(
  saved: {
    name: string;
    lastInstallId: string | null;
    read?: StatusReport | StatusFailure;
    answers?: StatusReport | StatusFailure;
  }[],
) {
  const registry = createInstanceRegistry(confRegistryStore(await dataDir()));
  const reports = new Map<string, StatusReport | StatusFailure>();
  const answers = new Map<string, StatusReport | StatusFailure>();
  const readIds: string[][] = [];
  const events: string[] = [];
  const ids: Record<string, string> = {};
  for (const instance of saved) {
    const { id } = registry.add(record({ name: instance.name, lastInstallId: instance.lastInstallId }));
    ids[instance.name] = id;
    if (instance.read !== undefined) reports.set(id, instance.read);
    if (instance.answers !== undefined) answers.set(id, instance.answers);
  }
  const deps: InstanceLinkDeps = {
    registry,
    monitor: {
      reportOf: (id) => reports.get(id),
      refresh: async (which) => {
        readIds.push([...(which ?? [])]);
        for (const id of which ?? []) {
          const answer = answers.get(id);
          if (answer !== undefined) reports.set(id, answer);
        }
        return [];
      },
    },
    emit: (event) => void events.push(event),
  };
  return { deps, ids, readIds, events };
}

describe('linking portal licenses to saved instances', () => {
  it('links every saved instance with the license’s Install ID, each with its own renewed-but-not-installed state', async () => {
    const { deps, ids } = await fleet([
      { name: 'Primary', lastInstallId: INSTALL_ID, read: readWith([[OLD_KEY, '2026-12-01T00:00:00.000Z']]) },
      { name: 'Elsewhere', lastInstallId: OTHER_INSTALL_ID, read: readWith([], OTHER_INSTALL_ID) },
      // The same installation saved a second time (another name for it), where the renewal is installed already.
      {
        name: 'Primary (second address)',
        lastInstallId: INSTALL_ID.toUpperCase(),
        read: readWith([[NEW_KEY, RENEWAL.expires_at ?? '']]),
      },
    ]);
    const [linked] = await linkLicenses(deps, [RENEWAL]);
    expect(linked?.instances).toEqual([
      { instanceId: ids.Primary, instanceName: 'Primary', renewedNotInstalled: true, lastReadProblem: null },
      {
        instanceId: ids['Primary (second address)'],
        instanceName: 'Primary (second address)',
        renewedNotInstalled: false,
        lastReadProblem: null,
      },
    ]);
  });

  it('links no instance when none has the Install ID', async () => {
    const { deps } = await fleet([
      { name: 'Elsewhere', lastInstallId: OTHER_INSTALL_ID, read: readWith([], OTHER_INSTALL_ID) },
    ]);
    const [linked] = await linkLicenses(deps, [RENEWAL]);
    expect(linked?.instances).toEqual([]);
  });

  it('reads every matching instance not yet read this session, all in one go, and says the instances changed', async () => {
    const { deps, ids, readIds, events } = await fleet([
      { name: 'Primary', lastInstallId: INSTALL_ID, answers: readWith([]) },
      { name: 'Copy', lastInstallId: INSTALL_ID, answers: readWith([[NEW_KEY, RENEWAL.expires_at ?? '']]) },
      { name: 'Known', lastInstallId: INSTALL_ID, read: readWith([]) },
    ]);
    const linked = await linkLicenses(deps, [RENEWAL, { ...RENEWAL, id: '44444444-4444-4444-8444-444444444444' }]);
    expect(readIds).toEqual([[ids.Primary, ids.Copy]]);
    expect(events).toEqual(['instances:did-change']);
    expect(linked.map((license) => license.instances.map((instance) => instance.renewedNotInstalled))).toEqual([
      [true, false, true],
      [true, false, true],
    ]);
  });

  it('says the license could not be compared with an instance whose last read failed, instead of calling it installed', async () => {
    const unreachable = statusFailure(
      'https://auth.example.com',
      'unreachable',
      'auth.example.com did not answer within 15 s.',
    );
    const { deps, ids } = await fleet([
      { name: 'Primary', lastInstallId: INSTALL_ID, read: unreachable },
      { name: 'Copy', lastInstallId: INSTALL_ID, read: readWith([]) },
    ]);
    const [renewal] = await linkLicenses(deps, [RENEWAL]);
    expect(renewal?.instances).toEqual([
      {
        instanceId: ids.Primary,
        instanceName: 'Primary',
        renewedNotInstalled: false,
        lastReadProblem: 'auth.example.com did not answer within 15 s.',
      },
      { instanceId: ids.Copy, instanceName: 'Copy', renewedNotInstalled: true, lastReadProblem: null },
    ]);
  });

  it('has nothing to compare for a license without a key or an expired one, read or not', async () => {
    const { deps } = await fleet([
      {
        name: 'Primary',
        lastInstallId: INSTALL_ID,
        read: statusFailure('https://auth.example.com', 'unauthorized', 'The token was refused.'),
      },
    ]);
    const linked = await linkLicenses(deps, [
      { ...RENEWAL, status: 'pending_payment', key_fingerprint: null, expires_at: null },
      { ...RENEWAL, status: 'expired' },
    ]);
    expect(linked.map((license) => license.instances.map((instance) => instance.lastReadProblem))).toEqual([
      [null],
      [null],
    ]);
  });
});
