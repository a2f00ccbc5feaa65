import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInstanceService } from '../../main/instances/instance-service';
import { createInstanceRegistry } from '../../main/registry/instance-registry';
import { confRegistryStore } from '../../main/registry/registry-store';
import { instanceAccount } from '../../main/secrets/secret-store';
import {
  requireKeychain,
  tempDataDirs,
  trackedKeychain,
  trackedVaults,
  uniqueToken,
} from '../integration/keychain/keychain-fixtures';
import { tokenPlaces } from '../integration/keychain/vault-reader';
import { instanceRecord as record } from '../seeds/instance-record';
import { instanceFixtures, TOKEN as ENV_TOKEN } from './instance-fixtures';
import { json } from './run-aklm';

requireKeychain();
const fx = await instanceFixtures();
// The keychain for what an older version left there; the vaults for what the app saves now.
const keychain = trackedKeychain();
const { vaultOf } = trackedVaults();
const dataDir = tempDataDirs();
// Not the token in AKLM_TOKEN (which fx.aklm always sets): a pass proves the CLI took the keychain's.
const TOKEN = uniqueToken();

interface StatusJson {
  instance: { url: string; version: string | null; install_id: string | null };
  status: string | null;
  error?: { code: string; message: string };
  exit: number;
}

/** Saves instances the way the app does (instance-service: connection test, token vault, registry) in a fresh data folder. */
async function savedThroughTheApp(names: string[]) {
  const dir = await dataDir();
  const secrets = vaultOf(dir);
  const service = createInstanceService({ registry: createInstanceRegistry(confRegistryStore(dir)), secrets });
  const sim = await fx.sim({ tokens: { [TOKEN]: { viewLicense: true } } });
  sim.addLicense(fx.key(sim.installId, 365, { name: 'Yearly', internal_users: 50, external_users: 100 }));
  sim.refreshCachedSummary();
  const records = [];
  for (const name of names) records.push(await service.add({ name, url: sim.url, token: TOKEN }));
  return { dir, sim, secrets, records, env: { AKLM_DATA_DIR: dir } };
}

describe('aklm --instance NAME: instances saved by the app, tokens from its token vault', () => {
  it('status reads a saved instance by name in any case, exit 0 OK with its Install ID', async () => {
    const { dir, sim, env, records } = await savedThroughTheApp(['Prod EU', 'Staging']);
    expect(ENV_TOKEN).not.toBe(TOKEN);
    expect(tokenPlaces(dir, instanceAccount(records[0]?.id ?? ''), TOKEN)).toEqual({
      vault: TOKEN,
      keychain: null,
      inClear: [],
    });
    const run = await fx.aklm(['status', '--instance', 'pROD eu', '--json'], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(json<StatusJson>(run)).toMatchObject({
      instance: { url: sim.url, version: '2026.5.6', install_id: sim.installId },
      status: 'valid',
      exit: 0,
    });
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('status in text form works too', async () => {
    const { env } = await savedThroughTheApp(['Prod']);
    const run = await fx.aklm(['status', '--instance', 'prod'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^AKLM OK - valid/);
  });

  it('an instance an older version saved, its token a keychain entry of its own: read, and the token moved into the vault', async () => {
    const dir = await dataDir();
    const sim = await fx.sim({ tokens: { [TOKEN]: { viewLicense: true } } });
    const older = record({ name: 'Older', url: sim.url });
    createInstanceRegistry(confRegistryStore(dir)).add(older);
    await keychain.set(instanceAccount(older.id), TOKEN);

    const run = await fx.aklm(['status', '--instance', 'older', '--json'], { env: { AKLM_DATA_DIR: dir } });
    expect(json<StatusJson>(run).instance.install_id).toBe(sim.installId);
    expect(tokenPlaces(dir, instanceAccount(older.id), TOKEN)).toEqual({ vault: TOKEN, keychain: null, inClear: [] });
    // The vault's key, which the CLI made, is deleted with the others after the file.
    expect(await vaultOf(dir).get(instanceAccount(older.id))).toBe(TOKEN);
  });

  it('an unknown name: exit 3, listing the saved names', async () => {
    const { env } = await savedThroughTheApp(['Prod EU', 'Staging']);
    const run = await fx.aklm(['status', '--instance', 'qa'], { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'aklm: there is no saved instance named "qa"; the saved instances are "Prod EU", "Staging"\n',
    );

    const asJson = await fx.aklm(['status', '--instance', 'qa', '--json'], { env });
    expect(asJson.code).toBe(3);
    expect(json<StatusJson>(asJson)).toMatchObject({
      status: null,
      error: { code: 'config', message: expect.stringContaining('"Prod EU", "Staging"') },
      exit: 3,
    });
  });

  it('no saved instances at all: exit 3, saying so', async () => {
    const dir = await dataDir();
    const run = await fx.aklm(['status', '--instance', 'prod'], { env: { AKLM_DATA_DIR: dir } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('no saved instances');
  });

  it('install --instance installs through the saved instance', async () => {
    const { sim, env } = await savedThroughTheApp(['Prod']);
    const key = fx.key(sim.installId, 400, { name: 'Renewal' });
    const file = await fx.write(`renewal-${Date.now()}.jwt`, key);
    const run = await fx.aklm(['install', file, '--instance', 'PROD', '--json'], { env });
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ installed: true, reason: 'ok' });
    expect(sim.installed().map((license) => license.key)).toContain(key);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('a saved instance whose token is gone from the vault: exit 3, saying to enter the token again', async () => {
    const { env, records, secrets } = await savedThroughTheApp(['Prod']);
    await secrets.delete(instanceAccount(records[0]?.id ?? ''));
    const run = await fx.aklm(['status', '--instance', 'prod'], { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^aklm: The token vault holds no API token for the saved instance "Prod".*Enter the token again/,
    );
  });

  it('no keychain reachable: exit 3 with the fix, never a token from elsewhere', async () => {
    const { env } = await savedThroughTheApp(['Prod']);
    const run = await fx.aklm(['status', '--instance', 'prod'], {
      env: { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^aklm: No D-Bus session bus is reachable, so the keychain \(Secret Service\) cannot be used: run inside a desktop session/,
    );
  });

  it('a damaged registry file: set aside, its last good copy restored and read, and a warning on stderr saying where it went', async () => {
    const { env, dir } = await savedThroughTheApp(['Prod']);
    const file = join(dir, 'config.json');
    await writeFile(file, '{"instances": 42}');
    const run = await fx.aklm(['status', '--instance', 'prod', '--json'], { env });
    expect(run.code).toBe(0);
    expect(json<StatusJson>(run).exit).toBe(0);
    const aside = (await readdir(dir)).find((name) => name.startsWith('config.json.damaged-')) ?? '';
    expect(run.stderr).toContain(
      `aklm: warning: The settings file ${file} was damaged: "instances" is a number, not a list. It was moved to ${join(dir, aside)}, and the last good copy (${file}.bak, saved `,
    );
    expect(await readFile(join(dir, aside), 'utf8')).toBe('{"instances": 42}');
  });

  it('refuses --token-env with --instance (the token comes from the token vault)', async () => {
    const { env } = await savedThroughTheApp(['Prod']);
    const run = await fx.aklm(['status', '--instance', 'prod', '--token-env', 'AKLM_TOKEN'], { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('--token-env cannot be used with --instance');
  });
});
