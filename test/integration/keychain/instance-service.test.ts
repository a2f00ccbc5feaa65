import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InstanceError } from '../../../main/instances/instance-error';
import { createInstanceService } from '../../../main/instances/instance-service';
import { InstanceServiceError } from '../../../main/instances/instance-service-error';
import { createInstanceRegistry, type InstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { instanceAccount, KeychainUnavailableError, type SecretStore } from '../../../main/secrets/secret-store';
import { closedPort } from '../instances/instance-fixtures';
import { keychainLookup, runServiceChild, uniqueToken } from './keychain-fixtures';
import { instanceServiceFixtures, rejection } from './instance-service-fixtures';
import { tokenPlaces, vaultJson, vaultSecret } from './vault-reader';

const { fx, dataDir, TOKEN, sim, setup } = await instanceServiceFixtures();

describe('instance service: adding an instance', () => {
  it('tests the connection, puts the token in the token vault and the record (without it) in the registry file', async () => {
    const server = await sim();
    const { dir, service, registry, fileText } = await setup({ now: () => Date.parse('2026-11-29T08:00:00.000Z') });
    const before = server.requests.length;
    const record = await service.add({
      name: '  Prod EU ',
      url: `${server.url}/`,
      token: ` ${TOKEN} `,
      customer: 'ACME',
      tags: ['eu', ' prod ', 'eu'],
    });

    expect(server.requests.length).toBeGreaterThan(before);
    expect(record).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Prod EU',
      url: server.url,
      customer: 'ACME',
      tags: ['eu', 'prod'],
      caPem: null,
      allowHttp: false,
      lastInstallId: server.installId,
      lastVersion: '2026.5.6',
      lastRefresh: { at: '2026-11-29T08:00:00.000Z', ok: true, errorCode: null, errorMessage: null },
      overCapacitySince: null,
      previousInstallId: null,
      // The service tests the connection but judges no status: the refresh that follows an add records it.
      lastStatus: null,
    });
    expect(registry.list()).toEqual([record]);

    // The vault holds the token, opened with the key libsecret's own tool reads from the keychain; the keychain
    // holds no entry of its own for it, and no file of the data folder holds it in the clear.
    expect(tokenPlaces(dir, instanceAccount(record.id), TOKEN)).toEqual({ vault: TOKEN, keychain: null, inClear: [] });
    // The registry file on disk: the record, and no token anywhere in the raw text.
    const text = fileText();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.slice(-12));
    expect(text).not.toMatch(/token/i);
    expect(JSON.parse(text)).toEqual({ instances: [record], schemaVersion: 1 });
  });

  it('after several adds and a token change, the registry file still holds no token', async () => {
    const { dir, service, fileText } = await setup();
    const tokens = [uniqueToken(), uniqueToken(), uniqueToken()];
    const servers = await Promise.all(tokens.map((token) => fx.sim({ tokens: { [token]: { viewLicense: true } } })));
    const records = [];
    for (const [index, server] of servers.entries())
      records.push(await service.add({ name: `Instance ${index}`, url: server.url, token: tokens[index] ?? '' }));
    const replacement = uniqueToken();
    const first = servers[0];
    if (first === undefined || records[0] === undefined) throw new Error('no instance');
    const replaced = await fx.sim({ tokens: { [replacement]: { viewLicense: true } } });
    await service.update(records[0].id, { url: replaced.url, token: replacement });
    const text = fileText();
    for (const token of [...tokens, replacement]) expect(text).not.toContain(token);
    expect((JSON.parse(text) as { instances: unknown[] }).instances).toHaveLength(3);
    expect(tokenPlaces(dir, instanceAccount(records[0].id), replacement)).toEqual({
      vault: replacement,
      keychain: null,
      inClear: [],
    });
  });

  it("records when the instance is already over capacity (the app's first sighting of it)", async () => {
    const server = await sim({ users: { internal: 60, external: 0, internalJoinedLast30Days: 0 } });
    server.addLicense(fx.key(server.installId, 365, { internal_users: 50, external_users: 10 }));
    server.refreshCachedSummary();
    const { service } = await setup({ now: () => Date.parse('2026-11-29T08:00:00.000Z') });
    const record = await service.add({ name: 'Crowded', url: server.url, token: TOKEN });
    expect(record.overCapacitySince).toBe('2026-11-29T08:00:00.000Z');
  });

  it.each([
    ['a closed port', async () => `http://127.0.0.1:${await closedPort()}`, TOKEN, 'unreachable'],
    ['a wrong token', async () => (await sim()).url, 'wrong-token-for-this-test', 'unauthorized'],
  ] as const)('stores nothing when the connection test fails (%s)', async (_, url, token, code) => {
    const { service, registry, ids, store } = await setup();
    const error = await rejection(service.add({ name: 'Broken', url: await url(), token }));
    expect(error).toBeInstanceOf(InstanceError);
    expect(error).toMatchObject({ code });
    expect(error.message).not.toContain(token);
    // No id was ever drawn, so no keychain account (instance:<id>) can have been written.
    expect(ids).toEqual([]);
    expect(registry.list()).toEqual([]);
    expect(existsSync(store.location)).toBe(false);
  });

  it('stores nothing when the token store refuses the token (injected failure)', async () => {
    const server = await sim();
    const failing = (vault: SecretStore): SecretStore => ({
      ...vault,
      set: () => Promise.reject(new KeychainUnavailableError('locked', 'The Secret Service keyring is locked')),
    });
    const { dir, service, registry, ids, fileText } = await setup({}, failing);
    const error = await rejection(service.add({ name: 'Locked', url: server.url, token: TOKEN }));
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(registry.list()).toEqual([]);
    expect(fileText()).toBe('');
    expect(ids).toHaveLength(1);
    expect(vaultSecret(dir, instanceAccount(ids[0] ?? ''))).toBeNull();
    expect(keychainLookup(instanceAccount(ids[0] ?? ''))).toBeNull();
  });

  it('stores nothing when no keychain is reachable (the real binding on an unreachable D-Bus, in a child process)', async () => {
    const server = await sim();
    const dir = await dataDir();
    const id = randomUUID();
    const result = await runServiceChild(
      { action: 'add', dataDir: dir, id, name: 'No bus', url: server.url, token: TOKEN },
      { env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' } },
    );
    expect(result).toMatchObject({ ok: false, name: 'KeychainUnavailableError', problem: 'no-session-bus' });
    // The connection test passed: only the keychain stopped it, and nothing was kept elsewhere instead.
    expect(server.requests.length).toBeGreaterThan(0);
    expect(createInstanceRegistry(confRegistryStore(dir)).list()).toEqual([]);
    expect(vaultJson(dir)).toBeNull();
    expect(keychainLookup(instanceAccount(id))).toBeNull();
  });

  it('takes the token back out of the vault when the registry cannot save the record', async () => {
    const server = await sim();
    const { dir, registry, secrets, ids } = await setup();
    const brokenRegistry: InstanceRegistry = {
      ...registry,
      add: () => {
        throw new Error('disk full');
      },
    };
    const service = createInstanceService({
      registry: brokenRegistry,
      secrets,
      newId: () => (ids.push(randomUUID()), ids.at(-1) ?? ''),
    });
    await expect(service.add({ name: 'Disk full', url: server.url, token: TOKEN })).rejects.toThrow('disk full');
    expect(vaultSecret(dir, instanceAccount(ids[0] ?? ''))).toBeNull();
    expect(registry.list()).toEqual([]);
  });

  it('refuses a duplicate name case-insensitively, before connecting', async () => {
    const server = await sim();
    const { service, registry, ids } = await setup();
    await service.add({ name: 'Prod', url: server.url, token: TOKEN });
    const sent = server.requests.length;
    const error = await rejection(service.add({ name: 'pROD', url: server.url, token: TOKEN }));
    expect(error).toBeInstanceOf(InstanceServiceError);
    expect(error).toMatchObject({
      code: 'duplicate_name',
      message: expect.stringContaining('An instance named “pROD” already exists'),
    });
    expect(server.requests.length).toBe(sent);
    expect(ids).toHaveLength(1);
    expect(registry.list().map((record) => record.name)).toEqual(['Prod']);
  });

  it.each([
    ['an empty name', { name: '   ' }, 'invalid_name'],
    ['an ftp URL', { url: 'ftp://auth.example.com' }, 'invalid_url'],
    ['credentials in the URL', { url: 'https://admin:pw@auth.example.com' }, 'invalid_url'],
    ['not a URL', { url: 'auth example' }, 'invalid_url'],
    ['plain http:// to another computer, not allowed', { url: 'http://auth.example.com' }, 'invalid_url'],
    ['an empty token', { token: ' ' }, 'invalid_token'],
    ['a token with a line break', { token: 'abc\ndef' }, 'invalid_token'],
    ['a CA that is not PEM', { caPem: 'hello' }, 'invalid_ca'],
    ['a customer with a line break', { customer: 'ACME\nInc' }, 'invalid_customer'],
    ['an overlong tag', { tags: ['t'.repeat(101)] }, 'invalid_tags'],
    [
      'a CA whose PEM is garbage',
      { caPem: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n' },
      'invalid_ca',
    ],
  ] as const)('refuses %s before sending anything', async (_, change, code) => {
    const server = await sim();
    const { service, registry } = await setup();
    const error = await rejection(service.add({ name: 'Valid', url: server.url, token: TOKEN, ...change }));
    expect(error).toMatchObject({ name: 'InstanceServiceError', code });
    expect(server.requests).toEqual([]);
    expect(registry.list()).toEqual([]);
  });

  it('accepts a real PEM CA and keeps it with the record', async () => {
    const server = await sim();
    const { service } = await setup();
    const record = await service.add({
      name: 'With CA',
      url: server.url,
      token: TOKEN,
      caPem: `\n${fx.pki.root.pem}\n\n`,
    });
    expect(record.caPem).toBe(`${fx.pki.root.pem.trim()}\n`);
    expect((await service.connectionFor(record.id)).caPem).toBe(record.caPem);
  });
});
