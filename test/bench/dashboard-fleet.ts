import { randomUUID, X509Certificate } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFleetMonitor } from '../../main/instances/fleet-monitor';
import { refreshPatch } from '../../main/instances/refresh-patch';
import type { TrustRoots } from '../../main/license/trust-roots';
import type { InstanceRecord } from '../../main/registry/instance-record';
import { keyringSecretStore } from '../../main/secrets/keyring-secret-store';
import { instanceAccount } from '../../main/secrets/secret-store';
import { vaultKeyAccount } from '../../main/secrets/vault-access';
import { VAULT_FILE_NAME } from '../../main/secrets/vault-file';
import { vaultSecretStore } from '../../main/secrets/vault-secret-store';
import { licenseClaims, mintKey } from '../pki/mint-key';
import type { TestPki } from '../pki/test-pki';
import type { AuthentikSim, SimUserCounts, startAuthentikSimFleet as StartFleet } from '../sim/authentik';

const TOKEN = 'bench-dashboard-token';
const DAY_SECONDS = 24 * 3600;
/** Instances the previous session's "Refresh all" reads at once (the app's own setting). */
const PREVIOUS_SESSION_CONCURRENCY = 8;
const CUSTOMERS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  null,
] as const;
const ENVIRONMENTS = ['production', 'staging', 'eu-west', 'us-east', 'lab'] as const;
const TAGS = ['eu', 'us', 'gold', 'silver', 'managed', 'self-hosted', 'k8s'] as const;

interface Seat {
  days: number;
  internal: number;
  external: number;
  flags?: string[];
}

/** What a fleet looks like: each status and bar level authentik has, cycled through the instances. */
const PROFILES: { licenses: Seat[]; users: SimUserCounts }[] = [
  {
    licenses: [{ days: 365, internal: 100, external: 1000 }],
    users: { internal: 40, external: 200, internalJoinedLast30Days: 2 },
  },
  {
    licenses: [{ days: 10, internal: 50, external: 100 }],
    users: { internal: 45, external: 90, internalJoinedLast30Days: 1 },
  },
  {
    licenses: [{ days: 365, internal: 50, external: 100 }],
    users: { internal: 60, external: 30, internalJoinedLast30Days: 5 },
  },
  { licenses: [], users: { internal: 12, external: 0, internalJoinedLast30Days: 0 } },
  {
    licenses: [{ days: 200, internal: 25, external: 50, flags: ['trial'] }],
    users: { internal: 5, external: 7, internalJoinedLast30Days: 3 },
  },
  {
    licenses: [
      { days: 300, internal: 80, external: 500, flags: ['non_production'] },
      { days: 30, internal: 20, external: 0, flags: ['non_production'] },
    ],
    users: { internal: 90, external: 120, internalJoinedLast30Days: 4 },
  },
  {
    licenses: [{ days: -20, internal: 100, external: 100 }],
    users: { internal: 10, external: 10, internalJoinedLast30Days: 0 },
  },
  {
    licenses: [
      { days: 400, internal: 200, external: 1000 },
      { days: 90, internal: 50, external: 0 },
      { days: 20, internal: 10, external: 0 },
    ],
    users: { internal: 150, external: 1200, internalJoinedLast30Days: 9 },
  },
];

/** Saved instances behind authentik simulators, each with its token in the data folder's token vault, for the dashboard bench. */
export interface DashboardFleet {
  /** The test PKI's root, for the bridge's `--root`, so installed keys verify offline as they do in the app. */
  rootFile: string;
  /**
   * Makes `dataDir` the data folder of the app's previous session with the first `count` instances: their
   * registry records as that session's "Refresh all" left them (each with its last refresh and last known
   * status) and their tokens in its token vault. Returns the records.
   */
  seed(dataDir: string, count: number): Promise<InstanceRecord[]>;
  /** Deletes the vaults' keys from the keychain and stops the simulators. */
  close(): Promise<void>;
}

function install(pki: TestPki, sim: AuthentikSim, seats: Seat[], index: number): void {
  const now = Math.floor(Date.now() / 1000);
  seats.forEach((seat, position) => {
    const claims = licenseClaims(sim.installId, now + seat.days * DAY_SECONDS, {
      name: `Bench ${index + 1}${position === 0 ? '' : ` add-on ${position}`}`,
      internal_users: seat.internal,
      external_users: seat.external,
      license_flags: seat.flags ?? [],
    });
    sim.addLicense(mintKey({ signer: pki.signerP384, intermediate: pki.intermediate, claims }));
  });
  sim.refreshCachedSummary();
}

/**
 * Reads every instance once through the app's own refresh (the fleet monitor, and the registry change it
 * makes) as the previous session's "Refresh all" did, and returns each record as that refresh saved it:
 * last refresh, version, Install ID, over-capacity anchor and last known status.
 */
