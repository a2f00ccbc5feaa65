import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore, RegistryError } from '../../../main/registry/registry-store';
import { instanceRecord as record } from '../../seeds/instance-record';
import { lastStatus, tempDataDirs } from './registry-fixtures';

const dataDir = tempDataDirs();

async function fresh() {
  const store = confRegistryStore(await dataDir());
  return { store, registry: createInstanceRegistry(store) };
}

async function withFile(instances: unknown) {
  const { store, registry } = await fresh();
  store.update(() => []);
  const text = JSON.stringify({ instances }, undefined, '\t');
  await writeFile(store.location, text);
  return { store, registry, text };
}

describe('instance registry: saving and finding', () => {
  it('starts empty', async () => {
    const { registry } = await fresh();
    expect(registry.list()).toEqual([]);
    expect(registry.findByName('prod')).toBeUndefined();
  });

  it('adds, lists in order, gets by id and finds by name ignoring case and spaces', async () => {
    const { registry, store } = await fresh();
    const prod = registry.add(record({ name: 'Prod EU', customer: 'ACME', tags: ['eu', 'prod'] }));
    const staging = registry.add(record({ name: 'Staging' }));
    expect(registry.list()).toEqual([prod, staging]);
    expect(registry.get(staging.id)).toEqual(staging);
    expect(registry.get('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(registry.findByName('prod eu')).toEqual(prod);
    expect(registry.findByName('  PROD EU ')).toEqual(prod);
    expect(registry.findByName('prod')).toBeUndefined();
    // A second registry on the same folder (the CLI, the app) sees the same records.
    expect(createInstanceRegistry(confRegistryStore(store.location.replace(/\/config\.json$/, ''))).list()).toEqual([
      prod,
      staging,
    ]);
  });

  it('refuses a duplicate name, case-insensitively, with a clear error', async () => {
    const { registry } = await fresh();
    registry.add(record({ name: 'Prod' }));
    const attempt = () => registry.add(record({ name: 'PROD' }));
    expect(attempt).toThrow(RegistryError);
    expect(attempt).toThrow('An instance named "Prod" is already saved; names are compared ignoring case');
    expect(registry.list()).toHaveLength(1);
  });

  it('refuses a second record with the same id', async () => {
    const { registry } = await fresh();
    const first = registry.add(record({ name: 'A' }));
    expect(() => registry.add(record({ id: first.id, name: 'B' }))).toThrow(/already saved/);
  });

  it('refuses an invalid record, and any record with a token field', async () => {
    const { registry } = await fresh();
    expect(() => registry.add(record({ url: 'ftp://auth.example.com' }))).toThrow(/record\.url/);
    expect(() => registry.add(record({ name: '' }))).toThrow(/record\.name: the name is empty/);
    expect(() => registry.add({ ...record(), token: 'secret-token' } as never)).toThrow(
      expect.objectContaining({ code: 'invalid_record', message: expect.stringContaining('token') }),
    );
    expect(registry.list()).toEqual([]);
  });

  it('updates a record, keeping its id; a change of case in its own name is fine', async () => {
    const { registry } = await fresh();
    const prod = registry.add(record({ name: 'Prod' }));
    const updated = registry.update(prod.id, { name: 'PROD', tags: ['x'], lastVersion: '2026.5.6' });
    expect(updated).toEqual({ ...prod, name: 'PROD', tags: ['x'], lastVersion: '2026.5.6' });
    expect(registry.get(prod.id)).toEqual(updated);
  });

  it("refuses to rename onto another instance's name, an unknown id, or an invalid result", async () => {
    const { registry } = await fresh();
    const prod = registry.add(record({ name: 'Prod' }));
    registry.add(record({ name: 'Staging' }));
    expect(() => registry.update(prod.id, { name: 'staging' })).toThrow(
      expect.objectContaining({ code: 'duplicate_name' }),
    );
    expect(() => registry.update('00000000-0000-4000-8000-000000000000', { name: 'X' })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(() => registry.update(prod.id, { url: 'https://user:pw@auth.example.com' })).toThrow(
      expect.objectContaining({ code: 'invalid_record' }),
    );
    expect(registry.get(prod.id)).toEqual(prod);
  });

  it('removes a record; false for an unknown id', async () => {
    const { registry } = await fresh();
    const prod = registry.add(record({ name: 'Prod' }));
    const staging = registry.add(record({ name: 'Staging' }));
    expect(registry.remove(prod.id)).toBe(true);
    expect(registry.remove(prod.id)).toBe(false);
    expect(registry.list()).toEqual([staging]);
  });
});

describe('instance registry: a damaged file is set aside and its last good copy restored, never silently dropped', () => {
  it.each([
    ['"instances" is not a list', { a: 1 }, '"instances" is an object, not a list'],
    ['a record has a bad URL', [record({ url: 'not a url' })], 'instances[0].url'],
    ['a record lacks a field', [{ ...record(), name: undefined }], 'instances[0].name'],
    [
      'a last known status lacks its usage',
      [{ ...record(), lastStatus: { ...lastStatus(), usage: undefined } }],
      'instances[0].lastStatus.usage',
    ],
    [
      'two records differ only in case',
      [record({ name: 'Prod' }), record({ name: 'prod' })],
      'two instances are named "Prod" and "prod"',
    ],
  ])('when %s', async (_, instances, words) => {
    const notices: string[] = [];
    const store = confRegistryStore(await dataDir(), (notice) => void notices.push(notice));
    const registry = createInstanceRegistry(store);
    const kept = registry.add(record({ name: 'Kept' }));
    const text = JSON.stringify({ instances }, undefined, '\t');
    await writeFile(store.location, text);

    expect(registry.list()).toEqual([kept]);
    expect(notices).toEqual([expect.stringContaining(`The settings file ${store.location} was damaged: ${words}`)]);
    const aside = /It was moved to (.+?), and the last good copy/.exec(notices[0] ?? '')?.[1] ?? '';
    expect(await readFile(aside, 'utf8')).toBe(text);
    // Set aside once: the restored file reads clean, and changes go on from it.
    expect(registry.add(record({ name: 'Next' })).name).toBe('Next');
    expect(notices).toHaveLength(1);
  });

  it('reports instances it cannot trust from a store that does not repair them, naming the store', () => {
    const registry = createInstanceRegistry({
      location: '/elsewhere/config.json',
      read: () => 42,
      update: () => undefined,
    });
    expect(() => registry.list()).toThrow(
      expect.objectContaining({
        code: 'corrupt',
        message: expect.stringContaining('/elsewhere/config.json are damaged: "instances" is a number, not a list'),
      }),
    );
  });

  it('keeps the fields a newer version added to a record, without handing them out, and writes them back', async () => {
    const newer = {
      ...record({ name: 'Prod', lastStatus: lastStatus() }),
      region: 'eu-west',
      lastRefresh: { at: '2026-11-29T08:00:00.000Z', ok: true, errorCode: null, errorMessage: null, attempts: 2 },
    };
    newer.lastStatus = { ...lastStatus(), source: 'push' } as typeof newer.lastStatus;
    const { registry, store } = await withFile([newer]);
    const [read] = registry.list();
    expect(read).not.toHaveProperty('region');
    expect(read?.lastRefresh).not.toHaveProperty('attempts');

    registry.update(newer.id, { tags: ['changed'] });
    registry.add(record({ name: 'Other' }));
    const saved = (JSON.parse(await readFile(store.location, 'utf8')) as { instances: Record<string, unknown>[] })
      .instances[0];
    expect(saved).toEqual({ ...newer, tags: ['changed'] });
  });

  it('reads a record written by another copy of the app exactly as it was saved', async () => {
    const saved = record({
      name: 'Prod',
      lastRefresh: { at: '2026-11-29T08:00:00.000Z', ok: false, errorCode: 'unreachable', errorMessage: 'down' },
      overCapacitySince: '2026-11-01T00:00:00.000Z',
      lastStatus: lastStatus({ exit: 2, status: 'read_only', warnings: ['A warning'], flags: ['trial'] }),
    });
    const { registry } = await withFile([saved]);
    expect(registry.list()).toEqual([saved]);
  });

  it('reads a record saved before previousInstallId existed as having none', async () => {
    const older: Record<string, unknown> & { id: string; lastInstallId: string | null } = record({
      name: 'Prod',
      lastInstallId: '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44',
    });
    delete older.previousInstallId;
    const { registry } = await withFile([older]);
    expect(registry.list()).toEqual([{ ...older, previousInstallId: null }]);
    expect(registry.update(older.id, { previousInstallId: older.lastInstallId }).previousInstallId).toBe(
      older.lastInstallId,
    );
  });

  it('reads a record saved before lastStatus existed as having none, and saves one given later', async () => {
    const older: Record<string, unknown> & { id: string } = record({ name: 'Prod' });
    delete older.lastStatus;
    const { registry } = await withFile([older]);
    expect(registry.list()).toEqual([{ ...older, lastStatus: null }]);
    expect(registry.update(older.id, { lastStatus: lastStatus() }).lastStatus).toEqual(lastStatus());
    expect(registry.get(older.id)?.lastStatus).toEqual(lastStatus());
  });

  it('reads a record saved before allowHttp existed as not allowing plain HTTP, and keeps the flag once set', async () => {
    const older: Record<string, unknown> & { id: string } = record({ name: 'Lab', url: 'http://auth.lab.example' });
    delete older.allowHttp;
    const { registry } = await withFile([older]);
    expect(registry.list()).toEqual([{ ...older, allowHttp: false }]);
    expect(registry.update(older.id, { allowHttp: true }).allowHttp).toBe(true);
    expect(registry.get(older.id)?.allowHttp).toBe(true);
  });
});
