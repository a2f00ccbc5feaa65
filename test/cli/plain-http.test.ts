import { describe, expect, it } from 'vitest';
import { createInstanceService } from '../../main/instances/instance-service';
import { createInstanceRegistry } from '../../main/registry/instance-registry';
import { confRegistryStore } from '../../main/registry/registry-store';
import { instanceAccount } from '../../main/secrets/secret-store';
import { requireKeychain, tempDataDirs, trackedVaults } from '../integration/keychain/keychain-fixtures';
import { instanceRecord as record } from '../seeds/instance-record';
import { instanceFixtures, TOKEN } from './instance-fixtures';
import { json } from './run-aklm';

requireKeychain();
const fx = await instanceFixtures();
const { vaultOf } = trackedVaults();
const dataDir = tempDataDirs();

/**
 * A simulator at http://0.0.0.0:<port>: another computer by the rule (only 127.0.0.0/8, ::1 and
 * localhost are loopback), which Linux still delivers to the simulator listening on 127.0.0.1.
 */
async function elsewhereSim() {
  const sim = await fx.sim();
  sim.addLicense(fx.key(sim.installId, 365, { name: 'Yearly', internal_users: 50, external_users: 100 }));
  sim.refreshCachedSummary();
  return { sim, url: sim.url.replace('127.0.0.1', '0.0.0.0') };
}

const REFUSAL =
  /--url http:\/\/0\.0\.0\.0:\d+: This address is plain http:\/\/, so the API token would cross the network unencrypted\. Use the instance’s https:\/\/ address, or add --allow-http to send it this way anyway\./;

describe('aklm --url http://… of another computer', () => {
  it('status refuses it: exit 3 (UNKNOWN), nothing sent, saying what to do', async () => {
    const { sim, url } = await elsewhereSim();

    const text = await fx.aklm(['status', '--url', url]);
    expect(text.code).toBe(3);
    expect(text.stderr).toMatch(REFUSAL);

    const asJson = await fx.aklm(['status', '--url', url, '--json']);
    expect(asJson.code).toBe(3);
    expect(json(asJson)).toMatchObject({
      status: null,
      error: { code: 'config', message: expect.stringMatching(REFUSAL) },
      exit: 3,
    });
    expect(sim.requests).toEqual([]);
  });

  it('status reads it with --allow-http', async () => {
    const { sim, url } = await elsewhereSim();
    const run = await fx.aklm(['status', '--url', url, '--allow-http', '--json']);
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ instance: { url, install_id: sim.installId }, status: 'valid', exit: 0 });
    expect(sim.requests.every((request) => request.authorized)).toBe(true);
  });

  it('install refuses it without --allow-http (nothing sent) and installs with it', async () => {
    const { sim, url } = await elsewhereSim();
    const file = await fx.write(`plain-http-${Date.now()}.jwt`, fx.key(sim.installId, 400, { name: 'Renewal' }));

    const refused = await fx.aklm(['install', file, '--url', url, '--json']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(REFUSAL);
    expect(sim.requests).toEqual([]);

    const installed = await fx.aklm(['install', file, '--url', url, '--allow-http', '--json']);
    expect(installed.code).toBe(0);
    expect(json(installed)).toMatchObject({ installed: true });
  });

  it('a loopback http:// address needs no --allow-http', async () => {
    const { sim } = await elsewhereSim();
    expect((await fx.aklm(['status', '--url', sim.url])).code).toBe(0);
  });
});

describe('aklm --instance NAME over plain http:// to another computer: the saved permission applies', () => {
  async function saved(allowHttp: boolean | undefined) {
    const { sim, url } = await elsewhereSim();
    const dir = await dataDir();
    const registry = createInstanceRegistry(confRegistryStore(dir));
    const secrets = vaultOf(dir);
    if (allowHttp === true) {
      await createInstanceService({ registry, secrets }).add({ name: 'Lab', url, token: TOKEN, allowHttp: true });
    } else {
      // Saved before the rule existed: no permission recorded.
      const older: Record<string, unknown> & { id: string } = record({ name: 'Lab', url });
      delete older.allowHttp;
      registry.add(older as ReturnType<typeof record>);
      await secrets.set(instanceAccount(older.id), TOKEN);
    }
    return { sim, env: { AKLM_DATA_DIR: dir }, before: sim.requests.length };
  }

  it('reads an instance saved with plain HTTP allowed', async () => {
    const { sim, env } = await saved(true);
    const run = await fx.aklm(['status', '--instance', 'lab', '--json'], { env });
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ status: 'valid', instance: { install_id: sim.installId } });
  });

  it('refuses one saved without the permission: exit 3, nothing sent, saying to edit it in the app', async () => {
    const { sim, env, before } = await saved(undefined);
    const run = await fx.aklm(['status', '--instance', 'lab'], { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /the saved instance "Lab" \(http:\/\/0\.0\.0\.0:\d+\): This address is plain http:\/\/, so the API token would cross the network unencrypted\. Edit the instance in the app/,
    );
    expect(sim.requests.length).toBe(before);
  });

  it('--allow-http does not override the saved setting', async () => {
    const { env } = await saved(undefined);
    const run = await fx.aklm(['status', '--instance', 'lab', '--allow-http'], { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('--allow-http cannot be used with --instance');
  });
});

describe('aklm fleet with a plain http:// address of another computer', () => {
  it('refuses that instance alone (code config, nothing sent to it) and checks the others', async () => {
    const { sim, url } = await elsewhereSim();
    const healthy = await elsewhereSim();
    const file = await fx.write(
      `fleet-plain-http-${Date.now()}.json`,
      JSON.stringify([
        { name: 'lab', url, token_env: 'FLEET_TOKEN' },
        { name: 'local', url: healthy.sim.url, token_env: 'FLEET_TOKEN' },
      ]),
    );
    const run = await fx.aklm(['fleet', file, '--json'], { env: { FLEET_TOKEN: TOKEN } });
    expect(run.code).toBe(3);
    expect(
      json<{ instances: { name: string; exit: number; error?: { code: string; message: string } }[] }>(run).instances,
    ).toEqual([
      {
        name: 'lab',
        url,
        exit: 3,
        error: {
          code: 'config',
          message:
            'This address is plain http://, so the API token would cross the network unencrypted. Use the instance’s https:// address, or add "allow_http": true to its entry to send it this way anyway.',
        },
      },
      expect.objectContaining({ name: 'local', exit: 0 }),
    ]);
    expect(sim.requests).toEqual([]);
  });

  it('reads it when the entry says "allow_http": true', async () => {
    const { sim, url } = await elsewhereSim();
    const file = await fx.write(
      `fleet-allow-http-${Date.now()}.json`,
      JSON.stringify([{ name: 'lab', url, token_env: 'FLEET_TOKEN', allow_http: true }]),
    );
    const run = await fx.aklm(['fleet', file, '--json'], { env: { FLEET_TOKEN: TOKEN } });
    expect(run.code).toBe(0);
    expect(json<{ instances: { name: string; exit: number }[] }>(run).instances).toEqual([
      expect.objectContaining({ name: 'lab', exit: 0 }),
    ]);
    expect(sim.requests.length).toBeGreaterThan(0);
  });
});
