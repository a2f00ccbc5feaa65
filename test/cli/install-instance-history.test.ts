import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toIsoUtc } from '../../shared/time/iso';
import { createInstanceService } from '../../main/instances/instance-service';
import { fileStatusHistory, statusHistoryDir } from '../../main/instances/status-history';
import { createInstanceRegistry } from '../../main/registry/instance-registry';
import { confRegistryStore } from '../../main/registry/registry-store';
import { requireKeychain, tempDataDirs, trackedVaults, uniqueToken } from '../integration/keychain/keychain-fixtures';
import { DAY_S, instanceFixtures } from './instance-fixtures';
import { json } from './run-aklm';

requireKeychain();
const fx = await instanceFixtures();
const { vaultOf } = trackedVaults();
const dataDir = tempDataDirs();
const TOKEN = uniqueToken();
const DAY_MS = DAY_S * 1000;

interface InstallJson {
  installed: boolean;
  reason: string;
  message: string;
  warnings: string[];
}

/**
 * An instance with 40 users whose license was deleted 10 days ago: authentik reports `unlicensed`, yet
 * its valid usage records of before still count. Saved the way the app saves it.
 */
async function deletedLicenseInstance() {
  const dir = await dataDir();
  const sim = await fx.sim({
    tokens: { [TOKEN]: { viewLicense: true } },
    users: { internal: 40, external: 0, internalJoinedLast30Days: 0 },
    usageRecords: [{ at: Date.now() - 10 * DAY_MS, status: 'valid' }],
  });
  const record = await createInstanceService({
    registry: createInstanceRegistry(confRegistryStore(dir)),
    secrets: vaultOf(dir),
  }).add({ name: 'Prod', url: sim.url, token: TOKEN });
  const key = await fx.write(
    `small-${record.id}.jwt`,
    fx.key(sim.installId, 365, { internal_users: 10, external_users: 0 }),
  );
  const install = async () => {
    const run = await fx.aklm(['install', key, '--instance', 'prod', '--json'], { env: { AKLM_DATA_DIR: dir } });
    return { run, report: json<InstallJson>(run) };
  };
  return { dir, sim, record, install };
}

describe("aklm install --instance NAME bounds authentik's last valid date with the app's history too", () => {
  it("without a history, unlicensed means no valid record: refused; with the app's reading of it valid 10 days ago, installed with the dates", async () => {
    const { dir, sim, record, install } = await deletedLicenseInstance();
    const refused = await install();
    expect(refused.run.code).toBe(1);
    expect(refused.report).toMatchObject({ installed: false, reason: 'over_capacity' });
    expect(refused.report.message).toMatch(
      /^It turns read-only at once: 40 internal users, 10 seats after this key\. authentik has no valid usage record \(it reports unlicensed now\)/,
    );

    // What the app's refreshes wrote: the instance was valid then, within capacity.
    const seenAt = Date.now() - 10 * DAY_MS;
    const log: string[] = [];
    fileStatusHistory(statusHistoryDir(dir), { error: (what) => void log.push(what) }, Date.now).append(
      record.id,
      sim.url,
      {
        at: toIsoUtc(seenAt),
        status: 'valid',
        statusCached: 'valid',
        licensed: { internalUsers: 50, externalUsers: 0 },
        usage: { internalUsers: 40, externalUsers: 0 },
      },
    );
    expect(log).toEqual([]);
    const allowed = await install();
    expect(allowed.run.code).toBe(0);
    expect(allowed.report).toMatchObject({ installed: true, reason: 'ok' });
    expect(allowed.report.warnings[0]).toContain(
      `(it reports unlicensed now; the app read valid on ${toIsoUtc(seenAt).slice(0, 10)}).`,
    );
    // authentik agrees: the 10-day-old valid record lets the capacity checks fall through.
    expect(sim.installed()).toHaveLength(1);
    const summary = await fetch(`${sim.url}/api/v3/enterprise/license/summary/?cached=false`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(((await summary.json()) as { status: string }).status).toBe('valid');
  });

  it('a damaged history is reported and left where it is; the status alone decides', async () => {
    const { dir, record, install } = await deletedLicenseInstance();
    const file = join(statusHistoryDir(dir), `${record.id}.json`);
    fileStatusHistory(statusHistoryDir(dir), { error: () => undefined }, Date.now).append(
      record.id,
      'https://elsewhere.example.com',
      {
        at: toIsoUtc(Date.now()),
        status: 'valid',
        statusCached: 'valid',
        licensed: { internalUsers: 50, externalUsers: 0 },
        usage: null,
      },
    );
    await writeFile(file, '{ not json');
    const { run, report } = await install();
    expect(run.code).toBe(1);
    expect(report).toMatchObject({ reason: 'over_capacity' });
    expect(report.warnings).toEqual([
      "The app's status history of this instance was not used (it is not valid JSON), so authentik's last valid date was bounded from its status alone.",
    ]);
    expect(existsSync(file)).toBe(true);
  });
});