async function previousSession(records: readonly InstanceRecord[], roots: TrustRoots): Promise<InstanceRecord[]> {
  const saved = new Map(records.map((record) => [record.id, record]));
  const monitor = createFleetMonitor({
    saved: () => [...saved.values()],
    connectionsFor: async (instances) =>
      new Map(instances.map((record) => [record.id, { url: record.url, token: TOKEN, caPem: record.caPem }])),
    refreshed: (outcomes) => {
      for (const [id, outcome] of outcomes) {
        const record = saved.get(id);
        if (record !== undefined) saved.set(id, { ...record, ...refreshPatch(record, outcome) });
      }
    },
    roots: () => roots,
    now: Date.now,
    timeoutMs: 15_000,
    concurrency: PREVIOUS_SESSION_CONCURRENCY,
  });
  const rows = await monitor.refresh(null, () => undefined);
  const unread = rows.filter((row) => row.statusSource !== 'live');
  if (unread.length > 0) {
    throw new Error(
      `bench failed: dashboard: the previous session could not read ${unread.length} instances, e.g. ${unread[0]?.name}: ${unread[0]?.lastRefresh?.error?.message}`,
    );
  }
  return [...saved.values()];
}

/**
 * `count` instances that read as a real fleet does: valid, expiring soon, over capacity (read-only),
 * unlicensed, trial, non-production, expired, several licenses; usage bars from ok to danger. Every
 * instance is read once as the previous session's "Refresh all" would have; `seed` writes their records
 * and tokens (account `instance:<id>`, in the real token vault, its key in the OS keychain).
 */
export async function startDashboardFleet(
  pki: TestPki,
  startFleet: typeof StartFleet,
  trustRootsOf: (certificates: X509Certificate[]) => TrustRoots,
  dir: string,
  count: number,
): Promise<DashboardFleet> {
  const roots = trustRootsOf([new X509Certificate(pki.root.pem)]);
  const profileOf = (index: number) => PROFILES[index % PROFILES.length] ?? PROFILES[0];
  const fleet = await startFleet(count, (index) => ({
    roots: roots.certificates,
    tokens: { [TOKEN]: { viewLicense: true } },
    users: profileOf(index)?.users,
  }));
  fleet.instances.forEach((sim, index) => install(pki, sim, profileOf(index)?.licenses ?? [], index));

  const ids = fleet.instances.map(() => randomUUID());
  const rootFile = join(dir, 'dashboard-root.pem');
  writeFileSync(rootFile, pki.root.pem);

  const added = ids.map((id, index): InstanceRecord => {
    const customer = CUSTOMERS[index % CUSTOMERS.length] ?? null;
    const environment = ENVIRONMENTS[index % ENVIRONMENTS.length] ?? 'production';
    return {
      id,
      name: `${customer ?? 'Internal'} ${environment} ${index + 1}`,
      url: fleet.instanceUrl(index),
      customer,
      tags: TAGS.filter((_, tag) => (index + tag) % 3 === 0),
      caPem: null,
      lastInstallId: null,
      lastVersion: null,
      lastRefresh: null,
      overCapacitySince: null,
    };
  });
  const keychain = keyringSecretStore();
  /** One vault per size, its tokens stored once and copied into each round's data folder (its key travels with its folder id). */
  const vaults = new Map<number, { file: string; keyAccount: string }>();
  const close = async (): Promise<void> => {
    for (const { keyAccount } of vaults.values()) await keychain.delete(keyAccount);
    await fleet.close();
  };
  const refreshed = await previousSession(added, roots).catch(async (error: unknown) => {
    await close();
    throw error;
  });

  async function vaultOf(count: number): Promise<string> {
    const known = vaults.get(count);
    if (known !== undefined) return known.file;
    const vaultDir = join(dir, `vault-${count}`);
    mkdirSync(vaultDir, { recursive: true });
    const vault = vaultSecretStore({
      dataDir: vaultDir,
      keychain,
      ownedAccounts: () => [],
      report: (message) => {
        throw new Error(`bench failed: dashboard: ${message}`);
      },
    });
    await Promise.all(ids.slice(0, count).map((id) => vault.set(instanceAccount(id), TOKEN)));
    const file = join(vaultDir, VAULT_FILE_NAME);
    const { folderId } = JSON.parse(readFileSync(file, 'utf8')) as { folderId: string };
    vaults.set(count, { file, keyAccount: vaultKeyAccount(folderId) });
    return file;
  }

  return {
    rootFile,
    async seed(dataDir, count) {
      const records = refreshed.slice(0, count);
      writeFileSync(join(dataDir, 'config.json'), `${JSON.stringify({ instances: records }, null, '\t')}\n`);
      copyFileSync(await vaultOf(count), join(dataDir, VAULT_FILE_NAME));
      return records;
    },
    close,
  };
}
